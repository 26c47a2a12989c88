/**
 * The properties through which AWS services other than ECS tasks assume roles for ECS: EventBridge
 * targets that run tasks, CodeDeploy ECS deployment groups, legacy service roles and infrastructure
 * roles, each with the node that names the role (or the map where it belongs when it is missing).
 */
import { getEntry, getValue, isMap, type DocNode, type MapNode, type ScalarNode } from '../parse/node.js';
import { listItems } from './task-definition.js';
import { resolveNode, resolvedToStrings, type Resolved, type ResolveScope } from './resolve.js';
import { resourcesOfType, type Resource, type Template } from './template.js';

/** An `AWS::Events::Rule` target with `EcsParameters`: EventBridge calls RunTask with the target's role. */
export interface EventsEcsTarget {
  rule: Resource;
  template: Template;
  /** The target item, where a missing `RoleArn` belongs. */
  target: MapNode;
  ecsParameters: MapNode;
  /** The `EcsParameters` key, where a finding about the target as a whole points. */
  ecsParametersKey: ScalarNode;
  roleNode?: DocNode;
  taskDefinitionNode?: DocNode;
  /** `Input`: for ECS targets, the RunTask overrides, which may name other task and execution roles. */
  inputNode?: DocNode;
  /** `EcsParameters.TagList` is set: RunTask then tags the task, which needs ecs:TagResource. */
  tagsTask: boolean;
}

export function findEventsEcsTargets(template: Template): EventsEcsTarget[] {
  const result: EventsEcsTarget[] = [];
  for (const rule of resourcesOfType(template, 'AWS::Events::Rule')) {
    for (const target of listItems(getValue(rule.properties, 'Targets'))) {
      const entry = getEntry(target, 'EcsParameters');
      if (!entry || !isMap(entry.value)) continue;
      const tagList = getValue(entry.value, 'TagList');
      result.push({
        rule,
        template,
        target,
        ecsParameters: entry.value,
        ecsParametersKey: entry.keyNode,
        roleNode: getValue(target, 'RoleArn'),
        taskDefinitionNode: getValue(entry.value, 'TaskDefinitionArn'),
        inputNode: getValue(target, 'Input'),
        tagsTask: tagList !== undefined && listItems(tagList).length > 0,
      });
    }
  }
  return result;
}

/** A CodeDeploy deployment group that deploys ECS services (blue/green through task sets). */
export interface CodeDeployEcsGroup {
  group: Resource;
  template: Template;
  properties: MapNode;
  roleNode?: DocNode;
  /** The `ECSServices` key, or the resource's `Properties` key when the group is ECS through its application. */
  anchor: ScalarNode | MapNode;
  /** Services the group names, as they resolve: a service resource in the repository, or text. */
  services: Resolved[];
}

export function findCodeDeployEcsGroups(template: Template): CodeDeployEcsGroup[] {
  const scope: ResolveScope = { template };
  const result: CodeDeployEcsGroup[] = [];
  for (const group of resourcesOfType(template, 'AWS::CodeDeploy::DeploymentGroup')) {
    const props = group.properties;
    if (!props) continue;
    const servicesEntry = getEntry(props, 'ECSServices');
    if (!servicesEntry && !isEcsApplication(scope, getValue(props, 'ApplicationName'))) continue;
    const services = listItems(servicesEntry?.value).map((item) => resolveNode(scope, getValue(item, 'ServiceName')));
    result.push({
      group,
      template,
      properties: props,
      roleNode: getValue(props, 'ServiceRoleArn'),
      anchor: servicesEntry?.keyNode ?? getEntry(group.node, 'Properties')?.keyNode ?? props,
      services,
    });
  }
  return result;
}

/** `ApplicationName: !Ref App` where App is an `AWS::CodeDeploy::Application` with `ComputePlatform: ECS`. */
function isEcsApplication(scope: ResolveScope, node: DocNode | undefined): boolean {
  const value = resolveNode(scope, node);
  if (value.kind !== 'ref') return false;
  const owner = value.template ?? scope.template;
  const application = owner?.resources.get(value.logicalId);
  if (application?.type !== 'AWS::CodeDeploy::Application') return false;
  return resolvedToStrings({ template: owner }, resolveNode({ template: owner }, getValue(application.properties, 'ComputePlatform'))).includes('ECS');
}

export type InfrastructureFeature = 'volumes' | 'service-connect-tls' | 'vpc-lattice' | 'load-balancers' | 'managed-instances';

/** A place where ECS assumes an infrastructure role (trust `ecs.amazonaws.com`) on the user's behalf. */
export interface InfrastructureRoleUse {
  feature: InfrastructureFeature;
  resource: Resource;
  template: Template;
  /** The map that holds (or should hold) the role property. */
  container: MapNode;
  /** The key that makes ECS need the role (`ManagedEBSVolume`, `Tls`, ...), where a missing role is reported. */
  featureKey: ScalarNode;
  /** The role property's name in `container`. */
  roleKey: string;
  roleNode?: DocNode;
  /** Whether CloudFormation itself requires the role property (`false`: only ECS does, at run time). */
  requiredBySchema: boolean;
  /** ARNs the role acts on when the template names them (the private CA, the Lattice target group). */
  resources: { service: string; arn: DocNode | undefined }[];
}

export function findInfrastructureRoleUses(template: Template): InfrastructureRoleUse[] {
  const scope: ResolveScope = { template };
  const uses: InfrastructureRoleUse[] = [];
  const add = (
    feature: InfrastructureFeature,
    resource: Resource,
    parent: MapNode,
    key: string,
    roleKey: string,
    requiredBySchema: boolean,
    resources: InfrastructureRoleUse['resources'] = [],
  ) => {
    const entry = getEntry(parent, key);
    if (!entry || !isMap(entry.value)) return;
    uses.push({ feature, resource, template, container: entry.value, featureKey: entry.keyNode, roleKey, roleNode: getValue(entry.value, roleKey), requiredBySchema, resources });
  };
  for (const service of resourcesOfType(template, 'AWS::ECS::Service')) {
    const props = service.properties;
    if (!props) continue;
    for (const volume of listItems(getValue(props, 'VolumeConfigurations'))) add('volumes', service, volume, 'ManagedEBSVolume', 'RoleArn', true);
    const serviceConnect = getValue(props, 'ServiceConnectConfiguration');
    const enabled = resolvedToStrings(scope, resolveNode(scope, getValue(serviceConnect, 'Enabled')));
    if (!enabled.some((value) => value.toLowerCase() === 'false')) {
      for (const item of listItems(getValue(serviceConnect, 'Services'))) {
        const authority = getValue(getValue(getValue(item, 'Tls'), 'IssuerCertificateAuthority'), 'AwsPcaAuthorityArn');
        add('service-connect-tls', service, item, 'Tls', 'RoleArn', false, [{ service: 'acm-pca', arn: authority }]);
      }
    }
    for (const lattice of listItems(getValue(props, 'VpcLatticeConfigurations'))) {
      const entry = getEntry(lattice, 'RoleArn');
      const targetGroup = getValue(lattice, 'TargetGroupArn');
      // The role sits directly in the configuration item: the item itself is the container.
      const key = getEntry(lattice, 'TargetGroupArn')?.keyNode ?? lattice.entries[0]?.keyNode;
      if (!key) continue;
      uses.push({
        feature: 'vpc-lattice',
        resource: service,
        template,
        container: lattice,
        featureKey: key,
        roleKey: 'RoleArn',
        roleNode: entry?.value,
        requiredBySchema: true,
        resources: [{ service: 'vpc-lattice', arn: targetGroup }],
      });
    }
    for (const balancer of listItems(getValue(props, 'LoadBalancers'))) add('load-balancers', service, balancer, 'AdvancedConfiguration', 'RoleArn', true);
  }
  for (const provider of resourcesOfType(template, 'AWS::ECS::CapacityProvider')) {
    if (provider.properties) add('managed-instances', provider, provider.properties, 'ManagedInstancesProvider', 'InfrastructureRoleArn', true);
  }
  return uses;
}
