/** The analysis entry point: file texts in, findings out. Pure: no file system, network or environment. */
import type { LintConfig } from './config.js';
import { severityRank, type Finding } from './finding.js';
import { Repository } from './model/repository.js';
import type { Template } from './model/template.js';
import { isMap, isSeq, type DocNode, type NodePath } from './parse/node.js';
import { parseFile, parseOversizedFile } from './parse/parse-file.js';
import type { ParseError, ParsedFile } from './parse/parsed-file.js';
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
  /**
   * Set by a host that expanded the file's cfn-include functions (src/include): `text` is then the
   * expanded template (JSON) and this the file as written. Findings are mapped back into it by node
   * path (see mapToOriginal), and fixes that would edit the expanded text are dropped.
   */
  originalText?: string;
  /** With `originalText`: root-relative paths of the files the expansion included. */
  includedPaths?: readonly string[];
  /** Set when the host could not expand the file's cfn-include functions: it is reported as a parse-error here. */
  expansionError?: ParseError;
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
  // A template that includes a changed fragment (cfn-include) is parsed as if it had changed itself.
  const includers = changed ? allFiles.filter((file) => file.includedPaths?.some((path) => changed.has(path))).map((file) => file.path) : [];
  const files = changed ? selectFilesForChanges(allFiles, [...changed, ...includers]) : allFiles;
  const parsed = files.map((file): ParsedFile => {
    if (file.sizeBytes !== undefined && file.sizeBytes > config.limits.maxFileBytes) {
      return parseOversizedFile(file.path, file.text, file.sizeBytes, config.limits);
    }
    const result = parseFile(file.path, file.text, config.limits);
    // A failed cfn-include expansion: nothing in the file is checked, as when it does not parse.
    if (file.expansionError) return { source: result.source, syntax: result.syntax, kind: result.kind === 'task-definition' ? 'task-definition' : 'cfn-template', error: file.expansionError };
    return result;
  });
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
    try {
      rule.check(context);
    } catch (error) {
      // A bug in one rule must not take the run (and every other finding) down with it, nor print a
      // stack trace: say which rule failed, once, and carry on.
      findings.push(ruleFailure(rule.meta, error, parsed));
    }
  }
  if (config.rules[roleNotVerifiable.meta.id] !== 'off') {
    for (const report of buildUnverifiableFindings(notes)) findings.push(toFinding(roleNotVerifiable.meta, report, byPath));
  }

  const expanded = new Map(files.filter((file) => file.originalText !== undefined).map((file) => [file.path, { file, root: undefined as DocNode | undefined }]));
  for (const entry of expanded.values()) entry.root = parseFile(entry.file.path, entry.file.originalText!, config.limits).root;
  const templatesByPath = new Map(repo.templates.map((template) => [template.path, template]));
  const kept = findings
    .filter((finding) => !isSuppressed(finding, templatesByPath.get(finding.path)))
    .map((finding) => (expanded.size ? mapToOriginal(finding, expanded) : finding))
    .filter((finding) => !changed || findingTouches(finding, changed));
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
  // Offsets of findings in expanded files are in the original text now, so that is what is rendered.
  const sources = parsed.map((file) => {
    const original = expanded.get(file.source.path)?.file.originalText;
    return original === undefined ? file.source : new SourceFile(file.source.path, original);
  });
  return { findings: dedupe(kept), files: new Map(sources.map((source) => [source.path, source])), parsed };
}

/**
 * Moves a finding in a cfn-include-expanded file to the file as written: to the node at the same path
 * when there is one, else to the deepest ancestor that exists, which is the include site (or the
 * `Fn::` call in it) when the node came from included content; such a finding then depends on the
 * included files too. Fixes that edit an expanded file are dropped: their offsets are in the expanded text.
 */
function mapToOriginal(finding: Finding, expanded: ReadonlyMap<string, { file: InputFile; root: DocNode | undefined }>): Finding {
  const fixes = finding.fixes.filter((fix) => !fix.edits.some((edit) => expanded.has(edit.path)));
  const target = expanded.get(finding.path);
  if (!target) return fixes.length === finding.fixes.length ? finding : { ...finding, fixes };
  let node = target.root;
  const path: (string | number)[] = [];
  for (const part of finding.nodePath) {
    const child = typeof part === 'number' ? (isSeq(node) ? node.items[part] : undefined) : isMap(node) ? node.entries.find((e) => e.key === part)?.value : undefined;
    if (child === undefined) break;
    node = child;
    path.push(part);
  }
  const exact = path.length === finding.nodePath.length;
  let range = node && path.length > 0 ? { startOffset: node.startOffset, endOffset: node.endOffset } : { startOffset: 0, endOffset: 0 };
  if (!exact && isMap(node)) {
    const call = node.entries.find((entry) => entry.key.startsWith('Fn::'));
    if (call) {
      range = { startOffset: call.keyNode.startOffset, endOffset: call.value.endOffset };
      path.push(call.key);
    }
  }
  const mapped: Finding = { ...finding, ...range, nodePath: path as NodePath, fixes };
  if (!exact && target.file.includedPaths?.length) {
    mapped.relatedPaths = [...new Set([...(finding.relatedPaths ?? []), ...target.file.includedPaths])].filter((p) => p !== finding.path);
  }
  return mapped;
}

function ruleFailure(meta: RuleMeta, error: unknown, parsed: readonly ParsedFile[]): Finding {
  const first = parsed[0];
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId: meta.id,
    severity: 'notice',
    message: `Rule ${meta.id} could not finish on this repository (${reason}); its findings are missing from this run. Please report this.`,
    messageId: 'internal-error',
    path: first?.source.path ?? '',
    startOffset: 0,
    endOffset: 0,
    nodePath: [],
    fixes: [],
  };
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

/** Template-level and resource-level `Metadata: ecs-iam-lint: ignore` suppressions, read once per template by the model. */
function isSuppressed(finding: Finding, template: Template | undefined): boolean {
  if (!template || finding.ruleId === 'parse-error') return false;
  if (template.ignoredRules.has(finding.ruleId)) return true;
  const logicalId = finding.nodePath[0] === 'Resources' ? finding.nodePath[1] : undefined;
  return typeof logicalId === 'string' && (template.resources.get(logicalId)?.ignoredRules.has(finding.ruleId) ?? false);
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
