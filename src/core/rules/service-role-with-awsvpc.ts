/** service-role-with-awsvpc: AWS::ECS::Service.Role is set where ECS requires its service-linked role (R36). */
import { removeMapEntry } from '../fix/document-edits.js';
import { editableDocument } from './fix-builders.js';
import type { Rule } from './rule.js';
import { serviceRoleRejections } from './service-role-rejections.js';

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
      const reasons = serviceRoleRejections(repo, service);
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
