/** service-role-with-awsvpc: AWS::ECS::Service.Role is set where ECS requires its service-linked role (R36). */
import { getValue, isSeq } from '../parse/node.js';
import { removeMapEntry } from '../fix/document-edits.js';
import { editableDocument } from './fix-builders.js';
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
      // An absent or empty list is no load balancer; a list built with Fn::If or a parameter cannot be counted.
      const loadBalancersNode = getValue(service.properties, 'LoadBalancers');
      if (loadBalancersNode === undefined || (isSeq(loadBalancersNode) && loadBalancersNode.items.length === 0)) reasons.push('it has no load balancer');
      if (reasons.length === 0) continue;
      const removeRoleFix = () => {
        const doc = editableDocument(repo, service.template.path);
        const edits = doc && service.properties ? removeMapEntry(doc, service.properties, 'Role') : [];
        return edits.length ? [{ title: `Remove Role from ${service.resource.logicalId}`, edits }] : [];
      };
      // A Role without any load balancer gets its own error (cloudposse/terraform-aws-ecs-alb-service-task#136); the rest need the service-linked role.
      const rejection =
        reasons.length === 1 && reasons[0] === 'it has no load balancer'
          ? 'ECS rejects it with "IAM roles are only valid for services configured to use load balancers."'
          : 'ECS rejects it with "You cannot specify an IAM role for services that require a service linked role."';
      report({
        path: service.template.path,
        node: service.roleNode,
        message: `Service ${service.resource.logicalId} sets Role although ${reasons.join(' and ')}; ${rejection} Remove the property.`,
        messageId: `service-role:${service.resource.logicalId}`,
        fixes: removeRoleFix(),
      });
    }
  },
};
