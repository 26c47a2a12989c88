import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixToTexts } from '../../src/core/fix/verify-fix.js';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import { indent, json, lineOf } from './cfn-snippets.js';
import { testFixClears } from './fix-clears.js';
import { seedCases } from './seed-variants.js';

const rule = 'codedeploy-role';

const trustEcsTasks = `      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
`;

/** Task and execution roles; `names` gives them literal RoleNames. */
function taskRoles(names?: { execution: string; task?: string }): string {
  return `  ExecutionRole:
    Type: AWS::IAM::Role
    Properties:
${names ? `      RoleName: ${names.execution}\n` : ''}${trustEcsTasks}      ManagedPolicyArns:
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
${names?.task === '' ? '' : `  TaskRole:
    Type: AWS::IAM::Role
    Properties:
${names?.task ? `      RoleName: ${names.task}\n` : ''}${trustEcsTasks}`}`;
}

/** The CodeDeploy service role: trusted by `principal`, with managed policies and inline statements (column 0). */
function deployRole(options: { principal?: string; managed?: string[]; statements?: string }): string {
  const { principal = 'codedeploy.amazonaws.com', managed = [], statements } = options;
  return `  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: ${principal}
            Action: sts:AssumeRole
${managed.length ? `      ManagedPolicyArns:\n${managed.map((name) => `        - !Sub arn:\${AWS::Partition}:iam::aws:policy/${name}`).join('\n')}\n` : ''}${statements ? `      Policies:
        - PolicyName: deploy
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
${indent(statements, 14)}
` : ''}`;
}

function template(roles: string, group: string, withTaskRole = true): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  TargetGroup:
    Type: String
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
${roles}  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '256'
      Memory: '512'
      ExecutionRoleArn: !GetAtt ExecutionRole.Arn
${withTaskRole ? '      TaskRoleArn: !GetAtt TaskRole.Arn\n' : ''}      ContainerDefinitions:
        - Name: web
          Image: public.ecr.aws/docker/library/nginx:1.27
  Service:
    Type: AWS::ECS::Service
    Properties:
      ServiceName: web
      Cluster: !Ref Cluster
      TaskDefinition: !Ref TaskDefinition
      LaunchType: FARGATE
      DeploymentController:
        Type: CODE_DEPLOY
      LoadBalancers:
        - ContainerName: web
          ContainerPort: 80
          TargetGroupArn: !Ref TargetGroup
  Application:
    Type: AWS::CodeDeploy::Application
    Properties:
      ComputePlatform: ECS
  DeploymentGroup:
    Type: AWS::CodeDeploy::DeploymentGroup
    Properties:
      ApplicationName: !Ref Application
${indent(group, 6)}
`;
}

const ecsServices = `DeploymentStyle:
  DeploymentType: BLUE_GREEN
  DeploymentOption: WITH_TRAFFIC_CONTROL
ECSServices:
  - ClusterName: !Ref Cluster
    ServiceName: !GetAtt Service.Name`;
const withRole = `ServiceRoleArn: !GetAtt DeployRole.Arn\n${ecsServices}`;

const taskSetActions = `- Effect: Allow
  Action:
    - ecs:DescribeServices
    - ecs:CreateTaskSet
    - ecs:UpdateServicePrimaryTaskSet
    - ecs:DeleteTaskSet
  Resource: '*'`;

const managedFull = template(taskRoles() + deployRole({ managed: ['AWSCodeDeployRoleForECS'] }), withRole);
const noServiceRole = template(taskRoles(), ecsServices);
const untrusted = template(taskRoles() + deployRole({ principal: 'ecs.amazonaws.com', managed: ['AWSCodeDeployRoleForECS'] }), withRole);
const customWithoutPassRole = template(taskRoles() + deployRole({ statements: taskSetActions }), withRole);
const onlyPassRole = template(
  taskRoles() + deployRole({ statements: "- Effect: Allow\n  Action: iam:PassRole\n  Resource: [!GetAtt ExecutionRole.Arn, !GetAtt TaskRole.Arn]" }),
  withRole,
);
const limitedGeneratedNames = template(taskRoles() + deployRole({ managed: ['AWSCodeDeployRoleForECSLimited'] }), withRole);
const limitedMatchingName = template(taskRoles({ execution: 'ecsTaskExecutionRole', task: '' }) + deployRole({ managed: ['AWSCodeDeployRoleForECSLimited'] }), withRole, false);
const limitedPlusGrant = template(
  taskRoles({ execution: 'ECSTaskExecution-web' }) +
    deployRole({ managed: ['AWSCodeDeployRoleForECSLimited'], statements: '- Effect: Allow\n  Action: iam:PassRole\n  Resource: !GetAtt TaskRole.Arn\n  Condition:\n    StringEquals:\n      iam:PassedToService: ecs-tasks.amazonaws.com' }),
  withRole,
);
const byLiteralServiceName = template(taskRoles() + deployRole({ statements: taskSetActions }), withRole.replace('!GetAtt Service.Name', 'web'));

const jsonTemplate = (deployStatements: unknown[]) =>
  json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      TaskRole: {
        Type: 'AWS::IAM::Role',
        Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
      },
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: { Family: 'web', TaskRoleArn: { Ref: 'TaskRole' }, ContainerDefinitions: [{ Name: 'web', Image: 'nginx:1.27', Memory: 256 }] },
      },
      Service: {
        Type: 'AWS::ECS::Service',
        Properties: { TaskDefinition: { Ref: 'TaskDefinition' }, DeploymentController: { Type: 'CODE_DEPLOY' } },
      },
      DeployRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'codedeploy.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          Policies: [{ PolicyName: 'deploy', PolicyDocument: { Version: '2012-10-17', Statement: deployStatements } }],
        },
      },
      DeploymentGroup: {
        Type: 'AWS::CodeDeploy::DeploymentGroup',
        Properties: {
          ApplicationName: 'web',
          ServiceRoleArn: { 'Fn::GetAtt': ['DeployRole', 'Arn'] },
          ECSServices: [{ ClusterName: 'prod', ServiceName: { 'Fn::GetAtt': ['Service', 'Name'] } }],
        },
      },
    },
  });
const jsonTaskSet = { Effect: 'Allow', Action: ['ecs:DescribeServices', 'ecs:CreateTaskSet', 'ecs:UpdateServicePrimaryTaskSet', 'ecs:DeleteTaskSet'], Resource: '*' };
const jsonMissingPass = jsonTemplate([jsonTaskSet]);

testRule(rule, {
  valid: [
    ...seedCases,
    { name: 'the service role attaches AWSCodeDeployRoleForECS', files: { 'web.yaml': managedFull } },
    { name: 'the Limited policy covers an execution role named ecsTaskExecutionRole and there is no task role', files: { 'web.yaml': limitedMatchingName } },
    { name: 'the Limited policy covers the ECSTaskExecution* role and a statement of its own passes the task role', files: { 'web.yaml': limitedPlusGrant } },
    {
      name: 'the deployment group deploys EC2 instances, not ECS',
      files: {
        'app.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Group:
    Type: AWS::CodeDeploy::DeploymentGroup
    Properties:
      ApplicationName: legacy-app
      ServiceRoleArn: arn:aws:iam::123456789012:role/codedeploy
      Ec2TagFilters:
        - Key: app
          Value: legacy
          Type: KEY_AND_VALUE
`,
      },
    },
    { name: 'the service role is imported (role-not-verifiable notes it)', files: { 'web.yaml': template(taskRoles(), `ServiceRoleArn: !ImportValue shared-CodeDeployRole\n${ecsServices}`) } },
    {
      name: 'a JSON template service role manages task sets and passes the task role',
      files: { 'web.json': jsonTemplate([jsonTaskSet, { Effect: 'Allow', Action: 'iam:PassRole', Resource: { 'Fn::GetAtt': ['TaskRole', 'Arn'] } }]) },
    },
  ],
  invalid: [
    {
      name: 'the ECS deployment group has no ServiceRoleArn',
      files: { 'web.yaml': noServiceRole },
      expect: [{ line: lineOf(noServiceRole, 'ECSServices:'), severity: 'error', message: ['CodeDeploy deployment group DeploymentGroup deploys ECS services but has no ServiceRoleArn', 'AWSCodeDeployRoleForECS'] }],
    },
    {
      name: 'the service role trusts ecs.amazonaws.com instead of codedeploy.amazonaws.com',
      files: { 'web.yaml': untrusted },
      expect: [{ severity: 'error', message: ['Role DeployRole is the service role of CodeDeploy deployment group DeploymentGroup', 'codedeploy.amazonaws.com', 'it trusts ecs.amazonaws.com', 'Cannot assume role provided'] }],
    },
    {
      name: 'a custom service role manages task sets but cannot pass the task and execution roles',
      files: { 'web.yaml': customWithoutPassRole },
      expect: [
        {
          line: lineOf(customWithoutPassRole, 'ServiceRoleArn:'),
          severity: 'error',
          message: ['Service role DeployRole of CodeDeploy deployment group DeploymentGroup does not allow iam:PassRole on ExecutionRole (execution role of task definition TaskDefinition) and TaskRole', 'replacement task set'],
        },
      ],
    },
    {
      name: 'the service role may pass the roles but cannot manage task sets',
      files: { 'web.yaml': onlyPassRole },
      expect: [{ severity: 'error', message: ['does not allow ecs:DescribeServices, ecs:CreateTaskSet, ecs:UpdateServicePrimaryTaskSet, ecs:DeleteTaskSet', 'IAM_ROLE_PERMISSIONS'] }],
    },
    {
      name: 'the Limited policy cannot pass roles whose names CloudFormation generates (name pattern mismatch is a warning)',
      files: { 'web.yaml': limitedGeneratedNames },
      expect: [{ severity: 'warning', message: ['iam:PassRole on ExecutionRole', 'TaskRole', 'only roles named ecsTaskExecutionRole or ECSTaskExecution*'] }],
    },
    {
      name: 'the group names the service by its literal ServiceName',
      files: { 'web.yaml': byLiteralServiceName },
      expect: [{ severity: 'error', message: ['iam:PassRole on ExecutionRole'] }],
    },
    {
      name: 'a JSON template service role cannot pass the task role',
      files: { 'web.json': jsonMissingPass },
      expect: [{ path: 'web.json', line: lineOf(jsonMissingPass, '"ServiceRoleArn"'), severity: 'error', message: ['iam:PassRole on TaskRole (task role of task definition TaskDefinition)'] }],
    },
  ],
});

test('codedeploy-role: the new service role attaches AWSCodeDeployRoleForECS and is trusted by CodeDeploy', () => {
  const [finding] = findingsOf(lintFiles({ 'web.yaml': noServiceRole }), rule);
  const fixed = applyFixToTexts(finding.fixes[0], new Map([['web.yaml', noServiceRole]])).get('web.yaml')!;
  assert.ok(fixed.includes('      ServiceRoleArn: !GetAtt DeploymentGroupServiceRole.Arn\n'), fixed);
  assert.ok(fixed.includes('              Service: codedeploy.amazonaws.com\n'), fixed);
  assert.ok(fixed.includes('        - !Sub arn:${AWS::Partition}:iam::aws:policy/AWSCodeDeployRoleForECS\n'), fixed);
});

testFixClears(rule, [
  { name: 'the ECS deployment group has no ServiceRoleArn', files: { 'web.yaml': noServiceRole } },
  { name: 'the service role trusts ecs.amazonaws.com', files: { 'web.yaml': untrusted } },
  { name: 'a custom service role cannot pass the task roles', files: { 'web.yaml': customWithoutPassRole } },
  { name: 'the service role cannot manage task sets', files: { 'web.yaml': onlyPassRole } },
  { name: 'the Limited policy does not cover the role names', files: { 'web.yaml': limitedGeneratedNames } },
  { name: 'a JSON template service role cannot pass the task role', files: { 'web.json': jsonMissingPass } },
]);
