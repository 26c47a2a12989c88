/**
 * The check environment files and FireLens S3 configuration share: the execution role (no fallback)
 * must allow s3:GetObject on the object and, as the ECS documentation asks, s3:GetBucketLocation on
 * its bucket.
 */
import type { Fix, Severity } from '../finding.js';
import { parseS3ObjectArn } from '../model/s3-object-reference.js';
import type { TaskDefinition } from '../model/task-definition.js';
import type { DocNode } from '../parse/node.js';
import { buildGrantsFix, type StatementGrant } from './fix-builders.js';
import { executionRoleSource } from './credential-sources.js';
import { checkRoleGrants } from './role-grants.js';
import { conditionGuardsOf, roleUnderConditions, uncertainGrantReason } from './role-under-conditions.js';
import type { RuleContext } from './rule.js';

export interface S3ObjectRead {
  /** The values the ARN may take (several under `Fn::If`). */
  values: string[];
  /** Where the finding points: the property that names the object. */
  node: DocNode;
  /** How messages name the need: `environment file`, `FireLens configuration file`. */
  what: string;
  /** The container, for messages. */
  containerName?: string;
}

export interface S3ReadCheckOptions {
  /** Short label for role-not-verifiable: what could not be verified. */
  unverifiableLabel: string;
  policyName: string;
  /** What the user sees when s3:GetObject is missing. */
  consequence: string;
}

const tokenOnly = /^\$\{[^}]+\}$/;

/** Reports, per object and execution role, the S3 read actions the role lacks. */
export function checkS3ObjectReads(context: RuleContext, task: TaskDefinition, reads: S3ObjectRead[], options: S3ReadCheckOptions): void {
  const { repo, config, report, noteUnverifiable } = context;
  if (reads.length === 0) return;
  const source = executionRoleSource(repo, task);
  if (!source) return; // execution-role-required reports the missing role
  for (const text of source.externalRoles) noteUnverifiable(text, { path: task.path, node: reads[0].node }, options.unverifiableLabel);
  for (const read of reads) {
    const guards = conditionGuardsOf(task.node, read.node) ?? [];
    const inContainer = read.containerName ? ` for container ${read.containerName}` : '';
    for (const value of new Set(read.values)) {
      const object = parseS3ObjectArn(value);
      if (!object && !value.includes('${')) {
        // A literal that is not an object ARN (an s3:// URL, a bucket ARN): ECS cannot fetch it at all.
        report({
          path: task.path,
          node: read.node,
          message: `Task definition ${task.label} names ${read.what} '${value}'${inContainer}, which is not an S3 object ARN (arn:aws:s3:::bucket/key); ECS cannot fetch it.`,
          messageId: `not-an-object-arn:${value}`,
        });
        continue;
      }
      // A parameter or import: the policy may name the same token; the bucket cannot be known.
      const objectResource = object?.objectArn ?? value;
      const label = object ? object.objectArn : tokenOnly.test(value) ? `given by ${describeToken(task, value)}` : `'${value}'`;
      for (const role of source.roles) {
        const view = roleUnderConditions(role, guards);
        const getObject = checkRoleGrants(view, ['s3:GetObject'], [objectResource], config)[0];
        const bucketLocation = object ? checkRoleGrants(view, ['s3:GetBucketLocation'], [object.bucketArn], config)[0] : undefined;
        const missingObject = getObject.state !== 'yes';
        const missingBucket = bucketLocation !== undefined && bucketLocation.state !== 'yes';
        if (!missingObject && !missingBucket) continue;

        const grants: StatementGrant[] = [];
        if (missingObject) grants.push({ actions: ['s3:GetObject'], resources: [objectResource] });
        if (missingBucket) grants.push({ actions: ['s3:GetBucketLocation'], resources: [object!.bucketArn] });
        const fixes: Fix[] = [];
        if (!getObject.denyingStatement && !bucketLocation?.denyingStatement) {
          const fix = buildGrantsFix(repo, role, grants, options.policyName, `Allow ${role.label} to read ${read.what} ${object ? object.objectArn : value}`);
          if (fix) fixes.push(fix);
        }

        const certain = (missingObject && getObject.state === 'no') || (missingBucket && bucketLocation!.state === 'no');
        const severity: Severity = missingObject && getObject.state === 'no' ? 'error' : 'warning';
        const parts: string[] = [];
        if (missingObject) parts.push(`s3:GetObject on ${read.what} ${label}`);
        if (missingBucket) parts.push(`s3:GetBucketLocation on bucket ${object!.bucketArn}`);
        const why = missingObject ? options.consequence : `ECS documents s3:GetBucketLocation as required to fetch ${read.what} ${label}`;
        report({
          path: task.path,
          node: read.node,
          severity,
          message:
            `Execution role ${role.label} of task definition ${task.label} ${certain ? 'does not allow' : 'may not allow'} ${parts.join(' or ')}${inContainer}` +
            `${certain ? '' : ` (${uncertainGrantReason(view, missingObject ? 's3:GetObject' : 's3:GetBucketLocation')})`}; ${why}.`,
          messageId: `missing:${role.id}:${objectResource}`,
          relatedPaths: [role.path],
          fixes,
        });
      }
    }
  }
}

function describeToken(task: TaskDefinition, value: string): string {
  const name = value.slice(2, -1);
  if (name.startsWith('ImportValue:')) return `import ${name.slice('ImportValue:'.length)}`;
  if (task.template?.parameters.has(name)) return `parameter ${name}`;
  return `'${value}'`;
}

/**
 * The statements a new execution role needs for a task's environment files and FireLens S3
 * configuration (for execution-role-required's "add a role" fix): one per action, on every object
 * or bucket ARN the task names.
 */
export function s3ReadGrantsOf(task: TaskDefinition): { action: string; resources: string[] }[] {
  const objects = new Set<string>();
  const buckets = new Set<string>();
  for (const container of task.containers) {
    const values = container.environmentFiles.flatMap((file) => file.value.values);
    const config = container.firelens?.options;
    if (config?.get('config-file-type')?.values.some((v) => v.toLowerCase() === 's3') && !task.launchTypes.has('FARGATE')) {
      values.push(...(config.get('config-file-value')?.values ?? []));
    }
    for (const value of values) {
      const object = parseS3ObjectArn(value);
      if (object) {
        objects.add(object.objectArn);
        buckets.add(object.bucketArn);
      } else if (tokenOnly.test(value)) objects.add(value);
    }
  }
  const grants: { action: string; resources: string[] }[] = [];
  if (objects.size) grants.push({ action: 's3:GetObject', resources: [...objects] });
  if (buckets.size) grants.push({ action: 's3:GetBucketLocation', resources: [...buckets] });
  return grants;
}
