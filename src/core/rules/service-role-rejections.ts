/** Why ECS would refuse an `AWS::ECS::Service.Role` (R36): the cases where only the service-linked role may act. */
import type { EcsService } from '../model/ecs-resources.js';
import type { Repository } from '../model/repository.js';
import { getValue, isSeq } from '../parse/node.js';

/**
 * The reasons, in words, that forbid the legacy service role on this service; empty when the Role is
 * allowed there. The same conditions service-role-with-awsvpc reports on.
 */
export function serviceRoleRejections(repo: Repository, service: EcsService): string[] {
  const task = service.taskDefinitionLogicalId
    ? repo.taskDefinitions.find((t) => t.template === service.template && t.resource?.logicalId === service.taskDefinitionLogicalId)
    : undefined;
  const reasons: string[] = [];
  if (task?.networkMode === 'awsvpc') reasons.push(`its task definition ${task.label} uses the awsvpc network mode`);
  if (service.launchType === 'FARGATE' || service.capacityProviders.some((p) => p.startsWith('FARGATE'))) reasons.push('it runs on Fargate');
  if (service.hasServiceRegistries) reasons.push('it uses service registries');
  if (service.deploymentControllerType === 'EXTERNAL') reasons.push('it uses an external deployment controller');
  if (service.loadBalancers.length > 1) reasons.push('it has several load balancers');
  // An absent or empty list is no load balancer; a list built with Fn::If or a parameter cannot be counted.
  const loadBalancersNode = getValue(service.properties, 'LoadBalancers');
  if (loadBalancersNode === undefined || (isSeq(loadBalancersNode) && loadBalancersNode.items.length === 0)) reasons.push('it has no load balancer');
  return reasons;
}
