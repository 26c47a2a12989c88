import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import {
  account,
  assertFirstFixResolves,
  describeTaskDefinition,
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

const rule = 'environment-files-permissions';

const objectArn = 'arn:aws:s3:::shop-config/prod/app.env';
const readObject = `
- Effect: Allow
  Action: s3:GetObject
  Resource: arn:aws:s3:::shop-config/prod/*`;
const locateBucket = `
- Effect: Allow
  Action: s3:GetBucketLocation
  Resource: !Sub arn:\${AWS::Partition}:s3:::shop-config`;

interface TemplateOptions {
  role?: RoleOptions;
  /** EnvironmentFiles list items written at column 0. */
  files?: string;
  compatibilities?: string;
  head?: string;
  metadata?: string;
}

const envFile = (value: string) => `
- Type: s3
  Value: ${value}`;

/** A task whose `app` container loads environment files, with `ExecutionRole` as its execution role. */
function envTemplate(options: TemplateOptions = {}): string {
  const { role = { managedPolicyArns: [executionPolicyArn.sub] }, files = envFile(objectArn), compatibilities = '[FARGATE]', head, metadata } = options;
  return yamlTemplate(
    [
      roleYaml(role),
      taskDefinitionYaml({
        compatibilities,
        executionRoleArn: '!GetAtt ExecutionRole.Arn',
        metadata,
        containers: `
- Name: app
  Image: public.ecr.aws/docker/library/httpd:2.4
  Memory: 512
  EnvironmentFiles:
${indent(files, 4)}`,
      }),
    ],
    head,
  );
}
const withStatements = (statements: string, rest: Omit<TemplateOptions, 'role'> = {}) => envTemplate({ role: { statements, managedPolicyArns: [executionPolicyArn.sub] }, ...rest });

// Copilot renders the file and its read policy under the same condition, with the file given by a parameter.
const conditionalHead = `Parameters:
  EnvFileARN:
    Type: String
    Default: ''
Conditions:
  HasEnvFile: !Not [!Equals [!Ref EnvFileARN, '']]
  HasOtherFile: !Equals [!Ref AWS::Region, us-east-1]`;
function conditionalTemplate(policyCondition: string): string {
  return yamlTemplate(
    [
      `  ExecutionRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: ecs-tasks.amazonaws.com
            Action: 'sts:AssumeRole'
      ManagedPolicyArns:
        - !Sub 'arn:\${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'
      Policies:
        - !If
          - ${policyCondition}
          - PolicyName: GetEnvFilePolicy
            PolicyDocument:
              Version: '2012-10-17'
              Statement:
                - Effect: 'Allow'
                  Action:
                    - 's3:GetObject'
                  Resource:
                    - !Ref EnvFileARN
                - Effect: 'Allow'
                  Action:
                    - 's3:GetBucketLocation'
                  Resource:
                    - !Join ['', ['arn:', !Ref AWS::Partition, ':s3:::', !Select [0, !Split ['/', !Select [5, !Split [':', !Ref EnvFileARN]]]]]]
          - !Ref AWS::NoValue
`,
      taskDefinitionYaml({
        compatibilities: '[FARGATE]',
        executionRoleArn: '!GetAtt ExecutionRole.Arn',
        containers: `
- Name: web
  Image: public.ecr.aws/docker/library/httpd:2.4
  EnvironmentFiles:
    - !If
      - HasEnvFile
      - Type: s3
        Value: !Ref EnvFileARN
      - !Ref AWS::NoValue`,
      }),
    ],
    conditionalHead,
  );
}

function cfnJson(statements: Record<string, unknown>[]): string {
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
          ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }],
          ...(statements.length ? { Policies: [{ PolicyName: 'env-files', PolicyDocument: { Version: '2012-10-17', Statement: statements } }] } : {}),
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
          ContainerDefinitions: [
            { Name: 'app', Image: 'public.ecr.aws/docker/library/httpd:2.4', EnvironmentFiles: [{ Type: 's3', Value: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::shop-config/prod/app.env' } }] },
          ],
        },
      },
    },
  });
}
const cfnJsonGranted = cfnJson([
  { Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::shop-config/prod/app.env' } },
  { Effect: 'Allow', Action: 's3:GetBucketLocation', Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::shop-config' } },
]);
const cfnJsonManagedOnly = cfnJson([]);

/** A roles-only template: the JSON task definitions name `app-exec` by ARN. */
const rolesTemplate = (role: RoleOptions = {}) => yamlTemplate([roleYaml({ logicalId: 'AppExecutionRole', roleName: 'app-exec', managedPolicyArns: [executionPolicyArn.sub], ...role })]);
const registerJson = (files: unknown[] = [{ type: 's3', value: objectArn }]) =>
  registerTaskDefinition({
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    executionRoleArn: `arn:aws:iam::${account}:role/app-exec`,
    containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/docker/library/httpd:2.4', environmentFiles: files }],
  });
const describeJson = describeTaskDefinition({
  requiresCompatibilities: ['EC2'],
  executionRoleArn: `arn:aws:iam::${account}:role/app-exec`,
  containerDefinitions: [{ name: 'worker', image: 'registry.example.com/team/worker:3', memory: 256, environmentFiles: [{ value: objectArn, type: 's3' }] }],
});

const managedOnly = envTemplate();
const objectOnly = withStatements(readObject);
const otherBucket = withStatements(`
- Effect: Allow
  Action: [s3:GetObject, s3:GetBucketLocation]
  Resource: [arn:aws:s3:::billing-config, arn:aws:s3:::billing-config/*]`);
const unknownManaged = envTemplate({ role: { managedPolicyArns: [executionPolicyArn.sub, `arn:aws:iam::${account}:policy/config-readers`] } });
const parameterValue = (statements?: string) =>
  envTemplate({
    role: statements ? { statements, managedPolicyArns: [executionPolicyArn.sub] } : undefined,
    files: envFile('!Ref ConfigFile'),
    head: 'Parameters:\n  ConfigFile:\n    Type: String',
  });
const s3Url = withStatements(`${readObject}${locateBucket}`, { files: envFile('s3://shop-config/prod/app.env') });
const ec2Task = envTemplate({ compatibilities: '[EC2]' });

testRule(rule, {
  valid: [
    { name: 'the seed setup is linted', files: seedFiles },
    { name: 'the role reads the object (prefix wildcard) and locates the bucket', files: { 'app.yaml': withStatements(`${readObject}${locateBucket}`) } },
    {
      name: 'one statement grants both actions on the bucket and its objects',
      files: { 'app.yaml': withStatements("\n- Effect: Allow\n  Action: ['s3:GetObject', 's3:GetBucketLocation']\n  Resource: ['arn:aws:s3:::shop-config', 'arn:aws:s3:::shop-config/*']") },
    },
    {
      name: 'the file is a parameter and the role grants s3:GetObject on the same parameter (bucket unknown, so not checked)',
      files: { 'app.yaml': parameterValue('\n- Effect: Allow\n  Action: s3:GetObject\n  Resource: !Ref ConfigFile') },
    },
    { name: 'Copilot style: the file and its policy sit under the same !If condition', files: { 'svc.yaml': conditionalTemplate('HasEnvFile') } },
    {
      name: 'the task definition has no execution role (execution-role-required reports it)',
      files: {
        'app.yaml': yamlTemplate([
          taskDefinitionYaml({ compatibilities: '[FARGATE]', containers: `- Name: app\n  Image: nginx:1.27\n  EnvironmentFiles:\n${indent(envFile(objectArn), 4)}` }),
        ]),
      },
    },
    { name: 'the execution role is external and undeclared (role-not-verifiable notes it)', files: { 'deploy/taskdef.json': registerJson() } },
    { name: 'a CloudFormation JSON role grants both actions', files: { 'app.template.json': cfnJsonGranted } },
    {
      name: 'a register-input task definition names a role in another template that grants both',
      files: { 'infra/roles.yaml': rolesTemplate({ statements: `${readObject}${locateBucket}` }), 'deploy/taskdef.json': registerJson() },
    },
    {
      name: 'a describe-output EC2 task definition whose role grants both',
      files: { 'infra/roles.yaml': rolesTemplate({ statements: `${readObject}${locateBucket}` }), 'deploy/describe.json': describeJson },
    },
    { name: 'the task definition ignores the rule in its Metadata', files: { 'app.yaml': envTemplate({ metadata: 'ecs-iam-lint:\n  ignore: [environment-files-permissions]' }) } },
    { name: 'the rule is turned off in config', files: { 'app.yaml': managedOnly }, config: { rules: { [rule]: 'off' } } },
  ],
  invalid: [
    {
      name: 'only AmazonECSTaskExecutionRolePolicy is attached (it has no S3 actions)',
      files: { 'app.yaml': managedOnly },
      expect: [
        {
          path: 'app.yaml',
          line: lineOf(managedOnly, '- Type: s3'),
          severity: 'error',
          message: [
            `Execution role ExecutionRole of task definition TaskDefinition does not allow s3:GetObject on environment file ${objectArn} or s3:GetBucketLocation on bucket arn:aws:s3:::shop-config for container app`,
            'ResourceInitializationError',
          ],
        },
      ],
    },
    {
      name: 'the role reads the object but cannot locate the bucket (warning)',
      files: { 'app.yaml': objectOnly },
      expect: [{ line: lineOf(objectOnly, '- Type: s3'), severity: 'warning', message: ['does not allow s3:GetBucketLocation on bucket arn:aws:s3:::shop-config', 'ECS documents'] }],
    },
    { name: 'the grants name another bucket', files: { 'app.yaml': otherBucket }, expect: [{ severity: 'error', message: ['s3:GetObject on environment file', 's3:GetBucketLocation'] }] },
    {
      name: 'an EC2 task definition (no instance-role fallback for environment files)',
      files: { 'app.yaml': ec2Task },
      expect: [{ severity: 'error', message: ['Execution role ExecutionRole', 's3:GetObject'] }],
    },
    {
      name: 'a customer managed policy the repository does not define may grant it (warning)',
      files: { 'app.yaml': unknownManaged },
      expect: [{ severity: 'warning', message: ['may not allow s3:GetObject', `arn:aws:iam::${account}:policy/config-readers`] }],
    },
    {
      name: 'the file is a parameter and the role has no S3 read at all',
      files: { 'app.yaml': parameterValue() },
      expect: [{ severity: 'error', message: ['does not allow s3:GetObject on environment file given by parameter ConfigFile'] }],
    },
    {
      name: 'the file is a parameter and the role reads another bucket (warning)',
      files: { 'app.yaml': parameterValue('\n- Effect: Allow\n  Action: s3:GetObject\n  Resource: arn:aws:s3:::billing-config/*') },
      expect: [{ severity: 'warning', message: ['may not allow s3:GetObject on environment file given by parameter ConfigFile'] }],
    },
    {
      name: 'the read policy sits under another condition than the file (warning)',
      files: { 'svc.yaml': conditionalTemplate('HasOtherFile') },
      expect: [{ severity: 'warning', message: ['may not allow s3:GetObject', 'only under a CloudFormation condition'] }],
    },
    {
      name: 'the value is an s3:// URL, not an object ARN',
      files: { 'app.yaml': s3Url },
      expect: [{ line: lineOf(s3Url, '- Type: s3'), severity: 'error', message: ["names environment file 's3://shop-config/prod/app.env' for container app, which is not an S3 object ARN"] }],
    },
    { name: 'a CloudFormation JSON role has only the managed policy', files: { 'app.template.json': cfnJsonManagedOnly }, expect: [{ severity: 'error', message: ['s3:GetObject'] }] },
    {
      name: 'a register-input task definition whose role in another template cannot read the file',
      files: { 'infra/roles.yaml': rolesTemplate(), 'deploy/taskdef.json': registerJson() },
      expect: [{ path: 'deploy/taskdef.json', severity: 'error', message: ['Execution role app-exec of task definition app does not allow s3:GetObject'] }],
    },
    {
      name: 'a describe-output task definition whose role cannot read the file',
      files: { 'infra/roles.yaml': rolesTemplate({ statements: readObject }), 'deploy/describe.json': describeJson },
      expect: [{ path: 'deploy/describe.json', severity: 'warning', message: ['s3:GetBucketLocation', 'container worker'] }],
    },
  ],
});

test('the fix for a role with no inline policy adds one with two statements, one per resource', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': managedOnly });
  const text = patched['app.yaml'];
  assert.match(text, /PolicyName: environment-files/);
  // The template spells partitions with ${AWS::Partition}, so the grant does too.
  assert.match(text, /Action:\s*\n?\s*- s3:GetObject\s*\n\s*Resource: !Sub arn:\$\{AWS::Partition\}:s3:::shop-config\/prod\/app\.env/);
  assert.match(text, /- s3:GetBucketLocation\s*\n\s*Resource: !Sub arn:\$\{AWS::Partition\}:s3:::shop-config\n/);
});

test('the fix for a missing s3:GetBucketLocation adds one statement to the existing policy', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': objectOnly });
  assert.equal((patched['app.yaml'].match(/PolicyName:/g) ?? []).length, 1);
});

test('the fix for a parameter-valued file grants s3:GetObject on !Ref of the parameter', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': parameterValue() });
  assert.match(patched['app.yaml'], /Resource: !Ref ConfigFile/);
});

test('the fix for a CloudFormation JSON template keeps valid JSON', () => {
  const patched = assertFirstFixResolves(rule, { 'app.template.json': cfnJsonManagedOnly });
  assert.doesNotThrow(() => JSON.parse(patched['app.template.json']));
});

test('the fix for a task-definition JSON edits the template that defines the role', () => {
  const files = { 'infra/roles.yaml': rolesTemplate(), 'deploy/taskdef.json': registerJson() };
  const patched = assertFirstFixResolves(rule, files);
  assert.equal(patched['deploy/taskdef.json'], files['deploy/taskdef.json']);
});

test('one finding per file and role: two files in one container are reported separately', () => {
  const files = { 'app.yaml': envTemplate({ files: `${envFile(objectArn)}${envFile('arn:aws:s3:::shop-config/prod/extra.env')}` }) };
  assert.equal(findingsOf(lintFiles(files), rule).length, 2);
});

test('s3ReadGrantsOf lists what a new execution role needs for the environment files', async () => {
  const { s3ReadGrantsOf } = await import('../../src/core/rules/s3-object-reads.js');
  const { Repository } = await import('../../src/core/model/repository.js');
  const { parseFile } = await import('../../src/core/parse/parse-file.js');
  const { defaultLintConfig } = await import('../../src/core/config.js');
  const config = defaultLintConfig();
  const repo = new Repository([parseFile('app.yaml', managedOnly, config.limits)], config);
  assert.deepEqual(s3ReadGrantsOf(repo.taskDefinitions[0]), [
    { action: 's3:GetObject', resources: [objectArn] },
    { action: 's3:GetBucketLocation', resources: ['arn:aws:s3:::shop-config'] },
  ]);
});
