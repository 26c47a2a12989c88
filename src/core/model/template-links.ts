/**
 * Links templates that are built from each other: nested stacks whose TemplateURL or Location is a file
 * in the repository (parameters flow down, outputs flow up) and Fn::ImportValue of exports.
 */
import { getValue, isMap, isScalar } from '../parse/node.js';
import { matchResource } from '../iam/resource-match.js';
import { resolveNode, resolvedToStrings, type Resolved } from './resolve.js';
import { resourcesOfType, type Template, type TemplateLinks } from './template.js';

const nestedStackTypes = ['AWS::CloudFormation::Stack', 'AWS::Serverless::Application'];

export function linkTemplates(templates: readonly Template[]): void {
  for (const template of templates) {
    template.links = { parameterValues: new Map(), childStacks: new Map(), resolveImport: () => undefined };
  }
  const byPath = new Map(templates.map((t) => [t.path, t]));
  const passed = new Map<Template, Map<string, Resolved[]>>();
  for (const parent of templates) {
    for (const stack of resourcesOfType(parent, ...nestedStackTypes)) {
      const location = getValue(stack.properties, stack.type === 'AWS::CloudFormation::Stack' ? 'TemplateURL' : 'Location');
      if (location === undefined || (isMap(location) && !isScalar(location) && getValue(location, 'ApplicationId'))) continue;
      const urls = resolvedToStrings({ template: parent }, resolveNode({ template: parent }, location));
      const child = urls.length === 1 ? findTemplate(urls[0], parent.path, byPath) : undefined;
      if (!child || child === parent) continue;
      parent.links!.childStacks.set(stack.logicalId, child);
      const parameters = getValue(stack.properties, 'Parameters');
      if (!isMap(parameters)) continue;
      const values = passed.get(child) ?? new Map<string, Resolved[]>();
      for (const entry of parameters.entries) {
        const list = values.get(entry.key) ?? [];
        list.push(resolveNode({ template: parent }, entry.value));
        values.set(entry.key, list);
      }
      passed.set(child, values);
    }
  }
  // A child used by several parents may receive different values: each is a possibility.
  for (const [child, values] of passed) {
    for (const [name, list] of values) child.links!.parameterValues.set(name, list.length === 1 ? list[0] : { kind: 'choice', options: list });
  }
  const resolveImport = buildExportIndex(templates);
  for (const template of templates) template.links!.resolveImport = resolveImport;
}

/**
 * The repository template a TemplateURL or Location names: a path relative to the parent, or the
 * longest path suffix of a URL (templates are uploaded to S3 under the same relative paths).
 */
function findTemplate(url: string, parentPath: string, byPath: Map<string, Template>): Template | undefined {
  if (url.includes('${')) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    const base = parentPath.includes('/') ? parentPath.slice(0, parentPath.lastIndexOf('/')) : '';
    return byPath.get(normalizePath(base ? `${base}/${url}` : url));
  }
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  for (let start = 0; start < segments.length; start++) {
    const suffix = segments.slice(start).join('/');
    const matches = [...byPath.keys()].filter((path) => path === suffix || path.endsWith(`/${suffix}`));
    if (matches.length === 1) return byPath.get(matches[0]);
    if (matches.length > 1) return undefined;
  }
  return undefined;
}

function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/**
 * Export names often carry the exporting stack's name (`${AWS::StackName}-ExecutionRoleArn`), which
 * is unknown here; an import matches an export when the names agree wherever both are known, and only
 * a single matching export is used.
 */
function buildExportIndex(templates: readonly Template[]): TemplateLinks['resolveImport'] {
  const exports: { name: string; template: Template; value: NonNullable<ReturnType<Template['outputs']['get']>>['value'] }[] = [];
  for (const template of templates) {
    for (const output of template.outputs.values()) {
      if (!output.exportName || !output.value) continue;
      for (const name of resolvedToStrings({ template }, resolveNode({ template }, output.exportName))) {
        exports.push({ name, template, value: output.value });
      }
    }
  }
  const cache = new Map<string, Resolved | undefined>();
  const resolving = new Set<string>();
  return (name: string) => {
    if (cache.has(name)) return cache.get(name);
    if (resolving.has(name)) return undefined; // an export that imports itself
    resolving.add(name);
    const exact = exports.filter((e) => e.name === name);
    const candidates = exact.length
      ? exact
      : exports.filter((e) => matchResource(e.name, name) !== 'no' && (name.includes('}') ? literalTail(e.name) === literalTail(name) : name.endsWith(literalTail(e.name))));
    const result = candidates.length === 1 ? resolveNode({ template: candidates[0].template }, candidates[0].value) : undefined;
    resolving.delete(name);
    cache.set(name, result);
    return result;
  };
}

/** The part of a name after its last token: what distinguishes `${Stack}-ExecutionRole` from `${Stack}-TaskRole`. */
function literalTail(name: string): string {
  const index = name.lastIndexOf('}');
  return index < 0 ? name : name.slice(index + 1);
}
