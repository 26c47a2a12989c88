import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import {
  account,
  assertFirstFixResolves,
  awslogsContainer,
  describeTaskDefinition,
  ec2CapacityYaml,
  executionPolicyArn,
  json,
  lineOf,
  logGroupYaml,
  registerTaskDefinition,
  roleYaml,
  seedFiles,
  serviceYaml,
  taskDefinitionYaml,
  yamlTemplate,
  type RoleOptions,
} from './cfn-snippets.js';

const rule = 'awslogs-permissions';

const ecrAll = `
- Effect: Allow
  Action: ecr:*
  Resource: '*'`;

function logsGrant(resource: string, actions = '[logs:CreateLogStream, logs:PutLogEvents]'): string {
  return `${ecrAll}
- Effect: Allow
  Action: ${actions}
  Resource: ${resource}`;
}

/** A Fargate task shipping awslogs to `/ecs/app` (the template's LogGroup) with the execution role described by `role`. */
function fargateTemplate(role: RoleOptions, options: { metadata?: string; head?: string } = {}): string {
  return yamlTemplate(
    [
      logGroupYaml,
      roleYaml(role),
      taskDefinitionYaml({ compatibilities: '[FARGATE]', executionRoleArn: '!GetAtt ExecutionRole.Arn', containers: awslogsContainer(), metadata: options.metadata }),
    ],
    options.head,
  );
}

const logGroupArn = (name: string, suffix = '') => `!Sub arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:${name}${suffix}`;

const noLogs = fargateTemplate({ statements: ecrAll });
const otherGroup = fargateTemplate({ statements: logsGrant(logGroupArn('/ecs/billing', ':*')) });
const prefixLookalike = fargateTemplate({ statements: logsGrant(logGroupArn('/ecs/app-*')) });
const onlyPutLogEvents = fargateTemplate({ statements: logsGrant(logGroupArn('/ecs/app', ':*'), 'logs:PutLogEvents') });
const denyLogs = fargateTemplate({
  managedPolicyArns: [executionPolicyArn.sub],
  statements: `
- Effect: Deny
  Action: logs:*
  Resource: '*'`,
});
const boundaryWithoutLogs = fargateTemplate({ managedPolicyArns: [executionPolicyArn.sub], permissionsBoundary: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' });
const unknownManagedPolicy = fargateTemplate({ statements: ecrAll, managedPolicyArns: [`arn:aws:iam::${account}:policy/custom`] });

const ec2InstanceRoleWithoutLogs = yamlTemplate([
  logGroupYaml,
  ec2CapacityYaml({
    statements: `
- Effect: Allow
  Action: [ecs:DiscoverPollEndpoint, ecs:RegisterContainerInstance, ecs:Poll, ecs:Submit*, ecs:StartTelemetrySession, ecr:*]
  Resource: '*'`,
  }),
  taskDefinitionYaml({ compatibilities: '[EC2]', containers: awslogsContainer('nginx:1.27') }),
]);

const ec2ExecutionRoleWithoutLogs = (instanceRole?: RoleOptions) =>
  yamlTemplate([
    logGroupYaml,
    ec2CapacityYaml(instanceRole),
    roleYaml({ statements: ecrAll }),
    taskDefinitionYaml({ compatibilities: '[EC2]', executionRoleArn: '!GetAtt ExecutionRole.Arn', containers: awslogsContainer() }),
  ]);
const ec2OnlyInstanceLogs = ec2ExecutionRoleWithoutLogs();
const ec2NeitherLogs = ec2ExecutionRoleWithoutLogs({ statements: "- Effect: Allow\n  Action: ecs:*\n  Resource: '*'" });

function cfnJson(statement: Record<string, unknown>): string {
  return json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      LogGroup: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/ecs/app' } },
      ExecutionRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          },
          Policies: [{ PolicyName: 'logs', PolicyDocument: { Version: '2012-10-17', Statement: [statement] } }],
        },
      },
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          RequiresCompatibilities: ['FARGATE'],
          NetworkMode: 'awsvpc',
          Cpu: '256',
          Memory: '512',
          ExecutionRoleArn: { 'Fn::GetAtt': ['ExecutionRole', 'Arn'] },
          ContainerDefinitions: [
            {
              Name: 'app',
              Image: 'public.ecr.aws/docker/library/httpd:2.4',
              LogConfiguration: {
                LogDriver: 'awslogs',
                Options: { 'awslogs-group': { Ref: 'LogGroup' }, 'awslogs-region': { Ref: 'AWS::Region' }, 'awslogs-stream-prefix': 'app' },
              },
            },
          ],
        },
      },
    },
  });
}

const cfnJsonGranted = cfnJson({ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': ['LogGroup', 'Arn'] } });
const cfnJsonOtherService = cfnJson({ Effect: 'Allow', Action: 'ecr:*', Resource: '*' });

function rolesTemplate(role: RoleOptions): string {
  return yamlTemplate([roleYaml({ logicalId: 'AppExecutionRole', roleName: 'app-exec', ...role })]);
}

const awslogsJson = (group = '/ecs/app') => ({
  logDriver: 'awslogs',
  options: { 'awslogs-group': group, 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'app' },
});
const registerJson = (executionRoleArn: string) =>
  registerTaskDefinition({
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    executionRoleArn,
    containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/docker/library/httpd:2.4', logConfiguration: awslogsJson() }],
  });
const describeJson = (executionRoleArn: string) =>
  describeTaskDefinition({
    requiresCompatibilities: ['FARGATE'],
    executionRoleArn,
    containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/docker/library/httpd:2.4', logConfiguration: awslogsJson() }],
  });
const registerByArn = registerJson(`arn:aws:iam::${account}:role/app-exec`);
const externalArn = `arn:aws:iam::${account}:role/shared-exec`;

testRule(rule, {
  valid: [
    { name: 'the seed setup is linted', files: seedFiles },
    { name: 'the role allows the stream actions on log-group:/ecs/app', files: { 'app.yaml': fargateTemplate({ statements: logsGrant(logGroupArn('/ecs/app')) }) } },
    { name: 'the role allows the stream actions on log-group:/ecs/app:*', files: { 'app.yaml': fargateTemplate({ statements: logsGrant(logGroupArn('/ecs/app', ':*')) }) } },
    { name: 'the role allows the stream actions on log-group:/ecs/*', files: { 'app.yaml': fargateTemplate({ statements: logsGrant(logGroupArn('/ecs/*')) }) } },
    { name: 'the role allows the stream actions on !GetAtt LogGroup.Arn', files: { 'app.yaml': fargateTemplate({ statements: logsGrant('!GetAtt LogGroup.Arn') }) } },
    {
      name: "the role allows the stream actions on !Sub '${LogGroup.Arn}:*' (log-group:/ecs/app:*:*, which covers its streams)",
      files: { 'app.yaml': fargateTemplate({ statements: logsGrant("!Sub '${LogGroup.Arn}:*'") }) },
    },
    { name: 'the role allows logs:* on *', files: { 'app.yaml': fargateTemplate({ statements: logsGrant("'*'", 'logs:*') }) } },
    { name: 'the role allows logs:Create* and logs:Put*', files: { 'app.yaml': fargateTemplate({ statements: logsGrant("'*'", '[logs:Create*, logs:Put*]') }) } },
    { name: 'AmazonECSTaskExecutionRolePolicy is attached with !Sub', files: { 'app.yaml': fargateTemplate({ managedPolicyArns: [executionPolicyArn.sub] }) } },
    { name: 'AmazonECSTaskExecutionRolePolicy is attached as a literal ARN', files: { 'app.yaml': fargateTemplate({ managedPolicyArns: [executionPolicyArn.literal] }) } },
    { name: 'a CloudFormation JSON role allows the actions on Fn::GetAtt LogGroup.Arn', files: { 'app.json': cfnJsonGranted } },
    {
      name: 'a CloudFormation JSON role attaches AmazonECSTaskExecutionRolePolicy with the long-form Fn::Sub',
      files: {
        'app.json': cfnJsonOtherService.replace(
          '"Policies": [',
          '"ManagedPolicyArns": [{ "Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy" }],\n          "Policies": [',
        ),
      },
    },
    {
      name: 'a permissions boundary that allows logs does not limit the grant',
      files: { 'app.yaml': fargateTemplate({ managedPolicyArns: [executionPolicyArn.sub], permissionsBoundary: 'arn:aws:iam::aws:policy/CloudWatchLogsFullAccess' }) },
    },
    {
      name: 'an EC2 task without an execution role logs with an instance role that has AmazonEC2ContainerServiceforEC2Role',
      files: { 'ec2.yaml': yamlTemplate([logGroupYaml, ec2CapacityYaml(), taskDefinitionYaml({ compatibilities: '[EC2]', containers: awslogsContainer('nginx:1.27') })]) },
    },
    {
      name: 'a Fargate task has no execution role (execution-role-required reports it instead)',
      files: { 'app.yaml': yamlTemplate([logGroupYaml, taskDefinitionYaml({ compatibilities: '[FARGATE]', containers: awslogsContainer() })]) },
    },
    {
      name: 'the container logs with another driver',
      files: {
        'app.yaml': yamlTemplate([
          roleYaml({ statements: ecrAll }),
          taskDefinitionYaml({
            compatibilities: '[FARGATE]',
            executionRoleArn: '!GetAtt ExecutionRole.Arn',
            containers: `
- Name: app
  Image: public.ecr.aws/docker/library/httpd:2.4
  LogConfiguration:
    LogDriver: awsfirelens
    Options:
      Name: cloudwatch_logs`,
          }),
        ]),
      },
    },
    {
      name: 'a register-input task definition names by ARN a role that allows the group (pseudo parameters in the template match)',
      files: { 'infra/roles.yaml': rolesTemplate({ statements: logsGrant(logGroupArn('/ecs/app', ':*')) }), 'deploy/taskdef.json': registerByArn },
    },
    {
      name: 'a describe-output task definition names the role by plain name and the role has the managed policy',
      files: { 'infra/roles.yaml': rolesTemplate({ managedPolicyArns: [executionPolicyArn.sub] }), 'deploy/describe.json': describeJson('app-exec') },
    },
    { name: 'the execution role is external and undeclared (role-not-verifiable notes it)', files: { 'deploy/taskdef.json': registerJson(externalArn) } },
    {
      name: 'the external role is declared in config with AmazonECSTaskExecutionRolePolicy',
      files: { 'deploy/taskdef.json': registerJson(externalArn) },
      config: { externalRoles: [{ arn: externalArn, managedPolicies: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'] }] },
    },
    {
      name: 'the external role is declared in config with assumeCompliant',
      files: { 'deploy/taskdef.json': registerJson(externalArn) },
      config: { externalRoles: [{ arn: externalArn, assumeCompliant: true }] },
    },
    {
      name: 'the task definition resource ignores the rule in its Metadata',
      files: { 'app.yaml': fargateTemplate({ statements: ecrAll }, { metadata: 'ecs-iam-lint:\n  ignore: [awslogs-permissions]' }) },
    },
    {
      name: 'the template ignores the rule in its top-level Metadata',
      files: { 'app.yaml': fargateTemplate({ statements: ecrAll }, { head: 'Metadata:\n  ecs-iam-lint:\n    ignore: [awslogs-permissions]' }) },
    },
    { name: 'the rule is turned off in config', files: { 'app.yaml': noLogs }, config: { rules: { [rule]: 'off' } } },
  ],
  invalid: [
    {
      name: 'the execution role has no logs permission',
      files: { 'app.yaml': noLogs },
      expect: [
        {
          path: 'app.yaml',
          line: lineOf(noLogs, 'LogDriver: awslogs'),
          severity: 'error',
          message: ['Execution role ExecutionRole of task definition TaskDefinition does not allow logs:CreateLogStream, logs:PutLogEvents on log group /ecs/app'],
        },
      ],
    },
    {
      name: 'the grant is on another log group',
      files: { 'app.yaml': otherGroup },
      expect: [{ line: lineOf(otherGroup, 'LogDriver: awslogs'), severity: 'error', message: ['logs:CreateLogStream, logs:PutLogEvents on log group /ecs/app'] }],
    },
    {
      name: 'the grant is on log-group:/ecs/app-* (a prefix that does not cover /ecs/app)',
      files: { 'app.yaml': prefixLookalike },
      expect: [{ severity: 'error', message: ['/ecs/app'] }],
    },
    {
      name: 'the role allows logs:PutLogEvents but not logs:CreateLogStream',
      files: { 'app.yaml': onlyPutLogEvents },
      expect: [{ severity: 'error', message: ['does not allow logs:CreateLogStream on log group /ecs/app'] }],
    },
    {
      name: 'an explicit Deny on logs:* beats the managed policy Allow',
      files: { 'app.yaml': denyLogs },
      expect: [{ line: lineOf(denyLogs, 'LogDriver: awslogs'), severity: 'error', message: ['ExecutionRole', 'logs:CreateLogStream, logs:PutLogEvents'] }],
    },
    {
      name: 'a permissions boundary (an AWS managed policy without logs actions) limits the managed policy',
      files: { 'app.yaml': boundaryWithoutLogs },
      expect: [{ severity: 'error', message: ['logs:CreateLogStream, logs:PutLogEvents'] }],
    },
    {
      name: 'the only candidate is a customer managed policy the repository does not define (warning, naming it)',
      files: { 'app.yaml': unknownManagedPolicy },
      expect: [{ severity: 'warning', message: ['may not allow logs:CreateLogStream, logs:PutLogEvents', `arn:aws:iam::${account}:policy/custom`] }],
    },
    {
      name: 'an EC2 task without an execution role logs with an instance role (profile + launch template with ECS_CLUSTER) that lacks logs actions',
      files: { 'ec2.yaml': ec2InstanceRoleWithoutLogs },
      expect: [
        {
          line: lineOf(ec2InstanceRoleWithoutLogs, 'LogDriver: awslogs'),
          severity: 'error',
          message: ['Instance role InstanceRole (used because the task definition has no execution role) of task definition TaskDefinition', 'logs:PutLogEvents'],
        },
      ],
    },
    {
      name: 'an EC2 task with an execution role that lacks logs while the instance role has them (warning: works only without the override)',
      files: { 'ec2.yaml': ec2OnlyInstanceLogs },
      expect: [{ line: lineOf(ec2OnlyInstanceLogs, 'LogDriver: awslogs'), severity: 'warning', message: ['Execution role ExecutionRole', 'only the instance role allows them'] }],
    },
    {
      name: 'an EC2 task with an execution role that lacks logs, and neither does the instance role',
      files: { 'ec2.yaml': ec2NeitherLogs },
      expect: [{ severity: 'error', message: ['Execution role ExecutionRole'] }],
    },
    {
      name: 'the launch type comes from a service with LaunchType FARGATE',
      files: {
        'svc.yaml': yamlTemplate([
          '  Cluster:\n    Type: AWS::ECS::Cluster\n',
          logGroupYaml,
          roleYaml({ statements: ecrAll }),
          taskDefinitionYaml({ executionRoleArn: '!GetAtt ExecutionRole.Arn', containers: awslogsContainer() }),
          serviceYaml('LaunchType: FARGATE'),
        ]),
      },
      expect: [{ severity: 'error', message: ['Execution role ExecutionRole'] }],
    },
    {
      name: 'a CloudFormation JSON role allows only ecr:*',
      files: { 'app.template.json': cfnJsonOtherService },
      expect: [{ path: 'app.template.json', line: lineOf(cfnJsonOtherService, '"LogDriver"'), severity: 'error', message: ['ExecutionRole', 'log group /ecs/app'] }],
    },
    {
      name: 'a register-input task definition names by ARN a role defined in another template that lacks logs',
      files: { 'infra/roles.yaml': rolesTemplate({ statements: ecrAll }), 'deploy/taskdef.json': registerByArn },
      expect: [{ path: 'deploy/taskdef.json', line: lineOf(registerByArn, '"logDriver"'), severity: 'error', message: ['Execution role app-exec of task definition app', 'log group /ecs/app'] }],
    },
    {
      name: 'a describe-output task definition names by plain name a role scoped to another group',
      files: { 'infra/roles.yaml': rolesTemplate({ statements: logsGrant(logGroupArn('/ecs/other', ':*')) }), 'deploy/describe.json': describeJson('app-exec') },
      expect: [{ path: 'deploy/describe.json', message: ['app-exec', '/ecs/app'] }],
    },
    {
      name: 'a register-input task definition on a literal region is not covered by a role pinned to another region',
      files: { 'infra/roles.yaml': rolesTemplate({ statements: logsGrant(`arn:aws:logs:us-east-1:${account}:log-group:/ecs/app:*`) }), 'deploy/taskdef.json': registerByArn },
      expect: [{ severity: 'error', message: ['app-exec'] }],
    },
    {
      name: 'the external role is declared in config without a logs policy',
      files: { 'deploy/taskdef.json': registerJson(externalArn) },
      config: { externalRoles: [{ arn: externalArn, managedPolicies: ['arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly'] }] },
      expect: [{ severity: 'error', message: ['Execution role shared-exec'] }],
    },
    {
      name: 'config lowers the severity to warning',
      files: { 'app.yaml': noLogs },
      config: { rules: { [rule]: 'warning' } },
      expect: [{ severity: 'warning' }],
    },
    {
      name: 'the suppression names another rule',
      files: { 'app.yaml': fargateTemplate({ statements: ecrAll }, { metadata: 'ecs-iam-lint:\n  ignore: [ecr-pull-permissions]' }) },
      expect: [{ severity: 'error' }],
    },
  ],
});

test('a finding on a task-definition JSON lists the template that defines the role', () => {
  const [finding] = findingsOf(lintFiles({ 'infra/roles.yaml': rolesTemplate({ statements: ecrAll }), 'deploy/taskdef.json': registerByArn }), rule);
  assert.deepEqual(finding.relatedPaths, ['infra/roles.yaml']);
});

test('each awslogs container is checked against its own group', () => {
  const template = yamlTemplate([
    logGroupYaml,
    roleYaml({ statements: logsGrant('!GetAtt LogGroup.Arn') }),
    taskDefinitionYaml({
      compatibilities: '[FARGATE]',
      executionRoleArn: '!GetAtt ExecutionRole.Arn',
      containers: `${awslogsContainer('nginx:1.27')}
- Name: worker
  Image: nginx:1.27
  LogConfiguration:
    LogDriver: awslogs
    Options:
      awslogs-group: /ecs/worker
      awslogs-region: !Ref AWS::Region`,
    }),
  ]);
  const found = findingsOf(lintFiles({ 'app.yaml': template }), rule);
  assert.equal(found.length, 1);
  assert.equal(found[0].line, lineOf(template, 'LogDriver: awslogs', 2));
  assert.match(found[0].message, /log group \/ecs\/worker/);
});

test('the first fix adds the stream actions scoped to the log group, and the rule no longer fires', () => {
  const [finding] = findingsOf(lintFiles({ 'app.yaml': noLogs }), rule);
  const added = finding.fixes[0]?.edits.map((edit) => edit.newText).join('') ?? '';
  assert.match(added, /logs:CreateLogStream/);
  assert.match(added, /log-group:\/ecs\/app/);
  assertFirstFixResolves(rule, { 'app.yaml': noLogs });
});

test('the fix for a CloudFormation JSON template keeps valid JSON', () => {
  const patched = assertFirstFixResolves(rule, { 'app.template.json': cfnJsonOtherService });
  assert.doesNotThrow(() => JSON.parse(patched['app.template.json']));
});

test('the fix for a task-definition JSON edits the role template, not the JSON', () => {
  const files = { 'infra/roles.yaml': rolesTemplate({ statements: ecrAll }), 'deploy/taskdef.json': registerByArn };
  const patched = assertFirstFixResolves(rule, files);
  assert.equal(patched['deploy/taskdef.json'], registerByArn);
});

test('the fix for an EC2 instance role used as fallback edits the instance role', () => {
  assertFirstFixResolves(rule, { 'ec2.yaml': ec2InstanceRoleWithoutLogs });
});

test('an explicit Deny gets no fix', () => {
  const [finding] = findingsOf(lintFiles({ 'app.yaml': denyLogs }), rule);
  assert.deepEqual(finding.fixes, []);
});
