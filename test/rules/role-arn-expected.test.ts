import { testRule } from '../rule-tester.js';
import { describeTaskDefinition, json, lineOf, registerTaskDefinition } from './cfn-snippets.js';
import { testFixClears } from './fix-clears.js';
import { seedCases } from './seed-variants.js';

const rule = 'role-arn-expected';

function role(logicalId: string): string {
  return `  ${logicalId}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
`;
}

function taskDefinition(logicalId: string, roleLines: string): string {
  return `  ${logicalId}:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [EC2]
${roleLines}      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          Memory: 256
`;
}

function template(roleLines: string, head = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
${head}Resources:
${role('ExecRole')}${role('TaskRole')}${taskDefinition('TaskDefinition', roleLines)}`;
}

const refExec = template('      ExecutionRoleArn: !Ref ExecRole\n');
const refExecLongForm = template('      ExecutionRoleArn:\n        Ref: ExecRole\n');
const ifRefExec = template('      ExecutionRoleArn: !If [UseExecRole, !Ref ExecRole, !Ref AWS::NoValue]\n', "Conditions:\n  UseExecRole: !Equals [!Ref 'AWS::Region', us-east-1]\n");
const twoTasks = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
${role('ExecRole')}${taskDefinition('Api', '      ExecutionRoleArn: !Ref ExecRole\n')}${taskDefinition('Worker', '      ExecutionRoleArn: !Ref ExecRole\n')}`;

const jsonTemplate = (executionRoleArn: unknown) =>
  json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      ExecRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'],
        },
      },
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          RequiresCompatibilities: ['EC2'],
          ExecutionRoleArn: executionRoleArn,
          ContainerDefinitions: [{ Name: 'app', Image: 'nginx:1.27', Memory: 256 }],
        },
      },
    },
  });
const jsonRef = jsonTemplate({ Ref: 'ExecRole' });

testRule(rule, {
  valid: [
    ...seedCases,
    { name: 'ExecutionRoleArn is !GetAtt ExecRole.Arn', files: { 'app.yaml': template('      ExecutionRoleArn: !GetAtt ExecRole.Arn\n') } },
    { name: 'TaskRoleArn is !Ref TaskRole (TaskRoleArn accepts a name)', files: { 'app.yaml': template('      TaskRoleArn: !Ref TaskRole\n      ExecutionRoleArn: !GetAtt ExecRole.Arn\n') } },
    { name: 'ExecutionRoleArn is !Sub of the role ARN built from its name', files: { 'app.yaml': template('      ExecutionRoleArn: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${ExecRole}\n') } },
    {
      name: 'ExecutionRoleArn is !Ref of a parameter (an ARN passed in)',
      files: { 'app.yaml': template('      ExecutionRoleArn: !Ref ExecutionRoleArnParameter\n', 'Parameters:\n  ExecutionRoleArnParameter:\n    Type: String\n') },
    },
    { name: 'ExecutionRoleArn is !ImportValue', files: { 'app.yaml': template("      ExecutionRoleArn: !ImportValue 'shared-iam:ExecutionRoleArn'\n") } },
    { name: 'a JSON template uses {"Fn::GetAtt": ["ExecRole", "Arn"]}', files: { 'app.json': jsonTemplate({ 'Fn::GetAtt': ['ExecRole', 'Arn'] }) } },
    {
      name: 'register-task-definition JSON gives the execution role ARN',
      files: {
        'app.json': registerTaskDefinition({
          family: 'app',
          executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
          containerDefinitions: [{ name: 'app', image: 'nginx:1.27', memory: 256 }],
        }),
      },
    },
    {
      name: 'describe-task-definition JSON gives the execution role ARN',
      files: {
        'app.describe.json': describeTaskDefinition({
          family: 'app',
          executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
          containerDefinitions: [{ name: 'app', image: 'nginx:1.27', memory: 256 }],
        }),
      },
    },
    {
      name: 'the task definition resource suppresses the rule',
      files: {
        'app.yaml': refExec.replace(
          '    Type: AWS::ECS::TaskDefinition\n',
          '    Type: AWS::ECS::TaskDefinition\n    Metadata:\n      ecs-iam-lint:\n        ignore: [role-arn-expected]\n',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'ExecutionRoleArn is !Ref ExecRole',
      files: { 'app.yaml': refExec },
      expect: [
        {
          path: 'app.yaml',
          line: lineOf(refExec, 'ExecutionRoleArn: !Ref ExecRole'),
          severity: 'warning',
          message: ['ExecutionRoleArn of task definition TaskDefinition', 'Ref ExecRole', 'role name, not its ARN', '!GetAtt ExecRole.Arn'],
        },
      ],
    },
    { name: 'ExecutionRoleArn is the long form Ref: ExecRole', files: { 'app.yaml': refExecLongForm }, expect: [{ line: lineOf(refExecLongForm, 'Ref: ExecRole'), severity: 'warning' }] },
    { name: 'ExecutionRoleArn is !Ref ExecRole under Fn::If', files: { 'app.yaml': ifRefExec }, expect: [{ line: lineOf(ifRefExec, 'ExecutionRoleArn: !If'), message: ['Ref ExecRole'] }] },
    {
      name: 'ExecutionRoleArn is the literal RoleName of a role in the same template (a name, not Ref)',
      files: { 'app.yaml': template('      ExecutionRoleArn: checkout-execution\n').replace('  ExecRole:\n    Type: AWS::IAM::Role\n    Properties:\n', '  ExecRole:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: checkout-execution\n') },
      expect: [{ severity: 'warning', message: ['gives the name of role checkout-execution, not its ARN', '!GetAtt ExecRole.Arn'] }],
    },
    {
      name: 'two task definitions each use !Ref of the same role',
      files: { 'app.yaml': twoTasks },
      expect: [{ message: ['task definition Api'] }, { message: ['task definition Worker'] }],
    },
    {
      name: 'a JSON template uses {"Ref": "ExecRole"}',
      files: { 'app.json': jsonRef },
      expect: [{ path: 'app.json', line: lineOf(jsonRef, '"ExecutionRoleArn"'), severity: 'warning', message: ['Ref ExecRole', '!GetAtt ExecRole.Arn'] }],
    },
  ],
});

testFixClears(rule, [
  { name: 'ExecutionRoleArn is !Ref ExecRole', files: { 'app.yaml': refExec } },
  { name: 'ExecutionRoleArn is the long form Ref: ExecRole', files: { 'app.yaml': refExecLongForm } },
  { name: 'a JSON template uses {"Ref": "ExecRole"}', files: { 'app.json': jsonRef } },
]);
