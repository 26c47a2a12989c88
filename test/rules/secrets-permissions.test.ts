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

const rule = 'secrets-permissions';

const dbSecretArn = `arn:aws:secretsmanager:us-east-1:${account}:secret:db-AbCdEf`;
/** The ECS form: the secret ARN followed by `:json-key:version-stage:version-id` (empty fields keep their colons). */
const dbPasswordValueFrom = `${dbSecretArn}:password::`;

function allow(action: string, resource: string, extra = ''): string {
  return `
- Effect: Allow
  Action: ${action}
  Resource: ${resource}${extra ? '\n' + extra : ''}`;
}

interface TemplateOptions {
  role?: RoleOptions;
  /** `Secrets` list items written at column 0. */
  secrets?: string;
  /** More container properties written at column 0. */
  container?: string;
  extraResources?: string[];
  head?: string;
  compatibilities?: string;
  metadata?: string;
}

/** A Fargate task (private registry-free image) whose execution role is `role`, reading the given secrets. */
function secretsTemplate(options: TemplateOptions): string {
  const { role = { managedPolicyArns: [executionPolicyArn.sub] }, secrets, container, extraResources = [], head, compatibilities = '[FARGATE]', metadata } = options;
  return yamlTemplate(
    [
      ...extraResources,
      roleYaml(role),
      taskDefinitionYaml({
        compatibilities,
        executionRoleArn: '!GetAtt ExecutionRole.Arn',
        metadata,
        containers: `
- Name: app
  Image: public.ecr.aws/docker/library/httpd:2.4
  Memory: 512
${secrets ? `  Secrets:\n${indent(secrets, 4)}\n` : ''}${container ? indent(container, 2) : ''}`,
      }),
    ],
    head,
  );
}

const dbPassword = `
- Name: DB_PASSWORD
  ValueFrom: '${dbPasswordValueFrom}'`;
const withStatements = (statements: string, secrets = dbPassword, rest: Omit<TemplateOptions, 'role' | 'secrets'> = {}) =>
  secretsTemplate({ role: { statements, managedPolicyArns: [executionPolicyArn.sub] }, secrets, ...rest });

const ssmSecret = (valueFrom: string) => `
- Name: API_KEY
  ValueFrom: ${valueFrom}`;
const appParameters = '!Sub arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/app/*';

const namedSecret = `  DbSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: app/db
      GenerateSecretString:
        SecretStringTemplate: '{"username": "app"}'
        GenerateStringKey: password
`;
const cmkSecret = `  SecretsKey:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub 'arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root' }
            Action: kms:*
            Resource: '*'
  DbSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      KmsKeyId: !Ref SecretsKey
      GenerateSecretString:
        PasswordLength: 32
`;

const managedOnly = secretsTemplate({ secrets: dbPassword });
const otherSecret = withStatements(allow('secretsmanager:GetSecretValue', `arn:aws:secretsmanager:us-east-1:${account}:secret:api-*`));
const ssmOtherPath = withStatements(allow('ssm:GetParameters', '!Sub arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/billing/*'), ssmSecret('/app/api-key'));
const ssmSingular = withStatements(allow('ssm:GetParameter', appParameters), ssmSecret('/app/api-key'));
const referenceOnlySsm = withStatements(allow('ssm:GetParameters', "'*'"), ssmSecret('/aws/reference/secretsmanager/app/db'));
const cmkWithoutDecrypt = withStatements(allow('secretsmanager:GetSecretValue', '!Ref DbSecret'), ssmSecret('!Ref DbSecret'), { extraResources: [cmkSecret] });
const refOtherPolicy = withStatements(
  allow('secretsmanager:GetSecretValue', '!Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:other/*'),
  ssmSecret('!Ref DbSecret'),
  { extraResources: [namedSecret] },
);
const parameterNoDefault = withStatements(allow('secretsmanager:GetSecretValue', `arn:aws:secretsmanager:us-east-1:${account}:secret:api-*`), ssmSecret('!Ref DbSecretArn'), {
  head: 'Parameters:\n  DbSecretArn:\n    Type: String\n    Description: ARN of the database secret',
});
const parameterInSub = withStatements(
  allow('secretsmanager:GetSecretValue', `arn:aws:secretsmanager:us-east-1:${account}:secret:api-*`),
  ssmSecret('!Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${DbSecretName}'),
  { head: 'Parameters:\n  DbSecretName:\n    Type: String' },
);
const repositoryCredentials = (statements: string) =>
  secretsTemplate({
    role: { statements, managedPolicyArns: [executionPolicyArn.sub] },
    container: `
RepositoryCredentials:
  CredentialsParameter: !Sub arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:registry/dockerhub-Ab12Cd`,
  });
const repositoryCredentialsMissing = repositoryCredentials(allow('secretsmanager:GetSecretValue', '!Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:app/*'));
const logSecretOptions = (statements: string) =>
  secretsTemplate({
    role: { statements, managedPolicyArns: [executionPolicyArn.sub] },
    container: `
LogConfiguration:
  LogDriver: splunk
  Options:
    splunk-url: https://splunk.example.com:8088
  SecretOptions:
    - Name: splunk-token
      ValueFrom: !Sub arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/logging/splunk-token`,
  });
const logSecretMissing = logSecretOptions(allow('ssm:GetParameters', appParameters));
const invalidS3 = withStatements(allow('ssm:GetParameters', "'*'"), ssmSecret('arn:aws:s3:::app-config/prod/api-key'));
const invalidSecretArn = withStatements(allow('secretsmanager:GetSecretValue', "'*'"), ssmSecret(`'arn:aws:secretsmanager:us-east-1:${account}:db-password'`));
const invalidName = withStatements(allow('ssm:GetParameters', "'*'"), ssmSecret("'my api key'"));
const colonForm = withStatements(allow('ssm:GetParameters', "'*'"), ssmSecret(`arn:aws:ssm:us-east-1:${account}:parameter:/app/api-key`));
const denySecrets = withStatements(`${allow('secretsmanager:GetSecretValue', "'*'")}
- Effect: Deny
  Action: secretsmanager:*
  Resource: '*'`);
const unknownManagedPolicy = secretsTemplate({ role: { managedPolicyArns: [executionPolicyArn.sub, `arn:aws:iam::${account}:policy/app-secrets`] }, secrets: dbPassword });

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
          ...(statements.length ? { Policies: [{ PolicyName: 'secrets', PolicyDocument: { Version: '2012-10-17', Statement: statements } }] } : {}),
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
            {
              Name: 'app',
              Image: 'public.ecr.aws/docker/library/httpd:2.4',
              Secrets: [{ Name: 'DB_PASSWORD', ValueFrom: dbPasswordValueFrom }],
            },
          ],
        },
      },
    },
  });
}
const cfnJsonManagedOnly = cfnJson([]);
const cfnJsonGranted = cfnJson([
  { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db-??????' } },
]);

function rolesTemplate(role: RoleOptions): string {
  return yamlTemplate([roleYaml({ logicalId: 'AppExecutionRole', roleName: 'app-exec', managedPolicyArns: [executionPolicyArn.sub], ...role })]);
}
const jsonSecrets = [
  { name: 'DB_PASSWORD', valueFrom: dbPasswordValueFrom },
  { name: 'API_KEY', valueFrom: '/app/api-key' },
];
const registerJson = (executionRoleArn = `arn:aws:iam::${account}:role/app-exec`, secrets: unknown[] = jsonSecrets) =>
  registerTaskDefinition({
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    executionRoleArn,
    containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/docker/library/httpd:2.4', secrets }],
  });
const describeJson = (executionRoleArn: string, container: Record<string, unknown>) =>
  describeTaskDefinition({
    requiresCompatibilities: ['EC2'],
    executionRoleArn,
    containerDefinitions: [{ name: 'app', image: 'registry.example.com/team/app:3', memory: 256, ...container }],
  });
const grantsBoth = `${allow('secretsmanager:GetSecretValue', '!Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db-*')}${allow('ssm:GetParameters', appParameters)}`;
const registerByArn = registerJson();
const externalArn = `arn:aws:iam::${account}:role/shared-exec`;

testRule(rule, {
  valid: [
    { name: 'the seed setup is linted', files: seedFiles },
    {
      name: 'a json-key Secrets Manager ARN is granted on secret:db-*',
      files: { 'app.yaml': withStatements(allow('secretsmanager:GetSecretValue', `arn:aws:secretsmanager:us-east-1:${account}:secret:db-*`)) },
    },
    {
      name: 'a json-key Secrets Manager ARN is granted on secret:db-??????',
      files: { 'app.yaml': withStatements(allow('secretsmanager:GetSecretValue', `'arn:aws:secretsmanager:us-east-1:${account}:secret:db-??????'`)) },
    },
    { name: 'a json-key Secrets Manager ARN is granted on the exact secret ARN', files: { 'app.yaml': withStatements(allow('secretsmanager:GetSecretValue', dbSecretArn)) } },
    {
      name: 'the grant uses pseudo parameters where the task definition has literal ARNs',
      files: { 'app.yaml': withStatements(allow('secretsmanager:GetSecretValue', '!Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db-*')) },
    },
    {
      name: '!Ref of a named secret is both the ValueFrom and the policy resource',
      files: { 'app.yaml': withStatements(allow('secretsmanager:GetSecretValue', '!Ref DbSecret'), ssmSecret('!Ref DbSecret'), { extraResources: [namedSecret] }) },
    },
    {
      name: '!Ref of an unnamed secret is both the ValueFrom and the policy resource',
      files: { 'app.yaml': withStatements(allow('secretsmanager:GetSecretValue', '!Ref DbSecret'), ssmSecret('!Ref DbSecret'), { extraResources: [cmkSecret.replace('      KmsKeyId: !Ref SecretsKey\n', '')] }) },
    },
    {
      name: "the ValueFrom is !Sub '${DbSecret}:password::' and the policy names !Ref DbSecret",
      files: { 'app.yaml': withStatements(allow('secretsmanager:GetSecretValue', '!Ref DbSecret'), ssmSecret("!Sub '${DbSecret}:password::'"), { extraResources: [namedSecret] }) },
    },
    { name: 'an SSM name with a leading slash (/app/api-key) is granted on parameter/app/*', files: { 'app.yaml': withStatements(allow('ssm:GetParameters', appParameters), ssmSecret('/app/api-key')) } },
    { name: 'an SSM name without a leading slash (app/api-key) is granted on parameter/app/*', files: { 'app.yaml': withStatements(allow('ssm:GetParameters', appParameters), ssmSecret('app/api-key')) } },
    {
      name: 'an SSM parameter ARN is granted on parameter/app/*',
      files: { 'app.yaml': withStatements(allow('ssm:GetParameters', appParameters), ssmSecret(`arn:aws:ssm:us-east-1:${account}:parameter/app/api-key`)) },
    },
    {
      name: 'a /aws/reference/secretsmanager/ parameter is granted both ssm:GetParameters and secretsmanager:GetSecretValue',
      files: {
        'app.yaml': withStatements(
          `${allow('ssm:GetParameters', '!Sub arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/aws/reference/secretsmanager/*')}${allow('secretsmanager:GetSecretValue', '!Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:app/db-*')}`,
          ssmSecret('/aws/reference/secretsmanager/app/db'),
        ),
      },
    },
    {
      name: 'the grant sits under a tag-based condition (Copilot style) that cannot be decided statically',
      files: {
        'app.yaml': withStatements(
          allow('secretsmanager:GetSecretValue', "'*'", "  Condition:\n    StringEquals:\n      'secretsmanager:ResourceTag/copilot-application': shop\n      'secretsmanager:ResourceTag/copilot-environment': prod"),
        ),
      },
    },
    {
      name: 'a customer managed KMS key on the secret is granted kms:Decrypt',
      files: {
        'app.yaml': withStatements(`${allow('secretsmanager:GetSecretValue', '!Ref DbSecret')}${allow('kms:Decrypt', '!GetAtt SecretsKey.Arn')}`, ssmSecret('!Ref DbSecret'), {
          extraResources: [cmkSecret],
        }),
      },
    },
    {
      name: 'the secret uses the AWS managed key alias/aws/secretsmanager (no kms:Decrypt needed)',
      files: {
        'app.yaml': withStatements(allow('secretsmanager:GetSecretValue', '!Ref DbSecret'), ssmSecret('!Ref DbSecret'), {
          extraResources: [namedSecret.replace('      Name: app/db\n', '      Name: app/db\n      KmsKeyId: alias/aws/secretsmanager\n')],
        }),
      },
    },
    { name: 'RepositoryCredentials is granted on secret:registry/*', files: { 'app.yaml': repositoryCredentials(allow('secretsmanager:GetSecretValue', '!Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:registry/*')) } },
    { name: 'log SecretOptions are granted on parameter/logging/*', files: { 'app.yaml': logSecretOptions(allow('ssm:GetParameters', '!Sub arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/logging/*')) } },
    {
      name: 'a secret given by a parameter without default, and the role reads every secret',
      files: { 'app.yaml': withStatements(allow('secretsmanager:GetSecretValue', "'*'"), ssmSecret('!Ref DbSecretArn'), { head: 'Parameters:\n  DbSecretArn:\n    Type: String' }) },
    },
    { name: 'a CloudFormation JSON role is granted on secret:db-??????', files: { 'app.json': cfnJsonGranted } },
    {
      name: 'a register-input task definition names by ARN a role in another template that reads both references',
      files: { 'infra/roles.yaml': rolesTemplate({ statements: grantsBoth }), 'deploy/taskdef.json': registerByArn },
    },
    {
      name: 'a describe-output EC2 task definition reads repository credentials by bare secret name, granted on secret:registry/*',
      files: {
        'infra/roles.yaml': rolesTemplate({ statements: allow('secretsmanager:GetSecretValue', '!Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:registry/*') }),
        'deploy/describe.json': describeJson('app-exec', { repositoryCredentials: { credentialsParameter: 'registry/dockerhub' } }),
      },
    },
    {
      name: 'an EC2 task with secrets and no execution role (execution-role-required reports it; the instance role is no fallback)',
      files: {
        'ec2.yaml': yamlTemplate([
          ec2CapacityYaml({ statements: "- Effect: Allow\n  Action: '*'\n  Resource: '*'" }),
          taskDefinitionYaml({ compatibilities: '[EC2]', containers: `- Name: app\n  Image: nginx:1.27\n  Memory: 256\n  Secrets:\n${indent(dbPassword, 4)}` }),
        ]),
      },
    },
    { name: 'the execution role is external and undeclared (role-not-verifiable notes it)', files: { 'deploy/taskdef.json': registerJson(externalArn) } },
    {
      name: 'the external role is declared in config with assumeCompliant',
      files: { 'deploy/taskdef.json': registerJson(externalArn) },
      config: { externalRoles: [{ arn: externalArn, assumeCompliant: true }] },
    },
    {
      name: 'the task definition resource ignores the rule in its Metadata',
      files: { 'app.yaml': secretsTemplate({ secrets: dbPassword, metadata: 'ecs-iam-lint:\n  ignore: [secrets-permissions]' }) },
    },
    { name: 'the rule is turned off in config', files: { 'app.yaml': managedOnly }, config: { rules: { [rule]: 'off' } } },
  ],
  invalid: [
    {
      name: 'only AmazonECSTaskExecutionRolePolicy is attached (it reads no secrets)',
      files: { 'app.yaml': managedOnly },
      expect: [
        {
          path: 'app.yaml',
          line: lineOf(managedOnly, '- Name: DB_PASSWORD'),
          severity: 'error',
          message: ['Execution role ExecutionRole of task definition TaskDefinition does not allow secretsmanager:GetSecretValue on secret db', 'ResourceInitializationError'],
        },
      ],
    },
    {
      name: 'the grant names another secret',
      files: { 'app.yaml': otherSecret },
      expect: [{ line: lineOf(otherSecret, '- Name: DB_PASSWORD'), severity: 'error', message: ['secretsmanager:GetSecretValue on secret db'] }],
    },
    {
      name: 'an SSM parameter is granted on another path',
      files: { 'app.yaml': ssmOtherPath },
      expect: [{ line: lineOf(ssmOtherPath, '- Name: API_KEY'), severity: 'error', message: ['ssm:GetParameters on parameter /app/api-key'] }],
    },
    {
      name: 'the role allows ssm:GetParameter (singular) but the agent calls ssm:GetParameters',
      files: { 'app.yaml': ssmSingular },
      expect: [{ severity: 'error', message: ['ssm:GetParameters'] }],
    },
    {
      name: 'a /aws/reference/secretsmanager/ parameter is granted ssm:GetParameters only',
      files: { 'app.yaml': referenceOnlySsm },
      expect: [{ severity: 'error', message: ['does not allow secretsmanager:GetSecretValue on parameter /aws/reference/secretsmanager/app/db'] }],
    },
    {
      name: 'a secret encrypted with a customer managed key in the template, without kms:Decrypt',
      files: { 'app.yaml': cmkWithoutDecrypt },
      expect: [{ line: lineOf(cmkWithoutDecrypt, '- Name: API_KEY'), severity: 'error', message: ['does not allow kms:Decrypt', 'DbSecret'] }],
    },
    {
      name: '!Ref of a secret in ValueFrom while the policy names another secret',
      files: { 'app.yaml': refOtherPolicy },
      expect: [{ severity: 'error', message: ['secretsmanager:GetSecretValue on secret app/db'] }],
    },
    {
      name: 'the secret is given by a template parameter without default (warning, not error)',
      files: { 'app.yaml': parameterNoDefault },
      expect: [{ line: lineOf(parameterNoDefault, '- Name: API_KEY'), severity: 'warning', message: ['may not allow', 'parameter DbSecretArn'] }],
    },
    {
      name: 'the secret name is a parameter inside a !Sub ARN (warning)',
      files: { 'app.yaml': parameterInSub },
      expect: [{ severity: 'warning', message: ['may not allow secretsmanager:GetSecretValue', '${DbSecretName}'] }],
    },
    {
      name: 'RepositoryCredentials.CredentialsParameter is not granted',
      files: { 'app.yaml': repositoryCredentialsMissing },
      expect: [{ line: lineOf(repositoryCredentialsMissing, 'CredentialsParameter:'), severity: 'error', message: ['secretsmanager:GetSecretValue on secret registry/dockerhub'] }],
    },
    {
      name: 'LogConfiguration.SecretOptions is not granted',
      files: { 'app.yaml': logSecretMissing },
      expect: [{ line: lineOf(logSecretMissing, '- Name: splunk-token'), severity: 'error', message: ['ssm:GetParameters on parameter logging/splunk-token'] }],
    },
    {
      name: 'ValueFrom is an S3 ARN',
      files: { 'app.yaml': invalidS3 },
      expect: [{ line: lineOf(invalidS3, '- Name: API_KEY'), severity: 'error', message: ["references 'arn:aws:s3:::app-config/prod/api-key'", 'neither a Secrets Manager secret ARN nor an SSM parameter'] }],
    },
    {
      name: 'ValueFrom is a Secrets Manager ARN without :secret:',
      files: { 'app.yaml': invalidSecretArn },
      expect: [{ severity: 'error', message: ['malformed Secrets Manager secret ARN'] }],
    },
    {
      name: 'ValueFrom is a name with spaces',
      files: { 'app.yaml': invalidName },
      expect: [{ severity: 'error', message: ["'my api key'"] }],
    },
    {
      name: "ValueFrom uses the docs' parameter:/name typo (warning)",
      files: { 'app.yaml': colonForm },
      expect: [{ line: lineOf(colonForm, '- Name: API_KEY'), severity: 'warning', message: ['not a valid SSM parameter ARN', 'parameter/app/api-key'] }],
    },
    {
      name: 'an explicit Deny on secretsmanager:* beats the Allow',
      files: { 'app.yaml': denySecrets },
      expect: [{ severity: 'error', message: ['secretsmanager:GetSecretValue'] }],
    },
    {
      name: 'the only candidate is a customer managed policy the repository does not define (warning)',
      files: { 'app.yaml': unknownManagedPolicy },
      expect: [{ severity: 'warning', message: ['may not allow secretsmanager:GetSecretValue', `arn:aws:iam::${account}:policy/app-secrets`] }],
    },
    {
      name: 'an EC2 task has an execution role that cannot read its secret',
      files: { 'ec2.yaml': secretsTemplate({ compatibilities: '[EC2]', secrets: dbPassword }) },
      expect: [{ severity: 'error', message: ['secret db'] }],
    },
    {
      name: 'a CloudFormation JSON role has only the managed policy',
      files: { 'app.template.json': cfnJsonManagedOnly },
      expect: [{ path: 'app.template.json', line: lineOf(cfnJsonManagedOnly, '"Name": "DB_PASSWORD"') - 1, severity: 'error', message: ['ExecutionRole', 'secret db'] }],
    },
    {
      name: 'a register-input task definition names by ARN a role in another template that reads neither reference',
      files: { 'infra/roles.yaml': rolesTemplate({}), 'deploy/taskdef.json': registerByArn },
      expect: [
        { path: 'deploy/taskdef.json', line: lineOf(registerByArn, '"name": "DB_PASSWORD"') - 1, message: ['Execution role app-exec of task definition app', 'secretsmanager:GetSecretValue on secret db'] },
        { path: 'deploy/taskdef.json', line: lineOf(registerByArn, '"name": "API_KEY"') - 1, message: ['app-exec', 'ssm:GetParameters on parameter /app/api-key'] },
      ],
    },
    {
      name: 'a describe-output EC2 task definition reads repository credentials by ARN and log secrets the role cannot read',
      files: {
        'infra/roles.yaml': rolesTemplate({}),
        'deploy/describe.json': describeJson('app-exec', {
          repositoryCredentials: { credentialsParameter: `arn:aws:secretsmanager:us-east-1:${account}:secret:registry/dockerhub-Ab12Cd` },
          logConfiguration: { logDriver: 'splunk', options: { 'splunk-url': 'https://splunk.example.com:8088' }, secretOptions: [{ name: 'splunk-token', valueFrom: '/logging/splunk-token' }] },
        }),
      },
      expect: [
        { path: 'deploy/describe.json', message: ['secret registry/dockerhub'] },
        { path: 'deploy/describe.json', message: ['parameter /logging/splunk-token'] },
      ],
    },
    {
      name: 'the external role is declared in config with only AmazonECSTaskExecutionRolePolicy',
      files: { 'deploy/taskdef.json': registerJson(externalArn, [jsonSecrets[1]]) },
      config: { externalRoles: [{ arn: externalArn, managedPolicies: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'] }] },
      expect: [{ path: 'deploy/taskdef.json', severity: 'error', message: ['Execution role shared-exec', 'ssm:GetParameters'] }],
    },
    {
      name: 'config lowers the severity to warning',
      files: { 'app.yaml': managedOnly },
      config: { rules: { [rule]: 'warning' } },
      expect: [{ severity: 'warning' }],
    },
  ],
});

const fsxTemplate = (statements: string) =>
  yamlTemplate([
    roleYaml({ statements, managedPolicyArns: [executionPolicyArn.sub] }),
    `  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [EC2]
      ExecutionRoleArn: !GetAtt ExecutionRole.Arn
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
          MountPoints:
            - SourceVolume: shared
              ContainerPath: C:\\data
`,
  ]);

test('FSx for Windows File Server volume credentials need secretsmanager:GetSecretValue (R17)', () => {
  const missing = fsxTemplate(allow('ssm:GetParameters', "'*'"));
  const found = findingsOf(lintFiles({ 'fsx.yaml': missing }), rule);
  assert.equal(found.length, 1);
  assert.equal(found[0].line, lineOf(missing, 'CredentialsParameter:'));
  assert.match(found[0].message, /secretsmanager:GetSecretValue on secret fsx\/domain-user/);
  assert.deepEqual(findingsOf(lintFiles({ 'fsx.yaml': fsxTemplate(allow('secretsmanager:GetSecretValue', `arn:aws:secretsmanager:us-east-1:${account}:secret:fsx/*`)) }), rule), []);
});

test('FSx credentials in a register-input task definition are checked against the role template', () => {
  const files = {
    'infra/roles.yaml': rolesTemplate({}),
    'deploy/taskdef.json': registerTaskDefinition({
      requiresCompatibilities: ['EC2'],
      executionRoleArn: 'app-exec',
      volumes: [
        {
          name: 'shared',
          fsxWindowsFileServerVolumeConfiguration: {
            fileSystemId: 'fs-0123456789abcdef0',
            rootDirectory: 'share',
            authorizationConfig: { credentialsParameter: `arn:aws:ssm:us-east-1:${account}:parameter/fsx/domain-user`, domain: 'corp.example.com' },
          },
        },
      ],
      containerDefinitions: [{ name: 'app', image: 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022', memory: 1024 }],
    }),
  };
  const found = findingsOf(lintFiles(files), rule);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /ssm:GetParameters on parameter fsx\/domain-user/);
});

test('a secret given by a template parameter is never an error', () => {
  for (const files of [{ 'app.yaml': parameterNoDefault }, { 'app.yaml': parameterInSub }]) {
    const found = findingsOf(lintFiles(files), rule);
    assert.ok(found.every((f) => f.severity !== 'error'), found.map((f) => f.message).join('\n'));
  }
});

test('a cross-file finding names the role template in relatedPaths', () => {
  const found = findingsOf(lintFiles({ 'infra/roles.yaml': rolesTemplate({}), 'deploy/taskdef.json': registerByArn }), rule);
  assert.ok(found.length > 0);
  for (const finding of found) assert.deepEqual(finding.relatedPaths, ['infra/roles.yaml']);
});

test('the first fix adds a statement scoped to the referenced secret, and the rule no longer fires', () => {
  const [finding] = findingsOf(lintFiles({ 'app.yaml': managedOnly }), rule);
  const added = finding.fixes[0]?.edits.map((edit) => edit.newText).join('') ?? '';
  assert.match(added, /secretsmanager:GetSecretValue/);
  assert.match(added, /secret:db-AbCdEf/);
  assert.doesNotMatch(added, /Resource: '\*'/);
  assertFirstFixResolves(rule, { 'app.yaml': managedOnly });
});

test('the fix for an SSM parameter on another path grants that parameter', () => {
  assertFirstFixResolves(rule, { 'app.yaml': ssmOtherPath });
});

test('the fix for a /aws/reference/secretsmanager/ parameter adds the missing secretsmanager action', () => {
  assertFirstFixResolves(rule, { 'app.yaml': referenceOnlySsm });
});

test('the fix for a customer managed key adds kms:Decrypt', () => {
  assertFirstFixResolves(rule, { 'app.yaml': cmkWithoutDecrypt });
});

test('the fix for a CloudFormation JSON template keeps valid JSON', () => {
  const patched = assertFirstFixResolves(rule, { 'app.template.json': cfnJsonManagedOnly });
  assert.doesNotThrow(() => JSON.parse(patched['app.template.json']));
});

test('the fix for a task-definition JSON edits the role template', () => {
  const files = { 'infra/roles.yaml': rolesTemplate({}), 'deploy/taskdef.json': registerJson(undefined, [jsonSecrets[1]]) };
  const patched = assertFirstFixResolves(rule, files);
  assert.equal(patched['deploy/taskdef.json'], files['deploy/taskdef.json']);
});

test('an invalid ValueFrom gets no permission finding on top of the invalid-value one', () => {
  const found = findingsOf(lintFiles({ 'app.yaml': invalidS3 }), rule);
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].fixes, []);
});

test('secrets-permissions: a CDK-style ValueFrom joining !Ref Secret with the json-key suffix matches a grant on !Ref Secret', () => {
  const template = JSON.stringify({
    Resources: {
      Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { GenerateSecretString: {} } },
      ExecRole: {
        Type: 'AWS::IAM::Role',
        Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
      },
      ExecRoleDefaultPolicy: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyName: 'ExecRoleDefaultPolicy',
          Roles: [{ Ref: 'ExecRole' }],
          PolicyDocument: { Statement: [{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: { Ref: 'Secret' } }] },
        },
      },
      TaskDef: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          RequiresCompatibilities: ['FARGATE'],
          ExecutionRoleArn: { 'Fn::GetAtt': ['ExecRole', 'Arn'] },
          ContainerDefinitions: [
            { Name: 'web', Image: 'nginx', Secrets: [{ Name: 'PASSWORD', ValueFrom: { 'Fn::Join': ['', [{ Ref: 'Secret' }, ':password::']] } }] },
          ],
        },
      },
    },
  }, null, 1);
  assert.deepEqual(findingsOf(lintFiles({ 'cdk.template.json': template }), 'secrets-permissions'), []);
  const withoutGrant = template.replace('"secretsmanager:GetSecretValue",', '');
  const found = findingsOf(lintFiles({ 'cdk.template.json': withoutGrant }), 'secrets-permissions');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'error');
});
