/** What parsing a file yields: its kind, its tree, or a parse error with a location. */
import type { SourceFile } from '../text/source-file.js';
import type { DocNode } from './node.js';

export type FileKind = 'cfn-template' | 'task-definition' | 'other';
export type Syntax = 'yaml' | 'json';

export interface ParseError {
  message: string;
  startOffset: number;
  endOffset: number;
}

export interface ParsedFile {
  source: SourceFile;
  syntax: Syntax;
  /** `other` for YAML/JSON that is neither a template nor a task definition (ignored silently). */
  kind: FileKind;
  /** Document root; undefined when the file could not be parsed. */
  root?: DocNode;
  /** Set when the file looked like a template or task definition but could not be parsed. */
  error?: ParseError;
  /**
   * For a describe-task-definition document, the node under `taskDefinition`; for register input,
   * the root. Undefined for templates.
   */
  taskDefinitionRoot?: DocNode;
}

/** Limits that keep hostile input from costing more than a bounded amount of time and memory. */
export interface ParseLimits {
  maxFileBytes: number;
  maxNodes: number;
  maxAliases: number;
  maxDepth: number;
}

export const defaultParseLimits: ParseLimits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxNodes: 1_000_000,
  maxAliases: 1_000,
  maxDepth: 200,
};
