/** instance-profile-missing: EC2 capacity for an ECS cluster has no instance profile, or the profile has no role (R1). */
import { instanceProfileRoles } from '../model/ecs-resources.js';
import { addMapEntry, appendToSequence, insertTopLevelResource } from '../fix/document-edits.js';
import type { FixValue } from '../fix/fix-value.js';
import type { Fix } from '../finding.js';
import { evaluateTrust } from '../iam/evaluate.js';
import type { InstanceCapacity } from '../model/ecs-resources.js';
import type { Repository } from '../model/repository.js';
import { getValue, isMap, isSeq } from '../parse/node.js';
import { combineEdits, editableDocument, newRoleBody, unusedLogicalId } from './fix-builders.js';
import type { Rule } from './rule.js';

export const instanceProfileMissing: Rule = {
  meta: {
    id: 'instance-profile-missing',
    defaultSeverity: 'error',
    description: 'EC2 capacity that joins an ECS cluster must have an instance profile holding a role, or the ECS agent gets no credentials and never registers.',
    requirements: ['R1'],
    fixable: true,
  },
  check({ repo, report }) {
    for (const capacity of repo.capacity) {
      const what = `${capacity.resource.type.split('::').pop()} ${capacity.resource.logicalId}`;
      if (!capacity.profileNode) {
        report({
          path: capacity.template.path,
          node: capacity.resource.properties ?? capacity.resource.node,
          message: `${what} runs ECS container instances (${capacity.reason}) but sets no IamInstanceProfile; the ECS agent fails with NoCredentialProviders and the instances never join the cluster.`,
          messageId: `no-profile:${capacity.resource.logicalId}`,
          fixes: buildProfileFix(repo, capacity),
        });
        continue;
      }
      if (!capacity.profileLogicalId) continue; // an external profile: not visible
      const { roleLogicalIds, roleNames, rolesNode } = instanceProfileRoles(capacity.template, capacity.profileLogicalId);
      if (roleLogicalIds.length + roleNames.length > 0) continue;
      const profile = capacity.template.resources.get(capacity.profileLogicalId)!;
      report({
        path: capacity.template.path,
        node: rolesNode ?? profile.properties ?? profile.node,
        message: `Instance profile ${capacity.profileLogicalId} used by ${what} holds no role; the ECS agent gets no credentials and the instances never join the cluster.`,
        messageId: `empty-profile:${capacity.profileLogicalId}`,
        fixes: buildProfileRoleFix(repo, capacity, rolesNode),
      });
    }
  },
};

const instancePolicy = 'AmazonEC2ContainerServiceforEC2Role';

/** The one role in the template that is trusted by EC2, if exactly one: the instance role to reuse. */
function findInstanceRole(repo: Repository, capacity: InstanceCapacity): string | undefined {
  const roles = repo.roles.filter(
    (role) => role.template === capacity.template && role.trust && evaluateTrust(role.trust, { service: 'ec2.amazonaws.com' }).trusts === 'yes',
  );
  return roles.length === 1 ? roles[0].resource?.logicalId : undefined;
}

/** Adds an instance profile (and, when the template has no EC2 role, the role) and references it. */
function buildProfileFix(repo: Repository, capacity: InstanceCapacity): Fix[] {
  const doc = editableDocument(repo, capacity.template.path);
  const resources = getValue(capacity.template.root, 'Resources');
  const isLaunchTemplate = capacity.resource.type === 'AWS::EC2::LaunchTemplate';
  const target = isLaunchTemplate ? getValue(capacity.resource.properties, 'LaunchTemplateData') : capacity.resource.properties;
  if (!doc || !isMap(resources) || !isMap(target)) return [];
  const existingRole = findInstanceRole(repo, capacity);
  const roleId = existingRole ?? unusedLogicalId(capacity.template, 'EcsInstanceRole');
  const profileId = unusedLogicalId(capacity.template, 'EcsInstanceProfile');
  const profile: FixValue = {
    kind: 'map',
    entries: [
      ['Type', { kind: 'string', value: 'AWS::IAM::InstanceProfile' }],
      ['Properties', { kind: 'map', entries: [['Roles', { kind: 'list', items: [{ kind: 'ref', name: roleId }] }]] }],
    ],
  };
  const reference: FixValue = isLaunchTemplate
    ? { kind: 'map', entries: [['Arn', { kind: 'getatt', logicalId: profileId, attribute: 'Arn' }]] }
    : { kind: 'ref', name: profileId };
  const after = capacity.resource.logicalId;
  const edits = [
    ...(existingRole ? [] : insertTopLevelResource(doc, resources, roleId, newRoleBody('ec2.amazonaws.com', [instancePolicy], [], 'instance'), { after })),
    ...insertTopLevelResource(doc, resources, profileId, profile, { after }),
    ...addMapEntry(doc, target, 'IamInstanceProfile', reference, { after: isLaunchTemplate ? 'ImageId' : 'ImageId' }),
  ];
  const title = existingRole ? `Add instance profile ${profileId} for ${existingRole}` : `Add instance role ${roleId} and instance profile ${profileId}`;
  return [{ title, edits: combineEdits(edits.sort((a, b) => a.startOffset - b.startOffset)) }];
}

/** Puts the template's EC2 role into an instance profile that holds none. */
function buildProfileRoleFix(repo: Repository, capacity: InstanceCapacity, rolesNode: import('../parse/node.js').DocNode | undefined): Fix[] {
  const doc = editableDocument(repo, capacity.template.path);
  const roleId = findInstanceRole(repo, capacity);
  if (!doc || !roleId || !isSeq(rolesNode)) return [];
  return [{ title: `Put ${roleId} in instance profile ${capacity.profileLogicalId}`, edits: appendToSequence(doc, rolesNode, { kind: 'ref', name: roleId }) }];
}
