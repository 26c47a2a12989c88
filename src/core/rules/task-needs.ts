/** What a task definition makes ECS fetch on its behalf: private images, awslogs groups, secrets, files. */
import type { DocNode } from '../parse/node.js';
import { classifyImage, ecrRepositoryArn, parseEcrImageTemplate } from '../model/image-reference.js';
import type { ContainerDefinition, FieldValue, SecretReference, TaskDefinition } from '../model/task-definition.js';

export interface EcrImageNeed {
  container: ContainerDefinition;
  node: DocNode;
  image: string;
  repositoryArn: string;
}

export function privateEcrImages(task: TaskDefinition): EcrImageNeed[] {
  const needs: EcrImageNeed[] = [];
  for (const container of task.containers) {
    if (!container.image) continue;
    for (const image of container.image.values) {
      if (classifyImage(image) !== 'ecr-private') continue;
      const parsed = parseEcrImageTemplate(image);
      if (!parsed) continue;
      needs.push({ container, node: container.image.node, image, repositoryArn: ecrRepositoryArn(parsed) });
      break;
    }
  }
  return needs;
}

export interface AwslogsNeed {
  container: ContainerDefinition;
  /** The LogDriver value node. */
  node: DocNode;
  group?: FieldValue;
  region: string;
  createGroup: boolean;
  createGroupNode?: DocNode;
}

export function awslogsContainers(task: TaskDefinition): AwslogsNeed[] {
  const needs: AwslogsNeed[] = [];
  for (const container of task.containers) {
    const log = container.logConfiguration;
    if (!log?.driver || !log.driver.values.includes('awslogs')) continue;
    const createGroup = log.options.get('awslogs-create-group');
    needs.push({
      container,
      node: log.driver.node,
      group: log.options.get('awslogs-group'),
      region: log.options.get('awslogs-region')?.values[0] ?? '${AWS::Region}',
      createGroup: createGroup?.values.some((v) => v.toLowerCase() === 'true') ?? false,
      createGroupNode: createGroup?.node,
    });
  }
  return needs;
}

export interface SecretNeed {
  container: ContainerDefinition;
  reference: SecretReference;
  kind: 'secret' | 'log-secret';
}

export function secretReferences(task: TaskDefinition): SecretNeed[] {
  const needs: SecretNeed[] = [];
  for (const container of task.containers) {
    for (const reference of container.secrets) needs.push({ container, reference, kind: 'secret' });
    for (const reference of container.logConfiguration?.secretOptions ?? []) needs.push({ container, reference, kind: 'log-secret' });
  }
  return needs;
}

/** A short reason for each feature that requires an execution role on every launch type (R12-R17). */
export interface ExecutionRoleNeed {
  reason: string;
  node: DocNode;
}

export function alwaysExecutionRoleNeeds(task: TaskDefinition): ExecutionRoleNeed[] {
  const needs: ExecutionRoleNeed[] = [];
  for (const container of task.containers) {
    const name = container.name ? `container ${container.name}` : 'a container';
    const first = container.secrets[0];
    if (first) needs.push({ reason: `${name} reads secrets`, node: first.node });
    const logSecret = container.logConfiguration?.secretOptions[0];
    if (logSecret) needs.push({ reason: `${name} passes secrets to its log driver`, node: logSecret.node });
    if (container.repositoryCredentials) {
      needs.push({ reason: `${name} pulls from a private registry with repository credentials`, node: container.repositoryCredentials.node });
    }
    const envFile = container.environmentFiles[0];
    if (envFile) needs.push({ reason: `${name} loads environment files from S3`, node: envFile.node });
    const configType = container.firelens?.options.get('config-file-type');
    // On Fargate the S3 type itself is the problem (firelens-config-permissions says so), not the missing role.
    if (configType?.values.includes('s3') && !task.launchTypes.has('FARGATE')) {
      needs.push({ reason: `${name} loads its FireLens configuration from S3`, node: configType.node });
    }
  }
  for (const volume of task.volumes) {
    const fsx = volume.entries.find((e) => e.key === 'FSxWindowsFileServerVolumeConfiguration' || e.key === 'fsxWindowsFileServerVolumeConfiguration')?.value;
    const authorization = fsx?.kind === 'map' ? fsx.entries.find((e) => e.key === 'AuthorizationConfig' || e.key === 'authorizationConfig')?.value : undefined;
    const credentials = authorization?.kind === 'map' ? authorization.entries.find((e) => e.key === 'CredentialsParameter' || e.key === 'credentialsParameter') : undefined;
    if (credentials) needs.push({ reason: 'an FSx for Windows File Server volume reads its credentials', node: credentials.value });
  }
  return needs;
}
