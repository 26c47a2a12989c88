import { testRule } from '../rule-tester.js';
import { describeTaskDefinition, json, lineOf, registerTaskDefinition } from './cfn-snippets.js';
import { seedCases } from './seed-variants.js';

const rule = 'shared-task-execution-role';

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

function template(roles: string[], roleLines: string): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Resources:
${roles.map(role).join('')}  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: inventory
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '256'
      Memory: '512'
${roleLines}      ContainerDefinitions:
        - Name: inventory
          Image: public.ecr.aws/docker/library/golang:1.23
`;
}

const bothGetAtt = template(['AppRole'], '      ExecutionRoleArn: !GetAtt AppRole.Arn\n      TaskRoleArn: !GetAtt AppRole.Arn\n');
const refAndGetAtt = template(['AppRole'], '      TaskRoleArn: !Ref AppRole\n      ExecutionRoleArn: !GetAtt AppRole.Arn\n');

const jsonTemplate = (taskRole: string) =>
  json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      AppRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        },
      },
      TaskRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        },
      },
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          RequiresCompatibilities: ['EC2'],
          ExecutionRoleArn: { 'Fn::GetAtt': ['AppRole', 'Arn'] },
          TaskRoleArn: { 'Fn::GetAtt': [taskRole, 'Arn'] },
          ContainerDefinitions: [{ Name: 'app', Image: 'nginx:1.27', Memory: 256 }],
        },
      },
    },
  });
const jsonShared = jsonTemplate('AppRole');

const sharedArn = 'arn:aws:iam::123456789012:role/inventory';
const containers = [{ name: 'inventory', image: 'public.ecr.aws/docker/library/golang:1.23', essential: true, memory: 256 }];
const registerShared = registerTaskDefinition({ family: 'inventory', executionRoleArn: sharedArn, taskRoleArn: sharedArn, containerDefinitions: containers });
const describeShared = describeTaskDefinition({ family: 'inventory', executionRoleArn: sharedArn, taskRoleArn: sharedArn, containerDefinitions: containers });

const knownRoleTemplate = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  InventoryRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: inventory
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
`;

testRule(rule, {
  valid: [
    ...seedCases,
    { name: 'a template task definition has different task and execution roles', files: { 'app.yaml': template(['ExecutionRole', 'TaskRole'], '      ExecutionRoleArn: !GetAtt ExecutionRole.Arn\n      TaskRoleArn: !GetAtt TaskRole.Arn\n') } },
    { name: 'a template task definition has only an execution role', files: { 'app.yaml': template(['ExecutionRole'], '      ExecutionRoleArn: !GetAtt ExecutionRole.Arn\n') } },
    { name: 'a JSON template task definition has different roles', files: { 'app.json': jsonTemplate('TaskRole') } },
    {
      name: 'register-task-definition JSON has different role ARNs',
      files: {
        'inventory.json': registerTaskDefinition({
          family: 'inventory',
          executionRoleArn: 'arn:aws:iam::123456789012:role/inventory-execution',
          taskRoleArn: 'arn:aws:iam::123456789012:role/inventory-task',
          containerDefinitions: containers,
        }),
      },
    },
    {
      name: 'describe-task-definition JSON has only a task role',
      files: { 'inventory.describe.json': describeTaskDefinition({ family: 'inventory', taskRoleArn: sharedArn, containerDefinitions: containers }) },
    },
    {
      name: 'the task definition resource suppresses the rule',
      files: {
        'app.yaml': bothGetAtt.replace(
          '    Type: AWS::ECS::TaskDefinition\n',
          '    Type: AWS::ECS::TaskDefinition\n    Metadata:\n      ecs-iam-lint:\n        ignore: [shared-task-execution-role]\n',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'a template task definition uses !GetAtt R.Arn as both roles',
      files: { 'app.yaml': bothGetAtt },
      expect: [
        {
          path: 'app.yaml',
          line: lineOf(bothGetAtt, 'TaskRoleArn:'),
          severity: 'notice',
          message: ['Task definition TaskDefinition', 'uses AppRole as both task role and execution role', 'separate task role'],
        },
      ],
    },
    {
      name: 'a template task definition uses the same role by name (TaskRoleArn: !Ref) and by ARN (ExecutionRoleArn: !GetAtt)',
      files: { 'app.yaml': refAndGetAtt },
      expect: [{ line: lineOf(refAndGetAtt, 'TaskRoleArn:'), severity: 'notice', message: ['AppRole'] }],
    },
    {
      name: 'a JSON template task definition uses the same role in both properties',
      files: { 'app.json': jsonShared },
      expect: [{ path: 'app.json', line: lineOf(jsonShared, '"TaskRoleArn"'), severity: 'notice', message: ['uses AppRole as both'] }],
    },
    {
      name: 'register-task-definition JSON uses the same (external) role ARN twice',
      files: { 'inventory.json': registerShared },
      expect: [{ path: 'inventory.json', line: lineOf(registerShared, '"taskRoleArn"'), severity: 'notice', message: ['Task definition inventory', sharedArn] }],
    },
    {
      name: 'describe-task-definition JSON uses the same role ARN twice',
      files: { 'inventory.describe.json': describeShared },
      expect: [{ path: 'inventory.describe.json', line: lineOf(describeShared, '"taskRoleArn"'), severity: 'notice', message: ['Task definition inventory'] }],
    },
    {
      name: 'task-definition JSON uses twice the ARN of a role defined in a template',
      files: { 'iam.yaml': knownRoleTemplate, 'inventory.json': registerShared },
      expect: [{ path: 'inventory.json', severity: 'notice', message: ['uses inventory as both'] }],
    },
  ],
});
