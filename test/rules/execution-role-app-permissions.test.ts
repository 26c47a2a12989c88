import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import { describeTaskDefinition, indent, json, lineOf, registerTaskDefinition } from './cfn-snippets.js';
import { testFixClears } from './fix-clears.js';
import { seedCases } from './seed-variants.js';

const rule = 'execution-role-app-permissions';

const pullAndLog = `- Sid: PullAndLog
  Effect: Allow
  Action:
    - ecr:GetAuthorizationToken
    - ecr:BatchCheckLayerAvailability
    - ecr:GetDownloadUrlForLayer
    - ecr:BatchGetImage
    - logs:CreateLogStream
    - logs:PutLogEvents
  Resource: '*'`;

/** A Fargate task whose execution role has the seed's statement plus `statements` (list items at column 0). */
function fargate(options: { statements?: string; managed?: string[]; taskRole?: 'separate' | 'same'; extra?: string } = {}): string {
  const { statements = '', managed, taskRole, extra = '' } = options;
  return `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  ExecutionRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
${managed ? `      ManagedPolicyArns:\n${managed.map((arn) => `        - ${arn}`).join('\n')}\n` : ''}      Policies:
        - PolicyName: execution
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
${indent(pullAndLog + (statements ? '\n' + statements.trim() : ''), 14)}
${
  taskRole === 'separate'
    ? `  TaskRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: app
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: ['dynamodb:*', 's3:PutObject', 'sqs:SendMessage']
                Resource: '*'
`
    : ''
}${extra}  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: checkout
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '256'
      Memory: '512'
      ExecutionRoleArn: !GetAtt ExecutionRole.Arn
${taskRole === 'separate' ? '      TaskRoleArn: !GetAtt TaskRole.Arn\n' : taskRole === 'same' ? '      TaskRoleArn: !GetAtt ExecutionRole.Arn\n' : ''}      ContainerDefinitions:
        - Name: checkout
          Image: !Sub \${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/checkout:2.0.0
          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: /ecs/checkout
              awslogs-region: !Ref AWS::Region
              awslogs-stream-prefix: checkout
`;
}

function appStatement(sid: string, actions: string, resource = "'*'"): string {
  return `- Sid: ${sid}
  Effect: Allow
  Action: ${actions}
  Resource: ${resource}`;
}

const dynamodb = fargate({ statements: appStatement('OrdersTable', "'dynamodb:*'", '!Sub arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders') });
const s3Put = fargate({ statements: appStatement('Uploads', 's3:PutObject', 'arn:aws:s3:::checkout-uploads/*') });
const sqsSend = fargate({ statements: appStatement('Queue', '[sqs:SendMessage]', '!Sub arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:orders') });
const efsMount = fargate({ statements: appStatement('Efs', '[elasticfilesystem:ClientMount, elasticfilesystem:ClientWrite]') });
const ecsExec = fargate({
  statements: appStatement('Exec', '[ssmmessages:CreateControlChannel, ssmmessages:CreateDataChannel, ssmmessages:OpenControlChannel, ssmmessages:OpenDataChannel]'),
});
const mixed = fargate({ statements: appStatement('Mixed', '[secretsmanager:GetSecretValue, sns:Publish, kms:Decrypt]') });
const manyActions = fargate({
  statements: appStatement('Everything', '[sqs:SendMessage, sqs:ReceiveMessage, sqs:DeleteMessage, sns:Publish, dynamodb:PutItem]'),
});
const s3FullAccess = fargate({ managed: ['!Sub arn:${AWS::Partition}:iam::aws:policy/AmazonS3FullAccess'] });
const separatePolicy = fargate({
  extra: `  ExecutionAppPolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: app-data
      Roles: [!Ref ExecutionRole]
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: Cache
            Effect: Allow
            Action: elasticache:Connect
            Resource: '*'
`,
});

/** The execution role in a roles stack, used from task-definition JSON by ARN. */
const namedExecutionRole = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  CheckoutExecutionRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: checkout-execution
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
      Policies:
        - PolicyName: app
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Sid: Payments
                Effect: Allow
                Action: [dynamodb:GetItem, dynamodb:PutItem]
                Resource: arn:aws:dynamodb:us-east-1:123456789012:table/payments
`;
const checkoutContainers = [{ name: 'checkout', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/checkout:2.0.0', essential: true }];
const registerJson = registerTaskDefinition({
  family: 'checkout',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  executionRoleArn: 'arn:aws:iam::123456789012:role/checkout-execution',
  containerDefinitions: checkoutContainers,
});
const describeJson = describeTaskDefinition({
  family: 'checkout',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  executionRoleArn: 'arn:aws:iam::123456789012:role/checkout-execution',
  containerDefinitions: checkoutContainers,
});

const jsonTemplate = json({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    ExecutionRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }],
        Policies: [
          {
            PolicyName: 'extra',
            PolicyDocument: {
              Statement: [
                { Sid: 'Params', Effect: 'Allow', Action: ['ssm:GetParameters'], Resource: '*' },
                { Sid: 'Bucket', Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::reports/*' },
              ],
            },
          },
        ],
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
        ContainerDefinitions: [{ Name: 'reports', Image: 'public.ecr.aws/docker/library/python:3.12' }],
      },
    },
  },
});

testRule(rule, {
  valid: [
    ...seedCases,
    {
      name: 'the execution role grants only agent actions: ecr:*, logs:CreateLogGroup, secretsmanager:GetSecretValue, ssm:GetParameters, kms:Decrypt',
      files: {
        'app.yaml': fargate({
          statements: `${appStatement('Ecr', "'ecr:*'")}
${appStatement('CreateGroup', 'logs:CreateLogGroup', '!Sub arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/ecs/checkout')}
${appStatement('Secrets', '[secretsmanager:GetSecretValue, ssm:GetParameters]')}
${appStatement('Decrypt', 'kms:Decrypt', '!Sub arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab')}`,
        }),
      },
    },
    {
      name: 'the execution role reads environment files and FireLens configuration from S3 (s3:GetObject, s3:GetBucketLocation)',
      files: { 'app.yaml': fargate({ statements: appStatement('EnvFiles', '[s3:GetObject, s3:GetBucketLocation]', "['arn:aws:s3:::checkout-config', 'arn:aws:s3:::checkout-config/*']") }) },
    },
    {
      name: 'the execution role attaches AmazonECSTaskExecutionRolePolicy',
      files: { 'app.yaml': fargate({ managed: ['!Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'] }) },
    },
    { name: 'the application permissions sit on a separate task role', files: { 'app.yaml': fargate({ taskRole: 'separate' }) } },
    {
      name: 'one role is both task and execution role (shared-task-execution-role reports it instead)',
      files: { 'app.yaml': fargate({ taskRole: 'same', statements: appStatement('OrdersTable', "'dynamodb:*'") }) },
    },
    { name: 'a Deny statement names application actions', files: { 'app.yaml': fargate({ statements: "- Effect: Deny\n  Action: 'dynamodb:*'\n  Resource: '*'" }) } },
    {
      name: 'task-definition JSON names an execution role that no file defines',
      files: { 'checkout.json': registerJson },
    },
    {
      name: 'the statement is suppressed on the role resource',
      files: {
        'app.yaml': dynamodb.replace('    Type: AWS::IAM::Role\n', '    Type: AWS::IAM::Role\n    Metadata:\n      ecs-iam-lint:\n        ignore: [execution-role-app-permissions]\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'the execution role allows dynamodb:* on a table',
      files: { 'app.yaml': dynamodb },
      expect: [
        {
          path: 'app.yaml',
          line: lineOf(dynamodb, 'Sid: OrdersTable'),
          severity: 'warning',
          message: ['Execution role ExecutionRole', 'allows dynamodb:*', 'never uses', 'containers never receive', 'move the statement to the task role'],
        },
      ],
    },
    { name: 'the execution role allows s3:PutObject', files: { 'app.yaml': s3Put }, expect: [{ line: lineOf(s3Put, 'Sid: Uploads'), severity: 'warning', message: ['s3:PutObject'] }] },
    { name: 'the execution role allows sqs:SendMessage', files: { 'app.yaml': sqsSend }, expect: [{ line: lineOf(sqsSend, 'Sid: Queue'), message: ['sqs:SendMessage'] }] },
    {
      name: 'the EFS client grants are misplaced on the execution role',
      files: { 'app.yaml': efsMount },
      expect: [{ line: lineOf(efsMount, 'Sid: Efs'), message: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'] }],
    },
    {
      name: 'the ECS Exec ssmmessages grants are on the execution role',
      files: { 'app.yaml': ecsExec },
      expect: [{ line: lineOf(ecsExec, 'Sid: Exec'), message: ['ssmmessages:CreateControlChannel'] }],
    },
    {
      name: 'a statement mixes agent actions with sns:Publish (only sns:Publish is named)',
      files: { 'app.yaml': mixed },
      expect: [{ line: lineOf(mixed, 'Sid: Mixed'), message: ['allows sns:Publish, which'] }],
    },
    {
      name: 'a statement allows five application actions (four named, the rest counted)',
      files: { 'app.yaml': manyActions },
      expect: [{ message: ['sqs:SendMessage, sqs:ReceiveMessage, sqs:DeleteMessage, sns:Publish and 1 more'] }],
    },
    {
      name: 'the execution role attaches AmazonS3FullAccess (the finding points at the list item)',
      files: { 'app.yaml': s3FullAccess },
      expect: [
        {
          line: lineOf(s3FullAccess, 'AmazonS3FullAccess'),
          severity: 'warning',
          message: ['Execution role ExecutionRole attaches AmazonS3FullAccess', 's3:*', 'attach it to the task role instead'],
        },
      ],
    },
    {
      name: 'an AWS::IAM::Policy attached to the execution role allows elasticache:Connect (the finding points at that statement)',
      files: { 'app.yaml': separatePolicy },
      expect: [{ line: lineOf(separatePolicy, 'Sid: Cache'), message: ['elasticache:Connect'] }],
    },
    {
      name: 'a JSON template execution role allows s3:PutObject and s3:DeleteObject beside ssm:GetParameters',
      files: { 'reports.json': jsonTemplate },
      expect: [{ path: 'reports.json', line: lineOf(jsonTemplate, '"Sid": "Bucket"') - 1, message: ['s3:PutObject, s3:DeleteObject'] }],
    },
    {
      name: 'register-task-definition JSON names an execution role (by ARN) in another file that allows dynamodb actions',
      files: { 'iam/roles.yaml': namedExecutionRole, 'checkout.json': registerJson },
      expect: [
        {
          path: 'iam/roles.yaml',
          line: lineOf(namedExecutionRole, 'Sid: Payments'),
          severity: 'warning',
          message: ['Execution role checkout-execution', 'dynamodb:GetItem, dynamodb:PutItem'],
        },
      ],
    },
    {
      name: 'describe-task-definition JSON names the same execution role',
      files: { 'iam/roles.yaml': namedExecutionRole, 'checkout.describe.json': describeJson },
      expect: [{ path: 'iam/roles.yaml', line: lineOf(namedExecutionRole, 'Sid: Payments') }],
    },
  ],
});

test('execution-role-app-permissions: a statement in another file keeps its own path', () => {
  const [finding] = findingsOf(lintFiles({ 'iam/roles.yaml': namedExecutionRole, 'checkout.json': registerJson }), rule);
  assert.deepEqual(finding.nodePath, ['Resources', 'CheckoutExecutionRole', 'Properties', 'Policies', 0, 'PolicyDocument', 'Statement', 0]);
});

testFixClears(rule, [
  {
    name: 'the execution role allows dynamodb:* and the task definition has a task role',
    files: { 'app.yaml': fargate({ taskRole: 'separate', statements: appStatement('OrdersTable', "'dynamodb:*'") }) },
  },
]);

test('execution-role-app-permissions: offers no fix when the task definition has no task role to move the statement to', () => {
  const found = findingsOf(lintFiles({ 'app.yaml': s3Put }), rule);
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].fixes, []);
});
