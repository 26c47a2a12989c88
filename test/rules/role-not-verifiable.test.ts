import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFindings, findingsOf, lintFiles, testRule } from '../rule-tester.js';
import {
  account,
  awslogsContainer,
  describeTaskDefinition,
  ecrImage,
  executionPolicyArn,
  json,
  lineOf,
  logGroupYaml,
  privateImage,
  registerTaskDefinition,
  roleYaml,
  seedFiles,
  taskDefinitionYaml,
  yamlTemplate,
} from './cfn-snippets.js';

const rule = 'role-not-verifiable';
const permissionRules = ['ecr-pull-permissions', 'awslogs-permissions', 'awslogs-create-group-permission', 'secrets-permissions'];

const externalArn = `arn:aws:iam::${account}:role/platform-task-execution`;

/** A register-input Fargate task that pulls from ECR, ships awslogs (creating the group) and reads a secret. */
function registerEverything(executionRoleArn: string, family = 'app'): string {
  return registerTaskDefinition({
    family,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    executionRoleArn,
    containerDefinitions: [
      {
        name: 'app',
        image: ecrImage,
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/app', 'awslogs-region': 'us-east-1', 'awslogs-create-group': 'true', 'awslogs-stream-prefix': 'app' } },
        secrets: [{ name: 'API_KEY', valueFrom: '/app/api-key' }],
      },
    ],
  });
}
const everything = registerEverything(externalArn);

const parameterRole = yamlTemplate(
  [logGroupYaml, taskDefinitionYaml({ compatibilities: '[FARGATE]', executionRoleArn: '!Ref ExecutionRoleArn', containers: awslogsContainer() })],
  'Parameters:\n  ExecutionRoleArn:\n    Type: String\n    Description: ARN of the shared task execution role',
);
const importedRole = yamlTemplate([
  taskDefinitionYaml({ compatibilities: '[FARGATE]', executionRoleArn: '!ImportValue platform-TaskExecutionRoleArn', containers: `- Name: app\n  Image: ${privateImage}` }),
]);
const literalArnInTemplate = yamlTemplate([
  taskDefinitionYaml({
    compatibilities: '[FARGATE]',
    executionRoleArn: '!Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/ecsTaskExecutionRole',
    containers: `- Name: app\n  Image: ${privateImage}`,
  }),
]);

const cfnJsonImported = json({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    TaskDefinition: {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: {
        RequiresCompatibilities: ['FARGATE'],
        ExecutionRoleArn: { 'Fn::ImportValue': 'platform-TaskExecutionRoleArn' },
        ContainerDefinitions: [{ Name: 'app', Image: ecrImage, Secrets: [{ Name: 'API_KEY', ValueFrom: '/app/api-key' }] }],
      },
    },
  },
});

const describeExternal = describeTaskDefinition({
  requiresCompatibilities: ['FARGATE'],
  executionRoleArn: externalArn,
  containerDefinitions: [{ name: 'app', image: ecrImage }],
});

const rolesTemplate = yamlTemplate([roleYaml({ logicalId: 'AppExecutionRole', roleName: 'app-exec', managedPolicyArns: [executionPolicyArn.sub] })]);

testRule(rule, {
  valid: [
    { name: 'the seed setup is linted', files: seedFiles },
    { name: 'the task-definition JSON names a role defined in a template of the run (by ARN)', files: { 'infra/roles.yaml': rolesTemplate, 'deploy/taskdef.json': registerEverything(`arn:aws:iam::${account}:role/app-exec`) } },
    { name: 'the task-definition JSON names a role defined in a template of the run (by plain name)', files: { 'infra/roles.yaml': rolesTemplate, 'deploy/taskdef.json': registerEverything('app-exec') } },
    {
      name: 'the external role needs no check: public image, no awslogs, no secrets',
      files: {
        'deploy/taskdef.json': registerTaskDefinition({ requiresCompatibilities: ['FARGATE'], executionRoleArn: externalArn, containerDefinitions: [{ name: 'app', image: 'nginx:1.27' }] }),
      },
    },
    {
      name: 'the external role is declared in config with its managed policies',
      files: { 'deploy/taskdef.json': everything },
      config: { externalRoles: [{ arn: externalArn, managedPolicies: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'] }] },
    },
    {
      name: 'the external role is declared in config with assumeCompliant',
      files: { 'deploy/taskdef.json': everything },
      config: { externalRoles: [{ arn: externalArn, assumeCompliant: true }] },
    },
    { name: 'a Fargate task has no execution role at all (execution-role-required, not this rule)', files: { 'deploy/taskdef.json': registerTaskDefinition({ requiresCompatibilities: ['FARGATE'], containerDefinitions: [{ name: 'app', image: ecrImage }] }) } },
    { name: 'the rule is turned off in config', files: { 'deploy/taskdef.json': everything }, config: { rules: { [rule]: 'off' } } },
    {
      name: 'the task definition resource ignores the rule in its Metadata',
      files: {
        'app.yaml': yamlTemplate(
          [
            logGroupYaml,
            taskDefinitionYaml({
              compatibilities: '[FARGATE]',
              executionRoleArn: '!Ref ExecutionRoleArn',
              metadata: 'ecs-iam-lint:\n  ignore: [role-not-verifiable]',
              containers: awslogsContainer(),
            }),
          ],
          'Parameters:\n  ExecutionRoleArn:\n    Type: String',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'a task-definition JSON names an ARN that no template defines (one notice listing every unverified check)',
      files: { 'deploy/taskdef.json': everything },
      expect: [
        {
          path: 'deploy/taskdef.json',
          line: lineOf(everything, '"image"'),
          severity: 'notice',
          message: [
            `Role '${externalArn}' is defined outside the repository`,
            'ECR pull permissions',
            'awslogs permissions',
            'logs:CreateLogGroup',
            'secret access',
            'external-roles',
          ],
        },
      ],
    },
    {
      name: 'the execution role is a template parameter',
      files: { 'app.yaml': parameterRole },
      expect: [{ path: 'app.yaml', line: lineOf(parameterRole, 'Image: !Sub'), severity: 'notice', message: ['given by parameter ExecutionRoleArn', 'ECR pull permissions and awslogs permissions'] }],
    },
    {
      name: 'the execution role is an !ImportValue',
      files: { 'app.yaml': importedRole },
      expect: [{ line: lineOf(importedRole, 'Image: !Sub'), severity: 'notice', message: ['imported from export platform-TaskExecutionRoleArn', 'ECR pull permissions'] }],
    },
    {
      name: 'the execution role is a literal ARN of a role no template defines',
      files: { 'app.yaml': literalArnInTemplate },
      expect: [{ severity: 'notice', message: ['ecsTaskExecutionRole', 'ECR pull permissions'] }],
    },
    {
      name: 'a CloudFormation JSON task definition imports its execution role',
      files: { 'app.template.json': cfnJsonImported },
      expect: [{ path: 'app.template.json', line: lineOf(cfnJsonImported, '"Image"'), severity: 'notice', message: ['imported from export platform-TaskExecutionRoleArn', 'ECR pull permissions and secret access'] }],
    },
    {
      name: 'a describe-output task definition names an external role',
      files: { 'deploy/describe.json': describeExternal },
      expect: [{ path: 'deploy/describe.json', severity: 'notice', message: [externalArn, 'ECR pull permissions'] }],
    },
    {
      name: 'the role name is defined by two templates (ambiguous, so not guessed)',
      files: { 'a/roles.yaml': rolesTemplate, 'b/roles.yaml': rolesTemplate, 'deploy/taskdef.json': registerEverything('app-exec') },
      expect: [{ path: 'deploy/taskdef.json', message: ["Role 'app-exec'"] }],
    },
    {
      name: 'config raises the severity to warning',
      files: { 'deploy/taskdef.json': everything },
      config: { rules: { [rule]: 'warning' } },
      expect: [{ severity: 'warning' }],
    },
  ],
});

test('an external role gets no permission finding, only the notice', () => {
  const result = lintFiles({ 'deploy/taskdef.json': everything, 'app.yaml': parameterRole, 'imported.yaml': importedRole });
  for (const other of permissionRules) assert.deepEqual(findingsOf(result, other), [], `${other}:\n${describeFindings(findingsOf(result, other))}`);
  assert.equal(findingsOf(result, rule).length, 3);
});

test('two task definitions in two files that use the same external role give exactly one notice', () => {
  const result = lintFiles({ 'deploy/api.json': registerEverything(externalArn, 'api'), 'deploy/worker.json': registerEverything(externalArn, 'worker') });
  const found = findingsOf(result, rule);
  assert.equal(found.length, 1, describeFindings(found));
  assert.equal(found[0].path, 'deploy/api.json');
});

test('two different external roles give one notice each', () => {
  const other = `arn:aws:iam::${account}:role/batch-exec`;
  const found = findingsOf(lintFiles({ 'deploy/api.json': registerEverything(externalArn, 'api'), 'deploy/batch.json': registerEverything(other, 'batch') }), rule);
  assert.deepEqual(
    found.map((f) => f.path),
    ['deploy/api.json', 'deploy/batch.json'],
  );
});

test('declaring the role in config replaces the notice with real findings', () => {
  const result = lintFiles({ 'deploy/taskdef.json': everything }, { externalRoles: [{ arn: externalArn, managedPolicies: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'] }] });
  assert.deepEqual(findingsOf(result, rule), []);
  assert.equal(findingsOf(result, 'awslogs-create-group-permission').length, 1);
  assert.equal(findingsOf(result, 'secrets-permissions').length, 1);
  assert.equal(findingsOf(result, 'ecr-pull-permissions').length, 0);
});

test('the notice has no fix (there is nothing in the repository to edit)', () => {
  const [finding] = findingsOf(lintFiles({ 'deploy/taskdef.json': everything }), rule);
  assert.deepEqual(finding.fixes, []);
});

test('a parameter with the same name in two templates is two different roles: one notice per template', () => {
  const found = findingsOf(lintFiles({ 'a/app.yaml': parameterRole, 'b/app.yaml': parameterRole }), rule);
  assert.deepEqual(
    found.map((f) => f.path),
    ['a/app.yaml', 'b/app.yaml'],
  );
});

test('the same import in two templates is one role: one notice', () => {
  const found = findingsOf(lintFiles({ 'a/app.yaml': importedRole, 'b/app.yaml': importedRole }), rule);
  assert.equal(found.length, 1, describeFindings(found));
});
