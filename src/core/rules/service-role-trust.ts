/** service-role-trust: a legacy service role given to AWS::ECS::Service.Role must trust ecs.amazonaws.com (R37). */
import type { IamRole } from '../model/iam-model.js';
import { externalRoleTexts, knownRoles } from '../model/repository.js';
import { getValue, type MapNode } from '../parse/node.js';
import type { Rule } from './rule.js';
import { serviceRoleRejections } from './service-role-rejections.js';
import { ecsServicePrincipal, isUntrusted, untrustedServiceReport } from './service-trust.js';

/** What ECS answers CreateService with (hashicorp/terraform#5442, metaps/genova#9): the text differs for classic load balancers. */
function rejectionOf(loadBalancers: MapNode[]): string {
  const classic = loadBalancers.some((lb) => getValue(lb, 'LoadBalancerName') !== undefined && getValue(lb, 'TargetGroupArn') === undefined);
  return classic
    ? 'ECS rejects the service with "Unable to assume role and validate the listeners configured on your load balancer. Please verify the role being passed has the proper permissions."'
    : 'ECS rejects the service with "Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions."';
}

export const serviceRoleTrust: Rule = {
  meta: {
    id: 'service-role-trust',
    defaultSeverity: 'error',
    description: 'A legacy service role given to AWS::ECS::Service.Role must trust ecs.amazonaws.com.',
    requirements: ['R37'],
    fixable: true,
  },
  check({ repo, report, noteUnverifiable }) {
    const reported = new Set<IamRole>();
    for (const service of repo.services) {
      if (!service.roleNode) continue;
      // Where ECS refuses the property outright, service-role-with-awsvpc says to remove it; its trust no longer matters.
      if (serviceRoleRejections(repo, service).length) continue;
      const use = repo.bindRole({ template: service.template }, service.roleNode);
      const at = { path: service.template.path, node: service.roleNode };
      for (const text of externalRoleTexts(use)) noteUnverifiable(text, at, 'the legacy service role trust');
      for (const role of knownRoles(use)) {
        if (reported.has(role) || !isUntrusted(role, ecsServicePrincipal)) continue;
        reported.add(role);
        const finding = untrustedServiceReport(
          repo,
          role,
          ecsServicePrincipal,
          `the service role (Role) of ECS service ${service.resource.logicalId}`,
          rejectionOf(service.loadBalancers),
          service.template.path,
        );
        if (finding) report(finding);
      }
    }
  },
};
