/** The SARIF 2.1.0 log that GitHub code scanning and other SARIF viewers read. */
import type { Finding, Severity } from '../core/finding.js';
import { projectUrl, ruleDocsUrl, type RuleMeta } from '../core/rules/rule-meta.js';
import type { SourceFile } from '../core/text/source-file.js';
import { findingFingerprint } from './fingerprint.js';
import { buildRegion, type Region } from './region.js';

export type SarifLevel = 'error' | 'warning' | 'note';

export const sarifSchemaUri = 'https://json.schemastore.org/sarif-2.1.0.json';
export const fingerprintKey = 'ecsIamLint/v1';

const levelBySeverity: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', notice: 'note' };

export interface SarifArtifactLocation {
  uri: string;
}

export interface SarifFix {
  description: { text: string };
  artifactChanges: {
    artifactLocation: SarifArtifactLocation;
    replacements: { deletedRegion: Region; insertedContent: { text: string } }[];
  }[];
}

export interface SarifResult {
  ruleId: string;
  /** Absent when the finding's rule is not among the rules passed in. */
  ruleIndex?: number;
  level: SarifLevel;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: SarifArtifactLocation; region: Region } }[];
  partialFingerprints: Record<string, string>;
  fixes?: SarifFix[];
}

export interface SarifReportingDescriptor {
  id: string;
  shortDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[] };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; informationUri: string; version: string; rules: SarifReportingDescriptor[] } };
    /** Our columns count UTF-16 code units, as SourceFile does. */
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
  }[];
}

/** The log as an object; the caller stringifies it. */
export function renderSarif(
  findings: readonly Finding[],
  files: ReadonlyMap<string, SourceFile>,
  rules: readonly RuleMeta[],
  toolVersion: string,
): SarifLog {
  const ruleIndexById = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = findings.map((finding): SarifResult => {
    const result: SarifResult = {
      ruleId: finding.ruleId,
      level: levelBySeverity[finding.severity],
      message: { text: finding.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: renderArtifactUri(finding.path) },
          region: buildRegion(files, finding.path, finding.startOffset, finding.endOffset),
        },
      }],
      partialFingerprints: { [fingerprintKey]: findingFingerprint(finding) },
    };
    const ruleIndex = ruleIndexById.get(finding.ruleId);
    if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
    if (finding.fixes.length > 0) {
      result.fixes = finding.fixes.map((fix) => {
        const paths = [...new Set(fix.edits.map((edit) => edit.path))];
        return {
          description: { text: fix.title },
          artifactChanges: paths.map((path) => ({
            artifactLocation: { uri: renderArtifactUri(path) },
            replacements: fix.edits
              .filter((edit) => edit.path === path)
              .map((edit) => ({
                deletedRegion: buildRegion(files, path, edit.startOffset, edit.endOffset),
                insertedContent: { text: edit.newText },
              })),
          })),
        };
      });
    }
    return result;
  });
  return {
    $schema: sarifSchemaUri,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'ecs-iam-lint',
          informationUri: projectUrl,
          version: toolVersion,
          rules: rules.map((rule) => ({
            id: rule.id,
            shortDescription: { text: rule.description },
            helpUri: ruleDocsUrl(rule.id),
            defaultConfiguration: { level: levelBySeverity[rule.defaultSeverity] },
            properties: { tags: ['security', 'iam', 'ecs'] },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}

/** A relative URI reference: forward slashes, each segment percent-encoded so spaces and `#` survive. */
export function renderArtifactUri(path: string): string {
  return path.split(/[\\/]/).map((segment) => encodeURIComponent(segment)).join('/');
}
