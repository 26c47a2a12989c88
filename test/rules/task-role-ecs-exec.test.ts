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
import { clusterYaml, execServiceYaml, execStatements, ssmManagedInstanceCore, taskRoleYaml, taskWithRoleYaml } from './task-role-snippets.js';

const rule = 'task-role-ecs-exec';

/** A Fargate service with ECS Exec on, running a task whose task role is described by `role` (none when null). */
function fargateExec(role: RoleOptions | null, options: { taskRoleArn?: string; launch?: string; compatibilities?: string } = {}): string {
  return yamlTemplate([
    clusterYaml(),
    ...(role ? [taskRoleYaml(role)] : []),
    taskWithRoleYaml({ compatibilities: options.compatibilities ?? '[FARGATE]', taskRoleArn: role ? (options.taskRoleArn ?? '!GetAtt TaskRole.Arn') : undefined }),
    execServiceYaml(options.launch),
  ]);
}

const noPolicies = fargateExec({}, { taskRoleArn: '!Ref TaskRole' });
const noTaskRole = fargateExec(null);
const otherActions = fargateExec({ statements: "- Effect: Allow\n  Action: [ssmmessages:CreateControlChannel, ssmmessages:OpenControlChannel, s3:GetObject]\n  Resource: '*'" });
const unknownManaged = fargateExec({ managedPolicyArns: [`arn:aws:iam::${account}:policy/exec-access`] });
const denied = fargateExec({ managedPolicyArns: [ssmManagedInstanceCore], statements: "- Effect: Deny\n  Action: ssmmessages:*\n  Resource: '*'" });

const ec2Exec = (instanceRole: RoleOptions) =>
  yamlTemplate([ec2CapacityYaml(instanceRole), taskWithRoleYaml({ compatibilities: '[EC2]' }), execServiceYaml('LaunchType: EC2')]);
const ec2InstanceLacks = ec2Exec({ managedPolicyArns: [ec2ContainerServicePolicyArn] });
const ec2InstanceGrants = ec2Exec({ managedPolicyArns: [ec2ContainerServicePolicyArn, ssmManagedInstanceCore] });
const unknownLaunch = yamlTemplate([clusterYaml(), taskWithRoleYaml({}), execServiceYaml('PlatformVersion: LATEST')]);

const twoServices = yamlTemplate([
  clusterYaml(),
  taskRoleYaml({}),
  taskWithRoleYaml({ compatibilities: '[FARGATE]', taskRoleArn: '!GetAtt TaskRole.Arn' }),
  execServiceYaml('LaunchType: FARGATE', 'Blue'),
  execServiceYaml('LaunchType: FARGATE', 'Green'),
]);

const scheduledExec = yamlTemplate([
  clusterYaml(),
  taskRoleYaml({}),
  taskWithRoleYaml({ compatibilities: '[FARGATE]', taskRoleArn: '!GetAtt TaskRole.Arn' }),
  `  Nightly:
    Type: AWS::Events::Rule
    Properties:
      ScheduleExpression: rate(1 day)
      Targets:
        - Id: nightly
          Arn: !GetAtt Cluster.Arn
          RoleArn: !Sub arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/events-run-task
          EcsParameters:
            TaskDefinitionArn: !Ref TaskDefinition
            LaunchType: FARGATE
            EnableExecuteCommand: true
`,
]);

/** The task role lives in a shared roles template and is referenced by its literal name. */
const sharedRoles = yamlTemplate([taskRoleYaml({ roleName: 'app-task', statements: "- Effect: Allow\n  Action: s3:GetObject\n  Resource: '*'" })]);
const byName = fargateExec(null).replace('      ContainerDefinitions:', '      TaskRoleArn: app-task\n      ContainerDefinitions:');

function cfnJson(statement: Record<string, unknown>, exec: unknown = true): string {
  return json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      Cluster: { Type: 'AWS::ECS::Cluster' },
      TaskRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          },
          Policies: [{ PolicyName: 'app', PolicyDocument: { Version: '2012-10-17', Statement: [statement] } }],
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
          ContainerDefinitions: [{ Name: 'app', Image: 'public.ecr.aws/docker/library/httpd:2.4' }],
        },
      },
      Service: {
        Type: 'AWS::ECS::Service',
        Properties: { Cluster: { Ref: 'Cluster' }, TaskDefinition: { Ref: 'TaskDefinition' }, LaunchType: 'FARGATE', EnableExecuteCommand: exec },
      },
    },
  });
}

const cfnJsonGranted = cfnJson({ Effect: 'Allow', Action: 'ssmmessages:*', Resource: '*' });
const cfnJsonMissing = cfnJson({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' });

const jsonTask = { requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', taskRoleArn: `arn:aws:iam::${account}:role/app-task`, containerDefinitions: [{ name: 'app', image: 'nginx:1.27' }] };

testRule(rule, {
  valid: [
    ...seedCases,
    { name: 'the task role allows the four ssmmessages actions on *', files: { 'app.yaml': fargateExec({ statements: execStatements }) } },
    { name: 'the task role allows ssmmessages:*', files: { 'app.yaml': fargateExec({ statements: "- Effect: Allow\n  Action: ssmmessages:*\n  Resource: '*'" }) } },
    { name: 'the task role has AmazonSSMManagedInstanceCore, which includes the channel actions', files: { 'app.yaml': fargateExec({ managedPolicyArns: [ssmManagedInstanceCore] }) } },
    { name: 'the service does not enable ECS Exec', files: { 'app.yaml': fargateExec(null).replace('EnableExecuteCommand: true', 'EnableExecuteCommand: false') } },
    { name: 'a CloudFormation JSON task role allows ssmmessages:*', files: { 'app.template.json': cfnJsonGranted } },
    { name: 'a CloudFormation JSON service has EnableExecuteCommand false', files: { 'app.template.json': cfnJson({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, false) } },
    {
      name: 'task-definition JSON (register input) carries no EnableExecuteCommand, so nothing enables ECS Exec',
      files: { 'infra/roles.yaml': sharedRoles, 'deploy/taskdef.json': registerTaskDefinition(jsonTask) },
    },
    { name: 'task-definition JSON (describe output) carries no EnableExecuteCommand either', files: { 'infra/roles.yaml': sharedRoles, 'deploy/describe.json': describeTaskDefinition(jsonTask) } },
    {
      name: 'the task role is a parameter (role-not-verifiable notes it instead)',
      files: { 'app.yaml': fargateExec(null).replace('      ContainerDefinitions:', '      TaskRoleArn: !Ref TaskRoleArn\n      ContainerDefinitions:').replace('Resources:', 'Parameters:\n  TaskRoleArn:\n    Type: String\nResources:') },
    },
    {
      name: 'the service resource ignores the rule in its Metadata',
      files: { 'app.yaml': noPolicies.replace('    Type: AWS::ECS::Service\n', '    Type: AWS::ECS::Service\n    Metadata:\n      ecs-iam-lint:\n        ignore: [task-role-ecs-exec]\n') },
    },
    { name: 'the rule is turned off in config', files: { 'app.yaml': noPolicies }, config: { rules: { [rule]: 'off' } } },
  ],
  invalid: [
    {
      name: 'the task role (referenced by name) has no policies at all, as in the sam-fargate pattern',
      files: { 'app.yaml': noPolicies },
      expect: [
        {
          path: 'app.yaml',
          line: lineOf(noPolicies, 'EnableExecuteCommand: true'),
          severity: 'warning',
          message: [
            'Task role TaskRole of task definition TaskDefinition does not allow ssmmessages:CreateControlChannel, ssmmessages:CreateDataChannel, ssmmessages:OpenControlChannel, ssmmessages:OpenDataChannel',
            'service Service',
            'TargetNotConnectedException',
          ],
        },
      ],
    },
    {
      name: 'the task role allows only the control-channel actions',
      files: { 'app.yaml': otherActions },
      expect: [{ severity: 'warning', message: ['does not allow ssmmessages:CreateDataChannel, ssmmessages:OpenDataChannel,'] }],
    },
    {
      name: 'a Fargate task has no task role at all (error: the feature cannot work)',
      files: { 'app.yaml': noTaskRole },
      expect: [{ line: lineOf(noTaskRole, 'EnableExecuteCommand: true'), severity: 'error', message: ['Task definition TaskDefinition has no task role', 'on Fargate', 'ssmmessages:CreateControlChannel'] }],
    },
    {
      name: 'an EC2 task has no task role and the instance role lacks the actions',
      files: { 'ec2.yaml': ec2InstanceLacks },
      expect: [{ severity: 'warning', message: ['has no task role and instance role InstanceRole does not allow', 'ssmmessages:OpenDataChannel'] }],
    },
    {
      name: 'an EC2 task has no task role and relies on an instance role that allows them (every task on the host gets them)',
      files: { 'ec2.yaml': ec2InstanceGrants },
      expect: [{ severity: 'warning', message: ['relies on instance role InstanceRole', 'every task on the host'] }],
    },
    {
      name: 'the launch type is unstated and no capacity is visible',
      files: { 'app.yaml': unknownLaunch },
      expect: [{ severity: 'warning', message: ['an unstated launch type', 'not in the repository'] }],
    },
    {
      name: 'the only candidate is a customer managed policy the repository does not define',
      files: { 'app.yaml': unknownManaged },
      expect: [{ severity: 'warning', message: ['may not allow', `arn:aws:iam::${account}:policy/exec-access`] }],
    },
    {
      name: 'an explicit Deny on ssmmessages:* beats AmazonSSMManagedInstanceCore',
      files: { 'app.yaml': denied },
      expect: [{ severity: 'warning', message: ['does not allow ssmmessages:CreateControlChannel'] }],
    },
    {
      name: 'two services enable ECS Exec for the same task definition (one finding, at the first)',
      files: { 'app.yaml': twoServices },
      expect: [{ line: lineOf(twoServices, 'EnableExecuteCommand: true'), message: ['service Blue'] }],
    },
    {
      name: 'an EventBridge rule runs the task with EcsParameters.EnableExecuteCommand',
      files: { 'app.yaml': scheduledExec },
      expect: [{ line: lineOf(scheduledExec, 'EnableExecuteCommand: true'), message: ['EventBridge rule Nightly'] }],
    },
    {
      name: 'the task role is named by its literal RoleName and defined in another template',
      files: { 'infra/roles.yaml': sharedRoles, 'app.yaml': byName },
      expect: [{ path: 'app.yaml', message: ['Task role app-task of task definition TaskDefinition'] }],
    },
    {
      name: 'a CloudFormation JSON task role allows only dynamodb:GetItem',
      files: { 'app.template.json': cfnJsonMissing },
      expect: [{ path: 'app.template.json', line: lineOf(cfnJsonMissing, '"EnableExecuteCommand"'), severity: 'warning', message: ['TaskRole'] }],
    },
    { name: 'config raises the severity to error', files: { 'app.yaml': noPolicies }, config: { rules: { [rule]: 'error' } }, expect: [{ severity: 'error' }] },
  ],
});

test('an external task role is reported once by role-not-verifiable, naming ECS Exec', () => {
  const text = fargateExec(null).replace('      ContainerDefinitions:', '      TaskRoleArn: !Ref TaskRoleArn\n      ContainerDefinitions:').replace('Resources:', 'Parameters:\n  TaskRoleArn:\n    Type: String\nResources:');
  const notes = findingsOf(lintFiles({ 'app.yaml': text }), 'role-not-verifiable');
  assert.equal(notes.length, 1);
  assert.match(notes[0].message, /ECS Exec permissions/);
});

test('the fix adds an inline policy with the four actions to a role without policies, and the rule no longer fires', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': noPolicies });
  assert.match(patched['app.yaml'], /PolicyName: ecs-exec/);
  assert.match(patched['app.yaml'], /ssmmessages:OpenDataChannel/);
});

test('the fix extends the statement that already grants channel actions on *', () => {
  const [finding] = findingsOf(lintFiles({ 'app.yaml': otherActions }), rule);
  const added = finding.fixes[0].edits.map((edit) => edit.newText).join('');
  assert.doesNotMatch(added, /PolicyName/);
  assertFirstFixResolves(rule, { 'app.yaml': otherActions });
});

test('the fix for a Fargate task without a task role adds one, and neither this rule nor the trust rules fire on it', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': noTaskRole });
  assert.match(patched['app.yaml'], /TaskRoleArn:[\s\S]{0,40}TaskDefinitionTaskRole/);
  assert.equal(findingsOf(lintFiles(patched), 'ecs-tasks-trust').length, 0);
  assert.equal(findingsOf(lintFiles(patched), 'trust-confused-deputy').length, 0);
});

test('the fix for an EC2 task relying on the instance role adds a task role', () => {
  assertFirstFixResolves(rule, { 'ec2.yaml': ec2InstanceGrants });
});

test('the fix for a CloudFormation JSON template keeps valid JSON', () => {
  const patched = assertFirstFixResolves(rule, { 'app.template.json': cfnJsonMissing });
  assert.doesNotThrow(() => JSON.parse(patched['app.template.json']));
});

test('the fix edits the template that defines the role, and the finding names it as related', () => {
  const files = { 'infra/roles.yaml': sharedRoles, 'app.yaml': byName };
  const [finding] = findingsOf(lintFiles(files), rule);
  assert.deepEqual(finding.relatedPaths, ['infra/roles.yaml']);
  const patched = assertFirstFixResolves(rule, files);
  assert.equal(patched['app.yaml'], byName);
});

test('no fix is offered against an explicit Deny', () => {
  const [finding] = findingsOf(lintFiles({ 'app.yaml': denied }), rule);
  assert.equal(finding.fixes.length, 0);
});
