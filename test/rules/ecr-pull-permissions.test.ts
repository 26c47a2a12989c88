import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import {
  account,
  describeTaskDefinition,
  ec2CapacityYaml,
  ecrImage,
  executionPolicyArn,
  json,
  lineOf,
  privateImage,
  registerTaskDefinition,
  roleYaml,
  seedFiles,
  taskDefinitionYaml,
  yamlTemplate,
  assertFirstFixResolves,
  type RoleOptions,
} from './cfn-snippets.js';

const rule = 'ecr-pull-permissions';

const logsOnly = `
- Effect: Allow
  Action: [logs:CreateLogStream, logs:PutLogEvents]
  Resource: '*'`;

function pullStatements(repositoryArn: string, tokenResource = "'*'"): string {
  return `
- Effect: Allow
  Action: ecr:GetAuthorizationToken
  Resource: ${tokenResource}
- Effect: Allow
  Action:
    - ecr:BatchCheckLayerAvailability
    - ecr:GetDownloadUrlForLayer
    - ecr:BatchGetImage
  Resource: ${repositoryArn}`;
}

const appRepositoryArn = '!Sub arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/app';

/** A Fargate task whose one container pulls `image` with the execution role described by `role`. */
function fargateTemplate(role: RoleOptions, image = privateImage, extraResources: string[] = []): string {
  return yamlTemplate([
    ...extraResources,
    roleYaml(role),
    taskDefinitionYaml({
      compatibilities: '[FARGATE]',
      executionRoleArn: '!GetAtt ExecutionRole.Arn',
      containers: `
- Name: app
  Image: ${image}
  Essential: true`,
    }),
  ]);
}

const noEcr = fargateTemplate({ statements: logsOnly });
const otherRepository = fargateTemplate({ statements: pullStatements('!Sub arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/billing') });
const tokenScopedToRepository = fargateTemplate({ statements: pullStatements(appRepositoryArn, appRepositoryArn) });
const denyEcr = fargateTemplate({
  managedPolicyArns: [executionPolicyArn.sub],
  statements: `
- Effect: Deny
  Action: ecr:BatchGetImage
  Resource: '*'`,
});
const unknownManagedPolicy = fargateTemplate({ managedPolicyArns: [`arn:aws:iam::${account}:policy/custom`] });
const repositoryResource = `  Repository:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: app
`;
const getAttRepositoryUri = fargateTemplate(
  { statements: pullStatements('!Sub arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/other') },
  "!Sub '${Repository.RepositoryUri}:1.0'",
  [repositoryResource],
);

const ec2InstanceRoleWithoutEcr = yamlTemplate([
  ec2CapacityYaml({
    statements: `
- Effect: Allow
  Action: [ecs:DiscoverPollEndpoint, ecs:RegisterContainerInstance, ecs:Poll, ecs:Submit*, ecs:StartTelemetrySession]
  Resource: '*'`,
  }),
  taskDefinitionYaml({
    compatibilities: '[EC2]',
    containers: `
- Name: app
  Image: ${privateImage}
  Memory: 256`,
  }),
]);

const ec2ExecutionRoleWithoutEcr = yamlTemplate([
  ec2CapacityYaml(),
  roleYaml({ statements: logsOnly }),
  taskDefinitionYaml({
    compatibilities: '[EC2]',
    executionRoleArn: '!GetAtt ExecutionRole.Arn',
    containers: `
- Name: app
  Image: ${privateImage}
  Memory: 256`,
  }),
]);

function cfnJson(role: Record<string, unknown>, image: unknown = { 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1.0' }): string {
  return json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      ExecutionRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          },
          ...role,
        },
      },
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          Family: 'app',
          RequiresCompatibilities: ['FARGATE'],
          NetworkMode: 'awsvpc',
          Cpu: '256',
          Memory: '512',
          ExecutionRoleArn: { 'Fn::GetAtt': ['ExecutionRole', 'Arn'] },
          ContainerDefinitions: [{ Name: 'app', Image: image }],
        },
      },
    },
  });
}

const cfnJsonManaged = cfnJson({
  ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy']] }],
});
const cfnJsonLogsOnly = cfnJson({
  Policies: [
    {
      PolicyName: 'logs',
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }] },
    },
  ],
});

/** A role defined by name in one template, used from a task-definition JSON file. */
function rolesTemplate(role: RoleOptions): string {
  return yamlTemplate([roleYaml({ logicalId: 'AppExecutionRole', roleName: 'app-exec', ...role })]);
}

function registerFargate(executionRoleArn: string | undefined, image = ecrImage): string {
  return registerTaskDefinition({
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    ...(executionRoleArn ? { executionRoleArn } : {}),
    containerDefinitions: [{ name: 'app', image, essential: true }],
  });
}

const describeFargate = (executionRoleArn: string) =>
  describeTaskDefinition({
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    executionRoleArn,
    containerDefinitions: [{ name: 'app', image: ecrImage, essential: true }],
  });

const jsonWithMissingRole = registerFargate(`arn:aws:iam::${account}:role/app-exec`);
const externalArn = `arn:aws:iam::${account}:role/shared-exec`;

testRule(rule, {
  valid: [
    { name: 'the seed setup is linted', files: seedFiles },
    { name: 'the execution role allows exactly the four actions, the three scoped to the repository', files: { 'app.yaml': fargateTemplate({ statements: pullStatements(appRepositoryArn) }) } },
    {
      name: 'AmazonECSTaskExecutionRolePolicy is attached with !Sub and ${AWS::Partition}',
      files: { 'app.yaml': fargateTemplate({ managedPolicyArns: [executionPolicyArn.sub] }) },
    },
    {
      name: 'AmazonECSTaskExecutionRolePolicy is attached as a literal arn:aws: ARN',
      files: { 'app.yaml': fargateTemplate({ managedPolicyArns: [executionPolicyArn.literal] }) },
    },
    { name: 'AmazonECSTaskExecutionRolePolicy is attached in CloudFormation JSON with Fn::Join', files: { 'app.json': cfnJsonManaged } },
    {
      name: 'AmazonECSTaskExecutionRolePolicy is attached in CloudFormation JSON with the long-form Fn::Sub',
      files: { 'app.json': cfnJson({ ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }] }) },
    },
    {
      name: 'AmazonECSTaskExecutionRolePolicy is attached in CloudFormation JSON as a literal ARN',
      files: { 'app.json': cfnJson({ ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'] }) },
    },
    {
      name: 'the repository actions are granted on a repository path wildcard',
      files: {
        'app.yaml': fargateTemplate(
          { statements: pullStatements('!Sub arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/team/*') },
          '!Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/team/api:2.0',
        ),
      },
    },
    { name: 'the role allows ECR:* on * (actions match case-insensitively)', files: { 'app.yaml': fargateTemplate({ statements: "- Effect: Allow\n  Action: ECR:*\n  Resource: '*'" }) } },
    {
      name: 'the image is the GetAtt RepositoryUri of a repository the role is scoped to with !GetAtt Repository.Arn',
      files: { 'app.yaml': fargateTemplate({ statements: pullStatements('!GetAtt Repository.Arn') }, '!GetAtt Repository.RepositoryUri', [repositoryResource]) },
    },
    {
      name: 'the images are public (ECR Public, Docker Hub, GitHub) and the role has no ECR permission',
      files: {
        'app.yaml': yamlTemplate([
          roleYaml({ statements: logsOnly }),
          taskDefinitionYaml({
            compatibilities: '[FARGATE]',
            executionRoleArn: '!GetAtt ExecutionRole.Arn',
            containers: `
- Name: web
  Image: public.ecr.aws/nginx/nginx:1.27
- Name: proxy
  Image: nginx:latest
- Name: agent
  Image: ghcr.io/acme/agent:2.0`,
          }),
        ]),
      },
    },
    {
      name: 'an EC2 task without an execution role pulls with an instance role that has AmazonEC2ContainerServiceforEC2Role',
      files: {
        'ec2.yaml': yamlTemplate([ec2CapacityYaml(), taskDefinitionYaml({ compatibilities: '[EC2]', containers: `- Name: app\n  Image: ${privateImage}\n  Memory: 256` })]),
      },
    },
    {
      name: 'an EC2 task without an execution role and without visible capacity (nothing to check)',
      files: { 'ec2.yaml': yamlTemplate([taskDefinitionYaml({ compatibilities: '[EC2]', containers: `- Name: app\n  Image: ${privateImage}\n  Memory: 256` })]) },
    },
    {
      name: 'a Fargate task has no execution role at all (execution-role-required reports it instead)',
      files: { 'taskdef.json': registerFargate(undefined) },
    },
    {
      name: 'a task-definition JSON names by ARN a role defined with RoleName in another template, with literal account and region ARNs',
      files: {
        'infra/roles.yaml': rolesTemplate({ statements: pullStatements(`arn:aws:ecr:us-east-1:${account}:repository/app`) }),
        'deploy/taskdef.json': jsonWithMissingRole,
      },
    },
    {
      name: 'a task-definition JSON with a concrete image is granted by a template policy written with pseudo parameters',
      files: { 'infra/roles.yaml': rolesTemplate({ statements: pullStatements(appRepositoryArn) }), 'deploy/taskdef.json': jsonWithMissingRole },
    },
    {
      name: 'a describe-output task definition names the role by plain name and the role attaches the managed policy',
      files: { 'infra/roles.yaml': rolesTemplate({ managedPolicyArns: [executionPolicyArn.sub] }), 'deploy/describe.json': describeFargate('app-exec') },
    },
    {
      name: 'the execution role is external and undeclared (role-not-verifiable notes it instead)',
      files: { 'deploy/taskdef.json': registerFargate(externalArn) },
    },
    {
      name: 'the external role is declared in config with AmazonECSTaskExecutionRolePolicy',
      files: { 'deploy/taskdef.json': registerFargate(externalArn) },
      config: { externalRoles: [{ arn: externalArn, managedPolicies: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'] }] },
    },
    {
      name: 'the external role is declared in config with assumeCompliant',
      files: { 'deploy/taskdef.json': registerFargate(externalArn) },
      config: { externalRoles: [{ arn: externalArn, assumeCompliant: true }] },
    },
    {
      name: 'the grant sits under a tag condition the linter cannot decide (optimistic)',
      files: {
        'app.yaml': fargateTemplate({
          statements: `
- Effect: Allow
  Action: ecr:GetAuthorizationToken
  Resource: '*'
- Effect: Allow
  Action: [ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage]
  Resource: '*'
  Condition:
    StringEquals:
      aws:ResourceTag/team: payments`,
        }),
      },
    },
    {
      name: 'the task definition resource ignores the rule in its Metadata',
      files: {
        'app.yaml': yamlTemplate([
          roleYaml({ statements: logsOnly }),
          taskDefinitionYaml({
            compatibilities: '[FARGATE]',
            executionRoleArn: '!GetAtt ExecutionRole.Arn',
            metadata: 'ecs-iam-lint:\n  ignore: [ecr-pull-permissions]',
            containers: `- Name: app\n  Image: ${privateImage}`,
          }),
        ]),
      },
    },
    {
      name: 'the template ignores the rule in its top-level Metadata',
      files: { 'app.yaml': noEcr.replace('Resources:\n', 'Metadata:\n  ecs-iam-lint:\n    ignore: ecr-pull-permissions\nResources:\n') },
    },
    { name: 'the rule is turned off in config', files: { 'app.yaml': noEcr }, config: { rules: { [rule]: 'off' } } },
  ],
  invalid: [
    {
      name: 'the execution role has only logs permissions',
      files: { 'app.yaml': noEcr },
      expect: [
        {
          path: 'app.yaml',
          line: lineOf(noEcr, 'Image: !Sub'),
          severity: 'error',
          message: [
            'Execution role ExecutionRole of task definition TaskDefinition does not allow',
            'ecr:GetAuthorizationToken, ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage',
            '.dkr.ecr.${AWS::Region}.amazonaws.com/app:1.0',
          ],
        },
      ],
    },
    {
      name: 'the repository actions are scoped to another repository',
      files: { 'app.yaml': otherRepository },
      expect: [{ line: lineOf(otherRepository, 'Image: !Sub'), severity: 'error', message: ['does not allow ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage needed'] }],
    },
    {
      name: 'ecr:GetAuthorizationToken is scoped to the repository instead of *',
      files: { 'app.yaml': tokenScopedToRepository },
      expect: [{ severity: 'error', message: ['does not allow ecr:GetAuthorizationToken needed to pull'] }],
    },
    {
      name: 'an explicit Deny of ecr:BatchGetImage beats the managed policy',
      files: { 'app.yaml': denyEcr },
      expect: [{ severity: 'error', message: ['does not allow ecr:BatchGetImage needed'] }],
    },
    {
      name: 'the role only attaches a customer managed policy the repository does not define (warning)',
      files: { 'app.yaml': unknownManagedPolicy },
      expect: [{ severity: 'warning', message: ['may not allow ecr:GetAuthorizationToken', `managed policy arn:aws:iam::${account}:policy/custom`] }],
    },
    {
      name: 'a permissions boundary (an AWS managed policy without ECR actions) limits the managed policy',
      files: { 'app.yaml': fargateTemplate({ managedPolicyArns: [executionPolicyArn.sub], permissionsBoundary: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }) },
      expect: [{ severity: 'error', message: ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage'] }],
    },
    {
      name: 'the image is a GetAtt RepositoryUri and the role is scoped to another repository',
      files: { 'app.yaml': getAttRepositoryUri },
      expect: [{ line: lineOf(getAttRepositoryUri, "Image: !Sub '${Repository.RepositoryUri}"), message: ['ecr:BatchGetImage', '/app:1.0'] }],
    },
    {
      name: 'an EC2 task without an execution role pulls with an instance role that lacks ECR actions',
      files: { 'ec2.yaml': ec2InstanceRoleWithoutEcr },
      expect: [
        {
          line: lineOf(ec2InstanceRoleWithoutEcr, 'Image: !Sub'),
          severity: 'error',
          message: ['Instance role InstanceRole', 'task definition TaskDefinition', 'ecr:GetAuthorizationToken'],
        },
      ],
    },
    {
      name: 'an EC2 task with an execution role: the execution role must pull even though the instance role could',
      files: { 'ec2.yaml': ec2ExecutionRoleWithoutEcr },
      expect: [{ severity: 'error', message: ['Execution role ExecutionRole', 'ecr:BatchGetImage'] }],
    },
    {
      name: 'a CloudFormation JSON execution role has only logs permissions',
      files: { 'app.template.json': cfnJsonLogsOnly },
      expect: [{ path: 'app.template.json', line: lineOf(cfnJsonLogsOnly, '"Image"'), severity: 'error', message: ['ExecutionRole', 'ecr:GetAuthorizationToken'] }],
    },
    {
      name: 'a task-definition JSON names by ARN a role in another template that lacks ECR (the finding is on the JSON file)',
      files: { 'infra/roles.yaml': rolesTemplate({ statements: logsOnly }), 'deploy/taskdef.json': jsonWithMissingRole },
      expect: [
        {
          path: 'deploy/taskdef.json',
          line: lineOf(jsonWithMissingRole, '"image"'),
          severity: 'error',
          message: ['Execution role app-exec of task definition app', 'ecr:GetAuthorizationToken', ecrImage],
        },
      ],
    },
    {
      name: 'a describe-output task definition names the role by plain name, scoped to another account',
      files: {
        'infra/roles.yaml': rolesTemplate({ statements: pullStatements('arn:aws:ecr:us-east-1:210987654321:repository/app') }),
        'deploy/describe.json': describeFargate('app-exec'),
      },
      expect: [{ path: 'deploy/describe.json', message: ['app-exec', 'ecr:BatchGetImage'] }],
    },
    {
      name: 'the external role is declared in config without managed policies',
      files: { 'deploy/taskdef.json': registerFargate(externalArn) },
      config: { externalRoles: [{ arn: externalArn, trust: ['ecs-tasks.amazonaws.com'] }] },
      expect: [{ path: 'deploy/taskdef.json', severity: 'error', message: ['Execution role shared-exec', 'ecr:GetAuthorizationToken'] }],
    },
    {
      name: 'config lowers the severity to warning',
      files: { 'app.yaml': noEcr },
      config: { rules: { [rule]: 'warning' } },
      expect: [{ severity: 'warning' }],
    },
  ],
});

test('a cross-file finding lists the template that defines the role in relatedPaths', () => {
  const [finding] = findingsOf(lintFiles({ 'infra/roles.yaml': rolesTemplate({ statements: logsOnly }), 'deploy/taskdef.json': jsonWithMissingRole }), rule);
  assert.equal(finding.path, 'deploy/taskdef.json');
  assert.deepEqual(finding.relatedPaths, ['infra/roles.yaml']);
});

test('a role declared in config is named by the config file in relatedPaths', () => {
  const [finding] = findingsOf(
    lintFiles({ 'deploy/taskdef.json': registerFargate(externalArn) }, { externalRoles: [{ arn: externalArn }] }),
    rule,
  );
  assert.deepEqual(finding.relatedPaths, ['.github/ecs-iam-lint.yml']);
});

test('a role name defined in two templates is ambiguous: not verifiable rather than a guess', () => {
  const result = lintFiles({
    'a/roles.yaml': rolesTemplate({ statements: logsOnly }),
    'b/roles.yaml': rolesTemplate({ managedPolicyArns: [executionPolicyArn.sub] }),
    'deploy/taskdef.json': jsonWithMissingRole,
  });
  assert.deepEqual(findingsOf(result, rule), []);
  assert.equal(findingsOf(result, 'role-not-verifiable').length, 1);
});

test('each private image of a task is checked: two containers on two repositories give one finding for the ungranted one', () => {
  const template = yamlTemplate([
    roleYaml({ statements: pullStatements(appRepositoryArn) }),
    taskDefinitionYaml({
      compatibilities: '[FARGATE]',
      executionRoleArn: '!GetAtt ExecutionRole.Arn',
      containers: `
- Name: app
  Image: ${privateImage}
- Name: migrations
  Image: !Sub \${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/app-migrations:1.0`,
    }),
  ]);
  const found = findingsOf(lintFiles({ 'app.yaml': template }), rule);
  assert.equal(found.length, 1);
  assert.equal(found[0].line, lineOf(template, 'app-migrations'));
  assert.ok(!found[0].message.includes('GetAuthorizationToken'), found[0].message);
});

test('the first fix attaches AmazonECSTaskExecutionRolePolicy, and the rule no longer fires', () => {
  const [finding] = findingsOf(lintFiles({ 'app.yaml': noEcr }), rule);
  assert.ok(finding.fixes[0]?.edits.some((edit) => edit.newText.includes('AmazonECSTaskExecutionRolePolicy')), JSON.stringify(finding.fixes));
  assertFirstFixResolves(rule, { 'app.yaml': noEcr });
});

test('the fix for a CloudFormation JSON template keeps it valid JSON and resolves the finding', () => {
  const patched = assertFirstFixResolves(rule, { 'app.template.json': cfnJsonLogsOnly });
  assert.doesNotThrow(() => JSON.parse(patched['app.template.json']));
});

test('the fix for a task-definition JSON edits the role in the template that defines it', () => {
  const files = { 'infra/roles.yaml': rolesTemplate({ statements: logsOnly }), 'deploy/taskdef.json': jsonWithMissingRole };
  const patched = assertFirstFixResolves(rule, files);
  assert.equal(patched['deploy/taskdef.json'], files['deploy/taskdef.json']);
  assert.notEqual(patched['infra/roles.yaml'], files['infra/roles.yaml']);
});

test('the fix for repository actions scoped to another repository adds them for this repository', () => {
  assertFirstFixResolves(rule, { 'app.yaml': otherRepository });
});

test('an explicit Deny gets no fix: adding an Allow cannot beat it', () => {
  const [finding] = findingsOf(lintFiles({ 'app.yaml': denyEcr }), rule);
  assert.deepEqual(finding.fixes, []);
});
