/** Rule metadata: the public face of a rule that feeds docs, SARIF, config validation and comments. */
import type { Severity } from '../finding.js';

export const projectUrl = 'https://github.com/ecs-iam-lint/ecs-iam-lint';

export interface RuleMeta {
  /** Stable kebab-case id; public (SARIF, comments, suppressions, config). Equals the rule's file name. */
  id: string;
  defaultSeverity: Severity;
  /** One sentence: what the rule checks. */
  description: string;
  /** Requirement ids from the specification (R7, ...). */
  requirements: string[];
  /** Whether the rule offers a fix. */
  fixable: boolean;
}

export function ruleDocsUrl(ruleId: string): string {
  return `${projectUrl}/blob/main/docs/rules/${ruleId}.md`;
}
