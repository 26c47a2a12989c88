/** A finding's identity across commits: what SARIF baselines and review-comment de-duplication key on. */
import { createHash } from 'node:crypto';
import type { Finding } from '../core/finding.js';

/**
 * Hex SHA-256 (first 32 digits) of the rule id, path, node path and message id. Lines are left out on
 * purpose: an edit above the finding moves it without making it a new finding.
 */
export function findingFingerprint(finding: Pick<Finding, 'ruleId' | 'path' | 'nodePath' | 'messageId'>): string {
  // JSON keeps the parts unambiguous: no separator character can be forged by a key name.
  const identity = JSON.stringify([finding.ruleId, finding.path, finding.nodePath, finding.messageId]);
  return createHash('sha256').update(identity).digest('hex').slice(0, 32);
}
