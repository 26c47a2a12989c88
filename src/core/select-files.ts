/**
 * Picks, without parsing, the files a review of some changed files needs: the changed files and those
 * that share a role name, an export, or a nested-stack reference with them. Reviewing one file in a
 * repository of thousands then parses a handful, not all.
 */
import type { Finding } from './finding.js';

interface TextFile {
  path: string;
  text: string;
}

/** How many hops of references are followed from the changed files (task -> parent stack -> cluster stack). */
const maxHops = 3;

const roleNamePattern = /RoleName["']?\s*:\s*["']?([\w+=,.@-]{2,64})/g;
const roleArnPattern = /:role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{2,64})/g;
const bareRolePattern = /"(?:executionRoleArn|taskRoleArn)"\s*:\s*"([\w+=,.@-]{2,64})"/g;
const importPattern = /ImportValue["']?\s*:?\s*[^\n]*/g;
const exportNamePattern = /Export["']?\s*:\s*\{?\s*\n?\s*["']?Name["']?\s*:\s*([^\n}]+)/g;
const templateUrlPattern = /(?:TemplateURL|Location)["']?\s*:\s*["']?([^\s"',}]+)/g;

/**
 * What links a file to others: words to look for in their text (role names, export names, its own file
 * name for the parent that nests it), and file names its nested stacks point at.
 */
function referenceTokens(file: TextFile): { tokens: Set<string>; fileNames: Set<string> } {
  const tokens = new Set<string>();
  const fileNames = new Set<string>();
  const text = file.text;
  for (const pattern of [roleNamePattern, roleArnPattern, bareRolePattern]) {
    for (const match of text.matchAll(pattern)) tokens.add(match[1]);
  }
  for (const pattern of [importPattern, exportNamePattern]) {
    for (const match of text.matchAll(pattern)) {
      // The part after the last `}` (or the whole) distinguishes the export: `${Stack}-ExecutionRoleArn`.
      const tail = /([\w:.-]{4,})["'\])\s]*$/.exec(match[1] ?? match[0]);
      if (tail && !/^(Fn::ImportValue|ImportValue|Fn::Sub|Name)$/.test(tail[1])) tokens.add(tail[1].replace(/^[-:]/, ''));
    }
  }
  for (const match of text.matchAll(templateUrlPattern)) fileNames.add(baseName(match[1]));
  // A parent stack names this file in its TemplateURL or Location.
  tokens.add(baseName(file.path));
  tokens.delete('');
  fileNames.delete('');
  return { tokens, fileNames };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function selectFilesForChanges<T extends TextFile>(files: readonly T[], changedPaths: readonly string[]): T[] {
  const changed = new Set(changedPaths);
  const selected = new Set<T>(files.filter((file) => changed.has(file.path)));
  let frontier = [...selected];
  for (let hop = 0; hop < maxHops && frontier.length > 0; hop++) {
    const tokens = new Set<string>();
    const fileNames = new Set<string>();
    for (const file of frontier) {
      const references = referenceTokens(file);
      references.tokens.forEach((token) => tokens.add(token));
      references.fileNames.forEach((name) => fileNames.add(name));
    }
    const pattern = tokens.size ? new RegExp([...tokens].map(escapeRegExp).join('|')) : undefined;
    frontier = [];
    for (const file of files) {
      if (selected.has(file)) continue;
      if (!fileNames.has(baseName(file.path)) && !pattern?.test(file.text)) continue;
      selected.add(file);
      frontier.push(file);
    }
  }
  return files.filter((file) => selected.has(file));
}

/** Whether a finding concerns one of the paths: where it points, what its fix edits, or what it depends on. */
export function findingTouches(finding: Finding, paths: ReadonlySet<string>): boolean {
  if (paths.has(finding.path)) return true;
  if (finding.fixes.some((fix) => fix.edits.some((edit) => paths.has(edit.path)))) return true;
  return (finding.relatedPaths ?? []).some((path) => paths.has(path));
}
