/** The `--format json` report: findings with 1-based positions, for scripts. */
import type { Finding, Severity } from '../core/finding.js';
import type { SourceFile } from '../core/text/source-file.js';
import { buildRegion, type Region } from './region.js';

export interface JsonEdit extends Region {
  path: string;
  newText: string;
}

export interface JsonFinding extends Region {
  ruleId: string;
  severity: Severity;
  path: string;
  message: string;
  fixes: { title: string; edits: JsonEdit[] }[];
}

export interface JsonReport {
  findings: JsonFinding[];
}

/** The report as an object; the caller stringifies it. Keys come in the documented order. */
export function renderJson(findings: readonly Finding[], files: ReadonlyMap<string, SourceFile>): JsonReport {
  return {
    findings: findings.map((finding) => {
      const region = buildRegion(files, finding.path, finding.startOffset, finding.endOffset);
      return {
        ruleId: finding.ruleId,
        severity: finding.severity,
        path: finding.path,
        startLine: region.startLine,
        startColumn: region.startColumn,
        endLine: region.endLine,
        endColumn: region.endColumn,
        message: finding.message,
        fixes: finding.fixes.map((fix) => ({
          title: fix.title,
          edits: fix.edits.map((edit) => {
            const editRegion = buildRegion(files, edit.path, edit.startOffset, edit.endOffset);
            return {
              path: edit.path,
              startLine: editRegion.startLine,
              startColumn: editRegion.startColumn,
              endLine: editRegion.endLine,
              endColumn: editRegion.endColumn,
              newText: edit.newText,
            };
          }),
        })),
      };
    }),
  };
}
