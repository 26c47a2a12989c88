/** ECS clusters in templates and how each logs and encrypts ECS Exec sessions (`Configuration.ExecuteCommandConfiguration`). */
import { getValue, isMap, type DocNode, type MapNode } from '../parse/node.js';
import { resolveNode, resolvedToStrings, type Resolved, type ResolveScope } from './resolve.js';
import type { FieldValue } from './task-definition.js';
import { resourcesOfType, type Resource, type Template } from './template.js';

export interface ExecuteCommandConfiguration {
  node: MapNode;
  /**
   * `NONE`, `DEFAULT` or `OVERRIDE`; the API documents an omitted `Logging` as `DEFAULT`. Undefined when
   * the value is a parameter or condition the linter cannot resolve to one of them.
   */
  logging?: string;
  /** Where the mode is written: the `Logging` value, else the configuration itself. */
  loggingNode: DocNode;
  kmsKey?: FieldValue;
  cloudWatchLogGroup?: FieldValue;
  s3Bucket?: FieldValue;
  s3KeyPrefix?: string;
  s3EncryptionEnabled: boolean;
}

export interface EcsCluster {
  resource: Resource;
  template: Template;
  execConfig?: ExecuteCommandConfiguration;
}

const loggingModes = new Set(['NONE', 'DEFAULT', 'OVERRIDE']);

export function buildClusters(template: Template): EcsCluster[] {
  const scope: ResolveScope = { template };
  return resourcesOfType(template, 'AWS::ECS::Cluster').map((resource) => {
    const config = getValue(getValue(resource.properties, 'Configuration'), 'ExecuteCommandConfiguration');
    return { resource, template, execConfig: isMap(config) ? readExecConfig(scope, config) : undefined };
  });
}

function readExecConfig(scope: ResolveScope, node: MapNode): ExecuteCommandConfiguration {
  const field = (parent: DocNode | undefined, key: string): FieldValue | undefined => {
    const value = getValue(parent, key);
    if (value === undefined) return undefined;
    const values = resolvedToStrings(scope, resolveNode(scope, value));
    return values.length ? { values, node: value } : undefined;
  };
  const loggingNode = getValue(node, 'Logging');
  const loggingValues = loggingNode ? resolvedToStrings(scope, resolveNode(scope, loggingNode)).map((v) => v.toUpperCase()) : ['DEFAULT'];
  const logConfiguration = getValue(node, 'LogConfiguration');
  return {
    node,
    logging: loggingValues.length === 1 && loggingModes.has(loggingValues[0]) ? loggingValues[0] : undefined,
    loggingNode: loggingNode ?? node,
    kmsKey: field(node, 'KmsKeyId'),
    cloudWatchLogGroup: field(logConfiguration, 'CloudWatchLogGroupName'),
    s3Bucket: field(logConfiguration, 'S3BucketName'),
    s3KeyPrefix: field(logConfiguration, 'S3KeyPrefix')?.values[0],
    s3EncryptionEnabled: field(logConfiguration, 'S3EncryptionEnabled')?.values.some((v) => v.toLowerCase() === 'true') ?? false,
  };
}

/**
 * The cluster a `Cluster` property (service) or target `Arn` (EventBridge, Scheduler) names, when it is
 * a `Ref` or `Fn::GetAtt ... Arn` of an `AWS::ECS::Cluster` in the same template.
 */
export function referencedCluster(clusters: readonly EcsCluster[], template: Template, node: DocNode | undefined): EcsCluster | undefined {
  if (node === undefined) return undefined;
  const value: Resolved = resolveNode({ template }, node);
  const options = value.kind === 'choice' ? value.options : [value];
  for (const option of options) {
    if (option.kind !== 'ref' || (option.attribute !== undefined && option.attribute !== 'Arn')) continue;
    const cluster = clusters.find((c) => c.template === template && c.resource.logicalId === option.logicalId);
    if (cluster) return cluster;
  }
  return undefined;
}
