/** Tells CloudFormation templates and ECS task definitions apart from every other YAML or JSON file in a repository. */
import { getEntry, getValue, intrinsicName, isMap, isScalar, isSeq, type DocNode } from './node.js';
import type { FileKind } from './parsed-file.js';

export interface FileKindResult {
  kind: FileKind;
  /** The map holding `containerDefinitions`: the root for register input, `taskDefinition` for describe output. */
  taskDefinitionRoot?: DocNode;
}

/** Classifies a parsed document by its content; file names play no part (templates end in .yml, .json, .template, ...). */
export function detectFileKind(root: DocNode): FileKindResult {
  if (!isMap(root) || root.shortForm !== undefined) return { kind: 'other' };
  if (isTemplate(root)) return { kind: 'cfn-template' };

  // register-task-definition input (and the family of files `aws ecs` and deploy actions read).
  if (isSeq(getValue(root, 'containerDefinitions'))) return { kind: 'task-definition', taskDefinitionRoot: root };
  // describe-task-definition output wraps the same document in `taskDefinition`.
  const inner = getValue(root, 'taskDefinition');
  if (isMap(inner) && isSeq(getValue(inner, 'containerDefinitions'))) {
    return { kind: 'task-definition', taskDefinitionRoot: inner };
  }
  return { kind: 'other' };
}

function isTemplate(root: DocNode): boolean {
  const resources = getEntry(root, 'Resources');
  // A `Resources` that is not a map cannot be a template CloudFormation would accept; linting it would only produce noise.
  if (resources && (!isMap(resources.value) || resources.value.shortForm !== undefined)) return false;
  if (getEntry(root, 'AWSTemplateFormatVersion')) return true;
  if (resources && isMap(resources.value) && resources.value.entries.some((entry) => hasResourceType(entry.value))) return true;
  return mentionsServerlessTransform(getValue(root, 'Transform'));
}

function hasResourceType(resource: DocNode): boolean {
  const type = getValue(resource, 'Type');
  if (type === undefined) return false;
  return (isScalar(type) && typeof type.value === 'string') || intrinsicName(type) !== undefined;
}

function mentionsServerlessTransform(transform: DocNode | undefined): boolean {
  if (isScalar(transform)) return typeof transform.value === 'string' && transform.value.includes('AWS::Serverless');
  if (isSeq(transform)) return transform.items.some(mentionsServerlessTransform);
  return false;
}

/**
 * For a file that did not parse: whether it looks enough like a template or task definition that
 * its author should hear about the error. Other broken YAML in a repository is not ours to report.
 */
export function guessFileKind(text: string): FileKind {
  if (text.includes('AWSTemplateFormatVersion') || text.includes('"Resources"') || text.includes('Resources:')) return 'cfn-template';
  if (text.includes('containerDefinitions')) return 'task-definition';
  if (text.includes('AWS::')) return 'cfn-template';
  return 'other';
}
