import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import {
  account,
  describeTaskDefinition,
  ec2CapacityYaml,
  ec2ContainerServicePolicyArn,
  json,
  lineOf,
  registerTaskDefinition,
  roleYaml,
  seedFiles,
  yamlTemplate,
  type RoleOptions,
} from './cfn-snippets.js';

const rule = 'instance-role-overprivileged';

const agentPolicy = ec2ContainerServicePolicyArn;
const ssmCore = '!Sub arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore';
const cloudWatchAgent = '!Sub arn:${AWS::Partition}:iam::aws:policy/CloudWatchAgentServerPolicy';

const s3Writes = `
- Effect: Allow
  Action: [s3:GetObject, s3:PutObject]
  Resource: !Sub arn:\${AWS::Partition}:s3:::app-uploads/*`;

/** An EC2 task definition in the capacity's template; `roles` and `networkMode` lines are written as given. */
function ec2TaskYaml(options: { logicalId?: string; family?: string; taskRole?: string; networkMode?: string } = {}): string {
  const { logicalId = 'TaskDefinition', family = 'web', taskRole, networkMode } = options;
  return `  ${logicalId}:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: ${family}
      RequiresCompatibilities: [EC2]
${networkMode ? `      NetworkMode: ${networkMode}\n` : ''}${taskRole ? `      TaskRoleArn: ${taskRole}\n` : ''}      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          Memory: 256
`;
}

function cluster(instanceRole: RoleOptions, launchTemplateExtra = '', userDataExtra = ''): string {
  let capacity = ec2CapacityYaml(instanceRole);
  if (launchTemplateExtra) capacity = capacity.replace('        InstanceType: t3.small\n', `        InstanceType: t3.small\n${launchTemplateExtra}`);
  if (userDataExtra) capacity = capacity.replace('/etc/ecs/ecs.config\n', `/etc/ecs/ecs.config\n${userDataExtra}`);
  return capacity;
}

const inlineS3 = yamlTemplate([cluster({ managedPolicyArns: [agentPolicy], statements: s3Writes }), ec2TaskYaml()]);
const roleForSsm = yamlTemplate([
  cluster({ managedPolicyArns: [agentPolicy, 'arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM'] }),
  ec2TaskYaml(),
  ec2TaskYaml({ logicalId: 'WorkerDefinition', family: 'worker' }),
]);
const ecsStar = yamlTemplate([cluster({ statements: "- Effect: Allow\n  Action: ['ecs:*', 'ecr:GetAuthorizationToken']\n  Resource: '*'" }), ec2TaskYaml()]);
const notAction = yamlTemplate([cluster({ managedPolicyArns: [agentPolicy], statements: "- Effect: Allow\n  NotAction: iam:*\n  Resource: '*'" }), ec2TaskYaml()]);
const hopLimitHost = yamlTemplate([
  cluster({ managedPolicyArns: [agentPolicy], statements: s3Writes }, '        MetadataOptions:\n          HttpTokens: required\n          HttpPutResponseHopLimit: 1\n'),
  ec2TaskYaml({ networkMode: 'host' }),
]);

const customerManaged = yamlTemplate([
  cluster({ managedPolicyArns: [agentPolicy, '!Ref UploadsPolicy'] }),
  `  UploadsPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: dynamodb:PutItem
            Resource: !Sub arn:\${AWS::Partition}:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/orders
`,
  ec2TaskYaml(),
]);

const attachedPolicy = yamlTemplate([
  cluster({ managedPolicyArns: [agentPolicy] }),
  `  QueuePolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: queue
      Roles: [!Ref InstanceRole]
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: [sqs:ReceiveMessage, sqs:DeleteMessage]
            Resource: !Sub arn:\${AWS::Partition}:sqs:\${AWS::Region}:\${AWS::AccountId}:jobs
`,
  ec2TaskYaml(),
]);

/** The cluster alone, for task-definition JSON files that run on it. */
const clusterOnly = yamlTemplate([cluster({ managedPolicyArns: [agentPolicy], statements: s3Writes })]);
const registerEc2 = (taskRoleArn?: string) =>
  registerTaskDefinition({
    requiresCompatibilities: ['EC2'],
    ...(taskRoleArn ? { taskRoleArn } : {}),
    containerDefinitions: [{ name: 'app', image: 'nginx:1.27', memory: 256 }],
  });
const describeEc2 = describeTaskDefinition({ requiresCompatibilities: ['EC2'], containerDefinitions: [{ name: 'app', image: 'nginx:1.27', memory: 256 }] });

const cfnJson = json({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    Cluster: { Type: 'AWS::ECS::Cluster' },
    InstanceRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        ManagedPolicyArns: [
          { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role' },
          { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AmazonS3FullAccess' },
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
        UserData: { 'Fn::Base64': { 'Fn::Sub': '#!/bin/bash\necho ECS_CLUSTER=${Cluster} >> /etc/ecs/ecs.config\n' } },
      },
    },
    TaskDefinition: {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: { RequiresCompatibilities: ['EC2'], ContainerDefinitions: [{ Name: 'app', Image: 'nginx:1.27', Memory: 256 }] },
    },
  },
});

testRule(rule, {
  valid: [
    { name: 'the seed setup is linted', files: seedFiles },
    { name: 'the instance role has only the agent, SSM and CloudWatch agent policies', files: { 'ec2.yaml': yamlTemplate([cluster({ managedPolicyArns: [agentPolicy, ssmCore, cloudWatchAgent] }), ec2TaskYaml()]) } },
    {
      name: 'the instance role lists the agent actions inline',
      files: {
        'ec2.yaml': yamlTemplate([
          cluster({ statements: "- Effect: Allow\n  Action: [ecs:DiscoverPollEndpoint, ecs:RegisterContainerInstance, ecs:Poll, ecs:Submit*, ecs:StartTelemetrySession, ecr:GetAuthorizationToken, ecr:BatchGetImage, logs:CreateLogStream, logs:PutLogEvents]\n  Resource: '*'" }),
          ec2TaskYaml(),
        ]),
      },
    },
    { name: 'the task definition has a task role', files: { 'ec2.yaml': yamlTemplate([cluster({ managedPolicyArns: [agentPolicy], statements: s3Writes }), roleYaml({ logicalId: 'AppRole' }), ec2TaskYaml({ taskRole: '!GetAtt AppRole.Arn' })]) } },
    {
      name: 'the task runs on Fargate although the template also has EC2 capacity',
      files: {
        'ec2.yaml': yamlTemplate([
          cluster({ managedPolicyArns: [agentPolicy], statements: s3Writes }),
          "  TaskDefinition:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n      NetworkMode: awsvpc\n      Cpu: '256'\n      Memory: '512'\n      ContainerDefinitions:\n        - Name: app\n          Image: nginx:1.27\n",
        ]),
      },
    },
    {
      name: 'IMDSv2 with a hop limit of 1 keeps bridge-mode containers from the instance credentials',
      files: { 'ec2.yaml': yamlTemplate([cluster({ managedPolicyArns: [agentPolicy], statements: s3Writes }, '        MetadataOptions:\n          HttpTokens: required\n          HttpPutResponseHopLimit: 1\n'), ec2TaskYaml()]) },
    },
    {
      name: 'ECS_AWSVPC_BLOCK_IMDS=true for an awsvpc task',
      files: { 'ec2.yaml': yamlTemplate([cluster({ managedPolicyArns: [agentPolicy], statements: s3Writes }, '', '            echo ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config\n'), ec2TaskYaml({ networkMode: 'awsvpc' })]) },
    },
    {
      name: 'an iptables rule drops container traffic to the metadata service',
      files: {
        'ec2.yaml': yamlTemplate([
          cluster({ managedPolicyArns: [agentPolicy], statements: s3Writes }, '', '            iptables --insert DOCKER-USER 1 --in-interface docker+ --destination 169.254.169.254/32 --jump DROP\n'),
          ec2TaskYaml(),
        ]),
      },
    },
    { name: 'no EC2 capacity is visible for an EC2 task definition', files: { 'ec2.yaml': yamlTemplate([roleYaml({ logicalId: 'Unrelated', principal: 'ec2.amazonaws.com', statements: s3Writes }), ec2TaskYaml()]) } },
    { name: 'a register-input JSON with a task role runs on the cluster', files: { 'infra/cluster.yaml': clusterOnly, 'deploy/taskdef.json': registerEc2(`arn:aws:iam::${account}:role/web-task`) } },
    { name: 'the rule is turned off in config', files: { 'ec2.yaml': inlineS3 }, config: { rules: { [rule]: 'off' } } },
  ],
  invalid: [
    {
      name: 'the instance role allows S3 writes inline and the EC2 task has no task role',
      files: { 'ec2.yaml': inlineS3 },
      expect: [
        {
          line: lineOf(inlineS3, '- Effect: Allow', 2),
          severity: 'warning',
          message: ['Instance role InstanceRole allows s3:PutObject, s3:GetObject', 'task definition TaskDefinition has no task role', 'instance metadata service', 'give it a task role'],
        },
      ],
    },
    {
      name: 'the instance role attaches AmazonEC2RoleforSSM (deprecated, S3 on *)',
      files: { 'ec2.yaml': roleForSsm },
      expect: [{ line: lineOf(roleForSsm, 'AmazonEC2RoleforSSM'), message: ['attaches AmazonEC2RoleforSSM, which grants', 's3:PutObject', 'task definitions TaskDefinition, WorkerDefinition have no task role'] }],
    },
    { name: 'ecs:* reaches beyond the agent calls', files: { 'ec2.yaml': ecsStar }, expect: [{ message: ['allows ecs:*'] }] },
    { name: 'an Allow with NotAction', files: { 'ec2.yaml': notAction }, expect: [{ message: ['every action except iam:*'] }] },
    { name: 'a host-mode task is not protected by the hop limit', files: { 'ec2.yaml': hopLimitHost }, expect: [{ severity: 'warning' }] },
    { name: 'a customer managed policy of the repository (reported at its statement)', files: { 'ec2.yaml': customerManaged }, expect: [{ line: lineOf(customerManaged, 'Action: dynamodb:PutItem') - 1, message: ['gets dynamodb:PutItem from'] }] },
    { name: 'an AWS::IAM::Policy attached to the instance role', files: { 'ec2.yaml': attachedPolicy }, expect: [{ line: lineOf(attachedPolicy, 'Action: [sqs:ReceiveMessage') - 1, message: ['allows sqs:ReceiveMessage, sqs:DeleteMessage'] }] },
    {
      name: 'a register-input JSON without a task role runs on the only cluster of the repository',
      files: { 'infra/cluster.yaml': clusterOnly, 'deploy/taskdef.json': registerEc2() },
      expect: [{ path: 'infra/cluster.yaml', message: ['task definition app (deploy/taskdef.json) has no task role'] }],
    },
    { name: 'a describe-output JSON', files: { 'infra/cluster.yaml': clusterOnly, 'deploy/describe.json': describeEc2 }, expect: [{ path: 'infra/cluster.yaml', message: ['deploy/describe.json'] }] },
    { name: 'CloudFormation JSON attaches AmazonS3FullAccess', files: { 'ec2.json': cfnJson }, expect: [{ path: 'ec2.json', line: lineOf(cfnJson, 'AmazonS3FullAccess') - 1, message: ['attaches AmazonS3FullAccess', 's3:*'] }] },
  ],
});

test('the finding names the task definition files it depends on', () => {
  const [finding] = findingsOf(lintFiles({ 'infra/cluster.yaml': clusterOnly, 'deploy/taskdef.json': registerEc2() }), rule);
  assert.deepEqual(finding.relatedPaths, ['deploy/taskdef.json']);
  assert.deepEqual(finding.fixes, []);
});
