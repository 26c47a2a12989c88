/** role-arn-expected: ExecutionRoleArn is `!Ref` of a role, which gives its name, not its ARN (§1.2). */
import { replaceScalarOrNode } from '../fix/document-edits.js';
import { intrinsicName, isMap, isSeq, scalarString, type DocNode } from '../parse/node.js';
import { editableDocument } from './fix-builders.js';
import type { Rule } from './rule.js';

/** Whether the value holds `Ref: logicalId` (possibly inside Fn::If), as opposed to a name written out or built with Fn::Sub. */
function hasRefTo(node: DocNode | undefined, logicalId: string): boolean {
  if (isSeq(node)) return node.items.some((item) => hasRefTo(item, logicalId));
  if (!isMap(node)) return false;
  if (intrinsicName(node) === 'Ref') return scalarString(node.entries[0].value) === logicalId;
  return node.entries.some((entry) => hasRefTo(entry.value, logicalId));
}

export const roleArnExpected: Rule = {
  meta: {
    id: 'role-arn-expected',
    defaultSeverity: 'warning',
    description: 'ExecutionRoleArn should be the role\'s ARN (!GetAtt Role.Arn); Ref of an AWS::IAM::Role gives its name.',
    requirements: [],
    fixable: true,
  },
  check({ repo, report }) {
    for (const task of repo.taskDefinitions) {
      const execution = repo.executionRole(task);
      if (!execution || task.source !== 'template') continue;
      for (const option of execution.options) {
        if (option.kind !== 'role' || !option.byName || option.role.template !== task.template) continue;
        const logicalId = option.role.resource?.logicalId;
        const doc = editableDocument(repo, task.path);
        const replaceable = execution.options.length === 1 && doc && logicalId;
        report({
          path: task.path,
          node: execution.node,
          message: hasRefTo(execution.node, logicalId ?? '')
            ? `ExecutionRoleArn of task definition ${task.label} is Ref ${logicalId}, which returns the role name, not its ARN; use !GetAtt ${logicalId}.Arn.`
            : `ExecutionRoleArn of task definition ${task.label} gives the name of role ${option.role.label}, not its ARN; use !GetAtt ${logicalId}.Arn.`,
          messageId: `ref:${logicalId}`,
          fixes: replaceable
            ? [{ title: `Use !GetAtt ${logicalId}.Arn`, edits: replaceScalarOrNode(doc, execution.node, { kind: 'getatt', logicalId, attribute: 'Arn' }) }]
            : [],
        });
      }
    }
  },
};
