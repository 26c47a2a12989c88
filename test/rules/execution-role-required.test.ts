import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFindings, findingsOf, lintFiles, testRule } from '../rule-tester.js';
import {
  account,
  awslogsContainer,
  describeTaskDefinition,
  ec2CapacityYaml,
  ecrImage,
  json,
  lineOf,
  logGroupYaml,
  pullAndLogStatements,
  registerTaskDefinition,
  roleYaml,
  seedFiles,
  serviceYaml,
  taskDefinitionYaml,
  yamlTemplate,
  assertFirstFixResolves,
} from './cfn-snippets.js';

const rule = 'execution-role-required';

const fargateAwslogsNoRole = yamlTemplate([logGroupYaml, taskDefinitionYaml({ compatibilities: '[FARGATE]', containers: awslogsContainer('public.ecr.aws/nginx/nginx:1.27') })]);
const fargateEcrNoRole = yamlTemplate([
  taskDefinitionYaml({
    compatibilities: '[FARGATE]',
    containers: `
- Name: app
  Image: !Sub \${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/app:1.0
  Essential: true`,
  }),
]);
const fargateBothNoRole = yamlTemplate([logGroupYaml, taskDefinitionYaml({ compatibilities: '[FARGATE]', containers: awslogsContainer() })]);

const secretsContainer = `
- Name: app
  Image: nginx:1.27
  Memory: 256
  Secrets:
    - Name: DB_PASSWORD
      ValueFrom: 'arn:aws:secretsmanager:us-east-1:${account}:secret:db-AbCdEf:password::'`;
const ec2SecretsNoRole = yamlTemplate([taskDefinitionYaml({ compatibilities: '[EC2]', containers: secretsContainer })]);

const cluster = '  Cluster:\n    Type: AWS::ECS::Cluster\n';
const serviceFargateNoCompat = yamlTemplate([cluster, logGroupYaml, taskDefinitionYaml({ containers: awslogsContainer() }), serviceYaml('LaunchType: FARGATE')]);
const serviceSpotNoCompat = yamlTemplate([
  cluster,
  logGroupYaml,
  taskDefinitionYaml({ containers: awslogsContainer() }),
  serviceYaml(`
CapacityProviderStrategy:
  - CapacityProvider: FARGATE_SPOT
    Weight: 1`),
]);

const ec2LogSecretNoRole = yamlTemplate([
  taskDefinitionYaml({
    compatibilities: '[EC2]',
    containers: `
- Name: app
  Image: nginx:1.27
  Memory: 256
  LogConfiguration:
    LogDriver: splunk
    Options:
      splunk-url: https://splunk.example.com:8088
    SecretOptions:
      - Name: splunk-token
        ValueFrom: /logging/splunk-token`,
  }),
]);

const ec2RepositoryCredentialsNoRole = yamlTemplate([
  taskDefinitionYaml({
    compatibilities: '[EC2]',
    containers: `
- Name: app
  Image: registry.example.com/team/app:3
  Memory: 256
  RepositoryCredentials:
    CredentialsParameter: !Sub arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:registry-creds`,
  }),
]);

const environmentFilesNoRole = yamlTemplate([
  taskDefinitionYaml({
    containers: `
- Name: app
  Image: nginx:1.27
  Memory: 256
  EnvironmentFiles:
    - Type: s3
      Value: arn:aws:s3:::app-config-bucket/prod/app.env`,
  }),
]);

const managedInstancesNoRole = yamlTemplate([logGroupYaml, taskDefinitionYaml({ compatibilities: '[MANAGED_INSTANCES]', containers: awslogsContainer('nginx:1.27') })]);

const cfnJsonFargateNoRole = json({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    LogGroup: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/ecs/app' } },
    TaskDefinition: {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: {
        Family: 'app',
        RequiresCompatibilities: ['FARGATE'],
        NetworkMode: 'awsvpc',
        Cpu: '256',
        Memory: '512',
        ContainerDefinitions: [
          {
            Name: 'app',
            Image: { 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1.0' },
            LogConfiguration: {
              LogDriver: 'awslogs',
              Options: { 'awslogs-group': { Ref: 'LogGroup' }, 'awslogs-region': { Ref: 'AWS::Region' }, 'awslogs-stream-prefix': 'app' },
            },
          },
        ],
      },
    },
  },
});

const registerFargateNoRole = registerTaskDefinition({
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'app', image: ecrImage, essential: true }],
});

const describeSecretsNoRole = describeTaskDefinition({
  requiresCompatibilities: ['EC2'],
  containerDefinitions: [
    { name: 'app', image: 'nginx:1.27', memory: 256, secrets: [{ name: 'DB_PASSWORD', valueFrom: '/app/db-password' }] },
  ],
});

const withExecutionRole = yamlTemplate([
  logGroupYaml,
  roleYaml({ statements: pullAndLogStatements }),
  taskDefinitionYaml({ compatibilities: '[FARGATE]', executionRoleArn: '!GetAtt ExecutionRole.Arn', containers: awslogsContainer() }),
]);

testRule(rule, {
  valid: [
    { name: 'the seed setup is linted', files: seedFiles },
    { name: 'a Fargate task definition names an execution role', files: { 'web.yaml': withExecutionRole } },
    {
      name: 'a Fargate task runs only public images and logs nowhere',
      files: {
        'public.yaml': yamlTemplate([
          taskDefinitionYaml({
            compatibilities: '[FARGATE]',
            containers: `
- Name: web
  Image: public.ecr.aws/nginx/nginx:1.27
- Name: cache
  Image: redis:7
- Name: sidecar
  Image: ghcr.io/acme/sidecar:2.0
- Name: proxy
  Image: nginx:latest`,
          }),
        ]),
      },
    },
    {
      name: 'an EC2 task without an execution role uses awslogs and a private image (the instance role is the fallback)',
      files: { 'ec2.yaml': yamlTemplate([logGroupYaml, taskDefinitionYaml({ compatibilities: '[EC2]', containers: awslogsContainer() })]) },
    },
    {
      name: 'a task without RequiresCompatibilities or a service uses awslogs (the launch type is unknown)',
      files: { 'unknown.yaml': yamlTemplate([logGroupYaml, taskDefinitionYaml({ containers: awslogsContainer() })]) },
    },
    {
      name: 'a service runs the task on LaunchType EC2',
      files: { 'svc.yaml': yamlTemplate([cluster, logGroupYaml, taskDefinitionYaml({ containers: awslogsContainer() }), serviceYaml('LaunchType: EC2')]) },
    },
    {
      name: 'a Fargate task uses the splunk log driver with a plain token option and a public image',
      files: {
        'splunk.yaml': yamlTemplate([
          taskDefinitionYaml({
            compatibilities: '[FARGATE]',
            containers: `
- Name: app
  Image: public.ecr.aws/docker/library/httpd:2.4
  LogConfiguration:
    LogDriver: splunk
    Options:
      splunk-url: https://splunk.example.com:8088`,
          }),
        ]),
      },
    },
    {
      name: 'a CloudFormation JSON Fargate task names its execution role',
      files: {
        'app.json': json({
          AWSTemplateFormatVersion: '2010-09-09',
          Resources: {
            ExecutionRole: {
              Type: 'AWS::IAM::Role',
              Properties: {
                AssumeRolePolicyDocument: {
                  Version: '2012-10-17',
                  Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
                },
                ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }],
              },
            },
            TaskDefinition: {
              Type: 'AWS::ECS::TaskDefinition',
              Properties: {
                RequiresCompatibilities: ['FARGATE'],
                ExecutionRoleArn: { 'Fn::GetAtt': ['ExecutionRole', 'Arn'] },
                ContainerDefinitions: [{ Name: 'app', Image: { 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1.0' } }],
              },
            },
          },
        }),
      },
    },
    {
      name: 'a register-input Fargate task definition names an execution role ARN defined elsewhere',
      files: {
        'taskdef.json': registerTaskDefinition({
          requiresCompatibilities: ['FARGATE'],
          executionRoleArn: `arn:aws:iam::${account}:role/ecsTaskExecutionRole`,
          containerDefinitions: [{ name: 'app', image: ecrImage }],
        }),
      },
    },
    {
      name: 'a register-input EC2 task definition ships awslogs without an execution role',
      files: {
        'taskdef.json': registerTaskDefinition({
          requiresCompatibilities: ['EC2'],
          containerDefinitions: [
            {
              name: 'app',
              image: ecrImage,
              memory: 256,
              logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/app', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'app' } },
            },
          ],
        }),
      },
    },
    {
      name: 'a describe-output Fargate task definition names an execution role',
      files: {
        'describe.json': describeTaskDefinition({
          requiresCompatibilities: ['FARGATE'],
          executionRoleArn: `arn:aws:iam::${account}:role/app-exec`,
          containerDefinitions: [{ name: 'app', image: ecrImage, secrets: [{ name: 'A', valueFrom: '/app/a' }] }],
        }),
      },
    },
    {
      name: 'the rule is turned off in config',
      files: { 'web.yaml': fargateBothNoRole },
      config: { rules: { [rule]: 'off' } },
    },
    {
      name: 'the task definition resource ignores the rule in its Metadata',
      files: {
        'web.yaml': yamlTemplate([
          logGroupYaml,
          taskDefinitionYaml({ compatibilities: '[FARGATE]', containers: awslogsContainer(), metadata: 'ecs-iam-lint:\n  ignore: [execution-role-required]' }),
        ]),
      },
    },
  ],
  invalid: [
    {
      name: 'a Fargate task ships awslogs without an execution role',
      files: { 'web.yaml': fargateAwslogsNoRole },
      expect: [
        {
          path: 'web.yaml',
          line: lineOf(fargateAwslogsNoRole, 'LogDriver: awslogs'),
          severity: 'error',
          message: ['Task definition TaskDefinition has no execution role', 'Fargate ships awslogs logs'],
        },
      ],
    },
    {
      name: 'a Fargate task pulls a private ECR image without an execution role',
      files: { 'web.yaml': fargateEcrNoRole },
      expect: [{ line: lineOf(fargateEcrNoRole, 'Image: !Sub'), severity: 'error', message: ['TaskDefinition', 'private ECR image', '.dkr.ecr.', '/app:1.0'] }],
    },
    {
      name: 'a Fargate task both pulls from ECR and ships awslogs without an execution role (one finding, at the image)',
      files: { 'web.yaml': fargateBothNoRole },
      expect: [{ line: lineOf(fargateBothNoRole, 'Image: !Sub'), message: ['private ECR image', 'ships awslogs logs'] }],
    },
    {
      name: 'a Managed Instances task ships awslogs without an execution role',
      files: { 'mi.yaml': managedInstancesNoRole },
      expect: [{ line: lineOf(managedInstancesNoRole, 'LogDriver: awslogs'), message: ['Managed Instances ships awslogs logs'] }],
    },
    {
      name: 'the launch type comes from the service (LaunchType FARGATE) and the task definition has no RequiresCompatibilities',
      files: { 'svc.yaml': serviceFargateNoCompat },
      expect: [{ line: lineOf(serviceFargateNoCompat, 'Image: !Sub'), message: ['Fargate'] }],
    },
    {
      name: 'the launch type comes from a FARGATE_SPOT capacity provider strategy',
      files: { 'svc.yaml': serviceSpotNoCompat },
      expect: [{ line: lineOf(serviceSpotNoCompat, 'Image: !Sub'), message: ['Fargate'] }],
    },
    {
      name: 'an EC2 task reads secrets without an execution role (no instance-role fallback)',
      files: { 'ec2.yaml': ec2SecretsNoRole },
      expect: [{ line: lineOf(ec2SecretsNoRole, '- Name: DB_PASSWORD'), severity: 'error', message: ['TaskDefinition', 'container app reads secrets'] }],
    },
    {
      name: 'an EC2 task passes log driver secretOptions without an execution role',
      files: { 'ec2.yaml': ec2LogSecretNoRole },
      expect: [{ line: lineOf(ec2LogSecretNoRole, '- Name: splunk-token'), message: ['passes secrets to its log driver'] }],
    },
    {
      name: 'an EC2 task pulls from a private registry with RepositoryCredentials without an execution role',
      files: { 'ec2.yaml': ec2RepositoryCredentialsNoRole },
      expect: [{ line: lineOf(ec2RepositoryCredentialsNoRole, 'CredentialsParameter:'), message: ['repository credentials'] }],
    },
    {
      name: 'a task of unknown launch type loads S3 environment files without an execution role',
      files: { 'env.yaml': environmentFilesNoRole },
      expect: [{ line: lineOf(environmentFilesNoRole, '- Type: s3'), message: ['environment files from S3'] }],
    },
    {
      name: 'a CloudFormation JSON Fargate task has no execution role',
      files: { 'app.template.json': cfnJsonFargateNoRole },
      expect: [{ path: 'app.template.json', line: lineOf(cfnJsonFargateNoRole, '"Image"'), severity: 'error', message: ['TaskDefinition', 'private ECR image', 'awslogs'] }],
    },
    {
      name: 'a register-input Fargate task definition pulls a private ECR image without executionRoleArn',
      files: { 'taskdef.json': registerFargateNoRole },
      expect: [{ path: 'taskdef.json', line: lineOf(registerFargateNoRole, '"image"'), message: ['Task definition app', ecrImage] }],
    },
    {
      name: 'a describe-output EC2 task definition reads secrets without executionRoleArn',
      files: { 'describe.json': describeSecretsNoRole },
      expect: [{ path: 'describe.json', line: lineOf(describeSecretsNoRole, '"name": "DB_PASSWORD"') - 1, message: ['Task definition app', 'reads secrets'] }],
    },
    {
      name: 'config lowers the severity to warning',
      files: { 'web.yaml': fargateAwslogsNoRole },
      config: { rules: { [rule]: 'warning' } },
      expect: [{ severity: 'warning' }],
    },
  ],
});

test('execution-role-required replaces the permission rules for the same task (one finding per root cause)', () => {
  const withSecrets = yamlTemplate([
    logGroupYaml,
    taskDefinitionYaml({
      compatibilities: '[FARGATE]',
      containers: `${awslogsContainer(undefined, 'awslogs-create-group: "true"')}
  Secrets:
    - Name: TOKEN
      ValueFrom: /app/token`,
    }),
  ]);
  const result = lintFiles({ 'web.yaml': withSecrets });
  assert.equal(findingsOf(result, rule).length, 1, describeFindings(findingsOf(result, rule)));
  for (const other of ['ecr-pull-permissions', 'awslogs-permissions', 'awslogs-create-group-permission', 'secrets-permissions', 'role-not-verifiable']) {
    assert.deepEqual(findingsOf(result, other), [], `${other} also fired:\n${describeFindings(findingsOf(result, other))}`);
  }
});

test('an EC2 task with secrets and no execution role gets execution-role-required, not a permission finding on the instance role', () => {
  const files = {
    'ec2.yaml': yamlTemplate([ec2CapacityYaml({ statements: "- Effect: Allow\n  Action: ecs:*\n  Resource: '*'" }), taskDefinitionYaml({ compatibilities: '[EC2]', containers: secretsContainer })]),
  };
  const result = lintFiles(files);
  assert.equal(findingsOf(result, rule).length, 1);
  assert.deepEqual(findingsOf(result, 'secrets-permissions'), []);
});

test('the fix adds ExecutionRoleArn and a minimal execution role when the template has none', () => {
  const patched = assertFirstFixResolves(rule, { 'web.yaml': fargateBothNoRole });
  const text = patched['web.yaml'];
  assert.match(text, /ExecutionRoleArn: !GetAtt \w+\.Arn/);
  assert.match(text, /Service: ecs-tasks\.amazonaws\.com/);
  assert.match(text, /AmazonECSTaskExecutionRolePolicy/);
  // The new role is complete: no permission rule fires on it.
  const after = lintFiles(patched);
  for (const other of ['ecr-pull-permissions', 'awslogs-permissions', 'ecs-tasks-trust']) assert.deepEqual(findingsOf(after, other), [], other);
});

test('the new role also reads the secrets and creates the log group the task needs, scoped to them', () => {
  const template = yamlTemplate([
    logGroupYaml,
    taskDefinitionYaml({
      compatibilities: '[FARGATE]',
      containers: `${awslogsContainer(undefined, 'awslogs-create-group: "true"')}
  Secrets:
    - Name: TOKEN
      ValueFrom: /app/token`,
    }),
  ]);
  const patched = assertFirstFixResolves(rule, { 'web.yaml': template });
  const after = lintFiles(patched);
  for (const other of ['secrets-permissions', 'awslogs-create-group-permission']) assert.deepEqual(findingsOf(after, other), [], describeFindings(findingsOf(after, other)));
  assert.match(patched['web.yaml'], /parameter\/app\/token/);
});

test('the fix reuses an execution role the template already defines', () => {
  const template = yamlTemplate([
    roleYaml({ managedPolicyArns: ['!Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'] }),
    taskDefinitionYaml({ compatibilities: '[FARGATE]', containers: `- Name: app\n  Image: !Sub \${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/app:1.0` }),
  ]);
  const patched = assertFirstFixResolves(rule, { 'web.yaml': template });
  assert.equal(patched['web.yaml'].match(/Type: AWS::IAM::Role/g)?.length, 1);
  assert.match(patched['web.yaml'], /ExecutionRoleArn: !GetAtt ExecutionRole\.Arn/);
});

test('the fix for CloudFormation JSON keeps valid JSON', () => {
  const patched = assertFirstFixResolves(rule, { 'app.template.json': cfnJsonFargateNoRole });
  assert.doesNotThrow(() => JSON.parse(patched['app.template.json']));
});

test('the fix for a task-definition JSON sets executionRoleArn to an execution role of the repository', () => {
  const files = {
    'infra/roles.yaml': yamlTemplate([roleYaml({ logicalId: 'AppExecutionRole', roleName: 'app-exec', managedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'] })]),
    'deploy/taskdef.json': registerFargateNoRole,
  };
  const patched = assertFirstFixResolves(rule, files);
  assert.equal(JSON.parse(patched['deploy/taskdef.json']).executionRoleArn, `arn:aws:iam::${account}:role/app-exec`);
});

test(
  'FSx for Windows File Server volume credentials require an execution role on EC2 (R17)',
  () => {
    const template = yamlTemplate([
      `  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [EC2]
      Volumes:
        - Name: shared
          FSxWindowsFileServerVolumeConfiguration:
            FileSystemId: fs-0123456789abcdef0
            RootDirectory: share
            AuthorizationConfig:
              CredentialsParameter: arn:aws:secretsmanager:us-east-1:${account}:secret:fsx/domain-user-Ab12Cd
              Domain: corp.example.com
      ContainerDefinitions:
        - Name: app
          Image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
          Memory: 1024
`,
    ]);
    const found = findingsOf(lintFiles({ 'fsx.yaml': template }), rule);
    assert.equal(found.length, 1, describeFindings(found));
    assert.equal(found[0].line, lineOf(template, 'CredentialsParameter:'));
  },
);

test('one finding per task definition: two task definitions without a role in one template give two findings', () => {
  const template = yamlTemplate([
    logGroupYaml,
    taskDefinitionYaml({ logicalId: 'WebTask', family: 'web', compatibilities: '[FARGATE]', containers: awslogsContainer() }),
    taskDefinitionYaml({ logicalId: 'JobTask', family: 'job', compatibilities: '[FARGATE]', containers: awslogsContainer() }),
  ]);
  const found = findingsOf(lintFiles({ 'two.yaml': template }), rule);
  assert.deepEqual(
    found.map((f) => f.message.split(' has ')[0]),
    ['Task definition WebTask', 'Task definition JobTask'],
  );
  assert.ok(found.every((f) => f.message.includes('Fargate')));
});
