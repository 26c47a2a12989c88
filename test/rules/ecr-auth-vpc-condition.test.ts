import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import {
  account,
  assertFirstFixResolves,
  describeTaskDefinition,
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
  type RoleOptions,
} from './cfn-snippets.js';

const rule = 'ecr-auth-vpc-condition';

const endpointCondition = (operator = 'StringEquals', key = 'aws:SourceVpce') => `  Condition:
    ${operator}:
      ${key}: vpce-0a1b2c3d4e5f67890`;
/** Every ECR pull action in one statement, behind the VPC endpoint condition: the mistake. */
const allUnderCondition = (operator?: string, key?: string) => `
- Sid: PullThroughEndpoint
  Effect: Allow
  Action:
    - ecr:GetAuthorizationToken
    - ecr:BatchCheckLayerAvailability
    - ecr:GetDownloadUrlForLayer
    - ecr:BatchGetImage
  Resource: '*'
${endpointCondition(operator, key)}`;
/** The documented pattern: only the repository actions carry the condition. */
const documentedPattern = `
- Effect: Allow
  Action: ecr:GetAuthorizationToken
  Resource: '*'
- Effect: Allow
  Action:
    - ecr:BatchCheckLayerAvailability
    - ecr:GetDownloadUrlForLayer
    - ecr:BatchGetImage
  Resource: !Sub arn:\${AWS::Partition}:ecr:\${AWS::Region}:\${AWS::AccountId}:repository/app
${endpointCondition()}`;
const tokenOnlyUnderCondition = `
- Effect: Allow
  Action: ecr:GetAuthorizationToken
  Resource: '*'
  Condition:
    StringEquals:
      aws:SourceVpc: vpc-0123456789abcdef0
- Effect: Allow
  Action: [ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage]
  Resource: '*'`;
const wildcardUnderCondition = `
- Effect: Allow
  Action: ecr:*
  Resource: '*'
${endpointCondition('ForAnyValue:StringLike')}`;
const mixedCondition = `
- Effect: Allow
  Action: ecr:GetAuthorizationToken
  Resource: '*'
  Condition:
    StringEquals:
      aws:SourceVpce: vpce-0a1b2c3d4e5f67890
      aws:PrincipalTag/team: shop
- Effect: Allow
  Action: [ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage]
  Resource: '*'`;
const denyOutsideEndpoint = (actions: string) => `
- Effect: Allow
  Action: ecr:*
  Resource: '*'
- Sid: OnlyThroughEndpoint
  Effect: Deny
  Action: ${actions}
  Resource: '*'
  Condition:
    StringNotEquals:
      aws:SourceVpce: vpce-0a1b2c3d4e5f67890`;

interface TemplateOptions {
  role?: RoleOptions;
  compatibilities?: string;
  image?: string;
  extraResources?: string[];
  metadata?: string;
}

function fargateTemplate(options: TemplateOptions = {}): string {
  const { role = {}, compatibilities = '[FARGATE]', image = privateImage, extraResources = [], metadata } = options;
  return yamlTemplate([
    ...extraResources,
    roleYaml(role),
    taskDefinitionYaml({ compatibilities, executionRoleArn: '!GetAtt ExecutionRole.Arn', metadata, containers: `\n- Name: app\n  Image: ${image}` }),
  ]);
}
const withStatements = (statements: string, rest: Omit<TemplateOptions, 'role'> = {}) => fargateTemplate({ role: { statements }, ...rest });

function cfnJson(statements: Record<string, unknown>[]): string {
  return json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      ExecutionRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          Policies: [{ PolicyName: 'pull', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
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
          ContainerDefinitions: [{ Name: 'app', Image: { 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1.0' } }],
        },
      },
    },
  });
}
const jsonPullStatement = {
  Effect: 'Allow',
  Action: ['ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
  Resource: '*',
  Condition: { StringEquals: { 'aws:sourceVpce': 'vpce-0a1b2c3d4e5f67890' } },
};

const rolesTemplate = (statements: string) => yamlTemplate([roleYaml({ logicalId: 'AppExecutionRole', roleName: 'app-exec', statements })]);
const taskJson = (compatibilities: string[]) => ({
  requiresCompatibilities: compatibilities,
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  executionRoleArn: `arn:aws:iam::${account}:role/app-exec`,
  containerDefinitions: [{ name: 'app', image: ecrImage }],
});

const allActions = withStatements(allUnderCondition());
const sharedRole = yamlTemplate([
  roleYaml({ statements: allUnderCondition() }),
  taskDefinitionYaml({ compatibilities: '[FARGATE]', executionRoleArn: '!GetAtt ExecutionRole.Arn', containers: `- Name: api\n  Image: ${privateImage}` }),
  taskDefinitionYaml({ logicalId: 'WorkerTaskDefinition', family: 'worker', compatibilities: '[FARGATE]', executionRoleArn: '!GetAtt ExecutionRole.Arn', containers: `- Name: worker\n  Image: ${privateImage}` }),
]);
const unknownManaged = fargateTemplate({ role: { statements: allUnderCondition(), managedPolicyArns: [`arn:aws:iam::${account}:policy/platform-ecr`] } });

testRule(rule, {
  valid: [
    { name: 'the seed setup is linted', files: seedFiles },
    { name: 'only the repository actions carry the endpoint condition (the documented pattern)', files: { 'app.yaml': withStatements(documentedPattern) } },
    { name: 'the task runs on EC2, where the call goes through the instance network', files: { 'app.yaml': withStatements(allUnderCondition(), { compatibilities: '[EC2]' }) } },
    { name: 'the Fargate task pulls only public images', files: { 'app.yaml': withStatements(allUnderCondition(), { image: 'public.ecr.aws/docker/library/httpd:2.4' }) } },
    { name: 'the condition uses StringEqualsIfExists, which a request without the key satisfies', files: { 'app.yaml': withStatements(allUnderCondition('StringEqualsIfExists')) } },
    { name: 'AmazonECSTaskExecutionRolePolicy grants the token without a condition', files: { 'app.yaml': fargateTemplate({ role: { statements: allUnderCondition(), managedPolicyArns: [executionPolicyArn.sub] } }) } },
    { name: 'the role grants no ECR action at all (ecr-pull-permissions reports that)', files: { 'app.yaml': withStatements("\n- Effect: Allow\n  Action: logs:PutLogEvents\n  Resource: '*'") } },
    { name: 'a Deny outside the endpoint that leaves GetAuthorizationToken out', files: { 'app.yaml': withStatements(denyOutsideEndpoint('[ecr:BatchGetImage, ecr:GetDownloadUrlForLayer]')) } },
    { name: 'a CloudFormation JSON role with the documented pattern', files: { 'app.template.json': cfnJson([{ Effect: 'Allow', Action: 'ecr:*', Resource: '*' }]) } },
    { name: 'a register-input EC2 task definition', files: { 'infra/roles.yaml': rolesTemplate(allUnderCondition()), 'deploy/taskdef.json': registerTaskDefinition(taskJson(['EC2'])) } },
    { name: 'the role template ignores the rule', files: { 'app.yaml': allActions.replace("Resources:\n", "Metadata:\n  ecs-iam-lint:\n    ignore: [ecr-auth-vpc-condition]\nResources:\n") } },
  ],
  invalid: [
    {
      name: 'every ECR action, GetAuthorizationToken included, sits under aws:SourceVpce',
      files: { 'app.yaml': allActions },
      expect: [
        {
          line: lineOf(allActions, '- Sid: PullThroughEndpoint'),
          severity: 'error',
          message: [
            'Execution role ExecutionRole of Fargate task definition TaskDefinition allows ecr:GetAuthorizationToken only under an aws:SourceVpce condition',
            'Fargate-owned network interface',
            'grant ecr:GetAuthorizationToken in a statement without the condition',
          ],
        },
      ],
    },
    { name: 'the only GetAuthorizationToken statement requires aws:SourceVpc', files: { 'app.yaml': withStatements(tokenOnlyUnderCondition) }, expect: [{ message: ['aws:SourceVpc condition'] }] },
    { name: 'ecr:* under a ForAnyValue:StringLike endpoint condition', files: { 'app.yaml': withStatements(wildcardUnderCondition) }, expect: [{ severity: 'error', message: ['aws:SourceVpce'] }] },
    { name: 'the endpoint key shares its operator with another key', files: { 'app.yaml': withStatements(mixedCondition) }, expect: [{ severity: 'error' }] },
    {
      name: 'a Deny outside the endpoint covers ecr:* (no mechanical fix)',
      files: { 'app.yaml': withStatements(denyOutsideEndpoint('ecr:*')) },
      expect: [{ line: lineOf(withStatements(denyOutsideEndpoint('ecr:*')), '- Sid: OnlyThroughEndpoint'), severity: 'error', message: ['denies ecr:GetAuthorizationToken', 'exclude ecr:GetAuthorizationToken from this Deny'] }],
    },
    { name: 'a Deny outside the endpoint lists GetAuthorizationToken', files: { 'app.yaml': withStatements(denyOutsideEndpoint('[ecr:GetAuthorizationToken, ecr:BatchGetImage]')) }, expect: [{ message: ['denies'] }] },
    {
      name: 'the task runs on Fargate through its service',
      files: {
        'app.yaml': withStatements(allUnderCondition(), {
          compatibilities: '',
          extraResources: ['  Service:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref TaskDefinition\n      LaunchType: FARGATE\n'],
        }),
      },
      expect: [{ severity: 'error' }],
    },
    {
      name: 'two Fargate task definitions share the role: one finding naming both',
      files: { 'app.yaml': sharedRole },
      expect: [{ message: ['Fargate task definition TaskDefinition and WorkerTaskDefinition'] }],
    },
    {
      name: 'a customer managed policy the repository does not define may still grant the token (warning)',
      files: { 'app.yaml': unknownManaged },
      expect: [{ severity: 'warning', message: [`arn:aws:iam::${account}:policy/platform-ecr`] }],
    },
    { name: 'a CloudFormation JSON role', files: { 'app.template.json': cfnJson([jsonPullStatement]) }, expect: [{ severity: 'error', message: ['aws:sourceVpce'] }] },
    {
      name: 'a register-input Fargate task definition whose role is in a template (the finding is at the statement)',
      files: { 'infra/roles.yaml': rolesTemplate(allUnderCondition()), 'deploy/taskdef.json': registerTaskDefinition(taskJson(['FARGATE'])) },
      expect: [{ path: 'infra/roles.yaml', message: ['Execution role app-exec of Fargate task definition app'] }],
    },
    {
      name: 'a describe-output Fargate task definition',
      files: { 'infra/roles.yaml': rolesTemplate(allUnderCondition()), 'deploy/describe.json': describeTaskDefinition(taskJson(['FARGATE'])) },
      expect: [{ path: 'infra/roles.yaml', severity: 'error' }],
    },
  ],
});

test('the fix moves GetAuthorizationToken out of the conditioned statement into its own', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': allActions });
  const text = patched['app.yaml'];
  assert.doesNotMatch(text, /- ecr:GetAuthorizationToken\n\s*- ecr:BatchCheckLayerAvailability/);
  assert.match(text, /aws:SourceVpce: vpce-0a1b2c3d4e5f67890\n\s*- Effect: Allow\n\s*Action: ecr:GetAuthorizationToken\n\s*Resource: '\*'\n/);
  assert.match(text, /aws:SourceVpce: vpce-0a1b2c3d4e5f67890/);
});

test('the fix drops the condition of a statement that holds only GetAuthorizationToken', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': withStatements(tokenOnlyUnderCondition) });
  assert.doesNotMatch(patched['app.yaml'], /aws:SourceVpc/);
});

test('the fix keeps the other keys of a shared operator', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': withStatements(mixedCondition) });
  assert.match(patched['app.yaml'], /StringEquals:\n\s*aws:PrincipalTag\/team: shop/);
  assert.doesNotMatch(patched['app.yaml'], /aws:SourceVpce/);
});

test('the fix for ecr:* adds a separate statement and keeps the wildcard', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': withStatements(wildcardUnderCondition) });
  assert.match(patched['app.yaml'], /Action: ecr:\*/);
});

test('the fix for a Deny that lists GetAuthorizationToken removes it from the list', () => {
  assertFirstFixResolves(rule, { 'app.yaml': withStatements(denyOutsideEndpoint('[ecr:GetAuthorizationToken, ecr:BatchGetImage]')) });
});

test('the fix for a CloudFormation JSON role keeps valid JSON', () => {
  const patched = assertFirstFixResolves(rule, { 'app.template.json': cfnJson([jsonPullStatement]) });
  assert.doesNotThrow(() => JSON.parse(patched['app.template.json']));
});

test('the fix for a task-definition JSON edits the role template, which the finding points at', () => {
  const files = { 'infra/roles.yaml': rolesTemplate(allUnderCondition()), 'deploy/taskdef.json': registerTaskDefinition(taskJson(['FARGATE'])) };
  const patched = assertFirstFixResolves(rule, files);
  assert.equal(patched['deploy/taskdef.json'], files['deploy/taskdef.json']);
  const [finding] = findingsOf(lintFiles(files), rule);
  assert.deepEqual(finding.relatedPaths, ['deploy/taskdef.json']);
});
