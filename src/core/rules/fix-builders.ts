/**
 * Builds the fixes rules offer, in the file's own style: add actions to a role, attach a managed policy,
 * correct a trust principal. Each returns undefined when no careful patch can be written, so a rule
 * never offers a guess.
 */
import { appendToSequence, addMapEntry, convertScalarToSequence, replaceScalarOrNode, type EditableDocument } from '../fix/document-edits.js';
import type { FixValue } from '../fix/fix-value.js';
import type { Fix } from '../finding.js';
import { managedPolicyArn } from '../iam/managed-policies.js';
import type { PolicyStatement } from '../iam/policy.js';
import type { IamRole } from '../model/iam-model.js';
import type { Repository } from '../model/repository.js';
import type { Template } from '../model/template.js';
import { getEntry, getValue, isMap, isScalar, isSeq, type DocNode, type MapNode, type SeqNode } from '../parse/node.js';
import type { TextEdit } from '../text/text-edit.js';
import { actionService } from '../iam/action-match.js';
import { matchResource } from '../iam/resource-match.js';

/** The document a role is written in, when its text can be edited. */
export function editableDocument(repo: Repository, path: string): EditableDocument | undefined {
  const file = repo.file(path);
  return file?.root ? { path, source: file.source, root: file.root, syntax: file.syntax } : undefined;
}

/**
 * Turns a Sub-style string into a value for `template`: a literal, `!Ref X`, `!GetAtt X.Attr` or `!Sub`.
 * Tokens the template cannot express (resources of another template, our own placeholders) become `*`,
 * which keeps the grant correct and as narrow as the known parts allow.
 */
export function toFixValue(text: string, template: Template | undefined, fileText?: string): FixValue {
  // A literal `arn:aws:` copied into a template that spells partitions portably follows the template.
  if (template && text.startsWith('arn:aws:') && fileText?.includes('${AWS::Partition}')) text = `arn:\${AWS::Partition}:${text.slice('arn:aws:'.length)}`;
  const valid = (name: string): boolean => {
    if (name.startsWith('AWS::')) return true;
    if (!template) return false;
    const dot = name.indexOf('.');
    if (dot < 0) return template.resources.has(name) || template.parameters.has(name);
    const resource = template.resources.get(name.slice(0, dot));
    return resource !== undefined && !name.endsWith('.Suffix');
  };
  const whole = /^\$\{([^}]+)\}$/.exec(text);
  if (whole && valid(whole[1]) && !whole[1].startsWith('AWS::')) {
    const dot = whole[1].indexOf('.');
    return dot < 0 ? { kind: 'ref', name: whole[1] } : { kind: 'getatt', logicalId: whole[1].slice(0, dot), attribute: whole[1].slice(dot + 1) };
  }
  // A secret's ARN ends in a random suffix; `!Ref Secret` is the value to grant.
  const secretRef = /\$\{([A-Za-z0-9]+)\.Suffix\}$/.exec(text);
  if (secretRef && template?.resources.get(secretRef[1])?.type === 'AWS::SecretsManager::Secret') return { kind: 'ref', name: secretRef[1] };
  const replaced = text.replace(/\$\{([^}]*)\}/g, (token, name: string) => (name.startsWith('!') || valid(name) ? token : '*'));
  return /\$\{[^!]/.test(replaced) ? { kind: 'sub', template: replaced } : { kind: 'string', value: replaced };
}

/** Several insertions at one offset (items appended to one list) become one edit, in order. */
export function combineEdits(edits: TextEdit[]): TextEdit[] {
  const result: TextEdit[] = [];
  for (const edit of edits) {
    const last = result[result.length - 1];
    if (last && last.path === edit.path && last.startOffset === edit.startOffset && last.endOffset === edit.endOffset && edit.startOffset === edit.endOffset) {
      result[result.length - 1] = { ...last, newText: last.newText + edit.newText };
    } else result.push(edit);
  }
  return result;
}

function appendAll(doc: EditableDocument, seq: SeqNode, items: FixValue[]): TextEdit[] {
  return combineEdits(items.flatMap((item) => appendToSequence(doc, seq, item)));
}

/**
 * Whether new actions belong in an existing statement: it already grants actions of the same service
 * on resources that cover exactly what is needed (not a broader `*` the new actions do not need).
 */
function statementFits(statement: PolicyStatement, grant: PermissionGrant): boolean {
  const resources = statement.resource;
  if (!resources?.length || !statement.action?.length) return false;
  if (resources.includes('*') && !grant.resources.includes('*')) return false;
  const services = new Set(grant.actions.map(actionService));
  if (!statement.action.some((action) => services.has(actionService(action)))) return false;
  return grant.resources.every((needed) => resources.some((r) => r === needed || matchResource(r, needed) === 'yes'));
}

/** An Allow statement written in the role's own file that an edit can extend. */
function isEditableStatement(statement: PolicyStatement, doc: EditableDocument): boolean {
  const node = statement.origin?.node;
  if (!node || statement.origin?.path !== doc.path) return false;
  // Statements parsed out of a JSON string inside YAML point at the whole string: they cannot be edited in place.
  if (doc.syntax === 'yaml' && node.style === 'json') return false;
  return statement.effect === 'Allow' && !statement.notAction && !statement.notResource && statement.conditions.length === 0 && !statement.unresolved && !statement.conditional;
}

export interface PermissionGrant {
  actions: string[];
  /** Resources as Sub-style strings (what the rule compared), converted with toFixValue. */
  resources: string[];
  /** Name for a new inline policy when the role has none. */
  policyName: string;
}

/**
 * Adds actions to a role: to an existing Allow statement on exactly these resources, else as a new
 * statement in the role's first inline policy, else as a new inline policy.
 */
export function buildAddPermissionsFix(repo: Repository, role: IamRole, grant: PermissionGrant, title: string): Fix | undefined {
  if (role.origin !== 'template' || !role.resource?.properties) return undefined;
  const doc = editableDocument(repo, role.path);
  if (!doc) return undefined;
  const resources = grant.resources.map((r) => toFixValue(r, role.template, doc.source.text));

  for (const policy of role.inlinePolicies) {
    for (const statement of policy.statements) {
      if (!isEditableStatement(statement, doc) || !statementFits(statement, grant)) continue;
      const actionNode = getValue(statement.origin!.node, 'Action');
      const actions = grant.actions.map((value): FixValue => ({ kind: 'string', value }));
      if (isSeq(actionNode)) return { title, edits: appendAll(doc, actionNode, actions) };
      if (isScalar(actionNode)) return { title, edits: convertScalarToSequence(doc, actionNode, actions) };
    }
  }

  const statement = allowStatement(grant.actions, resources);
  return buildAddStatementsFix(repo, role, [statement], grant.policyName, title);
}

/**
 * Appends statements to the role's first inline policy written in its own file, else adds an inline
 * policy holding them. Undefined when the role's text cannot be edited safely.
 */
export function buildAddStatementsFix(repo: Repository, role: IamRole, statements: FixValue[], policyName: string, title: string): Fix | undefined {
  if (role.origin !== 'template' || !role.resource?.properties || statements.length === 0) return undefined;
  const doc = editableDocument(repo, role.path);
  if (!doc) return undefined;
  for (const policy of role.inlinePolicies) {
    const documentNode = policy.origin?.node;
    // A policy document written as a JSON string inside YAML cannot be edited in place.
    if (!isMap(documentNode) || policy.origin?.path !== doc.path || (doc.syntax === 'yaml' && documentNode.style === 'json')) continue;
    const list = getValue(documentNode, 'Statement');
    if (isSeq(list)) return { title, edits: combineEdits(statements.flatMap((statement) => appendToSequence(doc, list, statement))) };
  }
  const props = role.resource.properties;
  const newPolicy: FixValue = {
    kind: 'map',
    entries: [
      ['PolicyName', { kind: 'string', value: policyName }],
      ['PolicyDocument', { kind: 'map', entries: [['Version', { kind: 'string', value: '2012-10-17' }], ['Statement', { kind: 'list', items: statements }]] }],
    ],
  };
  const policies = getValue(props, 'Policies');
  if (isSeq(policies)) return { title, edits: appendToSequence(doc, policies, newPolicy) };
  if (getEntry(props, 'Policies')) return undefined; // Policies from an intrinsic: no safe place to add
  return { title, edits: addMapEntry(doc, props, 'Policies', { kind: 'list', items: [newPolicy] }, { after: lastKeyOf(props, ['ManagedPolicyArns', 'AssumeRolePolicyDocument']) }) };
}

/** Actions to allow on resources written as Sub-style strings (converted with toFixValue). */
export interface StatementGrant {
  actions: string[];
  resources: string[];
}

/**
 * Grants several action/resource pairs in one patch: a single grant goes through buildAddPermissionsFix
 * (which can extend a fitting statement); several become new statements, since one statement would
 * grant each action on resources it has no use for.
 */
export function buildGrantsFix(repo: Repository, role: IamRole, grants: StatementGrant[], policyName: string, title: string): Fix | undefined {
  if (grants.length === 0) return undefined;
  if (grants.length === 1) return buildAddPermissionsFix(repo, role, { ...grants[0], policyName }, title);
  const doc = editableDocument(repo, role.path);
  const statements = grants.map((grant) => allowStatement(grant.actions, grant.resources.map((r) => toFixValue(r, role.template, doc?.source.text))));
  return buildAddStatementsFix(repo, role, statements, policyName, title);
}

function lastKeyOf(map: MapNode, preferred: string[]): string | undefined {
  for (const key of preferred) if (getEntry(map, key)) return key;
  return undefined;
}

/** Attaches an AWS managed policy by ARN (`!Sub arn:${AWS::Partition}:iam::aws:policy/...`). */
export function buildAttachManagedPolicyFix(repo: Repository, role: IamRole, policyName: string, title: string): Fix | undefined {
  if (role.origin !== 'template' || !role.resource?.properties) return undefined;
  const doc = editableDocument(repo, role.path);
  if (!doc) return undefined;
  const props = role.resource.properties;
  const arn: FixValue = { kind: 'sub', template: managedPolicyArn(policyName) };
  const list = getValue(props, 'ManagedPolicyArns');
  if (isSeq(list)) return { title, edits: appendToSequence(doc, list, arn) };
  if (getEntry(props, 'ManagedPolicyArns')) return undefined;
  return { title, edits: addMapEntry(doc, props, 'ManagedPolicyArns', { kind: 'list', items: [arn] }, { after: lastKeyOf(props, ['AssumeRolePolicyDocument']) }) };
}

/**
 * Makes a trust policy trust `service`: replaces `badPrincipal` where it is written as the only
 * service, adds `service` to a list of services, or adds a `Service` key to a statement's Principal.
 */
export function buildTrustServiceFix(repo: Repository, role: IamRole, service: string, title: string, badPrincipals: (text: string) => boolean): Fix | undefined {
  if (role.origin !== 'template' || !role.trust) return undefined;
  const doc = editableDocument(repo, role.path);
  if (!doc) return undefined;
  const value: FixValue = { kind: 'string', value: service };
  for (const statement of role.trust.statements) {
    const node = statement.origin?.node;
    if (!node || statement.effect !== 'Allow' || (doc.syntax === 'yaml' && node.style === 'json')) continue;
    const principal = getValue(node, 'Principal');
    const serviceNode = getValue(principal, 'Service');
    if (isSeq(serviceNode)) {
      const bad = serviceNode.items.find((item) => isScalar(item) || isMap(item) ? badPrincipals(textOf(doc, item)) : false);
      if (bad) return { title, edits: replaceScalarOrNode(doc, bad, value) };
      return { title, edits: appendToSequence(doc, serviceNode, value) };
    }
    if (serviceNode) {
      if (badPrincipals(textOf(doc, serviceNode)) || !(statement.principal?.service ?? []).includes(service)) {
        // A single wrong service: replace it, since a task role trusted by ecs.amazonaws.com has no use for it.
        return { title, edits: replaceScalarOrNode(doc, serviceNode, value) };
      }
    }
    if (isMap(principal) && !serviceNode) return { title, edits: addMapEntry(doc, principal, 'Service', value) };
  }
  return undefined;
}

function textOf(doc: EditableDocument, node: DocNode): string {
  return doc.source.text.slice(node.startOffset, node.endOffset);
}

/** A logical id not yet used in the template, built from a preferred name. */
export function unusedLogicalId(template: Template, preferred: string): string {
  if (!template.resources.has(preferred)) return preferred;
  for (let i = 2; ; i++) if (!template.resources.has(`${preferred}${i}`)) return `${preferred}${i}`;
}

/** The body of a new role trusted by one service, with managed policies and optional inline statements. */
export function newRoleBody(service: string, managedPolicies: string[], statements: FixValue[], policyName: string): FixValue {
  const properties: [string, FixValue][] = [
    [
      'AssumeRolePolicyDocument',
      {
        kind: 'map',
        entries: [
          ['Version', { kind: 'string', value: '2012-10-17' }],
          [
            'Statement',
            {
              kind: 'list',
              items: [
                {
                  kind: 'map',
                  entries: [
                    ['Effect', { kind: 'string', value: 'Allow' }],
                    ['Principal', { kind: 'map', entries: [['Service', { kind: 'string', value: service }]] }],
                    ['Action', { kind: 'string', value: 'sts:AssumeRole' }],
                  ],
                },
              ],
            },
          ],
        ],
      },
    ],
  ];
  if (managedPolicies.length) {
    properties.push(['ManagedPolicyArns', { kind: 'list', items: managedPolicies.map((name): FixValue => ({ kind: 'sub', template: managedPolicyArn(name) })) }]);
  }
  if (statements.length) {
    properties.push([
      'Policies',
      {
        kind: 'list',
        items: [
          {
            kind: 'map',
            entries: [
              ['PolicyName', { kind: 'string', value: policyName }],
              ['PolicyDocument', { kind: 'map', entries: [['Version', { kind: 'string', value: '2012-10-17' }], ['Statement', { kind: 'list', items: statements }]] }],
            ],
          },
        ],
      },
    ]);
  }
  return { kind: 'map', entries: [['Type', { kind: 'string', value: 'AWS::IAM::Role' }], ['Properties', { kind: 'map', entries: properties }]] };
}

/** An Allow statement for a new policy. */
export function allowStatement(actions: string[], resources: FixValue[]): FixValue {
  return {
    kind: 'map',
    entries: [
      ['Effect', { kind: 'string', value: 'Allow' }],
      ['Action', { kind: 'list', items: actions.map((value): FixValue => ({ kind: 'string', value })) }],
      ['Resource', resources.length === 1 ? resources[0] : { kind: 'list', items: resources }],
    ],
  };
}

/**
 * A node as a value a fix can write elsewhere (moving a statement to another role): scalars, lists,
 * maps and the intrinsics Ref, GetAtt and Sub; undefined for anything else, so no fix is guessed.
 */
export function nodeToFixValue(node: DocNode): FixValue | undefined {
  if (isScalar(node)) return node.value === null ? undefined : { kind: 'string', value: String(node.value) };
  if (isSeq(node)) {
    const items = node.items.map(nodeToFixValue);
    return items.every((item): item is FixValue => item !== undefined) ? { kind: 'list', items } : undefined;
  }
  if (node.entries.length === 1) {
    const [{ key, value }] = node.entries;
    if (key === 'Ref' && isScalar(value)) return { kind: 'ref', name: String(value.value) };
    if (key === 'Fn::Sub' && isScalar(value)) return { kind: 'sub', template: String(value.value) };
    if (key === 'Fn::GetAtt') {
      const parts = isScalar(value) ? String(value.value).split('.') : isSeq(value) ? value.items.map((i) => (isScalar(i) ? String(i.value) : '')) : [];
      if (parts.length >= 2 && parts.every(Boolean)) return { kind: 'getatt', logicalId: parts[0], attribute: parts.slice(1).join('.') };
      return undefined;
    }
    if (key === 'Condition' || key.startsWith('Fn::')) return undefined;
  }
  const entries: [string, FixValue][] = [];
  for (const entry of node.entries) {
    const value = nodeToFixValue(entry.value);
    if (!value) return undefined;
    entries.push([entry.key, value]);
  }
  return { kind: 'map', entries };
}
