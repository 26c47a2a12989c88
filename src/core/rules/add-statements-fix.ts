/**
 * Adds several Allow statements to a role at once, for needs whose actions take different resources
 * (s3:GetObject on the object, s3:GetBucketLocation on the bucket), where one statement would grant
 * each action on resources it has no use for.
 */
import { addMapEntry, appendToSequence } from '../fix/document-edits.js';
import type { FixValue } from '../fix/fix-value.js';
import type { Fix } from '../finding.js';
import type { IamRole } from '../model/iam-model.js';
import type { Repository } from '../model/repository.js';
import { getEntry, getValue, isMap, isSeq } from '../parse/node.js';
import { allowStatement, buildAddPermissionsFix, combineEdits, editableDocument, toFixValue, type PermissionGrant } from './fix-builders.js';

export interface StatementGrant {
  actions: string[];
  /** Sub-style strings, converted with toFixValue. */
  resources: string[];
}

/**
 * One grant goes through buildAddPermissionsFix (which may extend a matching statement); several become
 * new statements in the role's first inline policy written in its own file, else a new inline policy.
 */
export function buildAddStatementsFix(repo: Repository, role: IamRole, grants: StatementGrant[], policyName: string, title: string): Fix | undefined {
  if (grants.length === 0) return undefined;
  if (grants.length === 1) {
    const grant: PermissionGrant = { ...grants[0], policyName };
    return buildAddPermissionsFix(repo, role, grant, title);
  }
  if (role.origin !== 'template' || !role.resource?.properties) return undefined;
  const doc = editableDocument(repo, role.path);
  if (!doc) return undefined;
  const statements = grants.map((grant) => allowStatement(grant.actions, grant.resources.map((r) => toFixValue(r, role.template))));
  for (const policy of role.inlinePolicies) {
    const documentNode = policy.origin?.node;
    if (!isMap(documentNode) || policy.origin?.path !== doc.path || (doc.syntax === 'yaml' && documentNode.style === 'json')) continue;
    const list = getValue(documentNode, 'Statement');
    if (isSeq(list)) return { title, edits: combineEdits(statements.flatMap((statement) => appendToSequence(doc, list, statement))) };
  }
  const newPolicy: FixValue = {
    kind: 'map',
    entries: [
      ['PolicyName', { kind: 'string', value: policyName }],
      ['PolicyDocument', { kind: 'map', entries: [['Version', { kind: 'string', value: '2012-10-17' }], ['Statement', { kind: 'list', items: statements }]] }],
    ],
  };
  const props = role.resource.properties;
  const policies = getValue(props, 'Policies');
  if (isSeq(policies)) return { title, edits: appendToSequence(doc, policies, newPolicy) };
  if (getEntry(props, 'Policies')) return undefined;
  const after = ['ManagedPolicyArns', 'AssumeRolePolicyDocument'].find((key) => getEntry(props, key));
  return { title, edits: addMapEntry(doc, props, 'Policies', { kind: 'list', items: [newPolicy] }, { after }) };
}
