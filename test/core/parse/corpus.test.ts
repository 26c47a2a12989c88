import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFile } from '../../../src/core/parse/parse-file.js';
import type { FileKind, Syntax } from '../../../src/core/parse/parsed-file.js';

/** Real templates and task definitions collected from public repositories; present on development machines only. */
const corpusDirectory = '/work/shared/corpus';

/**
 * Corpus files expected to fail, with the reason. Empty: every file parses, including cfn-lint's
 * "bad" fixtures, whose faults are semantic rather than syntactic.
 */
const expectedErrors = new Map<string, RegExp>();

const manifestKinds: Record<string, { kind: FileKind; syntax: Syntax }> = {
  'cfn-yaml': { kind: 'cfn-template', syntax: 'yaml' },
  'cfn-json': { kind: 'cfn-template', syntax: 'json' },
  'taskdef-json': { kind: 'task-definition', syntax: 'json' },
};

function listFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .filter((path) => !path.endsWith('MANIFEST.tsv'))
    .sort();
}

function readManifest(): Map<string, string> {
  const kinds = new Map<string, string>();
  const manifestPath = join(corpusDirectory, 'MANIFEST.tsv');
  if (!existsSync(manifestPath)) return kinds;
  for (const line of readFileSync(manifestPath, 'utf8').split('\n').slice(1)) {
    const [localPath, , , , , kind] = line.split('\t');
    if (localPath && kind) kinds.set(localPath, kind);
  }
  return kinds;
}

test('parses every corpus file without throwing, quickly, and recognises its kind', { skip: !existsSync(corpusDirectory) }, () => {
  const manifest = readManifest();
  const files = listFiles(corpusDirectory);
  assert.ok(files.length > 0);
  for (const path of files) {
    const localPath = relative(corpusDirectory, path);
    const text = readFileSync(path, 'utf8');
    const startMilliseconds = performance.now();
    const parsed = parseFile(localPath, text);
    const milliseconds = performance.now() - startMilliseconds;
    assert.ok(milliseconds < 1000, `${localPath} took ${milliseconds} ms`);

    const expectedError = expectedErrors.get(localPath);
    if (expectedError) assert.match(parsed.error?.message ?? '', expectedError, localPath);
    else assert.equal(parsed.error, undefined, `${localPath}: ${parsed.error?.message}`);

    const expected = manifestKinds[manifest.get(localPath) ?? ''];
    if (expected) {
      assert.equal(parsed.kind, expected.kind, localPath);
      assert.equal(parsed.syntax, expected.syntax, localPath);
    }
  }
});
