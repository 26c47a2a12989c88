import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixToTexts } from '../../src/core/fix/verify-fix.js';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import { indent, json, lineOf, seedFiles, yamlTemplate } from './cfn-snippets.js';
import { testFixClears } from './fix-clears.js';

const rule = 'passrole-unrestricted';

function roleYaml(logicalId: string, service: string, statements: string): string {
  return `  ${logicalId}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: ${service}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: root
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
${indent(statements, 14)}
`;
}

/** The pipeline layout where iam:PassRole rides along in the ECS deployment statement. */
const pipelineMixed = yamlTemplate([
  roleYaml(
    'PipelineRole',
    'codepipeline.amazonaws.com',
    `- Resource: !Sub arn:\${AWS::Partition}:s3:::\${ArtifactBucket}/*
  Effect: Allow
  Action:
    - s3:GetObject
    - s3:PutObject
- Resource: "*"
  Effect: Allow
  Action:
    - ecs:DescribeServices
    - ecs:RegisterTaskDefinition
    - ecs:UpdateService
    - iam:PassRole`,
  ),
  '  ArtifactBucket:\n    Type: AWS::S3::Bucket\n',
]);

/** iam:PassRole in a statement of its own; the deployment actions in another statement of the document. */
const separatePassRole = yamlTemplate([
  roleYaml(
    'DeployRole',
    'codebuild.amazonaws.com',
    `- Effect: Allow
  Action: [ecs:RegisterTaskDefinition, ecs:UpdateService]
  Resource: '*'
- Effect: Allow
  Action: iam:PassRole
  Resource: '*'`,
  ),
]);

const withCondition = (condition: string) =>
  yamlTemplate([
    roleYaml(
      'DeployRole',
      'codebuild.amazonaws.com',
      `- Effect: Allow
  Action: [ecs:RegisterTaskDefinition, ecs:UpdateService]
  Resource: '*'
- Effect: Allow
  Action: iam:PassRole
  Resource: '*'
${indent(condition, 2)}`,
    ),
  ]);

const lambdaDeployer = yamlTemplate([
  roleYaml(
    'FunctionDeployer',
    'codebuild.amazonaws.com',
    `- Effect: Allow
  Action: [lambda:CreateFunction, lambda:UpdateFunctionCode, iam:PassRole]
  Resource: '*'`,
  ),
]);

const glueAndEcs = yamlTemplate([
  roleYaml(
    'DataDeployer',
    'codebuild.amazonaws.com',
    `- Effect: Allow
  Action: [ecs:RegisterTaskDefinition, glue:CreateJob]
  Resource: '*'
- Effect: Allow
  Action: iam:PassRole
  Resource: '*'`,
  ),
]);

const iamStar = yamlTemplate([roleYaml('IdentityAdmin', 'codebuild.amazonaws.com', "- Effect: Allow\n  Action: iam:*\n  Resource: '*'")]);

const managedPolicy = yamlTemplate([
  `  DeployPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: ecs:RunTask
            Resource: '*'
          - Effect: Allow
            Action: iam:Pass*
            Resource: !Sub arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/*
`,
]);

const cfnJson = json({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    PipelineRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'codepipeline.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        Policies: [
          {
            PolicyName: 'root',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: ['ecs:RegisterTaskDefinition', 'ecs:UpdateService', 'iam:PassRole'], Resource: '*' }],
            },
          },
        ],
      },
    },
  },
});

const jsonStringPolicy = yamlTemplate([
  `  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: codebuild.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: root
          PolicyDocument: |
            {
              "Statement": [{ "Effect": "Allow", "Action": ["ecs:RunTask", "iam:PassRole"], "Resource": "*" }]
            }
`,
]);

testRule(rule, {
  valid: [
    { name: 'the seed setup is linted', files: seedFiles },
    { name: 'iam:PassRole on * is limited to ecs-tasks', files: { 'app.yaml': withCondition('Condition:\n  StringEquals:\n    iam:PassedToService: ecs-tasks.amazonaws.com') } },
    { name: 'iam:PassRole on * is limited with StringLike to several services', files: { 'app.yaml': withCondition('Condition:\n  StringLike:\n    iam:PassedToService: [ecs-tasks.amazonaws.com, ec2.amazonaws.com]') } },
    {
      name: 'iam:PassRole is scoped to the roles it passes',
      files: { 'app.yaml': yamlTemplate([roleYaml('DeployRole', 'codebuild.amazonaws.com', "- Effect: Allow\n  Action: iam:PassRole\n  Resource: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app-*")]) },
    },
    { name: 'an administrator statement (Action *) is another concern', files: { 'app.yaml': yamlTemplate([roleYaml('Admin', 'codebuild.amazonaws.com', "- Effect: Allow\n  Action: '*'\n  Resource: '*'")]) } },
    { name: 'a Deny of iam:PassRole on *', files: { 'app.yaml': yamlTemplate([roleYaml('Guard', 'codebuild.amazonaws.com', "- Effect: Deny\n  Action: iam:PassRole\n  Resource: '*'")]) } },
    { name: 'iam:GetRole on * (not PassRole)', files: { 'app.yaml': yamlTemplate([roleYaml('Reader', 'codebuild.amazonaws.com', "- Effect: Allow\n  Action: iam:Get*\n  Resource: '*'")]) } },
    {
      name: 'a task-definition JSON (it holds no policies)',
      files: { 'taskdef.json': json({ family: 'app', taskRoleArn: 'arn:aws:iam::123456789012:role/app-task', containerDefinitions: [{ name: 'app', image: 'nginx' }] }) },
    },
    { name: 'the rule is turned off in config', files: { 'app.yaml': pipelineMixed }, config: { rules: { [rule]: 'off' } } },
  ],
  invalid: [
    {
      name: 'iam:PassRole sits in the ECS deployment statement of a pipeline role',
      files: { 'app.yaml': pipelineMixed },
      expect: [
        {
          line: lineOf(pipelineMixed, '- Resource: "*"'),
          severity: 'warning',
          message: [
            'Role PipelineRole (policy root) allows iam:PassRole on every role without an iam:PassedToService condition',
            'an administrator role included',
            'iam:PassedToService: ecs-tasks.amazonaws.com',
          ],
        },
      ],
    },
    { name: 'iam:PassRole has a statement of its own', files: { 'app.yaml': separatePassRole }, expect: [{ line: lineOf(separatePassRole, 'Action: iam:PassRole') - 1, message: ['ecs-tasks.amazonaws.com'] }] },
    { name: 'the only condition names another key', files: { 'app.yaml': withCondition("Condition:\n  StringEquals:\n    aws:ResourceTag/team: platform") }, expect: [{ severity: 'warning' }] },
    { name: 'the condition value is *', files: { 'app.yaml': withCondition("Condition:\n  StringLike:\n    iam:PassedToService: '*'") }, expect: [{ severity: 'warning' }] },
    { name: 'a Lambda deployer (the condition names lambda.amazonaws.com)', files: { 'app.yaml': lambdaDeployer }, expect: [{ message: ['iam:PassedToService: lambda.amazonaws.com'] }] },
    { name: 'the document also reaches Glue (no service to suggest)', files: { 'app.yaml': glueAndEcs }, expect: [{ message: ['add an iam:PassedToService condition naming the service'] }] },
    { name: 'iam:* on * (grants more than PassRole)', files: { 'app.yaml': iamStar }, expect: [{ message: ['iam:*', 'grants more than iam:PassRole'] }] },
    { name: 'a managed policy allows iam:Pass* on role/*', files: { 'app.yaml': managedPolicy }, expect: [{ message: ['Managed policy DeployPolicy allows iam:Pass*'] }] },
    { name: 'a CloudFormation JSON pipeline role', files: { 'app.json': cfnJson }, expect: [{ path: 'app.json', message: ['PipelineRole'] }] },
    { name: 'a policy written as a JSON string', files: { 'app.yaml': jsonStringPolicy }, expect: [{ line: lineOf(jsonStringPolicy, 'PolicyDocument: |') }] },
  ],
});

testFixClears(rule, [
  { name: 'iam:PassRole moves out of the deployment statement into one with the condition (YAML)', files: { 'app.yaml': pipelineMixed } },
  { name: 'a PassRole-only statement gets the condition', files: { 'app.yaml': separatePassRole } },
  { name: 'a condition on another key gets a StringEquals block', files: { 'app.yaml': withCondition("Condition:\n  StringEquals:\n    aws:ResourceTag/team: platform") } },
  { name: 'a CloudFormation JSON template', files: { 'app.json': cfnJson } },
  { name: 'a Lambda deployer', files: { 'app.yaml': lambdaDeployer } },
]);

test('the split keeps the other deployment actions unconditioned', () => {
  const [finding] = findingsOf(lintFiles({ 'app.yaml': pipelineMixed }), rule);
  const fixed = applyFixToTexts(finding.fixes[0], new Map([['app.yaml', pipelineMixed]])).get('app.yaml')!;
  assert.match(fixed, / {4}- ecs:UpdateService\n {14}- Effect: Allow\n {16}Action: iam:PassRole\n {16}Resource: ['"]\*['"]\n {16}Condition:\n {18}StringEquals:\n {20}iam:PassedToService: ecs-tasks\.amazonaws\.com\n/);
  assert.doesNotMatch(fixed, /- iam:PassRole/);
});

test('the JSON fix keeps valid JSON and moves iam:PassRole', () => {
  const [finding] = findingsOf(lintFiles({ 'app.json': cfnJson }), rule);
  const fixed = JSON.parse(applyFixToTexts(finding.fixes[0], new Map([['app.json', cfnJson]])).get('app.json')!);
  const statements = fixed.Resources.PipelineRole.Properties.Policies[0].PolicyDocument.Statement;
  assert.deepEqual(statements[0].Action, ['ecs:RegisterTaskDefinition', 'ecs:UpdateService']);
  assert.deepEqual(statements[1], { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } });
});

test('no fix where a condition cannot be chosen or would not suffice', () => {
  for (const text of [glueAndEcs, iamStar, jsonStringPolicy]) {
    const [finding] = findingsOf(lintFiles({ 'app.yaml': text }), rule);
    assert.deepEqual(finding.fixes, []);
  }
});
