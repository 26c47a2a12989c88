import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import { json, lineOf, registerTaskDefinition } from './cfn-snippets.js';
import { testFixClears } from './fix-clears.js';
import { seedCases } from './seed-variants.js';

const rule = 'instance-profile-missing';

const head = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
  EcsAmi:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
    Default: /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id
  BottlerocketAmi:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
    Default: /aws/service/bottlerocket/aws-ecs-2/x86_64/latest/image_id
  PlainAmi:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
    Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
`;

const instanceRole = `  InstanceRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: ec2.amazonaws.com}
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role
`;

const profile = `  InstanceProfile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles: [!Ref InstanceRole]
`;

function template(...resources: string[]): string {
  return head + resources.join('');
}

/** A launch template; `profileLines` are written under LaunchTemplateData (8 spaces). */
function launchTemplate(options: { image?: string; userData?: string; profileLines?: string; logicalId?: string } = {}): string {
  const { image = '!Ref EcsAmi', userData, profileLines = '', logicalId = 'LaunchTemplate' } = options;
  return `  ${logicalId}:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ${image}
        InstanceType: t3.medium
${profileLines}${userData ?? ''}`;
}

const ecsClusterUserData = `        UserData:
          Fn::Base64: !Sub |
            #!/bin/bash
            echo ECS_CLUSTER=\${Cluster} >> /etc/ecs/ecs.config
`;

const bottlerocketUserData = `        UserData:
          Fn::Base64: !Sub |
            [settings.ecs]
            cluster = "\${Cluster}"
            enable-spot-instance-draining = true
`;

const webServerUserData = `        UserData:
          Fn::Base64: |
            #!/bin/bash
            dnf install -y nginx
            systemctl enable --now nginx
`;

const ltWithoutProfile = template(launchTemplate({ image: '!Ref PlainAmi', userData: ecsClusterUserData }));

const lcWithEcsAmi = template(`  LaunchConfiguration:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: !Ref EcsAmi
      InstanceType: t3.small
`);

const lcWithDynamicReference = template(`  LaunchConfiguration:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: '{{resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id}}'
      InstanceType: t3.small
`);

const bottlerocketWithoutProfile = template(launchTemplate({ image: '!Ref BottlerocketAmi', userData: bottlerocketUserData }));

const asgBehindCapacityProvider = (profileLines: string, extra = '') =>
  template(
    extra,
    launchTemplate({ image: '!Ref PlainAmi', profileLines }),
    `  AutoScalingGroup:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '0'
      MaxSize: '10'
      VPCZoneIdentifier: !Ref Subnets
      MixedInstancesPolicy:
        LaunchTemplate:
          LaunchTemplateSpecification:
            LaunchTemplateId: !Ref LaunchTemplate
            Version: !GetAtt LaunchTemplate.LatestVersionNumber
  CapacityProvider:
    Type: AWS::ECS::CapacityProvider
    Properties:
      AutoScalingGroupProvider:
        AutoScalingGroupArn: !Ref AutoScalingGroup
`,
  );

const capacityProviderWithoutProfile = asgBehindCapacityProvider('');

const emptyProfile = template(
  `  InstanceProfile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Path: /ecs/
      Roles: []
`,
  launchTemplate({ userData: ecsClusterUserData, profileLines: '        IamInstanceProfile:\n          Arn: !GetAtt InstanceProfile.Arn\n' }),
);

const instanceWithoutProfile = template(`  Bastion:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: !Ref PlainAmi
      InstanceType: t3.micro
      UserData:
        Fn::Base64: !Sub |
          #!/bin/bash
          echo "ECS_CLUSTER=\${Cluster}" >> /etc/ecs/ecs.config
`);

const jsonLaunchTemplateWithoutProfile = json({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    Cluster: { Type: 'AWS::ECS::Cluster' },
    LaunchTemplate: {
      Type: 'AWS::EC2::LaunchTemplate',
      Properties: {
        LaunchTemplateData: {
          ImageId: 'ami-0123456789abcdef0',
          InstanceType: 't3.medium',
          UserData: { 'Fn::Base64': { 'Fn::Join': ['', ['#!/bin/bash\n', 'echo ECS_CLUSTER=', { Ref: 'Cluster' }, ' >> /etc/ecs/ecs.config\n']] } },
        },
      },
    },
  },
});

const jsonLaunchTemplateWithProfile = json({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    Cluster: { Type: 'AWS::ECS::Cluster' },
    InstanceRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role'],
      },
    },
    InstanceProfile: { Type: 'AWS::IAM::InstanceProfile', Properties: { Roles: [{ Ref: 'InstanceRole' }] } },
    LaunchTemplate: {
      Type: 'AWS::EC2::LaunchTemplate',
      Properties: {
        LaunchTemplateData: {
          ImageId: 'ami-0123456789abcdef0',
          InstanceType: 't3.medium',
          IamInstanceProfile: { Name: { Ref: 'InstanceProfile' } },
          UserData: { 'Fn::Base64': { 'Fn::Sub': '#!/bin/bash\necho ECS_CLUSTER=${Cluster} >> /etc/ecs/ecs.config\n' } },
        },
      },
    },
  },
});

testRule(rule, {
  valid: [
    ...seedCases,
    {
      name: 'a launch template that is no ECS capacity (a plain web server) has no instance profile',
      files: { 'web.yaml': template(launchTemplate({ image: '!Ref PlainAmi', userData: webServerUserData })) },
    },
    {
      name: 'an Auto Scaling group without a capacity provider uses a plain launch template without profile',
      files: {
        'web.yaml': template(
          launchTemplate({ image: '!Ref PlainAmi' }),
          `  AutoScalingGroup:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '2'
      VPCZoneIdentifier: !Ref Subnets
      LaunchTemplate:
        LaunchTemplateId: !Ref LaunchTemplate
        Version: '1'
`,
        ),
      },
    },
    {
      name: 'the instance profile is imported from another stack (!ImportValue)',
      files: {
        'capacity.yaml': template(
          launchTemplate({ userData: ecsClusterUserData, profileLines: "        IamInstanceProfile:\n          Arn: !ImportValue 'shared-iam:EcsInstanceProfileArn'\n" }),
        ),
      },
    },
    {
      name: 'the instance profile name is a parameter',
      files: {
        'capacity.yaml': template(
          launchTemplate({ userData: ecsClusterUserData, profileLines: '        IamInstanceProfile:\n          Name: !Ref InstanceProfileName\n' }),
        ).replace('Parameters:\n', 'Parameters:\n  InstanceProfileName:\n    Type: String\n    Default: ecsInstanceRole\n'),
      },
    },
    {
      name: 'a launch configuration names an existing profile by literal ARN',
      files: {
        'capacity.yaml': template(`  LaunchConfiguration:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: !Ref EcsAmi
      InstanceType: t3.small
      IamInstanceProfile: arn:aws:iam::123456789012:instance-profile/ecsInstanceRole
`),
      },
    },
    {
      name: 'the profile holds a role defined elsewhere, by name',
      files: {
        'capacity.yaml': template(
          `  InstanceProfile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles: [ecsInstanceRole]
`,
          launchTemplate({ userData: ecsClusterUserData, profileLines: '        IamInstanceProfile:\n          Arn: !GetAtt InstanceProfile.Arn\n' }),
        ),
      },
    },
    {
      name: 'the capacity-provider launch template has a profile (MixedInstancesPolicy)',
      files: { 'capacity.yaml': asgBehindCapacityProvider('        IamInstanceProfile:\n          Arn: !GetAtt InstanceProfile.Arn\n', instanceRole + profile) },
    },
    {
      name: 'a Bottlerocket launch template has a profile',
      files: {
        'capacity.yaml': template(
          instanceRole,
          profile,
          launchTemplate({ image: '!Ref BottlerocketAmi', userData: bottlerocketUserData, profileLines: '        IamInstanceProfile:\n          Name: !Ref InstanceProfile\n' }),
        ),
      },
    },
    { name: 'a JSON template launch template names its profile ({"Name": {"Ref": ...}})', files: { 'capacity.json': jsonLaunchTemplateWithProfile } },
    {
      name: 'a template task definition asks for the EC2 launch type but the repository shows no EC2 capacity',
      files: {
        'task.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [EC2]
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          Memory: 256
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: existing-cluster
      LaunchType: EC2
      TaskDefinition: !Ref TaskDefinition
`,
      },
    },
    {
      name: 'a register-task-definition JSON asks for EC2 and nothing else is in the repository',
      files: {
        'task.json': registerTaskDefinition({
          family: 'batch',
          requiresCompatibilities: ['EC2'],
          containerDefinitions: [{ name: 'batch', image: 'busybox:1.36', memory: 128 }],
        }),
      },
    },
    {
      name: 'the launch template resource suppresses the rule in its Metadata',
      files: {
        'capacity.yaml': ltWithoutProfile.replace(
          '    Type: AWS::EC2::LaunchTemplate\n',
          '    Type: AWS::EC2::LaunchTemplate\n    Metadata:\n      ecs-iam-lint:\n        ignore: [instance-profile-missing]\n',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'a launch template whose user data (Fn::Base64: !Sub |) sets ECS_CLUSTER has no IamInstanceProfile',
      files: { 'capacity.yaml': ltWithoutProfile },
      expect: [
        {
          path: 'capacity.yaml',
          line: lineOf(ltWithoutProfile, 'LaunchTemplateData:'),
          severity: 'error',
          message: ['LaunchTemplate LaunchTemplate', 'user data joins an ECS cluster', 'no IamInstanceProfile', 'NoCredentialProviders'],
        },
      ],
    },
    {
      name: 'a launch configuration uses an ECS-optimized AMI parameter default and has no profile',
      files: { 'capacity.yaml': lcWithEcsAmi },
      expect: [{ line: lineOf(lcWithEcsAmi, 'ImageId: !Ref EcsAmi'), severity: 'error', message: ['LaunchConfiguration LaunchConfiguration', 'ECS-optimized AMI'] }],
    },
    {
      name: 'a launch configuration resolves an ECS-optimized AMI through a {{resolve:ssm:...}} dynamic reference',
      files: { 'capacity.yaml': lcWithDynamicReference },
      expect: [{ message: ['ECS-optimized AMI'] }],
    },
    {
      name: 'a Bottlerocket launch template ([settings.ecs] user data) has no profile',
      files: { 'capacity.yaml': bottlerocketWithoutProfile },
      expect: [{ line: lineOf(bottlerocketWithoutProfile, 'LaunchTemplateData:'), message: ['user data joins an ECS cluster'] }],
    },
    {
      name: 'an Auto Scaling group behind an AWS::ECS::CapacityProvider launches from a template without profile',
      files: { 'capacity.yaml': capacityProviderWithoutProfile },
      expect: [
        {
          line: lineOf(capacityProviderWithoutProfile, 'LaunchTemplateData:'),
          severity: 'error',
          message: ['LaunchTemplate LaunchTemplate', 'Auto Scaling group AutoScalingGroup backs an ECS capacity provider'],
        },
      ],
    },
    {
      name: 'the instance profile has Roles: []',
      files: { 'capacity.yaml': emptyProfile },
      expect: [{ line: lineOf(emptyProfile, 'Roles: []'), severity: 'error', message: ['Instance profile InstanceProfile', 'LaunchTemplate LaunchTemplate', 'holds no role'] }],
    },
    {
      name: 'an EC2 instance whose user data sets ECS_CLUSTER has no profile',
      files: { 'bastion.yaml': instanceWithoutProfile },
      expect: [{ line: lineOf(instanceWithoutProfile, 'ImageId: !Ref PlainAmi'), message: ['Instance Bastion', 'no IamInstanceProfile'] }],
    },
    {
      name: 'a JSON template launch template sets ECS_CLUSTER through Fn::Join and has no profile',
      files: { 'capacity.json': jsonLaunchTemplateWithoutProfile },
      expect: [
        {
          path: 'capacity.json',
          line: lineOf(jsonLaunchTemplateWithoutProfile, '"Properties"'),
          severity: 'error',
          message: ['LaunchTemplate LaunchTemplate', 'no IamInstanceProfile'],
        },
      ],
    },
    {
      name: 'two launch templates, one of them without profile (only that one is reported)',
      files: {
        'capacity.yaml': template(
          instanceRole,
          profile,
          launchTemplate({ logicalId: 'OnDemandTemplate', userData: ecsClusterUserData, profileLines: '        IamInstanceProfile:\n          Name: !Ref InstanceProfile\n' }),
          launchTemplate({ logicalId: 'SpotTemplate', userData: ecsClusterUserData }),
        ),
      },
      expect: [{ message: ['LaunchTemplate SpotTemplate'] }],
    },
  ],
});

test('instance-profile-missing: the finding lies in the capacity resource, so its path in the document names it', () => {
  const [finding] = findingsOf(lintFiles({ 'capacity.yaml': ltWithoutProfile }), rule);
  assert.deepEqual(finding.nodePath, ['Resources', 'LaunchTemplate', 'Properties']);
});

testFixClears(rule, [
  { name: 'a launch template with ECS_CLUSTER user data has no profile', files: { 'capacity.yaml': ltWithoutProfile } },
  { name: 'a launch template has no profile but the template has an EC2-trusted role', files: { 'capacity.yaml': template(instanceRole, launchTemplate({ userData: ecsClusterUserData })) } },
  { name: 'a launch configuration with an ECS-optimized AMI has no profile', files: { 'capacity.yaml': lcWithEcsAmi } },
  { name: 'an EC2 instance has no profile', files: { 'bastion.yaml': instanceWithoutProfile } },
  { name: 'the instance profile has Roles: [] and the template has an EC2-trusted role', files: { 'capacity.yaml': emptyProfile.replace('Resources:\n', 'Resources:\n' + instanceRole) } },
  { name: 'a JSON template launch template has no profile', files: { 'capacity.json': jsonLaunchTemplateWithoutProfile } },
]);
