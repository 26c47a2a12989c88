import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import {
  account,
  assertFirstFixResolves,
  describeTaskDefinition,
  ec2CapacityYaml,
  ec2ContainerServicePolicyArn,
  executionPolicyArn,
  indent,
  json,
  lineOf,
  registerTaskDefinition,
  roleYaml,
  seedFiles,
  taskDefinitionYaml,
  yamlTemplate,
  type RoleOptions,
} from './cfn-snippets.js';

const rule = 'firelens-destination-permissions';

const firehoseOptions = 'Name: kinesis_firehose\nregion: us-east-1\ndelivery_stream: shop-logs';
const firehoseGrant = `
- Effect: Allow
  Action: firehose:PutRecordBatch
  Resource: !Sub arn:\${AWS::Partition}:firehose:us-east-1:\${AWS::AccountId}:deliverystream/shop-logs`;

interface TemplateOptions {
  /** The task role; `null` for none. */
  taskRole?: RoleOptions | null;
  /** awsfirelens Options written at column 0. */
  options?: string;
  compatibilities?: string;
  extraResources?: string[];
  metadata?: string;
}

/** A log router and an app container whose logs go through FireLens to the output `options` describes. */
function firelensTemplate(options: TemplateOptions = {}): string {
  const { taskRole = {}, options: outputOptions = firehoseOptions, compatibilities = '[FARGATE]', extraResources = [], metadata } = options;
  const task = taskDefinitionYaml({
    compatibilities,
    executionRoleArn: '!GetAtt ExecutionRole.Arn',
    metadata,
    containers: `
- Name: log_router
  Image: public.ecr.aws/aws-observability/aws-for-fluent-bit:stable
  FirelensConfiguration:
    Type: fluentbit
- Name: app
  Image: public.ecr.aws/docker/library/httpd:2.4
  LogConfiguration:
    LogDriver: awsfirelens
    Options:
${indent(outputOptions, 6)}`,
  }).replace('      ExecutionRoleArn:', taskRole ? '      TaskRoleArn: !GetAtt TaskRole.Arn\n      ExecutionRoleArn:' : '      ExecutionRoleArn:');
  return yamlTemplate([
    ...extraResources,
    roleYaml({ managedPolicyArns: [executionPolicyArn.sub] }),
    ...(taskRole ? [roleYaml({ logicalId: 'TaskRole', ...taskRole })] : []),
    task,
  ]);
}
const granting = (statements: string, rest: Omit<TemplateOptions, 'taskRole'> = {}) => firelensTemplate({ taskRole: { statements }, ...rest });

const cloudwatchGo = 'Name: cloudwatch\nregion: us-east-1\nlog_group_name: /ecs/shop\nlog_stream_prefix: app-\nauto_create_group: "true"';
const cloudwatchC = 'Name: cloudwatch_logs\nregion: us-east-1\nlog_group_name: /ecs/shop\nlog_stream_prefix: app-';
const logsGrant = (actions: string, resource = '!Sub arn:${AWS::Partition}:logs:us-east-1:${AWS::AccountId}:log-group:/ecs/shop:*') => `
- Effect: Allow
  Action: [${actions}]
  Resource: ${resource}`;
const kinesisOptions = 'Name: kinesis_streams\nregion: eu-west-1\nstream: clickstream';
const s3Options = 'Name: s3\nregion: us-east-1\nbucket: shop-log-archive\ntotal_file_size: 1M';
const crossAccountArn = 'arn:aws:iam::222222222222:role/central-logging-writer';

function cfnJson(statements: Record<string, unknown>[]): string {
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
  return json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      TaskRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: trust,
          ...(statements.length ? { Policies: [{ PolicyName: 'logs', PolicyDocument: { Version: '2012-10-17', Statement: statements } }] } : {}),
        },
      },
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          RequiresCompatibilities: ['EC2'],
          TaskRoleArn: { Ref: 'TaskRole' },
          ContainerDefinitions: [
            { Name: 'log_router', Image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable', Memory: 128, FirelensConfiguration: { Type: 'fluentbit' } },
            {
              Name: 'app',
              Image: 'nginx:1.27',
              Memory: 256,
              LogConfiguration: { LogDriver: 'awsfirelens', Options: { Name: 'firehose', region: 'us-east-1', delivery_stream: 'shop-logs' } },
            },
          ],
        },
      },
    },
  });
}

const rolesTemplate = (role: RoleOptions = {}) => yamlTemplate([roleYaml({ logicalId: 'AppTaskRole', roleName: 'app-task', ...role })]);
const taskJson = (options: Record<string, string>) => ({
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  taskRoleArn: `arn:aws:iam::${account}:role/app-task`,
  containerDefinitions: [
    { name: 'log_router', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable', firelensConfiguration: { type: 'fluentbit' } },
    { name: 'app', image: 'nginx:1.27', logConfiguration: { logDriver: 'awsfirelens', options } },
  ],
});
const registerJson = (options: Record<string, string> = { Name: 'cloudwatch_logs', region: 'us-east-1', log_group_name: '/ecs/shop', log_stream_prefix: 'app-' }) =>
  registerTaskDefinition(taskJson(options));
const describeJson = describeTaskDefinition(taskJson({ Name: 'kinesis', region: 'eu-west-1', stream: 'clickstream' }));

const firehoseMissing = firelensTemplate();
const goMissingExtras = granting(logsGrant('logs:CreateLogStream, logs:PutLogEvents'), { options: cloudwatchGo });
const retention = granting(logsGrant('logs:CreateLogStream, logs:PutLogEvents'), { options: `${cloudwatchC}\nlog_retention_days: "30"` });
const kinesisOther = granting('\n- Effect: Allow\n  Action: kinesis:PutRecords\n  Resource: !Sub arn:${AWS::Partition}:kinesis:eu-west-1:${AWS::AccountId}:stream/orders', { options: kinesisOptions });
const s3Other = granting('\n- Effect: Allow\n  Action: s3:PutObject\n  Resource: arn:aws:s3:::shop-backups/*', { options: s3Options });
const crossAccountNoAssume = granting(firehoseGrant, { options: `${cloudwatchC}\nrole_arn: ${crossAccountArn}` });
const assumedInRepo = granting(`\n- Effect: Allow\n  Action: sts:AssumeRole\n  Resource: !GetAtt LogWriterRole.Arn`, {
  options: `${cloudwatchC}\nrole_arn: !GetAtt LogWriterRole.Arn`,
  extraResources: [roleYaml({ logicalId: 'LogWriterRole', roleName: 'log-writer' })],
});
const noTaskRoleFargate = firelensTemplate({ taskRole: null });
const runtimeGroup = (resource: string) =>
  granting(logsGrant('logs:CreateLogStream, logs:PutLogEvents', resource), {
    options: 'Name: cloudwatch_logs\nregion: us-east-1\nlog_group_name: /aws/ecs/containerinsights/$(ecs_cluster)/application\nlog_stream_name: $(ecs_task_id)',
  });

testRule(rule, {
  valid: [
    { name: 'the seed setup is linted', files: seedFiles },
    { name: 'the task role allows firehose:PutRecordBatch on the delivery stream', files: { 'app.yaml': granting(firehoseGrant) } },
    { name: 'the C cloudwatch_logs plugin needs only the stream actions', files: { 'app.yaml': granting(logsGrant('logs:CreateLogStream, logs:PutLogEvents'), { options: cloudwatchC }) } },
    {
      name: 'the Go cloudwatch plugin with auto_create_group is granted every action it calls',
      files: { 'app.yaml': granting(logsGrant('logs:CreateLogGroup, logs:CreateLogStream, logs:PutLogEvents, logs:DescribeLogStreams'), { options: cloudwatchGo }) },
    },
    {
      name: 'the Kinesis stream is granted by a wildcard',
      files: { 'app.yaml': granting('\n- Effect: Allow\n  Action: kinesis:Put*\n  Resource: !Sub arn:${AWS::Partition}:kinesis:*:${AWS::AccountId}:stream/*', { options: kinesisOptions }) },
    },
    { name: 'the s3 plugin writes under fluent-bit-logs/ and the role allows that prefix', files: { 'app.yaml': granting('\n- Effect: Allow\n  Action: s3:PutObject\n  Resource: arn:aws:s3:::shop-log-archive/fluent-bit-logs/*', { options: s3Options }) } },
    { name: 'the log group name is filled at run time ($(ecs_cluster)) and the role allows every group under the prefix', files: { 'app.yaml': runtimeGroup('!Sub arn:${AWS::Partition}:logs:us-east-1:${AWS::AccountId}:log-group:/aws/ecs/containerinsights/*') } },
    {
      name: 'the delivery stream is !Ref of a stream in the template and the policy names its !GetAtt Arn',
      files: {
        'app.yaml': granting('\n- Effect: Allow\n  Action: firehose:PutRecordBatch\n  Resource: !GetAtt DeliveryStream.Arn', {
          options: 'Name: kinesis_firehose\nregion: !Ref AWS::Region\ndelivery_stream: !Ref DeliveryStream',
          extraResources: ['  DeliveryStream:\n    Type: AWS::KinesisFirehose::DeliveryStream\n    Properties:\n      DeliveryStreamType: DirectPut\n'],
        }),
      },
    },
    {
      name: 'the log group is !Ref of a group in the template and the policy names !Sub ${LogGroup.Arn}',
      files: {
        'app.yaml': granting("\n- Effect: Allow\n  Action: [logs:CreateLogStream, logs:PutLogEvents]\n  Resource: !Sub '${LogGroup.Arn}'", {
          options: 'Name: cloudwatch_logs\nregion: !Ref AWS::Region\nlog_group_name: !Ref LogGroup\nlog_stream_prefix: app-',
          extraResources: ['  LogGroup:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 30\n'],
        }),
      },
    },
    { name: 'the output is not an AWS service (datadog)', files: { 'app.yaml': firelensTemplate({ taskRole: null, options: 'Name: datadog\nHost: http-intake.logs.datadoghq.com\nTLS: "on"' }) } },
    { name: 'awsfirelens without options (outputs come from a custom configuration file)', files: { 'app.yaml': firelensTemplate({ options: '{}' }).replace('    Options:\n      {}\n', '') } },
    {
      name: 'the plugin assumes a cross-account role and the task role may assume it (the other account is not verifiable)',
      files: { 'app.yaml': granting(`\n- Effect: Allow\n  Action: sts:AssumeRole\n  Resource: ${crossAccountArn}`, { options: `${cloudwatchC}\nrole_arn: ${crossAccountArn}` }) },
    },
    {
      name: 'an EC2 task without a task role whose instance role allows the output',
      files: {
        'app.yaml': yamlTemplate([
          ec2CapacityYaml({ managedPolicyArns: [ec2ContainerServicePolicyArn], statements: firehoseGrant }),
          roleYaml({ managedPolicyArns: [executionPolicyArn.sub] }),
          taskDefinitionYaml({
            compatibilities: '[EC2]',
            containers: `- Name: app\n  Image: nginx:1.27\n  Memory: 256\n  LogConfiguration:\n    LogDriver: awsfirelens\n    Options:\n${indent(firehoseOptions, 6)}`,
          }),
        ]),
      },
    },
    { name: 'the task role is external and undeclared (role-not-verifiable notes it)', files: { 'deploy/taskdef.json': registerJson() } },
    { name: 'a CloudFormation JSON task role allows the delivery stream', files: { 'app.template.json': cfnJson([{ Effect: 'Allow', Action: 'firehose:PutRecordBatch', Resource: '*' }]) } },
    {
      name: 'a register-input task definition whose task role in a template allows the log group',
      files: { 'infra/roles.yaml': rolesTemplate({ statements: logsGrant('logs:CreateLogStream, logs:PutLogEvents', "'*'") }), 'deploy/taskdef.json': registerJson() },
    },
    {
      name: 'a describe-output task definition whose task role allows the Kinesis stream',
      files: { 'infra/roles.yaml': rolesTemplate({ statements: '\n- Effect: Allow\n  Action: kinesis:PutRecords\n  Resource: arn:aws:kinesis:eu-west-1:123456789012:stream/clickstream' }), 'deploy/describe.json': describeJson },
    },
    { name: 'the task definition ignores the rule in its Metadata', files: { 'app.yaml': firelensTemplate({ metadata: `ecs-iam-lint:\n  ignore: [${rule}]` }) } },
  ],
  invalid: [
    {
      name: 'the task role has no Firehose permission',
      files: { 'app.yaml': firehoseMissing },
      expect: [
        {
          line: lineOf(firehoseMissing, 'Name: kinesis_firehose'),
          severity: 'warning',
          message: [
            'Task role TaskRole of task definition TaskDefinition does not allow firehose:PutRecordBatch that the FireLens kinesis_firehose output of container app needs to write to delivery stream shop-logs',
            'logs are dropped',
          ],
        },
      ],
    },
    {
      name: 'the Go cloudwatch plugin lacks DescribeLogStreams and, with auto_create_group, CreateLogGroup',
      files: { 'app.yaml': goMissingExtras },
      expect: [{ severity: 'warning', message: ['does not allow logs:DescribeLogStreams, logs:CreateLogGroup', 'log group /ecs/shop'] }],
    },
    { name: 'log_retention_days needs logs:PutRetentionPolicy', files: { 'app.yaml': retention }, expect: [{ message: ['logs:PutRetentionPolicy'] }] },
    { name: 'the Kinesis grant names another stream', files: { 'app.yaml': kinesisOther }, expect: [{ message: ['does not allow kinesis:PutRecords', 'Kinesis stream clickstream'] }] },
    { name: 'the s3 plugin writes to a bucket the role cannot write', files: { 'app.yaml': s3Other }, expect: [{ message: ['does not allow s3:PutObject', 'bucket shop-log-archive'] }] },
    {
      name: 'the plugin assumes a cross-account role the task role may not assume',
      files: { 'app.yaml': crossAccountNoAssume },
      expect: [{ line: lineOf(crossAccountNoAssume, 'Name: cloudwatch_logs'), message: ['does not allow sts:AssumeRole', `assume ${crossAccountArn} (its role_arn)`] }],
    },
    {
      name: 'the plugin assumes a role of the repository that cannot write to the log group',
      files: { 'app.yaml': assumedInRepo },
      expect: [{ message: ['Role log-writer, which the plugin assumes through role_arn, of task definition TaskDefinition does not allow logs:CreateLogStream, logs:PutLogEvents'] }],
    },
    {
      name: 'a Fargate task definition without a task role',
      files: { 'app.yaml': noTaskRoleFargate },
      expect: [{ line: lineOf(noTaskRoleFargate, 'Name: kinesis_firehose'), message: ['Task definition TaskDefinition has no task role', 'firehose:PutRecordBatch', 'delivery stream shop-logs'] }],
    },
    {
      name: 'the log group name is filled at run time and the role allows one fixed group only',
      files: { 'app.yaml': runtimeGroup('!Sub arn:${AWS::Partition}:logs:us-east-1:${AWS::AccountId}:log-group:/aws/ecs/containerinsights/prod/application:*') },
      expect: [{ message: ['may not allow logs:CreateLogStream, logs:PutLogEvents', '$(ecs_cluster)'] }],
    },
    { name: 'a CloudFormation JSON task role without Firehose permission', files: { 'app.template.json': cfnJson([]) }, expect: [{ message: ['firehose:PutRecordBatch'] }] },
    {
      name: 'a register-input task definition whose task role cannot write to the log group',
      files: { 'infra/roles.yaml': rolesTemplate(), 'deploy/taskdef.json': registerJson() },
      expect: [{ path: 'deploy/taskdef.json', message: ['Task role app-task of task definition app does not allow logs:CreateLogStream, logs:PutLogEvents'] }],
    },
    {
      name: 'a describe-output task definition whose task role cannot write to the stream',
      files: { 'infra/roles.yaml': rolesTemplate(), 'deploy/describe.json': describeJson },
      expect: [{ path: 'deploy/describe.json', message: ['kinesis:PutRecords'] }],
    },
  ],
});

test('the fix grants the delivery stream on the task role', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': firehoseMissing });
  assert.match(patched['app.yaml'], /firehose:PutRecordBatch[\s\S]*deliverystream\/shop-logs/);
});

test('the fix for the Go plugin adds the missing actions on the log group', () => {
  assertFirstFixResolves(rule, { 'app.yaml': goMissingExtras });
});

test('the fix for a cross-account role_arn lets the task role assume it', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': crossAccountNoAssume });
  assert.match(patched['app.yaml'], /sts:AssumeRole[\s\S]*central-logging-writer/);
});

test('the fix for a CloudFormation JSON role keeps valid JSON', () => {
  const patched = assertFirstFixResolves(rule, { 'app.template.json': cfnJson([]) });
  assert.doesNotThrow(() => JSON.parse(patched['app.template.json']));
});

test('the fix for a task-definition JSON edits the template that defines the task role', () => {
  const files = { 'infra/roles.yaml': rolesTemplate(), 'deploy/taskdef.json': registerJson() };
  const patched = assertFirstFixResolves(rule, files);
  assert.equal(patched['deploy/taskdef.json'], files['deploy/taskdef.json']);
});

test('a cross-account role_arn is reported as not verifiable, with the external task role', () => {
  const found = findingsOf(lintFiles({ 'deploy/taskdef.json': registerJson({ Name: 'cloudwatch', region: 'us-west-2', log_group_name: 'app', role_arn: crossAccountArn }) }), 'role-not-verifiable');
  assert.equal(found.length, 2);
  assert.ok(found.some((f) => f.message.includes(crossAccountArn) && f.message.includes('FireLens output permissions')));
});

test('the fix for a missing task role adds one that allows the output and sets TaskRoleArn', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': noTaskRoleFargate });
  const text = patched['app.yaml'];
  assert.match(text, /TaskRoleArn: !GetAtt TaskDefinitionTaskRole\.Arn/);
  assert.match(text, /TaskDefinitionTaskRole:\n\s+Type: AWS::IAM::Role[\s\S]*ecs-tasks\.amazonaws\.com[\s\S]*firehose:PutRecordBatch/);
});

test('a task-definition JSON without a task role gets no fix (it can only name a role by ARN)', () => {
  const files = { 'deploy/taskdef.json': registerTaskDefinition({ ...taskJson({ Name: 'kinesis', region: 'eu-west-1', stream: 'clickstream' }), taskRoleArn: undefined }) };
  const [finding] = findingsOf(lintFiles(files), rule);
  assert.match(finding.message, /has no task role/);
  assert.deepEqual(finding.fixes, []);
});
