/**
 * Static resolution of CloudFormation intrinsic functions, as far as it can go without deploying:
 * values become Fn::Sub-style strings in which what cannot be known stays a `${...}` token.
 */
import {
  getValue,
  intrinsicName,
  isMap,
  isScalar,
  isSeq,
  scalarString,
  type DocNode,
  type MapNode,
} from '../parse/node.js';
import type { Resource, Template } from './template.js';

export type Resolved =
  | { kind: 'string'; text: string }
  /** A resource of `template` (the scope's template when absent): `Ref` when `attribute` is undefined. */
  | { kind: 'ref'; logicalId: string; attribute?: string; template?: Template }
  | { kind: 'list'; items: Resolved[] }
  /** `Fn::If` (and `Fn::FindInMap` on an unknown key): one of these, depending on conditions. */
  | { kind: 'choice'; options: Resolved[] }
  | { kind: 'novalue' }
  | { kind: 'import'; name: Resolved }
  | { kind: 'object'; node: MapNode }
  | { kind: 'unknown'; reason: string };

/** Token used for a value nothing can be said about. */
export const unknownToken = '${?}';
const maxDepth = 40;
const maxCombinations = 16;

export interface ResolveScope {
  template?: Template;
  /** Values of parameters given from outside (a parent stack); overrides defaults. */
  parameterValues?: Map<string, Resolved>;
  /**
   * Keep parameters as `${Name}` tokens instead of their defaults: what a fix writes into a template,
   * so a grant follows the parameter when the stack is deployed with another value.
   */
  keepParameters?: boolean;
}

/** Resolves an intrinsic-bearing node. Without a template (task-definition JSON), scalars are literal. */
export function resolveNode(scope: ResolveScope, node: DocNode | undefined, depth = 0): Resolved {
  if (node === undefined) return { kind: 'novalue' };
  if (depth > maxDepth) return { kind: 'unknown', reason: 'nested too deeply' };
  if (isScalar(node)) return node.value === null ? { kind: 'novalue' } : { kind: 'string', text: String(node.value) };
  if (isSeq(node)) return { kind: 'list', items: node.items.map((item) => resolveNode(scope, item, depth + 1)) };
  const fn = scope.template ? intrinsicName(node) : undefined;
  if (!fn) return { kind: 'object', node };
  const arg = node.entries[0].value;
  switch (fn) {
    case 'Ref':
      return resolveRef(scope, scalarString(arg), depth);
    case 'Fn::GetAtt':
      return resolveGetAtt(scope, arg, depth);
    case 'Fn::Sub':
      return resolveSub(scope, arg, depth);
    case 'Fn::Join':
      return resolveJoin(scope, arg, depth);
    case 'Fn::If': {
      if (!isSeq(arg) || arg.items.length !== 3) return { kind: 'unknown', reason: 'malformed Fn::If' };
      return makeChoice([resolveNode(scope, arg.items[1], depth + 1), resolveNode(scope, arg.items[2], depth + 1)]);
    }
    case 'Fn::FindInMap':
      return resolveFindInMap(scope, arg, depth);
    case 'Fn::Select': {
      if (!isSeq(arg) || arg.items.length !== 2) return { kind: 'unknown', reason: 'malformed Fn::Select' };
      const index = resolveNode(scope, arg.items[0], depth + 1);
      const list = resolveNode(scope, arg.items[1], depth + 1);
      if (index.kind === 'string' && list.kind === 'list' && /^\d+$/.test(index.text)) {
        return list.items[Number(index.text)] ?? { kind: 'unknown', reason: 'Fn::Select index out of range' };
      }
      return { kind: 'unknown', reason: 'Fn::Select of an unresolved list' };
    }
    case 'Fn::Split': {
      if (!isSeq(arg) || arg.items.length !== 2) return { kind: 'unknown', reason: 'malformed Fn::Split' };
      const delimiter = scalarString(arg.items[0]);
      const source = resolveNode(scope, arg.items[1], depth + 1);
      if (delimiter && source.kind === 'string' && !source.text.includes('${')) {
        return { kind: 'list', items: source.text.split(delimiter).map((text) => ({ kind: 'string', text })) };
      }
      return { kind: 'unknown', reason: 'Fn::Split of an unresolved value' };
    }
    case 'Fn::ImportValue': {
      const name = resolveNode(scope, arg, depth + 1);
      const names = resolvedToStrings(scope, name, depth + 1);
      const exported = names.length === 1 ? scope.template?.links?.resolveImport(names[0]) : undefined;
      return exported ?? { kind: 'import', name };
    }
    case 'Fn::Base64':
      return resolveNode(scope, arg, depth + 1);
    default:
      return { kind: 'unknown', reason: `${fn} is not evaluated` };
  }
}

function makeChoice(options: Resolved[]): Resolved {
  const flat: Resolved[] = [];
  for (const option of options) {
    if (option.kind === 'choice') flat.push(...option.options);
    else flat.push(option);
  }
  return flat.length === 1 ? flat[0] : { kind: 'choice', options: flat };
}

const pseudoParameters = new Set([
  'AWS::AccountId',
  'AWS::Region',
  'AWS::Partition',
  'AWS::URLSuffix',
  'AWS::StackName',
  'AWS::StackId',
  'AWS::NotificationARNs',
]);

function resolveRef(scope: ResolveScope, name: string | undefined, depth: number): Resolved {
  if (!name) return { kind: 'unknown', reason: 'malformed Ref' };
  if (name === 'AWS::NoValue') return { kind: 'novalue' };
  if (pseudoParameters.has(name)) return { kind: 'string', text: `\${${name}}` };
  const template = scope.template;
  if (scope.keepParameters && template?.parameters.has(name)) return { kind: 'string', text: `\${${name}}` };
  const given = scope.parameterValues?.get(name) ?? template?.links?.parameterValues.get(name);
  if (given) return given;
  const parameter = template?.parameters.get(name);
  if (parameter) {
    if (parameter.type?.startsWith('AWS::SSM::Parameter::Value')) return { kind: 'string', text: `\${${name}}` };
    if (parameter.defaultValue !== undefined && parameter.defaultValue !== '') {
      return { kind: 'string', text: parameter.defaultValue };
    }
    return { kind: 'string', text: `\${${name}}` };
  }
  if (template?.resources.has(name)) return { kind: 'ref', logicalId: name, template };
  return { kind: 'unknown', reason: `Ref to undefined '${name}'` };
}

function resolveGetAtt(scope: ResolveScope, arg: DocNode, depth: number): Resolved {
  let logicalId: string | undefined;
  let attribute: string | undefined;
  if (isScalar(arg)) {
    const text = scalarString(arg) ?? '';
    const dot = text.indexOf('.');
    if (dot > 0) {
      logicalId = text.slice(0, dot);
      attribute = text.slice(dot + 1);
    }
  } else if (isSeq(arg) && arg.items.length === 2) {
    logicalId = scalarString(arg.items[0]);
    const attr = resolveNode(scope, arg.items[1], depth + 1);
    attribute = attr.kind === 'string' ? attr.text : undefined;
  }
  if (!logicalId || !attribute) return { kind: 'unknown', reason: 'malformed Fn::GetAtt' };
  if (!scope.template?.resources.has(logicalId)) return { kind: 'unknown', reason: `Fn::GetAtt of undefined '${logicalId}'` };
  return resolveStackOutput(scope.template, logicalId, attribute, depth) ?? { kind: 'ref', logicalId, attribute, template: scope.template };
}

/** `!GetAtt Child.Outputs.Name` of a nested stack whose template is in the repository: the output's value. */
function resolveStackOutput(template: Template, logicalId: string, attribute: string, depth: number): Resolved | undefined {
  if (!attribute.startsWith('Outputs.')) return undefined;
  const child = template.links?.childStacks.get(logicalId);
  const output = child?.outputs.get(attribute.slice('Outputs.'.length));
  if (!child || !output?.value) return undefined;
  return resolveNode({ template: child }, output.value, depth + 1);
}

function resolveSub(scope: ResolveScope, arg: DocNode, depth: number): Resolved {
  let text: string | undefined;
  const variables = new Map<string, Resolved>();
  if (isScalar(arg)) text = scalarString(arg);
  else if (isSeq(arg) && arg.items.length >= 1) {
    text = scalarString(arg.items[0]);
    const vars = arg.items[1];
    if (isMap(vars)) for (const entry of vars.entries) variables.set(entry.key, resolveNode(scope, entry.value, depth + 1));
  }
  if (text === undefined) return { kind: 'unknown', reason: 'malformed Fn::Sub' };
  let combinations: string[] = [''];
  let last = 0;
  const pattern = /\$\{([^}]*)\}/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const literal = text.slice(last, match.index);
    last = match.index + match[0].length;
    const name = match[1].trim();
    let parts: string[];
    if (name.startsWith('!')) parts = [match[0]];
    else {
      const value = variables.get(name) ?? resolveSubVariable(scope, name, depth);
      parts = resolvedToStrings(scope, value, depth + 1);
    }
    const next: string[] = [];
    for (const prefix of combinations) for (const part of parts) next.push(prefix + literal + part);
    combinations = next.slice(0, maxCombinations);
  }
  combinations = combinations.map((prefix) => prefix + text!.slice(last));
  return combinations.length === 1
    ? { kind: 'string', text: combinations[0] }
    : makeChoice(combinations.map((t) => ({ kind: 'string', text: t })));
}

function resolveSubVariable(scope: ResolveScope, name: string, depth: number): Resolved {
  const dot = name.indexOf('.');
  if (dot > 0 && !name.startsWith('AWS::')) {
    const logicalId = name.slice(0, dot);
    if (scope.template?.resources.has(logicalId)) {
      return resolveStackOutput(scope.template, logicalId, name.slice(dot + 1), depth) ?? { kind: 'ref', logicalId, attribute: name.slice(dot + 1), template: scope.template };
    }
    return { kind: 'string', text: `\${${name}}` };
  }
  const resolved = resolveRef(scope, name, depth);
  return resolved.kind === 'unknown' ? { kind: 'string', text: `\${${name}}` } : resolved;
}

function resolveJoin(scope: ResolveScope, arg: DocNode, depth: number): Resolved {
  if (!isSeq(arg) || arg.items.length !== 2) return { kind: 'unknown', reason: 'malformed Fn::Join' };
  const delimiter = scalarString(arg.items[0]) ?? '';
  const list = resolveNode(scope, arg.items[1], depth + 1);
  if (list.kind !== 'list') return { kind: 'string', text: resolvedToStrings(scope, list, depth + 1)[0] ?? unknownToken };
  let combinations: string[][] = [[]];
  for (const item of list.items) {
    if (item.kind === 'novalue') continue;
    const parts = resolvedToStrings(scope, item, depth + 1);
    const next: string[][] = [];
    for (const prefix of combinations) for (const part of parts) next.push([...prefix, part]);
    combinations = next.slice(0, maxCombinations);
  }
  const joined = combinations.map((parts) => parts.join(delimiter));
  return joined.length === 1 ? { kind: 'string', text: joined[0] } : makeChoice(joined.map((t) => ({ kind: 'string', text: t })));
}

function resolveFindInMap(scope: ResolveScope, arg: DocNode, depth: number): Resolved {
  const mappings = scope.template?.mappings;
  if (!isSeq(arg) || arg.items.length < 3 || !mappings) return { kind: 'unknown', reason: 'Fn::FindInMap not resolvable' };
  const mapName = resolveNode(scope, arg.items[0], depth + 1);
  const topKey = resolveNode(scope, arg.items[1], depth + 1);
  const secondKey = resolveNode(scope, arg.items[2], depth + 1);
  if (mapName.kind !== 'string' || secondKey.kind !== 'string') return { kind: 'unknown', reason: 'Fn::FindInMap with unresolved keys' };
  const map = getValue(mappings, mapName.text);
  if (!isMap(map)) return { kind: 'unknown', reason: `mapping '${mapName.text}' not found` };
  if (topKey.kind === 'string' && !topKey.text.includes('${')) {
    const value = getValue(getValue(map, topKey.text), secondKey.text);
    return value ? resolveNode(scope, value, depth + 1) : { kind: 'unknown', reason: 'Fn::FindInMap key not found' };
  }
  // An unknown top-level key (usually the region): any of the mapping's rows may apply.
  const options: Resolved[] = [];
  for (const entry of map.entries) {
    const value = getValue(entry.value, secondKey.text);
    if (value) options.push(resolveNode(scope, value, depth + 1));
  }
  return options.length ? makeChoice(options) : { kind: 'unknown', reason: 'Fn::FindInMap key not found' };
}

/** Every string a resolved value may take, with tokens for what is unknown. Lists are flattened. */
export function resolvedToStrings(scope: ResolveScope, value: Resolved, depth = 0): string[] {
  switch (value.kind) {
    case 'string':
      return [value.text];
    case 'ref':
      return [referenceString(value.template ? { template: value.template } : scope, value.logicalId, value.attribute, depth)];
    case 'list':
      return value.items.flatMap((item) => resolvedToStrings(scope, item, depth + 1));
    case 'choice':
      return [...new Set(value.options.flatMap((option) => resolvedToStrings(scope, option, depth + 1)))];
    case 'novalue':
      return [];
    case 'import': {
      const names = resolvedToStrings(scope, value.name, depth + 1);
      return [`\${ImportValue:${names[0] ?? '?'}}`];
    }
    case 'object':
    case 'unknown':
      return [unknownToken];
  }
}

/** Convenience: resolve a node and return all strings it may take. */
export function resolveStrings(scope: ResolveScope, node: DocNode | undefined): string[] {
  return resolvedToStrings(scope, resolveNode(scope, node));
}

/** The single string a node resolves to, or undefined when it may take several values or none. */
export function resolveSingleString(scope: ResolveScope, node: DocNode | undefined): string | undefined {
  const strings = resolveStrings(scope, node);
  return strings.length === 1 ? strings[0] : undefined;
}

/** Whether a Sub-style string has no tokens at all. */
export function isLiteral(text: string): boolean {
  return !text.includes('${');
}

const nameProperty: Record<string, string> = {
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::InstanceProfile': 'InstanceProfileName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::IAM::User': 'UserName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::ECR::Repository': 'RepositoryName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::ECS::Cluster': 'ClusterName',
  'AWS::SecretsManager::Secret': 'Name',
  'AWS::SSM::Parameter': 'Name',
  'AWS::Events::Rule': 'Name',
};

/** The physical name of a resource: its name property when it resolves, else a token standing for it. */
export function resourceName(scope: ResolveScope, resource: Resource, depth = 0): string {
  const property = nameProperty[resource.type];
  if (property && depth < maxDepth) {
    const value = resolveNode(scope, getValue(resource.properties, property), depth + 1);
    if (value.kind === 'string') return value.text;
  }
  return `\${${resource.logicalId}}`;
}

/**
 * What `Ref` (attribute undefined) or `Fn::GetAtt` of a template resource evaluates to, as a Sub-style
 * string: ARNs are spelled out where their shape is known so policies and needs can be compared.
 */
export function referenceString(scope: ResolveScope, logicalId: string, attribute: string | undefined, depth = 0): string {
  const resource = scope.template?.resources.get(logicalId);
  if (!resource || depth > maxDepth) return attribute ? `\${${logicalId}.${attribute}}` : `\${${logicalId}}`;
  const name = () => resourceName(scope, resource, depth + 1);
  const prefix = (service: string, regional = true) =>
    `arn:\${AWS::Partition}:${service}:${regional ? '${AWS::Region}' : ''}:\${AWS::AccountId}`;
  switch (resource.type) {
    case 'AWS::IAM::Role':
    case 'AWS::IAM::InstanceProfile':
    case 'AWS::IAM::User': {
      if (attribute === undefined) return name();
      if (attribute !== 'Arn') break;
      const kind = resource.type === 'AWS::IAM::Role' ? 'role' : resource.type === 'AWS::IAM::User' ? 'user' : 'instance-profile';
      const pathValue = resolveNode(scope, getValue(resource.properties, 'Path'), depth + 1);
      const path = pathValue.kind === 'string' ? pathValue.text : '/';
      return `${prefix('iam', false)}:${kind}${path.startsWith('/') ? path : '/' + path}${path.endsWith('/') ? '' : '/'}${name()}`;
    }
    case 'AWS::IAM::ManagedPolicy':
      if (attribute === undefined || attribute === 'PolicyArn') return `${prefix('iam', false)}:policy/${name()}`;
      break;
    case 'AWS::Logs::LogGroup':
      if (attribute === undefined) return name();
      if (attribute === 'Arn') return `${prefix('logs')}:log-group:${name()}:*`;
      break;
    case 'AWS::ECR::Repository':
      if (attribute === undefined) return name();
      if (attribute === 'Arn') return `${prefix('ecr')}:repository/${name()}`;
      if (attribute === 'RepositoryUri') return `\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.\${AWS::URLSuffix}/${name()}`;
      break;
    case 'AWS::S3::Bucket':
      if (attribute === undefined) return name();
      if (attribute === 'Arn') return `arn:\${AWS::Partition}:s3:::${name()}`;
      break;
    case 'AWS::ECS::Cluster':
      if (attribute === undefined) return name();
      if (attribute === 'Arn') return `${prefix('ecs')}:cluster/${name()}`;
      break;
    case 'AWS::SecretsManager::Secret': {
      // Ref and Id give the ARN, which ends in a random six-character suffix nobody can predict.
      if (attribute === undefined || attribute === 'Id') {
        const secretName = name();
        return secretName.startsWith('${') ? `\${${logicalId}}` : `${prefix('secretsmanager')}:secret:${secretName}-\${${logicalId}.Suffix}`;
      }
      break;
    }
    case 'AWS::SSM::Parameter':
      if (attribute === undefined) return name();
      break;
    case 'AWS::EFS::FileSystem':
      if (attribute === 'Arn') return `${prefix('elasticfilesystem')}:file-system/\${${logicalId}}`;
      break;
    case 'AWS::EFS::AccessPoint':
      if (attribute === 'Arn') return `${prefix('elasticfilesystem')}:access-point/\${${logicalId}}`;
      break;
    case 'AWS::SNS::Topic':
      if (attribute === undefined) return `${prefix('sns')}:\${${logicalId}.TopicName}`;
      break;
    case 'AWS::SQS::Queue':
      if (attribute === 'Arn') return `${prefix('sqs')}:\${${logicalId}.QueueName}`;
      break;
    case 'AWS::DynamoDB::Table':
      if (attribute === 'Arn') return `${prefix('dynamodb')}:table/\${${logicalId}}`;
      break;
    case 'AWS::KinesisFirehose::DeliveryStream':
      if (attribute === 'Arn') return `${prefix('firehose')}:deliverystream/\${${logicalId}}`;
      break;
    case 'AWS::Kinesis::Stream':
      if (attribute === 'Arn') return `${prefix('kinesis')}:stream/\${${logicalId}}`;
      break;
  }
  return attribute ? `\${${logicalId}.${attribute}}` : `\${${logicalId}}`;
}
