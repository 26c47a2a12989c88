/** ecs-exec-logging-permissions: when the cluster logs ECS Exec sessions to CloudWatch or S3 or encrypts them with KMS, the task role must allow writing there and decrypting (R22). */
import type { ExecuteCommandConfiguration } from '../model/ecs-clusters.js';
import { logGroupArns } from '../model/log-group-arn.js';
import type { TaskDefinition } from '../model/task-definition.js';
import type { Template } from '../model/template.js';
import type { DocNode } from '../parse/node.js';
import { uncertaintyReason } from './ecr-pull-permissions.js';
import { fixesOf } from './ecs-tasks-trust.js';
import { findEcsExecUses } from './ecs-exec-uses.js';
import { checkRoleGrants, missingGrants } from './role-grants.js';
import type { Rule } from './rule.js';
import { awslogsContainers } from './task-needs.js';
import { buildGrantsFix, type StatementGrant } from './fix-builders.js';
import { containerCredentials } from './task-role-source.js';
import { labelOfValue } from './value-labels.js';

/** One action the SSM agent performs for session logging, the resources any of which a grant may name, and what a fix grants. */
interface LoggingRequirement {
  action: string;
  resources: string[];
  grant: string;
}

/** A destination or key the cluster configures, and the node that configures it. */
interface LoggingNeed {
  id: string;
  what: string;
  node: DocNode;
  requirements: LoggingRequirement[];
  /** What goes wrong without the grant, and what a fix lets the role do; both end a sentence. */
  consequence: string;
  purpose: string;
}

export const ecsExecLoggingPermissions: Rule = {
  meta: {
    id: 'ecs-exec-logging-permissions',
    defaultSeverity: 'warning',
    description: 'When the cluster logs ECS Exec sessions to CloudWatch or S3 or encrypts them with KMS, the task role must allow writing there and decrypting.',
    requirements: ['R22'],
    fixable: true,
  },
  check({ repo, config, report, noteUnverifiable }) {
    const reported = new Set<string>();
    for (const use of findEcsExecUses(repo)) {
      const cluster = use.cluster;
      if (!cluster?.execConfig) continue;
      const needs = loggingNeeds(cluster.execConfig, use.task, cluster.template);
      if (needs.length === 0) continue;
      const credentials = containerCredentials(repo, use.task, use.launchTypes);
      // Without any role the SSM agent cannot even connect: task-role-ecs-exec reports that.
      if (credentials.kind === 'none') continue;
      if (credentials.kind === 'task-role') {
        for (const text of credentials.externalRoles) noteUnverifiable(text, { path: use.path, node: use.node }, 'ECS Exec session logging permissions');
      }
      const describeRole = (label: string) =>
        credentials.kind === 'task-role'
          ? `Task role ${label} of task definition ${use.task.label}`
          : `Instance role ${label} (task definition ${use.task.label} has no task role)`;
      for (const role of credentials.roles) {
        for (const need of needs) {
          const key = `${use.task.id}|${role.id}|${need.id}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const grants = need.requirements.flatMap((r) => checkRoleGrants(role, [r.action], r.resources, config));
          const { definite, uncertain } = missingGrants(grants);
          const missing = [...new Set([...definite, ...uncertain])];
          if (missing.length === 0) continue;
          const missingRequirements = need.requirements.filter((r) => missing.includes(r.action));
          const fix = grants.some((g) => g.denyingStatement)
            ? undefined
            : buildGrantsFix(repo, role, groupByGrant(missingRequirements), 'ecs-exec-logging', `Allow ${role.label} to ${need.purpose}`);
          report({
            path: cluster.template.path,
            node: need.node,
            message:
              `${describeRole(role.label)} ${definite.length ? 'does not allow' : 'may not allow'} ${missing.join(', ')} ` +
              `on ${need.what}, which cluster ${cluster.resource.logicalId} uses for the ECS Exec sessions ${use.label} enables` +
              `${definite.length ? '' : ` (${uncertaintyReason(role)})`}; ${need.consequence}.`,
            messageId: `missing:${role.id}:${use.task.id}:${need.id}`,
            relatedPaths: [role.path, use.task.path],
            fixes: fixesOf(fix),
          });
        }
      }
    }
  },
};

/** What the cluster's execute-command configuration makes the SSM agent in each container do. */
function loggingNeeds(config: ExecuteCommandConfiguration, task: TaskDefinition, clusterTemplate: Template): LoggingNeed[] {
  const needs: LoggingNeed[] = [];
  // An unresolved Logging value with destinations written out is most likely OVERRIDE; check them.
  const override = config.logging === 'OVERRIDE' || config.logging === undefined;
  if (override && config.cloudWatchLogGroup) {
    for (const group of config.cloudWatchLogGroup.values) needs.push(cloudWatchNeed(group, config.cloudWatchLogGroup.node, 'log group'));
  }
  if (config.logging === 'DEFAULT') {
    // DEFAULT sends session output to each container's awslogs group, written with the task's own credentials.
    for (const logs of awslogsContainers(task)) {
      for (const group of logs.group?.values ?? []) {
        if (!needs.some((n) => n.id === `logs:${group}`)) needs.push(cloudWatchNeed(group, config.loggingNode, 'awslogs log group', logs.region));
      }
    }
  }
  if (override && config.s3Bucket) {
    for (const bucket of config.s3Bucket.values) {
      const bucketArn = `arn:\${AWS::Partition}:s3:::${bucket}`;
      const prefix = config.s3KeyPrefix ? config.s3KeyPrefix.replace(/\/?$/, '/') : '';
      needs.push({
        id: `s3:${bucket}`,
        what: `S3 bucket ${labelOfValue(bucket)}`,
        node: config.s3Bucket.node,
        consequence: 'session output is not uploaded there',
        purpose: `write ECS Exec session logs to S3 bucket ${labelOfValue(bucket)}`,
        requirements: [
          { action: 's3:PutObject', resources: [`${bucketArn}/${prefix}ecs-execute-command-session.log`], grant: `${bucketArn}/${prefix}*` },
          // The SSM agent checks the bucket's encryption only when asked to (as AWS's exec checker does).
          ...(config.s3EncryptionEnabled ? [{ action: 's3:GetEncryptionConfiguration', resources: [bucketArn], grant: bucketArn }] : []),
          { action: 's3:GetBucketLocation', resources: [bucketArn], grant: bucketArn },
        ],
      });
    }
  }
  if (config.kmsKey) {
    for (const key of config.kmsKey.values) {
      const keyArn = kmsKeyArn(key, clusterTemplate);
      needs.push({
        id: `kms:${key}`,
        what: `KMS key ${labelOfValue(key)}`,
        node: config.kmsKey.node,
        consequence: 'the SSM agent cannot set up the encrypted session, so execute-command fails',
        purpose: `decrypt with KMS key ${labelOfValue(key)}`,
        requirements: [{ action: 'kms:Decrypt', resources: [keyArn], grant: keyArn }],
      });
    }
  }
  return needs;
}

function cloudWatchNeed(group: string, node: DocNode, kind: string, region = '${AWS::Region}'): LoggingNeed {
  const { groupArn, streamsArn } = logGroupArns(group, region);
  // A grant on the group, on its streams (`:*`) or on one stream (`${LogGroup.Arn}:*` is `...:*:*`) covers the stream actions.
  const streamResources = [groupArn, streamsArn, `${groupArn}:log-stream:ecs-execute-command`];
  return {
    id: `logs:${group}`,
    what: `${kind} ${labelOfValue(group)}`,
    node,
    consequence: 'session output is not logged there',
    purpose: `write ECS Exec session logs to log group ${labelOfValue(group)}`,
    requirements: [
      { action: 'logs:DescribeLogGroups', resources: ['*'], grant: '*' },
      ...['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'].map((action) => ({ action, resources: streamResources, grant: streamsArn })),
    ],
  };
}

/** The ARN kms:Decrypt is authorised on: a key given by `!Ref Key` is its id, so policies name `!GetAtt Key.Arn`. */
function kmsKeyArn(key: string, template: Template): string {
  const ref = /^\$\{([A-Za-z0-9]+)\}$/.exec(key);
  if (ref && template.resources.get(ref[1])?.type === 'AWS::KMS::Key') return `\${${ref[1]}.Arn}`;
  if (key.startsWith('arn:') || /^\$\{[A-Za-z0-9]+\.Arn\}$/.test(key)) return key;
  // An alias is resolved to its key at run time; only a grant on the key (or a wildcard) can be matched.
  const id = key.startsWith('alias/') ? '${KeyBehindAlias}' : key;
  return `arn:\${AWS::Partition}:kms:\${AWS::Region}:\${AWS::AccountId}:key/${id}`;
}

/** Requirements that a fix writes on the same resource become one statement. */
function groupByGrant(requirements: LoggingRequirement[]): StatementGrant[] {
  const byResource = new Map<string, string[]>();
  for (const requirement of requirements) {
    const actions = byResource.get(requirement.grant) ?? [];
    actions.push(requirement.action);
    byResource.set(requirement.grant, actions);
  }
  return [...byResource].map(([resource, actions]) => ({ actions, resources: [resource] }));
}
