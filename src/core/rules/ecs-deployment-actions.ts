/** The ECS API calls that register or start task definitions, and so make the caller pass their roles (R39). */
import { actionService, matchesAction } from '../iam/action-match.js';
import type { PolicyStatement } from '../iam/policy.js';

export const ecsDeploymentActions = [
  'ecs:RegisterTaskDefinition',
  'ecs:RunTask',
  'ecs:StartTask',
  'ecs:CreateService',
  'ecs:UpdateService',
  'ecs:CreateTaskSet',
] as const;

/**
 * The deployment actions an identity Allow statement grants through an `ecs:` action or pattern.
 * `Action: '*'` and `NotAction` statements are broad grants (administrators, PowerUserAccess), not a
 * sign that the principal deploys ECS, so they do not count.
 */
export function deploymentActionsOf(statement: PolicyStatement): string[] {
  if (statement.effect !== 'Allow' || statement.principal || statement.notPrincipal || !statement.action) return [];
  const patterns = statement.action.filter((pattern) => actionService(pattern) === 'ecs');
  return ecsDeploymentActions.filter((action) => patterns.some((pattern) => matchesAction(pattern, action)));
}
