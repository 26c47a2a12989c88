/** shared-task-execution-role: the same role is both the task role and the execution role (R20b). */
import { knownRoles, externalRoleTexts } from '../model/repository.js';
import type { Rule } from './rule.js';

export const sharedTaskExecutionRole: Rule = {
  meta: {
    id: 'shared-task-execution-role',
    defaultSeverity: 'notice',
    description: 'Using one role as both task role and execution role gives the application the agent\'s permissions and the agent the application\'s; it works but breaks least privilege.',
    requirements: ['R20'],
    fixable: false,
  },
  check({ repo, report }) {
    for (const task of repo.taskDefinitions) {
      const execution = repo.executionRole(task);
      const taskRole = repo.taskRole(task);
      if (!execution || !taskRole) continue;
      const shared = knownRoles(taskRole).find((role) => knownRoles(execution).includes(role));
      const sharedText = externalRoleTexts(taskRole).find((text) => externalRoleTexts(execution).includes(text));
      const name = shared?.label ?? sharedText;
      if (!name) continue;
      report({
        path: task.path,
        node: taskRole.node,
        message: `Task definition ${task.label} uses ${name} as both task role and execution role; the application receives the agent's ECR, logs and secrets permissions. Use a separate task role.`,
        messageId: `shared:${name}`,
      });
    }
  },
};
