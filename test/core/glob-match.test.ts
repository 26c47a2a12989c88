import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileGlob, compileGlobs, GlobSyntaxError } from '../../src/core/glob-match.js';

function matches(pattern: string, path: string): boolean {
  return compileGlob(pattern).test(path);
}

test('matches the default include at any depth, dot-directories included', () => {
  const pattern = '**/*.{yml,yaml,json,template}';
  for (const path of ['a.yml', 'infra/b.yaml', 'x/y/z.template', '.github/workflows/ci.yml', 'task.json']) {
    assert.ok(matches(pattern, path), path);
  }
  for (const path of ['a.txt', 'yml', 'infra/b.yaml.bak']) assert.ok(!matches(pattern, path), path);
});

test('keeps * and ? inside one path segment', () => {
  assert.ok(matches('*.yml', 'a.yml'));
  assert.ok(!matches('*.yml', 'dir/a.yml'));
  assert.ok(matches('infra/?.json', 'infra/a.json'));
  assert.ok(!matches('infra/?.json', 'infra/ab.json'));
  assert.ok(!matches('a?b', 'a/b'));
});

test('lets ** stand for zero or more whole segments, and a trailing /** match the directory itself', () => {
  assert.ok(matches('a/**/b.yml', 'a/b.yml'));
  assert.ok(matches('a/**/b.yml', 'a/x/y/b.yml'));
  assert.ok(!matches('a/**/b.yml', 'a/xb.yml'));
  assert.ok(matches('test/fixtures/**', 'test/fixtures'));
  assert.ok(matches('test/fixtures/**', 'test/fixtures/deep/x.yaml'));
  assert.ok(!matches('test/fixtures/**', 'test/fixtures-old/x.yaml'));
  assert.ok(matches('**', 'anything/at/all'));
  assert.ok(matches('infra/', 'infra/app.yaml'));
});

test('supports character classes, negated either way, that never match a slash', () => {
  assert.ok(matches('env-[a-c].yml', 'env-b.yml'));
  assert.ok(!matches('env-[a-c].yml', 'env-d.yml'));
  assert.ok(matches('env-[!a-c].yml', 'env-d.yml'));
  assert.ok(matches('env-[^a-c].yml', 'env-d.yml'));
  assert.ok(!matches('a[!x]b', 'a/b'));
  assert.ok(matches('[]]x', ']x'));
});

test('expands nested brace alternatives', () => {
  assert.ok(matches('{infra,deploy/{dev,prod}}/*.yml', 'deploy/prod/a.yml'));
  assert.ok(matches('{infra,deploy/{dev,prod}}/*.yml', 'infra/a.yml'));
  assert.ok(!matches('{infra,deploy/{dev,prod}}/*.yml', 'deploy/a.yml'));
});

test('treats regular-expression characters, escapes and unclosed brackets literally', () => {
  assert.ok(matches('a+(b)$.yml', 'a+(b)$.yml'));
  assert.ok(matches('a\\*b', 'a*b'));
  assert.ok(!matches('a\\*b', 'axb'));
  assert.ok(matches('[abc', '[abc'));
  assert.ok(matches('{abc', '{abc'));
});

test('ignores a leading ./ or /', () => {
  assert.ok(matches('./infra/*.yml', 'infra/a.yml'));
  assert.ok(matches('/infra/*.yml', 'infra/a.yml'));
});

test('refuses brace patterns that would expand without bound', () => {
  assert.throws(() => compileGlob('{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}'), GlobSyntaxError);
});

test('combines a list of patterns with or', () => {
  const isMatch = compileGlobs(['*.yml', 'infra/**']);
  assert.ok(isMatch('a.yml'));
  assert.ok(isMatch('infra/x/y.txt'));
  assert.ok(!isMatch('other/y.txt'));
  assert.ok(!compileGlobs([])('a.yml'));
});
