/** ECS services and the EC2 capacity behind clusters: which instance profile and role each uses. */
import { getValue, isMap, isScalar, isSeq, scalarString, type DocNode, type MapNode } from '../parse/node.js';
import { resolveNode, resolvedToStrings, type Resolved, type ResolveScope } from './resolve.js';
import { resourcesOfType, type Resource, type Template } from './template.js';

export interface EcsService {
  resource: Resource;
  template: Template;
  properties?: MapNode;
  /** The task definition's logical id when the service references one in the same template. */
  taskDefinitionLogicalId?: string;
  /** The cluster resource the service runs in, when it is defined in the repository (possibly in a parent stack). */
  cluster?: { template: Template; logicalId: string };
  launchType?: string;
  capacityProviders: string[];
  /** The `Role` property entry (legacy service role), when set. */
  roleNode?: DocNode;
  enableExecuteCommand: boolean;
  enableExecuteCommandNode?: DocNode;
  loadBalancers: MapNode[];
  hasServiceRegistries: boolean;
  deploymentControllerType?: string;
}

export function buildServices(template: Template): EcsService[] {
  const scope: ResolveScope = { template };
  return resourcesOfType(template, 'AWS::ECS::Service').map((resource) => {
    const props = resource.properties;
    const taskDef = resolveNode(scope, getValue(props, 'TaskDefinition'));
    const strategy = getValue(props, 'CapacityProviderStrategy');
    const capacityProviders: string[] = [];
    for (const item of isSeq(strategy) ? strategy.items : []) {
      const provider = resolveNode(scope, getValue(item, 'CapacityProvider'));
      if (provider.kind === 'ref') capacityProviders.push(`ref:${provider.logicalId}`);
      else capacityProviders.push(...resolvedToStrings(scope, provider));
    }
    const exec = getValue(props, 'EnableExecuteCommand');
    const execValue = resolvedToStrings(scope, resolveNode(scope, exec));
    const loadBalancers = getValue(props, 'LoadBalancers');
    const registries = getValue(props, 'ServiceRegistries');
    return {
      resource,
      template,
      properties: props,
      taskDefinitionLogicalId: refTarget(taskDef, template, 'AWS::ECS::TaskDefinition'),
      cluster: clusterTarget(resolveNode(scope, getValue(props, 'Cluster')), template),
      launchType: resolvedToStrings(scope, resolveNode(scope, getValue(props, 'LaunchType')))[0],
      capacityProviders,
      roleNode: getValue(props, 'Role'),
      enableExecuteCommand: execValue.some((v) => v.toLowerCase() === 'true'),
      enableExecuteCommandNode: exec,
      loadBalancers: isSeq(loadBalancers) ? loadBalancers.items.filter(isMap) : [],
      hasServiceRegistries: isSeq(registries) && registries.items.length > 0,
      deploymentControllerType: resolvedToStrings(scope, resolveNode(scope, getValue(getValue(props, 'DeploymentController'), 'Type')))[0],
    };
  });
}

/** The AWS::ECS::Cluster a Cluster property points at, following parameters passed by parent stacks. */
function clusterTarget(value: Resolved, template: Template): EcsService['cluster'] {
  const options = value.kind === 'choice' ? value.options : [value];
  for (const option of options) {
    if (option.kind !== 'ref' || option.attribute !== undefined && option.attribute !== 'Arn') continue;
    const owner = option.template ?? template;
    if (owner.resources.get(option.logicalId)?.type === 'AWS::ECS::Cluster') return { template: owner, logicalId: option.logicalId };
  }
  return undefined;
}

function refTarget(value: Resolved, template: Template, type: string): string | undefined {
  const options = value.kind === 'choice' ? value.options : [value];
  for (const option of options) {
    if (option.kind === 'ref' && template.resources.get(option.logicalId)?.type === type) return option.logicalId;
  }
  return undefined;
}

/** EC2 capacity that runs ECS container instances: a launch template, launch configuration or instance. */
export interface InstanceCapacity {
  resource: Resource;
  template: Template;
  /** The `IamInstanceProfile` node (launch template: `LaunchTemplateData.IamInstanceProfile`), when set. */
  profileNode?: DocNode;
  /** The instance profile's logical id when it is defined in the same template. */
  profileLogicalId?: string;
  /** Why this is ECS capacity, for messages. */
  reason: string;
}

const ecsUserData = /ECS_CLUSTER\s*=|\[settings\.ecs\]|ecs\.config|start\s+ecs|enable\s+--now\s+--no-block\s+ecs/i;
const ecsAmi = /\/aws\/service\/ecs\/optimized-ami\/|\/aws\/service\/bottlerocket\/aws-ecs/;

/** Finds ECS container-instance capacity in a template (R1 triggers). */
export function buildInstanceCapacity(template: Template): InstanceCapacity[] {
  const scope: ResolveScope = { template };
  const result: InstanceCapacity[] = [];
  // Launch templates and configurations used by an ASG behind an ECS capacity provider.
  const capacityAsgs = new Set<string>();
  for (const provider of resourcesOfType(template, 'AWS::ECS::CapacityProvider')) {
    const asg = resolveNode(scope, getValue(getValue(provider.properties, 'AutoScalingGroupProvider'), 'AutoScalingGroupArn'));
    const id = refTarget(asg, template, 'AWS::AutoScaling::AutoScalingGroup');
    if (id) capacityAsgs.add(id);
  }
  const launchFromAsg = new Map<string, string>();
  for (const asg of resourcesOfType(template, 'AWS::AutoScaling::AutoScalingGroup')) {
    const props = asg.properties;
    const lc = refTarget(resolveNode(scope, getValue(props, 'LaunchConfigurationName')), template, 'AWS::AutoScaling::LaunchConfiguration');
    const lt = refTarget(
      resolveNode(scope, getValue(getValue(props, 'LaunchTemplate'), 'LaunchTemplateId') ?? getValue(getValue(props, 'LaunchTemplate'), 'LaunchTemplateName')),
      template,
      'AWS::EC2::LaunchTemplate',
    );
    const mixed = getValue(getValue(getValue(props, 'MixedInstancesPolicy'), 'LaunchTemplate'), 'LaunchTemplateSpecification');
    const ltMixed = refTarget(resolveNode(scope, getValue(mixed, 'LaunchTemplateId') ?? getValue(mixed, 'LaunchTemplateName')), template, 'AWS::EC2::LaunchTemplate');
    for (const id of [lc, lt, ltMixed]) if (id && capacityAsgs.has(asg.logicalId)) launchFromAsg.set(id, asg.logicalId);
  }
  for (const resource of resourcesOfType(template, 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::EC2::Instance')) {
    const data = resource.type === 'AWS::EC2::LaunchTemplate' ? getValue(resource.properties, 'LaunchTemplateData') : resource.properties;
    const userData = resolvedToStrings(scope, resolveNode(scope, getValue(data, 'UserData'))).join('\n');
    const imageId = getValue(data, 'ImageId');
    const imageText = [...resolvedToStrings(scope, resolveNode(scope, imageId)), ...parameterDefaultsBehind(template, imageId)].join(' ');
    let reason: string | undefined;
    if (ecsUserData.test(userData)) reason = 'its user data joins an ECS cluster';
    else if (ecsAmi.test(imageText)) reason = 'it uses an ECS-optimized AMI';
    else if (launchFromAsg.has(resource.logicalId)) reason = `its Auto Scaling group ${launchFromAsg.get(resource.logicalId)} backs an ECS capacity provider`;
    if (!reason) continue;
    const profileNode = getValue(data, 'IamInstanceProfile');
    let profileLogicalId: string | undefined;
    if (profileNode) {
      const target = resource.type === 'AWS::EC2::LaunchTemplate' ? getValue(profileNode, 'Arn') ?? getValue(profileNode, 'Name') : profileNode;
      profileLogicalId = refTarget(resolveNode(scope, target), template, 'AWS::IAM::InstanceProfile');
    }
    result.push({ resource, template, profileNode, profileLogicalId, reason });
  }
  return result;
}

/** The default of a parameter an ImageId refers to (`ECSAMI: Default: /aws/service/ecs/...`). */
function parameterDefaultsBehind(template: Template, node: DocNode | undefined): string[] {
  if (!isMap(node) || node.entries.length !== 1 || node.entries[0].key !== 'Ref') return [];
  const name = scalarString(node.entries[0].value);
  const parameter = name ? template.parameters.get(name) : undefined;
  return parameter?.defaultValue ? [parameter.defaultValue] : [];
}

/** The role logical ids inside an instance profile (CloudFormation allows exactly one). */
export function instanceProfileRoles(template: Template, profileLogicalId: string): { roleLogicalIds: string[]; roleNames: string[]; rolesNode?: DocNode } {
  const scope: ResolveScope = { template };
  const profile = template.resources.get(profileLogicalId);
  const rolesNode = getValue(profile?.properties, 'Roles');
  const roleLogicalIds: string[] = [];
  const roleNames: string[] = [];
  const value = resolveNode(scope, rolesNode);
  for (const item of value.kind === 'list' ? value.items : []) {
    const id = refTarget(item, template, 'AWS::IAM::Role');
    if (id) roleLogicalIds.push(id);
    else roleNames.push(...resolvedToStrings(scope, item));
  }
  return { roleLogicalIds, roleNames, rolesNode };
}

export function isTrue(node: DocNode | undefined): boolean {
  return isScalar(node) && String(node.value).toLowerCase() === 'true';
}
