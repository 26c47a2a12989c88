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
  taskDefinitionYaml,
  yamlTemplate,
  type RoleOptions,
} from './cfn-snippets.js';

const rule = 'awslogs-create-group-permission';

const groupArn = (suffix = '') => `!Sub arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/ecs/app${suffix}`;
const streamActions = `
- Effect: Allow
  Action: ecr:*
  Resource: '*'
- Effect: Allow
  Action: [logs:CreateLogStream, logs:PutLogEvents]
  Resource: ${groupArn(':*')}`;
const withCreateGroup = (resource: string) => `${streamActions}
- Effect: Allow
  Action: logs:CreateLogGroup
  Resource: ${resource}`;

/**
 * A Fargate task whose container ships awslogs to /ecs/app with `option` among its options. The group
 * is created by the agent, so the template does not define it.
 */
function fargateTemplate(role: RoleOptions, option = 'awslogs-create-group: "true"', metadata?: string): string {
  return yamlTemplate([
    roleYaml(role),
    taskDefinitionYaml({
      compatibilities: '[FARGATE]',
      executionRoleArn: '!GetAtt ExecutionRole.Arn',
      metadata,
      containers: `
- Name: app
  Image: public.ecr.aws/docker/library/httpd:2.4
  LogConfiguration:
    LogDriver: awslogs
    Options:
      awslogs-group: /ecs/app
      awslogs-region: !Ref AWS::Region
      awslogs-stream-prefix: app
      ${option}`,
    }),
  ]);
}

const managedOnly = fargateTemplate({ managedPolicyArns: [executionPolicyArn.sub] });
const upperCaseTrue = fargateTemplate({ statements: streamActions }, 'awslogs-create-group: "TRUE"');
const booleanTrue = fargateTemplate({ statements: streamActions }, 'awslogs-create-group: true');
const otherGroup = fargateTemplate({ statements: withCreateGroup('!Sub arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/ecs/other') });
const unknownManagedPolicy = fargateTemplate({ statements: streamActions, managedPolicyArns: [`arn:aws:iam::${account}:policy/custom`] });
const denyCreate = fargateTemplate({
  statements: `${withCreateGroup("'*'")}
- Effect: Deny
  Action: logs:CreateLogGroup
  Resource: '*'`,
});

const ec2InstanceRoleManaged = yamlTemplate([
  logGroupYaml,
  ec2CapacityYaml(),
  taskDefinitionYaml({ compatibilities: '[EC2]', containers: awslogsContainer('nginx:1.27', 'awslogs-create-group: "true"') }),
]);

const cfnJson = (extra: Record<string, unknown>[]) =>
  json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      ExecutionRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          },
          ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'],
          ...(extra.length ? { Policies: [{ PolicyName: 'create-group', PolicyDocument: { Version: '2012-10-17', Statement: extra } }] } : {}),
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
              Image: { 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1.0' },
              LogConfiguration: {
                LogDriver: 'awslogs',
                Options: { 'awslogs-group': '/ecs/app', 'awslogs-region': { Ref: 'AWS::Region' }, 'awslogs-create-group': 'true', 'awslogs-stream-prefix': 'app' },
              },
            },
          ],
        },
      },
    },
  });
const cfnJsonManagedOnly = cfnJson([]);
const cfnJsonWithCreate = cfnJson([
  { Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/ecs/app:*' } },
]);

function rolesTemplate(role: RoleOptions): string {
  return yamlTemplate([roleYaml({ logicalId: 'AppExecutionRole', roleName: 'app-exec', ...role })]);
}
const logConfiguration = (createGroup: string) => ({
  logDriver: 'awslogs',
  options: { 'awslogs-group': '/ecs/app', 'awslogs-region': 'us-east-1', 'awslogs-create-group': createGroup, 'awslogs-stream-prefix': 'app' },
});
const registerJson = (createGroup = 'true', executionRoleArn = `arn:aws:iam::${account}:role/app-exec`) =>
  registerTaskDefinition({
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    executionRoleArn,
    containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/docker/library/httpd:2.4', logConfiguration: logConfiguration(createGroup) }],
  });
const describeJson = describeTaskDefinition({
  requiresCompatibilities: ['FARGATE'],
  executionRoleArn: 'app-exec',
  containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/docker/library/httpd:2.4', logConfiguration: logConfiguration('true') }],
});
const externalArn = `arn:aws:iam::${account}:role/shared-exec`;

testRule(rule, {
  valid: [
    { name: 'the seed setup is linted', files: seedFiles },
    { name: 'the role allows logs:CreateLogGroup on log-group:/ecs/app', files: { 'app.yaml': fargateTemplate({ statements: withCreateGroup(groupArn()) }) } },
    { name: 'the role allows logs:CreateLogGroup on log-group:/ecs/app:*', files: { 'app.yaml': fargateTemplate({ statements: withCreateGroup(groupArn(':*')) }) } },
    {
      name: 'the role allows logs:CreateLogGroup on log-group:/ecs/*',
      files: { 'app.yaml': fargateTemplate({ statements: withCreateGroup('!Sub arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/ecs/*') }) },
    },
    { name: 'the role allows logs:* on *', files: { 'app.yaml': fargateTemplate({ statements: "- Effect: Allow\n  Action: logs:*\n  Resource: '*'" }) } },
    { name: 'awslogs-create-group is "false" and only the managed policy is attached', files: { 'app.yaml': fargateTemplate({ managedPolicyArns: [executionPolicyArn.sub] }, 'awslogs-create-group: "false"') } },
    { name: 'awslogs-create-group is absent', files: { 'app.yaml': fargateTemplate({ managedPolicyArns: [executionPolicyArn.sub] }, 'mode: non-blocking') } },
    { name: 'a CloudFormation JSON role adds logs:CreateLogGroup to the managed policy', files: { 'app.json': cfnJsonWithCreate } },
    {
      name: 'a register-input task definition with "true" names a role in another template that allows the action',
      files: { 'infra/roles.yaml': rolesTemplate({ statements: withCreateGroup(groupArn()) }), 'deploy/taskdef.json': registerJson() },
    },
    {
      name: 'a register-input task definition with "false" and a role with only the managed policy',
      files: { 'infra/roles.yaml': rolesTemplate({ managedPolicyArns: [executionPolicyArn.sub] }), 'deploy/taskdef.json': registerJson('false') },
    },
    {
      name: 'an EC2 task without an execution role, whose instance role allows logs:CreateLogGroup',
      files: {
        'ec2.yaml': yamlTemplate([
          logGroupYaml,
          ec2CapacityYaml({ managedPolicyArns: ['!Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role'], statements: "- Effect: Allow\n  Action: logs:CreateLogGroup\n  Resource: '*'" }),
          taskDefinitionYaml({ compatibilities: '[EC2]', containers: awslogsContainer('nginx:1.27', 'awslogs-create-group: "true"') }),
        ]),
      },
    },
    {
      name: 'a Fargate task has no execution role (execution-role-required reports it instead)',
      files: { 'app.yaml': yamlTemplate([logGroupYaml, taskDefinitionYaml({ compatibilities: '[FARGATE]', containers: awslogsContainer('nginx:1.27', 'awslogs-create-group: "true"') })]) },
    },
    { name: 'the execution role is external and undeclared (role-not-verifiable notes it)', files: { 'deploy/taskdef.json': registerJson('true', externalArn) } },
    {
      name: 'the external role is declared in config with assumeCompliant',
      files: { 'deploy/taskdef.json': registerJson('true', externalArn) },
      config: { externalRoles: [{ arn: externalArn, assumeCompliant: true }] },
    },
    {
      name: 'the task definition resource ignores the rule in its Metadata',
      files: { 'app.yaml': fargateTemplate({ managedPolicyArns: [executionPolicyArn.sub] }, undefined, 'ecs-iam-lint:\n  ignore: [awslogs-create-group-permission]') },
    },
    { name: 'the rule is turned off in config', files: { 'app.yaml': managedOnly }, config: { rules: { [rule]: 'off' } } },
  ],
  invalid: [
    {
      name: 'only AmazonECSTaskExecutionRolePolicy is attached (it has no logs:CreateLogGroup)',
      files: { 'app.yaml': managedOnly },
      expect: [
        {
          path: 'app.yaml',
          line: lineOf(managedOnly, 'awslogs-create-group: "true"'),
          severity: 'error',
          message: ['Execution role ExecutionRole of task definition TaskDefinition does not allow logs:CreateLogGroup on log group /ecs/app', 'awslogs-create-group "true"'],
        },
      ],
    },
    {
      name: 'the option is "TRUE" (compared case-insensitively)',
      files: { 'app.yaml': upperCaseTrue },
      expect: [{ line: lineOf(upperCaseTrue, 'awslogs-create-group: "TRUE"'), severity: 'error', message: ['logs:CreateLogGroup'] }],
    },
    {
      name: 'the option is the YAML boolean true',
      files: { 'app.yaml': booleanTrue },
      expect: [{ line: lineOf(booleanTrue, 'awslogs-create-group: true'), severity: 'error', message: ['logs:CreateLogGroup'] }],
    },
    {
      name: 'logs:CreateLogGroup is allowed on another group',
      files: { 'app.yaml': otherGroup },
      expect: [{ severity: 'error', message: ['on log group /ecs/app'] }],
    },
    {
      name: 'an explicit Deny of logs:CreateLogGroup beats the Allow',
      files: { 'app.yaml': denyCreate },
      expect: [{ severity: 'error' }],
    },
    {
      name: 'the only candidate is a customer managed policy the repository does not define (warning)',
      files: { 'app.yaml': unknownManagedPolicy },
      expect: [{ severity: 'warning', message: ['may not allow logs:CreateLogGroup', `arn:aws:iam::${account}:policy/custom`] }],
    },
    {
      name: 'an EC2 task without an execution role whose instance role has only AmazonEC2ContainerServiceforEC2Role',
      files: { 'ec2.yaml': ec2InstanceRoleManaged },
      expect: [{ line: lineOf(ec2InstanceRoleManaged, 'awslogs-create-group'), severity: 'error', message: ['Instance role InstanceRole', 'logs:CreateLogGroup'] }],
    },
    {
      name: 'a CloudFormation JSON role has only the managed policy',
      files: { 'app.template.json': cfnJsonManagedOnly },
      expect: [{ path: 'app.template.json', line: lineOf(cfnJsonManagedOnly, '"awslogs-create-group"'), severity: 'error', message: ['ExecutionRole', 'logs:CreateLogGroup'] }],
    },
    {
      name: 'a register-input task definition names by ARN a role in another template with only the managed policy',
      files: { 'infra/roles.yaml': rolesTemplate({ managedPolicyArns: [executionPolicyArn.sub] }), 'deploy/taskdef.json': registerJson() },
      expect: [{ path: 'deploy/taskdef.json', line: lineOf(registerJson(), '"awslogs-create-group"'), message: ['Execution role app-exec of task definition app', 'logs:CreateLogGroup'] }],
    },
    {
      name: 'a describe-output task definition names the role by plain name',
      files: { 'infra/roles.yaml': rolesTemplate({ statements: streamActions }), 'deploy/describe.json': describeJson },
      expect: [{ path: 'deploy/describe.json', message: ['app-exec'] }],
    },
    {
      name: 'the external role is declared in config with only AmazonECSTaskExecutionRolePolicy',
      files: { 'deploy/taskdef.json': registerJson('true', externalArn) },
      config: { externalRoles: [{ arn: externalArn, managedPolicies: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'] }] },
      expect: [{ severity: 'error', message: ['Execution role shared-exec', 'logs:CreateLogGroup'] }],
    },
    {
      name: 'config lowers the severity to warning',
      files: { 'app.yaml': managedOnly },
      config: { rules: { [rule]: 'warning' } },
      expect: [{ severity: 'warning' }],
    },
  ],
});

test('the managed policy satisfies awslogs-permissions but not awslogs-create-group-permission', () => {
  const result = lintFiles({ 'app.yaml': managedOnly });
  assert.equal(findingsOf(result, 'awslogs-permissions').length, 0);
  assert.equal(findingsOf(result, rule).length, 1);
});

test('the first fix adds logs:CreateLogGroup scoped to the group, and the rule no longer fires', () => {
  const [finding] = findingsOf(lintFiles({ 'app.yaml': managedOnly }), rule);
  const added = finding.fixes[0]?.edits.map((edit) => edit.newText).join('') ?? '';
  assert.match(added, /logs:CreateLogGroup/);
  assert.match(added, /log-group:\/ecs\/app/);
  assertFirstFixResolves(rule, { 'app.yaml': managedOnly });
});

test('the fix for a CloudFormation JSON template with only managed policies keeps valid JSON', () => {
  const patched = assertFirstFixResolves(rule, { 'app.template.json': cfnJsonManagedOnly });
  assert.doesNotThrow(() => JSON.parse(patched['app.template.json']));
});

test('the fix for a task-definition JSON edits the template that defines the role', () => {
  const files = { 'infra/roles.yaml': rolesTemplate({ managedPolicyArns: [executionPolicyArn.sub] }), 'deploy/taskdef.json': registerJson() };
  const patched = assertFirstFixResolves(rule, files);
  assert.equal(patched['deploy/taskdef.json'], files['deploy/taskdef.json']);
});
