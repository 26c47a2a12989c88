import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import {
  account,
  assertFirstFixResolves,
  describeTaskDefinition,
  ec2CapacityYaml,
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

const rule = 'firelens-config-permissions';

const configArn = 'arn:aws:s3:::shop-logging/fluent-bit/parsers.conf';
const readConfig = `
- Effect: Allow
  Action: s3:GetObject
  Resource: arn:aws:s3:::shop-logging/fluent-bit/*
- Effect: Allow
  Action: s3:GetBucketLocation
  Resource: arn:aws:s3:::shop-logging`;

interface TemplateOptions {
  role?: RoleOptions;
  compatibilities?: string;
  /** FirelensConfiguration Options written at column 0. */
  options?: string;
  extraResources?: string[];
  metadata?: string;
}

/** A log router loading its configuration from S3, and an app container logging through it. */
function firelensTemplate(options: TemplateOptions = {}): string {
  const {
    role = { managedPolicyArns: [executionPolicyArn.sub] },
    compatibilities = '[EC2]',
    options: firelensOptions = `config-file-type: s3\nconfig-file-value: ${configArn}`,
    extraResources = [],
    metadata,
  } = options;
  return yamlTemplate([
    ...extraResources,
    roleYaml(role),
    taskDefinitionYaml({
      compatibilities,
      executionRoleArn: '!GetAtt ExecutionRole.Arn',
      metadata,
      containers: `
- Name: log_router
  Image: public.ecr.aws/aws-observability/aws-for-fluent-bit:stable
  Memory: 128
  FirelensConfiguration:
    Type: fluentbit
    Options:
${indent(firelensOptions, 6)}
- Name: app
  Image: public.ecr.aws/docker/library/httpd:2.4
  Memory: 256
  LogConfiguration:
    LogDriver: awsfirelens
    Options:
      Name: stdout`,
    }),
  ]);
}
const withStatements = (statements: string, rest: Omit<TemplateOptions, 'role'> = {}) => firelensTemplate({ role: { statements, managedPolicyArns: [executionPolicyArn.sub] }, ...rest });

function cfnJson(statements: Record<string, unknown>[]): string {
  return json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      ExecutionRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          ...(statements.length ? { Policies: [{ PolicyName: 'firelens', PolicyDocument: { Version: '2012-10-17', Statement: statements } }] } : {}),
        },
      },
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          RequiresCompatibilities: ['EC2'],
          ExecutionRoleArn: { 'Fn::GetAtt': ['ExecutionRole', 'Arn'] },
          ContainerDefinitions: [
            {
              Name: 'log_router',
              Image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
              Memory: 128,
              FirelensConfiguration: { Type: 'fluentbit', Options: { 'config-file-type': 's3', 'config-file-value': configArn } },
            },
          ],
        },
      },
    },
  });
}

const rolesTemplate = (role: RoleOptions = {}) => yamlTemplate([roleYaml({ logicalId: 'AppExecutionRole', roleName: 'app-exec', ...role })]);
const routerJson = (fields: Record<string, unknown>, options: Record<string, string> = { 'config-file-type': 's3', 'config-file-value': configArn }) => ({
  executionRoleArn: `arn:aws:iam::${account}:role/app-exec`,
  containerDefinitions: [
    { name: 'log_router', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable', memory: 128, firelensConfiguration: { type: 'fluentbit', options } },
  ],
  ...fields,
});
const registerJson = (fields: Record<string, unknown> = { requiresCompatibilities: ['EC2'] }) => registerTaskDefinition(routerJson(fields));
const describeJson = describeTaskDefinition(routerJson({ requiresCompatibilities: ['EC2'] }));

const managedOnly = firelensTemplate();
const fargate = withStatements(readConfig, { compatibilities: '[FARGATE]' });
const fargateService = withStatements(readConfig, {
  compatibilities: '',
  extraResources: [
    `  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref TaskDefinition
      CapacityProviderStrategy:
        - CapacityProvider: FARGATE_SPOT
          Weight: 1
`,
  ],
});
const objectOnly = withStatements('\n- Effect: Allow\n  Action: s3:GetObject\n  Resource: arn:aws:s3:::shop-logging/*');
const unknownLaunch = withStatements(readConfig, { compatibilities: '' });

testRule(rule, {
  valid: [
    { name: 'the seed setup is linted', files: seedFiles },
    { name: 'the execution role reads the file and locates the bucket', files: { 'app.yaml': withStatements(readConfig) } },
    { name: 'the configuration is a file in the image (config-file-type file)', files: { 'app.yaml': firelensTemplate({ options: 'config-file-type: file\nconfig-file-value: /fluent-bit/etc/extra.conf', compatibilities: '[FARGATE]' }) } },
    {
      name: 'an EC2 task whose instance role could read it (the execution role is what ECS uses)',
      files: {
        'app.yaml': yamlTemplate([
          ec2CapacityYaml(),
          roleYaml({ statements: readConfig }),
          taskDefinitionYaml({
            compatibilities: '[EC2]',
            executionRoleArn: '!GetAtt ExecutionRole.Arn',
            containers: `- Name: log_router\n  Image: amazon/aws-for-fluent-bit:stable\n  Memory: 128\n  FirelensConfiguration:\n    Type: fluentbit\n    Options:\n      config-file-type: s3\n      config-file-value: ${configArn}`,
          }),
        ]),
      },
    },
    { name: 'the execution role is external and undeclared (role-not-verifiable notes it)', files: { 'deploy/taskdef.json': registerJson() } },
    { name: 'a CloudFormation JSON role grants both', files: { 'app.template.json': cfnJson([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:GetBucketLocation'], Resource: ['arn:aws:s3:::shop-logging', 'arn:aws:s3:::shop-logging/*'] }]) } },
    { name: 'a register-input task definition whose role in a template grants both', files: { 'infra/roles.yaml': rolesTemplate({ statements: readConfig }), 'deploy/taskdef.json': registerJson() } },
    { name: 'a describe-output task definition whose role grants both', files: { 'infra/roles.yaml': rolesTemplate({ statements: readConfig }), 'deploy/describe.json': describeJson } },
    { name: 'the task definition ignores the rule in its Metadata', files: { 'app.yaml': firelensTemplate({ metadata: 'ecs-iam-lint:\n  ignore: [firelens-config-permissions]' }) } },
  ],
  invalid: [
    {
      name: 'only AmazonECSTaskExecutionRolePolicy is attached on EC2',
      files: { 'app.yaml': managedOnly },
      expect: [
        {
          line: lineOf(managedOnly, 'config-file-value:'),
          severity: 'error',
          message: [
            `Execution role ExecutionRole of task definition TaskDefinition does not allow s3:GetObject on FireLens configuration file ${configArn} or s3:GetBucketLocation on bucket arn:aws:s3:::shop-logging for container log_router`,
            'cannot load its configuration',
          ],
        },
      ],
    },
    {
      name: 'the role reads the file but cannot locate the bucket (warning)',
      files: { 'app.yaml': objectOnly },
      expect: [{ severity: 'warning', message: ['does not allow s3:GetBucketLocation on bucket arn:aws:s3:::shop-logging'] }],
    },
    {
      name: 'a Fargate task definition uses config-file-type s3, which Fargate does not support (no permission finding on top)',
      files: { 'app.yaml': fargate },
      expect: [{ line: lineOf(fargate, 'config-file-type: s3'), severity: 'error', message: ['runs on Fargate', 'config-file-type s3', 'set config-file-type to file'] }],
    },
    {
      name: 'the task definition runs on Fargate through its service capacity provider',
      files: { 'app.yaml': fargateService },
      expect: [{ severity: 'error', message: ['runs on Fargate'] }],
    },
    {
      name: 'nothing says where the task runs (a notice about Fargate; the grants are complete)',
      files: { 'app.yaml': unknownLaunch },
      expect: [{ line: lineOf(unknownLaunch, 'config-file-type: s3'), severity: 'notice', message: ['does not say where it runs', 'Fargate does not support'] }],
    },
    {
      name: 'a Fargate register-input task definition with S3 configuration',
      files: { 'deploy/taskdef.json': registerJson({ requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512' }) },
      expect: [{ path: 'deploy/taskdef.json', severity: 'error', message: ['runs on Fargate'] }],
    },
    { name: 'a CloudFormation JSON role without S3 read', files: { 'app.template.json': cfnJson([]) }, expect: [{ severity: 'error', message: ['s3:GetObject on FireLens configuration file'] }] },
    {
      name: 'a register-input task definition whose role in a template cannot read the file',
      files: { 'infra/roles.yaml': rolesTemplate(), 'deploy/taskdef.json': registerJson() },
      expect: [{ path: 'deploy/taskdef.json', severity: 'error', message: ['Execution role app-exec of task definition app'] }],
    },
    {
      name: 'a describe-output task definition whose role cannot read the file',
      files: { 'infra/roles.yaml': rolesTemplate(), 'deploy/describe.json': describeJson },
      expect: [{ path: 'deploy/describe.json', severity: 'error', message: ['s3:GetObject'] }],
    },
  ],
});

test('the Fargate finding offers no fix: the file has to move into an image', () => {
  const [finding] = findingsOf(lintFiles({ 'app.yaml': fargate }), rule);
  assert.deepEqual(finding.fixes, []);
});

test('the fix adds both statements to the execution role', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': managedOnly });
  assert.match(patched['app.yaml'], /PolicyName: firelens-config/);
});

test('the fix for a CloudFormation JSON role keeps valid JSON', () => {
  const patched = assertFirstFixResolves(rule, { 'app.template.json': cfnJson([]) });
  assert.doesNotThrow(() => JSON.parse(patched['app.template.json']));
});

test('the fix for a task-definition JSON edits the role template', () => {
  const files = { 'infra/roles.yaml': rolesTemplate(), 'deploy/taskdef.json': registerJson() };
  const patched = assertFirstFixResolves(rule, files);
  assert.equal(patched['deploy/taskdef.json'], files['deploy/taskdef.json']);
});
