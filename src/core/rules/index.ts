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
import { taskRoleEcsExec } from './task-role-ecs-exec.js';
import { ecsExecLoggingPermissions } from './ecs-exec-logging-permissions.js';
import { efsIamAuthorization } from './efs-iam-authorization.js';
import { environmentFilesPermissions } from './environment-files-permissions.js';
import { firelensConfigPermissions } from './firelens-config-permissions.js';
import { firelensDestinationPermissions } from './firelens-destination-permissions.js';
import { xrayDaemonPermissions } from './xray-daemon-permissions.js';
import { appmeshEnvoyPermissions } from './appmesh-envoy-permissions.js';
import { pullThroughCachePermissions } from './pull-through-cache-permissions.js';
import { ecrAuthVpcCondition } from './ecr-auth-vpc-condition.js';
import { trustConfusedDeputy } from './trust-confused-deputy.js';
import { hardcodedPartition } from './hardcoded-partition.js';
import { passroleMissing } from './passrole-missing.js';
import { passroleUnrestricted } from './passrole-unrestricted.js';
import { eventsTargetRole } from './events-target-role.js';
import { codedeployRole } from './codedeploy-role.js';
import { infrastructureRole } from './infrastructure-role.js';
import { serviceRoleTrust } from './service-role-trust.js';
import { instanceRoleOverprivileged } from './instance-role-overprivileged.js';
import { unknownAction } from './unknown-action.js';
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
  taskRoleEcsExec,
  ecsExecLoggingPermissions,
  efsIamAuthorization,
  environmentFilesPermissions,
  firelensConfigPermissions,
  firelensDestinationPermissions,
  xrayDaemonPermissions,
  appmeshEnvoyPermissions,
  pullThroughCachePermissions,
  ecrAuthVpcCondition,
  trustConfusedDeputy,
  hardcodedPartition,
  passroleMissing,
  passroleUnrestricted,
  eventsTargetRole,
  codedeployRole,
  infrastructureRole,
  serviceRoleTrust,
  instanceRoleOverprivileged,
  unknownAction,
  roleNotVerifiable,
];
