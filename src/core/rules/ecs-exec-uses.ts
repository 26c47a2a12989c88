/**
 * Where ECS Exec is turned on for a task definition of the repository: a service with
 * `EnableExecuteCommand: true`, or an EventBridge rule or EventBridge Scheduler schedule that runs the
 * task with `EcsParameters.EnableExecuteCommand: true`; with the launch type and cluster of each.
 */
import { buildClusters, referencedCluster, type EcsCluster } from '../model/ecs-clusters.js';
import type { Repository } from '../model/repository.js';
import { resolveNode, resolvedToStrings, type ResolveScope } from '../model/resolve.js';
import type { LaunchType, TaskDefinition } from '../model/task-definition.js';
import { listItems } from '../model/task-definition.js';
import { resourcesOfType, type Template } from '../model/template.js';
import { getValue, isMap, isSeq, type DocNode } from '../parse/node.js';

export interface EcsExecUse {
  /** How messages name what enables it: `service Api`, `EventBridge rule Nightly`. */
  label: string;
  task: TaskDefinition;
  path: string;
  /** The `EnableExecuteCommand` value. */
  node: DocNode;
  /** The launch types this use runs the task on: its own when it says, else the task definition's. */
  launchTypes: Set<LaunchType>;
  cluster?: EcsCluster;
}

const launchTypeNames = new Set<string>(['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES']);

export function findEcsExecUses(repo: Repository): EcsExecUse[] {
  const uses: EcsExecUse[] = [];
  const clusters = repo.templates.flatMap(buildClusters);
  const taskOf = (template: Template, node: DocNode | undefined): TaskDefinition | undefined => {
    const value = resolveNode({ template }, node);
    const options = value.kind === 'choice' ? value.options : [value];
    for (const option of options) {
      if (option.kind !== 'ref') continue;
      const task = repo.taskDefinitions.find((t) => t.template === template && t.resource?.logicalId === option.logicalId);
      if (task) return task;
    }
    return undefined;
  };

  for (const service of repo.services) {
    if (!service.enableExecuteCommand || !service.enableExecuteCommandNode || !service.taskDefinitionLogicalId) continue;
    const task = repo.taskDefinitions.find((t) => t.template === service.template && t.resource?.logicalId === service.taskDefinitionLogicalId);
    if (!task) continue;
    uses.push({
      label: `service ${service.resource.logicalId}`,
      task,
      path: service.template.path,
      node: service.enableExecuteCommandNode,
      launchTypes: launchTypesOf(service.template, service.launchType, service.capacityProviders, task),
      cluster: referencedCluster(clusters, service.template, getValue(service.properties, 'Cluster')),
    });
  }

  for (const template of repo.templates) {
    const scope: ResolveScope = { template };
    const targets: { label: string; target: DocNode }[] = [];
    for (const rule of resourcesOfType(template, 'AWS::Events::Rule')) {
      for (const target of listItems(getValue(rule.properties, 'Targets'))) targets.push({ label: `EventBridge rule ${rule.logicalId}`, target });
    }
    for (const schedule of resourcesOfType(template, 'AWS::Scheduler::Schedule')) {
      const target = getValue(schedule.properties, 'Target');
      if (isMap(target)) targets.push({ label: `EventBridge schedule ${schedule.logicalId}`, target });
    }
    for (const { label, target } of targets) {
      const parameters = getValue(target, 'EcsParameters');
      const exec = getValue(parameters, 'EnableExecuteCommand');
      if (!exec || !resolvedToStrings(scope, resolveNode(scope, exec)).some((v) => v.toLowerCase() === 'true')) continue;
      const task = taskOf(template, getValue(parameters, 'TaskDefinitionArn'));
      if (!task) continue;
      const launchType = resolvedToStrings(scope, resolveNode(scope, getValue(parameters, 'LaunchType')))[0];
      const strategy = getValue(parameters, 'CapacityProviderStrategy');
      const providers = (isSeq(strategy) ? strategy.items : []).flatMap((item) => {
        const provider = resolveNode(scope, getValue(item, 'CapacityProvider'));
        return provider.kind === 'ref' ? [`ref:${provider.logicalId}`] : resolvedToStrings(scope, provider);
      });
      uses.push({
        label,
        task,
        path: template.path,
        node: exec,
        launchTypes: launchTypesOf(template, launchType, providers, task),
        cluster: referencedCluster(clusters, template, getValue(target, 'Arn')),
      });
    }
  }
  return uses;
}

/** Mirrors how the repository derives a task's launch types from its services, for one use only. */
function launchTypesOf(template: Template, launchType: string | undefined, providers: string[], task: TaskDefinition): Set<LaunchType> {
  const result = new Set<LaunchType>();
  if (launchType && launchTypeNames.has(launchType)) result.add(launchType as LaunchType);
  for (const provider of providers) {
    if (provider === 'FARGATE' || provider === 'FARGATE_SPOT') result.add('FARGATE');
    else if (provider.startsWith('ref:')) {
      const resource = template.resources.get(provider.slice(4));
      result.add(getValue(resource?.properties, 'ManagedInstancesProvider') ? 'MANAGED_INSTANCES' : 'EC2');
    }
  }
  if (result.size) return result;
  // Without its own launch settings the use runs where the task definition's compatibilities allow.
  const own = new Set<LaunchType>();
  for (const value of task.requiresCompatibilities) if (launchTypeNames.has(value)) own.add(value as LaunchType);
  return own;
}
