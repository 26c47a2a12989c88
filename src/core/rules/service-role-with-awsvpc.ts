/** service-role-with-awsvpc: AWS::ECS::Service.Role is set where ECS requires its service-linked role (R36). */
import { getEntry } from '../parse/node.js';
import type { Rule } from './rule.js';

export const serviceRoleWithAwsvpc: Rule = {
  meta: {
    id: 'service-role-with-awsvpc',
    defaultSeverity: 'error',
    description:
      'AWS::ECS::Service.Role may only be set with a load balancer and a non-awsvpc task definition; with awsvpc, Fargate, service registries, an external deployment controller, several load balancers or no load balancer ECS rejects it.',
    requirements: ['R36'],
    fixable: true,
  },
  check({ repo, report }) {
    for (const service of repo.services) {
      if (!service.roleNode) continue;
      const task = service.taskDefinitionLogicalId
        ? repo.taskDefinitions.find((t) => t.template === service.template && t.resource?.logicalId === service.taskDefinitionLogicalId)
        : undefined;
      const reasons: string[] = [];
      if (task?.networkMode === 'awsvpc') reasons.push(`its task definition ${task.label} uses the awsvpc network mode`);
      if (service.launchType === 'FARGATE' || service.capacityProviders.some((p) => p.startsWith('FARGATE'))) reasons.push('it runs on Fargate');
      if (service.hasServiceRegistries) reasons.push('it uses service registries');
      if (service.deploymentControllerType === 'EXTERNAL') reasons.push('it uses an external deployment controller');
      if (service.loadBalancers.length > 1) reasons.push('it has several load balancers');
      if (service.loadBalancers.length === 0 && !getEntry(service.properties, 'LoadBalancers')) reasons.push('it has no load balancer');
      if (reasons.length === 0) continue;
      report({
        path: service.template.path,
        node: service.roleNode,
        message: `Service ${service.resource.logicalId} sets Role although ${reasons.join(' and ')}; ECS rejects it with "You cannot specify an IAM role for services that require a service linked role." Remove the property.`,
        messageId: `service-role:${service.resource.logicalId}`,
      });
    }
  },
};
