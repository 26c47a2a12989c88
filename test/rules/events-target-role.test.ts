import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixToTexts } from '../../src/core/fix/verify-fix.js';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import { indent, json, lineOf, registerTaskDefinition } from './cfn-snippets.js';
import { testFixClears } from './fix-clears.js';
import { seedCases } from './seed-variants.js';

const rule = 'events-target-role';

const taskRoles = `  TaskRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
  ExecutionRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
`;

function taskDefinition(roles: boolean): string {
  return `  ReportTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: nightly-report
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '256'
      Memory: '512'
${roles ? '      ExecutionRoleArn: !GetAtt ExecutionRole.Arn\n      TaskRoleArn: !GetAtt TaskRole.Arn\n' : ''}      ContainerDefinitions:
        - Name: report
          Image: public.ecr.aws/docker/library/python:3.12
`;
}

/** An events role trusted by `principal` with the given statements (list items at column 0), or none. */
function eventsRole(statements: string, principal = 'events.amazonaws.com', extra = ''): string {
  return `  ScheduleRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: ${principal}
            Action: sts:AssumeRole
${extra}${statements ? `      Policies:
        - PolicyName: run-report
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
${indent(statements, 14)}
` : ''}`;
}

function schedule(target: string): string {
  return `  NightlySchedule:
    Type: AWS::Events::Rule
    Properties:
      ScheduleExpression: cron(0 2 * * ? *)
      Targets:
        - Id: nightly-report
          Arn: !GetAtt Cluster.Arn
${indent(target, 10)}
`;
}

const ecsParameters = `EcsParameters:
  TaskDefinitionArn: !Ref ReportTask
  LaunchType: FARGATE
  NetworkConfiguration:
    AwsVpcConfiguration:
      Subnets: !Ref Subnets`;

function template(...resources: string[]): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
${resources.join('')}`;
}

const runTaskOnReport = `- Effect: Allow
  Action: ecs:RunTask
  Resource: !Ref ReportTask`;
const passBoth = `- Effect: Allow
  Action: iam:PassRole
  Resource:
    - !GetAtt ExecutionRole.Arn
    - !GetAtt TaskRole.Arn
  Condition:
    StringLike:
      iam:PassedToService: ecs-tasks.amazonaws.com`;
const passExecutionOnly = `- Effect: Allow
  Action: iam:PassRole
  Resource: !GetAtt ExecutionRole.Arn`;

const withRole = `RoleArn: !GetAtt ScheduleRole.Arn\n${ecsParameters}`;

const complete = template(taskRoles, taskDefinition(true), eventsRole(`${runTaskOnReport}\n${passBoth}`), schedule(withRole));
const noRoleArn = template(taskRoles, taskDefinition(true), schedule(ecsParameters));
const missingTaskRolePass = template(taskRoles, taskDefinition(true), eventsRole(`${runTaskOnReport}\n${passExecutionOnly}`), schedule(withRole));
const missingRunTask = template(taskRoles, taskDefinition(true), eventsRole(passBoth), schedule(withRole));
const untrusted = template(taskRoles, taskDefinition(true), eventsRole(`${runTaskOnReport}\n${passBoth}`, 'ecs-tasks.amazonaws.com'), schedule(withRole));
const wrongPassedToService = template(
  taskRoles,
  taskDefinition(true),
  eventsRole(`${runTaskOnReport}\n- Effect: Allow\n  Action: iam:PassRole\n  Resource: '*'\n  Condition:\n    StringEquals:\n      iam:PassedToService: ecs.amazonaws.com`),
  schedule(withRole),
);
const taggedWithoutTagResource = template(
  taskDefinition(false),
  eventsRole(runTaskOnReport),
  schedule(`${withRole}\n  TagList:\n    - Key: team\n      Value: reports`),
);

const jsonTemplate = (statements: unknown[]) =>
  json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      TaskRole: {
        Type: 'AWS::IAM::Role',
        Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
      },
      ReportTask: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          Family: 'nightly-report',
          TaskRoleArn: { 'Fn::GetAtt': ['TaskRole', 'Arn'] },
          ContainerDefinitions: [{ Name: 'report', Image: 'public.ecr.aws/docker/library/python:3.12', Memory: 256 }],
        },
      },
      ScheduleRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          Policies: [{ PolicyName: 'run-report', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
        },
      },
      NightlySchedule: {
        Type: 'AWS::Events::Rule',
        Properties: {
          ScheduleExpression: 'rate(1 day)',
          Targets: [
            {
              Id: 'nightly-report',
              Arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/reports',
              RoleArn: { 'Fn::GetAtt': ['ScheduleRole', 'Arn'] },
              EcsParameters: { TaskDefinitionArn: { Ref: 'ReportTask' } },
            },
          ],
        },
      },
    },
  });
const jsonRunTask = { Effect: 'Allow', Action: 'ecs:RunTask', Resource: { Ref: 'ReportTask' } };
const jsonComplete = jsonTemplate([jsonRunTask, { Effect: 'Allow', Action: 'iam:PassRole', Resource: { 'Fn::GetAtt': ['TaskRole', 'Arn'] } }]);
const jsonMissingPass = jsonTemplate([jsonRunTask]);

/** A schedule that runs a family registered by task-definition JSON, named by its literal ARN. */
const scheduleByArn = (statements: string) =>
  `AWSTemplateFormatVersion: '2010-09-09'
Resources:
${eventsRole(statements)}${schedule(`RoleArn: !GetAtt ScheduleRole.Arn
EcsParameters:
  TaskDefinitionArn: arn:aws:ecs:us-east-1:123456789012:task-definition/billing-export:4`).replace('!GetAtt Cluster.Arn', 'arn:aws:ecs:us-east-1:123456789012:cluster/billing')}`;
const billingTask = registerTaskDefinition({
  family: 'billing-export',
  executionRoleArn: 'arn:aws:iam::123456789012:role/billing-execution',
  taskRoleArn: 'arn:aws:iam::123456789012:role/billing-task',
  containerDefinitions: [{ name: 'export', image: 'public.ecr.aws/docker/library/python:3.12', essential: true, memory: 256 }],
});

const overrideInput = template(
  taskRoles,
  taskDefinition(true),
  eventsRole(`${runTaskOnReport}\n${passBoth}`),
  schedule(`${withRole}\nInput: '{"taskRoleArn": "arn:aws:iam::123456789012:role/report-admin"}'`),
);

testRule(rule, {
  valid: [
    ...seedCases,
    { name: 'the events role runs the task and passes exactly its two roles under iam:PassedToService', files: { 'schedule.yaml': complete } },
    {
      name: 'the task has no roles and the events role allows only ecs:RunTask on * (no PassRole needed)',
      files: { 'schedule.yaml': template(taskDefinition(false), eventsRole("- Effect: Allow\n  Action: ecs:RunTask\n  Resource: '*'"), schedule(withRole)) },
    },
    {
      name: 'the grants carry an ecs:cluster condition the linter cannot decide (optimistic)',
      files: {
        'schedule.yaml': template(
          taskRoles,
          taskDefinition(true),
          eventsRole(
            `${runTaskOnReport}\n  Condition:\n    ArnEquals:\n      ecs:cluster: !GetAtt Cluster.Arn\n- Effect: Allow\n  Action: iam:PassRole\n  Resource: [!GetAtt TaskRole.Arn, !GetAtt ExecutionRole.Arn]\n  Condition:\n    ArnEquals:\n      ecs:cluster: !GetAtt Cluster.Arn`,
          ),
          schedule(withRole),
        ),
      },
    },
    {
      name: 'the events role attaches AmazonEC2ContainerServiceEventsRole',
      files: {
        'schedule.yaml': template(
          taskRoles,
          taskDefinition(true),
          eventsRole('', 'events.amazonaws.com', '      ManagedPolicyArns:\n        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceEventsRole\n'),
          schedule(withRole),
        ),
      },
    },
    {
      name: 'the rule targets a Lambda function, not ECS',
      files: {
        'schedule.yaml': template(`  Nightly:
    Type: AWS::Events::Rule
    Properties:
      ScheduleExpression: rate(1 day)
      Targets:
        - Id: fn
          Arn: arn:aws:lambda:us-east-1:123456789012:function:nightly
`),
      },
    },
    {
      name: 'the target role is imported from another stack (role-not-verifiable notes it)',
      files: { 'schedule.yaml': template(taskRoles, taskDefinition(true), schedule(`RoleArn: !ImportValue shared-EventsRole\n${ecsParameters}`)) },
    },
    { name: 'a JSON template events role runs the task and passes its role', files: { 'schedule.json': jsonComplete } },
    {
      name: 'a schedule runs a task-definition JSON family by ARN and passes both its roles',
      files: {
        'schedule.yaml': scheduleByArn(
          "- Effect: Allow\n  Action: ecs:RunTask\n  Resource: 'arn:aws:ecs:us-east-1:123456789012:task-definition/billing-export:*'\n- Effect: Allow\n  Action: iam:PassRole\n  Resource:\n    - arn:aws:iam::123456789012:role/billing-execution\n    - arn:aws:iam::123456789012:role/billing-task",
        ),
        'billing-export.json': billingTask,
      },
    },
  ],
  invalid: [
    {
      name: 'an ECS target has no RoleArn',
      files: { 'schedule.yaml': noRoleArn },
      expect: [{ line: lineOf(noRoleArn, 'EcsParameters:'), severity: 'error', message: ['EventBridge rule NightlySchedule (target nightly-report) runs an ECS task but has no RoleArn', 'RoleArn is required for target'] }],
    },
    {
      name: 'the events role can pass the execution role but not the task role (awsdocs PRs #90/#91)',
      files: { 'schedule.yaml': missingTaskRolePass },
      expect: [
        {
          line: lineOf(missingTaskRolePass, 'TaskDefinitionArn:'),
          severity: 'error',
          message: ['Role ScheduleRole of EventBridge rule NightlySchedule', 'does not allow iam:PassRole on TaskRole (task role of task definition ReportTask)', 'FailedInvocations'],
        },
      ],
    },
    {
      name: 'two schedules share the events role that cannot pass the task role (reported once, at the first)',
      files: { 'schedule.yaml': missingTaskRolePass + schedule(withRole).replace('NightlySchedule:', 'WeeklySchedule:').replace('cron(0 2 * * ? *)', 'cron(0 3 ? * MON *)') },
      expect: [{ line: lineOf(missingTaskRolePass, 'TaskDefinitionArn:'), message: ['EventBridge rule NightlySchedule'] }],
    },
    {
      name: 'the events role lacks ecs:RunTask',
      files: { 'schedule.yaml': missingRunTask },
      expect: [{ severity: 'error', message: ['does not allow ecs:RunTask on task definition ReportTask'] }],
    },
    {
      name: 'the events role grants PassRole only towards another service (iam:PassedToService ecs.amazonaws.com)',
      files: { 'schedule.yaml': wrongPassedToService },
      expect: [{ severity: 'error', message: ['iam:PassRole on ExecutionRole (execution role of task definition ReportTask) and TaskRole'] }],
    },
    {
      name: 'the events role trusts ecs-tasks.amazonaws.com instead of events.amazonaws.com',
      files: { 'schedule.yaml': untrusted },
      expect: [{ line: lineOf(untrusted, '    Properties:\n      AssumeRolePolicyDocument:\n        Version', 3) + 2, severity: 'error', message: ['Role ScheduleRole is the role of EventBridge rule NightlySchedule', 'events.amazonaws.com', 'it trusts ecs-tasks.amazonaws.com'] }],
    },
    {
      name: 'the target tags the task (TagList) and the role lacks ecs:TagResource',
      files: { 'schedule.yaml': taggedWithoutTagResource },
      expect: [{ severity: 'error', message: ['ecs:TagResource for the TagList'] }],
    },
    {
      name: "the target's Input overrides the task role with one the events role cannot pass",
      files: { 'schedule.yaml': overrideInput },
      expect: [{ severity: 'error', message: ['iam:PassRole on arn:aws:iam::123456789012:role/report-admin (task role override in the target\'s Input)'] }],
    },
    {
      name: 'a JSON template events role lacks PassRole for the task role',
      files: { 'schedule.json': jsonMissingPass },
      expect: [{ path: 'schedule.json', line: lineOf(jsonMissingPass, '"TaskDefinitionArn"'), severity: 'error', message: ['iam:PassRole on TaskRole'] }],
    },
    {
      name: 'a schedule runs a task-definition JSON family by ARN and may not pass its roles',
      files: { 'schedule.yaml': scheduleByArn("- Effect: Allow\n  Action: ecs:RunTask\n  Resource: '*'"), 'billing-export.json': billingTask },
      expect: [{ severity: 'error', message: ['iam:PassRole on arn:aws:iam::123456789012:role/billing-execution (execution role of task definition billing-export)', 'billing-task'] }],
    },
  ],
});

test('events-target-role: the new events role passes exactly the task\'s roles, towards ECS tasks only', () => {
  const [finding] = findingsOf(lintFiles({ 'schedule.yaml': noRoleArn }), rule);
  const fixed = applyFixToTexts(finding.fixes[0], new Map([['schedule.yaml', noRoleArn]])).get('schedule.yaml')!;
  assert.ok(fixed.includes('          Arn: !GetAtt Cluster.Arn\n          RoleArn: !GetAtt NightlyScheduleRole.Arn\n') || fixed.includes('        - Id: nightly-report\n          RoleArn: !GetAtt NightlyScheduleRole.Arn\n'), fixed);
  assert.ok(
    fixed.includes(`              - Effect: Allow
                Action: iam:PassRole
                Resource:
                  - !GetAtt ExecutionRole.Arn
                  - !GetAtt TaskRole.Arn
                Condition:
                  StringEquals:
                    iam:PassedToService: ecs-tasks.amazonaws.com
`),
    fixed,
  );
  assert.equal(findingsOf(lintFiles({ 'schedule.yaml': fixed }), 'passrole-unrestricted').length, 0);
});

test('events-target-role: the PassRole fix adds one statement scoped to the missing role', () => {
  const [finding] = findingsOf(lintFiles({ 'schedule.yaml': missingTaskRolePass }), rule);
  const fixed = applyFixToTexts(finding.fixes[0], new Map([['schedule.yaml', missingTaskRolePass]])).get('schedule.yaml')!;
  assert.ok(fixed.includes('                Action: iam:PassRole\n                Resource: !GetAtt TaskRole.Arn\n                Condition:\n'), fixed);
});

testFixClears(rule, [
  { name: 'an ECS target has no RoleArn', files: { 'schedule.yaml': noRoleArn } },
  { name: 'the events role cannot pass the task role', files: { 'schedule.yaml': missingTaskRolePass } },
  { name: 'the events role lacks ecs:RunTask', files: { 'schedule.yaml': missingRunTask } },
  { name: 'the events role trusts ecs-tasks.amazonaws.com', files: { 'schedule.yaml': untrusted } },
  { name: 'the target tags the task without ecs:TagResource', files: { 'schedule.yaml': taggedWithoutTagResource } },
  { name: 'a JSON template events role lacks PassRole', files: { 'schedule.json': jsonMissingPass } },
  { name: 'a JSON template target has no RoleArn', files: { 'schedule.json': jsonComplete.replace(/\s*"RoleArn": \{[^}]*\},/, '') } },
  { name: 'the schedule runs a task-definition JSON family', files: { 'schedule.yaml': scheduleByArn("- Effect: Allow\n  Action: ecs:RunTask\n  Resource: '*'"), 'billing-export.json': billingTask } },
]);
