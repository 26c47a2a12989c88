import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import {
  account,
  assertFirstFixResolves,
  describeTaskDefinition,
  ec2CapacityYaml,
  ec2ContainerServicePolicyArn,
  json,
  lineOf,
  registerTaskDefinition,
  yamlTemplate,
  type RoleOptions,
} from './cfn-snippets.js';
import { seedCases } from './seed-variants.js';
import { taskRoleYaml, taskWithRoleYaml } from './task-role-snippets.js';

const rule = 'appmesh-envoy-permissions';
const envoyImage = '840364872350.dkr.ecr.us-west-2.amazonaws.com/aws-appmesh-envoy:v1.29.6.0-prod';
const nodeArn = '!Sub arn:${AWS::Partition}:appmesh:${AWS::Region}:${AWS::AccountId}:mesh/shop/virtualNode/cart';
const envoyPolicy = '!Sub arn:${AWS::Partition}:iam::aws:policy/AWSAppMeshEnvoyAccess';

const envoyContainers = (variable = 'APPMESH_RESOURCE_ARN', value = nodeArn) => `
- Name: app
  Image: public.ecr.aws/docker/library/httpd:2.4
  DependsOn:
    - ContainerName: envoy
      Condition: HEALTHY
- Name: envoy
  Image: ${envoyImage}
  Essential: true
  User: '1337'
  Environment:
    - Name: ${variable}
      Value: ${value}`;

const proxyConfiguration = `ProxyConfiguration:
  Type: APPMESH
  ContainerName: envoy
  ProxyConfigurationProperties:
    - Name: IgnoredUID
      Value: '1337'
    - Name: AppPorts
      Value: '8080'`;

function meshTemplate(role: RoleOptions | null, options: { containers?: string; proxy?: boolean; compatibilities?: string } = {}): string {
  const { containers = envoyContainers(), proxy = true, compatibilities = '[FARGATE]' } = options;
  return yamlTemplate([
    ...(role ? [taskRoleYaml(role)] : []),
    taskWithRoleYaml({ compatibilities, taskRoleArn: role ? '!GetAtt TaskRole.Arn' : undefined, containers, properties: proxy ? proxyConfiguration : undefined }),
  ]);
}

const streamOn = (resource: string) => `- Effect: Allow\n  Action: appmesh:StreamAggregatedResources\n  Resource: ${resource}`;
const noPermission = meshTemplate({ statements: "- Effect: Allow\n  Action: s3:GetObject\n  Resource: '*'" });
const otherNode = meshTemplate({ statements: streamOn('!Sub arn:${AWS::Partition}:appmesh:${AWS::Region}:${AWS::AccountId}:mesh/shop/virtualNode/payments') });
const noTaskRole = meshTemplate(null);
const envOnly = meshTemplate({}, { proxy: false, containers: envoyContainers('APPMESH_VIRTUAL_NODE_NAME', 'mesh/shop/virtualNode/cart') });
const unknownManaged = meshTemplate({ managedPolicyArns: [`arn:aws:iam::${account}:policy/mesh-access`] });
const ec2Template = (instanceRole: RoleOptions) => yamlTemplate([ec2CapacityYaml(instanceRole), taskWithRoleYaml({ compatibilities: '[EC2]', containers: envoyContainers(), properties: proxyConfiguration })]);
const ec2InstanceLacks = ec2Template({ managedPolicyArns: [ec2ContainerServicePolicyArn] });
const ec2InstanceGrants = ec2Template({ managedPolicyArns: [ec2ContainerServicePolicyArn, envoyPolicy] });

const sharedRoles = (statements: string) => yamlTemplate([taskRoleYaml({ roleName: 'mesh-task', statements })]);
const jsonTask = (fields: Record<string, unknown> = {}) => ({
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  taskRoleArn: `arn:aws:iam::${account}:role/mesh-task`,
  proxyConfiguration: { type: 'APPMESH', containerName: 'envoy', properties: [{ name: 'IgnoredUID', value: '1337' }] },
  containerDefinitions: [
    { name: 'app', image: 'nginx:1.27' },
    { name: 'envoy', image: envoyImage, essential: true, environment: [{ name: 'APPMESH_VIRTUAL_NODE_NAME', value: 'mesh/shop/virtualNode/cart' }] },
  ],
  ...fields,
});
const registerMesh = registerTaskDefinition(jsonTask());
const describeNoRole = describeTaskDefinition(jsonTask({ taskRoleArn: undefined }));
const registerExternal = registerTaskDefinition(jsonTask({ taskRoleArn: `arn:aws:iam::${account}:role/ecs_task_role` }));

function cfnJson(statement: Record<string, unknown>): string {
  return json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      TaskRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          Policies: [{ PolicyName: 'mesh', PolicyDocument: { Version: '2012-10-17', Statement: [statement] } }],
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
          ProxyConfiguration: { Type: 'APPMESH', ContainerName: 'envoy' },
          ContainerDefinitions: [
            { Name: 'app', Image: 'nginx:1.27' },
            { Name: 'envoy', Image: envoyImage, Environment: [{ Name: 'APPMESH_VIRTUAL_NODE_NAME', Value: 'mesh/shop/virtualNode/cart' }] },
          ],
        },
      },
    },
  });
}
const cfnJsonGranted = cfnJson({ Effect: 'Allow', Action: 'appmesh:StreamAggregatedResources', Resource: '*' });
const cfnJsonMissing = cfnJson({ Effect: 'Allow', Action: 'appmesh:Describe*', Resource: '*' });

testRule(rule, {
  valid: [
    ...seedCases,
    { name: 'the task role allows the action on the virtual node', files: { 'app.yaml': meshTemplate({ statements: streamOn(nodeArn) }) } },
    { name: 'the task role allows the action on every node of the mesh', files: { 'app.yaml': meshTemplate({ statements: streamOn('!Sub arn:${AWS::Partition}:appmesh:${AWS::Region}:${AWS::AccountId}:mesh/shop/*') }) } },
    { name: 'the task role has AWSAppMeshEnvoyAccess', files: { 'app.yaml': meshTemplate({ managedPolicyArns: [envoyPolicy] }) } },
    { name: 'an Envoy image without App Mesh variables or proxy configuration (plain Envoy)', files: { 'app.yaml': meshTemplate(null, { proxy: false, containers: envoyContainers('ENVOY_LOG_LEVEL', 'info') }) } },
    { name: 'a CloudFormation JSON task role allows the action on *', files: { 'app.template.json': cfnJsonGranted } },
    { name: 'a register-input task definition names a role that allows the node', files: { 'infra/roles.yaml': sharedRoles(streamOn(nodeArn)), 'deploy/taskdef.json': registerMesh } },
    { name: 'the task role is external (role-not-verifiable notes it, as for the FireLens colorteller example)', files: { 'deploy/taskdef.json': registerExternal } },
    { name: 'the rule is turned off in config', files: { 'app.yaml': noTaskRole }, config: { rules: { [rule]: 'off' } } },
  ],
  invalid: [
    {
      name: 'the task role lacks appmesh:StreamAggregatedResources',
      files: { 'app.yaml': noPermission },
      expect: [
        {
          line: lineOf(noPermission, 'Type: APPMESH'),
          severity: 'error',
          message: ['Task role TaskRole of task definition TaskDefinition does not allow appmesh:StreamAggregatedResources on', 'mesh/shop/virtualNode/cart', 'PERMISSION_DENIED'],
        },
      ],
    },
    { name: 'the task role allows another virtual node only', files: { 'app.yaml': otherNode }, expect: [{ severity: 'error', message: ['does not allow appmesh:StreamAggregatedResources'] }] },
    {
      name: 'Envoy is configured by APPMESH_VIRTUAL_NODE_NAME without a proxy configuration',
      files: { 'app.yaml': envOnly },
      expect: [{ line: lineOf(envOnly, 'Value: mesh/shop/virtualNode/cart'), severity: 'error', message: ['on virtual node mesh/shop/virtualNode/cart'] }],
    },
    { name: 'a Fargate task using App Mesh has no task role', files: { 'app.yaml': noTaskRole }, expect: [{ severity: 'error', message: ['uses App Mesh but has no task role', 'on Fargate'] }] },
    {
      name: 'the only candidate is a customer managed policy the repository does not define (warning)',
      files: { 'app.yaml': unknownManaged },
      expect: [{ severity: 'warning', message: ['may not allow appmesh:StreamAggregatedResources', 'policy/mesh-access'] }],
    },
    { name: 'an EC2 task has no task role and the instance role lacks the action', files: { 'ec2.yaml': ec2InstanceLacks }, expect: [{ severity: 'error', message: ['instance role InstanceRole does not allow'] }] },
    { name: 'an EC2 task has no task role and relies on the instance role', files: { 'ec2.yaml': ec2InstanceGrants }, expect: [{ severity: 'warning', message: ['connects to App Mesh with instance role InstanceRole'] }] },
    {
      name: 'a register-input task definition names a role without the action',
      files: { 'infra/roles.yaml': sharedRoles("- Effect: Allow\n  Action: s3:GetObject\n  Resource: '*'"), 'deploy/taskdef.json': registerMesh },
      expect: [{ path: 'deploy/taskdef.json', line: lineOf(registerMesh, '"type": "APPMESH"'), severity: 'error', message: ['Task role mesh-task of task definition app'] }],
    },
    { name: 'a describe-output task definition has no task role', files: { 'deploy/describe.json': describeNoRole }, expect: [{ path: 'deploy/describe.json', severity: 'error', message: ['no task role'] }] },
    { name: 'a CloudFormation JSON task role allows only appmesh:Describe*', files: { 'app.template.json': cfnJsonMissing }, expect: [{ path: 'app.template.json', line: lineOf(cfnJsonMissing, '"APPMESH"'), severity: 'error' }] },
  ],
});

test('an external task role gets one role-not-verifiable notice naming App Mesh, not an error', () => {
  const result = lintFiles({ 'deploy/taskdef.json': registerExternal });
  const notes = findingsOf(result, 'role-not-verifiable');
  assert.equal(notes.length, 1);
  assert.match(notes[0].message, /App Mesh Envoy permissions/);
});

test('the first fix adds the action scoped to the virtual node, the second attaches AWSAppMeshEnvoyAccess', () => {
  const [finding] = findingsOf(lintFiles({ 'app.yaml': noPermission }), rule);
  assert.deepEqual(
    finding.fixes.map((fix) => fix.title),
    ['Allow TaskRole to stream Envoy configuration from App Mesh', 'Attach AWSAppMeshEnvoyAccess to TaskRole'],
  );
  const patched = assertFirstFixResolves(rule, { 'app.yaml': noPermission });
  assert.match(patched['app.yaml'], /mesh\/shop\/virtualNode\/cart/);
});

test('the fix for a task without a task role adds one', () => {
  assertFirstFixResolves(rule, { 'app.yaml': noTaskRole });
});

test('the fix for a node not named in the task definition grants every node of every mesh in the account', () => {
  const text = meshTemplate({}, { containers: envoyContainers('ENVOY_LOG_LEVEL', 'info') });
  const [finding] = findingsOf(lintFiles({ 'app.yaml': text }), rule);
  assert.equal(finding.severity, 'error');
  const patched = assertFirstFixResolves(rule, { 'app.yaml': text });
  assert.match(patched['app.yaml'], /mesh\/\*\/virtualNode\/\*/);
});

test('the fix for a CloudFormation JSON template keeps valid JSON', () => {
  const patched = assertFirstFixResolves(rule, { 'app.template.json': cfnJsonMissing });
  assert.doesNotThrow(() => JSON.parse(patched['app.template.json']));
});

test('the fix for a task-definition JSON edits the role template', () => {
  const files = { 'infra/roles.yaml': sharedRoles("- Effect: Allow\n  Action: s3:GetObject\n  Resource: '*'"), 'deploy/taskdef.json': registerMesh };
  const patched = assertFirstFixResolves(rule, files);
  assert.equal(patched['deploy/taskdef.json'], registerMesh);
});
