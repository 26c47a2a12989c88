/** instance-role-trust: the role in a container instance profile does not trust ec2.amazonaws.com (R1, R34). */
import { evaluateTrust } from '../iam/evaluate.js';
import type { IamRole } from '../model/iam-model.js';
import { fixesOf } from './ecs-tasks-trust.js';
import { buildTrustServiceFix } from './fix-builders.js';
import type { Rule } from './rule.js';

export const instanceRoleTrust: Rule = {
  meta: {
    id: 'instance-role-trust',
    defaultSeverity: 'error',
    description: 'The role inside a container instance profile must allow ec2.amazonaws.com to assume it.',
    requirements: ['R1', 'R34'],
    fixable: true,
  },
  check({ repo, report }) {
    const checked = new Set<IamRole>();
    for (const capacity of repo.capacity) {
      for (const role of repo.instanceRolesOf(capacity)) {
        if (checked.has(role) || !role.trust?.origin) continue;
        checked.add(role);
        // `ec2.${AWS::URLSuffix}` (common in AWS samples) is ec2.amazonaws.com, or ec2.amazonaws.com.cn in China: both valid.
        const accepted = ['ec2.amazonaws.com', 'ec2.amazonaws.com.cn', 'ec2.${AWS::URLSuffix}'];
        if (accepted.some((service) => evaluateTrust(role.trust!, { service }).trusts !== 'no')) continue;
        const services = role.trust.statements.flatMap((s) => s.principal?.service ?? []);
        report({
          path: role.path,
          node: role.trust.origin.node,
          message: `Role ${role.label} is the container instance role of ${capacity.resource.logicalId} but its trust policy does not allow ec2.amazonaws.com to assume it${services.length ? ` (it trusts ${services.join(', ')})` : ''}; the ECS agent gets no credentials.`,
          messageId: `untrusted:${role.id}`,
          fixes: fixesOf(buildTrustServiceFix(repo, role, 'ec2.amazonaws.com', `Trust ec2.amazonaws.com in ${role.label}`, () => false)),
          relatedPaths: [capacity.template.path],
        });
      }
    }
  },
};
