/** role-arn-expected: ExecutionRoleArn is `!Ref` of a role, which gives its name, not its ARN (§1.2). */
import type { Rule } from './rule.js';

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
        report({
          path: task.path,
          node: execution.node,
          message: `ExecutionRoleArn of task definition ${task.label} is Ref ${logicalId}, which returns the role name, not its ARN; use !GetAtt ${logicalId}.Arn.`,
          messageId: `ref:${logicalId}`,
        });
      }
    }
  },
};
