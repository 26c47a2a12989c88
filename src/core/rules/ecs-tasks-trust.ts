/** ecs-tasks-trust: a task or execution role does not trust ecs-tasks.amazonaws.com (R31, R33). */
import { evaluateTrust } from '../iam/evaluate.js';
import type { IamRole } from '../model/iam-model.js';
import { knownRoles } from '../model/repository.js';
import { buildTrustServiceFix } from './fix-builders.js';
import type { Rule } from './rule.js';

const invalidEcsTasksPrincipal = /^ecs-tasks\.(\$\{AWS::URLSuffix\}|amazonaws\.com\.cn)$/;
/** The same principals as written in source, where the `!Sub` and quotes are still around them. */
const invalidPrincipalText = /ecs-tasks\.(\$\{AWS::URLSuffix\}|amazonaws\.com\.cn)/;

export function fixesOf<T>(fix: T | undefined): T[] {
  return fix ? [fix] : [];
}

export const ecsTasksTrust: Rule = {
  meta: {
    id: 'ecs-tasks-trust',
    defaultSeverity: 'error',
    description: 'A role used as a task role or execution role must allow sts:AssumeRole for the service principal ecs-tasks.amazonaws.com.',
    requirements: ['R31', 'R33'],
    fixable: true,
  },
  check({ repo, report }) {
    const checked = new Set<IamRole>();
    for (const task of repo.taskDefinitions) {
      const uses = [
        { use: repo.executionRole(task), as: 'execution role' },
        { use: repo.taskRole(task), as: 'task role' },
      ];
      for (const { use, as } of uses) {
        for (const role of knownRoles(use)) {
          if (checked.has(role) || !role.trust) continue;
          checked.add(role);
          const trustNode = role.trust.origin?.node;
          if (!trustNode) {
            // A role declared in config has no trust document to point at: point at the reference instead.
            if (role.origin === 'config' && use && evaluateTrust(role.trust, { service: 'ecs-tasks.amazonaws.com' }).trusts === 'no') {
              report({
                path: task.path,
                node: use.node,
                message: `Role ${role.label}, the ${as} of task definition ${task.label}, is declared in config to trust ${role.trust.statements.flatMap((st) => st.principal?.service ?? []).join(', ') || 'no service'}, not ecs-tasks.amazonaws.com; ECS reports "ECS was unable to assume the role".`,
                messageId: `untrusted:${role.id}`,
              });
            }
            continue;
          }
          let reportedInvalid = false;
          for (const statement of role.trust.statements) {
            for (const service of statement.principal?.service ?? []) {
              if (!invalidEcsTasksPrincipal.test(service)) continue;
              reportedInvalid = true;
              const why = service.includes('${')
                ? 'which resolves to ecs-tasks.amazonaws.com.cn in the China regions, where IAM rejects it as an invalid principal'
                : 'which IAM rejects as an invalid principal';
              report({
                path: role.path,
                node: statement.origin?.node ?? trustNode,
                message: `Role ${role.label} trusts '${service}', ${why}; the ECS tasks principal is ecs-tasks.amazonaws.com in every partition, China included.`,
                messageId: `invalid-principal:${role.id}:${service}`,
                fixes: fixesOf(buildTrustServiceFix(repo, role, 'ecs-tasks.amazonaws.com', `Trust ecs-tasks.amazonaws.com in ${role.label}`, (text) => invalidPrincipalText.test(text))),
                relatedPaths: [task.path],
              });
            }
          }
          // The invalid principal is the root cause; a second finding saying the role is untrusted would repeat it.
          if (reportedInvalid) continue;
          const { trusts } = evaluateTrust(role.trust, { service: 'ecs-tasks.amazonaws.com' });
          if (trusts !== 'no') continue;
          const services = role.trust.statements.flatMap((s) => s.principal?.service ?? []);
          report({
            path: role.path,
            node: trustNode,
            message: `Role ${role.label} is the ${as} of task definition ${task.label} but its trust policy does not allow ecs-tasks.amazonaws.com to assume it${services.length ? ` (it trusts ${services.join(', ')})` : ''}; ECS reports "ECS was unable to assume the role".`,
            messageId: `untrusted:${role.id}`,
            fixes: fixesOf(buildTrustServiceFix(repo, role, 'ecs-tasks.amazonaws.com', `Trust ecs-tasks.amazonaws.com in ${role.label}`, (text) => invalidPrincipalText.test(text))),
            relatedPaths: [task.path],
          });
        }
      }
    }
  },
};
