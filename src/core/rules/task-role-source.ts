/**
 * Which role gives a task's containers their AWS credentials (ECS Exec's SSM agent, EFS mounts with IAM,
 * X-Ray and Envoy sidecars): the task role; without one, on EC2 and external instances, the instance
 * role the containers reach through the instance metadata service; on Fargate, none at all.
 */
import type { LintConfig } from '../config.js';
import type { IamRole } from '../model/iam-model.js';
import { externalRoleTexts, isRoleAbsent, knownRoles, type Repository, type RoleUse } from '../model/repository.js';
import type { LaunchType, TaskDefinition } from '../model/task-definition.js';
import { checkRoleGrants, missingGrants } from './role-grants.js';

export type ContainerCredentials =
  | { kind: 'task-role'; roles: IamRole[]; externalRoles: string[]; use: RoleUse }
  /** No task role, the task may run on instances, and the instance roles of the repository's capacity are known. */
  | { kind: 'instance-role'; roles: IamRole[] }
  /** No task role and no visible fallback; `onlyWithoutInstances` when it runs only where no instance role exists. */
  | { kind: 'none'; onlyWithoutInstances: boolean };

export function containerCredentials(repo: Repository, task: TaskDefinition, launchTypes: ReadonlySet<LaunchType> = task.launchTypes): ContainerCredentials {
  const use = repo.taskRole(task);
  if (use && !isRoleAbsent(use)) return { kind: 'task-role', roles: knownRoles(use), externalRoles: externalRoleTexts(use), use };
  if (runsOnlyWithoutInstances(launchTypes)) return { kind: 'none', onlyWithoutInstances: true };
  const roles = repo.instanceRolesFor(task);
  return roles.length ? { kind: 'instance-role', roles } : { kind: 'none', onlyWithoutInstances: false };
}

/**
 * Fargate and Managed Instances give containers no instance role to fall back to. Unknown launch types
 * count as possibly EC2: the weakest case, as the specification asks (§1.1).
 */
export function runsOnlyWithoutInstances(launchTypes: ReadonlySet<LaunchType>): boolean {
  return launchTypes.size > 0 && [...launchTypes].every((type) => type === 'FARGATE' || type === 'MANAGED_INSTANCES');
}

/** `Fargate`, `EC2`, `Fargate or EC2`, or `an unstated launch type`, for messages. */
export function describeLaunchTypes(launchTypes: ReadonlySet<LaunchType>): string {
  const names: Record<LaunchType, string> = { FARGATE: 'Fargate', EC2: 'EC2', EXTERNAL: 'external instances', MANAGED_INSTANCES: 'Managed Instances' };
  if (launchTypes.size === 0) return 'an unstated launch type';
  return [...launchTypes].map((type) => names[type]).join(' or ');
}

/** The actions (on `*`) a role does not certainly allow: those it lacks and those that depend on what cannot be seen. */
export function actionsNotGranted(role: IamRole, actions: readonly string[], config: Pick<LintConfig, 'account' | 'region'>): string[] {
  const { definite, uncertain } = missingGrants(checkRoleGrants(role, actions, ['*'], config));
  return [...definite, ...uncertain];
}
