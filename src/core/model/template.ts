/** A CloudFormation template as sections: parameters, mappings, conditions, resources and outputs. */
import { getValue, isMap, isScalar, isSeq, scalarString, type DocNode, type MapNode } from '../parse/node.js';
import type { ParsedFile } from '../parse/parsed-file.js';

export interface Parameter {
  name: string;
  node: MapNode;
  type?: string;
  /** The Default as a string when it is a scalar; parameters without one are unknown values. */
  defaultValue?: string;
}

export interface Resource {
  logicalId: string;
  type: string;
  node: MapNode;
  properties?: MapNode;
  /** The resource's `Condition`, when it only exists under one. */
  condition?: string;
  /** Rule ids suppressed on this resource through `Metadata: ecs-iam-lint: ignore: [...]`. */
  ignoredRules: Set<string>;
  template: Template;
}

export interface Output {
  name: string;
  node: MapNode;
  value?: DocNode;
  exportName?: DocNode;
}

/**
 * How a template connects to others in the repository: the values its parent stacks pass to its
 * parameters, the local templates its nested stacks use, and the exports its imports name.
 */
export interface TemplateLinks {
  parameterValues: Map<string, import('./resolve.js').Resolved>;
  childStacks: Map<string, Template>;
  /** The value of the export with this name, when exactly one template in the repository exports it. */
  resolveImport(name: string): import('./resolve.js').Resolved | undefined;
}

export interface Template {
  path: string;
  file: ParsedFile;
  root: MapNode;
  parameters: Map<string, Parameter>;
  mappings?: MapNode;
  conditions: Set<string>;
  resources: Map<string, Resource>;
  outputs: Map<string, Output>;
  /** Rule ids suppressed for the whole template. */
  ignoredRules: Set<string>;
  /** True when the template is SAM (`Transform: AWS::Serverless-2016-10-31`). */
  isSam: boolean;
  /** Set by the repository once every template is read. */
  links?: TemplateLinks;
}

/** Reads `Metadata: { ecs-iam-lint: { ignore: [...] } }` (a list or a single id). */
export function readIgnoredRules(metadata: DocNode | undefined): Set<string> {
  const ignore = getValue(getValue(metadata, 'ecs-iam-lint'), 'ignore');
  const ids = new Set<string>();
  if (isSeq(ignore)) {
    for (const item of ignore.items) {
      const id = scalarString(item);
      if (id) ids.add(id);
    }
  } else {
    const id = scalarString(ignore);
    if (id) ids.add(id);
  }
  return ids;
}

export function buildTemplate(file: ParsedFile): Template | undefined {
  const root = file.root;
  if (!isMap(root)) return undefined;
  const template: Template = {
    path: file.source.path,
    file,
    root,
    parameters: new Map(),
    conditions: new Set(),
    resources: new Map(),
    outputs: new Map(),
    ignoredRules: readIgnoredRules(getValue(root, 'Metadata')),
    isSam: false,
  };
  const transform = getValue(root, 'Transform');
  const transforms = isSeq(transform) ? transform.items.map(scalarString) : [scalarString(transform)];
  template.isSam = transforms.some((t) => t?.startsWith('AWS::Serverless'));

  const parameters = getValue(root, 'Parameters');
  if (isMap(parameters)) {
    for (const entry of parameters.entries) {
      if (!isMap(entry.value)) continue;
      const defaultNode = getValue(entry.value, 'Default');
      template.parameters.set(entry.key, {
        name: entry.key,
        node: entry.value,
        type: scalarString(getValue(entry.value, 'Type')),
        defaultValue: isScalar(defaultNode) && defaultNode.value !== null ? String(defaultNode.value) : undefined,
      });
    }
  }
  const mappings = getValue(root, 'Mappings');
  if (isMap(mappings)) template.mappings = mappings;
  const conditions = getValue(root, 'Conditions');
  if (isMap(conditions)) for (const entry of conditions.entries) template.conditions.add(entry.key);

  const resources = getValue(root, 'Resources');
  if (isMap(resources)) {
    for (const entry of resources.entries) {
      const node = entry.value;
      if (!isMap(node)) continue;
      const type = scalarString(getValue(node, 'Type'));
      if (!type) continue;
      const properties = getValue(node, 'Properties');
      template.resources.set(entry.key, {
        logicalId: entry.key,
        type,
        node,
        properties: isMap(properties) ? properties : undefined,
        condition: scalarString(getValue(node, 'Condition')),
        ignoredRules: readIgnoredRules(getValue(node, 'Metadata')),
        template,
      });
    }
  }
  const outputs = getValue(root, 'Outputs');
  if (isMap(outputs)) {
    for (const entry of outputs.entries) {
      if (!isMap(entry.value)) continue;
      template.outputs.set(entry.key, {
        name: entry.key,
        node: entry.value,
        value: getValue(entry.value, 'Value'),
        exportName: getValue(getValue(entry.value, 'Export'), 'Name'),
      });
    }
  }
  return template;
}

/** Resources by type, built once per template: rules ask for the same types many times. */
const resourcesByType = new WeakMap<Template, Map<string, Resource[]>>();
const documentPosition = new WeakMap<Resource, number>();

/** Resources of one of the given types, in document order. */
export function resourcesOfType(template: Template, ...types: string[]): Resource[] {
  let index = resourcesByType.get(template);
  if (!index) {
    index = new Map();
    let position = 0;
    for (const resource of template.resources.values()) {
      documentPosition.set(resource, position++);
      const list = index.get(resource.type);
      if (list) list.push(resource);
      else index.set(resource.type, [resource]);
    }
    resourcesByType.set(template, index);
  }
  if (types.length === 1) return [...(index.get(types[0]) ?? [])];
  const result: Resource[] = [];
  for (const type of types) result.push(...(index.get(type) ?? []));
  // Several types: keep document order, as callers report in that order.
  if (result.length > 1) result.sort((a, b) => documentPosition.get(a)! - documentPosition.get(b)!);
  return result;
}
