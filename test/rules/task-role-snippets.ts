/**
 * Building blocks for the tests of the task-role rules (ECS Exec, exec logging, EFS, X-Ray, App Mesh):
 * a task definition with a task role, and a service running it in a cluster.
 */
import { indent, roleYaml, type RoleOptions } from './cfn-snippets.js';

export interface TaskWithRoleOptions {
  logicalId?: string;
  /** `[FARGATE]`, `[EC2]`, or omitted. */
  compatibilities?: string;
  /** The whole `TaskRoleArn:` value, or omitted for a task definition without a task role. */
  taskRoleArn?: string;
  /** Container definition list items written at column 0. */
  containers?: string;
  /** Extra task-definition properties written at column 0 (`Volumes:`, `ProxyConfiguration:`). */
  properties?: string;
}

export const plainContainer = `
- Name: app
  Image: public.ecr.aws/docker/library/httpd:2.4
  Essential: true`;

export function taskWithRoleYaml(options: TaskWithRoleOptions = {}): string {
  const { logicalId = 'TaskDefinition', compatibilities, taskRoleArn, containers = plainContainer, properties } = options;
  return (
    [
      `  ${logicalId}:`,
      '    Type: AWS::ECS::TaskDefinition',
      '    Properties:',
      '      Family: app',
      ...(compatibilities ? [`      RequiresCompatibilities: ${compatibilities}`] : []),
      ...(compatibilities?.includes('FARGATE') ? ['      NetworkMode: awsvpc', "      Cpu: '256'", "      Memory: '512'"] : []),
      ...(taskRoleArn ? [`      TaskRoleArn: ${taskRoleArn}`] : []),
      '      ContainerDefinitions:',
      indent(containers, 8),
      ...(properties ? [indent(properties, 6)] : []),
    ].join('\n') + '\n'
  );
}

/** A task role (trusting ecs-tasks) with the given policies, logical id `TaskRole` unless set. */
export function taskRoleYaml(options: RoleOptions = {}): string {
  return roleYaml({ logicalId: 'TaskRole', ...options });
}

/** A service running `TaskDefinition` in `Cluster` with ECS Exec on, launch settings written at column 0. */
export function execServiceYaml(launch = 'LaunchType: FARGATE', logicalId = 'Service', enable = 'true'): string {
  return `  ${logicalId}:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      TaskDefinition: !Ref TaskDefinition
      DesiredCount: 1
      EnableExecuteCommand: ${enable}
${indent(launch, 6)}
`;
}

/** A cluster, optionally with `Configuration:` contents written at column 0. */
export function clusterYaml(configuration?: string): string {
  return `  Cluster:
    Type: AWS::ECS::Cluster
${configuration ? `    Properties:\n      Configuration:\n${indent(configuration, 8)}\n` : ''}`;
}

export const ssmManagedInstanceCore = '!Sub arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore';

export const execStatements = `
- Effect: Allow
  Action:
    - ssmmessages:CreateControlChannel
    - ssmmessages:CreateDataChannel
    - ssmmessages:OpenControlChannel
    - ssmmessages:OpenDataChannel
  Resource: '*'`;
