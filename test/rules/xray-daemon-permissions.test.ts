import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import {
  account,
  assertFirstFixResolves,
  describeTaskDefinition,
  ec2CapacityYaml,
  ec2ContainerServicePolicyArn,
  json,
  lineOf,
  registerTaskDefinition,
  yamlTemplate,
  type RoleOptions,
} from './cfn-snippets.js';
import { seedCases } from './seed-variants.js';
import { plainContainer, taskRoleYaml, taskWithRoleYaml } from './task-role-snippets.js';

const rule = 'xray-daemon-permissions';
const xrayPolicy = '!Sub arn:${AWS::Partition}:iam::aws:policy/AWSXRayDaemonWriteAccess';

const daemon = (image = 'public.ecr.aws/xray/aws-xray-daemon:3.x') => `${plainContainer}
- Name: xray-daemon
  Image: ${image}
  PortMappings:
    - ContainerPort: 2000
      Protocol: udp`;

const collector = (extra = '') => `${plainContainer}
- Name: aws-otel-collector
  Image: public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0${extra}`;

function xrayTemplate(role: RoleOptions | null, containers = daemon(), compatibilities = '[FARGATE]'): string {
  return yamlTemplate([...(role ? [taskRoleYaml(role)] : []), taskWithRoleYaml({ compatibilities, taskRoleArn: role ? '!GetAtt TaskRole.Arn' : undefined, containers })]);
}

const withoutXray = xrayTemplate({ statements: "- Effect: Allow\n  Action: dynamodb:GetItem\n  Resource: '*'" });
const partial = xrayTemplate({ statements: "- Effect: Allow\n  Action: [xray:PutTraceSegments, xray:PutTelemetryRecords]\n  Resource: '*'" });
const noTaskRole = xrayTemplate(null);
const collectorWithoutXray = xrayTemplate({}, collector());
const ec2Template = (instanceRole: RoleOptions) => yamlTemplate([ec2CapacityYaml(instanceRole), taskWithRoleYaml({ compatibilities: '[EC2]', containers: daemon('amazon/aws-xray-daemon') })]);
const ec2InstanceLacks = ec2Template({ managedPolicyArns: [ec2ContainerServicePolicyArn] });

const sharedRoles = yamlTemplate([taskRoleYaml({ roleName: 'app-task', statements: "- Effect: Allow\n  Action: s3:GetObject\n  Resource: '*'" })]);
const jsonTask = (fields: Record<string, unknown> = {}) => ({
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  taskRoleArn: `arn:aws:iam::${account}:role/app-task`,
  containerDefinitions: [
    { name: 'app', image: 'nginx:1.27' },
    { name: 'xray', image: 'amazon/aws-xray-daemon:latest', portMappings: [{ containerPort: 2000, protocol: 'udp' }] },
  ],
  ...fields,
});
const registerMissing = registerTaskDefinition(jsonTask());
const describeNoRole = describeTaskDefinition(jsonTask({ taskRoleArn: undefined }));

function cfnJson(managed: unknown[]): string {
  return json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      TaskRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          ManagedPolicyArns: managed,
        },
      },
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          RequiresCompatibilities: ['FARGATE'],
          NetworkMode: 'awsvpc',
          Cpu: '256',
          Memory: '512',
          TaskRoleArn: { 'Fn::GetAtt': ['TaskRole', 'Arn'] },
          ContainerDefinitions: [
            { Name: 'app', Image: 'nginx:1.27' },
            { Name: 'xray-daemon', Image: 'public.ecr.aws/xray/aws-xray-daemon:latest' },
          ],
        },
      },
    },
  });
}
const cfnJsonGranted = cfnJson([{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AWSXRayDaemonWriteAccess' }]);
const cfnJsonMissing = cfnJson([{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AmazonS3ReadOnlyAccess' }]);

testRule(rule, {
  valid: [
    ...seedCases,
    { name: 'the task role has AWSXRayDaemonWriteAccess', files: { 'app.yaml': xrayTemplate({ managedPolicyArns: [xrayPolicy] }) } },
    { name: 'the task role allows xray:* on *', files: { 'app.yaml': xrayTemplate({ statements: "- Effect: Allow\n  Action: xray:*\n  Resource: '*'" }) } },
    { name: 'no container runs an X-Ray daemon or collector', files: { 'app.yaml': xrayTemplate(null, plainContainer) } },
    {
      name: 'the ADOT collector runs the bundled metrics-only configuration',
      files: { 'app.yaml': xrayTemplate({}, collector('\n  Command: [--config=/etc/ecs/container-insights/otel-task-metrics-config.yaml]')) },
    },
    {
      name: 'an EC2 task without a task role sends traces with an instance role that has AWSXRayDaemonWriteAccess',
      files: { 'ec2.yaml': ec2Template({ managedPolicyArns: [ec2ContainerServicePolicyArn, xrayPolicy] }) },
    },
    { name: 'a CloudFormation JSON task role has AWSXRayDaemonWriteAccess', files: { 'app.template.json': cfnJsonGranted } },
    {
      name: 'a register-input task definition names a role that may write to X-Ray',
      files: { 'infra/roles.yaml': yamlTemplate([taskRoleYaml({ roleName: 'app-task', managedPolicyArns: [xrayPolicy] })]), 'deploy/taskdef.json': registerMissing },
    },
    { name: 'the rule is turned off in config', files: { 'app.yaml': withoutXray }, config: { rules: { [rule]: 'off' } } },
  ],
  invalid: [
    {
      name: 'the task role has no X-Ray permission',
      files: { 'app.yaml': withoutXray },
      expect: [
        {
          line: lineOf(withoutXray, 'Image: public.ecr.aws/xray/aws-xray-daemon'),
          severity: 'warning',
          message: [
            'Task role TaskRole of task definition TaskDefinition does not allow xray:PutTraceSegments, xray:PutTelemetryRecords, xray:GetSamplingRules, xray:GetSamplingTargets, xray:GetSamplingStatisticSummaries',
            'the X-Ray daemon in container xray-daemon',
            'traces are dropped',
          ],
        },
      ],
    },
    { name: 'the task role allows only the put actions (sampling fails)', files: { 'app.yaml': partial }, expect: [{ message: ['does not allow xray:GetSamplingRules, xray:GetSamplingTargets, xray:GetSamplingStatisticSummaries,'] }] },
    {
      name: 'the ADOT collector runs its default configuration (X-Ray and EMF) without X-Ray permissions',
      files: { 'app.yaml': collectorWithoutXray },
      expect: [{ line: lineOf(collectorWithoutXray, 'aws-otel-collector:v0.40.0'), message: ['the ADOT collector in container aws-otel-collector'] }],
    },
    {
      name: 'the ADOT collector names the X-Ray configuration in its command',
      files: { 'app.yaml': xrayTemplate({}, collector('\n  Command: [--config=/etc/ecs/ecs-xray.yaml]')) },
      expect: [{ message: ['ADOT collector'] }],
    },
    { name: 'a Fargate task has no task role', files: { 'app.yaml': noTaskRole }, expect: [{ severity: 'warning', message: ['has no task role, so the X-Ray daemon in container xray-daemon has no credentials on Fargate'] }] },
    {
      name: 'an EC2 task has no task role and the instance role lacks the X-Ray actions',
      files: { 'ec2.yaml': ec2InstanceLacks },
      expect: [{ line: lineOf(ec2InstanceLacks, 'Image: amazon/aws-xray-daemon'), message: ['has no task role and instance role InstanceRole does not allow'] }],
    },
    {
      name: 'a register-input task definition names a role in another template without X-Ray permissions',
      files: { 'infra/roles.yaml': sharedRoles, 'deploy/taskdef.json': registerMissing },
      expect: [{ path: 'deploy/taskdef.json', line: lineOf(registerMissing, 'amazon/aws-xray-daemon'), message: ['Task role app-task of task definition app'] }],
    },
    {
      name: 'a describe-output task definition has no task role',
      files: { 'deploy/describe.json': describeNoRole },
      expect: [{ path: 'deploy/describe.json', message: ['has no task role'] }],
    },
    { name: 'a CloudFormation JSON task role has only AmazonS3ReadOnlyAccess', files: { 'app.template.json': cfnJsonMissing }, expect: [{ path: 'app.template.json', line: lineOf(cfnJsonMissing, 'aws-xray-daemon'), message: ['TaskRole'] }] },
  ],
});

test('the first fix attaches AWSXRayDaemonWriteAccess, the second adds the actions; both clear the finding', () => {
  const [finding] = findingsOf(lintFiles({ 'app.yaml': withoutXray }), rule);
  assert.deepEqual(
    finding.fixes.map((fix) => fix.title),
    ['Attach AWSXRayDaemonWriteAccess to TaskRole', 'Allow TaskRole to send traces to X-Ray'],
  );
  const patched = assertFirstFixResolves(rule, { 'app.yaml': withoutXray });
  assert.match(patched['app.yaml'], /AWSXRayDaemonWriteAccess/);
});

test('the fix for a task without a task role adds one with AWSXRayDaemonWriteAccess', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': noTaskRole });
  assert.match(patched['app.yaml'], /TaskRoleArn:[\s\S]{0,40}TaskDefinitionTaskRole/);
  assert.match(patched['app.yaml'], /policy\/AWSXRayDaemonWriteAccess/);
});

test('the fix for an EC2 task whose instance role lacks X-Ray adds a task role rather than widening the instance role', () => {
  const patched = assertFirstFixResolves(rule, { 'ec2.yaml': ec2InstanceLacks });
  assert.match(patched['ec2.yaml'], /TaskDefinitionTaskRole:/);
});

test('the fix for a CloudFormation JSON template keeps valid JSON', () => {
  const patched = assertFirstFixResolves(rule, { 'app.template.json': cfnJsonMissing });
  assert.doesNotThrow(() => JSON.parse(patched['app.template.json']));
});

test('the fix for a task-definition JSON edits the role template', () => {
  const patched = assertFirstFixResolves(rule, { 'infra/roles.yaml': sharedRoles, 'deploy/taskdef.json': registerMissing });
  assert.equal(patched['deploy/taskdef.json'], registerMissing);
});
