import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import { indent, json, lineOf, registerTaskDefinition } from './cfn-snippets.js';
import { testFixClears } from './fix-clears.js';
import { seedCases } from './seed-variants.js';

const rule = 'instance-role-agent-permissions';

/**
 * EC2 capacity joined to `Cluster`; `roleBody` holds the instance role's permission properties
 * (Policies, ManagedPolicyArns) written at column 0; `extra` adds resources.
 */
function capacity(roleBody: string, extra = ''): string {
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
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: ec2.amazonaws.com}
            Action: sts:AssumeRole
${indent(roleBody, 6)}
  InstanceProfile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles: [!Ref InstanceRole]
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
${extra}`;
}

/** An inline policy with one statement on Resource '*' allowing `actions`. */
function inlinePolicy(actions: string[], more = ''): string {
  return `Policies:
  - PolicyName: ecs-agent
    PolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Action:
${actions.map((a) => `            - ${a}`).join('\n')}
          Resource: '*'
${more ? indent(more, 8) : ''}`;
}

/** Everything the agent calls except ecs:CreateCluster (myth M2), with ecs:Submit* standing for the three Submit calls. */
const agentActions = [
  'ecs:DiscoverPollEndpoint',
  'ecs:RegisterContainerInstance',
  'ecs:DeregisterContainerInstance',
  'ecs:Poll',
  'ecs:StartTelemetrySession',
  'ecs:UpdateContainerInstancesState',
  'ecs:Submit*',
  'ecr:GetAuthorizationToken',
  'ecr:BatchCheckLayerAvailability',
  'ecr:GetDownloadUrlForLayer',
  'ecr:BatchGetImage',
  'logs:CreateLogStream',
  'logs:PutLogEvents',
];
const without = (...names: string[]) => agentActions.filter((a) => !names.includes(a));

const missingPoll = capacity(inlinePolicy(without('ecs:Poll')));
const missingTelemetry = capacity(inlinePolicy(without('ecs:StartTelemetrySession')));
const missingDrain = capacity(inlinePolicy(without('ecs:UpdateContainerInstancesState')));
const missingSubmit = capacity(inlinePolicy([...without('ecs:Submit*'), 'ecs:SubmitTaskStateChange']));
const denyPoll = capacity(`ManagedPolicyArns:
  - !Sub arn:\${AWS::Partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role
Policies:
  - PolicyName: no-poll
    PolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Deny
          Action: ecs:Poll
          Resource: '*'`);
const onlySsm = capacity(`ManagedPolicyArns:
  - !Sub arn:\${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore`);
const unknownCustomerPolicy = capacity(`ManagedPolicyArns:
  - !Sub arn:\${AWS::Partition}:iam::\${AWS::AccountId}:policy/ecs-agent-minimal`);

/** Least privilege the way AWS recommends it: each action scoped to the cluster the user data names. */
const scopedToCluster = capacity(`Policies:
  - PolicyName: ecs-agent-scoped
    PolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Action: ecs:DiscoverPollEndpoint
          Resource: '*'
        - Effect: Allow
          Action:
            - ecs:RegisterContainerInstance
            - ecs:DeregisterContainerInstance
            - ecs:Submit*
          Resource: !GetAtt Cluster.Arn
        - Effect: Allow
          Action:
            - ecs:Poll
            - ecs:StartTelemetrySession
            - ecs:UpdateContainerInstancesState
          Resource: !Sub arn:\${AWS::Partition}:ecs:\${AWS::Region}:\${AWS::AccountId}:container-instance/\${Cluster}/*`);

/** Literal ARNs scoped to one cluster; the user data joins `prod`. */
function literalScoped(cluster: string): string {
  return capacity(`Policies:
  - PolicyName: ecs-agent-literal
    PolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Action: ecs:DiscoverPollEndpoint
          Resource: '*'
        - Effect: Allow
          Action: [ecs:RegisterContainerInstance, ecs:Submit*]
          Resource: arn:aws:ecs:us-east-1:123456789012:cluster/${cluster}
        - Effect: Allow
          Action: [ecs:Poll, ecs:StartTelemetrySession, ecs:UpdateContainerInstancesState]
          Resource: arn:aws:ecs:us-east-1:123456789012:container-instance/${cluster}/*`).replace('echo ECS_CLUSTER=${Cluster}', 'echo ECS_CLUSTER=prod');
}

const jsonMissingSubmit = json({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    InstanceRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        Policies: [
          {
            PolicyName: 'ecs-agent',
            PolicyDocument: {
              Statement: [
                {
                  Effect: 'Allow',
                  Action: ['ecs:DiscoverPollEndpoint', 'ecs:RegisterContainerInstance', 'ecs:Poll', 'ecs:StartTelemetrySession', 'ecs:UpdateContainerInstancesState'],
                  Resource: '*',
                },
              ],
            },
          },
        ],
      },
    },
    InstanceProfile: { Type: 'AWS::IAM::InstanceProfile', Properties: { Roles: [{ Ref: 'InstanceRole' }] } },
    LaunchConfiguration: {
      Type: 'AWS::AutoScaling::LaunchConfiguration',
      Properties: {
        ImageId: '{{resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id}}',
        InstanceType: 't3.small',
        IamInstanceProfile: { Ref: 'InstanceProfile' },
        UserData: { 'Fn::Base64': '#!/bin/bash\necho ECS_CLUSTER=batch >> /etc/ecs/ecs.config\n' },
      },
    },
  },
});

testRule(rule, {
  valid: [
    ...seedCases,
    { name: 'an inline policy grants ecs:*, ecr:* and logs:*', files: { 'capacity.yaml': capacity(inlinePolicy(['ecs:*', 'ecr:*', 'logs:*'])) } },
    { name: 'a least-privilege policy leaves out ecs:CreateCluster (myth M2) and uses ecs:Submit* for the three Submit calls', files: { 'capacity.yaml': capacity(inlinePolicy(agentActions)) } },
    { name: 'each action is scoped to the cluster that ECS_CLUSTER names (!GetAtt Cluster.Arn, container-instance/${Cluster}/*)', files: { 'capacity.yaml': scopedToCluster } },
    {
      name: 'the scoped policy serves Bottlerocket instances whose [settings.ecs] names the cluster',
      files: {
        'capacity.yaml': scopedToCluster.replace(
          '            #!/bin/bash\n            echo ECS_CLUSTER=${Cluster} >> /etc/ecs/ecs.config\n',
          '            [settings.ecs]\n            cluster = "${Cluster}"\n',
        ),
      },
    },
    {
      name: 'literal ARNs scope the actions to the cluster the user data names, and config gives the account and region',
      files: { 'capacity.yaml': literalScoped('prod') },
      config: { account: '123456789012', region: 'us-east-1' },
    },
    {
      name: 'literal account and region ARNs scope the actions to the cluster the user data names, without config',
      files: { 'capacity.yaml': literalScoped('prod') },
    },
    {
      name: 'the actions come from an AWS::IAM::Policy attached to the role',
      files: {
        'capacity.yaml': capacity(
          '',
          `  AgentPolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: ecs-agent
      Roles: [!Ref InstanceRole]
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: [ecs:DiscoverPollEndpoint, ecs:RegisterContainerInstance, ecs:Poll, ecs:StartTelemetrySession, ecs:UpdateContainerInstancesState, ecs:Submit*]
            Resource: '*'
`,
        ),
      },
    },
    {
      name: 'the actions come from a customer managed policy defined in the same template',
      files: {
        'capacity.yaml': capacity(
          'ManagedPolicyArns:\n  - !Ref AgentManagedPolicy',
          `  AgentManagedPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: ['ecs:*']
            Resource: '*'
`,
        ),
      },
    },
    {
      name: 'a role lacking ecs:Poll is in no instance profile (a task role)',
      files: {
        'roles.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  TaskRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: ecs-tasks.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: app
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: arn:aws:s3:::app-config/*
`,
        'task.json': registerTaskDefinition({
          family: 'app',
          requiresCompatibilities: ['EC2'],
          taskRoleArn: 'arn:aws:iam::123456789012:role/app-task',
          containerDefinitions: [{ name: 'app', image: 'nginx:1.27', memory: 256 }],
        }),
      },
    },
    {
      name: 'the role resource suppresses the rule in its Metadata',
      files: {
        'capacity.yaml': missingPoll.replace('    Type: AWS::IAM::Role\n', '    Type: AWS::IAM::Role\n    Metadata:\n      ecs-iam-lint:\n        ignore: [instance-role-agent-permissions]\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'the inline policy lacks ecs:Poll',
      files: { 'capacity.yaml': missingPoll },
      expect: [
        {
          path: 'capacity.yaml',
          line: lineOf(missingPoll, 'Policies:'),
          severity: 'error',
          message: ['Container instance role InstanceRole', 'does not allow ecs:Poll', 'cannot register the instance', 'AmazonEC2ContainerServiceforEC2Role'],
        },
      ],
    },
    {
      name: 'the inline policy lacks only ecs:StartTelemetrySession',
      files: { 'capacity.yaml': missingTelemetry },
      expect: [{ line: lineOf(missingTelemetry, 'Policies:'), severity: 'warning', message: ['does not allow ecs:StartTelemetrySession', 'no container metrics'] }],
    },
    {
      name: 'the inline policy lacks only ecs:UpdateContainerInstancesState',
      files: { 'capacity.yaml': missingDrain },
      expect: [{ severity: 'warning', message: ['does not allow ecs:UpdateContainerInstancesState', 'Spot'] }],
    },
    {
      name: 'the policy names ecs:SubmitTaskStateChange but not the other Submit calls that ecs:Submit* covers',
      files: { 'capacity.yaml': missingSubmit },
      expect: [{ severity: 'error', message: ['ecs:SubmitContainerStateChange', 'ecs:SubmitAttachmentStateChanges'] }],
    },
    {
      name: 'an explicit Deny on ecs:Poll overrides AmazonEC2ContainerServiceforEC2Role',
      files: { 'capacity.yaml': denyPoll },
      expect: [{ line: lineOf(denyPoll, 'ManagedPolicyArns:'), severity: 'error', message: ['does not allow ecs:Poll'] }],
    },
    {
      name: 'the instance role only has AmazonSSMManagedInstanceCore (both the essential and the recommended actions are missing)',
      files: { 'capacity.yaml': onlySsm },
      expect: [
        { severity: 'error', message: ['ecs:DiscoverPollEndpoint', 'ecs:RegisterContainerInstance', 'ecs:Poll'] },
        { severity: 'warning', message: ['ecs:StartTelemetrySession', 'ecs:UpdateContainerInstancesState', 'no container metrics and', 'Spot'] },
      ],
    },
    {
      name: 'the only policy is a customer managed policy outside the repository (may not allow: warning)',
      files: { 'capacity.yaml': unknownCustomerPolicy },
      // Both findings sit on ManagedPolicyArns; equal severities sort by message kind (recommended before required).
      expect: [
        { severity: 'warning', message: ['may not allow ecs:StartTelemetrySession'] },
        { severity: 'warning', message: ['may not allow', 'ecs:Poll'] },
      ],
    },
    {
      name: 'a JSON template instance role used by a launch configuration lacks ecs:Submit*',
      files: { 'capacity.json': jsonMissingSubmit },
      expect: [
        {
          path: 'capacity.json',
          line: lineOf(jsonMissingSubmit, '"Policies"'),
          severity: 'error',
          message: ['ecs:SubmitTaskStateChange', 'ecs:SubmitContainerStateChange', 'ecs:SubmitAttachmentStateChanges'],
        },
      ],
    },
    {
      name: 'the policy is scoped to another cluster than the one ECS_CLUSTER names',
      files: { 'capacity.yaml': literalScoped('staging') },
      config: { account: '123456789012', region: 'us-east-1' },
      expect: [
        { severity: 'error', message: ['does not allow ecs:RegisterContainerInstance, ecs:Poll, ecs:SubmitTaskStateChange'] },
        { severity: 'warning', message: ['does not allow ecs:StartTelemetrySession'] },
      ],
    },
    {
      name: 'config lowers the rule to warning',
      files: { 'capacity.yaml': missingPoll },
      config: { rules: { [rule]: 'warning' } },
      expect: [{ severity: 'warning' }],
    },
  ],
});

test('instance-role-agent-permissions: never asks for ecs:CreateCluster (myth M2)', () => {
  const found = findingsOf(lintFiles({ 'capacity.yaml': onlySsm }), rule);
  assert.ok(found.length > 0);
  for (const finding of found) assert.ok(!finding.message.includes('CreateCluster'), finding.message);
});

testFixClears(rule, [
  { name: 'the inline policy lacks ecs:Poll', files: { 'capacity.yaml': missingPoll } },
  { name: 'the inline policy lacks ecs:StartTelemetrySession', files: { 'capacity.yaml': missingTelemetry } },
  { name: 'a JSON template instance role lacks ecs:Submit*', files: { 'capacity.json': jsonMissingSubmit } },
]);
