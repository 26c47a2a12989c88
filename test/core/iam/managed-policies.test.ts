import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  awsManagedPolicies,
  appMeshEnvoyPolicyName,
  codeDeployRolePolicyName,
  containerInstancePolicyName,
  eventsRolePolicyName,
  findAwsManagedPolicy,
  infrastructureLoadBalancersPolicyName,
  infrastructureManagedInstancesPolicyName,
  infrastructureServiceConnectTlsPolicyName,
  infrastructureVolumesPolicyName,
  infrastructureVpcLatticePolicyName,
  managedInstancesInstanceRolePolicyName,
  managedPolicyArn,
  parseAwsManagedPolicyArn,
  ssmManagedInstanceCorePolicyName,
  suggestAwsManagedPolicyArn,
  taskExecutionPolicyName,
  xrayDaemonPolicyName,
  type ManagedPolicySnapshot,
} from '../../../src/core/iam/managed-policies.js';
import type { PolicyStatement } from '../../../src/core/iam/policy.js';

function policy(name: string): ManagedPolicySnapshot {
  const found = awsManagedPolicies.find((candidate) => candidate.name === name);
  assert.ok(found, `${name} is in the snapshot`);
  return found;
}

function statementWith(name: string, action: string): PolicyStatement {
  const found = policy(name).document.statements.find((statement) => statement.action?.includes(action));
  assert.ok(found, `${name} has a statement with ${action}`);
  return found;
}

test('lists each policy once, with a known path, a version and a date', () => {
  const names = awsManagedPolicies.map((snapshot) => snapshot.name);
  assert.equal(new Set(names).size, names.length);
  for (const snapshot of awsManagedPolicies) {
    assert.ok(['', 'service-role/', 'aws-service-role/'].includes(snapshot.path), snapshot.name);
    assert.match(snapshot.version, /^(v\d+)?$/, snapshot.name);
    assert.match(snapshot.date, /^(\d{4}-\d{2}-\d{2})?$/, snapshot.name);
    assert.equal(snapshot.document.name, snapshot.name);
    assert.equal(snapshot.document.origin, undefined);
    if (!snapshot.unknownContent) assert.ok(snapshot.version !== '' && snapshot.date !== '', snapshot.name);
  }
});

test('writes every ARN in resources and conditions with the partition token', () => {
  for (const snapshot of awsManagedPolicies) {
    for (const statement of snapshot.document.statements) {
      assert.ok(statement.action || statement.notAction, snapshot.name);
      const values = [...(statement.resource ?? []), ...statement.conditions.flatMap((condition) => condition.values)];
      for (const value of values) assert.ok(!value.startsWith('arn:aws:'), `${snapshot.name}: ${value}`);
    }
  }
});

test('records AmazonEC2ContainerServiceforEC2Role v10 with its three statements', () => {
  const snapshot = policy('AmazonEC2ContainerServiceforEC2Role');
  assert.equal(snapshot.path, 'service-role/');
  assert.equal(snapshot.version, 'v10');
  assert.equal(snapshot.date, '2026-02-12');
  assert.equal(snapshot.partial, undefined);
  const [agent, tagging, listTags] = snapshot.document.statements;
  assert.equal(snapshot.document.statements.length, 3);
  assert.deepEqual(agent!.action, [
    'ec2:DescribeTags',
    'ecs:CreateCluster',
    'ecs:DeregisterContainerInstance',
    'ecs:DiscoverPollEndpoint',
    'ecs:Poll',
    'ecs:RegisterContainerInstance',
    'ecs:StartTelemetrySession',
    'ecs:UpdateContainerInstancesState',
    'ecs:Submit*',
    'ecr:GetAuthorizationToken',
    'ecr:BatchCheckLayerAvailability',
    'ecr:GetDownloadUrlForLayer',
    'ecr:BatchGetImage',
    'logs:CreateLogStream',
    'logs:PutLogEvents',
  ]);
  assert.deepEqual(agent!.resource, ['*']);
  assert.deepEqual(tagging!.action, ['ecs:TagResource']);
  assert.deepEqual(tagging!.conditions, [
    { operator: 'StringEquals', key: 'ecs:CreateAction', values: ['CreateCluster', 'RegisterContainerInstance'] },
  ]);
  assert.deepEqual(listTags!.action, ['ecs:ListTagsForResource']);
  assert.deepEqual(listTags!.resource, [
    'arn:${AWS::Partition}:ecs:*:*:task/*/*',
    'arn:${AWS::Partition}:ecs:*:*:container-instance/*/*',
  ]);
});

test('records AmazonECSTaskExecutionRolePolicy v1 without logs:CreateLogGroup or secrets access', () => {
  const snapshot = policy('AmazonECSTaskExecutionRolePolicy');
  assert.equal(snapshot.version, 'v1');
  assert.equal(snapshot.date, '2017-11-16');
  assert.deepEqual(snapshot.document.statements, [
    {
      effect: 'Allow',
      action: [
        'ecr:GetAuthorizationToken',
        'ecr:BatchCheckLayerAvailability',
        'ecr:GetDownloadUrlForLayer',
        'ecr:BatchGetImage',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
      ],
      resource: ['*'],
      conditions: [],
    },
  ]);
});

test('scopes the events role PassRole to ecs-tasks and its tagging to RunTask', () => {
  assert.deepEqual(statementWith('AmazonEC2ContainerServiceEventsRole', 'iam:PassRole').conditions, [
    { operator: 'StringLike', key: 'iam:PassedToService', values: ['ecs-tasks.amazonaws.com'] },
  ]);
  assert.deepEqual(statementWith('AmazonEC2ContainerServiceEventsRole', 'ecs:TagResource').conditions, [
    { operator: 'StringEquals', key: 'ecs:CreateAction', values: ['RunTask'] },
  ]);
  assert.deepEqual(statementWith('AmazonEC2ContainerServiceEventsRole', 'ecs:RunTask').resource, ['*']);
});

test('limits AWSCodeDeployRoleForECSLimited PassRole to the ecsTaskExecution role names', () => {
  const passRole = statementWith('AWSCodeDeployRoleForECSLimited', 'iam:PassRole');
  assert.deepEqual(passRole.resource, [
    'arn:${AWS::Partition}:iam::*:role/ecsTaskExecutionRole',
    'arn:${AWS::Partition}:iam::*:role/ECSTaskExecution*',
  ]);
  assert.deepEqual(statementWith('AWSCodeDeployRoleForECS', 'iam:PassRole').resource, ['*']);
  assert.deepEqual(statementWith('AWSCodeDeployRoleForECSLimited', 'lambda:InvokeFunction').resource, [
    'arn:${AWS::Partition}:lambda:*:*:function:CodeDeployHook_*',
  ]);
});

test('lets the Managed Instances infrastructure policy pass only ecsInstanceRole* roles to EC2', () => {
  const passRole = statementWith('AmazonECSInfrastructureRolePolicyForManagedInstances', 'iam:PassRole');
  assert.deepEqual(passRole.resource, ['arn:${AWS::Partition}:iam::*:role/ecsInstanceRole*']);
  assert.deepEqual(passRole.conditions[0]?.values, ['ec2.*']);
});

test('records the AmazonECS_FullAccess PassRole templates of R39 and R40', () => {
  const passRoles = policy('AmazonECS_FullAccess').document.statements.filter((statement) =>
    statement.action?.includes('iam:PassRole'),
  );
  const tasks = passRoles.find((statement) => statement.sid === 'TasksPassRolePolicy');
  assert.deepEqual(tasks?.resource, ['*']);
  assert.deepEqual(tasks?.conditions[0]?.values, ['ecs-tasks.amazonaws.com']);
  const infrastructure = passRoles.find((statement) => statement.sid === 'InfrastructurePassRolePolicy');
  assert.deepEqual(infrastructure?.resource, ['arn:${AWS::Partition}:iam::*:role/ecsInfrastructureRole']);
  assert.deepEqual(infrastructure?.conditions, [
    { operator: 'StringEquals', key: 'iam:PassedToService', values: ['ecs.amazonaws.com'] },
  ]);
  assert.ok(passRoles.some((statement) => statement.conditions[0]?.values.includes('ec2.amazonaws.com.cn')));
  assert.ok(statementWith('AmazonECS_FullAccess', 'ecs:*'));
});

test('records the real AmazonSSMManagedInstanceCore actions on *', () => {
  const statements = policy('AmazonSSMManagedInstanceCore').document.statements;
  const actions = statements.flatMap((statement) => statement.action ?? []);
  for (const action of [
    'ssm:DescribeAssociation',
    'ssm:GetDeployablePatchSnapshotForInstance',
    'ssm:GetDocument',
    'ssm:DescribeDocument',
    'ssm:GetManifest',
    'ssm:GetParameter',
    'ssm:GetParameters',
    'ssm:ListAssociations',
    'ssm:ListInstanceAssociations',
    'ssm:PutInventory',
    'ssm:PutComplianceItems',
    'ssm:PutConfigurePackageResult',
    'ssm:UpdateAssociationStatus',
    'ssm:UpdateInstanceAssociationStatus',
    'ssm:UpdateInstanceInformation',
    'ssmmessages:CreateControlChannel',
    'ssmmessages:CreateDataChannel',
    'ssmmessages:OpenControlChannel',
    'ssmmessages:OpenDataChannel',
    'ec2messages:AcknowledgeMessage',
    'ec2messages:DeleteMessage',
    'ec2messages:FailMessage',
    'ec2messages:GetEndpoint',
    'ec2messages:GetMessages',
    'ec2messages:SendReply',
  ]) {
    assert.ok(actions.includes(action), action);
  }
  assert.equal(actions.length, 25);
  assert.ok(statements.every((statement) => statement.resource?.length === 1 && statement.resource[0] === '*'));
});

test('marks summarised policies partial and ReadOnlyAccess as not enumerable', () => {
  for (const name of [
    'AmazonECSServiceRolePolicy',
    'AmazonECSInfrastructureRolePolicyForManagedInstances',
    'AmazonECSInfrastructureRolePolicyForVolumes',
    'AmazonECS_FullAccess',
    'ReadOnlyAccess',
    'AmazonS3ReadOnlyAccess',
    'SecretsManagerReadWrite',
  ]) {
    assert.equal(policy(name).partial, true, name);
  }
  for (const name of ['AmazonEC2ContainerServiceforEC2Role', 'AmazonECSTaskExecutionRolePolicy', 'AmazonEC2ContainerServiceEventsRole']) {
    assert.equal(policy(name).partial, undefined, name);
  }
  assert.equal(policy('ReadOnlyAccess').unknownContent, true);
  assert.equal(policy('AmazonEC2RoleforSSM').deprecated, true);
});

test('records PowerUserAccess as NotAction on iam, organizations and account', () => {
  const [everythingElse] = policy('PowerUserAccess').document.statements;
  assert.deepEqual(everythingElse!.notAction, ['iam:*', 'organizations:*', 'account:*']);
  assert.equal(everythingElse!.action, undefined);
  assert.deepEqual(policy('AdministratorAccess').document.statements[0]!.action, ['*']);
});

test('records the commonly attached policies with their well-known content', () => {
  assert.ok(statementWith('AmazonS3ReadOnlyAccess', 's3:Get*').action!.includes('s3-object-lambda:List*'));
  assert.ok(statementWith('AmazonS3FullAccess', 's3:*').action!.includes('s3-object-lambda:*'));
  assert.deepEqual(statementWith('AmazonSSMReadOnlyAccess', 'ssm:Get*').action, ['ssm:Describe*', 'ssm:Get*', 'ssm:List*']);
  assert.ok(statementWith('CloudWatchLogsFullAccess', 'logs:*').action!.includes('cloudwatch:GenerateQuery'));
  assert.deepEqual(statementWith('CloudWatchAgentServerPolicy', 'ssm:GetParameter').resource, [
    'arn:${AWS::Partition}:ssm:*:*:parameter/AmazonCloudWatch-*',
  ]);
  assert.ok(statementWith('AmazonEC2RoleforSSM', 's3:GetObject').action!.includes('s3:ListBucket'));
  assert.ok(statementWith('AmazonEC2RoleforSSM', 'logs:CreateLogGroup').action!.includes('logs:DescribeLogStreams'));
  assert.ok(statementWith('AmazonDynamoDBFullAccess', 'dynamodb:*'));
  assert.deepEqual(statementWith('SecretsManagerReadWrite', 'secretsmanager:*').resource, ['*']);
  assert.equal(statementWith('AmazonEC2ContainerRegistryReadOnly', 'ecr:BatchGetImage').action!.length, 12);
  assert.ok(statementWith('AmazonEC2ContainerRegistryPowerUser', 'ecr:PutImage').action!.includes('ecr:BatchGetImage'));
  assert.ok(statementWith('AmazonEC2ContainerRegistryFullAccess', 'ecr:*'));
});

test('parses AWS managed policy ARNs in every partition and the Sub token form', () => {
  const cases: [string, { name: string; path: string; partition: string }][] = [
    ['arn:aws:iam::aws:policy/AdministratorAccess', { name: 'AdministratorAccess', path: '', partition: 'aws' }],
    [
      'arn:aws-cn:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
      { name: 'AmazonECSTaskExecutionRolePolicy', path: 'service-role/', partition: 'aws-cn' },
    ],
    [
      'arn:aws-us-gov:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy',
      { name: 'AmazonECSServiceRolePolicy', path: 'aws-service-role/', partition: 'aws-us-gov' },
    ],
    ['arn:aws-iso-b:iam::aws:policy/job-function/ViewOnlyAccess', { name: 'ViewOnlyAccess', path: 'job-function/', partition: 'aws-iso-b' }],
    ['arn:aws-eusc:iam::aws:policy/AmazonECS_FullAccess', { name: 'AmazonECS_FullAccess', path: '', partition: 'aws-eusc' }],
    [
      'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role',
      { name: 'AmazonEC2ContainerServiceforEC2Role', path: 'service-role/', partition: '${AWS::Partition}' },
    ],
  ];
  for (const [arn, expected] of cases) assert.deepEqual(parseAwsManagedPolicyArn(arn), expected, arn);
});

test('does not take customer managed policies or other ARNs for AWS managed ones', () => {
  assert.equal(parseAwsManagedPolicyArn('arn:aws:iam::123456789012:policy/AmazonECSTaskExecutionRolePolicy'), undefined);
  assert.equal(parseAwsManagedPolicyArn('arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/my-policy'), undefined);
  assert.equal(parseAwsManagedPolicyArn('arn:aws:iam::aws:role/AdministratorAccess'), undefined);
  assert.equal(parseAwsManagedPolicyArn('AmazonECSTaskExecutionRolePolicy'), undefined);
  assert.equal(findAwsManagedPolicy('arn:aws:iam::123456789012:policy/service-role/AmazonECSTaskExecutionRolePolicy'), undefined);
});

test('finds a managed policy by its ARN in every partition', () => {
  for (const partition of ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-eusc', '${AWS::Partition}']) {
    const arn = `arn:${partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy`;
    assert.equal(findAwsManagedPolicy(arn)?.name, 'AmazonECSTaskExecutionRolePolicy', arn);
  }
  assert.equal(findAwsManagedPolicy('arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore')?.path, '');
  assert.equal(findAwsManagedPolicy('arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy')?.version, 'v23');
  assert.equal(findAwsManagedPolicy('arn:aws:iam::aws:policy/NoSuchPolicy'), undefined);
});

test('rejects a managed policy ARN with the wrong path, as IAM does, and suggests the right one', () => {
  const missingPath = 'arn:aws:iam::aws:policy/AmazonECSTaskExecutionRolePolicy';
  assert.equal(findAwsManagedPolicy(missingPath), undefined);
  assert.equal(suggestAwsManagedPolicyArn(missingPath), 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy');

  const extraPath = 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonSSMManagedInstanceCore';
  assert.equal(findAwsManagedPolicy(extraPath), undefined);
  assert.equal(suggestAwsManagedPolicyArn(extraPath), 'arn:${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore');

  assert.equal(
    suggestAwsManagedPolicyArn('arn:aws-cn:iam::aws:policy/service-role/AmazonECSServiceRolePolicy'),
    'arn:aws-cn:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy',
  );
  assert.equal(
    suggestAwsManagedPolicyArn('arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceForEC2Role'),
    'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role',
  );
});

test('suggests nothing for a correct or unknown managed policy ARN', () => {
  assert.equal(suggestAwsManagedPolicyArn('arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'), undefined);
  assert.equal(suggestAwsManagedPolicyArn('arn:aws:iam::aws:policy/NoSuchPolicy'), undefined);
  assert.equal(suggestAwsManagedPolicyArn('arn:aws:iam::123456789012:policy/AmazonECSTaskExecutionRolePolicy'), undefined);
});

test('builds partition-neutral ARNs for fixes, with the path from the snapshot', () => {
  assert.equal(
    managedPolicyArn(taskExecutionPolicyName),
    'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
  );
  assert.equal(managedPolicyArn(xrayDaemonPolicyName, 'aws-cn'), 'arn:aws-cn:iam::aws:policy/AWSXRayDaemonWriteAccess');
  assert.throws(() => managedPolicyArn('NoSuchPolicy'));
  for (const name of [
    taskExecutionPolicyName,
    containerInstancePolicyName,
    ssmManagedInstanceCorePolicyName,
    eventsRolePolicyName,
    codeDeployRolePolicyName,
    xrayDaemonPolicyName,
    appMeshEnvoyPolicyName,
    infrastructureVolumesPolicyName,
    infrastructureLoadBalancersPolicyName,
    infrastructureServiceConnectTlsPolicyName,
    infrastructureVpcLatticePolicyName,
    infrastructureManagedInstancesPolicyName,
    managedInstancesInstanceRolePolicyName,
  ]) {
    assert.equal(findAwsManagedPolicy(managedPolicyArn(name))?.name, name);
  }
});
