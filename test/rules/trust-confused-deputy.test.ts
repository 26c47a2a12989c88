import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixToTexts } from '../../src/core/fix/verify-fix.js';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import { describeTaskDefinition, json, lineOf, registerTaskDefinition } from './cfn-snippets.js';
import { testFixClears } from './fix-clears.js';
import { seedCases } from './seed-variants.js';

const rule = 'trust-confused-deputy';

/** A role trusting `principal` (one line, e.g. `Principal: {Service: ecs-tasks.amazonaws.com}`), with an optional Condition block at column 0. */
function roleYaml(logicalId: string, principal: string, condition = '', extra = ''): string {
  const conditionLines = condition
    ? '            Condition:\n' + condition.split('\n').map((line) => `              ${line}`).join('\n') + '\n'
    : '';
  return `  ${logicalId}:
    Type: AWS::IAM::Role
    Properties:
${extra}      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            ${principal}
            Action: sts:AssumeRole
${conditionLines}`;
}

function taskYaml(logicalId: string, roles: string): string {
  return `  ${logicalId}:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: ${logicalId.toLowerCase()}
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '256'
      Memory: '512'
${roles}      ContainerDefinitions:
        - Name: app
          Image: public.ecr.aws/docker/library/nginx:1.27
`;
}

function template(...resources: string[]): string {
  return `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${resources.join('')}`;
}

const ecsTasks = 'Principal: {Service: ecs-tasks.amazonaws.com}';
const recommended = `StringEquals:
  aws:SourceAccount: !Ref AWS::AccountId
ArnLike:
  aws:SourceArn: !Sub arn:\${AWS::Partition}:ecs:\${AWS::Region}:\${AWS::AccountId}:*`;

const unconditioned = template(roleYaml('ApiTaskRole', ecsTasks), taskYaml('Api', '      TaskRoleArn: !GetAtt ApiTaskRole.Arn\n'));
const withSourceArn = (value: string, account = '') =>
  template(
    roleYaml('ApiTaskRole', ecsTasks, `ArnLike:\n  aws:SourceArn: ${value}${account ? `\nStringEquals:\n  aws:SourceAccount: '${account}'` : ''}`),
    taskYaml('Api', '      TaskRoleArn: !GetAtt ApiTaskRole.Arn\n'),
  );

const clusterScoped = withSourceArn("'arn:aws:ecs:us-east-1:123456789012:cluster/prod'", '123456789012');
const taskInCluster = withSourceArn('!Sub arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task/prod/*');
const clusterWildcard = withSourceArn('!Sub arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:cluster/*');
const accountMismatch = withSourceArn("'arn:aws:ecs:*:111111111111:*'", '222222222222');
const regionPinned = withSourceArn("'arn:aws:ecs:us-west-2:111122223333:*'", '111122223333');
const stringEqualsWildcard = template(
  roleYaml('ApiTaskRole', ecsTasks, 'StringEquals:\n  aws:SourceArn: !Sub arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:*'),
  taskYaml('Api', '      TaskRoleArn: !GetAtt ApiTaskRole.Arn\n'),
);

const existingCondition = template(
  roleYaml('ApiTaskRole', ecsTasks, 'StringEquals:\n  aws:RequestedRegion: eu-west-1'),
  taskYaml('Api', '      TaskRoleArn: !GetAtt ApiTaskRole.Arn\n'),
);

const jsonTemplate = (condition?: Record<string, unknown>) =>
  json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      BillingTaskRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) }],
          },
        },
      },
      BillingTask: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          Family: 'billing',
          TaskRoleArn: { 'Fn::GetAtt': ['BillingTaskRole', 'Arn'] },
          ContainerDefinitions: [{ Name: 'billing', Image: 'public.ecr.aws/docker/library/python:3.12', Memory: 256 }],
        },
      },
    },
  });

/** Roles with literal names, used by task-definition JSON (by ARN or name) from another file. */
const namedRoles = (condition = '') => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
${roleYaml('ReportsTaskRole', 'Principal:\n              Service: ecs-tasks.amazonaws.com', condition, '      RoleName: reports-task\n')}`;

const registerByArn = registerTaskDefinition({
  family: 'reports',
  taskRoleArn: 'arn:aws:iam::123456789012:role/reports-task',
  containerDefinitions: [{ name: 'reports', image: 'public.ecr.aws/docker/library/node:22', essential: true, memory: 256 }],
});
const describeByName = describeTaskDefinition({
  family: 'reports',
  taskRoleArn: 'reports-task',
  containerDefinitions: [{ name: 'reports', image: 'public.ecr.aws/docker/library/node:22', essential: true, memory: 256 }],
});

testRule(rule, {
  valid: [
    ...seedCases,
    {
      name: 'the task role trust has aws:SourceAccount and an ArnLike aws:SourceArn across all clusters',
      files: { 'app.yaml': template(roleYaml('ApiTaskRole', ecsTasks, recommended), taskYaml('Api', '      TaskRoleArn: !GetAtt ApiTaskRole.Arn\n')) },
    },
    {
      name: 'only aws:SourceAccount is set (either key is enough)',
      files: { 'app.yaml': template(roleYaml('ApiTaskRole', ecsTasks, 'StringEquals:\n  aws:SourceAccount: !Ref AWS::AccountId'), taskYaml('Api', '      TaskRoleArn: !Ref ApiTaskRole\n')) },
    },
    {
      name: "aws:SourceArn is the 'task/*' form with the same account as aws:SourceAccount (awsdocs/amazon-ecs-developer-guide#208)",
      files: { 'app.yaml': withSourceArn("'arn:aws:ecs:*:123456789012:task/*'", '123456789012') },
    },
    {
      name: 'the role is only an execution role, without conditions (R32 does not ask for them there)',
      files: { 'app.yaml': template(roleYaml('ExecutionRole', ecsTasks), taskYaml('Api', '      ExecutionRoleArn: !GetAtt ExecutionRole.Arn\n')) },
    },
    {
      name: 'the task role is also an EC2 instance role (trusts ec2.amazonaws.com too; prowler#2810)',
      files: {
        'app.yaml': template(
          roleYaml('SharedRole', 'Principal: {Service: [ec2.amazonaws.com, ecs-tasks.amazonaws.com]}'),
          taskYaml('Api', '      TaskRoleArn: !GetAtt SharedRole.Arn\n'),
        ),
      },
    },
    {
      name: 'the task role sits in an instance profile',
      files: {
        'app.yaml': template(
          roleYaml('HostRole', ecsTasks),
          '  HostProfile:\n    Type: AWS::IAM::InstanceProfile\n    Properties:\n      Roles: [!Ref HostRole]\n',
          taskYaml('Api', '      TaskRoleArn: !GetAtt HostRole.Arn\n'),
        ),
      },
    },
    {
      name: 'a container instance role trusts ec2.amazonaws.com without conditions',
      files: { 'ec2.yaml': template(roleYaml('InstanceRole', 'Principal: {Service: ec2.amazonaws.com}'), '  Profile:\n    Type: AWS::IAM::InstanceProfile\n    Properties:\n      Roles: [!Ref InstanceRole]\n') },
    },
    {
      name: 'the task role does not trust ecs-tasks at all (ecs-tasks-trust reports that)',
      files: { 'app.yaml': template(roleYaml('ApiTaskRole', 'Principal: {Service: ecs.amazonaws.com}'), taskYaml('Api', '      TaskRoleArn: !GetAtt ApiTaskRole.Arn\n')) },
    },
    {
      name: 'the Condition is chosen with Fn::If and cannot be read',
      files: {
        'app.yaml':
          "AWSTemplateFormatVersion: '2010-09-09'\nConditions:\n  Strict: !Equals [!Ref 'AWS::Region', eu-west-1]\n" +
          `Resources:\n${roleYaml('ApiTaskRole', ecsTasks).replace('            Action: sts:AssumeRole\n', "            Action: sts:AssumeRole\n            Condition: !If [Strict, {StringEquals: {'aws:SourceAccount': !Ref 'AWS::AccountId'}}, !Ref 'AWS::NoValue']\n")}` +
          taskYaml('Api', '      TaskRoleArn: !GetAtt ApiTaskRole.Arn\n'),
      },
    },
    { name: 'a JSON template task role has both conditions', files: { 'billing.json': jsonTemplate({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }) } },
    {
      name: 'register-task-definition JSON names (by ARN) a task role with conditions in another file',
      files: { 'iam/roles.yaml': namedRoles(recommended), 'reports.json': registerByArn },
    },
    { name: 'task-definition JSON names a task role that the repository does not define', files: { 'reports.json': registerByArn } },
    {
      name: 'the role suppresses the rule in its Metadata',
      files: { 'app.yaml': unconditioned.replace('    Type: AWS::IAM::Role\n', '    Type: AWS::IAM::Role\n    Metadata:\n      ecs-iam-lint:\n        ignore: [trust-confused-deputy]\n') },
    },
  ],
  invalid: [
    {
      name: 'a YAML task role trusts ecs-tasks.amazonaws.com without conditions',
      files: { 'app.yaml': unconditioned },
      expect: [
        {
          path: 'app.yaml',
          line: lineOf(unconditioned, '- Effect: Allow'),
          severity: 'warning',
          message: ['Task role ApiTaskRole of task definition Api', 'aws:SourceAccount or aws:SourceArn', 'confused-deputy'],
        },
      ],
    },
    {
      name: 'a JSON template task role has no conditions',
      files: { 'billing.json': jsonTemplate() },
      expect: [{ line: lineOf(jsonTemplate(), '"Effect": "Allow"') - 1, severity: 'warning', message: ['Task role BillingTaskRole of task definition BillingTask'] }],
    },
    {
      name: 'register-task-definition JSON names (by ARN) an unconditioned task role in another file',
      files: { 'iam/roles.yaml': namedRoles(), 'reports.json': registerByArn },
      expect: [{ path: 'iam/roles.yaml', severity: 'warning', message: ['Task role reports-task of task definition reports'] }],
    },
    {
      name: 'describe-task-definition JSON names (by bare name) an unconditioned task role',
      files: { 'iam/roles.yaml': namedRoles(), 'out/reports.describe.json': describeByName },
      expect: [{ path: 'iam/roles.yaml', severity: 'warning', message: ['Task role reports-task'] }],
    },
    {
      name: 'one role is both the task role and the execution role (counts as a task role)',
      files: {
        'app.yaml': template(roleYaml('AppRole', ecsTasks), taskYaml('Api', '      TaskRoleArn: !GetAtt AppRole.Arn\n      ExecutionRoleArn: !GetAtt AppRole.Arn\n')),
      },
      expect: [{ severity: 'warning', message: ['Task role AppRole'] }],
    },
    {
      name: 'one unconditioned role serves two task definitions (reported once)',
      files: {
        'app.yaml': template(
          roleYaml('AppRole', ecsTasks),
          taskYaml('Api', '      TaskRoleArn: !GetAtt AppRole.Arn\n'),
          taskYaml('Worker', '      TaskRoleArn: !GetAtt AppRole.Arn\n'),
        ),
      },
      expect: [{ message: ['Task role AppRole of task definition Api'] }],
    },
    {
      name: 'aws:SourceArn names one cluster (cluster/prod), which ECS does not support',
      files: { 'app.yaml': clusterScoped },
      expect: [{ line: lineOf(clusterScoped, 'aws:SourceArn:'), severity: 'error', message: ["aws:SourceArn 'arn:aws:ecs:us-east-1:123456789012:cluster/prod'", 'cluster-specific', 'can no longer assume'] }],
    },
    {
      name: 'aws:SourceArn scopes tasks to one cluster (task/prod/*)',
      files: { 'app.yaml': taskInCluster },
      expect: [{ line: lineOf(taskInCluster, 'aws:SourceArn:'), severity: 'error', message: [':task/prod/*', 'cluster-specific'] }],
    },
    {
      name: 'aws:SourceArn is a cluster ARN pattern (cluster/*), a form ECS does not document',
      files: { 'app.yaml': clusterWildcard },
      expect: [{ severity: 'warning', message: ['cluster/*', 'may match nothing'] }],
    },
    {
      name: 'the account in aws:SourceArn differs from aws:SourceAccount',
      files: { 'app.yaml': accountMismatch },
      expect: [{ line: lineOf(accountMismatch, 'aws:SourceArn:'), severity: 'error', message: ['account 111111111111 differs from aws:SourceAccount 222222222222', 'no task can assume'] }],
    },
    {
      name: 'the account in aws:SourceArn (${AWS::AccountId}) differs from aws:SourceAccount once config names the account',
      files: { 'app.yaml': withSourceArn('!Sub arn:${AWS::Partition}:ecs:*:${AWS::AccountId}:*', '222222222222') },
      config: { account: '123456789012' },
      expect: [{ severity: 'error', message: ['account 123456789012 differs'] }],
    },
    {
      name: 'aws:SourceArn pins a region (AWS example arn:aws:ecs:us-west-2:...)',
      files: { 'app.yaml': regionPinned },
      expect: [{ line: lineOf(regionPinned, 'aws:SourceArn:'), severity: 'notice', message: ['pins the region us-west-2', 'tasks in other regions cannot assume the role'] }],
    },
    {
      name: 'aws:SourceArn has a wildcard under StringEquals, which compares it literally',
      files: { 'app.yaml': stringEqualsWildcard },
      expect: [{ severity: 'warning', message: ["StringEquals compares the '*' literally", 'use ArnLike'] }],
    },
    {
      name: 'the Condition holds other keys but no confused-deputy key',
      files: { 'app.yaml': existingCondition },
      expect: [{ severity: 'warning', message: ['without an aws:SourceAccount or aws:SourceArn condition'] }],
    },
    {
      name: 'config raises the severity to error',
      files: { 'app.yaml': unconditioned },
      config: { rules: { 'trust-confused-deputy': 'error' } },
      expect: [{ severity: 'error' }],
    },
  ],
});

test('trust-confused-deputy: the fix adds StringEquals aws:SourceAccount and ArnLike aws:SourceArn in the file\'s short-form style', () => {
  const [finding] = findingsOf(lintFiles({ 'app.yaml': unconditioned }), rule);
  const fixed = applyFixToTexts(finding.fixes[0], new Map([['app.yaml', unconditioned]])).get('app.yaml')!;
  assert.ok(
    fixed.includes(`            Action: sts:AssumeRole
            Condition:
              StringEquals:
                aws:SourceAccount: !Ref AWS::AccountId
              ArnLike:
                aws:SourceArn: !Sub arn:\${AWS::Partition}:ecs:\${AWS::Region}:\${AWS::AccountId}:*
`),
    fixed,
  );
});

test('trust-confused-deputy: the fix writes long-form intrinsics in a JSON template', () => {
  const text = jsonTemplate();
  const [finding] = findingsOf(lintFiles({ 'billing.json': text }), rule);
  const fixed = applyFixToTexts(finding.fixes[0], new Map([['billing.json', text]])).get('billing.json')!;
  const statement = (JSON.parse(fixed) as { Resources: { BillingTaskRole: { Properties: { AssumeRolePolicyDocument: { Statement: { Condition: unknown }[] } } } } }).Resources
    .BillingTaskRole.Properties.AssumeRolePolicyDocument.Statement[0];
  assert.deepEqual(statement.Condition, {
    StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
    ArnLike: { 'aws:SourceArn': { 'Fn::Sub': 'arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:*' } },
  });
});

test('trust-confused-deputy: no fix is offered when the statement trusts other principals too', () => {
  const text = template(roleYaml('AppRole', 'Principal: {Service: [ecs-tasks.amazonaws.com, ecs.amazonaws.com]}'), taskYaml('Api', '      TaskRoleArn: !GetAtt AppRole.Arn\n'));
  const found = findingsOf(lintFiles({ 'app.yaml': text }), rule);
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].fixes, []);
});

test('trust-confused-deputy: a malformed aws:SourceArn has no mechanical fix (the intended scope is the author\'s call)', () => {
  const [finding] = findingsOf(lintFiles({ 'app.yaml': clusterScoped }), rule);
  assert.deepEqual(finding.fixes, []);
});

testFixClears(rule, [
  { name: 'a YAML task role has no Condition', files: { 'app.yaml': unconditioned } },
  { name: 'the Condition already holds a StringEquals block with another key', files: { 'app.yaml': existingCondition } },
  { name: 'a JSON template task role has no Condition', files: { 'billing.json': jsonTemplate() } },
  { name: 'the role is in another file than the register-task-definition JSON', files: { 'iam/roles.yaml': namedRoles(), 'reports.json': registerByArn } },
]);
