/** Findings and fixes: what rules produce and every output renders. */
import type { NodePath } from './parse/node.js';
import type { TextEdit } from './text/text-edit.js';

export type Severity = 'error' | 'warning' | 'notice';

export const severityRank: Record<Severity, number> = { notice: 1, warning: 2, error: 3 };

/** A patch a careful engineer would write: non-overlapping edits in the file's own style. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** One sentence naming the role, the task definition and what is missing. */
  message: string;
  /**
   * Stable identifier of the kind of message within the rule plus its subject (e.g.
   * `missing:ExecRole:logs:PutLogEvents`); with the rule id, path and node path it forms the fingerprint.
   */
  messageId: string;
  /** File the finding points at, relative to the lint root, with forward slashes. */
  path: string;
  startOffset: number;
  endOffset: number;
  /** Path of the node in the document; stable when lines move. */
  nodePath: NodePath;
  fixes: Fix[];
  /** Other files whose content the finding depends on (the role definition), for pull-request filtering. */
  relatedPaths?: string[];
}
