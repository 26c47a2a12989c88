/** The shape of a rule: metadata plus one check over the repository model, reporting through a context. */
import type { LintConfig } from '../config.js';
import type { Fix, Severity } from '../finding.js';
import type { DocNode } from '../parse/node.js';
import type { Repository } from '../model/repository.js';
import type { RuleMeta } from './rule-meta.js';

export interface Report {
  /** File the finding points at. */
  path: string;
  /** Node whose range the finding covers. */
  node: DocNode;
  message: string;
  /** Stable id of the message kind and its subject; part of the fingerprint. */
  messageId: string;
  /** Overrides the rule's default severity for this finding (rules with two levels). */
  severity?: Severity;
  fixes?: Fix[];
  /** Files (other than `path`) the finding depends on, e.g. where the role is defined. */
  relatedPaths?: string[];
}

export interface RuleContext {
  readonly repo: Repository;
  readonly config: LintConfig;
  report(report: Report): void;
  /**
   * Notes that a check needed the policies of a role defined outside the repository; the engine
   * turns these into one `role-not-verifiable` finding per role.
   */
  noteUnverifiable(roleText: string, at: { path: string; node: DocNode }, neededFor: string): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
