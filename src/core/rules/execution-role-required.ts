/** execution-role-required: the task definition needs an execution role and has none (R7, R9, R12-R16). */
import { isRoleAbsent } from '../model/repository.js';
import { isFargateLike } from '../model/task-definition.js';
import { joinList } from './role-not-verifiable.js';
import { addMapEntry, insertTopLevelResource, replaceScalarOrNode, type EditableDocument } from '../fix/document-edits.js';
import type { TextEdit } from '../text/text-edit.js';
import type { FixValue } from '../fix/fix-value.js';
import type { Fix } from '../finding.js';
import { evaluateTrust } from '../iam/evaluate.js';
import type { IamRole } from '../model/iam-model.js';
import type { Repository } from '../model/repository.js';
import { knownRoles } from '../model/repository.js';
import type { TaskDefinition } from '../model/task-definition.js';
import { getEntry, getValue, isMap } from '../parse/node.js';
import type { LintConfig } from '../config.js';
import { logGroupGrantArn } from './awslogs-permissions.js';
import { allowStatement, combineEdits, editableDocument, newRoleBody, toFixValue, unusedLogicalId } from './fix-builders.js';
import type { Rule } from './rule.js';
import { s3ReadGrantsOf } from './s3-object-reads.js';
import { secretGrantsOf } from './secrets-permissions.js';
import { alwaysExecutionRoleNeeds, awslogsContainers, privateEcrImages, type ExecutionRoleNeed } from './task-needs.js';

export const executionRoleRequired: Rule = {
  meta: {
    id: 'execution-role-required',
    defaultSeverity: 'error',
    description:
      'A task definition that pulls private ECR images or uses awslogs on Fargate, or uses secrets, repository credentials, environment files or S3 FireLens configuration, must name an execution role.',
    requirements: ['R7', 'R9', 'R12', 'R13', 'R14', 'R15', 'R16'],
    fixable: true,
  },
  check({ repo, config, report }) {
    for (const task of repo.taskDefinitions) {
      if (!isRoleAbsent(repo.executionRole(task))) continue;
      const needs: ExecutionRoleNeed[] = [];
      if (isFargateLike(task)) {
        const launch = task.launchTypes.has('FARGATE') ? 'Fargate' : 'Managed Instances';
        for (const image of privateEcrImages(task)) {
          needs.push({ reason: `${launch} pulls the private ECR image ${image.image} with it`, node: image.node });
        }
        for (const logs of awslogsContainers(task)) {
          needs.push({ reason: `${launch} ships awslogs logs with it`, node: logs.node });
        }
      }
      needs.push(...alwaysExecutionRoleNeeds(task));
      if (needs.length === 0) continue;
      report({
        path: task.path,
        node: needs[0].node,
        message: `Task definition ${task.label} has no execution role, but ${joinList([...new Set(needs.map((n) => n.reason))])}; ECS rejects or fails the task without one.`,
        messageId: 'missing-execution-role',
        fixes: buildExecutionRoleFix(repo, config, task),
      });
    }
  },
};

const executionPolicy = 'AmazonECSTaskExecutionRolePolicy';

const candidatesByRepo = new WeakMap<Repository, IamRole[]>();

/**
 * Roles that already serve as execution roles: trusted by ecs-tasks and carrying the managed policy or
 * used as one. Computed once per repository: every task definition without a role asks.
 */
function findExecutionRoleCandidates(repo: Repository): IamRole[] {
  const cached = candidatesByRepo.get(repo);
  if (cached) return cached;
  // The asking task definition has no execution role, so any use counts as another task's.
  const usedAsExecution = new Set<IamRole>();
  for (const task of repo.taskDefinitions) for (const role of knownRoles(repo.executionRole(task))) usedAsExecution.add(role);
  const candidates = repo.roles.filter(
    (role) =>
      role.origin === 'template' &&
      role.trust !== undefined &&
      (usedAsExecution.has(role) || role.managedPolicies.some((m) => m.arn.endsWith(`/${executionPolicy}`))) &&
      evaluateTrust(role.trust, { service: 'ecs-tasks.amazonaws.com' }).trusts === 'yes',
  );
  candidatesByRepo.set(repo, candidates);
  return candidates;
}

/** A role's IAM path (`/`, `/ecs/`), as its ARN spells it. */
function rolePath(role: IamRole): string {
  const match = /:role(\/.*\/|\/)[^/]*$/.exec(role.arn);
  return match ? match[1] : '/';
}

/**
 * Sets the execution role property: replaces its value when the key is there but empty (`~`,
 * `!Ref AWS::NoValue`, JSON null), else adds the key after `after`.
 */
function setRoleProperty(doc: EditableDocument, task: TaskDefinition, key: string, value: FixValue, after: string | undefined): TextEdit[] {
  const existing = getEntry(task.node, key);
  if (existing) return replaceScalarOrNode(doc, existing.value, value);
  return addMapEntry(doc, task.node, key, value, { after });
}

function buildExecutionRoleFix(repo: Repository, config: LintConfig, task: TaskDefinition): Fix[] {
  const doc = editableDocument(repo, task.path);
  if (!doc) return [];
  const candidates = findExecutionRoleCandidates(repo);
  if (task.source === 'json') {
    // A JSON task definition can only name a role by ARN: one with a literal name, in an account the file shows.
    const account = /\b(\d{12})\b/.exec(doc.source.text)?.[1];
    const named = candidates.filter((r) => !r.roleName.includes('${') && !/\$\{/.test(rolePath(r)));
    // The execution role of a sibling task definition (same folder) is the one the author means; any
    // other choice is only safe when the repository has exactly one.
    const folder = task.path.includes('/') ? task.path.slice(0, task.path.lastIndexOf('/') + 1) : '';
    const siblings = new Set(
      repo.taskDefinitions
        .filter((other) => other !== task && other.path.startsWith(folder) && !other.path.slice(folder.length).includes('/'))
        .flatMap((other) => knownRoles(repo.executionRole(other))),
    );
    const preferred = named.filter((r) => siblings.has(r));
    const role = preferred.length === 1 ? preferred[0] : named.length === 1 ? named[0] : undefined;
    if (!account || !role) return [];
    const arn = `arn:aws:iam::${account}:role${rolePath(role)}${role.roleName}`;
    return [{ title: `Set executionRoleArn to ${role.label}`, edits: setRoleProperty(doc, task, 'executionRoleArn', { kind: 'string', value: arn }, 'family') }];
  }
  const template = task.template!;
  const sameTemplate = candidates.find((r) => r.template === template);
  const after = ['TaskRoleArn', 'NetworkMode', 'RequiresCompatibilities', 'Family'].find((key) => getValue(task.node, key) !== undefined);
  if (sameTemplate?.resource) {
    const value: FixValue = { kind: 'getatt', logicalId: sameTemplate.resource.logicalId, attribute: 'Arn' };
    return [{ title: `Use ${sameTemplate.label} as the execution role`, edits: setRoleProperty(doc, task, 'ExecutionRoleArn', value, after) }];
  }
  const resources = getValue(template.root, 'Resources');
  if (!isMap(resources) || !task.resource) return [];
  const logicalId = unusedLogicalId(template, `${task.resource.logicalId}ExecutionRole`);
  const statements: FixValue[] = [];
  const secretGrants = secretGrantsOf(task, config);
  for (const action of [...new Set(secretGrants.map((g) => g.action))]) {
    const grants = [...new Set(secretGrants.filter((g) => g.action === action).map((g) => g.grant))];
    statements.push(allowStatement([action], grants.map((g) => toFixValue(g, template))));
  }
  for (const read of s3ReadGrantsOf(task)) statements.push(allowStatement([read.action], read.resources.map((arn) => toFixValue(arn, template))));
  const createGroups = awslogsContainers(task).filter((need) => need.createGroup);
  if (createGroups.length) {
    statements.push(allowStatement(['logs:CreateLogGroup'], [...new Set(createGroups.map((need) => logGroupGrantArn(need, task)))].map((arn) => toFixValue(arn, template))));
  }
  const body = newRoleBody('ecs-tasks.amazonaws.com', [executionPolicy], statements, 'execution');
  const edits = combineEdits([
    ...setRoleProperty(doc, task, 'ExecutionRoleArn', { kind: 'getatt', logicalId, attribute: 'Arn' }, after),
    ...insertTopLevelResource(doc, resources, logicalId, body, { after: task.resource.logicalId }),
  ]);
  return [{ title: `Add execution role ${logicalId}`, edits }];
}
