/**
 * Which role supplies the credentials ECS uses for a task's image pulls and awslogs: the execution
 * role when the task definition names one, else (on EC2 and external instances) the instance role.
 */
import type { IamRole } from '../model/iam-model.js';
import { externalRoleTexts, isRoleAbsent, knownRoles, type Repository, type RoleUse } from '../model/repository.js';
import { isFargateLike, type TaskDefinition } from '../model/task-definition.js';

export interface CredentialSource {
  kind: 'execution' | 'instance';
  roles: IamRole[];
  /** Roles referenced but defined outside the repository. */
  externalRoles: string[];
  use?: RoleUse;
}

/** The role that pulls images and ships awslogs, or undefined when it is missing or not visible. */
export function agentCredentialSource(repo: Repository, task: TaskDefinition): CredentialSource | undefined {
  const execution = repo.executionRole(task);
  if (!isRoleAbsent(execution)) {
    return { kind: 'execution', roles: knownRoles(execution), externalRoles: externalRoleTexts(execution), use: execution };
  }
  // Fargate without an execution role is execution-role-required's finding, not a permission gap.
  if (isFargateLike(task)) return undefined;
  const instanceRoles = repo.instanceRolesFor(task);
  if (instanceRoles.length === 0) return undefined;
  return { kind: 'instance', roles: instanceRoles, externalRoles: [] };
}

/** The execution role(s) only: secrets, repository credentials and environment files have no fallback. */
export function executionRoleSource(repo: Repository, task: TaskDefinition): CredentialSource | undefined {
  const execution = repo.executionRole(task);
  if (isRoleAbsent(execution)) return undefined;
  return { kind: 'execution', roles: knownRoles(execution), externalRoles: externalRoleTexts(execution), use: execution };
}

export function describeSource(source: CredentialSource, role: IamRole): string {
  return source.kind === 'execution'
    ? `execution role ${role.label}`
    : `instance role ${role.label} (used because the task definition has no execution role)`;
}

/** A node of the role to point at when the finding is about the role itself. */
export function roleAnchor(role: IamRole) {
  const props = role.resource?.properties;
  const policies = props?.entries.find((e) => e.key === 'Policies' || e.key === 'ManagedPolicyArns');
  return policies?.keyNode ?? props ?? role.resource?.node;
}
