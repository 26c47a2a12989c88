// The manifest, the start script and the subscriptions agree with the contract in interfaces.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { pullRequestEvents } from '../../src/app/app.js';
import { repoRoot } from './app-harness.js';

test('app.yml asks for exactly the permissions and events the App uses', () => {
  const manifest = parseYaml(readFileSync(join(repoRoot, 'app.yml'), 'utf8'));
  assert.equal(manifest.name, 'ecs-iam-lint');
  assert.deepEqual(manifest.default_permissions, { pull_requests: 'write', checks: 'write', contents: 'read', metadata: 'read' });
  assert.deepEqual([...manifest.default_events].sort(), ['check_run', 'check_suite', 'pull_request']);
});

test('the App subscribes to the pull_request actions of the contract', () => {
  assert.deepEqual([...pullRequestEvents], ['pull_request.opened', 'pull_request.reopened', 'pull_request.synchronize', 'pull_request.ready_for_review']);
});

test('npm start runs the built app under probot run', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  assert.equal(pkg.scripts.start, 'probot run ./dist/app.js');
  assert.match(pkg.dependencies.probot, /^14\./);
});
