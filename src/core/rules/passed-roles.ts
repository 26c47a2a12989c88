/**
 * The roles a launcher (an EventBridge target, a CodeDeploy deployment) passes to ECS when it starts a
 * task, and whether the launcher's role may pass them (`iam:PassRole` towards ecs-tasks.amazonaws.com).
 */
import type { LintConfig } from '../config.js';
import type { IamRole } from '../model/iam-model.js';
import type { Repository, RoleUse } from '../model/repository.js';
import type { TaskDefinition } from '../model/task-definition.js';
import { evaluateAccess } from '../iam/evaluate.js';
import type { PolicyDocument, PolicyStatement } from '../iam/policy.js';
import { identityPolicies } from '../model/iam-model.js';
import { resourcesOfType, type Template } from '../model/template.js';
import { getValue } from '../parse/node.js';
import type { GrantState } from './role-grants.js';

export const ecsTasksPrincipal = 'ecs-tasks.amazonaws.com';

export interface PassedRole {
  /** The role's ARN as a Sub-style string: what the PassRole grant must cover. */
  arn: string;
  /** The role when the repository defines it. */
  role?: IamRole;
  /** How messages name it. */
  label: string;
  /** Why it is passed ("execution role of task definition app"). */
  why: string;
}

/**
 * The execution and task roles of a task definition, and role overrides, as ARNs. A role given by an
 * unresolved value cannot be named and is left out: nothing can be said about passing it.
 */
export function passedRolesOf(repo: Repository, task: TaskDefinition, overrides: { use: RoleUse | undefined; why: string }[] = []): PassedRole[] {
  const result: PassedRole[] = [];
  const add = (use: RoleUse | undefined, why: string) => {
    for (const option of use?.options ?? []) {
      if (option.kind === 'role') result.push({ arn: option.role.arn, role: option.role, label: option.role.label, why });
      else if (option.kind === 'external') {
        const arn = externalRoleArn(option.text);
        if (arn) result.push({ arn, label: option.text, why });
      }
    }
  };
  add(repo.executionRole(task), `execution role of task definition ${task.label}`);
  add(repo.taskRole(task), `task role of task definition ${task.label}`);
  for (const override of overrides) add(override.use, override.why);
  const seen = new Set<string>();
  return result.filter((passed) => !seen.has(passed.arn) && seen.add(passed.arn));
}

/** A role ARN, or a bare role name turned into the ARN in the stack's account; undefined when unresolved. */
function externalRoleArn(text: string): string | undefined {
  if (/^arn:[^:]+:iam::[^:]*:role\//.test(text)) return text;
  if (/^[\w+=,.@-]+$/.test(text)) return `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/${text}`;
  return undefined;
}

export interface PassRoleGrant {
  passed: PassedRole;
  state: GrantState;
}

/** Whether `role` may pass each role to ECS tasks. */
export function checkPassRoles(role: IamRole, passed: readonly PassedRole[], config: Pick<LintConfig, 'account' | 'region'>): PassRoleGrant[] {
  return passed.map((target) => ({ passed: target, state: evaluatePassRole(role, target.arn, target.role?.template, ecsTasksPrincipal, config) }));
}

/**
 * Whether `role` may call iam:PassRole on `targetArn` towards `service`, with `iam:PassedToService` in
 * the request context as the receiving service sends it.
 *
 * A role without RoleName gets a name CloudFormation generates (`Stack-TaskRole-1A2B3C`), which the
 * model writes as a `${TaskRole}` token that a wildcard such as `role/ecsTaskExecutionRole*` can only
 * "maybe" match. When the token form is not certainly granted, the question is asked again with such
 * names spelled out the way CloudFormation builds them, so that a name pattern or a grant on another
 * role gives a definite answer.
 */
export function evaluatePassRole(
  role: IamRole,
  targetArn: string,
  targetTemplate: Template | undefined,
  service: string,
  config: Pick<LintConfig, 'account' | 'region'>,
): GrantState {
  if (role.assumeCompliant) return 'yes';
  const { documents, unknownPolicyArns } = identityPolicies(role);
  const boundary = role.boundary ? (role.boundary.document ? [role.boundary.document] : ('unknown' as const)) : undefined;
  const context = { 'iam:passedtoservice': [service] };
  // As in checkRoleGrants: templates mix `arn:aws:` and `${AWS::Partition}`; compare in the commercial partition unless told.
  const options = { account: config.account, region: config.region, partition: config.region ? undefined : 'aws' };
  const direct = evaluateAccess(documents, { action: 'iam:PassRole', resource: targetArn, context }, { ...options, boundary });
  let state: GrantState = direct.allowed;
  let denied = direct.denyingStatement !== undefined;
  if (state !== 'yes') {
    const policyNames = generatedNames(role.template);
    const spelled = (docs: PolicyDocument[]) => docs.map((doc) => spellOutDocument(doc, policyNames));
    const concrete = evaluateAccess(
      spelled(documents),
      { action: 'iam:PassRole', resource: spellOut(targetArn, generatedNames(targetTemplate)), context },
      { ...options, boundary: Array.isArray(boundary) ? spelled(boundary) : boundary },
    );
    state = concrete.allowed;
    denied = concrete.denyingStatement !== undefined;
  }
  if (state === 'no' && unknownPolicyArns.length && !denied) state = 'maybe';
  return state;
}

const generatedNamesCache = new WeakMap<Template, Map<string, string>>();
let generatedNamesStacks = 0;

/** `${LogicalId}` -> a name of the shape CloudFormation generates, for the template's roles without RoleName. */
function generatedNames(template: Template | undefined): Map<string, string> {
  if (!template) return new Map();
  let names = generatedNamesCache.get(template);
  if (names) return names;
  names = new Map();
  // Each template is its own stack: the same logical id in two templates is two different names.
  const stack = `stack${++generatedNamesStacks}`;
  for (const resource of resourcesOfType(template, 'AWS::IAM::Role')) {
    if (getValue(resource.properties, 'RoleName') === undefined) names.set(`\${${resource.logicalId}}`, `${stack}-${resource.logicalId}-GENERATED`);
  }
  generatedNamesCache.set(template, names);
  return names;
}

function spellOut(text: string, names: Map<string, string>): string {
  if (names.size === 0 || !text.includes('${')) return text;
  return text.replace(/\$\{[^}]+\}/g, (token) => names.get(token) ?? token);
}

function spellOutDocument(document: PolicyDocument, names: Map<string, string>): PolicyDocument {
  if (names.size === 0) return document;
  const list = (values: string[] | undefined) => values?.map((value) => spellOut(value, names));
  const statements: PolicyStatement[] = document.statements.map((statement) => ({
    ...statement,
    resource: list(statement.resource),
    notResource: list(statement.notResource),
  }));
  return { ...document, statements };
}
