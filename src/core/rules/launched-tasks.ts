/** The task definitions a launcher names by ARN or reference (an EventBridge target's TaskDefinitionArn, a service's TaskDefinition). */
import type { Repository } from '../model/repository.js';
import { resolveNode, resolvedToStrings, type Resolved, type ResolveScope } from '../model/resolve.js';
import type { TaskDefinition } from '../model/task-definition.js';
import type { Template } from '../model/template.js';
import type { DocNode } from '../parse/node.js';
import { getValue } from '../parse/node.js';

export interface LaunchedTask {
  /** The task definition when the repository has it. */
  task?: TaskDefinition;
  /**
   * ARNs RunTask authorizes against, as Sub-style strings: the reference as resolved and, for a task
   * definition with a literal family, its ARN spelled out (a grant on `task-definition/family:*` covers it).
   */
  arns: string[];
}

/** What a TaskDefinitionArn value points at: a template resource, or a literal ARN whose family a JSON task definition in the repository registers. */
export function findLaunchedTasks(repo: Repository, scope: ResolveScope, node: DocNode | undefined): LaunchedTask[] {
  if (node === undefined) return [];
  const value = resolveNode(scope, node);
  const options: Resolved[] = value.kind === 'choice' ? value.options : [value];
  const result: LaunchedTask[] = [];
  for (const option of options) {
    const arns = resolvedToStrings(scope, option);
    let task: TaskDefinition | undefined;
    if (option.kind === 'ref' && (option.attribute === undefined || option.attribute === 'TaskDefinitionArn')) {
      const owner: Template | undefined = option.template ?? scope.template;
      task = repo.taskDefinitions.find((t) => t.template === owner && t.resource?.logicalId === option.logicalId);
    } else if (option.kind === 'string') {
      const family = /:task-definition\/([A-Za-z0-9_-]+)(?::[^:]+)?$/.exec(option.text)?.[1];
      const matches = family ? repo.taskDefinitions.filter((t) => familyOf(t) === family) : [];
      if (matches.length === 1) task = matches[0];
    }
    const family = task ? familyOf(task) : undefined;
    if (family) arns.push(`arn:\${AWS::Partition}:ecs:\${AWS::Region}:\${AWS::AccountId}:task-definition/${family}:\${Revision}`);
    result.push({ task, arns: [...new Set(arns)] });
  }
  return result;
}

/** The literal family of a task definition; undefined when CloudFormation generates it or a value decides it. */
export function familyOf(task: TaskDefinition): string | undefined {
  const node = getValue(task.node, task.naming === 'pascal' ? 'Family' : 'family');
  const values = resolvedToStrings({ template: task.template }, resolveNode({ template: task.template }, node));
  return values.length === 1 && !values[0].includes('${') ? values[0] : undefined;
}
