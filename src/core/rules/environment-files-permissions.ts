/** environment-files-permissions: environment files from S3 need s3:GetObject on the object (and s3:GetBucketLocation on the bucket) in the execution role (R15). */
import type { Rule } from './rule.js';
import { checkS3ObjectReads, type S3ObjectRead } from './s3-object-reads.js';

export const environmentFilesPermissions: Rule = {
  meta: {
    id: 'environment-files-permissions',
    defaultSeverity: 'error',
    description: 'Environment files from S3 need s3:GetObject on the object (and s3:GetBucketLocation on the bucket) in the execution role.',
    requirements: ['R15'],
    fixable: true,
  },
  check(context) {
    for (const task of context.repo.taskDefinitions) {
      const reads: S3ObjectRead[] = [];
      for (const container of task.containers) {
        for (const file of container.environmentFiles) {
          // `s3` is the only type ECS has; another value is a registration error, not a permission gap.
          if (file.type !== undefined && file.type.toLowerCase() !== 's3') continue;
          reads.push({ values: file.value.values, node: file.node, what: 'environment file', containerName: container.name });
        }
      }
      checkS3ObjectReads(context, task, reads, {
        unverifiableLabel: 'environment file access',
        policyName: 'environment-files',
        consequence: 'the task fails to start with ResourceInitializationError because ECS cannot download the file',
      });
    }
  },
};
