import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixToTexts } from '../../src/core/fix/verify-fix.js';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import { indent, json, lineOf } from './cfn-snippets.js';
import { testFixClears } from './fix-clears.js';
import { seedCases } from './seed-variants.js';

const rule = 'infrastructure-role';

/** An infrastructure role trusted by `principal` with managed policies (names with their path) and inline statements (column 0). */
function infraRole(options: { logicalId?: string; principal?: string; managed?: string[]; statements?: string; roleName?: string } = {}): string {
  const { logicalId = 'InfrastructureRole', principal = 'ecs.amazonaws.com', managed = [], statements, roleName } = options;
  return `  ${logicalId}:
    Type: AWS::IAM::Role
    Properties:
${roleName ? `      RoleName: ${roleName}\n` : ''}      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: AllowAccessToECSForInfrastructureManagement
            Effect: Allow
            Principal:
              Service: ${principal}
            Action: sts:AssumeRole
${managed.length ? `      ManagedPolicyArns:\n${managed.map((name) => `        - !Sub arn:\${AWS::Partition}:iam::aws:policy/${name}`).join('\n')}\n` : ''}${statements ? `      Policies:
        - PolicyName: infrastructure
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
${indent(statements, 14)}
` : ''}`;
}

const volumesPolicy = 'service-role/AmazonECSInfrastructureRolePolicyForVolumes';
const latticePolicy = 'AmazonECSInfrastructureRolePolicyForVpcLattice';
const tlsPolicy = 'service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity';
const loadBalancersPolicy = 'AmazonECSInfrastructureRolePolicyForLoadBalancers';
const managedInstancesPolicy = 'AmazonECSInfrastructureRolePolicyForManagedInstances';

/** A Fargate service with one data volume configured at launch; `service` holds extra properties at column 0. */
function serviceTemplate(roles: string, service: string): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
${roles}  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: db
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '1024'
      Memory: '2048'
      Volumes:
        - Name: data
          ConfiguredAtLaunch: true
      ContainerDefinitions:
        - Name: db
          Image: public.ecr.aws/docker/library/postgres:16
          MountPoints:
            - SourceVolume: data
              ContainerPath: /var/lib/postgresql/data
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      TaskDefinition: !Ref TaskDefinition
      LaunchType: FARGATE
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: !Ref Subnets
${indent(service, 6)}
`;
}

const ebs = (roleArn: string) => `VolumeConfigurations:
  - Name: data
    ManagedEBSVolume:
${roleArn ? `      RoleArn: ${roleArn}\n` : ''}      SizeInGiB: 20
      VolumeType: gp3`;

const ebsOk = serviceTemplate(infraRole({ managed: [volumesPolicy] }), ebs('!GetAtt InfrastructureRole.Arn'));
const ebsNoRole = serviceTemplate('', ebs(''));
const ebsNoRoleButCandidate = serviceTemplate(infraRole({ managed: [volumesPolicy] }), ebs(''));
const ebsUntrusted = serviceTemplate(infraRole({ principal: 'ecs-tasks.amazonaws.com', managed: [volumesPolicy] }), ebs('!GetAtt InfrastructureRole.Arn'));
const ebsWrongPolicy = serviceTemplate(infraRole({ managed: [latticePolicy] }), ebs('!GetAtt InfrastructureRole.Arn'));
const ebsInlineEquivalent = serviceTemplate(
  infraRole({
    statements: `- Effect: Allow
  Action: [ec2:CreateVolume, ec2:AttachVolume, ec2:DetachVolume, ec2:DeleteVolume, ec2:CreateTags]
  Resource: !Sub arn:\${AWS::Partition}:ec2:*:\${AWS::AccountId}:volume/*
- Effect: Allow
  Action: [ec2:DescribeVolumes, ec2:DescribeAvailabilityZones, ec2:DescribeInstances]
  Resource: '*'`,
  }),
  ebs('!GetAtt InfrastructureRole.Arn'),
);

const tls = (roleArn: string) => `ServiceConnectConfiguration:
  Enabled: true
  Namespace: internal
  Services:
    - PortName: db
      Tls:
        IssuerCertificateAuthority:
          AwsPcaAuthorityArn: arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/0a1b2c3d-1111-2222-3333-444455556666
${roleArn ? `        RoleArn: ${roleArn}\n` : ''}`;
const tlsNoRole = serviceTemplate('', tls(''));
const tlsOk = serviceTemplate(infraRole({ managed: [tlsPolicy] }), tls('!GetAtt InfrastructureRole.Arn'));

const lattice = `VpcLatticeConfigurations:
  - RoleArn: !GetAtt InfrastructureRole.Arn
    TargetGroupArn: arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/tg-0123456789abcdef0
    PortName: db`;
const latticeOk = serviceTemplate(infraRole({ managed: [latticePolicy] }), lattice);
const latticeNoPolicy = serviceTemplate(infraRole({ statements: "- Effect: Allow\n  Action: ec2:DescribeSubnets\n  Resource: '*'" }), lattice);

const blueGreen = `LoadBalancers:
  - ContainerName: db
    ContainerPort: 5432
    TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/0123456789abcdef
    AdvancedConfiguration:
      AlternateTargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/fedcba9876543210
      ProductionListenerRule: arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/0123456789abcdef/0123456789abcdef/0123456789abcdef
      RoleArn: !GetAtt InfrastructureRole.Arn`;
const blueGreenOk = serviceTemplate(infraRole({ managed: [loadBalancersPolicy] }), blueGreen);
const blueGreenVolumesPolicy = serviceTemplate(infraRole({ managed: [volumesPolicy] }), blueGreen);

/** A Managed Instances capacity provider whose instance profile holds `InstanceRole` (RoleName optional). */
function managedInstances(infra: string, instanceRoleName?: string): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
${infra}  InstanceRole:
    Type: AWS::IAM::Role
    Properties:
${instanceRoleName ? `      RoleName: ${instanceRoleName}\n` : ''}      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: ec2.amazonaws.com}
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/AmazonECSInstanceRolePolicyForManagedInstances
  InstanceProfile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles: [!Ref InstanceRole]
  CapacityProvider:
    Type: AWS::ECS::CapacityProvider
    Properties:
      ClusterName: !Ref Cluster
      ManagedInstancesProvider:
        InfrastructureRoleArn: !GetAtt InfrastructureRole.Arn
        InstanceLaunchTemplate:
          Ec2InstanceProfileArn: !GetAtt InstanceProfile.Arn
          NetworkConfiguration:
            Subnets: !Ref Subnets
`;
}
const miGoodName = managedInstances(infraRole({ managed: [managedInstancesPolicy] }), 'ecsInstanceRole-orders');
const miGeneratedName = managedInstances(infraRole({ managed: [managedInstancesPolicy] }));
const miOtherName = managedInstances(infraRole({ managed: [managedInstancesPolicy] }), 'orders-instance-role');
const miOwnPassRole = managedInstances(
  infraRole({
    managed: [managedInstancesPolicy],
    statements: '- Effect: Allow\n  Action: iam:PassRole\n  Resource: !GetAtt InstanceRole.Arn\n  Condition:\n    StringEquals:\n      iam:PassedToService: ec2.amazonaws.com',
  }),
);

const jsonTemplate = (managed: string) =>
  json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      InfrastructureRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          ManagedPolicyArns: [{ 'Fn::Sub': `arn:\${AWS::Partition}:iam::aws:policy/${managed}` }],
        },
      },
      Service: {
        Type: 'AWS::ECS::Service',
        Properties: {
          TaskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/db:3',
          VolumeConfigurations: [{ Name: 'data', ManagedEBSVolume: { RoleArn: { 'Fn::GetAtt': ['InfrastructureRole', 'Arn'] }, SizeInGiB: 20 } }],
        },
      },
    },
  });

testRule(rule, {
  valid: [
    ...seedCases,
    { name: 'the EBS volume role trusts ecs.amazonaws.com and attaches AmazonECSInfrastructureRolePolicyForVolumes', files: { 'db.yaml': ebsOk } },
    { name: 'an inline policy grants the volume actions instead of the managed policy', files: { 'db.yaml': ebsInlineEquivalent } },
    { name: 'the Service Connect TLS role attaches its managed policy', files: { 'db.yaml': tlsOk } },
    { name: 'the VPC Lattice role attaches its managed policy', files: { 'db.yaml': latticeOk } },
    { name: 'the native blue/green role attaches AmazonECSInfrastructureRolePolicyForLoadBalancers', files: { 'db.yaml': blueGreenOk } },
    { name: 'the Managed Instances instance role is named ecsInstanceRole-*', files: { 'mi.yaml': miGoodName } },
    { name: 'the infrastructure role has its own PassRole grant for a generated instance role name', files: { 'mi.yaml': miOwnPassRole } },
    { name: 'the EBS role is imported (role-not-verifiable notes it)', files: { 'db.yaml': serviceTemplate('', ebs('!ImportValue shared-InfrastructureRole')) } },
    { name: 'a JSON template EBS role attaches the volumes policy', files: { 'db.json': jsonTemplate(volumesPolicy) } },
  ],
  invalid: [
    {
      name: 'a ManagedEBSVolume has no RoleArn',
      files: { 'db.yaml': ebsNoRole },
      expect: [{ line: lineOf(ebsNoRole, 'ManagedEBSVolume:'), severity: 'error', message: ['ECS service Service uses EBS volumes configured at launch (ManagedEBSVolume) without RoleArn', 'AmazonECSInfrastructureRolePolicyForVolumes'] }],
    },
    {
      name: 'the EBS role trusts ecs-tasks.amazonaws.com instead of ecs.amazonaws.com',
      files: { 'db.yaml': ebsUntrusted },
      expect: [{ severity: 'error', message: ['Role InfrastructureRole is the infrastructure role of ECS service Service', 'it trusts ecs-tasks.amazonaws.com'] }],
    },
    {
      name: 'the EBS role attaches the VPC Lattice policy instead of the volumes policy',
      files: { 'db.yaml': ebsWrongPolicy },
      expect: [
        {
          line: lineOf(ebsWrongPolicy, 'RoleArn: !GetAtt InfrastructureRole.Arn'),
          severity: 'error',
          message: ['Infrastructure role InfrastructureRole of ECS service Service does not allow ec2:CreateVolume', 'attach AmazonECSInfrastructureRolePolicyForVolumes'],
        },
      ],
    },
    {
      name: 'Service Connect TLS has no RoleArn (optional in the API, so a warning)',
      files: { 'db.yaml': tlsNoRole },
      expect: [{ line: lineOf(tlsNoRole, 'Tls:'), severity: 'warning', message: ['Service Connect TLS without RoleArn'] }],
    },
    {
      name: 'the VPC Lattice role lacks the vpc-lattice actions',
      files: { 'db.yaml': latticeNoPolicy },
      expect: [{ severity: 'error', message: ['vpc-lattice:RegisterTargets', 'AmazonECSInfrastructureRolePolicyForVpcLattice'] }],
    },
    {
      name: 'the native blue/green role has the volumes policy instead of the load-balancer one',
      files: { 'db.yaml': blueGreenVolumesPolicy },
      expect: [{ severity: 'error', message: ['elasticloadbalancing:ModifyListener', 'AmazonECSInfrastructureRolePolicyForLoadBalancers'] }],
    },
    {
      name: 'the Managed Instances instance role has no RoleName, so CloudFormation generates one that is not ecsInstanceRole* (R6)',
      files: { 'mi.yaml': miGeneratedName },
      expect: [
        {
          line: lineOf(miGeneratedName, 'Ec2InstanceProfileArn:'),
          severity: 'error',
          message: ['Infrastructure role InfrastructureRole of capacity provider CapacityProvider cannot pass instance role InstanceRole to EC2', 'ecsInstanceRole*', 'a name CloudFormation generates'],
        },
      ],
    },
    {
      name: 'the Managed Instances instance role is named orders-instance-role',
      files: { 'mi.yaml': miOtherName },
      expect: [{ severity: 'error', message: ['instance role orders-instance-role', 'the name orders-instance-role'] }],
    },
    {
      name: 'a JSON template EBS role attaches the load-balancer policy',
      files: { 'db.json': jsonTemplate(loadBalancersPolicy) },
      expect: [{ path: 'db.json', severity: 'error', message: ['ec2:CreateVolume'] }],
    },
  ],
});

test('infrastructure-role: a missing RoleArn is pointed at a role of the template that already serves the feature', () => {
  const [finding] = findingsOf(lintFiles({ 'db.yaml': ebsNoRoleButCandidate }), rule);
  assert.equal(finding.fixes[0].title, 'Use InfrastructureRole as the infrastructure role');
  const fixed = applyFixToTexts(finding.fixes[0], new Map([['db.yaml', ebsNoRoleButCandidate]])).get('db.yaml')!;
  assert.ok(fixed.includes('            VolumeType: gp3\n            RoleArn: !GetAtt InfrastructureRole.Arn\n'), fixed);
});

test('infrastructure-role: a new infrastructure role trusts ecs.amazonaws.com and attaches the feature\'s policy', () => {
  const [finding] = findingsOf(lintFiles({ 'db.yaml': ebsNoRole }), rule);
  const fixed = applyFixToTexts(finding.fixes[0], new Map([['db.yaml', ebsNoRole]])).get('db.yaml')!;
  assert.ok(fixed.includes('RoleArn: !GetAtt EbsVolumesInfrastructureRole.Arn'), fixed);
  assert.ok(fixed.includes(`- !Sub arn:\${AWS::Partition}:iam::aws:policy/${volumesPolicy}`), fixed);
});

testFixClears(rule, [
  { name: 'a ManagedEBSVolume has no RoleArn', files: { 'db.yaml': ebsNoRole } },
  { name: 'a ManagedEBSVolume has no RoleArn and the template has a fitting role', files: { 'db.yaml': ebsNoRoleButCandidate } },
  { name: 'the EBS role trusts ecs-tasks.amazonaws.com', files: { 'db.yaml': ebsUntrusted } },
  { name: 'the EBS role attaches the wrong policy', files: { 'db.yaml': ebsWrongPolicy } },
  { name: 'Service Connect TLS has no RoleArn', files: { 'db.yaml': tlsNoRole } },
  { name: 'the VPC Lattice role lacks its policy', files: { 'db.yaml': latticeNoPolicy } },
  { name: 'the Managed Instances instance role name is generated', files: { 'mi.yaml': miGeneratedName } },
  { name: 'a JSON template EBS role attaches the wrong policy', files: { 'db.json': jsonTemplate(loadBalancersPolicy) } },
]);
