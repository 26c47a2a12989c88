/** The lint configuration after defaults are applied: what the config file, CLI and Action inputs set. */
import type { Severity } from './finding.js';
import { defaultParseLimits, type ParseLimits } from './parse/parsed-file.js';

export type FailOn = Severity | 'never';
export type RuleSetting = Severity | 'off';

/** A role defined outside the repository that the user describes so rules can check it. */
export interface ExternalRoleConfig {
  arn: string;
  /** Service principals the role trusts. */
  trust?: string[];
  /** Managed policy ARNs attached to the role. */
  managedPolicies?: string[];
  /** Skip every permission check for this role. */
  assumeCompliant?: boolean;
}

export interface LintConfig {
  failOn: FailOn;
  include: string[];
  exclude: string[];
  rules: Record<string, RuleSetting>;
  externalRoles: ExternalRoleConfig[];
  /** When set, `${AWS::AccountId}` / `${AWS::Region}` compare as these values. */
  account?: string;
  region?: string;
  limits: ParseLimits & { maxTotalBytes: number };
}

export const defaultInclude = ['**/*.{yml,yaml,json,template}'];
export const defaultExclude: string[] = [];

export function defaultLintConfig(): LintConfig {
  return {
    failOn: 'error',
    include: [...defaultInclude],
    exclude: [...defaultExclude],
    rules: {},
    externalRoles: [],
    limits: { ...defaultParseLimits, maxTotalBytes: 200 * 1024 * 1024 },
  };
}
