import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import { json, lineOf, registerTaskDefinition } from './cfn-snippets.js';
import { testFixClears } from './fix-clears.js';
import { seedCases } from './seed-variants.js';

const rule = 'instance-role-trust';

/** EC2 capacity whose instance role's trust statement is written as given (`statement` at 10 spaces). */
function capacity(statement: string, options: { roleName?: string; extraCapacity?: boolean } = {}): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  EcsAmi:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
    Default: /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
  InstanceRole:
    Type: AWS::IAM::Role
    Properties:
${options.roleName ? `      RoleName: ${options.roleName}\n` : ''}      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
${statement}
      ManagedPolicyArns:
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role
  InstanceProfile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles:
        - !Ref InstanceRole
  LaunchTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: !Ref EcsAmi
        IamInstanceProfile:
          Arn: !GetAtt InstanceProfile.Arn
        UserData:
          Fn::Base64: !Sub |
            #!/bin/bash
            echo ECS_CLUSTER=\${Cluster} >> /etc/ecs/ecs.config
${
  options.extraCapacity
    ? `  SpotLaunchConfiguration:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: !Ref EcsAmi
      InstanceType: c6i.large
      IamInstanceProfile: !Ref InstanceProfile
`
    : ''
}`;
}

function trustStatement(principal: string, extra = ''): string {
  return `          - Effect: Allow
            Principal:
              Service: ${principal}
            Action: sts:AssumeRole
${extra}`.replace(/\n$/, '');
}

const trustsEcsOnly = capacity(trustStatement('ecs.amazonaws.com'));
const trustsEcsTasks = capacity(trustStatement('ecs-tasks.amazonaws.com'), { extraCapacity: true });

const jsonTrustsEcs = json({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    Cluster: { Type: 'AWS::ECS::Cluster' },
    InstanceRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: ['ecs.amazonaws.com'] }, Action: 'sts:AssumeRole' }],
        },
        ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role'],
      },
    },
    InstanceProfile: { Type: 'AWS::IAM::InstanceProfile', Properties: { Roles: [{ Ref: 'InstanceRole' }] } },
    Host: {
      Type: 'AWS::EC2::Instance',
      Properties: {
        ImageId: '{{resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id}}',
        InstanceType: 't3.small',
        IamInstanceProfile: { Ref: 'InstanceProfile' },
      },
    },
  },
});

const jsonTrustsEc2 = jsonTrustsEcs.replace('"ecs.amazonaws.com"', '"ec2.amazonaws.com"');

/** The role lives in an IAM stack; the capacity stack's profile names it. */
const iamStack = (principal: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  EcsInstanceRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: ecs-instance
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: ${principal}}
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role
`;
const capacityStack = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  InstanceProfile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles: [ecs-instance]
  LaunchTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: '{{resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id}}'
        IamInstanceProfile:
          Name: !Ref InstanceProfile
        UserData:
          Fn::Base64: |
            #!/bin/bash
            echo ECS_CLUSTER=prod >> /etc/ecs/ecs.config
`;

testRule(rule, {
  valid: [
    ...seedCases,
    { name: 'the instance role trusts ec2.amazonaws.com and, needlessly, ecs.amazonaws.com (myth M8)', files: { 'capacity.yaml': capacity(trustStatement('[ec2.amazonaws.com, ecs.amazonaws.com]')) } },
    { name: 'the instance role trusts the China principal ec2.amazonaws.com.cn', files: { 'capacity.yaml': capacity(trustStatement('ec2.amazonaws.com.cn')) } },
    { name: "the instance role trusts !Sub 'ec2.${AWS::URLSuffix}' (ec2.amazonaws.com, or .com.cn in China)", files: { 'capacity.yaml': capacity(trustStatement("!Sub 'ec2.${AWS::URLSuffix}'")) } },
    {
      name: 'the instance role trust has no aws:SourceAccount / aws:SourceArn condition (never demanded for EC2)',
      files: { 'capacity.yaml': capacity(trustStatement('ec2.amazonaws.com')) },
    },
    {
      name: 'the instance role trust carries conditions anyway',
      files: {
        'capacity.yaml': capacity(
          trustStatement('ec2.amazonaws.com', '            Condition:\n              StringEquals:\n                aws:SourceAccount: !Ref AWS::AccountId\n'),
        ),
      },
    },
    { name: 'a JSON template instance role trusts ec2.amazonaws.com', files: { 'capacity.json': jsonTrustsEc2 } },
    { name: 'the profile names a role in another template that trusts ec2.amazonaws.com', files: { 'iam.yaml': iamStack('ec2.amazonaws.com'), 'capacity.yaml': capacityStack } },
    {
      name: 'a role trusting ecs.amazonaws.com is in no instance profile',
      files: {
        'roles.yaml': iamStack('ecs.amazonaws.com'),
        'task.json': registerTaskDefinition({ family: 'batch', requiresCompatibilities: ['EC2'], containerDefinitions: [{ name: 'batch', image: 'busybox:1.36', memory: 128 }] }),
      },
    },
    {
      name: 'the role resource suppresses the rule in its Metadata',
      files: {
        'capacity.yaml': trustsEcsOnly.replace('    Type: AWS::IAM::Role\n', '    Type: AWS::IAM::Role\n    Metadata:\n      ecs-iam-lint:\n        ignore: [instance-role-trust]\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'the role in the instance profile trusts ecs.amazonaws.com only (myth M8)',
      files: { 'capacity.yaml': trustsEcsOnly },
      expect: [
        {
          path: 'capacity.yaml',
          line: lineOf(trustsEcsOnly, 'AssumeRolePolicyDocument:') + 1,
          severity: 'error',
          message: ['Role InstanceRole', 'container instance role of LaunchTemplate', 'does not allow ec2.amazonaws.com', 'it trusts ecs.amazonaws.com', 'no credentials'],
        },
      ],
    },
    {
      name: 'the instance role trusts ecs-tasks.amazonaws.com and serves two capacity resources (reported once)',
      files: { 'capacity.yaml': trustsEcsTasks },
      expect: [{ line: lineOf(trustsEcsTasks, 'AssumeRolePolicyDocument:') + 1, message: ['Role InstanceRole', 'it trusts ecs-tasks.amazonaws.com'] }],
    },
    {
      name: 'a JSON template instance role used by an AWS::EC2::Instance trusts ecs.amazonaws.com',
      files: { 'capacity.json': jsonTrustsEcs },
      expect: [{ path: 'capacity.json', line: lineOf(jsonTrustsEcs, '"AssumeRolePolicyDocument"'), severity: 'error', message: ['container instance role of Host'] }],
    },
    {
      name: 'the profile names (by RoleName) a role in another template that trusts ecs.amazonaws.com',
      files: { 'iam.yaml': iamStack('ecs.amazonaws.com'), 'capacity.yaml': capacityStack },
      expect: [{ path: 'iam.yaml', line: lineOf(iamStack('ecs.amazonaws.com'), "Version: '2012-10-17'"), message: ['Role ecs-instance', 'container instance role of LaunchTemplate'] }],
    },
    {
      name: 'the instance role trusts a user principal rather than a service',
      files: {
        'capacity.yaml': capacity(`          - Effect: Allow
            Principal:
              AWS: !Sub arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root
            Action: sts:AssumeRole`),
      },
      expect: [{ message: ['does not allow ec2.amazonaws.com'] }],
    },
  ],
});

test('instance-role-trust: a finding about a role in another template relates the capacity template', () => {
  const [finding] = findingsOf(lintFiles({ 'iam.yaml': iamStack('ecs.amazonaws.com'), 'capacity.yaml': capacityStack }), rule);
  assert.deepEqual(finding.relatedPaths, ['capacity.yaml']);
});

testFixClears(rule, [
  { name: 'the instance role trusts ecs.amazonaws.com only', files: { 'capacity.yaml': trustsEcsOnly } },
  { name: 'a JSON template instance role trusts ecs.amazonaws.com', files: { 'capacity.json': jsonTrustsEcs } },
  { name: 'the instance role is in another template', files: { 'iam.yaml': iamStack('ecs.amazonaws.com'), 'capacity.yaml': capacityStack } },
]);
