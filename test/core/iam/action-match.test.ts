import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionService, matchesAction } from '../../../src/core/iam/action-match.js';

test('matches actions case-insensitively', () => {
  assert.equal(matchesAction('ECR:getauthorizationtoken', 'ecr:GetAuthorizationToken'), true);
  assert.equal(matchesAction('ecr:GetAuthorizationToken', 'ECR:GETAUTHORIZATIONTOKEN'), true);
  assert.equal(matchesAction('ecr:GetAuthorizationToken', 'ecr:GetAuthorizationTokens'), false);
});

test('honours trailing and inner star wildcards', () => {
  assert.equal(matchesAction('ecr:Get*', 'ecr:GetDownloadUrlForLayer'), true);
  assert.equal(matchesAction('ecr:Get*', 'ecr:BatchGetImage'), false);
  assert.equal(matchesAction('ecs:Submit*', 'ecs:SubmitTaskStateChange'), true);
  assert.equal(matchesAction('ecs:Submit*', 'ecs:Submit'), true);
  assert.equal(matchesAction('ecr:*Image*', 'ecr:BatchGetImage'), true);
  assert.equal(matchesAction('ecr:*Layer', 'ecr:BatchGetImage'), false);
});

test('lets a service wildcard cover only its own service', () => {
  assert.equal(matchesAction('logs:*', 'logs:PutLogEvents'), true);
  assert.equal(matchesAction('logs:*', 'ecr:BatchGetImage'), false);
});

test('lets a lone star cover every action and a star cross the colon', () => {
  assert.equal(matchesAction('*', 'iam:PassRole'), true);
  assert.equal(matchesAction('**', 'iam:PassRole'), true);
  assert.equal(matchesAction('*:PassRole', 'iam:PassRole'), true);
  assert.equal(matchesAction('e*s:Poll', 'ecs:Poll'), true);
});

test('treats a question mark as exactly one character', () => {
  assert.equal(matchesAction('ecs:P?ll', 'ecs:Poll'), true);
  assert.equal(matchesAction('ecs:P?ll', 'ecs:Pll'), false);
  assert.equal(matchesAction('ecs:Pol?', 'ecs:Poll'), true);
});

test('stays fast on patterns that make naive backtracking explode', () => {
  const start = performance.now();
  assert.equal(matchesAction('*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000)), false);
  // A generous bound: exponential backtracking would take minutes; a shared machine may take a few hundred ms.
  assert.ok(performance.now() - start < 1000);
});

test('names the service of an action in lower case', () => {
  assert.equal(actionService('ECR:GetAuthorizationToken'), 'ecr');
  assert.equal(actionService('*'), '');
});
