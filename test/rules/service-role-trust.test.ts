import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixToTexts } from '../../src/core/fix/verify-fix.js';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import { indent, json, lineOf } from './cfn-snippets.js';
import { testFixClears } from './fix-clears.js';
import { seedCases } from './seed-variants.js';

const rule = 'service-role-trust';

function serviceRole(logicalId: string, principal: string, extra = ''): string {
  return `  ${logicalId}:
    Type: AWS::IAM::Role
    Properties:
${extra}      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: ${principal}
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceRole
`;
}

/** A bridge-mode EC2 service behind one load balancer: the one setup where ECS still accepts Role. */
function template(roleResources: string, service: string, taskRole = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  VpcId:
    Type: AWS::EC2::VPC::Id
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
${roleResources}  WebTargetGroup:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Port: 80
      Protocol: HTTP
      VpcId: !Ref VpcId
  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      NetworkMode: bridge
${taskRole}      ContainerDefinitions:
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
      LaunchType: EC2
      DesiredCount: 2
${indent(service, 6)}
`;
}

const albService = (role: string) => `Role: ${role}
LoadBalancers:
  - ContainerName: web
    ContainerPort: 80
    TargetGroupArn: !Ref WebTargetGroup`;

const classicService = (role: string) => `Role: ${role}
LoadBalancers:
  - ContainerName: web
    ContainerPort: 80
    LoadBalancerName: web-elb`;

const trusted = template(serviceRole('EcsServiceRole', 'ecs.amazonaws.com'), albService('!Ref EcsServiceRole'));
const trustsEcsTasks = template(serviceRole('EcsServiceRole', 'ecs-tasks.amazonaws.com'), albService('!Ref EcsServiceRole'));
const trustsEc2Classic = template(serviceRole('EcsServiceRole', 'ec2.amazonaws.com'), classicService('!GetAtt EcsServiceRole.Arn'));
/** The same role is the task role too: its ecs-tasks principal must survive the fix. */
const alsoTaskRole = template(serviceRole('WebRole', 'ecs-tasks.amazonaws.com'), albService('!Ref WebRole'), '      TaskRoleArn: !Ref WebRole\n');
const awsvpcUntrusted = template(serviceRole('EcsServiceRole', 'ecs-tasks.amazonaws.com'), albService('!Ref EcsServiceRole')).replace('NetworkMode: bridge', 'NetworkMode: awsvpc');

const namedRoleFile = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
${serviceRole('LegacyServiceRole', 'ecs-tasks.amazonaws.com', '      RoleName: legacy-ecs-service\n')}`;
const serviceByName = template('', albService('legacy-ecs-service'));

const jsonTemplate = (service: string) =>
  json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      EcsServiceRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: [service] }, Action: ['sts:AssumeRole'] }] },
        },
      },
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: { Family: 'web', NetworkMode: 'bridge', ContainerDefinitions: [{ Name: 'web', Image: 'nginx:1.27', Memory: 256 }] },
      },
      Service: {
        Type: 'AWS::ECS::Service',
        Properties: {
          TaskDefinition: { Ref: 'TaskDefinition' },
          LaunchType: 'EC2',
          Role: { Ref: 'EcsServiceRole' },
          LoadBalancers: [{ ContainerName: 'web', ContainerPort: 80, TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef' }],
        },
      },
    },
  });

testRule(rule, {
  valid: [
    ...seedCases,
    { name: 'the service role trusts ecs.amazonaws.com', files: { 'web.yaml': trusted } },
    { name: 'a JSON template service role trusts ecs.amazonaws.com', files: { 'web.json': jsonTemplate('ecs.amazonaws.com') } },
    {
      name: 'the Role is forbidden there anyway (awsvpc): service-role-with-awsvpc says to remove it',
      files: { 'web.yaml': awsvpcUntrusted },
    },
    { name: 'the service has no Role (the service-linked role acts)', files: { 'web.yaml': template('', 'LoadBalancers:\n  - ContainerName: web\n    ContainerPort: 80\n    TargetGroupArn: !Ref WebTargetGroup') } },
    {
      name: 'the Role is imported from another stack (role-not-verifiable notes it)',
      files: { 'web.yaml': template('', albService('!ImportValue shared-EcsServiceRole')) },
    },
    { name: 'the service names a role by a name no file defines', files: { 'web.yaml': serviceByName } },
  ],
  invalid: [
    {
      name: 'the service role (!Ref) trusts ecs-tasks.amazonaws.com instead of ecs.amazonaws.com',
      files: { 'web.yaml': trustsEcsTasks },
      expect: [
        {
          line: lineOf(trustsEcsTasks, 'AssumeRolePolicyDocument:') + 1,
          severity: 'error',
          message: ['Role EcsServiceRole is the service role (Role) of ECS service Service', 'ecs.amazonaws.com', 'it trusts ecs-tasks.amazonaws.com', 'Unable to assume role and validate the specified targetGroupArn'],
        },
      ],
    },
    {
      name: 'a classic load balancer service role (!GetAtt Arn) trusts ec2.amazonaws.com',
      files: { 'web.yaml': trustsEc2Classic },
      expect: [{ severity: 'error', message: ['it trusts ec2.amazonaws.com', 'validate the listeners configured on your load balancer'] }],
    },
    {
      name: 'a JSON template service role trusts ecs-tasks.amazonaws.com',
      files: { 'web.json': jsonTemplate('ecs-tasks.amazonaws.com') },
      expect: [{ path: 'web.json', line: lineOf(jsonTemplate('ecs-tasks.amazonaws.com'), '"AssumeRolePolicyDocument"'), message: ['Role EcsServiceRole'] }],
    },
    {
      name: 'the service names (by RoleName) a role in another file that trusts ecs-tasks',
      files: { 'iam/roles.yaml': namedRoleFile, 'web.yaml': serviceByName },
      expect: [{ path: 'iam/roles.yaml', severity: 'error', message: ['Role legacy-ecs-service'] }],
    },
  ],
});

test('service-role-trust: a finding about a role in another file lists the service template as a related path', () => {
  const [finding] = findingsOf(lintFiles({ 'iam/roles.yaml': namedRoleFile, 'web.yaml': serviceByName }), rule);
  assert.deepEqual(finding.relatedPaths, ['web.yaml']);
});

test('service-role-trust: the fix keeps ecs-tasks.amazonaws.com when the same role is also the task role', () => {
  const [finding] = findingsOf(lintFiles({ 'web.yaml': alsoTaskRole }), rule);
  const fixed = applyFixToTexts(finding.fixes[0], new Map([['web.yaml', alsoTaskRole]])).get('web.yaml')!;
  assert.ok(fixed.includes('Service:\n                - ecs-tasks.amazonaws.com\n                - ecs.amazonaws.com\n'), fixed);
  assert.equal(findingsOf(lintFiles({ 'web.yaml': fixed }), 'ecs-tasks-trust').length, 0);
});

test('service-role-trust: the fix replaces a principal nothing else needs', () => {
  const [finding] = findingsOf(lintFiles({ 'web.yaml': trustsEcsTasks }), rule);
  const fixed = applyFixToTexts(finding.fixes[0], new Map([['web.yaml', trustsEcsTasks]])).get('web.yaml')!;
  assert.ok(fixed.includes('              Service: ecs.amazonaws.com\n'), fixed);
});

testFixClears(rule, [
  { name: 'the service role trusts ecs-tasks.amazonaws.com', files: { 'web.yaml': trustsEcsTasks } },
  { name: 'the service role is also the task role', files: { 'web.yaml': alsoTaskRole } },
  { name: 'a JSON template service role trusts ecs-tasks.amazonaws.com', files: { 'web.json': jsonTemplate('ecs-tasks.amazonaws.com') } },
  { name: 'the role is in another file', files: { 'iam/roles.yaml': namedRoleFile, 'web.yaml': serviceByName } },
]);
