import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultLintConfig } from '../../src/core/config.js';
import { buildPathFilter, computeGitBlobSha, normalizeRepoPath } from '../../src/github/file-source.js';

test('computes git blob ids as `git hash-object` does', () => {
  assert.equal(computeGitBlobSha(Buffer.from('hello\n')), 'ce013625030ba8dba906f756967f9e9ca394464a');
  assert.equal(computeGitBlobSha(Buffer.from('')), 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
});

test('selects repository paths as the CLI walks directories: paths, include, exclude, skipped directories', () => {
  const config = { ...defaultLintConfig(), exclude: ['test/fixtures/**'] };
  const everything = buildPathFilter(config, ['.']);
  assert.equal(everything('infra/service.yaml'), true);
  assert.equal(everything('README.md'), false);
  assert.equal(everything('test/fixtures/broken.yaml'), false);
  assert.equal(everything('node_modules/pkg/template.yaml'), false);
  assert.equal(everything('.github/workflows/ci.yml'), true);
  const infraOnly = buildPathFilter(config, ['./infra/', 'tasks/orders.json']);
  assert.equal(infraOnly('infra/deep/service.yaml'), true);
  assert.equal(infraOnly('tasks/orders.json'), true);
  assert.equal(infraOnly('tasks/other.json'), false);
  assert.equal(infraOnly('infrastructure/x.yaml'), false);
});

test('normalises path inputs to repository-relative form', () => {
  assert.equal(normalizeRepoPath('.'), '');
  assert.equal(normalizeRepoPath('./infra/'), 'infra');
  assert.equal(normalizeRepoPath('infra\\roles.yaml'), 'infra/roles.yaml');
});
