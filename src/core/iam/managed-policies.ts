/**
 * A built-in snapshot of the AWS managed policies that ECS roles attach, so that a role whose only
 * grant is `ManagedPolicyArns` can be evaluated without calling IAM.
 *
 * Sources. The ECS policies follow requirements.md §2, which took them from zoph-io/MAMIP
 * (`policies/<PolicyName>`, commit 0387244e, 2026-03-07) and the AWS Managed Policy Reference; the
 * version and date of each entry are the spec's. Where §2 only summarises a policy, the statements
 * listed are the ones it names, their resources and conditions checked against earlier MAMIP copies of
 * the same policy, and the entry is `partial`. The commonly attached non-ECS policies (AdministratorAccess,
 * AmazonS3ReadOnlyAccess, ...) come from MAMIP copies whose version and date are recorded per entry;
 * they can be older than the 2026-03-07 snapshot, so most are `partial` too.
 *
 * Resources and condition values that AWS writes as `arn:aws:` use `arn:${AWS::Partition}:` here:
 * AWS publishes each managed policy in every partition with that partition's ARNs.
 */
import type { PolicyCondition, PolicyDocument, PolicyStatement } from './policy.js';

export interface ManagedPolicySnapshot {
  name: string;
  /** IAM path between `policy/` and the name, e.g. `service-role/`, `aws-service-role/`, or `` at the root. */
  path: string;
  /** Default version, e.g. `v10`; empty when no source gives it. */
  version: string;
  /** Creation date of that version, `YYYY-MM-DD`; empty when no source gives it. */
  date: string;
  /**
   * The statements listed are in the real policy, but the real policy has more, so an action that the
   * snapshot does not grant may still be granted: report it as "cannot verify", not as missing.
   */
  partial?: boolean;
  /**
   * The policy grants far more than the snapshot lists (ReadOnlyAccess enumerates hundreds of services),
   * so nothing can be concluded from an action's absence.
   */
  unknownContent?: boolean;
  /** AWS has deprecated the policy in favour of another. */
  deprecated?: boolean;
  document: PolicyDocument;
}

const partitionArn = 'arn:${AWS::Partition}:';

/** `arn(...)` keeps the data below readable while every ARN stays partition-neutral. */
function arn(rest: string): string {
  return partitionArn + rest;
}

function condition(operator: string, key: string, ...values: string[]): PolicyCondition {
  return { operator, key, values };
}

function allow(
  action: string[],
  resource: string[] = ['*'],
  conditions: PolicyCondition[] = [],
  sid?: string,
): PolicyStatement {
  const statement: PolicyStatement = { effect: 'Allow', action, resource, conditions };
  if (sid !== undefined) statement.sid = sid;
  return statement;
}

function snapshot(
  meta: Omit<ManagedPolicySnapshot, 'document'>,
  statements: PolicyStatement[],
): ManagedPolicySnapshot {
  return { ...meta, document: { name: meta.name, statements } };
}

const ecrPullActions = [
  'ecr:GetAuthorizationToken',
  'ecr:BatchCheckLayerAvailability',
  'ecr:GetDownloadUrlForLayer',
  'ecr:BatchGetImage',
];

const ecrReadActions = [
  'ecr:GetAuthorizationToken',
  'ecr:BatchCheckLayerAvailability',
  'ecr:GetDownloadUrlForLayer',
  'ecr:GetRepositoryPolicy',
  'ecr:DescribeRepositories',
  'ecr:ListImages',
  'ecr:DescribeImages',
  'ecr:BatchGetImage',
  'ecr:GetLifecyclePolicy',
  'ecr:GetLifecyclePolicyPreview',
  'ecr:ListTagsForResource',
  'ecr:DescribeImageScanFindings',
];

const ssmAgentActions = [
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
];

const ssmMessagesActions = [
  'ssmmessages:CreateControlChannel',
  'ssmmessages:CreateDataChannel',
  'ssmmessages:OpenControlChannel',
  'ssmmessages:OpenDataChannel',
];

const ec2MessagesActions = [
  'ec2messages:AcknowledgeMessage',
  'ec2messages:DeleteMessage',
  'ec2messages:FailMessage',
  'ec2messages:GetEndpoint',
  'ec2messages:GetMessages',
  'ec2messages:SendReply',
];

const xrayDaemonActions = [
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'xray:GetSamplingStatisticSummaries',
];

const ecsManagedTag = condition('StringEquals', 'aws:RequestTag/AmazonECSManaged', 'true');
const ecsManagedResourceTag = condition('StringEquals', 'aws:ResourceTag/AmazonECSManaged', 'true');
const sameAccountResource = condition('StringEquals', 'aws:ResourceAccount', '${aws:PrincipalAccount}');
const serviceConnectCreatedBy = condition(
  'ArnLike',
  'aws:RequestTag/AmazonECSCreated',
  arn('ecs:*:*:service/*/*'),
  arn('ecs:*:*:task-set/*/*'),
);

export const awsManagedPolicies: readonly ManagedPolicySnapshot[] = [
  // §2.1. v8 added the ListTagsForResource statement; v9 and v10 have the same statements.
  snapshot({ name: 'AmazonEC2ContainerServiceforEC2Role', path: 'service-role/', version: 'v10', date: '2026-02-12' }, [
    allow([
      'ec2:DescribeTags',
      'ecs:CreateCluster',
      'ecs:DeregisterContainerInstance',
      'ecs:DiscoverPollEndpoint',
      'ecs:Poll',
      'ecs:RegisterContainerInstance',
      'ecs:StartTelemetrySession',
      'ecs:UpdateContainerInstancesState',
      'ecs:Submit*',
      ...ecrPullActions,
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ]),
    allow(['ecs:TagResource'], ['*'], [
      condition('StringEquals', 'ecs:CreateAction', 'CreateCluster', 'RegisterContainerInstance'),
    ]),
    allow(['ecs:ListTagsForResource'], [arn('ecs:*:*:task/*/*'), arn('ecs:*:*:container-instance/*/*')]),
  ]),

  // §2.2. Deliberately lacks logs:CreateLogGroup, secretsmanager, ssm, kms and s3 (M7).
  snapshot({ name: 'AmazonECSTaskExecutionRolePolicy', path: 'service-role/', version: 'v1', date: '2017-11-16' }, [
    allow([...ecrPullActions, 'logs:CreateLogStream', 'logs:PutLogEvents']),
  ]),

  // §2.3 summarises v23; the statements are those of the MAMIP v13 copy that the summary names, plus
  // ssmmessages:OpenDataChannel (added 2026-01-20), whose resource no source gives. The 2026-04-24
  // autoscaling:TerminateInstanceInAutoScalingGroup addition is newer than v23 and left out.
  snapshot(
    { name: 'AmazonECSServiceRolePolicy', path: 'aws-service-role/', version: 'v23', date: '2026-02-12', partial: true },
    [
      allow(
        [
          'ec2:AttachNetworkInterface',
          'ec2:AssociateTrunkInterface',
          'ec2:CreateNetworkInterface',
          'ec2:CreateNetworkInterfacePermission',
          'ec2:DeleteNetworkInterface',
          'ec2:DeleteNetworkInterfacePermission',
          'ec2:Describe*',
          'ec2:DetachNetworkInterface',
          'ec2:DisassociateTrunkInterface',
          'elasticloadbalancing:DeregisterInstancesFromLoadBalancer',
          'elasticloadbalancing:DeregisterTargets',
          'elasticloadbalancing:Describe*',
          'elasticloadbalancing:RegisterInstancesWithLoadBalancer',
          'elasticloadbalancing:RegisterTargets',
          'route53:ChangeResourceRecordSets',
          'route53:CreateHealthCheck',
          'route53:DeleteHealthCheck',
          'route53:Get*',
          'route53:List*',
          'route53:UpdateHealthCheck',
          'servicediscovery:DeregisterInstance',
          'servicediscovery:Get*',
          'servicediscovery:List*',
          'servicediscovery:RegisterInstance',
          'servicediscovery:UpdateInstanceCustomHealthStatus',
        ],
        ['*'],
        [],
        'ECSTaskManagement',
      ),
      allow(['autoscaling:Describe*'], ['*'], [], 'AutoScaling'),
      allow(
        [
          'autoscaling:DeletePolicy',
          'autoscaling:PutScalingPolicy',
          'autoscaling:SetInstanceProtection',
          'autoscaling:UpdateAutoScalingGroup',
          'autoscaling:PutLifecycleHook',
          'autoscaling:DeleteLifecycleHook',
          'autoscaling:CompleteLifecycleAction',
          'autoscaling:RecordLifecycleActionHeartbeat',
        ],
        ['*'],
        [condition('Null', 'autoscaling:ResourceTag/AmazonECSManaged', 'false')],
        'AutoScalingManagement',
      ),
      allow(['events:DescribeRule', 'events:ListTargetsByRule'], [arn('events:*:*:rule/ecs-managed-*')], [], 'EventBridge'),
      allow(
        ['events:PutRule', 'events:PutTargets'],
        ['*'],
        [condition('StringEquals', 'events:ManagedBy', 'ecs.amazonaws.com')],
        'EventBridgeRuleManagement',
      ),
      allow(
        ['cloudwatch:DeleteAlarms', 'cloudwatch:DescribeAlarms', 'cloudwatch:PutMetricAlarm'],
        [arn('cloudwatch:*:*:alarm:*')],
        [],
        'CWAlarmManagement',
      ),
      allow(['ec2:CreateTags'], [arn('ec2:*:*:network-interface/*')], [], 'ECSTagging'),
      allow(
        ['logs:CreateLogGroup', 'logs:DescribeLogGroups', 'logs:PutRetentionPolicy'],
        [arn('logs:*:*:log-group:/aws/ecs/*')],
        [],
        'CWLogGroupManagement',
      ),
      allow(
        ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
        [arn('logs:*:*:log-group:/aws/ecs/*:log-stream:*')],
        [],
        'CWLogStreamManagement',
      ),
      allow(['ssm:DescribeSessions'], ['*'], [], 'ExecuteCommandSessionManagement'),
      allow(
        ['ssm:StartSession'],
        [arn('ecs:*:*:task/*'), arn('ssm:*:*:document/AmazonECS-ExecuteInteractiveCommand')],
        [],
        'ExecuteCommand',
      ),
      { effect: 'Allow', action: ['ssmmessages:OpenDataChannel'], resource: ['*'], conditions: [], unresolved: true },
    ],
  ),

  snapshot(
    { name: 'AmazonEC2ContainerServiceRole', path: 'service-role/', version: 'v2', date: '2016-08-11', deprecated: true },
    [
      allow([
        'ec2:AuthorizeSecurityGroupIngress',
        'ec2:Describe*',
        'elasticloadbalancing:DeregisterInstancesFromLoadBalancer',
        'elasticloadbalancing:DeregisterTargets',
        'elasticloadbalancing:Describe*',
        'elasticloadbalancing:RegisterInstancesWithLoadBalancer',
        'elasticloadbalancing:RegisterTargets',
      ]),
    ],
  ),

  snapshot({ name: 'AmazonEC2ContainerServiceEventsRole', path: 'service-role/', version: 'v3', date: '2023-03-06' }, [
    allow(['ecs:RunTask']),
    allow(['iam:PassRole'], ['*'], [condition('StringLike', 'iam:PassedToService', 'ecs-tasks.amazonaws.com')]),
    allow(['ecs:TagResource'], ['*'], [condition('StringEquals', 'ecs:CreateAction', 'RunTask')]),
  ]),

  snapshot(
    { name: 'AmazonEC2ContainerServiceAutoscaleRole', path: 'service-role/', version: 'v2', date: '2018-02-05', deprecated: true },
    [
      allow(['ecs:DescribeServices', 'ecs:UpdateService']),
      allow(['cloudwatch:DescribeAlarms', 'cloudwatch:PutMetricAlarm']),
    ],
  ),

  // §2.3 gives v2's exact actions, all on `*` as in v1 (v2 added cloudwatch:GetMetricData).
  snapshot(
    { name: 'AWSApplicationAutoscalingECSServicePolicy', path: 'aws-service-role/', version: 'v2', date: '2024-10-24' },
    [
      allow([
        'ecs:DescribeServices',
        'ecs:UpdateService',
        'cloudwatch:PutMetricAlarm',
        'cloudwatch:DescribeAlarms',
        'cloudwatch:GetMetricData',
        'cloudwatch:DeleteAlarms',
      ]),
    ],
  ),

  // Statements of the MAMIP v4 copy (2026-02-11), which match the §2.3 summary of v5.
  snapshot(
    { name: 'AmazonECSInfrastructureRolePolicyForVolumes', path: 'service-role/', version: 'v5', date: '2026-02-12', partial: true },
    [
      allow(
        ['ec2:CreateVolume'],
        [arn('ec2:*:*:volume/*')],
        [condition('ArnLike', 'aws:RequestTag/AmazonECSCreated', arn('ecs:*:*:task/*')), ecsManagedTag],
        'CreateEBSManagedVolume',
      ),
      allow(['ec2:CreateVolume'], [arn('ec2:*:*:snapshot/*')], [], 'CreateEBSManagedVolumeFromSnapshot'),
      allow(
        ['ec2:CreateTags'],
        [arn('ec2:*:*:volume/*')],
        [
          condition('ArnLike', 'aws:RequestTag/AmazonECSCreated', arn('ecs:*:*:task/*')),
          condition('StringEquals', 'ec2:CreateAction', 'CreateVolume'),
          ecsManagedTag,
        ],
        'TagOnCreateVolume',
      ),
      allow(['ec2:DescribeVolumes', 'ec2:DescribeAvailabilityZones'], ['*'], [], 'DescribeVolumesForLifecycle'),
      allow(['ec2:DescribeInstances'], ['*'], [], 'DescribeInstancesForAttachingVolume'),
      allow(['ec2:AttachVolume', 'ec2:DetachVolume'], [arn('ec2:*:*:volume/*')], [ecsManagedResourceTag], 'ManageEBSVolumeLifecycle'),
      allow(['ec2:AttachVolume', 'ec2:DetachVolume'], [arn('ec2:*:*:instance/*')], [], 'ManageVolumeAttachmentsForEC2'),
      allow(
        ['ec2:DeleteVolume'],
        [arn('ec2:*:*:volume/*')],
        [condition('ArnLike', 'aws:ResourceTag/AmazonECSCreated', arn('ecs:*:*:task/*')), ecsManagedResourceTag],
        'DeleteEBSManagedVolume',
      ),
    ],
  ),

  // Listener and rule statements as in the MAMIP v1 copy; the target-group statement is the §2.3
  // summary of v6, whose resource no source read gives, hence `unresolved`.
  snapshot(
    { name: 'AmazonECSInfrastructureRolePolicyForLoadBalancers', path: '', version: 'v6', date: '2026-02-12', partial: true },
    [
      allow(
        [
          'elasticloadbalancing:DescribeListeners',
          'elasticloadbalancing:DescribeRules',
          'elasticloadbalancing:DescribeTargetGroups',
          'elasticloadbalancing:DescribeTargetHealth',
        ],
        ['*'],
        [],
        'ELBReadOperations',
      ),
      {
        effect: 'Allow',
        action: ['elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DeregisterTargets'],
        resource: ['*'],
        conditions: [],
        unresolved: true,
      },
      allow(['elasticloadbalancing:ModifyListener'], [arn('elasticloadbalancing:*:*:listener/app/*/*/*')], [], 'ALBModifyListeners'),
      allow(['elasticloadbalancing:ModifyListener'], [arn('elasticloadbalancing:*:*:listener/net/*/*/*')], [], 'NLBModifyListeners'),
      allow(['elasticloadbalancing:ModifyRule'], [arn('elasticloadbalancing:*:*:listener-rule/app/*/*/*/*')], [], 'ALBModifyRules'),
    ],
  ),

  // Statements of the MAMIP v3 copy (2026-02-11), which match the §2.3 summary of v4.
  snapshot(
    {
      name: 'AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity',
      path: 'service-role/',
      version: 'v4',
      date: '2026-02-12',
      partial: true,
    },
    [
      allow(
        ['secretsmanager:CreateSecret'],
        [arn('secretsmanager:*:*:secret:ecs-sc!*')],
        [serviceConnectCreatedBy, ecsManagedTag, sameAccountResource],
        'CreateSecret',
      ),
      allow(
        ['secretsmanager:TagResource'],
        [arn('secretsmanager:*:*:secret:ecs-sc!*')],
        [serviceConnectCreatedBy, ecsManagedTag, sameAccountResource],
        'TagOnCreateSecret',
      ),
      allow(
        [
          'secretsmanager:UpdateSecret',
          'secretsmanager:GetSecretValue',
          'secretsmanager:PutSecretValue',
          'secretsmanager:DeleteSecret',
          'secretsmanager:RotateSecret',
          'secretsmanager:UpdateSecretVersionStage',
        ],
        [arn('secretsmanager:*:*:secret:ecs-sc!*')],
        [condition('StringEquals', 'secretsmanager:ResourceTag/aws:secretsmanager:owningService', 'ecs-sc'), sameAccountResource],
        'RotateTLSCertificateSecret',
      ),
      allow(['secretsmanager:DescribeSecret'], [arn('secretsmanager:*:*:secret:ecs-sc!*')], [sameAccountResource], 'DescribeTLSCertificateSecret'),
      allow(
        ['acm-pca:GetCertificate', 'acm-pca:GetCertificateAuthorityCertificate', 'acm-pca:DescribeCertificateAuthority'],
        ['*'],
        [ecsManagedResourceTag],
        'ManagePrivateCertificateAuthority',
      ),
      allow(
        ['acm-pca:IssueCertificate'],
        ['*'],
        [condition('StringEquals', 'acm-pca:TemplateArn', arn('acm-pca:::template/EndEntityCertificate/V1')), ecsManagedResourceTag],
        'ManagePrivateCertificateAuthorityForIssuingEndEntityCertificate',
      ),
    ],
  ),

  snapshot({ name: 'AmazonECSInfrastructureRolePolicyForVpcLattice', path: '', version: 'v1', date: '2024-11-15' }, [
    allow(
      ['vpc-lattice:RegisterTargets', 'vpc-lattice:DeregisterTargets'],
      [arn('vpc-lattice:*:*:targetgroup/*')],
      [],
      'ManagedVpcLatticeTargetRegistration',
    ),
    allow(['vpc-lattice:GetTargetGroup'], [arn('vpc-lattice:*:*:targetgroup/*')], [], 'DescribeVpcLatticeTargetGroup'),
    allow(['vpc-lattice:ListTargets'], [arn('vpc-lattice:*:*:targetgroup/*')], [], 'ListVpcLatticeTargets'),
    allow(['ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'ec2:DescribeInstances'], ['*'], [], 'DescribeEc2Resources'),
  ]),

  // Statements of the MAMIP v9 copy (2026-02-12), except PassRole, whose `ec2.*` pattern is the §2.3
  // reading of v11 (v9 had StringEquals `ec2.amazonaws.com`). R6 depends on its `ecsInstanceRole*` resource.
  snapshot(
    { name: 'AmazonECSInfrastructureRolePolicyForManagedInstances', path: '', version: 'v11', date: '2026-02-26', partial: true },
    [
      allow(['ec2:CreateLaunchTemplate'], [arn('ec2:*:*:launch-template/*')], [ecsManagedTag], 'CreateLaunchTemplateForManagedInstances'),
      allow(
        ['ec2:CreateLaunchTemplateVersion', 'ec2:ModifyLaunchTemplate'],
        [arn('ec2:*:*:launch-template/*')],
        [condition('StringEquals', 'ec2:ManagedResourceOperator', 'ecs.amazonaws.com')],
        'CreateLaunchTemplateVersionsForManagedInstances',
      ),
      allow(
        ['ec2:CreateFleet'],
        [
          arn('ec2:*:*:fleet/*'),
          arn('ec2:*:*:instance/*'),
          arn('ec2:*:*:network-interface/*'),
          arn('ec2:*:*:launch-template/*'),
          arn('ec2:*:*:volume/*'),
        ],
        [ecsManagedTag],
        'ProvisionEC2InstancesForManagedInstances',
      ),
      allow(
        ['ec2:CreateFleet'],
        [arn('ec2:*:*:subnet/*'), arn('ec2:*:*:security-group/*'), arn('ec2:*::image/*')],
        [],
        'CreateFleetForSupportingResources',
      ),
      allow(
        ['ec2:RunInstances'],
        [arn('ec2:*:*:instance/*'), arn('ec2:*:*:volume/*'), arn('ec2:*:*:network-interface/*')],
        [ecsManagedTag],
        'RunInstancesForManagedInstances',
      ),
      allow(
        ['ec2:RunInstances'],
        [arn('ec2:*:*:launch-template/*')],
        [condition('StringEquals', 'ec2:ResourceTag/AmazonECSManaged', 'true')],
        'RunInstancesForECSManagedLaunchTemplates',
      ),
      allow(
        ['ec2:RunInstances'],
        [arn('ec2:*:*:subnet/*'), arn('ec2:*:*:security-group/*'), arn('ec2:*::image/*')],
        [],
        'RunInstancesForSupportingResources',
      ),
      allow(
        ['ec2:CreateTags'],
        [
          arn('ec2:*:*:fleet/*'),
          arn('ec2:*:*:launch-template/*'),
          arn('ec2:*:*:network-interface/*'),
          arn('ec2:*:*:instance/*'),
          arn('ec2:*:*:volume/*'),
        ],
        [condition('StringEquals', 'ec2:CreateAction', 'CreateFleet', 'CreateLaunchTemplate', 'RunInstances')],
        'TagOnCreateEC2ResourcesForManagedInstances',
      ),
      allow(
        ['iam:PassRole'],
        [arn('iam::*:role/ecsInstanceRole*')],
        [condition('StringLike', 'iam:PassedToService', 'ec2.*')],
        'PassInstanceRoleForManagedInstances',
      ),
      allow(
        ['iam:CreateServiceLinkedRole'],
        [arn('iam::*:role/aws-service-role/spot.amazonaws.com/AWSServiceRoleForEC2Spot')],
        [],
        'CreateServiceLinkedRoleForEC2Spot',
      ),
      allow(
        [
          'ec2:DescribeInstances',
          'ec2:DescribeInstanceTypes',
          'ec2:DescribeLaunchTemplates',
          'ec2:DescribeNetworkInterfaces',
          'ec2:DescribeInstanceTypeOfferings',
          'ec2:DescribeAvailabilityZones',
          'ec2:DescribeSecurityGroups',
          'ec2:DescribeSubnets',
          'ec2:DescribeVpcs',
        ],
        ['*'],
        [],
        'DescribeEC2ResourcesManagedByECS',
      ),
    ],
  ),

  // The §2.3 summary of v3 matches the statements of the MAMIP v1 copy.
  snapshot(
    { name: 'AmazonECSInstanceRolePolicyForManagedInstances', path: '', version: 'v3', date: '2026-02-12', partial: true },
    [
      allow(['ecs:DiscoverPollEndpoint'], ['*'], [], 'ECSAgentDiscoverPollEndpointPermissions'),
      allow(['ecs:RegisterContainerInstance'], [arn('ecs:*:*:cluster/*')], [], 'ECSAgentRegisterPermissions'),
      allow(['ecs:Poll'], [arn('ecs:*:*:container-instance/*')], [], 'ECSAgentPollPermissions'),
      allow(
        ['ecs:StartTelemetrySession', 'ecs:PutSystemLogEvents'],
        [arn('ecs:*:*:container-instance/*')],
        [],
        'ECSAgentTelemetryPermissions',
      ),
      allow(
        ['ecs:SubmitAttachmentStateChanges', 'ecs:SubmitTaskStateChange'],
        [arn('ecs:*:*:cluster/*')],
        [],
        'ECSAgentStateChangePermissions',
      ),
    ],
  ),

  // Express Mode's infrastructure policy (R45): no source read gives its content, but knowing its
  // name and path still lets a wrong ARN be caught.
  snapshot(
    { name: 'AmazonECSInfrastructureRoleforExpressGatewayServices', path: 'service-role/', version: '', date: '', partial: true, unknownContent: true },
    [],
  ),

  snapshot({ name: 'AWSCodeDeployRoleForECS', path: '', version: 'v3', date: '2019-09-23' }, [
    allow([
      'ecs:DescribeServices',
      'ecs:CreateTaskSet',
      'ecs:UpdateServicePrimaryTaskSet',
      'ecs:DeleteTaskSet',
      'elasticloadbalancing:DescribeTargetGroups',
      'elasticloadbalancing:DescribeListeners',
      'elasticloadbalancing:ModifyListener',
      'elasticloadbalancing:DescribeRules',
      'elasticloadbalancing:ModifyRule',
      'lambda:InvokeFunction',
      'cloudwatch:DescribeAlarms',
      'sns:Publish',
      's3:GetObject',
      's3:GetObjectVersion',
    ]),
    allow(['iam:PassRole'], ['*'], [condition('StringLike', 'iam:PassedToService', 'ecs-tasks.amazonaws.com')]),
  ]),

  snapshot({ name: 'AWSCodeDeployRoleForECSLimited', path: '', version: 'v3', date: '2019-09-23' }, [
    allow(['ecs:DescribeServices', 'ecs:CreateTaskSet', 'ecs:UpdateServicePrimaryTaskSet', 'ecs:DeleteTaskSet', 'cloudwatch:DescribeAlarms']),
    allow(['sns:Publish'], [arn('sns:*:*:CodeDeployTopic_*')]),
    allow([
      'elasticloadbalancing:DescribeTargetGroups',
      'elasticloadbalancing:DescribeListeners',
      'elasticloadbalancing:ModifyListener',
      'elasticloadbalancing:DescribeRules',
      'elasticloadbalancing:ModifyRule',
    ]),
    allow(['lambda:InvokeFunction'], [arn('lambda:*:*:function:CodeDeployHook_*')]),
    allow(['s3:GetObject', 's3:GetObjectVersion'], ['*'], [
      condition('StringEquals', 's3:ExistingObjectTag/UseWithCodeDeploy', 'true'),
    ]),
    allow(
      ['iam:PassRole'],
      [arn('iam::*:role/ecsTaskExecutionRole'), arn('iam::*:role/ECSTaskExecution*')],
      [condition('StringLike', 'iam:PassedToService', 'ecs-tasks.amazonaws.com')],
    ),
  ]),

  snapshot({ name: 'AWSAppMeshEnvoyAccess', path: '', version: 'v1', date: '2019-07-03' }, [
    allow(['appmesh:StreamAggregatedResources']),
  ]),

  snapshot({ name: 'AWSXRayDaemonWriteAccess', path: '', version: 'v2', date: '2024-02-13' }, [
    allow(xrayDaemonActions, ['*'], [], 'AWSXRayDaemonWriteAccess'),
  ]),

  // §2.3 gives no version; v2 is the MAMIP copy's, unchanged since 2019.
  snapshot({ name: 'AmazonSSMManagedInstanceCore', path: '', version: 'v2', date: '2019-05-23' }, [
    allow(ssmAgentActions),
    allow(ssmMessagesActions),
    allow(ec2MessagesActions),
  ]),

  // Only the statements R39, R40 and R42 lean on: the PassRole templates, the service-linked-role
  // creation (as in the MAMIP v20 copy, statement list of v21 per §3) and ecs:* itself.
  snapshot({ name: 'AmazonECS_FullAccess', path: '', version: 'v21', date: '2024-08-13', partial: true }, [
    allow(['ecs:*']),
    allow(
      ['iam:PassRole'],
      ['*'],
      [condition('StringLike', 'iam:PassedToService', 'ecs-tasks.amazonaws.com')],
      'TasksPassRolePolicy',
    ),
    allow(
      ['iam:PassRole'],
      [arn('iam::*:role/ecsInfrastructureRole')],
      [condition('StringEquals', 'iam:PassedToService', 'ecs.amazonaws.com')],
      'InfrastructurePassRolePolicy',
    ),
    allow(
      ['iam:PassRole'],
      [arn('iam::*:role/ecsInstanceRole*')],
      [condition('StringLike', 'iam:PassedToService', 'ec2.amazonaws.com', 'ec2.amazonaws.com.cn')],
    ),
    allow(
      ['iam:PassRole'],
      [arn('iam::*:role/ecsAutoscaleRole*')],
      [
        condition(
          'StringLike',
          'iam:PassedToService',
          'application-autoscaling.amazonaws.com',
          'application-autoscaling.amazonaws.com.cn',
        ),
      ],
    ),
    allow(
      ['iam:CreateServiceLinkedRole'],
      ['*'],
      [
        condition(
          'StringLike',
          'iam:AWSServiceName',
          'autoscaling.amazonaws.com',
          'ecs.amazonaws.com',
          'ecs.application-autoscaling.amazonaws.com',
          'spot.amazonaws.com',
          'spotfleet.amazonaws.com',
        ),
      ],
    ),
  ]),

  // Commonly attached non-ECS policies; versions and dates are those of the MAMIP copies read.
  snapshot({ name: 'AdministratorAccess', path: '', version: 'v1', date: '2015-02-06' }, [allow(['*'])]),

  snapshot({ name: 'PowerUserAccess', path: '', version: 'v12', date: '2026-02-12' }, [
    { effect: 'Allow', notAction: ['iam:*', 'organizations:*', 'account:*'], resource: ['*'], conditions: [] },
    allow([
      'account:GetAccountInformation',
      'account:GetGovCloudAccountInformation',
      'account:GetPrimaryEmail',
      'account:ListRegions',
      'iam:CreateServiceLinkedRole',
      'iam:DeleteServiceLinkedRole',
      'iam:ListRoles',
      'organizations:DescribeEffectivePolicy',
      'organizations:DescribeOrganization',
    ]),
  ]),

  // Hundreds of services; only the patterns that ECS checks meet are listed (from the v87 copy).
  // Note that it grants no secretsmanager:GetSecretValue.
  snapshot({ name: 'ReadOnlyAccess', path: '', version: 'v87', date: '2022-05-23', partial: true, unknownContent: true }, [
    allow([
      'ecr:BatchCheck*',
      'ecr:BatchGet*',
      'ecr:Describe*',
      'ecr:Get*',
      'ecr:List*',
      'ecs:Describe*',
      'ecs:List*',
      'elasticfilesystem:Describe*',
      'iam:Get*',
      'iam:List*',
      'kms:Describe*',
      'kms:Get*',
      'kms:List*',
      'logs:Describe*',
      'logs:FilterLogEvents',
      'logs:Get*',
      's3:DescribeJob',
      's3:Get*',
      's3:List*',
      'secretsmanager:Describe*',
      'secretsmanager:GetResourcePolicy',
      'secretsmanager:List*',
      'ssm:Describe*',
      'ssm:Get*',
      'ssm:List*',
      'xray:BatchGet*',
      'xray:Get*',
    ]),
  ]),

  snapshot({ name: 'AmazonS3ReadOnlyAccess', path: '', version: 'v3', date: '2023-08-10', partial: true }, [
    allow(['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*']),
  ]),

  snapshot({ name: 'AmazonS3FullAccess', path: '', version: 'v2', date: '2021-09-27', partial: true }, [
    allow(['s3:*', 's3-object-lambda:*']),
  ]),

  snapshot({ name: 'AmazonSSMReadOnlyAccess', path: '', version: 'v1', date: '2015-05-29', partial: true }, [
    allow(['ssm:Describe*', 'ssm:Get*', 'ssm:List*']),
  ]),

  snapshot({ name: 'CloudWatchLogsFullAccess', path: '', version: 'v3', date: '2025-05-20', partial: true }, [
    allow(['logs:*', 'cloudwatch:GenerateQuery', 'cloudwatch:GenerateQueryResultsSummary'], ['*'], [], 'CloudWatchLogsFullAccess'),
  ]),

  snapshot({ name: 'CloudWatchAgentServerPolicy', path: '', version: 'v3', date: '2024-02-06', partial: true }, [
    allow(
      [
        'cloudwatch:PutMetricData',
        'ec2:DescribeVolumes',
        'ec2:DescribeTags',
        'logs:PutLogEvents',
        'logs:PutRetentionPolicy',
        'logs:DescribeLogStreams',
        'logs:DescribeLogGroups',
        'logs:CreateLogStream',
        'logs:CreateLogGroup',
        ...xrayDaemonActions,
      ],
      ['*'],
      [],
      'CWACloudWatchServerPermissions',
    ),
    allow(['ssm:GetParameter'], [arn('ssm:*:*:parameter/AmazonCloudWatch-*')], [], 'CWASSMServerPermissions'),
  ]),

  // Deprecated in favour of AmazonSSMManagedInstanceCore; the v8 copy lacks ssm:GetParameter.
  snapshot(
    { name: 'AmazonEC2RoleforSSM', path: 'service-role/', version: 'v8', date: '2019-01-24', partial: true, deprecated: true },
    [
      allow(ssmAgentActions.filter((action) => action !== 'ssm:GetParameter')),
      allow(ssmMessagesActions),
      allow(ec2MessagesActions),
      allow(['cloudwatch:PutMetricData']),
      allow(['ec2:DescribeInstanceStatus']),
      allow(['ds:CreateComputer', 'ds:DescribeDirectories']),
      allow(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams', 'logs:PutLogEvents']),
      allow([
        's3:GetBucketLocation',
        's3:PutObject',
        's3:GetObject',
        's3:GetEncryptionConfiguration',
        's3:AbortMultipartUpload',
        's3:ListMultipartUploadParts',
        's3:ListBucket',
        's3:ListBucketMultipartUploads',
      ]),
    ],
  ),

  snapshot({ name: 'AmazonDynamoDBFullAccess', path: '', version: 'v15', date: '2021-01-29', partial: true }, [
    allow(['dynamodb:*', 'dax:*']),
    allow(['iam:PassRole'], ['*'], [
      condition(
        'StringLike',
        'iam:PassedToService',
        'application-autoscaling.amazonaws.com',
        'application-autoscaling.amazonaws.com.cn',
        'dax.amazonaws.com',
      ),
    ]),
  ]),

  // The copy read is v6 of 2026-08-25, newer than the 2026-03-07 snapshot; secretsmanager:* on `*` is in every version.
  snapshot({ name: 'SecretsManagerReadWrite', path: '', version: 'v6', date: '2026-08-25', partial: true }, [
    allow(['secretsmanager:*'], ['*'], [], 'BasePermissions'),
  ]),

  snapshot({ name: 'AmazonEC2ContainerRegistryReadOnly', path: '', version: 'v3', date: '2019-12-10', partial: true }, [
    allow(ecrReadActions),
  ]),

  snapshot({ name: 'AmazonEC2ContainerRegistryPowerUser', path: '', version: 'v3', date: '2019-12-10', partial: true }, [
    allow([...ecrReadActions, 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage']),
  ]),

  snapshot({ name: 'AmazonEC2ContainerRegistryFullAccess', path: '', version: 'v3', date: '2020-12-05', partial: true }, [
    allow(['ecr:*', 'cloudtrail:LookupEvents']),
    allow(['iam:CreateServiceLinkedRole'], ['*'], [
      condition('StringEquals', 'iam:AWSServiceName', 'replication.ecr.amazonaws.com'),
    ]),
  ]),
];

// Names that fixes attach; each is in the snapshot, so managedPolicyArn() finds its path.
export const taskExecutionPolicyName = 'AmazonECSTaskExecutionRolePolicy';
export const containerInstancePolicyName = 'AmazonEC2ContainerServiceforEC2Role';
export const ssmManagedInstanceCorePolicyName = 'AmazonSSMManagedInstanceCore';
export const eventsRolePolicyName = 'AmazonEC2ContainerServiceEventsRole';
export const codeDeployRolePolicyName = 'AWSCodeDeployRoleForECS';
export const xrayDaemonPolicyName = 'AWSXRayDaemonWriteAccess';
export const appMeshEnvoyPolicyName = 'AWSAppMeshEnvoyAccess';
export const infrastructureVolumesPolicyName = 'AmazonECSInfrastructureRolePolicyForVolumes';
export const infrastructureLoadBalancersPolicyName = 'AmazonECSInfrastructureRolePolicyForLoadBalancers';
export const infrastructureServiceConnectTlsPolicyName =
  'AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity';
export const infrastructureVpcLatticePolicyName = 'AmazonECSInfrastructureRolePolicyForVpcLattice';
export const infrastructureManagedInstancesPolicyName = 'AmazonECSInfrastructureRolePolicyForManagedInstances';
export const managedInstancesInstanceRolePolicyName = 'AmazonECSInstanceRolePolicyForManagedInstances';

const policiesByName = new Map(awsManagedPolicies.map((policy) => [policy.name, policy]));
const policiesByLowerName = new Map(awsManagedPolicies.map((policy) => [policy.name.toLowerCase(), policy]));

// Any partition (aws, aws-cn, aws-us-gov, aws-iso-b, ...) or the Sub token; the account of every
// AWS managed policy is the literal `aws`.
const managedPolicyArnPattern =
  /^arn:(?<partition>aws(?:-[a-z]+)*|\$\{AWS::Partition\}):iam::aws:policy\/(?<path>(?:[\w+=,.@-]+\/)*)(?<name>[\w+=,.@-]+)$/;

/** Splits an AWS managed policy ARN; undefined for anything else, customer managed policies included. */
export function parseAwsManagedPolicyArn(
  arnText: string,
): { name: string; path: string; partition: string } | undefined {
  const groups = managedPolicyArnPattern.exec(arnText.trim())?.groups;
  if (!groups) return undefined;
  return { name: groups.name!, path: groups.path!, partition: groups.partition! };
}

/**
 * The snapshot of the policy an ARN names. Name and path must both be right: IAM rejects
 * `arn:aws:iam::aws:policy/AmazonECSTaskExecutionRolePolicy` (no `service-role/`) as nonexistent, so
 * that ARN gets undefined here and a correction from suggestAwsManagedPolicyArn.
 */
export function findAwsManagedPolicy(arnText: string): ManagedPolicySnapshot | undefined {
  const parsed = parseAwsManagedPolicyArn(arnText);
  if (!parsed) return undefined;
  const policy = policiesByName.get(parsed.name);
  return policy && policy.path === parsed.path ? policy : undefined;
}

/**
 * The ARN that was meant, when an AWS managed policy ARN has the wrong path or the wrong letter case
 * for a policy in the snapshot; the partition is kept as written. Undefined when the ARN is right or
 * names no known policy.
 */
export function suggestAwsManagedPolicyArn(arnText: string): string | undefined {
  const parsed = parseAwsManagedPolicyArn(arnText);
  if (!parsed) return undefined;
  const policy = policiesByLowerName.get(parsed.name.toLowerCase());
  if (!policy || (policy.name === parsed.name && policy.path === parsed.path)) return undefined;
  return `arn:${parsed.partition}:iam::aws:policy/${policy.path}${policy.name}`;
}

/**
 * The ARN of a snapshot policy, partition-neutral by default so that a fix works in every partition.
 * Throws for a name outside the snapshot: callers pass the constants above.
 */
export function managedPolicyArn(name: string, partitionToken = '${AWS::Partition}'): string {
  const policy = policiesByName.get(name);
  if (!policy) throw new Error(`${name} is not in the managed policy snapshot`);
  return `arn:${partitionToken}:iam::aws:policy/${policy.path}${policy.name}`;
}
