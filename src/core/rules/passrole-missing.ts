/** passrole-missing: a role, user, group or policy that deploys ECS task definitions must allow iam:PassRole on their task and execution roles (R39). */
import { addMapEntry, appendToSequence, convertScalarToSequence } from '../fix/document-edits.js';
import type { FixValue } from '../fix/fix-value.js';
import type { Fix } from '../finding.js';
import { evaluateTrust } from '../iam/evaluate.js';
import type { PolicyDocument, PolicyStatement } from '../iam/policy.js';
import type { IamRole } from '../model/iam-model.js';
import { buildIdentityPrincipals, type IdentityPrincipal } from '../model/identity-principals.js';
import { knownRoles, type Repository } from '../model/repository.js';
import type { TaskDefinition } from '../model/task-definition.js';
import { findCodeDeployEcsGroups, findEventsEcsTargets } from '../model/service-role-uses.js';
import { resourcesOfType } from '../model/template.js';
import { getEntry, getValue, isSeq, type DocNode } from '../parse/node.js';
import { deploymentActionsOf } from './ecs-deployment-actions.js';
import { combineEdits, editableDocument } from './fix-builders.js';
import { ecsTasksPrincipal, evaluatePassRole } from './passed-roles.js';
import { appendStatementEdits, editablePolicyDocument, isEditableStatement } from './policy-statement-edits.js';
import type { GrantState } from './role-grants.js';
import type { Rule } from './rule.js';
import { passRoleStatement, roleArnValue } from './statement-fixes.js';

/**
 * Services whose roles call ECS on their own terms: EventBridge targets and CodeDeploy deployment groups
 * have their own rules (events-target-role, codedeploy-role), and Application Auto Scaling only changes
 * a service's desired count, which passes no role.
 */
const servicesWithOwnRules = ['events.amazonaws.com', 'codedeploy.amazonaws.com', 'application-autoscaling.amazonaws.com', 'ecs.application-autoscaling.amazonaws.com'];

export const passroleMissing: Rule = {
  meta: {
    id: 'passrole-missing',
    defaultSeverity: 'error',
    description:
      'A role, user, group or policy that lets a deployer register, run or update ECS task definitions or services must allow iam:PassRole (to ecs-tasks.amazonaws.com) on the task and execution roles the repository deploys.',
    requirements: ['R39', 'R40'],
    fixable: true,
  },
  check({ repo, config, report }) {
    const notDeployers = rolesThatAreNotDeployers(repo);
    for (const principal of buildIdentityPrincipals(repo)) {
      if (principal.role && notDeployers.has(principal.role)) continue;
      const deployStatements: PolicyStatement[] = [];
      const actions = new Set<string>();
      for (const document of principal.documents) {
        for (const statement of document.statements) {
          const granted = deploymentActionsOf(statement);
          if (granted.length === 0) continue;
          deployStatements.push(statement);
          for (const action of granted) actions.add(action);
        }
      }
      if (deployStatements.length === 0) continue;

      const tasks = taskDefinitionsNear(repo, principal.path);
      const deployed = deployedRoles(repo, tasks).filter(({ role }) => role !== principal.role);
      if (deployed.length === 0) continue;
      const holder = principal.role ?? asPolicyHolder(principal);
      const grants = deployed.map((target) => ({ ...target, state: evaluatePassRole(holder, target.role.arn, target.role.template, ecsTasksPrincipal, config) as GrantState }));
      const definite = grants.filter((grant) => grant.state === 'no');
      const uncertain = grants.filter((grant) => grant.state === 'maybe');
      if (definite.length + uncertain.length === 0) continue;
      // A policy attached only to principals outside the repository: they may have iam:PassRole from elsewhere.
      // UpdateService alone registers nothing: it needs the pass only when it moves a service to a new revision.
      const updateOnly = actions.size === 1 && actions.has('ecs:UpdateService');
      const certain = definite.length > 0 && principal.attachment !== 'external' && !updateOnly;
      const missing = [...definite, ...uncertain];

      const anchor = anchorOf(principal, deployStatements);
      const missingTasks = [...new Set(missing.flatMap((grant) => grant.tasks))];
      const reason = certain
        ? ''
        : principal.attachment === 'external'
          ? ', unless the principals it is attached to outside the repository allow it'
          : updateOnly && definite.length
            ? ''
            : principal.unknownPolicyArns.length
              ? `, unless ${principal.unknownPolicyArns.join(', ')} (not in the repository) allows it`
              : ', depending on values the template leaves unresolved';
      const consequence = updateOnly
        ? 'so moving a service to a new revision of those task definitions can fail'
        : `so ECS ${certain ? 'refuses' : 'would refuse'} to register or run those task definitions`;
      report({
        path: anchor.path,
        node: anchor.node,
        severity: certain ? 'error' : 'warning',
        message:
          `${describePrincipal(principal)} can call ${[...actions].join(', ')} but ${certain ? 'does not allow' : 'may not allow'} iam:PassRole to ${ecsTasksPrincipal} on ` +
          `${listOf(missing.map(describeDeployedRole))}${reason}, ${consequence} ("is not authorized to perform: iam:PassRole").`,
        messageId: `missing:${principal.id}`,
        fixes: fixesOf(buildPassRoleFix(repo, principal, deployStatements, missing.map((grant) => grant.role))),
        relatedPaths: [principal.path, ...missingTasks.map((task) => task.path), ...missing.map((grant) => grant.role.path)],
      });
    }
  },
};

/** Task, execution and instance roles, and roles trusted by services that have their own rules. */
function rolesThatAreNotDeployers(repo: Repository): Set<IamRole> {
  const roles = new Set<IamRole>();
  for (const task of repo.taskDefinitions) {
    for (const role of [...knownRoles(repo.executionRole(task)), ...knownRoles(repo.taskRole(task))]) roles.add(role);
  }
  for (const capacity of repo.capacity) for (const role of repo.instanceRolesOf(capacity)) roles.add(role);
  for (const role of repo.roles) {
    if (role.trust && servicesWithOwnRules.some((service) => evaluateTrust(role.trust!, { service }).trusts === 'yes')) roles.add(role);
  }
  for (const template of repo.templates) {
    // A scalable target's role only changes the desired count, whatever its trust policy says.
    for (const target of resourcesOfType(template, 'AWS::ApplicationAutoScaling::ScalableTarget')) {
      for (const role of knownRoles(repo.bindRole({ template }, getValue(target.properties, 'RoleARN')))) roles.add(role);
    }
    // Roles given to EventBridge targets and CodeDeploy groups, even with a wrong trust policy (their rules say so).
    for (const target of findEventsEcsTargets(template)) for (const role of knownRoles(repo.bindRole({ template }, target.roleNode))) roles.add(role);
    for (const group of findCodeDeployEcsGroups(template)) for (const role of knownRoles(repo.bindRole({ template }, group.roleNode))) roles.add(role);
  }
  return roles;
}

/**
 * The task definitions a deployer deploys: those in its own file, else those under its directory,
 * else under each parent directory in turn. A deploy role is written next to what it deploys; looking
 * outward keeps a repository that holds several projects from asking one project's role to pass
 * another's roles.
 */
export function taskDefinitionsNear(repo: Repository, path: string): TaskDefinition[] {
  const same = repo.taskDefinitions.filter((task) => task.path === path);
  if (same.length) return same;
  let dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  for (;;) {
    const inside = repo.taskDefinitions.filter((task) => dir === '' || task.path.startsWith(`${dir}/`));
    if (inside.length || dir === '') return inside;
    dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  }
}

interface DeployedRole {
  role: IamRole;
  /** The task definitions that use it, and as what. */
  tasks: TaskDefinition[];
  uses: Set<'execution role' | 'task role'>;
}

/** The known task and execution roles of the task definitions, each with the task definitions that use it. */
function deployedRoles(repo: Repository, tasks: TaskDefinition[]): DeployedRole[] {
  const byRole = new Map<IamRole, DeployedRole>();
  const add = (role: IamRole, task: TaskDefinition, use: 'execution role' | 'task role') => {
    const entry = byRole.get(role) ?? { role, tasks: [], uses: new Set() };
    if (!entry.tasks.includes(task)) entry.tasks.push(task);
    entry.uses.add(use);
    byRole.set(role, entry);
  };
  for (const task of tasks) {
    for (const role of knownRoles(repo.executionRole(task))) add(role, task, 'execution role');
    for (const role of knownRoles(repo.taskRole(task))) add(role, task, 'task role');
  }
  return [...byRole.values()];
}

/** `ExecutionRole (execution role of task definition app)`. */
function describeDeployedRole(deployed: DeployedRole): string {
  const names = deployed.tasks.map((task) => task.label);
  const tasks = names.length > 2 ? `${names.slice(0, 2).join(', ')} and ${names.length - 2} more` : names.join(', ');
  return `${deployed.role.label} (${[...deployed.uses].join(' and ')} of task definition${names.length > 1 ? 's' : ''} ${tasks})`;
}

/** The IamRole shape the PassRole evaluation reads, for a user, group or policy. */
function asPolicyHolder(principal: IdentityPrincipal): IamRole {
  return {
    id: principal.id,
    label: principal.label,
    origin: 'template',
    path: principal.path,
    template: principal.template,
    resource: principal.resource,
    roleName: principal.label,
    arn: '',
    inlinePolicies: principal.documents,
    attachedPolicies: [],
    managedPolicies: principal.unknownPolicyArns.map((arn) => ({ arn })),
    boundary: principal.boundary,
    assumeCompliant: false,
  };
}

export function describePrincipal(principal: IdentityPrincipal): string {
  switch (principal.kind) {
    case 'role':
      return `Role ${principal.label}`;
    case 'user':
      return `IAM user ${principal.label}`;
    case 'group':
      return `IAM group ${principal.label}`;
    case 'policy':
      return `${principal.resource.type === 'AWS::IAM::ManagedPolicy' ? 'Managed policy' : 'Policy'} ${principal.label}`;
  }
}

function listOf(items: string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 4) return unique.join(', ');
  return `${unique.slice(0, 4).join(', ')} and ${unique.length - 4} more`;
}

/** The statement that grants the deployment, written in the principal's own file when one is. */
function anchorOf(principal: IdentityPrincipal, statements: PolicyStatement[]): { path: string; node: DocNode } {
  const written = statements.filter((statement) => statement.origin);
  const own = written.find((statement) => statement.origin!.path === principal.path) ?? written[0];
  if (own) return { path: own.origin!.path, node: own.origin!.node };
  // Only an AWS managed policy grants it: point at where the principal attaches managed policies.
  const managed = getEntry(principal.resource.properties, 'ManagedPolicyArns');
  return { path: principal.path, node: managed?.keyNode ?? principal.resource.properties ?? principal.resource.node };
}

function fixesOf(fix: Fix | undefined): Fix[] {
  return fix ? [fix] : [];
}

/**
 * Grants iam:PassRole on exactly the missing roles, only towards ecs-tasks.amazonaws.com: extends a
 * PassRole statement of that shape when the principal has one, else adds the statement next to the
 * deployment statement, else to the principal's first inline policy, else as a new inline policy.
 */
function buildPassRoleFix(repo: Repository, principal: IdentityPrincipal, deployStatements: PolicyStatement[], roles: IamRole[]): Fix | undefined {
  const values = roles.map((role) => roleArnValue(role, principal.template));
  const title = `Allow ${principal.label} to pass ${listOf(roles.map((role) => role.label))} to ${ecsTasksPrincipal}`;

  for (const document of principal.documents) {
    for (const statement of document.statements) {
      const doc = isEditableStatement(repo, statement);
      if (!doc || statement.origin!.path !== principal.path || !isEcsPassRoleStatement(statement)) continue;
      const resource = getValue(statement.origin!.node, 'Resource');
      if (isSeq(resource)) return { title, edits: combineEdits(values.flatMap((value) => appendToSequence(doc, resource, value))) };
      if (resource) return { title, edits: convertScalarToSequence(doc, resource, values) };
    }
  }

  const statement = passRoleStatement(values, ecsTasksPrincipal);
  // Next to the deployment statement (its AWS::IAM::Policy may live in another file), else in any
  // document written with the principal.
  const candidates: PolicyDocument[] = [];
  for (const deploy of deployStatements) {
    const document = principal.documents.find((d) => d.statements.includes(deploy));
    if (document) candidates.push(document);
  }
  candidates.push(...principal.documents.filter((document) => document.origin?.path === principal.path));
  for (const document of candidates) {
    const editable = editablePolicyDocument(repo, document);
    const edits = editable && appendStatementEdits(editable.doc, editable.node, statement);
    if (edits) return { title, edits };
  }
  return buildNewInlinePolicyFix(repo, principal, statement, title);
}

/** An Allow of iam:PassRole alone, on named roles, towards ecs-tasks.amazonaws.com: the shape the fix writes. */
function isEcsPassRoleStatement(statement: PolicyStatement): boolean {
  if (statement.effect !== 'Allow' || statement.unresolved || statement.conditional || !statement.action || !statement.resource) return false;
  if (!statement.action.every((action) => action.toLowerCase() === 'iam:passrole')) return false;
  if (statement.resource.some((resource) => resource === '*')) return false;
  return (
    statement.conditions.length > 0 &&
    statement.conditions.every(
      (condition) =>
        condition.key.toLowerCase() === 'iam:passedtoservice' &&
        /^string(equals|like)$/i.test(condition.operator) &&
        condition.values.includes(ecsTasksPrincipal),
    )
  );
}

/** A new inline policy on a role, user or group (policies without any written document get no fix). */
function buildNewInlinePolicyFix(repo: Repository, principal: IdentityPrincipal, statement: FixValue, title: string): Fix | undefined {
  if (principal.kind === 'policy') return undefined;
  const props = principal.resource.properties;
  const doc = editableDocument(repo, principal.path);
  if (!props || !doc) return undefined;
  const policy: FixValue = {
    kind: 'map',
    entries: [
      ['PolicyName', { kind: 'string', value: 'pass-ecs-task-roles' }],
      ['PolicyDocument', { kind: 'map', entries: [['Version', { kind: 'string', value: '2012-10-17' }], ['Statement', { kind: 'list', items: [statement] }]] }],
    ],
  };
  const policies = getValue(props, 'Policies');
  if (isSeq(policies)) return { title, edits: appendToSequence(doc, policies, policy) };
  if (getEntry(props, 'Policies')) return undefined;
  const after = ['ManagedPolicyArns', 'AssumeRolePolicyDocument'].find((key) => getEntry(props, key));
  return { title, edits: addMapEntry(doc, props, 'Policies', { kind: 'list', items: [policy] }, { after }) };
}
