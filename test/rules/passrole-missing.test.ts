import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import { account, describeTaskDefinition, indent, json, lineOf, registerTaskDefinition, seedFiles, yamlTemplate } from './cfn-snippets.js';
import { testFixClears } from './fix-clears.js';

const rule = 'passrole-missing';

/** A GitHub Actions deploy role (OIDC web identity) with one inline policy whose statements are given at column 0. */
function githubDeployRoleYaml(statements: string, extra = ''): string {
  return `  GitHubDeployRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Federated: !Sub arn:\${AWS::Partition}:iam::\${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringLike:
                token.actions.githubusercontent.com:sub: repo:example/app:ref:refs/heads/main
${extra}      Policies:
        - PolicyName: deploy
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
${indent(statements, 14)}
`;
}

/** A role trusted by one service, with inline statements. */
function serviceRoleYaml(logicalId: string, service: string, statements: string): string {
  return `  ${logicalId}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: ${service} }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: ${logicalId.toLowerCase()}
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
${indent(statements, 14)}
`;
}

const deployStatement = `
- Effect: Allow
  Action:
    - ecs:RegisterTaskDefinition
    - ecs:UpdateService
    - ecs:DescribeServices
  Resource: '*'`;

/** The task and execution roles (named app-task and app-exec) and a Fargate task definition that uses them. */
const appRolesYaml = `  ExecutionRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app-exec
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: ecs-tasks.amazonaws.com }
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
  TaskRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app-task
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: ecs-tasks.amazonaws.com }
            Action: sts:AssumeRole
`;

const taskDefinitionYaml = `  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: app
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '256'
      Memory: '512'
      ExecutionRoleArn: !GetAtt ExecutionRole.Arn
      TaskRoleArn: !GetAtt TaskRole.Arn
      ContainerDefinitions:
        - Name: app
          Image: public.ecr.aws/nginx/nginx:1.27
`;

/** Deploy role, roles and task definition in one template. */
function sameTemplate(statements: string, extra = ''): string {
  return yamlTemplate([appRolesYaml, githubDeployRoleYaml(statements, extra), taskDefinitionYaml]);
}

const scopedPassRole = (resources: string, service = 'ecs-tasks.amazonaws.com') => `${deployStatement}
- Effect: Allow
  Action: iam:PassRole
  Resource: ${resources}
  Condition:
    StringEquals:
      iam:PassedToService: ${service}`;

const noPassRole = sameTemplate(deployStatement);
const onlyExecutionRole = sameTemplate(scopedPassRole('[!GetAtt ExecutionRole.Arn]'));
const wrongService = sameTemplate(scopedPassRole('[!GetAtt ExecutionRole.Arn, !GetAtt TaskRole.Arn]', 'ecs.amazonaws.com'));

/** Roles in infra/roles.yaml; the task definition is JSON under deploy/, deployed by the workflow's role in infra/deploy-role.yaml. */
const rolesTemplate = yamlTemplate([appRolesYaml]);
const registerJson = registerTaskDefinition({
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  executionRoleArn: `arn:aws:iam::${account}:role/app-exec`,
  taskRoleArn: `arn:aws:iam::${account}:role/app-task`,
  containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27' }],
});
const describeJson = describeTaskDefinition({
  requiresCompatibilities: ['FARGATE'],
  executionRoleArn: `arn:aws:iam::${account}:role/app-exec`,
  containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27' }],
});
const separateFiles = (deployRole: string, taskDefinition = registerJson) => ({
  'infra/roles.yaml': rolesTemplate,
  'infra/deploy-role.yaml': yamlTemplate([deployRole]),
  'deploy/taskdef.json': taskDefinition,
});

const cfnJson = (deployStatements: unknown[]) =>
  json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      ExecutionRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }],
        },
      },
      PipelineRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'codepipeline.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          Policies: [{ PolicyName: 'deploy', PolicyDocument: { Version: '2012-10-17', Statement: deployStatements } }],
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
          ContainerDefinitions: [{ Name: 'app', Image: 'public.ecr.aws/nginx/nginx:1.27' }],
        },
      },
    },
  });
const cfnJsonDeploy = { Effect: 'Allow', Action: ['ecs:RegisterTaskDefinition', 'ecs:UpdateService'], Resource: '*' };
const cfnJsonWithout = cfnJson([cfnJsonDeploy]);
const cfnJsonWith = cfnJson([
  cfnJsonDeploy,
  { Effect: 'Allow', Action: 'iam:PassRole', Resource: { 'Fn::GetAtt': ['ExecutionRole', 'Arn'] }, Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } },
]);

/** A CI user whose deploy permissions come from an AWS::IAM::Policy and a group. */
const ciUser = (passRole: string) =>
  yamlTemplate([
    appRolesYaml,
    taskDefinitionYaml,
    `  DeployersGroup:
    Type: AWS::IAM::Group
    Properties:
      Policies:
        - PolicyName: pass-roles
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
${indent(passRole, 14)}
  CiUser:
    Type: AWS::IAM::User
    Properties:
      UserName: ci
      Groups: [!Ref DeployersGroup]
  CiDeployPolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: ci-deploy
      Users: [!Ref CiUser]
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: ecs:RunTask
            Resource: '*'
`,
  ]);
const groupWithoutPassRole = `- Effect: Allow
  Action: ecs:DescribeTasks
  Resource: '*'`;
const groupWithPassRole = `- Effect: Allow
  Action: iam:PassRole
  Resource: '*'
  Condition:
    StringLike:
      iam:PassedToService: ecs-tasks.amazonaws.com`;

const standaloneManagedPolicy = (extra = '') =>
  yamlTemplate([
    appRolesYaml,
    taskDefinitionYaml,
    `  DeployPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      ManagedPolicyName: ecs-deployer
${extra}      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: [ecs:RegisterTaskDefinition, ecs:RunTask]
            Resource: '*'
`,
  ]);

const unknownManagedPolicy = sameTemplate(deployStatement, `      ManagedPolicyArns:\n        - arn:aws:iam::${account}:policy/ci-extras\n`);

const updateOnly = sameTemplate(`
- Effect: Allow
  Action: ecs:UpdateService
  Resource: '*'`);

/** Two projects in one repository: the deploy role of one must not be asked to pass the other's roles. */
const twoProjects = {
  'billing/pipeline.yaml': yamlTemplate([serviceRoleYaml('PipelineRole', 'codepipeline.amazonaws.com', deployStatement)]),
  'billing/service.yaml': yamlTemplate([
    `  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [EC2]
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          Memory: 256
`,
  ]),
  'orders/service.yaml': yamlTemplate([appRolesYaml, taskDefinitionYaml]),
};

testRule(rule, {
  valid: [
    { name: 'the seed setup is linted', files: seedFiles },
    { name: 'the deploy role passes both roles only to ecs-tasks', files: { 'app.yaml': sameTemplate(scopedPassRole('[!GetAtt ExecutionRole.Arn, !GetAtt TaskRole.Arn]')) } },
    {
      name: 'the deploy role passes any role to ecs-tasks (StringLike, as AmazonECS_FullAccess does)',
      files: { 'app.yaml': sameTemplate(`${deployStatement}\n- Effect: Allow\n  Action: iam:PassRole\n  Resource: '*'\n  Condition:\n    StringLike:\n      iam:PassedToService: ecs-tasks.*`) },
    },
    { name: 'the deploy role passes role/app-* by a literal ARN', files: { 'app.yaml': sameTemplate(scopedPassRole(`arn:aws:iam::${account}:role/app-*`)) } },
    {
      name: 'the deploy role attaches AmazonECS_FullAccess',
      files: { 'app.yaml': sameTemplate(deployStatement, '      ManagedPolicyArns:\n        - !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonECS_FullAccess\n') },
    },
    {
      name: 'a role in another template passes the roles a register-input JSON names by ARN',
      files: separateFiles(githubDeployRoleYaml(scopedPassRole(`['arn:aws:iam::${account}:role/app-exec', 'arn:aws:iam::${account}:role/app-task']`))),
    },
    { name: 'a CloudFormation JSON pipeline role passes the execution role', files: { 'app.json': cfnJsonWith } },
    { name: 'a user gets iam:PassRole from its group', files: { 'ci.yaml': ciUser(groupWithPassRole) } },
    {
      name: 'an EventBridge role runs the task without iam:PassRole (events-target-role reports it)',
      files: { 'app.yaml': yamlTemplate([appRolesYaml, taskDefinitionYaml, serviceRoleYaml('EventsRole', 'events.amazonaws.com', "- Effect: Allow\n  Action: ecs:RunTask\n  Resource: '*'")]) },
    },
    {
      name: 'an EventBridge target role with a wrong trust policy (events-target-role reports both)',
      files: {
        'app.yaml': yamlTemplate([
          appRolesYaml,
          taskDefinitionYaml,
          serviceRoleYaml('ScheduleRole', 'ecs-tasks.amazonaws.com', "- Effect: Allow\n  Action: ecs:RunTask\n  Resource: '*'"),
          `  Schedule:
    Type: AWS::Events::Rule
    Properties:
      ScheduleExpression: rate(1 hour)
      Targets:
        - Id: app
          Arn: !Sub arn:\${AWS::Partition}:ecs:\${AWS::Region}:\${AWS::AccountId}:cluster/default
          RoleArn: !GetAtt ScheduleRole.Arn
          EcsParameters:
            TaskDefinitionArn: !Ref TaskDefinition
`,
        ]),
      },
    },
    {
      name: 'a CodeDeploy role deploys task sets without iam:PassRole (codedeploy-role reports it)',
      files: { 'app.yaml': yamlTemplate([appRolesYaml, taskDefinitionYaml, serviceRoleYaml('CodeDeployRole', 'codedeploy.amazonaws.com', "- Effect: Allow\n  Action: ecs:CreateTaskSet\n  Resource: '*'")]) },
    },
    {
      name: 'an application auto scaling role updates the desired count',
      files: { 'app.yaml': yamlTemplate([appRolesYaml, taskDefinitionYaml, serviceRoleYaml('ScalingRole', 'application-autoscaling.amazonaws.com', "- Effect: Allow\n  Action: [ecs:DescribeServices, ecs:UpdateService]\n  Resource: '*'")]) },
    },
    {
      name: 'the task role itself may run tasks (it is not a deployer)',
      files: {
        'app.yaml': yamlTemplate([
          appRolesYaml.replace("            Action: sts:AssumeRole\n", "            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: run\n          PolicyDocument:\n            Version: '2012-10-17'\n            Statement:\n              - Effect: Allow\n                Action: ecs:RunTask\n                Resource: '*'\n"),
          taskDefinitionYaml,
        ]),
      },
    },
    {
      name: 'an administrator role (Action *) is not read as a deployer',
      files: { 'app.yaml': yamlTemplate([appRolesYaml, taskDefinitionYaml, serviceRoleYaml('BreakGlass', 'ec2.amazonaws.com', "- Effect: Allow\n  NotAction: iam:*\n  Resource: '*'")]) },
    },
    { name: 'the deployer sits next to task definitions without roles; another project has roles', files: twoProjects },
    { name: 'the deploy role reads ECS only', files: { 'app.yaml': sameTemplate("- Effect: Allow\n  Action: [ecs:Describe*, ecs:List*]\n  Resource: '*'") } },
    { name: 'the rule is turned off in config', files: { 'app.yaml': noPassRole }, config: { rules: { [rule]: 'off' } } },
    {
      name: 'the deploy role ignores the rule in its Metadata',
      files: { 'app.yaml': noPassRole.replace('  GitHubDeployRole:\n    Type: AWS::IAM::Role\n', '  GitHubDeployRole:\n    Type: AWS::IAM::Role\n    Metadata:\n      ecs-iam-lint:\n        ignore: [passrole-missing]\n') },
    },
  ],
  invalid: [
    {
      name: 'a GitHub OIDC deploy role registers task definitions without iam:PassRole',
      files: { 'app.yaml': noPassRole },
      expect: [
        {
          path: 'app.yaml',
          line: lineOf(noPassRole, '- ecs:RegisterTaskDefinition') - 2,
          severity: 'error',
          message: [
            'Role GitHubDeployRole can call ecs:RegisterTaskDefinition, ecs:UpdateService but does not allow iam:PassRole to ecs-tasks.amazonaws.com on',
            'app-exec (execution role of task definition TaskDefinition)',
            'app-task (task role of task definition TaskDefinition)',
            'is not authorized to perform: iam:PassRole',
          ],
        },
      ],
    },
    {
      name: 'the deploy role passes only the execution role',
      files: { 'app.yaml': onlyExecutionRole },
      expect: [{ severity: 'error', message: ['app-task (task role'] }],
    },
    {
      name: 'the deploy role passes the roles to ecs.amazonaws.com, not ecs-tasks',
      files: { 'app.yaml': wrongService },
      expect: [{ severity: 'error', message: ['app-exec', 'app-task'] }],
    },
    {
      name: 'the deploy role is in another template than the roles, and the task definition is register-input JSON',
      files: separateFiles(githubDeployRoleYaml(deployStatement)),
      expect: [{ path: 'infra/deploy-role.yaml', severity: 'error', message: ['GitHubDeployRole', 'app-exec (execution role of task definition app)', 'app-task (task role of task definition app)'] }],
    },
    {
      name: 'the task definition is describe-output JSON',
      files: separateFiles(githubDeployRoleYaml(deployStatement), describeJson),
      expect: [{ severity: 'error', message: ['app-exec'] }],
    },
    {
      name: 'a CloudFormation JSON pipeline role deploys without iam:PassRole',
      files: { 'app.json': cfnJsonWithout },
      expect: [{ path: 'app.json', line: lineOf(cfnJsonWithout, '"ecs:RegisterTaskDefinition"') - 3, severity: 'error', message: ['Role PipelineRole', 'ExecutionRole (execution role of task definition TaskDefinition)'] }],
    },
    {
      name: 'an IAM user runs tasks through an AWS::IAM::Policy and its group has no iam:PassRole',
      files: { 'ci.yaml': ciUser(groupWithoutPassRole) },
      expect: [{ severity: 'error', message: ['IAM user ci can call ecs:RunTask'] }],
    },
    {
      name: 'a managed policy attached to nothing in the repository grants the deployment without iam:PassRole',
      files: { 'app.yaml': standaloneManagedPolicy() },
      expect: [{ severity: 'error', message: ['Managed policy ecs-deployer can call ecs:RegisterTaskDefinition, ecs:RunTask'] }],
    },
    {
      name: 'a managed policy attached to a role outside the repository (warning: the role may pass roles elsewhere)',
      files: { 'app.yaml': standaloneManagedPolicy('      Roles: [ci-deployer]\n') },
      expect: [{ severity: 'warning', message: ['may not allow', 'unless the principals it is attached to outside the repository allow it'] }],
    },
    {
      name: 'the deploy role also attaches a managed policy the repository does not define (warning)',
      files: { 'app.yaml': unknownManagedPolicy },
      expect: [{ severity: 'warning', message: ['may not allow', `arn:aws:iam::${account}:policy/ci-extras`] }],
    },
    {
      name: 'a role that only calls ecs:UpdateService (warning)',
      files: { 'app.yaml': updateOnly },
      expect: [{ severity: 'warning', message: ['can call ecs:UpdateService but may not allow', 'so moving a service to a new revision of those task definitions can fail'] }],
    },
    {
      name: 'a CodePipeline role next to the service template (the deployment-pipeline layout)',
      files: {
        'templates/pipeline.yaml': yamlTemplate([serviceRoleYaml('CodePipelineServiceRole', 'codepipeline.amazonaws.com', deployStatement)]),
        'templates/service.yaml': yamlTemplate([appRolesYaml, taskDefinitionYaml]),
      },
      expect: [{ path: 'templates/pipeline.yaml', severity: 'error', message: ['CodePipelineServiceRole'] }],
    },
    {
      name: 'a CloudFormation service role registers the task definitions',
      files: { 'app.yaml': yamlTemplate([appRolesYaml, taskDefinitionYaml, serviceRoleYaml('StackRole', 'cloudformation.amazonaws.com', "- Effect: Allow\n  Action: ecs:*\n  Resource: '*'")]) },
      expect: [{ severity: 'error', message: ['Role StackRole can call ecs:RegisterTaskDefinition, ecs:RunTask, ecs:StartTask, ecs:CreateService, ecs:UpdateService, ecs:CreateTaskSet'] }],
    },
  ],
});

testFixClears(rule, [
  { name: 'a new statement goes next to the deployment statement (YAML)', files: { 'app.yaml': noPassRole } },
  { name: 'the existing PassRole statement gets the missing role', files: { 'app.yaml': onlyExecutionRole } },
  { name: 'the deploy role is in another template (the ARN is written with !Sub)', files: separateFiles(githubDeployRoleYaml(deployStatement)) },
  { name: 'a CloudFormation JSON template', files: { 'app.json': cfnJsonWithout } },
  { name: 'an IAM user (the statement goes into its AWS::IAM::Policy)', files: { 'ci.yaml': ciUser(groupWithoutPassRole) } },
  { name: 'a standalone managed policy', files: { 'app.yaml': standaloneManagedPolicy() } },
]);

test('the fix scopes iam:PassRole to exactly the deployed roles, towards ecs-tasks only', () => {
  const [finding] = findingsOf(lintFiles({ 'app.yaml': noPassRole }), rule);
  const added = finding.fixes[0].edits.map((edit) => edit.newText).join('');
  assert.match(added, /Action: iam:PassRole/);
  assert.match(added, /- !GetAtt ExecutionRole\.Arn\n\s+- !GetAtt TaskRole\.Arn/);
  assert.match(added, /iam:PassedToService: ecs-tasks\.amazonaws\.com/);
});

test('the fix for a role in another template names the roles by ARN with ${AWS::Partition}', () => {
  const [finding] = findingsOf(lintFiles(separateFiles(githubDeployRoleYaml(deployStatement))), rule);
  const added = finding.fixes[0].edits.map((edit) => edit.newText).join('');
  assert.equal(finding.fixes[0].edits[0].path, 'infra/deploy-role.yaml');
  assert.match(added, /!Sub 'arn:\$\{AWS::Partition\}:iam::\$\{AWS::AccountId\}:role\/app-exec'|!Sub arn:\$\{AWS::Partition\}:iam::\$\{AWS::AccountId\}:role\/app-exec/);
});

test('the finding lists the task definition and role files as related', () => {
  const [finding] = findingsOf(lintFiles(separateFiles(githubDeployRoleYaml(deployStatement))), rule);
  assert.deepEqual(new Set(finding.relatedPaths), new Set(['deploy/taskdef.json', 'infra/roles.yaml']));
});
