import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import { account, applyFix, assertFirstFixResolves, ec2CapacityYaml, ec2ContainerServicePolicyArn, json, lineOf, yamlTemplate, type RoleOptions } from './cfn-snippets.js';
import { seedCases } from './seed-variants.js';
import { clusterYaml, execServiceYaml, execStatements, ssmManagedInstanceCore, taskRoleYaml, taskWithRoleYaml } from './task-role-snippets.js';

const rule = 'ecs-exec-logging-permissions';

const cloudWatchConfig = `ExecuteCommandConfiguration:
  Logging: OVERRIDE
  LogConfiguration:
    CloudWatchLogGroupName: !Ref ExecLogs`;
const s3Config = `ExecuteCommandConfiguration:
  Logging: OVERRIDE
  LogConfiguration:
    S3BucketName: !Ref ExecBucket
    S3KeyPrefix: exec-output
    S3EncryptionEnabled: true`;
const kmsConfig = `ExecuteCommandConfiguration:
  KmsKeyId: !Ref ExecKey
  Logging: NONE`;
const allConfig = `ExecuteCommandConfiguration:
  KmsKeyId: !GetAtt ExecKey.Arn
  Logging: OVERRIDE
  LogConfiguration:
    CloudWatchLogGroupName: !Ref ExecLogs
    S3BucketName: !Ref ExecBucket`;
const defaultConfig = `ExecuteCommandConfiguration:
  Logging: DEFAULT`;

const destinations = `  ExecLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: /ecs/exec-sessions
  ExecBucket:
    Type: AWS::S3::Bucket
  ExecKey:
    Type: AWS::KMS::Key
`;

const awslogsContainer = `
- Name: app
  Image: public.ecr.aws/docker/library/httpd:2.4
  LogConfiguration:
    LogDriver: awslogs
    Options:
      awslogs-group: /ecs/app
      awslogs-region: !Ref AWS::Region
      awslogs-stream-prefix: app`;

/** A Fargate service with ECS Exec in a cluster configured as `configuration`; the task role has the exec actions plus `statements`. */
function execTemplate(configuration: string | undefined, role: RoleOptions | null, options: { containers?: string; enable?: string } = {}): string {
  return yamlTemplate([
    clusterYaml(configuration),
    destinations,
    ...(role ? [taskRoleYaml(role)] : []),
    taskWithRoleYaml({ compatibilities: '[FARGATE]', taskRoleArn: role ? '!GetAtt TaskRole.Arn' : undefined, containers: options.containers }),
    execServiceYaml('LaunchType: FARGATE', 'Service', options.enable),
  ]);
}

const withExec = (extra = '') => ({ statements: execStatements + extra });

const cloudWatchGrant = `
- Effect: Allow
  Action: logs:DescribeLogGroups
  Resource: '*'
- Effect: Allow
  Action: [logs:CreateLogStream, logs:DescribeLogStreams, logs:PutLogEvents]
  Resource: !GetAtt ExecLogs.Arn`;
const s3Grant = `
- Effect: Allow
  Action: s3:PutObject
  Resource: !Sub '\${ExecBucket.Arn}/exec-output/*'
- Effect: Allow
  Action: [s3:GetEncryptionConfiguration, s3:GetBucketLocation]
  Resource: !GetAtt ExecBucket.Arn`;
const kmsGrant = `
- Effect: Allow
  Action: kms:Decrypt
  Resource: !GetAtt ExecKey.Arn`;
const awslogsGrant = `
- Effect: Allow
  Action: [logs:DescribeLogGroups, logs:CreateLogStream, logs:DescribeLogStreams, logs:PutLogEvents]
  Resource: '*'`;

const cloudWatchMissing = execTemplate(cloudWatchConfig, withExec());
const s3Missing = execTemplate(s3Config, withExec());
const kmsMissing = execTemplate(kmsConfig, withExec());
const allMissing = execTemplate(allConfig, withExec());
const defaultMissing = execTemplate(defaultConfig, withExec(), { containers: awslogsContainer });
const putObjectOtherPrefix = execTemplate(
  s3Config,
  withExec(`
- Effect: Allow
  Action: s3:PutObject
  Resource: !Sub '\${ExecBucket.Arn}/audit/*'
- Effect: Allow
  Action: [s3:GetEncryptionConfiguration, s3:GetBucketLocation]
  Resource: !GetAtt ExecBucket.Arn`),
);
const unknownManaged = execTemplate(cloudWatchConfig, { managedPolicyArns: [ssmManagedInstanceCore, `arn:aws:iam::${account}:policy/exec-logging`] });

const ec2Fallback = yamlTemplate([
  ec2CapacityYaml({ managedPolicyArns: [ec2ContainerServicePolicyArn, ssmManagedInstanceCore] }).replace('  Cluster:\n    Type: AWS::ECS::Cluster\n', clusterYaml(kmsConfig)),
  destinations,
  taskWithRoleYaml({ compatibilities: '[EC2]' }),
  execServiceYaml('LaunchType: EC2'),
]);

function cfnJson(statements: Record<string, unknown>[]): string {
  return json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      ExecLogs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/ecs/exec-sessions' } },
      Cluster: {
        Type: 'AWS::ECS::Cluster',
        Properties: { Configuration: { ExecuteCommandConfiguration: { Logging: 'OVERRIDE', LogConfiguration: { CloudWatchLogGroupName: { Ref: 'ExecLogs' } } } } },
      },
      TaskRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          Policies: [{ PolicyName: 'exec', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ssmmessages:*', Resource: '*' }, ...statements] } }],
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
        Properties: { Cluster: { Ref: 'Cluster' }, TaskDefinition: { Ref: 'TaskDefinition' }, LaunchType: 'FARGATE', EnableExecuteCommand: true },
      },
    },
  });
}

const cfnJsonGranted = cfnJson([
  { Effect: 'Allow', Action: 'logs:DescribeLogGroups', Resource: '*' },
  { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': ['ExecLogs', 'Arn'] } },
]);
const cfnJsonMissing = cfnJson([]);

testRule(rule, {
  valid: [
    ...seedCases,
    { name: 'the task role may write to the CloudWatch log group', files: { 'app.yaml': execTemplate(cloudWatchConfig, withExec(cloudWatchGrant)) } },
    { name: 'the task role may write under the S3 key prefix and read the bucket encryption', files: { 'app.yaml': execTemplate(s3Config, withExec(s3Grant)) } },
    { name: 'the task role may decrypt with the key', files: { 'app.yaml': execTemplate(kmsConfig, withExec(kmsGrant)) } },
    {
      name: 'the bucket is not required to be encrypted, so s3:GetEncryptionConfiguration is not needed',
      files: {
        'app.yaml': execTemplate(
          s3Config.replace('    S3EncryptionEnabled: true', '    S3EncryptionEnabled: false'),
          withExec("\n- Effect: Allow\n  Action: s3:PutObject\n  Resource: !Sub '${ExecBucket.Arn}/exec-output/*'\n- Effect: Allow\n  Action: s3:GetBucketLocation\n  Resource: '*'"),
        ),
      },
    },
    { name: 'the task role allows everything the three destinations need', files: { 'app.yaml': execTemplate(allConfig, withExec(cloudWatchGrant + s3Grant.replace('/exec-output/*', '/*') + kmsGrant)) } },
    { name: 'Logging is NONE and no key is set', files: { 'app.yaml': execTemplate('ExecuteCommandConfiguration:\n  Logging: NONE', withExec()) } },
    { name: 'the cluster has no execute-command configuration', files: { 'app.yaml': execTemplate(undefined, withExec(), { containers: awslogsContainer }) } },
    { name: 'Logging is DEFAULT and the task role may write to the awslogs group', files: { 'app.yaml': execTemplate(defaultConfig, withExec(awslogsGrant), { containers: awslogsContainer }) } },
    { name: 'Logging is DEFAULT and no container uses awslogs', files: { 'app.yaml': execTemplate(defaultConfig, withExec()) } },
    { name: 'the service does not enable ECS Exec', files: { 'app.yaml': execTemplate(allConfig, withExec(), { enable: 'false' }) } },
    { name: 'a Fargate task has no task role (task-role-ecs-exec reports that instead)', files: { 'app.yaml': execTemplate(allConfig, null) } },
    { name: 'a CloudFormation JSON task role may write to the log group', files: { 'app.template.json': cfnJsonGranted } },
    { name: 'the rule is turned off in config', files: { 'app.yaml': allMissing }, config: { rules: { [rule]: 'off' } } },
  ],
  invalid: [
    {
      name: 'the cluster logs sessions to a CloudWatch log group the task role cannot write to',
      files: { 'app.yaml': cloudWatchMissing },
      expect: [
        {
          path: 'app.yaml',
          line: lineOf(cloudWatchMissing, 'CloudWatchLogGroupName:'),
          severity: 'warning',
          message: [
            'Task role TaskRole of task definition TaskDefinition does not allow logs:DescribeLogGroups, logs:CreateLogStream, logs:DescribeLogStreams, logs:PutLogEvents on log group /ecs/exec-sessions',
            'cluster Cluster',
            'service Service',
          ],
        },
      ],
    },
    {
      name: 'the cluster logs sessions to an S3 bucket the task role cannot write to',
      files: { 'app.yaml': s3Missing },
      expect: [{ line: lineOf(s3Missing, 'S3BucketName:'), message: ['does not allow s3:PutObject, s3:GetEncryptionConfiguration, s3:GetBucketLocation on S3 bucket'] }],
    },
    {
      name: 'the task role may write to another prefix of the bucket only (a warning that names the bucket)',
      files: { 'app.yaml': putObjectOtherPrefix },
      expect: [{ message: ['allow s3:PutObject on S3 bucket ExecBucket'] }],
    },
    {
      name: 'the cluster encrypts sessions with a KMS key the task role cannot use',
      files: { 'app.yaml': kmsMissing },
      expect: [{ line: lineOf(kmsMissing, 'KmsKeyId:'), message: ['does not allow kms:Decrypt on KMS key', 'execute-command fails'] }],
    },
    {
      name: 'key, log group and bucket are all missing (one finding each, at the property that configures it)',
      files: { 'app.yaml': allMissing },
      expect: [
        { line: lineOf(allMissing, 'KmsKeyId:'), message: ['kms:Decrypt'] },
        { line: lineOf(allMissing, 'CloudWatchLogGroupName:'), message: ['logs:DescribeLogGroups'] },
        { line: lineOf(allMissing, 'S3BucketName:'), message: ['s3:PutObject'] },
      ],
    },
    {
      name: 'Logging is DEFAULT and the task role cannot write to the awslogs group',
      files: { 'app.yaml': defaultMissing },
      expect: [{ line: lineOf(defaultMissing, 'Logging: DEFAULT'), message: ['awslogs log group /ecs/app'] }],
    },
    {
      name: 'an EC2 task without a task role falls back to an instance role that cannot use the key',
      files: { 'ec2.yaml': ec2Fallback },
      expect: [{ message: ['Instance role InstanceRole (task definition TaskDefinition has no task role) does not allow kms:Decrypt'] }],
    },
    {
      name: 'the grant may come from a customer managed policy the repository does not define',
      files: { 'app.yaml': unknownManaged },
      expect: [{ severity: 'warning', message: ['may not allow', `policy/exec-logging`] }],
    },
    {
      name: 'a CloudFormation JSON task role has only the exec actions',
      files: { 'app.template.json': cfnJsonMissing },
      expect: [{ path: 'app.template.json', line: lineOf(cfnJsonMissing, '"CloudWatchLogGroupName"'), message: ['TaskRole', '/ecs/exec-sessions'] }],
    },
  ],
});

test('the fix for the CloudWatch destination adds DescribeLogGroups on * and the stream actions on the group, clearing the finding', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': cloudWatchMissing });
  assert.match(patched['app.yaml'], /logs:DescribeLogGroups/);
  assert.match(patched['app.yaml'], /log-group:\/ecs\/exec-sessions:\*/);
});

test('the fix for the S3 destination writes the object and bucket statements', () => {
  assertFirstFixResolves(rule, { 'app.yaml': s3Missing });
});

test('the fix for the KMS key grants kms:Decrypt on !GetAtt ExecKey.Arn', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': kmsMissing });
  assert.match(patched['app.yaml'], /!GetAtt ExecKey\.Arn/);
});

test('the fix for a CloudFormation JSON template keeps valid JSON', () => {
  const patched = assertFirstFixResolves(rule, { 'app.template.json': cfnJsonMissing });
  assert.doesNotThrow(() => JSON.parse(patched['app.template.json']));
});

test('each finding of a cluster with several destinations has its own fix, and applying all clears the rule', () => {
  let files: Record<string, string> = { 'app.yaml': allMissing };
  for (let i = 0; i < 3; i++) {
    const [finding] = findingsOf(lintFiles(files), rule);
    assert.ok(finding?.fixes[0], `finding ${i} has no fix`);
    files = applyFix(files, finding.fixes[0]);
  }
  assert.equal(findingsOf(lintFiles(files), rule).length, 0);
});
