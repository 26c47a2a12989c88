/** Turns policy documents written in templates or config into the evaluator's PolicyDocument form. */
import {
  getEntry,
  getValue,
  intrinsicName,
  isMap,
  isScalar,
  isSeq,
  type DocNode,
  type MapNode,
} from '../parse/node.js';
import { emptyPrincipal, type PolicyCondition, type PolicyDocument, type PolicyStatement, type Principal } from '../iam/policy.js';
import { resolveNode, resolvedToStrings, type Resolved, type ResolveScope } from './resolve.js';

/** A statement node together with whether it only exists under a CloudFormation condition. */
interface StatementSource {
  node: DocNode;
  conditional: boolean;
}

/**
 * Builds a policy document from its node. Documents written as a JSON string (a YAML block scalar
 * holding JSON, as older templates do) are parsed; their statements point at the string as a whole.
 */
export function buildPolicyDocument(scope: ResolveScope, path: string, node: DocNode | undefined, name?: string): PolicyDocument {
  const document: PolicyDocument = { name, statements: [] };
  if (node === undefined) return document;
  document.origin = { path, node };
  const root = isScalar(node) && typeof node.value === 'string' ? parseJsonString(node.value, node) : node;
  if (!root) return document;
  const statementNode = getValue(root, 'Statement');
  for (const source of collectStatements(scope, statementNode, false)) {
    const statement = buildStatement(scope, path, source);
    if (statement) document.statements.push(statement);
  }
  return document;
}

function collectStatements(scope: ResolveScope, node: DocNode | undefined, conditional: boolean): StatementSource[] {
  if (node === undefined) return [];
  if (isSeq(node)) return node.items.flatMap((item) => collectStatements(scope, item, conditional));
  const fn = intrinsicName(node);
  if (fn === 'Fn::If' && isMap(node)) {
    const arg = node.entries[0].value;
    if (!isSeq(arg) || arg.items.length !== 3) return [];
    return [...collectStatements(scope, arg.items[1], true), ...collectStatements(scope, arg.items[2], true)];
  }
  if (fn === 'Ref' && isMap(node)) return []; // AWS::NoValue, or a parameter we cannot see into
  if (isMap(node)) return [{ node, conditional }];
  return [];
}

function buildStatement(scope: ResolveScope, path: string, source: StatementSource): PolicyStatement | undefined {
  const node = source.node as MapNode;
  const statement: PolicyStatement = { origin: { path, node }, effect: 'Allow', conditions: [] };
  let unresolved = false;
  const effect = resolveNode(scope, getValue(node, 'Effect'));
  if (effect.kind === 'string' && (effect.text === 'Allow' || effect.text === 'Deny')) statement.effect = effect.text;
  else unresolved = true;
  const sid = getValue(node, 'Sid');
  if (isScalar(sid) && sid.value !== null) statement.sid = String(sid.value);

  for (const [key, field] of [
    ['Action', 'action'],
    ['NotAction', 'notAction'],
    ['Resource', 'resource'],
    ['NotResource', 'notResource'],
  ] as const) {
    const entry = getEntry(node, key);
    if (!entry) continue;
    const strings = stringsOf(scope, entry.value);
    if (strings.unresolved) unresolved = true;
    statement[field] = strings.values;
  }
  const principal = getEntry(node, 'Principal');
  if (principal) statement.principal = buildPrincipal(scope, principal.value);
  const notPrincipal = getEntry(node, 'NotPrincipal');
  if (notPrincipal) statement.notPrincipal = buildPrincipal(scope, notPrincipal.value);

  const condition = getValue(node, 'Condition');
  if (condition !== undefined) {
    if (!isMap(condition) || intrinsicName(condition)) unresolved = true;
    else {
      for (const operatorEntry of condition.entries) {
        if (!isMap(operatorEntry.value)) {
          unresolved = true;
          continue;
        }
        for (const keyEntry of operatorEntry.value.entries) {
          const values = stringsOf(scope, keyEntry.value);
          statement.conditions.push({ operator: operatorEntry.key, key: keyEntry.key, values: values.values } satisfies PolicyCondition);
        }
      }
    }
  }
  if (unresolved) statement.unresolved = true;
  if (source.conditional) statement.conditional = true;
  return statement;
}

/** Strings of an Action/Resource/condition value; `unresolved` when part of it cannot be known. */
function stringsOf(scope: ResolveScope, node: DocNode): { values: string[]; unresolved: boolean } {
  const resolved = resolveNode(scope, node);
  const values = resolvedToStrings(scope, resolved);
  return { values, unresolved: hasUnknown(resolved) };
}

function hasUnknown(value: Resolved): boolean {
  switch (value.kind) {
    case 'unknown':
    case 'object':
      return true;
    case 'list':
      return value.items.some(hasUnknown);
    case 'choice':
      return value.options.some(hasUnknown);
    default:
      return false;
  }
}

function buildPrincipal(scope: ResolveScope, node: DocNode): Principal {
  const principal = emptyPrincipal();
  const resolved = resolveNode(scope, node);
  if (resolved.kind === 'string' && resolved.text === '*') {
    principal.any = true;
    return principal;
  }
  if (!isMap(node)) return principal;
  for (const entry of node.entries) {
    const values = resolvedToStrings(scope, resolveNode(scope, entry.value));
    if (entry.key === 'Service') principal.service.push(...values);
    else if (entry.key === 'AWS') {
      if (values.includes('*')) principal.any = true;
      principal.aws.push(...values);
    } else if (entry.key === 'Federated') principal.federated.push(...values);
  }
  return principal;
}

/** Parses a JSON policy held in a string into nodes that all point at the string itself. */
function parseJsonString(text: string, at: DocNode): DocNode | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return plainToNode(value, at.startOffset, at.endOffset);
}

function plainToNode(value: unknown, startOffset: number, endOffset: number): DocNode {
  if (Array.isArray(value)) {
    return { kind: 'seq', items: value.map((v) => plainToNode(v, startOffset, endOffset)), style: 'json', startOffset, endOffset };
  }
  if (value !== null && typeof value === 'object') {
    return {
      kind: 'map',
      style: 'json',
      startOffset,
      endOffset,
      entries: Object.entries(value).map(([key, v]) => ({
        key,
        keyNode: { kind: 'scalar', value: key, style: 'json', startOffset, endOffset },
        value: plainToNode(v, startOffset, endOffset),
      })),
    };
  }
  return { kind: 'scalar', value: value as string | number | boolean | null, style: 'json', startOffset, endOffset };
}
