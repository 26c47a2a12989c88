/** infrastructure-role: EBS volumes, Service Connect TLS, VPC Lattice, native blue/green and Managed Instances need an infrastructure role trusted by ecs.amazonaws.com with the matching managed policy (R44, R45, R6). */
import { addMapEntry } from '../fix/document-edits.js';
import type { Fix } from '../finding.js';
import { evaluateTrust } from '../iam/evaluate.js';
import {
  findAwsManagedPolicy,
  infrastructureLoadBalancersPolicyName,
  infrastructureManagedInstancesPolicyName,
  infrastructureServiceConnectTlsPolicyName,
  infrastructureVolumesPolicyName,
  infrastructureVpcLatticePolicyName,
} from '../iam/managed-policies.js';
import { instanceProfileRoles } from '../model/ecs-resources.js';
import type { IamRole } from '../model/iam-model.js';
import { externalRoleTexts, isRoleAbsent, knownRoles, type Repository } from '../model/repository.js';
import { resolveNode, resolvedToStrings, type ResolveScope } from '../model/resolve.js';
import { findInfrastructureRoleUses, type InfrastructureFeature, type InfrastructureRoleUse } from '../model/service-role-uses.js';
import { getValue } from '../parse/node.js';
import { buildAttachManagedPolicyFix, editableDocument, newRoleBody } from './fix-builders.js';
import { evaluatePassRole } from './passed-roles.js';
import { checkRoleGrants, missingGrants } from './role-grants.js';
import type { Rule, RuleContext } from './rule.js';
import { ecsServicePrincipal, isUntrusted, untrustedServiceReport } from './service-trust.js';
import { buildNewRoleFix, passRoleStatement, roleArnValue } from './statement-fixes.js';
import { buildAddStatementsFix } from './fix-builders.js';

interface FeatureSpec {
  /** How messages name the feature. */
  label: string;
  policy: string;
  /** What fails without the role's permissions. */
  consequence: string;
  /** Logical id for a new role. */
  newRoleId: string;
  /** Actions the managed policy exists for, each with the resource ECS acts on; `arns` are the ones the template names. */
  actions(arns: Map<string, string[]>): [string, string[]][];
}

const prefix = (service: string) => `arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}`;

const features: Record<InfrastructureFeature, FeatureSpec> = {
  volumes: {
    label: 'EBS volumes configured at launch (ManagedEBSVolume)',
    policy: infrastructureVolumesPolicyName,
    consequence: 'ECS cannot create and attach the volume, so the task fails to start',
    newRoleId: 'EbsVolumesInfrastructureRole',
    actions: () => {
      const volume = [`${prefix('ec2')}:volume/\${VolumeId}`];
      return [
        ['ec2:CreateVolume', volume],
        ['ec2:AttachVolume', volume],
        ['ec2:DetachVolume', volume],
        ['ec2:DeleteVolume', volume],
        ['ec2:DescribeVolumes', ['*']],
      ];
    },
  },
  'service-connect-tls': {
    label: 'Service Connect TLS',
    policy: infrastructureServiceConnectTlsPolicyName,
    consequence: 'ECS cannot issue and rotate the TLS certificates, so Service Connect traffic cannot be encrypted',
    newRoleId: 'ServiceConnectTlsInfrastructureRole',
    actions: (arns) => {
      const authority = arns.get('acm-pca')?.length ? arns.get('acm-pca')! : [`${prefix('acm-pca')}:certificate-authority/\${CertificateAuthorityId}`];
      const secret = [`${prefix('secretsmanager')}:secret:ecs-sc!\${SecretId}`];
      return [
        ['acm-pca:IssueCertificate', authority],
        ['acm-pca:GetCertificate', authority],
        ['secretsmanager:CreateSecret', secret],
        ['secretsmanager:GetSecretValue', secret],
      ];
    },
  },
  'vpc-lattice': {
    label: 'VPC Lattice',
    policy: infrastructureVpcLatticePolicyName,
    consequence: 'ECS cannot register the tasks with the VPC Lattice target group',
    newRoleId: 'VpcLatticeInfrastructureRole',
    actions: (arns) => {
      const group = arns.get('vpc-lattice')?.length ? arns.get('vpc-lattice')! : [`${prefix('vpc-lattice')}:targetgroup/\${TargetGroupId}`];
      return [
        ['vpc-lattice:RegisterTargets', group],
        ['vpc-lattice:DeregisterTargets', group],
        ['vpc-lattice:GetTargetGroup', group],
        ['ec2:DescribeSubnets', ['*']],
      ];
    },
  },
  'load-balancers': {
    label: 'native blue/green deployments (LoadBalancers AdvancedConfiguration)',
    policy: infrastructureLoadBalancersPolicyName,
    consequence: 'ECS cannot shift traffic between the blue and green target groups, so deployments fail',
    newRoleId: 'BlueGreenInfrastructureRole',
    actions: () => [
      ['elasticloadbalancing:ModifyListener', [`${prefix('elasticloadbalancing')}:listener/app/\${LoadBalancer}/\${LoadBalancerId}/\${ListenerId}`]],
      ['elasticloadbalancing:ModifyRule', [`${prefix('elasticloadbalancing')}:listener-rule/app/\${LoadBalancer}/\${LoadBalancerId}/\${ListenerId}/\${RuleId}`]],
      ['elasticloadbalancing:DescribeTargetGroups', ['*']],
      ['elasticloadbalancing:DescribeListeners', ['*']],
      ['elasticloadbalancing:DescribeRules', ['*']],
    ],
  },
  'managed-instances': {
    label: 'ECS Managed Instances',
    policy: infrastructureManagedInstancesPolicyName,
    consequence: 'ECS cannot launch the instances of the capacity provider, so its tasks never get capacity',
    newRoleId: 'ManagedInstancesInfrastructureRole',
    actions: () => [
      ['ec2:CreateLaunchTemplate', [`${prefix('ec2')}:launch-template/\${LaunchTemplateId}`]],
      ['ec2:CreateFleet', [`${prefix('ec2')}:fleet/\${FleetId}`]],
      ['ec2:RunInstances', [`${prefix('ec2')}:instance/\${InstanceId}`]],
      ['ec2:DescribeInstances', ['*']],
    ],
  },
};

export const infrastructureRole: Rule = {
  meta: {
    id: 'infrastructure-role',
    defaultSeverity: 'error',
    description:
      'EBS volumes, Service Connect TLS, VPC Lattice, native blue/green and Managed Instances need an infrastructure role trusted by ecs.amazonaws.com with the matching managed policy; Managed Instances must also be able to pass the instance role.',
    requirements: ['R44', 'R45', 'R6'],
    fixable: true,
  },
  check(context) {
    const { repo } = context;
    const trustChecked = new Set<IamRole>();
    const policyChecked = new Set<string>();
    const passChecked = new Set<string>();
    for (const template of repo.templates) {
      const scope: ResolveScope = { template };
      for (const use of findInfrastructureRoleUses(template)) {
        const spec = features[use.feature];
        const owner = `${use.resource.type === 'AWS::ECS::CapacityProvider' ? 'capacity provider' : 'ECS service'} ${use.resource.logicalId}`;
        const binding = repo.bindRole(scope, use.roleNode);
        if (isRoleAbsent(binding)) {
          context.report({
            path: template.path,
            node: use.featureKey,
            severity: use.requiredBySchema ? 'error' : 'warning',
            message: `${owner} uses ${spec.label} without ${use.roleKey}; ECS needs an infrastructure role trusted by ecs.amazonaws.com with ${spec.policy}, otherwise ${spec.consequence}.`,
            messageId: `missing-role:${use.resource.logicalId}:${use.feature}:${use.featureKey.startOffset}`,
            fixes: fixesOf(buildMissingRoleFix(repo, use, spec)),
          });
          continue;
        }
        for (const text of externalRoleTexts(binding)) context.noteUnverifiable(text, { path: template.path, node: use.roleNode! }, `the infrastructure role for ${spec.label}`);
        for (const role of knownRoles(binding)) {
          if (!trustChecked.has(role)) {
            trustChecked.add(role);
            if (isUntrusted(role, ecsServicePrincipal)) {
              const finding = untrustedServiceReport(repo, role, ecsServicePrincipal, `the infrastructure role of ${owner}`, `${spec.consequence}.`, template.path);
              if (finding) context.report(finding);
            }
          }
          const key = `${role.id}\u0000${use.feature}`;
          if (!policyChecked.has(key)) {
            policyChecked.add(key);
            checkFeaturePermissions(context, use, spec, role, owner, scope);
          }
          if (use.feature === 'managed-instances') checkInstanceRolePassing(context, use, role, owner, scope, passChecked);
        }
      }
    }
  },
};

function fixesOf(fix: Fix | undefined): Fix[] {
  return fix ? [fix] : [];
}

function attaches(role: IamRole, policy: string): boolean {
  return role.managedPolicies.some((managed) => findAwsManagedPolicy(managed.arn)?.name === policy);
}

function checkFeaturePermissions(context: RuleContext, use: InfrastructureRoleUse, spec: FeatureSpec, role: IamRole, owner: string, scope: ResolveScope): void {
  if (attaches(role, spec.policy)) return;
  const arns = new Map<string, string[]>();
  for (const { service, arn } of use.resources) {
    const values = resolvedToStrings(scope, resolveNode(scope, arn));
    if (arn !== undefined && values.length) arns.set(service, values);
  }
  const grants = spec.actions(arns).flatMap(([action, resources]) => checkRoleGrants(role, [action], resources, context.config));
  const { definite, uncertain } = missingGrants(grants);
  if (definite.length === 0 && uncertain.length === 0) return;
  context.report({
    path: use.template.path,
    node: use.roleNode!,
    severity: definite.length ? 'error' : 'warning',
    message: `Infrastructure role ${role.label} of ${owner} ${definite.length ? 'does not allow' : 'may not allow'} ${[...definite, ...uncertain].join(', ')}, which ${spec.label} needs; attach ${spec.policy}, otherwise ${spec.consequence}.`,
    messageId: `missing-policy:${role.id}:${use.feature}`,
    fixes: fixesOf(buildAttachManagedPolicyFix(context.repo, role, spec.policy, `Attach ${spec.policy} to ${role.label}`)),
    relatedPaths: [role.path],
  });
}

/**
 * R6: ECS passes the instance profile's role to EC2 with the infrastructure role. The managed policy
 * allows that only for roles named `ecsInstanceRole*`; a role with another name (a name CloudFormation
 * generates, too) needs its own iam:PassRole grant.
 */
function checkInstanceRolePassing(
  context: RuleContext,
  use: InfrastructureRoleUse,
  infrastructure: IamRole,
  owner: string,
  scope: ResolveScope,
  checked: Set<string>,
): void {
  const profileNode = getValue(getValue(use.container, 'InstanceLaunchTemplate'), 'Ec2InstanceProfileArn');
  const profile = resolveNode(scope, profileNode);
  if (profile.kind !== 'ref' || !profileNode) return;
  const template = profile.template ?? use.template;
  if (template.resources.get(profile.logicalId)?.type !== 'AWS::IAM::InstanceProfile') return;
  const { roleLogicalIds, roleNames } = instanceProfileRoles(template, profile.logicalId);
  const instanceRoles = [...roleLogicalIds.flatMap((id) => context.repo.roleByLogicalId(template, id) ?? []), ...roleNames.flatMap((name) => context.repo.findRolesByName(name))];
  for (const instanceRole of instanceRoles) {
    const key = `${infrastructure.id}\u0000${instanceRole.id}`;
    if (checked.has(key)) continue;
    checked.add(key);
    const state = evaluatePassRole(infrastructure, instanceRole.arn, instanceRole.template, 'ec2.amazonaws.com', context.config);
    if (state === 'yes') continue;
    const generated = instanceRole.roleName === `\${${instanceRole.resource?.logicalId}}`;
    const name = generated ? `a name CloudFormation generates (${instanceRole.resource?.logicalId} has no RoleName)` : `the name ${instanceRole.roleName}`;
    const fix = buildAddStatementsFix(
      context.repo,
      infrastructure,
      [passRoleStatement([roleArnValue(instanceRole, infrastructure.template)], 'ec2.amazonaws.com')],
      'pass-instance-role',
      `Allow ${infrastructure.label} to pass ${instanceRole.label} to EC2`,
    );
    context.report({
      path: use.template.path,
      node: profileNode,
      severity: state === 'no' ? 'error' : 'warning',
      message: `Infrastructure role ${infrastructure.label} of ${owner} ${state === 'no' ? 'cannot' : 'may not be able to'} pass instance role ${instanceRole.label} to EC2 (iam:PassRole with iam:PassedToService ec2.amazonaws.com): ${infrastructureManagedInstancesPolicyName} allows that only for roles named ecsInstanceRole*, and this role has ${name}; tasks fail to launch with an authorization error. Grant iam:PassRole on the role or rename it ecsInstanceRole-*.`,
      messageId: `instance-role-pass:${infrastructure.id}:${instanceRole.id}`,
      fixes: fixesOf(fix),
      relatedPaths: [infrastructure.path, instanceRole.path],
    });
  }
}

/** Points the property at a role of the template that already serves the feature, else adds one with the managed policy. */
function buildMissingRoleFix(repo: Repository, use: InfrastructureRoleUse, spec: FeatureSpec): Fix | undefined {
  const existing = repo.roles.find(
    (role) =>
      role.template === use.template &&
      role.resource &&
      role.trust !== undefined &&
      evaluateTrust(role.trust, { service: ecsServicePrincipal }).trusts === 'yes' &&
      attaches(role, spec.policy),
  );
  if (existing?.resource) {
    const doc = editableDocument(repo, use.template.path);
    if (!doc) return undefined;
    return {
      title: `Use ${existing.label} as the infrastructure role`,
      edits: addMapEntry(doc, use.container, use.roleKey, { kind: 'getatt', logicalId: existing.resource.logicalId, attribute: 'Arn' }),
    };
  }
  return buildNewRoleFix(
    repo,
    {
      template: use.template,
      map: use.container,
      key: use.roleKey,
      logicalId: spec.newRoleId,
      body: newRoleBody(ecsServicePrincipal, [spec.policy], [], 'infrastructure'),
      placeAfter: use.resource.logicalId,
    },
    (logicalId) => `Add infrastructure role ${logicalId} with ${spec.policy}`,
  );
}
