import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeMarkdown } from '../../src/render/escape-markdown.js';

test('breaks @mentions with a zero-width joiner so nobody is notified', () => {
  assert.equal(escapeMarkdown('ask @octocat or @org/team'), 'ask @\u200doctocat or @\u200dorg/team');
});

test('turns HTML into text', () => {
  assert.equal(escapeMarkdown('<details><summary>x</summary>'), '&lt;details&gt;&lt;summary&gt;x&lt;/summary&gt;');
  assert.equal(escapeMarkdown('&amp; <!-- ecs-iam-lint:x -->'), '&amp;amp; &lt;!-- ecs-iam-lint:x --&gt;');
});

test('escapes backticks, links, emphasis, table pipes and math', () => {
  assert.equal(escapeMarkdown('`code` [a](b) ![i](j) *em* _u_ ~~s~~ a|b $x$ # h \\'), '\\`code\\` \\[a\\](b) !\\[i\\](j) \\*em\\* \\_u\\_ \\~\\~s\\~\\~ a\\|b \\$x\\$ \\# h \\\\');
});

test('keeps one table row on one line', () => {
  assert.equal(escapeMarkdown('a\nb\r\nc\rd'), 'a<br>b<br>c<br>d');
});

test('leaves ordinary ARNs readable', () => {
  assert.equal(escapeMarkdown('arn:aws:iam::123456789012:role/ecs-task.role'), 'arn:aws:iam::123456789012:role/ecs-task.role');
});
