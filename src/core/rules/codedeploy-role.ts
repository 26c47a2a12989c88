/** codedeploy-role: a CodeDeploy ECS deployment group needs a service role trusted by codedeploy.amazonaws.com that can pass the task's roles (R48). */
import type { Fix } from '../finding.js';
import { codeDeployRolePolicyName } from '../iam/managed-policies.js';
import type { EcsService } from '../model/ecs-resources.js';
import type { IamRole } from '../model/iam-model.js';
import { externalRoleTexts, isRoleAbsent, knownRoles, type Repository } from '../model/repository.js';
import { resolveNode, resolvedToStrings, type Resolved, type ResolveScope } from '../model/resolve.js';
import { findCodeDeployEcsGroups, type CodeDeployEcsGroup } from '../model/service-role-uses.js';
import type { TaskDefinition } from '../model/task-definition.js';
import { getValue } from '../parse/node.js';
import { buildAttachManagedPolicyFix, newRoleBody, toFixValue } from './fix-builders.js';
import { checkPassRoles, ecsTasksPrincipal, passedRolesOf, type PassRoleGrant } from './passed-roles.js';
import { joinList } from './role-not-verifiable.js';
import { checkRoleGrants, missingGrants } from './role-grants.js';
import type { Rule, RuleContext } from './rule.js';
import { codeDeployServicePrincipal, isUntrusted, untrustedServiceReport } from './service-trust.js';
import { buildNewRoleFix, passRoleStatement, roleArnValue } from './statement-fixes.js';
import { buildAddStatementsFix } from './fix-builders.js';

const limitedPolicyName = 'AWSCodeDeployRoleForECSLimited';

/** What CodeDeploy does with the role in an ECS blue/green deployment, with the resource each call names. */
const deploymentActions: [string, string][] = [
  ['ecs:DescribeServices', 'arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:service/${Cluster}/${Service}'],
  ['ecs:CreateTaskSet', 'arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:service/${Cluster}/${Service}'],
  ['ecs:UpdateServicePrimaryTaskSet', 'arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task-set/${Cluster}/${Service}/${TaskSet}'],
  ['ecs:DeleteTaskSet', 'arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task-set/${Cluster}/${Service}/${TaskSet}'],
];

export const codedeployRole: Rule = {
  meta: {
    id: 'codedeploy-role',
    defaultSeverity: 'error',
    description:
      "A CodeDeploy ECS deployment group needs a service role trusted by codedeploy.amazonaws.com that may manage task sets and pass the task's execution and task roles.",
    requirements: ['R48'],
    fixable: true,
  },
  check(context) {
    const { repo } = context;
    const checkedRoles = new Set<IamRole>();
    // One finding per root cause: a role that cannot pass a task role is reported at the first group that needs it.
    const reportedPasses = new Set<string>();
    for (const template of repo.templates) {
      const scope: ResolveScope = { template };
      for (const group of findCodeDeployEcsGroups(template)) {
        const tasks = servicesOf(repo, scope, group).flatMap((service) => taskOf(repo, service) ?? []);
        const use = repo.bindRole(scope, group.roleNode);
        const name = `CodeDeploy deployment group ${group.group.logicalId}`;
        if (isRoleAbsent(use)) {
          context.report({
            path: template.path,
            node: group.anchor,
            message: `${name} deploys ECS services but has no ServiceRoleArn; CodeDeploy needs a role trusted by codedeploy.amazonaws.com with ${codeDeployRolePolicyName} to shift traffic between task sets.`,
            messageId: `missing-role:${group.group.logicalId}`,
            fixes: fixesOf(buildServiceRoleFix(repo, group)),
          });
          continue;
        }
        for (const text of externalRoleTexts(use)) context.noteUnverifiable(text, { path: template.path, node: group.roleNode! }, 'the CodeDeploy service role');
        for (const role of knownRoles(use)) {
          // Each role is judged once for itself; what it must pass depends on the group.
          if (!checkedRoles.has(role)) {
            checkedRoles.add(role);
            checkRoleItself(context, group, role, name);
          }
          const passed = tasks.flatMap((task) => passedRolesOf(repo, task));
          const grants = checkPassRoles(role, passed, context.config).filter((grant) => {
            const key = `${role.id}\u0000${grant.passed.arn}`;
            if (reportedPasses.has(key)) return false;
            reportedPasses.add(key);
            return true;
          });
          reportPassRoleGaps(context, group, role, name, grants);
        }
      }
    }
  },
};

function fixesOf(fix: Fix | undefined): Fix[] {
  return fix ? [fix] : [];
}

/** The services a deployment group names: `!GetAtt Service.Name`, a service's literal ServiceName, else the template's only CODE_DEPLOY service. */
function servicesOf(repo: Repository, scope: ResolveScope, group: CodeDeployEcsGroup): EcsService[] {
  const found = new Set<EcsService>();
  for (const value of group.services) {
    const options: Resolved[] = value.kind === 'choice' ? value.options : [value];
    for (const option of options) {
      if (option.kind === 'ref') {
        const owner = option.template ?? scope.template;
        const service = repo.services.find((s) => s.template === owner && s.resource.logicalId === option.logicalId);
        if (service) found.add(service);
      } else if (option.kind === 'string' && !option.text.includes('${')) {
        for (const service of repo.services) {
          const names = resolvedToStrings({ template: service.template }, resolveNode({ template: service.template }, getValue(service.properties, 'ServiceName')));
          if (names.includes(option.text)) found.add(service);
        }
      }
    }
  }
  if (found.size === 0) {
    const codeDeployServices = repo.services.filter((s) => s.template === group.template && s.deploymentControllerType === 'CODE_DEPLOY');
    if (codeDeployServices.length === 1) found.add(codeDeployServices[0]);
  }
  return [...found];
}

function taskOf(repo: Repository, service: EcsService): TaskDefinition | undefined {
  if (!service.taskDefinitionLogicalId) return undefined;
  return repo.taskDefinitions.find((t) => t.template === service.template && t.resource?.logicalId === service.taskDefinitionLogicalId);
}

/** Trust and the task-set actions: findings about the role whatever it deploys. */
function checkRoleItself(context: RuleContext, group: CodeDeployEcsGroup, role: IamRole, name: string): void {
  const { repo, config } = context;
  if (isUntrusted(role, codeDeployServicePrincipal)) {
    const finding = untrustedServiceReport(
      repo,
      role,
      codeDeployServicePrincipal,
      `the service role of ${name}`,
      'CodeDeploy refuses it ("Cannot assume role provided", InvalidRoleException).',
      group.template.path,
    );
    if (finding) context.report(finding);
  }
  const grants = deploymentActions.flatMap(([action, resource]) => checkRoleGrants(role, [action], [resource], config));
  const { definite, uncertain } = missingGrants(grants);
  if (definite.length === 0 && uncertain.length === 0) return;
  const fix = buildAttachManagedPolicyFix(repo, role, codeDeployRolePolicyName, `Attach ${codeDeployRolePolicyName} to ${role.label}`);
  context.report({
    path: group.template.path,
    node: group.roleNode!,
    severity: definite.length ? 'error' : 'warning',
    message: `Service role ${role.label} of ${name} ${definite.length ? 'does not allow' : 'may not allow'} ${[...definite, ...uncertain].join(', ')}; the blue/green deployment fails when CodeDeploy creates or switches task sets (IAM_ROLE_PERMISSIONS). Attach ${codeDeployRolePolicyName} or ${limitedPolicyName}.`,
    messageId: `missing-actions:${role.id}`,
    fixes: fixesOf(fix),
    relatedPaths: [role.path],
  });
}

function reportPassRoleGaps(context: RuleContext, group: CodeDeployEcsGroup, role: IamRole, name: string, grants: PassRoleGrant[]): void {
  const gaps = grants.filter((grant) => grant.state !== 'yes');
  if (gaps.length === 0) return;
  const definite = gaps.filter((gap) => gap.state === 'no');
  const limited = role.managedPolicies.some((policy) => policy.arn.endsWith(`/${limitedPolicyName}`));
  // Under the Limited policy a definite gap is only the name pattern not matching: R48 makes that a warning.
  const severity = definite.length && !limited ? 'error' : 'warning';
  const roles = joinList(gaps.map((gap) => `${gap.passed.label} (${gap.passed.why})`));
  const reason = limited && definite.length
    ? `; ${limitedPolicyName} lets it pass only roles named ecsTaskExecutionRole or ECSTaskExecution*`
    : '';
  const fix = buildAddStatementsFix(
    context.repo,
    role,
    [passRoleStatement(gaps.map((gap) => (gap.passed.role ? roleArnValue(gap.passed.role, role.template) : toFixValue(gap.passed.arn, role.template))), ecsTasksPrincipal)],
    'pass-task-roles',
    `Allow ${role.label} to pass the task's roles`,
  );
  context.report({
    path: group.template.path,
    node: group.roleNode!,
    severity,
    message: `Service role ${role.label} of ${name} ${definite.length ? 'does not allow' : 'may not allow'} iam:PassRole on ${roles}${reason}; CodeDeploy cannot create the replacement task set and the deployment fails.`,
    messageId: `missing-passrole:${role.id}:${group.group.logicalId}`,
    fixes: fixesOf(fix),
    relatedPaths: [role.path],
  });
}

/** A new service role with AWSCodeDeployRoleForECS, which covers the task-set calls and passing any role to ECS tasks. */
function buildServiceRoleFix(repo: Repository, group: CodeDeployEcsGroup): Fix | undefined {
  return buildNewRoleFix(
    repo,
    {
      template: group.template,
      map: group.properties,
      key: 'ServiceRoleArn',
      after: ['DeploymentGroupName', 'ApplicationName'].find((key) => getValue(group.properties, key) !== undefined),
      logicalId: `${group.group.logicalId}ServiceRole`,
      body: newRoleBody(codeDeployServicePrincipal, [codeDeployRolePolicyName], [], 'codedeploy'),
      placeAfter: group.group.logicalId,
    },
    (logicalId) => `Add CodeDeploy service role ${logicalId} with ${codeDeployRolePolicyName}`,
  );
}
