import { test } from 'node:test';
import assert from 'node:assert/strict';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { loadActionConfig } from '../../src/action/load-config.js';
import { makeTempTree } from '../cli/temp-tree.js';

test('missing config files mean the defaults', async (t) => {
  const root = await makeTempTree(t, {});
  const loaded = await loadActionConfig(root, '.github/ecs-iam-lint.yml', true);
  assert.ok('config' in loaded);
  assert.equal(loaded.config.failOn, 'error');
  assert.equal(loaded.path, undefined);
});

test('falls back to .ecs-iam-lint.yml when the default path is missing', async (t) => {
  const root = await makeTempTree(t, { '.ecs-iam-lint.yml': 'fail-on: warning\n' });
  const loaded = await loadActionConfig(root, '.github/ecs-iam-lint.yml', true);
  assert.ok('config' in loaded);
  assert.equal(loaded.config.failOn, 'warning');
  assert.equal(loaded.path, '.ecs-iam-lint.yml');
});

test('a config path the workflow names must exist', async (t) => {
  const root = await makeTempTree(t, {});
  assert.deepEqual(await loadActionConfig(root, 'ci/lint.yml', false), { error: 'cannot read config file ci/lint.yml: no such file' });
});

test('an invalid config says which key on which line', async (t) => {
  const root = await makeTempTree(t, { '.github/ecs-iam-lint.yml': 'fail-on: error\nrulez: {}\n' });
  const loaded = await loadActionConfig(root, '.github/ecs-iam-lint.yml', true);
  assert.ok('error' in loaded);
  assert.match(loaded.error, /^invalid config file:\n\.github\/ecs-iam-lint\.yml:2: unknown key "rulez"/);
});

test('never reads a config outside the workspace, even through a symlink', async (t) => {
  const outside = await makeTempTree(t, { 'secret.yml': 'token: hunter2\n' });
  const root = await makeTempTree(t, {});
  await symlink(join(outside, 'secret.yml'), join(root, '.ecs-iam-lint.yml'));
  assert.deepEqual(await loadActionConfig(root, '.ecs-iam-lint.yml', false), { error: 'config .ecs-iam-lint.yml resolves to a path outside the workspace' });
  const escaped = await loadActionConfig(root, '../secret.yml', false);
  assert.ok('error' in escaped && /outside the workspace/.test(escaped.error));
});
