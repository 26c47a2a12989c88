/** Every rule, listed explicitly: no directory walking, so a rule is on only when it is registered here. */
import { awslogsCreateGroupPermission } from './awslogs-create-group-permission.js';
import { awslogsPermissions } from './awslogs-permissions.js';
import { ecrPullPermissions } from './ecr-pull-permissions.js';
import { ecsTasksTrust } from './ecs-tasks-trust.js';
import { executionRoleAppPermissions } from './execution-role-app-permissions.js';
import { executionRoleRequired } from './execution-role-required.js';
import { instanceProfileMissing } from './instance-profile-missing.js';
import { instanceRoleAgentPermissions } from './instance-role-agent-permissions.js';
import { instanceRoleTrust } from './instance-role-trust.js';
import { parseError } from './parse-error.js';
import { roleArnExpected } from './role-arn-expected.js';
import { roleNotVerifiable } from './role-not-verifiable.js';
import type { Rule } from './rule.js';
import { secretsPermissions } from './secrets-permissions.js';
import { serviceRoleWithAwsvpc } from './service-role-with-awsvpc.js';
import { sharedTaskExecutionRole } from './shared-task-execution-role.js';

export const allRules: readonly Rule[] = [
  parseError,
  executionRoleRequired,
  ecrPullPermissions,
  awslogsPermissions,
  awslogsCreateGroupPermission,
  secretsPermissions,
  ecsTasksTrust,
  instanceProfileMissing,
  instanceRoleTrust,
  instanceRoleAgentPermissions,
  executionRoleAppPermissions,
  sharedTaskExecutionRole,
  serviceRoleWithAwsvpc,
  roleArnExpected,
  roleNotVerifiable,
];
