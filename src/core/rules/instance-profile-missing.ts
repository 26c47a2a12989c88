/** instance-profile-missing: EC2 capacity for an ECS cluster has no instance profile, or the profile has no role (R1). */
import { instanceProfileRoles } from '../model/ecs-resources.js';
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
      });
    }
  },
};
