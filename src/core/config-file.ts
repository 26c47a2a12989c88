/** Turns the text of `.github/ecs-iam-lint.yml` into a `LintConfig`, or into errors that name the key and line. */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Scalar } from 'yaml';
import { defaultLintConfig, type ExternalRoleConfig, type FailOn, type LintConfig, type RuleSetting } from './config.js';

export type ConfigFileResult = { config: LintConfig } | { error: string };

const failOnValues: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];
const ruleSettingValues: readonly RuleSetting[] = ['off', 'notice', 'warning', 'error'];
const topLevelKeys = ['fail-on', 'include', 'exclude', 'rules', 'external-roles', 'account', 'region', 'limits'];
const externalRoleKeys = ['arn', 'trust', 'managed-policies', 'assume-compliant'];
const limitKeys = {
  'max-file-bytes': 'maxFileBytes',
  'max-nodes': 'maxNodes',
  'max-aliases': 'maxAliases',
  'max-depth': 'maxDepth',
  'max-total-bytes': 'maxTotalBytes',
} as const;

// Partitions (aws, aws-cn, aws-us-gov, aws-iso-b, ...) all spell the role ARN the same way after the partition.
const roleArnPattern = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@\/-]+$/;
const regionPattern = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/** Collected rather than thrown, so one bad key does not hide the next. */
interface ConfigIssue {
  offset: number;
  message: string;
}

/**
 * Parses a config file. Every problem is reported as `path:line: key: message`, one per line; a key
 * whose value is null (written with nothing after the colon) keeps its default.
 */
export function parseConfigFile(text: string, path: string, knownRuleIds: readonly string[]): ConfigFileResult {
  const lineCounter = new LineCounter();
  // prettyErrors would append a multi-line code frame; one line per problem reads better in a log.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const issues: ConfigIssue[] = doc.errors.map((error) => ({ offset: error.pos[0], message: error.message }));
  const config = defaultLintConfig();
  if (issues.length === 0) new ConfigReader(doc, knownRuleIds, issues).read(config);
  if (issues.length > 0) {
    return {
      error: issues.map((issue) => `${path}:${lineCounter.linePos(issue.offset).line}: ${issue.message}`).join('\n'),
    };
  }
  return { config };
}

class ConfigReader {
  constructor(
    private readonly doc: Document,
    private readonly knownRuleIds: readonly string[],
    private readonly issues: ConfigIssue[],
  ) {}

  read(config: LintConfig): void {
    const root = this.resolve(this.doc.contents);
    if (!isPresent(root)) return;
    if (!isMap(root)) {
      this.report(root, 'the config file must be a map of settings, such as `fail-on: error`');
      return;
    }
    for (const pair of root.items) {
      const key = this.keyOf(pair.key, '');
      if (key === undefined) continue;
      const value = this.resolve(pair.value as Node | null);
      if (!isPresent(value)) continue;
      switch (key.name) {
        case 'fail-on': {
          const setting = this.readEnum(value, key.name, failOnValues);
          if (setting !== undefined) config.failOn = setting;
          break;
        }
        case 'include':
        case 'exclude': {
          const patterns = this.readStringList(value, key.name);
          if (patterns !== undefined) config[key.name] = patterns;
          break;
        }
        case 'rules':
          this.readRules(value, config);
          break;
        case 'external-roles':
          this.readExternalRoles(value, config);
          break;
        case 'account': {
          const account = this.readRawScalar(value, key.name);
          if (account === undefined) break;
          if (/^\d{12}$/.test(account)) config.account = account;
          else this.report(value, `account: expected a 12-digit AWS account id, got "${account}"`);
          break;
        }
        case 'region': {
          const region = this.readString(value, key.name);
          if (region === undefined) break;
          if (regionPattern.test(region)) config.region = region;
          else this.report(value, `region: expected an AWS region such as us-east-1, got "${region}"`);
          break;
        }
        case 'limits':
          this.readLimits(value, config);
          break;
        default:
          this.report(key.node, `unknown key "${key.name}"; expected one of ${topLevelKeys.join(', ')}`);
      }
    }
  }

  private readRules(node: Node, config: LintConfig): void {
    if (!isMap(node)) {
      this.report(node, 'rules: expected a map of rule id to off, notice, warning or error');
      return;
    }
    for (const pair of node.items) {
      const key = this.keyOf(pair.key, 'rules.');
      if (key === undefined) continue;
      if (!this.knownRuleIds.includes(key.name)) {
        const suggestion = closestName(key.name, this.knownRuleIds);
        this.report(key.node, `rules: unknown rule id "${key.name}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
        continue;
      }
      const value = this.resolve(pair.value as Node | null);
      if (!isPresent(value)) {
        this.report(key.node, `rules.${key.name}: expected one of ${ruleSettingValues.join(', ')}`);
        continue;
      }
      const setting = this.readEnum(value, `rules.${key.name}`, ruleSettingValues);
      if (setting !== undefined) config.rules[key.name] = setting;
    }
  }

  private readExternalRoles(node: Node, config: LintConfig): void {
    if (!isSeq(node)) {
      this.report(node, 'external-roles: expected a list of roles, each with an `arn`');
      return;
    }
    node.items.forEach((item, index) => {
      const where = `external-roles[${index}]`;
      const roleNode = this.resolve(item as Node | null);
      if (!isMap(roleNode)) {
        this.report(roleNode ?? node, `${where}: expected a map with an \`arn\` and \`trust\`, \`managed-policies\` or \`assume-compliant\``);
        return;
      }
      const role: Partial<ExternalRoleConfig> = {};
      for (const pair of roleNode.items) {
        const key = this.keyOf(pair.key, `${where}.`);
        if (key === undefined) continue;
        const name = `${where}.${key.name}`;
        const value = this.resolve(pair.value as Node | null);
        if (!externalRoleKeys.includes(key.name)) {
          this.report(key.node, `${where}: unknown key "${key.name}"; expected one of ${externalRoleKeys.join(', ')}`);
          continue;
        }
        if (!isPresent(value)) {
          this.report(key.node, `${name}: missing value`);
          continue;
        }
        switch (key.name) {
          case 'arn': {
            const arn = this.readString(value, name);
            if (arn === undefined) break;
            if (roleArnPattern.test(arn)) role.arn = arn;
            else this.report(value, `${name}: expected an IAM role ARN such as arn:aws:iam::123456789012:role/name, got "${arn}"`);
            break;
          }
          case 'trust': {
            const trust = this.readStringList(value, name);
            if (trust !== undefined) role.trust = trust;
            break;
          }
          case 'managed-policies': {
            const policies = this.readStringList(value, name);
            if (policies !== undefined) role.managedPolicies = policies;
            break;
          }
          case 'assume-compliant':
            if (isScalar(value) && typeof value.value === 'boolean') role.assumeCompliant = value.value;
            else this.report(value, `${name}: expected true or false`);
            break;
        }
      }
      if (role.arn !== undefined) config.externalRoles.push(role as ExternalRoleConfig);
      else if (!roleNode.items.some((pair) => isScalar(pair.key) && pair.key.value === 'arn')) {
        this.report(roleNode, `${where}: missing key "arn"`);
      }
    });
  }

  private readLimits(node: Node, config: LintConfig): void {
    if (!isMap(node)) {
      this.report(node, `limits: expected a map with any of ${Object.keys(limitKeys).join(', ')}`);
      return;
    }
    for (const pair of node.items) {
      const key = this.keyOf(pair.key, 'limits.');
      if (key === undefined) continue;
      if (!Object.hasOwn(limitKeys, key.name)) {
        this.report(key.node, `limits: unknown key "${key.name}"; expected one of ${Object.keys(limitKeys).join(', ')}`);
        continue;
      }
      const value = this.resolve(pair.value as Node | null);
      if (!isPresent(value)) continue;
      const name = key.name as keyof typeof limitKeys;
      // max-aliases may be 0 (refuse every alias); the others must leave room for at least something.
      const minimum = name === 'max-aliases' ? 0 : 1;
      if (isScalar(value) && typeof value.value === 'number' && Number.isSafeInteger(value.value) && value.value >= minimum) {
        config.limits[limitKeys[name]] = value.value;
      } else {
        this.report(value, `limits.${name}: expected a whole number of at least ${minimum}`);
      }
    }
  }

  private readEnum<T extends string>(node: Node, name: string, allowed: readonly T[]): T | undefined {
    if (isScalar(node) && typeof node.value === 'string' && (allowed as readonly string[]).includes(node.value)) {
      return node.value as T;
    }
    this.report(node, `${name}: expected one of ${allowed.join(', ')}, got ${describe(node)}`);
    return undefined;
  }

  private readString(node: Node, name: string): string | undefined {
    if (isScalar(node) && typeof node.value === 'string') return node.value;
    this.report(node, `${name}: expected a string, got ${describe(node)}`);
    return undefined;
  }

  /** The scalar as written: `account: 012345678901` is a YAML number that would lose its leading zero. */
  private readRawScalar(node: Node, name: string): string | undefined {
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) {
      return typeof node.value === 'string' ? node.value : (node as Scalar).source ?? String(node.value);
    }
    this.report(node, `${name}: expected a string, got ${describe(node)}`);
    return undefined;
  }

  private readStringList(node: Node, name: string): string[] | undefined {
    if (!isSeq(node)) {
      this.report(node, `${name}: expected a list of strings, got ${describe(node)}`);
      return undefined;
    }
    const result: string[] = [];
    let ok = true;
    node.items.forEach((item, index) => {
      const value = this.resolve(item as Node | null);
      if (isScalar(value) && typeof value.value === 'string' && value.value !== '') result.push(value.value);
      else {
        this.report(value ?? node, `${name}[${index}]: expected a non-empty string, got ${describe(value)}`);
        ok = false;
      }
    });
    return ok ? result : undefined;
  }

  private keyOf(key: unknown, prefix: string): { name: string; node: Node } | undefined {
    if (isScalar(key) && typeof key.value === 'string') return { name: key.value, node: key };
    this.report((key as Node | null) ?? undefined, `${prefix || 'config'}: keys must be strings, got ${describe(key as Node | null)}`);
    return undefined;
  }

  /** Follows an alias to its anchor so `*defaults` reads like the value it names. */
  private resolve(node: Node | null | undefined): Node | null | undefined {
    if (isAlias(node)) return node.resolve(this.doc) ?? null;
    return node;
  }

  private report(node: Node | undefined, message: string): void {
    this.issues.push({ offset: node?.range?.[0] ?? 0, message });
  }
}

/** Whether a value was written: `key:` with nothing after it parses as a null scalar. */
function isPresent(node: Node | null | undefined): node is Node {
  return node !== null && node !== undefined && !(isScalar(node) && node.value === null);
}

function describe(node: Node | null | undefined): string {
  if (!isPresent(node)) return 'nothing';
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === 'string') return `"${value}"`;
    return typeof value === 'object' ? 'a value' : `${typeof value} ${String(value)}`;
  }
  return 'a value';
}

/** The known name within edit distance 3 of a misspelt one, to suggest in the error. */
function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
