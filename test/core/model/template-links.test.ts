import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles } from '../../rule-tester.js';

const taskDefinition = (roleProperty: string) => `
  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '256'
      Memory: '512'
${roleProperty}
      ContainerDefinitions:
        - Name: app
          Image: public.ecr.aws/nginx/nginx:1.27
          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: /ecs/app
              awslogs-region: !Ref AWS::Region
              awslogs-create-group: 'true'
`;

const executionRole = `
  ExecutionRole:
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

test('a role passed by a parent stack to a local nested stack is checked in the child', () => {
  const result = lintFiles({
    'stacks/parent.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Resources:
${executionRole}
  Service:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./service.yaml
      Parameters:
        ExecutionRoleArn: !GetAtt ExecutionRole.Arn
`,
    'stacks/service.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ExecutionRoleArn:
    Type: String
Resources:
${taskDefinition('      ExecutionRoleArn: !Ref ExecutionRoleArn')}`,
  });
  const found = findingsOf(result, 'awslogs-create-group-permission');
  assert.equal(found.length, 1);
  assert.equal(found[0].path, 'stacks/service.yaml');
  assert.match(found[0].message, /ExecutionRole/);
  assert.deepEqual(found[0].relatedPaths, ['stacks/parent.yaml']);
  assert.equal(found[0].fixes[0]?.edits[0].path, 'stacks/parent.yaml', 'the fix edits the role in the parent');
  assert.equal(findingsOf(result, 'role-not-verifiable').length, 0);
});

test('an import resolves to the export of another template, even when the export name carries the stack name', () => {
  const result = lintFiles({
    'iam.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Resources:
${executionRole}
Outputs:
  ExecutionRoleArn:
    Value: !GetAtt ExecutionRole.Arn
    Export:
      Name: !Sub \${AWS::StackName}-ExecutionRoleArn
`,
    'service.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  IamStack:
    Type: String
Resources:
${taskDefinition("      ExecutionRoleArn: !ImportValue\n        Fn::Sub: ${IamStack}-ExecutionRoleArn")}`,
  });
  const found = findingsOf(result, 'awslogs-create-group-permission');
  assert.equal(found.length, 1, JSON.stringify(result.findings.map((f) => f.message)));
  assert.equal(found[0].path, 'service.yaml');
  assert.equal(findingsOf(result, 'role-not-verifiable').length, 0);
});

test('an import that two exports could satisfy stays external instead of guessing', () => {
  const exporter = (name: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
${executionRole}
Outputs:
  ExecutionRoleArn:
    Value: !GetAtt ExecutionRole.Arn
    Export:
      Name: !Sub \${AWS::StackName}-ExecutionRoleArn
`;
  const result = lintFiles({
    'a.yaml': exporter('a'),
    'b.yaml': exporter('b'),
    'service.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Resources:
${taskDefinition("      ExecutionRoleArn: !ImportValue prod-ExecutionRoleArn")}`,
  });
  assert.equal(findingsOf(result, 'awslogs-create-group-permission').length, 0);
  assert.equal(findingsOf(result, 'role-not-verifiable').length, 1);
});

test('the instance role of a cluster stack is checked for a task definition in a service stack (nested stacks by S3 URL)', () => {
  const result = lintFiles({
    'master.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  ECS:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://s3.amazonaws.com/my-bucket/infrastructure/ecs-cluster.yaml
  ProductService:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://s3.amazonaws.com/my-bucket/services/product-service/service.yaml
      Parameters:
        Cluster: !GetAtt ECS.Outputs.Cluster
`,
    'infrastructure/ecs-cluster.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  ECSCluster:
    Type: AWS::ECS::Cluster
  ECSRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: ec2.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: ecs-service
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: ['ecs:*', 'ecr:*']
                Resource: '*'
  ECSInstanceProfile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles: [!Ref ECSRole]
  ECSLaunchConfiguration:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-12345678
      IamInstanceProfile: !Ref ECSInstanceProfile
      UserData:
        Fn::Base64: !Sub |
          #!/bin/bash
          echo ECS_CLUSTER=\${ECSCluster} >> /etc/ecs/ecs.config
Outputs:
  Cluster:
    Value: !Ref ECSCluster
`,
    'services/product-service/service.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Cluster:
    Type: String
Resources:
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      TaskDefinition: !Ref TaskDefinition
  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: product-service
          Image: 275396840892.dkr.ecr.us-east-1.amazonaws.com/ecs-refarch-cloudformation/products:1.0.0
          Memory: 128
          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: !Ref AWS::StackName
              awslogs-region: !Ref AWS::Region
`,
  });
  const found = findingsOf(result, 'awslogs-permissions');
  assert.equal(found.length, 1, JSON.stringify(result.findings.map((f) => `${f.ruleId}: ${f.message}`), null, 1));
  assert.equal(found[0].path, 'services/product-service/service.yaml');
  assert.match(found[0].message, /Instance role ECSRole/);
  assert.deepEqual(found[0].relatedPaths, ['infrastructure/ecs-cluster.yaml']);
});

test('templates that nest each other in a cycle are linted without hanging', () => {
  const stack = (other: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Value:
    Type: String
Resources:
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./${other}
      Parameters:
        Value: !GetAtt Child.Outputs.Value
Outputs:
  Value:
    Value: !Ref Value
`;
  const result = lintFiles({ 'a.yaml': stack('b.yaml'), 'b.yaml': stack('a.yaml') });
  assert.equal(result.findings.filter((f) => f.severity === 'error').length, 0);
});

test('an import written as a literal name finds the export whose name starts with the stack name', () => {
  const result = lintFiles({
    'iam.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Resources:
${executionRole}
Outputs:
  ExecutionRoleArn:
    Value: !GetAtt ExecutionRole.Arn
    Export:
      Name: !Sub \${AWS::StackName}-ExecutionRoleArn
`,
    'service.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Resources:
${taskDefinition('      ExecutionRoleArn: !ImportValue iam-stack-ExecutionRoleArn')}`,
  });
  assert.equal(findingsOf(result, 'awslogs-create-group-permission').length, 1);
  assert.equal(findingsOf(result, 'role-not-verifiable').length, 0);
});
