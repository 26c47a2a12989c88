/** firelens-config-permissions: a FireLens configuration file from S3 needs S3 read in the execution role, and is not supported on Fargate (R16). */
import type { Rule } from './rule.js';
import { checkS3ObjectReads, type S3ObjectRead } from './s3-object-reads.js';

export const firelensConfigPermissions: Rule = {
  meta: {
    id: 'firelens-config-permissions',
    defaultSeverity: 'error',
    description:
      'A FireLens configuration file from S3 (config-file-type s3) needs s3:GetObject and s3:GetBucketLocation in the execution role, and is not supported on Fargate.',
    requirements: ['R16'],
    fixable: true,
  },
  check(context) {
    const { repo, report } = context;
    for (const task of repo.taskDefinitions) {
      const reads: S3ObjectRead[] = [];
      for (const container of task.containers) {
        const options = container.firelens?.options;
        const type = options?.get('config-file-type');
        if (!type?.values.some((v) => v.toLowerCase() === 's3')) continue;
        const value = options!.get('config-file-value');
        const name = container.name ? `container ${container.name}` : 'a container';
        if (task.launchTypes.has('FARGATE')) {
          // The type itself is the root cause there: once it is `file`, no S3 permission is needed.
          report({
            path: task.path,
            node: type.node,
            message:
              `Task definition ${task.label} runs on Fargate, where FireLens reads its configuration only from a file in the log router image, ` +
              `but ${name} sets config-file-type s3; build a Fluent Bit image that contains the file and set config-file-type to file with its path, or run the task on EC2.`,
            messageId: 'fargate-s3-config',
          });
          continue;
        }
        if (task.launchTypes.size === 0) {
          report({
            path: task.path,
            node: type.node,
            severity: 'notice',
            message:
              `Task definition ${task.label} does not say where it runs, and ${name} loads its FireLens configuration from S3, which Fargate does not support; ` +
              `on Fargate, put the file in the log router image and set config-file-type to file.`,
            messageId: 'launch-type-unknown-s3-config',
          });
        }
        if (value) reads.push({ values: value.values, node: value.node, what: 'FireLens configuration file', containerName: container.name });
      }
      checkS3ObjectReads(context, task, reads, {
        unverifiableLabel: 'FireLens configuration access',
        policyName: 'firelens-config',
        consequence: 'the log router cannot load its configuration and the task fails to start',
      });
    }
  },
};
