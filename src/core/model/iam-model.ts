/** IAM roles as the rules see them: trust, every attached policy, boundary, and where each is written. */
import { getValue, isMap, isSeq, type DocNode } from '../parse/node.js';
import type { PolicyDocument } from '../iam/policy.js';
import { findAwsManagedPolicy, parseAwsManagedPolicyArn } from '../iam/managed-policies.js';
import type { ExternalRoleConfig } from '../config.js';
import { buildPolicyDocument } from './policy-document.js';
import { referenceString, resolveNode, resolvedToStrings, resourceName, type ResolveScope } from './resolve.js';
import { resourcesOfType, type Resource, type Template } from './template.js';

export interface ManagedPolicyAttachment {
  /** The ARN as written, resolved to a Sub-style string. */
  arn: string;
  /** The list item in `ManagedPolicyArns`, when written in a template. */
  node?: DocNode;
  /** Content when known: an AWS managed policy from the snapshot or a customer managed policy in the repository. */
  document?: PolicyDocument;
}

export interface IamRole {
  /** Unique id: `path#LogicalId` for template roles, `config:ARN` for roles declared in config. */
  id: string;
  /** How messages name the role: its RoleName when literal, else its logical id, else its ARN. */
  label: string;
  origin: 'template' | 'config';
  /** File that defines the role (the config file path for declared roles). */
  path: string;
  template?: Template;
  resource?: Resource;
  /** RoleName as a Sub-style string (a token when CloudFormation generates it). */
  roleName: string;
  /** The role's ARN as a Sub-style string. */
  arn: string;
  trust?: PolicyDocument;
  inlinePolicies: PolicyDocument[];
  /** Policies attached from elsewhere: AWS::IAM::Policy, AWS::IAM::RolePolicy, AWS::IAM::ManagedPolicy `Roles`. */
  attachedPolicies: PolicyDocument[];
  managedPolicies: ManagedPolicyAttachment[];
  boundary?: ManagedPolicyAttachment;
  /** Declared in config with `assume-compliant: true`: no permission check applies. */
  assumeCompliant: boolean;
}

/** All identity policies that grant the role permissions, and the managed policies whose content is unknown. */
export function identityPolicies(role: IamRole): { documents: PolicyDocument[]; unknownPolicyArns: string[] } {
  const documents = [...role.inlinePolicies, ...role.attachedPolicies];
  const unknownPolicyArns: string[] = [];
  for (const managed of role.managedPolicies) {
    if (managed.document) documents.push(managed.document);
    else unknownPolicyArns.push(managed.arn);
  }
  return { documents, unknownPolicyArns };
}

/** Customer managed policies defined in a template, by the ARN string `Ref` gives. */
export interface CustomerManagedPolicy {
  arn: string;
  document: PolicyDocument;
  resource: Resource;
}

/** Builds the roles of one template; attachments by name across templates are linked by the repository. */
export function buildTemplateRoles(template: Template): IamRole[] {
  const scope: ResolveScope = { template };
  const roles: IamRole[] = [];
  for (const resource of resourcesOfType(template, 'AWS::IAM::Role')) {
    const props = resource.properties;
    const role: IamRole = {
      id: `${template.path}#${resource.logicalId}`,
      label: '',
      origin: 'template',
      path: template.path,
      template,
      resource,
      roleName: resourceName(scope, resource),
      arn: referenceString(scope, resource.logicalId, 'Arn'),
      trust: getValue(props, 'AssumeRolePolicyDocument')
        ? buildPolicyDocument(scope, template.path, getValue(props, 'AssumeRolePolicyDocument'), 'trust policy')
        : undefined,
      inlinePolicies: [],
      attachedPolicies: [],
      managedPolicies: [],
      assumeCompliant: false,
    };
    role.label = role.roleName.includes('${') ? resource.logicalId : role.roleName;
    const policies = getValue(props, 'Policies');
    for (const { node: item, conditional } of isSeq(policies) ? policies.items.flatMap(conditionalBranches) : []) {
      const name = resolvedToStrings(scope, resolveNode(scope, getValue(item, 'PolicyName')))[0];
      const document = buildPolicyDocument(scope, template.path, getValue(item, 'PolicyDocument'), name);
      // A policy that exists only under a CloudFormation condition grants only when that condition holds.
      if (conditional) for (const statement of document.statements) statement.conditional = true;
      role.inlinePolicies.push(document);
    }
    const managed = getValue(props, 'ManagedPolicyArns');
    for (const item of isSeq(managed) ? managed.items : []) {
      for (const arn of resolvedToStrings(scope, resolveNode(scope, item))) {
        role.managedPolicies.push({ arn, node: item, document: findAwsManagedPolicy(arn)?.document });
      }
    }
    const boundary = getValue(props, 'PermissionsBoundary');
    if (boundary) {
      const arn = resolvedToStrings(scope, resolveNode(scope, boundary))[0] ?? '${?}';
      role.boundary = { arn, node: boundary, document: findAwsManagedPolicy(arn)?.document };
    }
    roles.push(role);
  }
  return roles;
}

/**
 * A list item, or the branches of an `Fn::If` item (Copilot writes optional policies that way); an
 * `AWS::NoValue` branch contributes nothing.
 */
function conditionalBranches(node: DocNode): { node: DocNode; conditional: boolean }[] {
  if (isMap(node) && node.entries.length === 1 && node.entries[0].key === 'Fn::If') {
    const arg = node.entries[0].value;
    if (!isSeq(arg) || arg.items.length !== 3) return [];
    return [arg.items[1], arg.items[2]]
      .filter((branch) => !(isMap(branch) && branch.entries.length === 1 && branch.entries[0].key === 'Ref'))
      .map((branch) => ({ node: branch, conditional: true }));
  }
  return [{ node, conditional: false }];
}

/** Policies in a template that attach to roles: by logical reference or by role name. */
export interface PolicyAttachment {
  document: PolicyDocument;
  /** Role logical ids in the same template. */
  roleLogicalIds: string[];
  /** Role names (Sub-style strings) that may live in any template. */
  roleNames: string[];
}

export function buildPolicyAttachments(template: Template): { attachments: PolicyAttachment[]; managed: CustomerManagedPolicy[] } {
  const scope: ResolveScope = { template };
  const attachments: PolicyAttachment[] = [];
  const managed: CustomerManagedPolicy[] = [];
  const roleTargets = (node: DocNode | undefined) => {
    const roleLogicalIds: string[] = [];
    const roleNames: string[] = [];
    const value = resolveNode(scope, node);
    const items = value.kind === 'list' ? value.items : [value];
    for (const item of items) {
      const options = item.kind === 'choice' ? item.options : [item];
      for (const option of options) {
        if (option.kind === 'ref' && template.resources.get(option.logicalId)?.type === 'AWS::IAM::Role') {
          roleLogicalIds.push(option.logicalId);
        } else {
          roleNames.push(...resolvedToStrings(scope, option));
        }
      }
    }
    return { roleLogicalIds, roleNames };
  };
  for (const resource of resourcesOfType(template, 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy')) {
    const props = resource.properties;
    const name =
      resource.type === 'AWS::IAM::ManagedPolicy'
        ? resourceName(scope, resource)
        : resolvedToStrings(scope, resolveNode(scope, getValue(props, 'PolicyName')))[0] ?? resource.logicalId;
    const document = buildPolicyDocument(scope, template.path, getValue(props, 'PolicyDocument'), name);
    if (resource.type === 'AWS::IAM::RolePolicy') {
      attachments.push({ document, ...roleTargets(getValue(props, 'RoleName')) });
    } else {
      attachments.push({ document, ...roleTargets(getValue(props, 'Roles')) });
    }
    if (resource.type === 'AWS::IAM::ManagedPolicy') {
      managed.push({ arn: referenceString(scope, resource.logicalId, undefined), document, resource });
    }
  }
  return { attachments, managed };
}

/** A role declared in config `external-roles`, so rules can check it like one in the repository. */
export function buildConfigRole(declared: ExternalRoleConfig, configPath: string): IamRole {
  const name = declared.arn.split('/').pop() ?? declared.arn;
  const trust: PolicyDocument | undefined = declared.trust
    ? {
        name: 'trust policy (config)',
        statements: [
          {
            effect: 'Allow',
            action: ['sts:AssumeRole'],
            principal: { service: declared.trust, aws: [], federated: [], any: false },
            conditions: [],
          },
        ],
      }
    : undefined;
  return {
    id: `config:${declared.arn}`,
    label: name,
    origin: 'config',
    path: configPath,
    roleName: name,
    arn: declared.arn,
    trust,
    inlinePolicies: [],
    attachedPolicies: [],
    managedPolicies: (declared.managedPolicies ?? []).map((arn) => ({ arn, document: findAwsManagedPolicy(arn)?.document })),
    assumeCompliant: declared.assumeCompliant === true,
  };
}

/** The role name a role ARN or bare name refers to (`arn:aws:iam::1:role/path/name` -> `name`). */
export function roleNameFromArnOrName(text: string): string | undefined {
  const arnMatch = /^arn:[^:]*:iam::[^:]*:role\/(?:.*\/)?([^/]+)$/.exec(text);
  if (arnMatch) return arnMatch[1];
  if (/^[\w+=,.@-]+$/.test(text)) return text;
  return undefined;
}

export function isAwsManagedPolicy(arn: string): boolean {
  return parseAwsManagedPolicyArn(arn) !== undefined;
}
