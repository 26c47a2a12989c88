import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import {
  account,
  assertFirstFixResolves,
  describeTaskDefinition,
  ec2CapacityYaml,
  executionPolicyArn,
  json,
  lineOf,
  registerTaskDefinition,
  roleYaml,
  seedFiles,
  taskDefinitionYaml,
  yamlTemplate,
  type RoleOptions,
} from './cfn-snippets.js';

const rule = 'pull-through-cache-permissions';

const cacheRule = (prefix = 'docker-hub', logicalId = 'DockerHubCache') => `  ${logicalId}:
    Type: AWS::ECR::PullThroughCacheRule
    Properties:
      EcrRepositoryPrefix: ${prefix}
      UpstreamRegistry: docker-hub
      UpstreamRegistryUrl: registry-1.docker.io
      CredentialArn: !Sub arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:ecr-pullthroughcache/docker-hub
`;
const cachedImage = '!Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/docker-hub/library/nginx:1.27';
const importGrant = `
- Effect: Allow
  Action: [ecr:BatchImportUpstreamImage, ecr:CreateRepository]
  Resource: !Sub arn:\${AWS::Partition}:ecr:\${AWS::Region}:\${AWS::AccountId}:repository/docker-hub/*`;

interface TemplateOptions {
  role?: RoleOptions;
  image?: string;
  rules?: string[];
  extraResources?: string[];
  compatibilities?: string;
  executionRole?: boolean;
  metadata?: string;
}

function cacheTemplate(options: TemplateOptions = {}): string {
  const { role = { managedPolicyArns: [executionPolicyArn.sub] }, image = cachedImage, rules = [cacheRule()], extraResources = [], compatibilities = '[FARGATE]', executionRole = true, metadata } = options;
  return yamlTemplate([
    ...rules,
    ...extraResources,
    ...(executionRole ? [roleYaml(role)] : []),
    taskDefinitionYaml({
      compatibilities,
      executionRoleArn: executionRole ? '!GetAtt ExecutionRole.Arn' : undefined,
      metadata,
      containers: `
- Name: web
  Image: ${image}
  Memory: 256`,
    }),
  ]);
}
const withStatements = (statements: string, rest: Omit<TemplateOptions, 'role'> = {}) => cacheTemplate({ role: { statements, managedPolicyArns: [executionPolicyArn.sub] }, ...rest });

function cfnJson(statements: Record<string, unknown>[]): string {
  return json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      QuayCache: { Type: 'AWS::ECR::PullThroughCacheRule', Properties: { EcrRepositoryPrefix: 'quay', UpstreamRegistryUrl: 'quay.io' } },
      ExecutionRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }],
          ...(statements.length ? { Policies: [{ PolicyName: 'cache', PolicyDocument: { Version: '2012-10-17', Statement: statements } }] } : {}),
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
          ContainerDefinitions: [{ Name: 'web', Image: { 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/quay/prometheus/node-exporter:v1.8.0' } }],
        },
      },
    },
  });
}

/** Cache rule and execution role in one template; the task definitions are JSON naming `app-exec`. */
const infraTemplate = (role: RoleOptions = {}) => yamlTemplate([cacheRule(), roleYaml({ logicalId: 'AppExecutionRole', roleName: 'app-exec', managedPolicyArns: [executionPolicyArn.sub], ...role })]);
const jsonImage = `${account}.dkr.ecr.us-east-1.amazonaws.com/docker-hub/library/redis:7`;
const registerJson = registerTaskDefinition({
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  executionRoleArn: `arn:aws:iam::${account}:role/app-exec`,
  containerDefinitions: [{ name: 'cache', image: jsonImage }],
});
const describeJson = describeTaskDefinition({
  requiresCompatibilities: ['EC2'],
  executionRoleArn: `arn:aws:iam::${account}:role/app-exec`,
  containerDefinitions: [{ name: 'cache', image: jsonImage, memory: 256 }],
});

const managedOnly = cacheTemplate();
const ec2InstanceRole = cacheTemplate({ compatibilities: '[EC2]', executionRole: false, extraResources: [ec2CapacityYaml()] });
const unknownManaged = cacheTemplate({ role: { managedPolicyArns: [executionPolicyArn.sub, `arn:aws:iam::${account}:policy/ecr-cache`] } });
const rootRule = cacheTemplate({ rules: [cacheRule('ROOT', 'EcrToEcrCache')], image: '!Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/team-a/api:2' });

testRule(rule, {
  valid: [
    { name: 'the seed setup is linted', files: seedFiles },
    { name: 'the execution role may import into the docker-hub/ cache', files: { 'app.yaml': withStatements(importGrant) } },
    { name: 'the image path looks like a cache (docker-hub/) but the repository defines no pull-through cache rule', files: { 'app.yaml': cacheTemplate({ rules: [] }) } },
    {
      name: 'the image is in an ordinary repository beside a cache rule',
      files: { 'app.yaml': cacheTemplate({ image: '!Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/shop/api:2' }) },
    },
    {
      name: 'a ROOT rule does not claim a repository the template creates itself',
      files: {
        'app.yaml': cacheTemplate({
          rules: [cacheRule('ROOT', 'EcrToEcrCache')],
          extraResources: ['  ApiRepository:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryName: team-a/api\n'],
          image: '!Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/team-a/api:2',
        }),
      },
    },
    { name: 'a prefix that only starts the first segment (docker-hubby/) is not the cache', files: { 'app.yaml': cacheTemplate({ image: '!Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/docker-hubby/nginx:1' }) } },
    {
      name: 'the image is in another account than the configured one',
      files: { 'infra/app.yaml': infraTemplate(), 'deploy/taskdef.json': registerJson },
      config: { account: '210987654321' },
    },
    { name: 'the execution role is external (role-not-verifiable notes it)', files: { 'infra/cache.yaml': yamlTemplate([cacheRule()]), 'deploy/taskdef.json': registerJson } },
    { name: 'a CloudFormation JSON role may import into quay/', files: { 'app.template.json': cfnJson([{ Effect: 'Allow', Action: 'ecr:BatchImportUpstreamImage', Resource: '*' }]) } },
    { name: 'a register-input task definition whose role in the infra template may import', files: { 'infra/app.yaml': infraTemplate({ statements: importGrant }), 'deploy/taskdef.json': registerJson } },
    { name: 'the task definition ignores the rule in its Metadata', files: { 'app.yaml': cacheTemplate({ metadata: `ecs-iam-lint:\n  ignore: [${rule}]` }) } },
  ],
  invalid: [
    {
      name: 'the execution role has only AmazonECSTaskExecutionRolePolicy (no pull-through cache action)',
      files: { 'app.yaml': managedOnly },
      expect: [
        {
          line: lineOf(managedOnly, 'Image:'),
          severity: 'warning',
          message: [
            'Execution role ExecutionRole of task definition TaskDefinition does not allow ecr:BatchImportUpstreamImage on docker-hub/library/nginx, which pull-through cache rule DockerHubCache (prefix docker-hub) fills from upstream',
            'registry permissions policy',
            'ecr:CreateRepository',
          ],
        },
      ],
    },
    {
      name: 'an EC2 task without an execution role pulls with the instance role',
      files: { 'app.yaml': ec2InstanceRole },
      expect: [{ severity: 'warning', message: ['Instance role InstanceRole (used because the task definition has no execution role)', 'ecr:BatchImportUpstreamImage'] }],
    },
    {
      name: 'a customer managed policy the repository does not define may grant it',
      files: { 'app.yaml': unknownManaged },
      expect: [{ severity: 'warning', message: ['may not allow ecr:BatchImportUpstreamImage', `arn:aws:iam::${account}:policy/ecr-cache`] }],
    },
    { name: 'a ROOT rule claims every other repository', files: { 'app.yaml': rootRule }, expect: [{ message: ['team-a/api', 'EcrToEcrCache (prefix ROOT)'] }] },
    { name: 'a CloudFormation JSON role lacks the action', files: { 'app.template.json': cfnJson([]) }, expect: [{ severity: 'warning', message: ['quay/prometheus/node-exporter', 'QuayCache'] }] },
    {
      name: 'a register-input task definition pulls through the cache defined in another template',
      files: { 'infra/app.yaml': infraTemplate(), 'deploy/taskdef.json': registerJson },
      expect: [{ path: 'deploy/taskdef.json', message: ['Execution role app-exec of task definition app does not allow ecr:BatchImportUpstreamImage on docker-hub/library/redis'] }],
    },
    {
      name: 'a describe-output EC2 task definition with an execution role',
      files: { 'infra/app.yaml': infraTemplate(), 'deploy/describe.json': describeJson },
      expect: [{ path: 'deploy/describe.json', message: ['Execution role app-exec'] }],
    },
  ],
});

test('the fix grants both cache actions on every repository under the prefix', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': managedOnly });
  assert.match(patched['app.yaml'], /ecr:BatchImportUpstreamImage[\s\S]*ecr:CreateRepository[\s\S]*repository\/docker-hub\/\*/);
});

test('the fix for the instance role edits the instance role', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': ec2InstanceRole });
  assert.match(patched['app.yaml'], /PolicyName: pull-through-cache/);
});

test('the fix for a CloudFormation JSON role keeps valid JSON', () => {
  const patched = assertFirstFixResolves(rule, { 'app.template.json': cfnJson([]) });
  assert.doesNotThrow(() => JSON.parse(patched['app.template.json']));
});

test('the fix for a task-definition JSON edits the template that defines the role', () => {
  const files = { 'infra/app.yaml': infraTemplate(), 'deploy/taskdef.json': registerJson };
  const patched = assertFirstFixResolves(rule, files);
  assert.equal(patched['deploy/taskdef.json'], files['deploy/taskdef.json']);
});

test('the finding names the cache rule template among its related files', () => {
  const [finding] = findingsOf(lintFiles({ 'infra/app.yaml': infraTemplate(), 'deploy/taskdef.json': registerJson }), rule);
  assert.deepEqual(finding.relatedPaths, ['infra/app.yaml']);
});
