/** execution-role-app-permissions: the execution role carries permissions the ECS agent never uses (R20a). */
import { matchesAction } from '../iam/action-match.js';
import type { PolicyStatement } from '../iam/policy.js';
import type { IamRole } from '../model/iam-model.js';
import { knownRoles } from '../model/repository.js';
import type { Rule } from './rule.js';

/**
 * What the agent does with execution-role credentials: pull images, ship logs, read secrets and
 * parameters (and decrypt them), read environment files and FireLens configuration from S3.
 */
const agentActions = [
  'ecr:*',
  'logs:*',
  'secretsmanager:GetSecretValue',
  'secretsmanager:DescribeSecret',
  'ssm:GetParameters',
  'ssm:GetParameter',
  'kms:Decrypt',
  'kms:DescribeKey',
  's3:GetObject',
  's3:GetBucketLocation',
  'sts:AssumeRole',
  'iam:GetRole',
  'iam:PassRole',
];

/** Whether an action pattern from a policy grants only actions the agent uses. */
function isAgentAction(pattern: string): boolean {
  const lower = pattern.toLowerCase();
  const service = lower.split(':')[0];
  if (service === 'ecr' || service === 'logs') return true;
  if (!lower.includes('*') && !lower.includes('?')) return agentActions.some((allowed) => matchesAction(allowed, pattern));
  // A wildcard outside ecr/logs (s3:Get*, secretsmanager:*) reaches beyond what the agent needs.
  return lower === 'ssm:getparameter*' || lower === 'secretsmanager:getsecretvalue*';
}

export const executionRoleAppPermissions: Rule = {
  meta: {
    id: 'execution-role-app-permissions',
    defaultSeverity: 'warning',
    description: 'The execution role should carry only what the ECS agent uses; application permissions belong on the task role, since containers never receive execution-role credentials.',
    requirements: ['R20'],
    fixable: true,
  },
  check({ repo, report }) {
    const executionRoles = new Set<IamRole>();
    const taskRoles = new Set<IamRole>();
    for (const task of repo.taskDefinitions) {
      for (const role of knownRoles(repo.executionRole(task))) executionRoles.add(role);
      for (const role of knownRoles(repo.taskRole(task))) taskRoles.add(role);
    }
    for (const role of executionRoles) {
      // A role that is also a task role legitimately carries application permissions (shared-task-execution-role says so).
      if (taskRoles.has(role) || role.origin !== 'template') continue;
      for (const document of [...role.inlinePolicies, ...role.attachedPolicies]) {
        for (const statement of document.statements) {
          const extra = applicationActions(statement);
          if (extra.length === 0 || !statement.origin) continue;
          report({
            path: statement.origin.path,
            node: statement.origin.node,
            message: `Execution role ${role.label} allows ${extra.slice(0, 4).join(', ')}${extra.length > 4 ? ` and ${extra.length - 4} more` : ''}, which the ECS agent never uses and containers never receive; move the statement to the task role.`,
            messageId: `app:${role.id}:${statement.sid ?? extra.join(',')}`,
          });
        }
      }
      for (const managed of role.managedPolicies) {
        const extra = managed.document ? managed.document.statements.flatMap(applicationActions) : [];
        if (extra.length === 0 || !managed.node) continue;
        report({
          path: role.path,
          node: managed.node,
          message: `Execution role ${role.label} attaches ${managed.arn.split('/').pop()}, which grants ${extra.slice(0, 3).join(', ')}${extra.length > 3 ? ' and more' : ''} that the ECS agent never uses; attach it to the task role instead.`,
          messageId: `app-managed:${role.id}:${managed.arn}`,
        });
      }
    }
  },
};

function applicationActions(statement: PolicyStatement): string[] {
  if (statement.effect !== 'Allow') return [];
  if (statement.notAction) return [`everything except ${statement.notAction.join(', ')}`];
  return [...new Set((statement.action ?? []).filter((action) => !action.includes('${') && !isAgentAction(action)))];
}
