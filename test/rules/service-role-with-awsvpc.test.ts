import { testRule } from '../rule-tester.js';
import { indent, json, lineOf, registerTaskDefinition } from './cfn-snippets.js';
import { testFixClears } from './fix-clears.js';
import { seedCases } from './seed-variants.js';

const rule = 'service-role-with-awsvpc';

const targetGroup = (id: string) => `  ${id}:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Port: 80
      Protocol: HTTP
      VpcId: !Ref VpcId
`;

const loadBalancer = (id: string) => `- ContainerName: web
  ContainerPort: 80
  TargetGroupArn: !Ref ${id}`;

/** A service with the legacy `Role`, running `TaskDefinition` (network mode given); `service` lines at column 0. */
function template(networkMode: string, service: string, extraResources = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  VpcId:
    Type: AWS::EC2::VPC::Id
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
  EcsServiceRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: ecs.amazonaws.com}
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceRole
${targetGroup('WebTargetGroup')}${targetGroup('AdminTargetGroup')}${extraResources}  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      NetworkMode: ${networkMode}
      ContainerDefinitions:
        - Name: web
          Image: nginx:1.27
          Memory: 256
          PortMappings:
            - ContainerPort: 80
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      TaskDefinition: !Ref TaskDefinition
      DesiredCount: 2
${indent(service, 6)}
`;
}

const withOneLb = `Role: !Ref EcsServiceRole
LoadBalancers:
${loadBalancer('WebTargetGroup')}`;

const awsvpc = template(
  'awsvpc',
  `LaunchType: EC2
${withOneLb}
NetworkConfiguration:
  AwsvpcConfiguration:
    Subnets: !Ref Subnets`,
);
const fargate = template('bridge', `LaunchType: FARGATE\n${withOneLb}`);
const fargateSpot = template(
  'bridge',
  `CapacityProviderStrategy:
  - CapacityProvider: FARGATE_SPOT
    Weight: 1
${withOneLb}`,
);
const serviceRegistries = template(
  'bridge',
  `LaunchType: EC2
${withOneLb}
ServiceRegistries:
  - RegistryArn: !GetAtt DiscoveryService.Arn
    ContainerName: web
    ContainerPort: 80`,
  `  DiscoveryService:
    Type: AWS::ServiceDiscovery::Service
    Properties:
      Name: web
`,
);
const twoLbs = template(
  'bridge',
  `LaunchType: EC2
Role: !Ref EcsServiceRole
LoadBalancers:
${loadBalancer('WebTargetGroup')}
${loadBalancer('AdminTargetGroup')}`,
);
const noLbs = template('bridge', 'LaunchType: EC2\nRole: !GetAtt EcsServiceRole.Arn');
const emptyLbs = template('bridge', 'LaunchType: EC2\nRole: ecsServiceRole\nLoadBalancers: []');
const external = template('bridge', `Role: !Ref EcsServiceRole\nDeploymentController:\n  Type: EXTERNAL`);
const bridgeOneLb = template('bridge', `LaunchType: EC2\n${withOneLb}`);

const jsonTemplate = (networkMode: string) =>
  json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      Cluster: { Type: 'AWS::ECS::Cluster' },
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          NetworkMode: networkMode,
          ContainerDefinitions: [{ Name: 'web', Image: 'nginx:1.27', Memory: 256, PortMappings: [{ ContainerPort: 80 }] }],
        },
      },
      Service: {
        Type: 'AWS::ECS::Service',
        Properties: {
          Cluster: { Ref: 'Cluster' },
          TaskDefinition: { Ref: 'TaskDefinition' },
          LaunchType: 'EC2',
          Role: 'arn:aws:iam::123456789012:role/ecsServiceRole',
          LoadBalancers: [{ ContainerName: 'web', ContainerPort: 80, TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef' }],
        },
      },
    },
  });
const jsonAwsvpc = jsonTemplate('awsvpc');

testRule(rule, {
  valid: [
    ...seedCases,
    { name: 'a service with Role runs a bridge-mode task definition behind one load balancer', files: { 'web.yaml': bridgeOneLb } },
    { name: 'a service with Role runs a host-mode task definition behind one load balancer', files: { 'web.yaml': template('host', `LaunchType: EC2\n${withOneLb}`) } },
    {
      name: 'an awsvpc service sets no Role (the service-linked role is used)',
      files: {
        'web.yaml': template(
          'awsvpc',
          `LaunchType: EC2
LoadBalancers:
${loadBalancer('WebTargetGroup')}
NetworkConfiguration:
  AwsvpcConfiguration:
    Subnets: !Ref Subnets`,
        ),
      },
    },
    {
      name: 'the load balancers come from Fn::If and cannot be counted',
      files: {
        'web.yaml': template(
          'bridge',
          `LaunchType: EC2
Role: !Ref EcsServiceRole
LoadBalancers: !If
  - HasLoadBalancer
  - [{ContainerName: web, ContainerPort: 80, TargetGroupArn: !Ref WebTargetGroup}]
  - !Ref AWS::NoValue`,
        ).replace('Resources:\n', "Conditions:\n  HasLoadBalancer: !Equals [!Ref 'AWS::Region', us-east-1]\nResources:\n"),
      },
    },
    { name: 'a JSON template service with Role runs a bridge-mode task definition', files: { 'web.json': jsonTemplate('bridge') } },
    {
      name: 'an awsvpc register-task-definition JSON (no service in the repository)',
      files: {
        'web.json': registerTaskDefinition({
          family: 'web',
          networkMode: 'awsvpc',
          requiresCompatibilities: ['FARGATE'],
          cpu: '256',
          memory: '512',
          containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }],
        }),
      },
    },
    {
      name: 'the service resource suppresses the rule',
      files: {
        'web.yaml': awsvpc.replace('    Type: AWS::ECS::Service\n', '    Type: AWS::ECS::Service\n    Metadata:\n      ecs-iam-lint:\n        ignore: [service-role-with-awsvpc]\n'),
      },
    },
  ],
  invalid: [
    {
      name: 'Role is set and the task definition uses awsvpc',
      files: { 'web.yaml': awsvpc },
      expect: [
        {
          path: 'web.yaml',
          line: lineOf(awsvpc, 'Role: !Ref EcsServiceRole'),
          severity: 'error',
          message: ['Service Service sets Role', 'task definition TaskDefinition uses the awsvpc network mode', 'You cannot specify an IAM role for services that require a service linked role.', 'Remove the property'],
        },
      ],
    },
    { name: 'Role is set with LaunchType FARGATE', files: { 'web.yaml': fargate }, expect: [{ line: lineOf(fargate, 'Role: !Ref'), severity: 'error', message: ['it runs on Fargate'] }] },
    { name: 'Role is set with a FARGATE_SPOT capacity provider', files: { 'web.yaml': fargateSpot }, expect: [{ message: ['it runs on Fargate'] }] },
    {
      name: 'Role is set with ServiceRegistries',
      files: { 'web.yaml': serviceRegistries },
      expect: [{ line: lineOf(serviceRegistries, 'Role: !Ref'), message: ['it uses service registries'] }],
    },
    { name: 'Role is set with two load balancers', files: { 'web.yaml': twoLbs }, expect: [{ line: lineOf(twoLbs, 'Role: !Ref'), message: ['it has several load balancers'] }] },
    {
      name: 'Role is set without LoadBalancers',
      files: { 'web.yaml': noLbs },
      expect: [{ line: lineOf(noLbs, 'Role: !GetAtt'), severity: 'error', message: ['it has no load balancer', 'IAM roles are only valid for services configured to use load balancers.'] }],
    },
    { name: 'Role is set with LoadBalancers: []', files: { 'web.yaml': emptyLbs }, expect: [{ line: lineOf(emptyLbs, 'Role: ecsServiceRole'), message: ['it has no load balancer'] }] },
    {
      name: 'Role is set with DeploymentController EXTERNAL',
      files: { 'web.yaml': external },
      expect: [{ line: lineOf(external, 'Role: !Ref'), message: ['it uses an external deployment controller', 'it has no load balancer'] }],
    },
    {
      name: 'a JSON template service sets Role for an awsvpc task definition',
      files: { 'web.json': jsonAwsvpc },
      expect: [{ path: 'web.json', line: lineOf(jsonAwsvpc, '"Role"'), severity: 'error', message: ['awsvpc'] }],
    },
  ],
});

testFixClears(rule, [
  { name: 'Role is set with an awsvpc task definition', files: { 'web.yaml': awsvpc } },
  { name: 'Role is set without load balancers', files: { 'web.yaml': noLbs } },
  { name: 'a JSON template service sets Role', files: { 'web.json': jsonAwsvpc } },
]);
