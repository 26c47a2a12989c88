import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixToTexts } from '../../src/core/fix/verify-fix.js';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import { account, json, lineOf, registerTaskDefinition, roleYaml, seedFiles, yamlTemplate } from './cfn-snippets.js';
import { testFixClears } from './fix-clears.js';

const rule = 'hardcoded-partition';

/** A task role with one statement whose Resource is written as given (after `Resource:`). */
function roleWithResource(resource: string, extra = ''): string {
  return yamlTemplate([
    roleYaml({
      logicalId: 'TaskRole',
      statements: `
- Effect: Allow
  Action: s3:GetObject
  Resource: ${resource}`,
    }),
    extra,
  ]);
}

const literal = roleWithResource('arn:aws:s3:::app-config/*');
const literalList = roleWithResource("\n    - arn:aws:s3:::app-config\n    - arn:aws:s3:::app-config/*\n    - '*'");
const inSub = roleWithResource('!Sub arn:aws:s3:::${ConfigBucket}/*', '  ConfigBucket:\n    Type: AWS::S3::Bucket\n');
const inSubList = roleWithResource("!Sub ['arn:aws:s3:::${Name}/*', { Name: app-config }]");
const inJoin = roleWithResource("!Join ['', ['arn:aws:s3:::', !Ref ConfigBucket, '/*']]", '  ConfigBucket:\n    Type: AWS::S3::Bucket\n');
const inIf = roleWithResource("!If [IsProd, 'arn:aws:s3:::prod-config/*', !Sub 'arn:${AWS::Partition}:s3:::dev-config/*']").replace(
  'Resources:',
  "Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\nResources:",
);
const policyVariable = roleWithResource('arn:aws:s3:::home/${aws:username}/*');
const managedLiteral = yamlTemplate([roleYaml({ managedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'] })]);
const boundaryLiteral = yamlTemplate([roleYaml({ managedPolicyArns: ['!Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'], permissionsBoundary: `arn:aws:iam::${account}:policy/boundary` })]);

const bucketPolicy = yamlTemplate([
  `  ConfigBucket:
    Type: AWS::S3::Bucket
  ConfigBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref ConfigBucket
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: '*'
            Action: s3:*
            Resource: !Sub 'arn:aws:s3:::\${ConfigBucket}/*'
            Condition:
              Bool:
                aws:SecureTransport: 'false'
`,
]);

const jsonStringPolicy = yamlTemplate([
  `  InstanceRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: |
        { "Statement": [{ "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" }] }
      Policies:
        - PolicyName: logs
          PolicyDocument: |
            {
              "Statement": [{ "Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "arn:aws:logs:*:*:*" }]
            }
`,
]);

const cfnJson = (resource: unknown, managed: unknown[] = [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }]) =>
  json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      ExecutionRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          ManagedPolicyArns: managed,
          Policies: [{ PolicyName: 'secrets', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: resource }] } }],
        },
      },
    },
  });
const cfnJsonLiteral = cfnJson(`arn:aws:secretsmanager:us-east-1:${account}:secret:db-*`);
const cfnJsonSub = cfnJson({ 'Fn::Sub': 'arn:aws:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db-*' });
const cfnJsonPortable = cfnJson({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':secretsmanager:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':secret:db-*']] });
const cfnJsonManaged = cfnJson('*', ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy']);

testRule(rule, {
  valid: [
    { name: 'the seed setup is linted', files: seedFiles },
    { name: 'the resource uses ${AWS::Partition}', files: { 'app.yaml': roleWithResource('!Sub arn:${AWS::Partition}:s3:::app-config/*') } },
    { name: 'the resource is *', files: { 'app.yaml': roleWithResource("'*'") } },
    { name: 'the resource is !GetAtt of a resource', files: { 'app.yaml': roleWithResource('!GetAtt ConfigBucket.Arn', '  ConfigBucket:\n    Type: AWS::S3::Bucket\n') } },
    { name: 'a Join builds the ARN with Ref AWS::Partition (CloudFormation JSON)', files: { 'app.json': cfnJsonPortable } },
    { name: 'the template targets another partition explicitly (arn:aws-cn:)', files: { 'app.yaml': roleWithResource('arn:aws-cn:s3:::app-config/*') } },
    {
      name: 'a trust policy principal names an account ARN (not a Resource)',
      files: { 'app.yaml': yamlTemplate([roleYaml({ principal: 'ecs-tasks.amazonaws.com' }).replace('Principal: { Service: ecs-tasks.amazonaws.com }', `Principal: { AWS: 'arn:aws:iam::${account}:root' }`)]) },
    },
    {
      name: 'a task-definition JSON names roles and secrets by arn:aws: ARNs (task definitions are not templates)',
      files: {
        'taskdef.json': registerTaskDefinition({
          executionRoleArn: `arn:aws:iam::${account}:role/app-exec`,
          containerDefinitions: [{ name: 'app', image: 'nginx', secrets: [{ name: 'DB', valueFrom: `arn:aws:secretsmanager:us-east-1:${account}:secret:db-AbCdEf` }] }],
        }),
      },
    },
    { name: 'the rule is turned off in config', files: { 'app.yaml': literal }, config: { rules: { [rule]: 'off' } } },
  ],
  invalid: [
    {
      name: 'a statement Resource is a literal arn:aws: ARN',
      files: { 'app.yaml': literal },
      expect: [
        {
          line: lineOf(literal, 'arn:aws:s3'),
          severity: 'notice',
          message: ['Resource of a statement in policy taskRole-policy of TaskRole hard-codes the aws partition in arn:aws:s3:::app-config/*', 'arn:${AWS::Partition}:'],
        },
      ],
    },
    { name: 'two literals in a Resource list (one finding each)', files: { 'app.yaml': literalList }, expect: [{ line: lineOf(literalList, 'arn:aws:s3:::app-config') }, { line: lineOf(literalList, 'arn:aws:s3:::app-config/*') }] },
    { name: 'a !Sub template starts with arn:aws:', files: { 'app.yaml': inSub }, expect: [{ message: ['arn:aws:s3:::${ConfigBucket}/*'] }] },
    { name: 'the list form of !Sub', files: { 'app.yaml': inSubList }, expect: [{ message: ['arn:aws:s3:::${Name}/*'] }] },
    { name: 'a literal part of !Join', files: { 'app.yaml': inJoin }, expect: [{ message: ['arn:aws:s3:::'] }] },
    { name: 'one branch of !If', files: { 'app.yaml': inIf }, expect: [{ message: ['arn:aws:s3:::prod-config/*'] }] },
    { name: 'a managed policy ARN', files: { 'app.yaml': managedLiteral }, expect: [{ line: lineOf(managedLiteral, 'arn:aws:iam::aws:policy'), message: ['ManagedPolicyArns of ExecutionRole'] }] },
    { name: 'a permissions boundary ARN', files: { 'app.yaml': boundaryLiteral }, expect: [{ message: ['PermissionsBoundary of ExecutionRole'] }] },
    { name: 'a bucket policy Resource', files: { 'app.yaml': bucketPolicy }, expect: [{ message: ['Resource of a statement in ConfigBucketPolicy'] }] },
    { name: 'a policy written as a JSON string (one notice, no fix)', files: { 'app.yaml': jsonStringPolicy }, expect: [{ line: lineOf(jsonStringPolicy, 'PolicyDocument: |', 2), message: ['inside a JSON string'] }] },
    { name: 'CloudFormation JSON: a literal Resource', files: { 'app.json': cfnJsonLiteral }, expect: [{ path: 'app.json', line: lineOf(cfnJsonLiteral, '"arn:aws:secretsmanager') }] },
    { name: 'CloudFormation JSON: Fn::Sub', files: { 'app.json': cfnJsonSub }, expect: [{ path: 'app.json' }] },
    { name: 'CloudFormation JSON: a managed policy ARN', files: { 'app.json': cfnJsonManaged }, expect: [{ path: 'app.json', message: ['ManagedPolicyArns'] }] },
  ],
});

testFixClears(rule, [
  { name: 'a literal becomes !Sub', files: { 'app.yaml': literal } },
  { name: 'a Sub template gets the token', files: { 'app.yaml': inSub } },
  { name: 'the list form of !Sub', files: { 'app.yaml': inSubList } },
  { name: 'a Join part becomes !Sub', files: { 'app.yaml': inJoin } },
  { name: 'an !If branch', files: { 'app.yaml': inIf } },
  { name: 'an IAM policy variable is escaped', files: { 'app.yaml': policyVariable } },
  { name: 'a managed policy ARN', files: { 'app.yaml': managedLiteral } },
  { name: 'a bucket policy', files: { 'app.yaml': bucketPolicy } },
  { name: 'CloudFormation JSON literal', files: { 'app.json': cfnJsonLiteral } },
  { name: 'CloudFormation JSON Fn::Sub', files: { 'app.json': cfnJsonSub } },
  { name: 'CloudFormation JSON managed policy ARN', files: { 'app.json': cfnJsonManaged } },
]);

function fixed(files: Record<string, string>): string {
  const [finding] = findingsOf(lintFiles(files), rule);
  const [path] = Object.keys(files);
  return applyFixToTexts(finding.fixes[0], new Map(Object.entries(files))).get(path)!;
}

test('a literal keeps the rest of its text behind ${AWS::Partition}, as the file writes intrinsics', () => {
  // Short form or long form, as the shared renderer decides for a file without tags.
  assert.match(fixed({ 'app.yaml': literal }), /Resource:(?: !Sub|\n {18}Fn::Sub:) '?arn:\$\{AWS::Partition\}:s3:::app-config\/\*'?\n/);
  assert.match(fixed({ 'app.yaml': managedLiteral }), /- (?:!Sub|Fn::Sub:) '?arn:\$\{AWS::Partition\}:iam::aws:policy\/service-role\/AmazonECSTaskExecutionRolePolicy'?\n/);
  // A file that uses short forms gets `!Sub`.
  assert.match(fixed({ 'app.yaml': inJoin }), /\['', \[!Sub 'arn:\$\{AWS::Partition\}:s3:::', !Ref ConfigBucket, '\/\*'\]\]/);
});

test('an IAM policy variable stays literal inside the new !Sub (${!aws:username})', () => {
  assert.match(fixed({ 'app.yaml': policyVariable }), /arn:\$\{AWS::Partition\}:s3:::home\/\$\{!aws:username\}\/\*/);
});

test('inside an existing Sub only arn:aws: changes', () => {
  assert.match(fixed({ 'app.yaml': inSub }), /!Sub '?arn:\$\{AWS::Partition\}:s3:::\$\{ConfigBucket\}\/\*'?/);
  const json = JSON.parse(fixed({ 'app.json': cfnJsonSub }));
  assert.deepEqual(json.Resources.ExecutionRole.Properties.Policies[0].PolicyDocument.Statement[0].Resource, {
    'Fn::Sub': 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db-*',
  });
});

test('a CloudFormation JSON literal becomes Fn::Sub', () => {
  const json = JSON.parse(fixed({ 'app.json': cfnJsonLiteral }));
  assert.deepEqual(json.Resources.ExecutionRole.Properties.Policies[0].PolicyDocument.Statement[0].Resource, {
    'Fn::Sub': `arn:\${AWS::Partition}:secretsmanager:us-east-1:${account}:secret:db-*`,
  });
});
