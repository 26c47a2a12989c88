/**
 * Small building blocks for the rule tests: CloudFormation YAML resources written the way people
 * write them, task-definition JSON, and the seed setup every wave-1 rule must leave alone.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Finding, Fix } from '../../src/core/finding.js';
import { applyEdits } from '../../src/core/text/text-edit.js';
import { describeFindings, findingsOf, lintFiles } from '../rule-tester.js';

/** 1-based line of the `occurrence`-th appearance of `needle` in `text`; throws when absent, so a typo fails loudly. */
export function lineOf(text: string, needle: string, occurrence = 1): number {
  let offset = -1;
  for (let i = 0; i < occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`'${needle}' (occurrence ${occurrence}) not found in:\n${text}`);
  }
  return text.slice(0, offset).split('\n').length;
}

export function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .replace(/^\n+|\s+$/g, '')
    .split('\n')
    .map((line) => (line.trim() ? pad + line : line))
    .join('\n');
}

/** A YAML template from resource blocks, each written at two spaces (`  Name:`); optional extra top-level sections. */
export function yamlTemplate(resources: string[], head = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'\n${head ? head.replace(/\s+$/, '') + '\n' : ''}Resources:\n${resources.map((r) => r.replace(/\s+$/, '')).join('\n')}\n`;
}

export interface RoleOptions {
  logicalId?: string;
  roleName?: string;
  principal?: string;
  /** Statement list items of one inline policy, written at column 0 (`- Effect: Allow` ...). */
  statements?: string;
  managedPolicyArns?: string[];
  permissionsBoundary?: string;
}

export function roleYaml(options: RoleOptions = {}): string {
  const {
    logicalId = 'ExecutionRole',
    roleName,
    principal = 'ecs-tasks.amazonaws.com',
    statements,
    managedPolicyArns,
    permissionsBoundary,
  } = options;
  const lines = [
    `  ${logicalId}:`,
    '    Type: AWS::IAM::Role',
    '    Properties:',
    ...(roleName ? [`      RoleName: ${roleName}`] : []),
    '      AssumeRolePolicyDocument:',
    "        Version: '2012-10-17'",
    '        Statement:',
    '          - Effect: Allow',
    `            Principal: { Service: ${principal} }`,
    '            Action: sts:AssumeRole',
  ];
  if (managedPolicyArns) {
    lines.push('      ManagedPolicyArns:', ...managedPolicyArns.map((arn) => `        - ${arn}`));
  }
  if (permissionsBoundary) lines.push(`      PermissionsBoundary: ${permissionsBoundary}`);
  if (statements) {
    lines.push(
      '      Policies:',
      `        - PolicyName: ${logicalId.charAt(0).toLowerCase()}${logicalId.slice(1)}-policy`,
      '          PolicyDocument:',
      "            Version: '2012-10-17'",
      '            Statement:',
      indent(statements, 14),
    );
  }
  return lines.join('\n') + '\n';
}

export const executionPolicyArn = {
  sub: '!Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
  literal: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
};

export const ec2ContainerServicePolicyArn = '!Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role';

/** The six actions a Fargate execution role needs for a private image and awslogs, scoped like careful authors do. */
export const pullAndLogStatements = `
- Effect: Allow
  Action: ecr:GetAuthorizationToken
  Resource: '*'
- Effect: Allow
  Action:
    - ecr:BatchCheckLayerAvailability
    - ecr:GetDownloadUrlForLayer
    - ecr:BatchGetImage
  Resource: !Sub arn:\${AWS::Partition}:ecr:\${AWS::Region}:\${AWS::AccountId}:repository/app
- Effect: Allow
  Action:
    - logs:CreateLogStream
    - logs:PutLogEvents
  Resource: !GetAtt LogGroup.Arn
`;

export const logGroupYaml = `  LogGroup:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: /ecs/app
`;

export const privateImage = '!Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1.0';

export interface TaskOptions {
  logicalId?: string;
  family?: string;
  /** `[FARGATE]`, `[EC2]`, or omitted. */
  compatibilities?: string;
  /** The whole `ExecutionRoleArn:` value, or omitted. */
  executionRoleArn?: string;
  /** Container definition list items written at column 0. */
  containers: string;
  metadata?: string;
}

export function taskDefinitionYaml(options: TaskOptions): string {
  const { logicalId = 'TaskDefinition', family = 'app', compatibilities, executionRoleArn, containers, metadata } = options;
  return [
    `  ${logicalId}:`,
    '    Type: AWS::ECS::TaskDefinition',
    ...(metadata ? ['    Metadata:', indent(metadata, 6)] : []),
    '    Properties:',
    `      Family: ${family}`,
    ...(compatibilities ? [`      RequiresCompatibilities: ${compatibilities}`] : []),
    ...(compatibilities?.includes('FARGATE') ? ['      NetworkMode: awsvpc', "      Cpu: '256'", "      Memory: '512'"] : []),
    ...(executionRoleArn ? [`      ExecutionRoleArn: ${executionRoleArn}`] : []),
    '      ContainerDefinitions:',
    indent(containers, 8),
  ].join('\n') + '\n';
}

/** A container shipping awslogs to the template's `LogGroup`. */
export function awslogsContainer(image = privateImage, extraOptions = ''): string {
  return `
- Name: app
  Image: ${image}
  LogConfiguration:
    LogDriver: awslogs
    Options:
      awslogs-group: !Ref LogGroup
      awslogs-region: !Ref AWS::Region
      awslogs-stream-prefix: app
${extraOptions ? indent(extraOptions, 6) : ''}`;
}

/**
 * EC2 capacity joined to the template's cluster: instance role in an instance profile used by a
 * launch template whose user data sets ECS_CLUSTER.
 */
export function ec2CapacityYaml(instanceRole: RoleOptions = { managedPolicyArns: [ec2ContainerServicePolicyArn] }): string {
  return [
    `  Cluster:
    Type: AWS::ECS::Cluster
`,
    roleYaml({ logicalId: 'InstanceRole', principal: 'ec2.amazonaws.com', ...instanceRole }),
    `  InstanceProfile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles: [!Ref InstanceRole]
  LaunchTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: '{{resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id}}'
        InstanceType: t3.small
        IamInstanceProfile:
          Arn: !GetAtt InstanceProfile.Arn
        UserData:
          Fn::Base64: !Sub |
            #!/bin/bash
            echo ECS_CLUSTER=\${Cluster} >> /etc/ecs/ecs.config
`,
  ].join('');
}

/** A service in the template's cluster running `TaskDefinition`, with launch settings written at column 0. */
export function serviceYaml(launch: string): string {
  return `  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      TaskDefinition: !Ref TaskDefinition
      DesiredCount: 1
${indent(launch, 6)}
`;
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

export const account = '123456789012';
export const ecrImage = `${account}.dkr.ecr.us-east-1.amazonaws.com/app:1.0`;

/** A register-task-definition input document. */
export function registerTaskDefinition(fields: Record<string, unknown>): string {
  return json({ family: 'app', ...fields });
}

/** A describe-task-definition output document, with the read-only fields register rejects. */
export function describeTaskDefinition(fields: Record<string, unknown>): string {
  return json({
    taskDefinition: {
      taskDefinitionArn: `arn:aws:ecs:us-east-1:${account}:task-definition/app:7`,
      family: 'app',
      revision: 7,
      status: 'ACTIVE',
      ...fields,
      compatibilities: ['EC2', 'FARGATE'],
      registeredAt: '2026-01-05T10:00:00.000Z',
    },
    tags: [],
  });
}

const fixturesDir = new URL('../fixtures/rules/seed/', import.meta.url);

/** The seed setup (EC2 capacity and a Fargate service with a least-privilege execution role), clean for every rule. */
export const seedFiles: Record<string, string> = {
  'infra/ec2-cluster.yaml': readFileSync(new URL('ec2-cluster.yaml', fixturesDir), 'utf8'),
  'infra/fargate-service.yaml': readFileSync(new URL('fargate-service.yaml', fixturesDir), 'utf8'),
  'infra/fargate-service.json': readFileSync(new URL('fargate-service.json', fixturesDir), 'utf8'),
};

/** The files after applying one fix; a fix may edit a file other than the finding's (the role's template). */
export function applyFix(files: Record<string, string>, fix: Fix): Record<string, string> {
  const patched = { ...files };
  for (const path of new Set(fix.edits.map((edit) => edit.path))) {
    assert.ok(path in patched, `fix edits ${path}, which is not one of the linted files`);
    patched[path] = applyEdits(patched[path], fix.edits.filter((edit) => edit.path === path));
  }
  return patched;
}

/**
 * The promise a suggestion makes: the finding of `ruleId` in `files` has a first fix, and after it the
 * edited files still parse and the rule no longer fires there. Returns the patched files for more checks.
 */
export function assertFirstFixResolves(ruleId: string, files: Record<string, string>, config = {}): Record<string, string> {
  const before = findingsOf(lintFiles(files, config), ruleId);
  assert.equal(before.length, 1, `expected one ${ruleId} finding to fix, got:\n${describeFindings(before)}`);
  const [finding] = before as Finding[];
  assert.ok(finding.fixes.length > 0, `${ruleId} offers no fix for: ${finding.message}`);
  const patched = applyFix(files, finding.fixes[0]);
  const after = lintFiles(patched, config);
  assert.deepEqual(findingsOf(after, 'parse-error').map((f) => f.message), [], 'the fixed files no longer parse');
  const remaining = findingsOf(after, ruleId);
  assert.equal(remaining.length, 0, `still reported after the fix "${finding.fixes[0].title}":\n${describeFindings(remaining)}`);
  return patched;
}
