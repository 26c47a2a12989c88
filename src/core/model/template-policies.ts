/**
 * Every IAM policy document written in a template, wherever a resource holds one: role, user and
 * group policies, AWS::IAM::Policy and ManagedPolicy, trust policies, and resource policies (bucket,
 * queue, key, repository...), so that rules about how a policy is written see all of them.
 */
import { getValue, intrinsicName, isMap, isScalar, isSeq, type DocNode, type MapNode } from '../parse/node.js';
import type { PolicyDocument } from '../iam/policy.js';
import { buildPolicyDocument } from './policy-document.js';
import type { Resource, Template } from './template.js';

export interface TemplatePolicy {
  template: Template;
  resource: Resource;
  /** The property key that holds the document (`PolicyDocument`, `AssumeRolePolicyDocument`, `KeyPolicy`...). */
  key: string;
  /** The document node: a map, or a string holding the document as JSON. */
  node: DocNode;
  document: PolicyDocument;
  /** Written as a JSON string: every statement points at the whole string, so nothing inside can be edited. */
  isJsonString: boolean;
  /** `trust` for AssumeRolePolicyDocument; `resource` when its statements name a Principal; else `identity`. */
  kind: 'identity' | 'trust' | 'resource';
}

const cache = new WeakMap<Template, TemplatePolicy[]>();

/** Keys whose string value may be a policy written as JSON (`PolicyDocument: '{"Statement": ...}'`). */
const policyKey = /(?:Policy|PolicyDocument|PolicyText)$/;

/** The policy documents of a template, in document order; computed once per template. */
export function findTemplatePolicies(template: Template): TemplatePolicy[] {
  const cached = cache.get(template);
  if (cached) return cached;
  const found: TemplatePolicy[] = [];
  for (const resource of template.resources.values()) {
    if (!resource.properties) continue;
    visit(resource.properties, undefined, (node, key) => {
      const isJsonString = isScalar(node);
      const document = buildPolicyDocument({ template }, template.path, node, policyName(resource, node) ?? key);
      const kind = key === 'AssumeRolePolicyDocument' ? 'trust' : document.statements.some((s) => s.principal || s.notPrincipal) ? 'resource' : 'identity';
      found.push({ template, resource, key: key ?? '', node, document, isJsonString, kind });
    });
  }
  cache.set(template, found);
  return found;
}

/** Walks properties; calls `onDocument` for each policy document and does not descend into it. */
function visit(node: DocNode, key: string | undefined, onDocument: (node: DocNode, key: string | undefined) => void): void {
  if (isScalar(node)) {
    if (key && policyKey.test(key) && typeof node.value === 'string' && /^\s*\{[\s\S]*"Statement"/.test(node.value)) onDocument(node, key);
    return;
  }
  if (isSeq(node)) {
    for (const item of node.items) visit(item, key, onDocument);
    return;
  }
  if (isPolicyDocument(node)) {
    onDocument(node, key);
    return;
  }
  // An intrinsic's arguments keep the key they stand for (`PolicyDocument: !If [c, {...}, {...}]`).
  const passKey = intrinsicName(node) !== undefined;
  for (const entry of node.entries) visit(entry.value, passKey ? key : entry.key, onDocument);
}

/** A map with a `Statement` that is a statement list or map (or an `Fn::If` of them) and looks like IAM's. */
function isPolicyDocument(node: MapNode): boolean {
  const statement = getValue(node, 'Statement');
  if (statement === undefined || isScalar(statement)) return false;
  if (getValue(node, 'Version') !== undefined) return true;
  const items = isSeq(statement) ? statement.items : [statement];
  return items.some((item) => isMap(item) && (getValue(item, 'Effect') !== undefined || intrinsicName(item) === 'Fn::If'));
}

/** The PolicyName next to a document (role, user and group `Policies` items, AWS::IAM::Policy). */
function policyName(resource: Resource, documentNode: DocNode): string | undefined {
  const props = resource.properties;
  if (getValue(props, 'PolicyDocument') === documentNode) {
    const name = getValue(props, 'PolicyName') ?? getValue(props, 'ManagedPolicyName');
    if (isScalar(name) && name.value !== null) return String(name.value);
    return resource.logicalId;
  }
  const policies = getValue(props, 'Policies');
  for (const item of isSeq(policies) ? policies.items : []) {
    if (getValue(item, 'PolicyDocument') !== documentNode) continue;
    const name = getValue(item, 'PolicyName');
    return isScalar(name) && name.value !== null ? String(name.value) : undefined;
  }
  return undefined;
}
