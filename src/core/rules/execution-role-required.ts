/** execution-role-required: the task definition needs an execution role and has none (R7, R9, R12-R16). */
import { isRoleAbsent } from '../model/repository.js';
import { isFargateLike } from '../model/task-definition.js';
import { joinList } from './role-not-verifiable.js';
import type { Rule } from './rule.js';
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
  check({ repo, report }) {
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
      });
    }
  },
};
