/**
 * ECS task definitions read from templates (PascalCase properties) and from task-definition JSON
 * (camelCase register input or describe output) into one shape, keeping the nodes for locations.
 */
import { getEntry, getValue, isMap, isSeq, type DocNode, type MapNode } from '../parse/node.js';
import type { Resource, Template } from './template.js';
import { resolveNode, resolvedToStrings, type ResolveScope } from './resolve.js';

export type Naming = 'pascal' | 'camel';
export type LaunchType = 'FARGATE' | 'EC2' | 'EXTERNAL' | 'MANAGED_INSTANCES';

/** Field names whose camelCase form is not the PascalCase name with a lower-case first letter. */
const camelExceptions: Record<string, string> = {
  IAM: 'iam',
  FilesystemId: 'fileSystemId',
  EFSVolumeConfiguration: 'efsVolumeConfiguration',
  FSxWindowsFileServerVolumeConfiguration: 'fsxWindowsFileServerVolumeConfiguration',
  S3FilesVolumeConfiguration: 's3filesVolumeConfiguration',
};

export function fieldName(pascal: string, naming: Naming): string {
  if (naming === 'pascal') return pascal;
  return camelExceptions[pascal] ?? pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** A value in a task definition: the strings it may take, and where it is written. */
export interface FieldValue {
  values: string[];
  node: DocNode;
}

export interface SecretReference {
  name?: string;
  valueFrom: FieldValue;
  /** The `Secrets`/`SecretOptions` item, for locations. */
  node: DocNode;
}

export interface LogConfiguration {
  node: MapNode;
  driver?: FieldValue;
  options: Map<string, FieldValue>;
  secretOptions: SecretReference[];
}

export interface ContainerDefinition {
  node: MapNode;
  name?: string;
  image?: FieldValue;
  secrets: SecretReference[];
  logConfiguration?: LogConfiguration;
  repositoryCredentials?: FieldValue;
  environmentFiles: { type?: string; value: FieldValue; node: DocNode }[];
  firelens?: { type?: string; options: Map<string, FieldValue>; node: MapNode };
  environment: Map<string, FieldValue>;
}

export interface TaskDefinition {
  /** Unique id: `path#LogicalId` for templates, the path for JSON files. */
  id: string;
  /** How messages name it: the family when literal, else the logical id or file name. */
  label: string;
  path: string;
  source: 'template' | 'json';
  naming: Naming;
  /** The properties map (template) or the task-definition object (JSON). */
  node: MapNode;
  template?: Template;
  resource?: Resource;
  executionRoleNode?: DocNode;
  taskRoleNode?: DocNode;
  requiresCompatibilities: string[];
  networkMode?: string;
  containers: ContainerDefinition[];
  /** The `Volumes` items. */
  volumes: MapNode[];
  proxyConfiguration?: MapNode;
  /** Launch types the task definition runs on: from RequiresCompatibilities and the services that use it. */
  launchTypes: Set<LaunchType>;
  /** Rule ids suppressed for this task definition. */
  ignoredRules: Set<string>;
}

/** Reads fields of one naming convention, resolving intrinsics in templates. */
export class TaskDefinitionReader {
  constructor(
    readonly scope: ResolveScope,
    readonly naming: Naming,
  ) {}

  get(node: DocNode | undefined, pascal: string): DocNode | undefined {
    return getValue(node, fieldName(pascal, this.naming));
  }

  has(node: DocNode | undefined, pascal: string): boolean {
    return getEntry(node, fieldName(pascal, this.naming)) !== undefined;
  }

  value(node: DocNode | undefined, pascal: string): FieldValue | undefined {
    const valueNode = this.get(node, pascal);
    if (valueNode === undefined) return undefined;
    return { values: resolvedToStrings(this.scope, resolveNode(this.scope, valueNode)), node: valueNode };
  }

  /** Items of a list property; an `Fn::If` item contributes both branches. */
  items(node: DocNode | undefined, pascal: string): MapNode[] {
    return listItems(this.get(node, pascal));
  }

  /** A map of string values (`Options`), keyed as written. */
  stringMap(node: DocNode | undefined): Map<string, FieldValue> {
    const map = new Map<string, FieldValue>();
    if (!isMap(node)) return map;
    for (const entry of node.entries) {
      map.set(entry.key, { values: resolvedToStrings(this.scope, resolveNode(this.scope, entry.value)), node: entry.value });
    }
    return map;
  }
}

/** Map items of a list node, looking through `Fn::If` branches. */
export function listItems(node: DocNode | undefined): MapNode[] {
  if (node === undefined) return [];
  if (isSeq(node)) return node.items.flatMap((item) => listItems(item));
  if (isMap(node)) {
    if (node.entries.length === 1 && node.entries[0].key === 'Fn::If') {
      const arg = node.entries[0].value;
      return isSeq(arg) && arg.items.length === 3 ? [...listItems(arg.items[1]), ...listItems(arg.items[2])] : [];
    }
    if (node.entries.length === 1 && node.entries[0].key === 'Ref') return [];
    return [node];
  }
  return [];
}

function readSecrets(reader: TaskDefinitionReader, node: DocNode | undefined, pascal: string): SecretReference[] {
  return reader.items(node, pascal).flatMap((item) => {
    const valueFrom = reader.value(item, 'ValueFrom');
    if (!valueFrom) return [];
    return [{ name: reader.value(item, 'Name')?.values[0], valueFrom, node: item }];
  });
}

export function readContainer(reader: TaskDefinitionReader, node: MapNode): ContainerDefinition {
  const logNode = reader.get(node, 'LogConfiguration');
  const logMaps = listItems(logNode);
  const log = logMaps[0];
  const firelensNode = listItems(reader.get(node, 'FirelensConfiguration'))[0];
  const environment = new Map<string, FieldValue>();
  for (const item of reader.items(node, 'Environment')) {
    const name = reader.value(item, 'Name')?.values[0];
    const value = reader.value(item, 'Value');
    if (name && value) environment.set(name, value);
  }
  return {
    node,
    name: reader.value(node, 'Name')?.values[0],
    image: reader.value(node, 'Image'),
    secrets: readSecrets(reader, node, 'Secrets'),
    logConfiguration: log
      ? {
          node: log,
          driver: reader.value(log, 'LogDriver'),
          options: reader.stringMap(reader.get(log, 'Options')),
          secretOptions: readSecrets(reader, log, 'SecretOptions'),
        }
      : undefined,
    repositoryCredentials: reader.value(reader.get(node, 'RepositoryCredentials'), 'CredentialsParameter'),
    environmentFiles: reader.items(node, 'EnvironmentFiles').flatMap((item) => {
      const value = reader.value(item, 'Value');
      return value ? [{ type: reader.value(item, 'Type')?.values[0], value, node: item }] : [];
    }),
    firelens: firelensNode
      ? {
          type: reader.value(firelensNode, 'Type')?.values[0],
          options: reader.stringMap(reader.get(firelensNode, 'Options')),
          node: firelensNode,
        }
      : undefined,
    environment,
  };
}

export function readTaskDefinition(
  reader: TaskDefinitionReader,
  node: MapNode,
  identity: Pick<TaskDefinition, 'id' | 'label' | 'path' | 'source' | 'template' | 'resource' | 'ignoredRules'>,
): TaskDefinition {
  const compat = reader.value(node, 'RequiresCompatibilities')?.values ?? [];
  const launchTypes = new Set<LaunchType>();
  for (const value of compat) {
    if (value === 'FARGATE' || value === 'EC2' || value === 'EXTERNAL' || value === 'MANAGED_INSTANCES') launchTypes.add(value);
  }
  return {
    ...identity,
    naming: reader.naming,
    node,
    executionRoleNode: reader.get(node, 'ExecutionRoleArn'),
    taskRoleNode: reader.get(node, 'TaskRoleArn'),
    requiresCompatibilities: compat,
    networkMode: reader.value(node, 'NetworkMode')?.values[0],
    containers: reader.items(node, 'ContainerDefinitions').map((container) => readContainer(reader, container)),
    volumes: reader.items(node, 'Volumes'),
    proxyConfiguration: listItems(reader.get(node, 'ProxyConfiguration'))[0],
    launchTypes,
  };
}

/** Whether the task runs (or may run) where ECS itself fetches images and logs with the execution role only. */
export function isFargateLike(task: TaskDefinition): boolean {
  return task.launchTypes.has('FARGATE') || task.launchTypes.has('MANAGED_INSTANCES');
}

/** Whether the task may run on EC2 or external instances, where the instance role is the fallback. */
export function mayRunOnInstances(task: TaskDefinition): boolean {
  return task.launchTypes.has('EC2') || task.launchTypes.has('EXTERNAL');
}
