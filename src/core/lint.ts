/** The analysis entry point: file texts in, findings out. Pure: no file system, network or environment. */
import type { LintConfig } from './config.js';
import { severityRank, type Finding } from './finding.js';
import { Repository } from './model/repository.js';
import { parseFile, parseOversizedFile } from './parse/parse-file.js';
import type { ParsedFile } from './parse/parsed-file.js';
import { allRules } from './rules/index.js';
import { findNodePath } from './rules/node-path.js';
import { buildUnverifiableFindings, roleNotVerifiable, type UnverifiableNote } from './rules/role-not-verifiable.js';
import type { RuleMeta } from './rules/rule-meta.js';
import type { Report, RuleContext } from './rules/rule.js';
import { findingTouches, selectFilesForChanges } from './select-files.js';
import { SourceFile } from './text/source-file.js';

export interface InputFile {
  /** Path relative to the lint root, forward slashes. */
  path: string;
  text: string;
  /**
   * Size of the whole file when `text` holds only its head because the file is over the size limit;
   * such a file becomes a parse-error without being read whole.
   */
  sizeBytes?: number;
}

export interface LintResult {
  findings: Finding[];
  /** Every file that was read, by path, for turning offsets into lines and showing patches. */
  files: Map<string, SourceFile>;
  /** The parsed files, for callers that want to know what was recognised. */
  parsed: ParsedFile[];
}

export interface LintOptions {
  /** Path of the config file, named by findings about roles declared there. */
  configPath?: string;
  /**
   * Review mode: only files these changes may affect are parsed, and only findings that touch a changed
   * file (where they point, what their fix edits, what they depend on) are returned.
   */
  changedPaths?: readonly string[];
}

export const ruleMetas: RuleMeta[] = allRules.map((rule) => rule.meta);

export function lint(allFiles: readonly InputFile[], config: LintConfig, options: LintOptions = {}): LintResult {
  const changed = options.changedPaths ? new Set(options.changedPaths) : undefined;
  const files = changed ? selectFilesForChanges(allFiles, [...changed]) : allFiles;
  const parsed = files.map((file) =>
    file.sizeBytes !== undefined && file.sizeBytes > config.limits.maxFileBytes
      ? parseOversizedFile(file.path, file.text, file.sizeBytes, config.limits)
      : parseFile(file.path, file.text, config.limits),
  );
  const byPath = new Map(parsed.map((file) => [file.source.path, file]));
  const repo = new Repository(parsed, config, options.configPath);
  const findings: Finding[] = [];
  const notes: UnverifiableNote[] = [];

  for (const rule of allRules) {
    if (config.rules[rule.meta.id] === 'off') continue;
    const context: RuleContext = {
      repo,
      config,
      report: (report: Report) => findings.push(toFinding(rule.meta, report, byPath)),
      noteUnverifiable: (roleText, at, neededFor) => notes.push({ roleText, path: at.path, node: at.node, neededFor }),
    };
    rule.check(context);
  }
  if (config.rules[roleNotVerifiable.meta.id] !== 'off') {
    for (const report of buildUnverifiableFindings(notes)) findings.push(toFinding(roleNotVerifiable.meta, report, byPath));
  }

  const kept = findings.filter((finding) => !isSuppressed(finding, byPath.get(finding.path)) && (!changed || findingTouches(finding, changed)));
  for (const finding of kept) {
    const setting = config.rules[finding.ruleId];
    if (setting && setting !== 'off') finding.severity = setting;
  }
  kept.sort(
    (a, b) =>
      a.path.localeCompare(b.path) ||
      a.startOffset - b.startOffset ||
      severityRank[b.severity] - severityRank[a.severity] ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.messageId.localeCompare(b.messageId),
  );
  return { findings: dedupe(kept), files: new Map(parsed.map((file) => [file.source.path, file.source])), parsed };
}

function toFinding(meta: RuleMeta, report: Report, files: Map<string, ParsedFile>): Finding {
  const file = files.get(report.path);
  const finding: Finding = {
    ruleId: meta.id,
    severity: report.severity ?? meta.defaultSeverity,
    message: report.message,
    messageId: report.messageId,
    path: report.path,
    startOffset: report.node.startOffset,
    endOffset: report.node.endOffset,
    nodePath: findNodePath(file?.root, report.node),
    fixes: report.fixes ?? [],
  };
  const related = (report.relatedPaths ?? []).filter((p) => p !== report.path);
  if (related.length) finding.relatedPaths = [...new Set(related)];
  return finding;
}

/** Template-level and resource-level `Metadata: ecs-iam-lint: ignore` suppressions. */
function isSuppressed(finding: Finding, file: ParsedFile | undefined): boolean {
  if (!file || file.kind !== 'cfn-template' || finding.ruleId === 'parse-error') return false;
  const ignored = (metadata: unknown) => {
    const ignore = (metadata as { [k: string]: { ignore?: unknown } } | undefined)?.['ecs-iam-lint']?.ignore;
    return Array.isArray(ignore) ? ignore.includes(finding.ruleId) : ignore === finding.ruleId;
  };
  const root = file.root;
  if (!root || root.kind !== 'map') return false;
  const plainMetadata = (node: import('./parse/node.js').DocNode | undefined) => (node ? toPlainShallow(node) : undefined);
  const templateMetadata = root.entries.find((e) => e.key === 'Metadata')?.value;
  if (ignored(plainMetadata(templateMetadata))) return true;
  if (finding.nodePath[0] === 'Resources' && typeof finding.nodePath[1] === 'string') {
    const resources = root.entries.find((e) => e.key === 'Resources')?.value;
    const resource = resources?.kind === 'map' ? resources.entries.find((e) => e.key === finding.nodePath[1])?.value : undefined;
    const metadata = resource?.kind === 'map' ? resource.entries.find((e) => e.key === 'Metadata')?.value : undefined;
    if (ignored(plainMetadata(metadata))) return true;
  }
  return false;
}

function toPlainShallow(node: import('./parse/node.js').DocNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toPlainShallow);
  return Object.fromEntries(node.entries.map((e) => [e.key, toPlainShallow(e.value)]));
}

/** Two rules reaching the same conclusion through different paths report it once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.ruleId}\u0000${finding.path}\u0000${finding.startOffset}\u0000${finding.messageId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
