/**
 * Trust checks for roles that an AWS service assumes by itself (EventBridge, CodeDeploy, ECS): whether
 * the trust names the service, and a fix that adds it without removing a principal another use of the
 * same role still needs.
 */
import { convertScalarToSequence } from '../fix/document-edits.js';
import type { Fix } from '../finding.js';
import { evaluateTrust } from '../iam/evaluate.js';
import type { IamRole } from '../model/iam-model.js';
import { knownRoles, type Repository } from '../model/repository.js';
import { findCodeDeployEcsGroups, findEventsEcsTargets, findInfrastructureRoleUses } from '../model/service-role-uses.js';
import { instanceProfileRoles } from '../model/ecs-resources.js';
import { resourcesOfType } from '../model/template.js';
import { getValue, isScalar, isSeq } from '../parse/node.js';
import { buildTrustServiceFix, editableDocument } from './fix-builders.js';
import type { Report } from './rule.js';

export const ecsServicePrincipal = 'ecs.amazonaws.com';
export const eventsServicePrincipal = 'events.amazonaws.com';
export const codeDeployServicePrincipal = 'codedeploy.amazonaws.com';

const requiredTrustCache = new WeakMap<Repository, Map<IamRole, Set<string>>>();

/**
 * The service principals each role must trust for the uses the repository gives it: ecs-tasks for task
 * and execution roles, ec2 for instance-profile roles, events, codedeploy and ecs for the roles those
 * services assume.
 */
export function requiredTrustOf(repo: Repository, role: IamRole): Set<string> {
  let map = requiredTrustCache.get(repo);
  if (!map) {
    map = buildRequiredTrust(repo);
    requiredTrustCache.set(repo, map);
  }
  return map.get(role) ?? new Set();
}

function buildRequiredTrust(repo: Repository): Map<IamRole, Set<string>> {
  const map = new Map<IamRole, Set<string>>();
  const need = (roles: IamRole[], service: string) => {
    for (const role of roles) {
      const set = map.get(role) ?? new Set<string>();
      set.add(service);
      map.set(role, set);
    }
  };
  for (const task of repo.taskDefinitions) {
    need(knownRoles(repo.executionRole(task)), 'ecs-tasks.amazonaws.com');
    need(knownRoles(repo.taskRole(task)), 'ecs-tasks.amazonaws.com');
  }
  for (const template of repo.templates) {
    for (const profile of resourcesOfType(template, 'AWS::IAM::InstanceProfile')) {
      const { roleLogicalIds, roleNames } = instanceProfileRoles(template, profile.logicalId);
      const roles = roleLogicalIds.flatMap((id) => repo.roleByLogicalId(template, id) ?? []);
      for (const name of roleNames) roles.push(...repo.findRolesByName(name));
      need(roles, 'ec2.amazonaws.com');
    }
    const scope = { template };
    for (const target of findEventsEcsTargets(template)) need(knownRoles(repo.bindRole(scope, target.roleNode)), eventsServicePrincipal);
    for (const group of findCodeDeployEcsGroups(template)) need(knownRoles(repo.bindRole(scope, group.roleNode)), codeDeployServicePrincipal);
    for (const use of findInfrastructureRoleUses(template)) need(knownRoles(repo.bindRole(scope, use.roleNode)), ecsServicePrincipal);
  }
  for (const service of repo.services) need(knownRoles(repo.bindRole({ template: service.template }, service.roleNode)), ecsServicePrincipal);
  return map;
}

/** True when the trust policy certainly does not let the service assume the role; a role without a visible trust is not judged. */
export function isUntrusted(role: IamRole, service: string): boolean {
  if (!role.trust || role.assumeCompliant) return false;
  return evaluateTrust(role.trust, { service }).trusts === 'no';
}

/**
 * Makes the role trust `service`. A single principal that another use of the role still needs becomes
 * a list with the new one; otherwise the wave-1 trust fix replaces or extends the principal.
 */
export function buildServiceTrustFix(repo: Repository, role: IamRole, service: string): Fix | undefined {
  const title = `Trust ${service} in ${role.label}`;
  const needed = requiredTrustOf(repo, role);
  const doc = role.origin === 'template' ? editableDocument(repo, role.path) : undefined;
  if (doc && role.trust) {
    for (const statement of role.trust.statements) {
      const node = statement.origin?.node;
      if (!node || statement.effect !== 'Allow' || (doc.syntax === 'yaml' && node.style === 'json')) continue;
      const serviceNode = getValue(getValue(node, 'Principal'), 'Service');
      if (serviceNode === undefined || isSeq(serviceNode)) break;
      const current = statement.principal?.service ?? [];
      if (isScalar(serviceNode) && current.some((principal) => principal !== service && needed.has(principal))) {
        return { title, edits: convertScalarToSequence(doc, serviceNode, [{ kind: 'string', value: service }]) };
      }
      break;
    }
  }
  return buildTrustServiceFix(repo, role, service, title, () => false);
}

/** The services a trust policy names, for messages. */
export function trustedServicesOf(role: IamRole): string[] {
  return [...new Set(role.trust?.statements.flatMap((s) => (s.effect === 'Allow' ? s.principal?.service ?? [] : [])) ?? [])];
}

/**
 * The finding for a role whose trust does not name the service: it points at the trust policy, where
 * the fix goes, and names the property (in `usedAt`) that hands the role to the service.
 */
export function untrustedServiceReport(
  repo: Repository,
  role: IamRole,
  service: string,
  what: string,
  consequence: string,
  usedAtPath: string,
): Report | undefined {
  const node = role.trust?.origin?.node;
  if (!node) return undefined;
  const services = trustedServicesOf(role);
  const fix = buildServiceTrustFix(repo, role, service);
  return {
    path: role.path,
    node,
    message: `Role ${role.label} is ${what} but its trust policy does not allow ${service} to assume it${services.length ? ` (it trusts ${services.join(', ')})` : ''}; ${consequence}`,
    messageId: `untrusted:${role.id}:${service}`,
    fixes: fix ? [fix] : [],
    relatedPaths: [usedAtPath],
  };
}
