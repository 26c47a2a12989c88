/** Whether a run fails: the rule behind exit status 1 (and a failed check run) for a given `fail-on`. */
import type { FailOn } from '../core/config.js';
import { severityRank, type Finding } from '../core/finding.js';

/** True when some finding is at least as severe as `failOn`; never true for `never`. */
export function hasFailingFinding(findings: readonly Pick<Finding, 'severity'>[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((finding) => severityRank[finding.severity] >= severityRank[failOn]);
}
