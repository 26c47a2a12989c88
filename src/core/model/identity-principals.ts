/**
 * The identities a template gives permissions to, beyond the roles the repository already models:
 * IAM users (with their groups' policies), groups, and policies whose principals are not in the
 * repository, each with every policy document that grants it something.
 */
import { findAwsManagedPolicy } from '../iam/managed-policies.js';
import type { PolicyDocument } from '../iam/policy.js';
import { getValue, isSeq, type DocNode } from '../parse/node.js';
import { identityPolicies, type IamRole, type ManagedPolicyAttachment } from './iam-model.js';
import { buildPolicyDocument } from './policy-document.js';
import type { Repository } from './repository.js';
import { isLiteral, resolveNode, resolvedToStrings, resourceName, type Resolved, type ResolveScope } from './resolve.js';
import { resourcesOfType, type Resource, type Template } from './template.js';

export type IdentityKind = 'role' | 'user' | 'group' | 'policy';

export interface IdentityPrincipal {
  /** `path#LogicalId`, as role ids are. */
  id: string;
  kind: IdentityKind;
  /** How messages name it: its literal name, else its logical id. */
  label: string;
  path: string;
  template: Template;
  resource: Resource;
  /** Set for roles: the repository's model of the role. */
  role?: IamRole;
  /** Every identity document that grants the principal something (a user's include its groups'). */
  documents: PolicyDocument[];
  /** Managed policies attached by an ARN whose content the repository does not show. */
  unknownPolicyArns: string[];
  boundary?: ManagedPolicyAttachment;
  /**
   * For `policy`: where it is attached. `none`: nowhere (a managed policy meant to be attached by
   * hand or by another stack); `external`: to roles, users or groups defined outside the repository,
   * which may get more permissions elsewhere.
   */
  attachment?: 'none' | 'external';
}

interface AttachablePolicy {
  resource: Resource;
  template: Template;
  document: PolicyDocument;
  /** Targets by kind, as logical ids in the same template or names that may live anywhere. */
  targets: Record<'role' | 'user' | 'group', { logicalIds: string[]; names: string[] }>;
}

const cache = new WeakMap<Repository, IdentityPrincipal[]>();

/** Roles (as the repository models them), users, groups and policies attached to nothing the repository defines. */
export function buildIdentityPrincipals(repo: Repository): IdentityPrincipal[] {
  const cached = cache.get(repo);
  if (cached) return cached;
  const principals: IdentityPrincipal[] = [];
  for (const role of repo.roles) {
    if (role.origin !== 'template' || !role.template || !role.resource) continue;
    const { documents, unknownPolicyArns } = identityPolicies(role);
    principals.push({
      id: role.id,
      kind: 'role',
      label: role.label,
      path: role.path,
      template: role.template,
      resource: role.resource,
      role,
      documents,
      unknownPolicyArns,
      boundary: role.boundary,
    });
  }

  const policies = repo.templates.flatMap(buildAttachablePolicies);
  const users = repo.templates.flatMap((template) => resourcesOfType(template, 'AWS::IAM::User'));
  const groups = repo.templates.flatMap((template) => resourcesOfType(template, 'AWS::IAM::Group'));
  const groupPrincipals = new Map<Resource, IdentityPrincipal>();
  for (const group of groups) {
    const principal = buildOwnPolicies(repo, group, 'group');
    for (const policy of policies) if (targets(policy, 'group', group)) principal.documents.push(policy.document);
    groupPrincipals.set(group, principal);
    principals.push(principal);
  }
  const memberships = buildGroupMemberships(repo, groups);
  for (const user of users) {
    const principal = buildOwnPolicies(repo, user, 'user');
    for (const policy of policies) if (targets(policy, 'user', user)) principal.documents.push(policy.document);
    for (const group of memberships.get(user) ?? []) {
      const member = groupPrincipals.get(group)!;
      principal.documents.push(...member.documents);
      principal.unknownPolicyArns.push(...member.unknownPolicyArns);
    }
    principals.push(principal);
  }

  // Policies attached to a principal above are evaluated through it; the rest on their own.
  const attachedDocuments = new Set(principals.flatMap((p) => p.documents));
  for (const policy of policies) {
    if (attachedDocuments.has(policy.document)) continue;
    if (policy.resource.type === 'AWS::IAM::ManagedPolicy' && isReferencedManagedPolicy(repo, policy)) continue;
    if (targetsRepositoryRole(repo, policy)) continue;
    const hasTargets = Object.values(policy.targets).some((t) => t.logicalIds.length + t.names.length > 0);
    const name = resourceName({ template: policy.template }, policy.resource);
    principals.push({
      id: `${policy.template.path}#${policy.resource.logicalId}`,
      kind: 'policy',
      label: isLiteral(name) ? name : policy.resource.logicalId,
      path: policy.template.path,
      template: policy.template,
      resource: policy.resource,
      documents: [policy.document],
      unknownPolicyArns: [],
      attachment: hasTargets ? 'external' : 'none',
    });
  }
  cache.set(repo, principals);
  return principals;
}

/** A user's or group's inline `Policies`, `ManagedPolicyArns` and `PermissionsBoundary`. */
function buildOwnPolicies(repo: Repository, resource: Resource, kind: 'user' | 'group'): IdentityPrincipal {
  const template = resource.template;
  const scope: ResolveScope = { template };
  const props = resource.properties;
  const documents: PolicyDocument[] = [];
  const unknownPolicyArns: string[] = [];
  const inline = getValue(props, 'Policies');
  for (const item of isSeq(inline) ? inline.items : []) {
    const name = resolvedToStrings(scope, resolveNode(scope, getValue(item, 'PolicyName')))[0];
    documents.push(buildPolicyDocument(scope, template.path, getValue(item, 'PolicyDocument'), name));
  }
  const managed = getValue(props, 'ManagedPolicyArns');
  for (const item of isSeq(managed) ? managed.items : []) {
    for (const arn of resolvedToStrings(scope, resolveNode(scope, item))) {
      const document = findAwsManagedPolicy(arn)?.document ?? repo.customerManagedPolicies.find((policy) => policy.arn === arn)?.document;
      if (document) documents.push(document);
      else unknownPolicyArns.push(arn);
    }
  }
  let boundary: ManagedPolicyAttachment | undefined;
  const boundaryNode = getValue(props, 'PermissionsBoundary');
  if (boundaryNode) {
    const arn = resolvedToStrings(scope, resolveNode(scope, boundaryNode))[0] ?? '${?}';
    boundary = { arn, node: boundaryNode, document: findAwsManagedPolicy(arn)?.document ?? repo.customerManagedPolicies.find((p) => p.arn === arn)?.document };
  }
  const name = resourceName(scope, resource);
  return {
    id: `${template.path}#${resource.logicalId}`,
    kind,
    label: isLiteral(name) && getValue(props, kind === 'user' ? 'UserName' : 'GroupName') !== undefined ? name : resource.logicalId,
    path: template.path,
    template,
    resource,
    documents,
    unknownPolicyArns,
    boundary,
  };
}

/** AWS::IAM::Policy, ManagedPolicy, UserPolicy and GroupPolicy documents with the principals they name. */
function buildAttachablePolicies(template: Template): AttachablePolicy[] {
  const scope: ResolveScope = { template };
  const result: AttachablePolicy[] = [];
  for (const resource of resourcesOfType(template, 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::UserPolicy', 'AWS::IAM::GroupPolicy', 'AWS::IAM::RolePolicy')) {
    const props = resource.properties;
    const name =
      resource.type === 'AWS::IAM::ManagedPolicy'
        ? resourceName(scope, resource)
        : resolvedToStrings(scope, resolveNode(scope, getValue(props, 'PolicyName')))[0] ?? resource.logicalId;
    const document = buildPolicyDocument(scope, template.path, getValue(props, 'PolicyDocument'), name);
    const targetsOf = (key: string, type: string) => readTargets(scope, getValue(props, key), type);
    result.push({
      resource,
      template,
      document,
      targets: {
        role: resource.type === 'AWS::IAM::RolePolicy' ? targetsOf('RoleName', 'AWS::IAM::Role') : targetsOf('Roles', 'AWS::IAM::Role'),
        user: resource.type === 'AWS::IAM::UserPolicy' ? targetsOf('UserName', 'AWS::IAM::User') : targetsOf('Users', 'AWS::IAM::User'),
        group: resource.type === 'AWS::IAM::GroupPolicy' ? targetsOf('GroupName', 'AWS::IAM::Group') : targetsOf('Groups', 'AWS::IAM::Group'),
      },
    });
  }
  return result;
}

/** Principals a `Roles`/`Users`/`Groups` list (or single name) names: `!Ref` of a resource of `type`, or names. */
function readTargets(scope: ResolveScope, node: DocNode | undefined, type: string): { logicalIds: string[]; names: string[] } {
  const logicalIds: string[] = [];
  const names: string[] = [];
  const value = resolveNode(scope, node);
  const visit = (item: Resolved) => {
    if (item.kind === 'list') item.items.forEach(visit);
    else if (item.kind === 'choice') item.options.forEach(visit);
    else if (item.kind === 'ref' && scope.template?.resources.get(item.logicalId)?.type === type) logicalIds.push(item.logicalId);
    else names.push(...resolvedToStrings(scope, item));
  };
  visit(value);
  return { logicalIds, names };
}

function targets(policy: AttachablePolicy, kind: 'user' | 'group', resource: Resource): boolean {
  const target = policy.targets[kind];
  if (policy.template === resource.template && target.logicalIds.includes(resource.logicalId)) return true;
  const name = resourceName({ template: resource.template }, resource);
  return isLiteral(name) && target.names.includes(name);
}

/**
 * The ARNs (as resolved strings) of every managed policy some role, user or group of the repository
 * attaches through ManagedPolicyArns; computed once per repository, since every policy asks.
 */
const referencedArnsByRepo = new WeakMap<Repository, Set<string>>();

function referencedManagedPolicyArns(repo: Repository): Set<string> {
  let arns = referencedArnsByRepo.get(repo);
  if (arns) return arns;
  arns = new Set(repo.roles.flatMap((role) => role.managedPolicies.map((managed) => managed.arn)));
  for (const template of repo.templates) {
    const scope: ResolveScope = { template };
    for (const resource of resourcesOfType(template, 'AWS::IAM::User', 'AWS::IAM::Group')) {
      const managed = getValue(resource.properties, 'ManagedPolicyArns');
      for (const item of isSeq(managed) ? managed.items : []) for (const arn of resolvedToStrings(scope, resolveNode(scope, item))) arns.add(arn);
    }
  }
  referencedArnsByRepo.set(repo, arns);
  return arns;
}

const customerByResource = new WeakMap<Repository, Map<unknown, Repository['customerManagedPolicies'][number]>>();

/** Whether some role, user or group of the repository attaches the managed policy through ManagedPolicyArns. */
function isReferencedManagedPolicy(repo: Repository, policy: AttachablePolicy): boolean {
  let byResource = customerByResource.get(repo);
  if (!byResource) {
    byResource = new Map(repo.customerManagedPolicies.map((candidate) => [candidate.resource, candidate]));
    customerByResource.set(repo, byResource);
  }
  const customer = byResource.get(policy.resource);
  return customer !== undefined && referencedManagedPolicyArns(repo).has(customer.arn);
}

/** Whether the policy attaches to a role the repository defines (the repository links it to that role). */
function targetsRepositoryRole(repo: Repository, policy: AttachablePolicy): boolean {
  const { logicalIds, names } = policy.targets.role;
  if (logicalIds.some((id) => repo.roleByLogicalId(policy.template, id))) return true;
  return names.some((name) => repo.findRolesByName(name).length > 0);
}

/** Users -> the groups of the repository they belong to: `Groups` on the user and AWS::IAM::UserToGroupAddition. */
function buildGroupMemberships(repo: Repository, groups: Resource[]): Map<Resource, Resource[]> {
  const memberships = new Map<Resource, Resource[]>();
  const groupNamed = (template: Template, value: Resolved): Resource[] => {
    if (value.kind === 'ref') {
      const group = template.resources.get(value.logicalId);
      return group?.type === 'AWS::IAM::Group' ? [group] : [];
    }
    const names = resolvedToStrings({ template }, value);
    return groups.filter((group) => names.includes(resourceName({ template: group.template }, group)) && getValue(group.properties, 'GroupName') !== undefined);
  };
  const add = (user: Resource, found: Resource[]) => {
    if (found.length) memberships.set(user, [...new Set([...(memberships.get(user) ?? []), ...found])]);
  };
  for (const template of repo.templates) {
    const scope: ResolveScope = { template };
    for (const user of resourcesOfType(template, 'AWS::IAM::User')) {
      const value = resolveNode(scope, getValue(user.properties, 'Groups'));
      for (const item of value.kind === 'list' ? value.items : [value]) add(user, groupNamed(template, item));
    }
    for (const addition of resourcesOfType(template, 'AWS::IAM::UserToGroupAddition')) {
      const found = groupNamed(template, resolveNode(scope, getValue(addition.properties, 'GroupName')));
      const usersValue = resolveNode(scope, getValue(addition.properties, 'Users'));
      for (const item of usersValue.kind === 'list' ? usersValue.items : [usersValue]) {
        const users =
          item.kind === 'ref'
            ? [template.resources.get(item.logicalId)].filter((r): r is Resource => r?.type === 'AWS::IAM::User')
            : repo.templates.flatMap((t) => resourcesOfType(t, 'AWS::IAM::User')).filter((u) => resolvedToStrings({ template }, item).includes(resourceName({ template: u.template }, u)));
        for (const user of users) add(user, found);
      }
    }
  }
  return memberships;
}
