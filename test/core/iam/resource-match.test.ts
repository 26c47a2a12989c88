import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchResource, matchSubPattern, type MatchResult } from '../../../src/core/iam/resource-match.js';

const LOG_GROUP = 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/ecs/app:*';

test('matches a template log group ARN against common policy resources', () => {
  const table: [string, MatchResult][] = [
    ['*', 'yes'],
    ['arn:*:logs:*:*:*', 'yes'],
    // Pseudo parameters on the resource side match literals too, as they do on the policy side.
    ['arn:aws:logs:*:*:*', 'yes'],
    [LOG_GROUP, 'yes'],
    ['arn:${AWS::Partition}:logs:*:*:log-group:/ecs/app*', 'yes'],
    ['arn:${AWS::Partition}:logs:*:*:log-group:/ecs/app', 'no'],
    ['arn:aws:logs:us-east-1:123456789012:log-group:/ecs/other:*', 'no'],
    ['arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:*', 'yes'],
    ['arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/ecs/*', 'yes'],
    ['arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/ecs/app:log-stream:*', 'no'],
  ];
  for (const [pattern, expected] of table) assert.equal(matchResource(pattern, LOG_GROUP), expected, pattern);
});

test('treats a star in the resource as a literal character', () => {
  assert.equal(matchResource('arn:aws:logs:us-east-1:1:log-group:/ecs/app:*', 'arn:aws:logs:us-east-1:1:log-group:/ecs/app:*'), 'yes');
  assert.equal(matchResource('arn:aws:logs:us-east-1:1:log-group:/ecs/app:x', 'arn:aws:logs:us-east-1:1:log-group:/ecs/app:*'), 'no');
  assert.equal(matchResource('arn:aws:logs:us-east-1:1:log-group:/ecs/ap?:?', 'arn:aws:logs:us-east-1:1:log-group:/ecs/app:*'), 'yes');
});

test('lets pseudo parameters in the policy match the concrete ARN of a task definition JSON', () => {
  const pattern = 'arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task-definition/app:*';
  assert.equal(matchResource(pattern, 'arn:aws:ecs:us-east-1:123456789012:task-definition/app:3'), 'yes');
  assert.equal(matchResource(pattern, 'arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/app:3'), 'yes');
  assert.equal(matchResource(pattern, 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3'), 'no');
  // A pseudo parameter stands for one ARN segment, never a run across separators.
  assert.equal(matchResource('arn:${AWS::Partition}:ecs:${AWS::Region}:task-definition/app:3', 'arn:aws:ecs:us-east-1:123456789012:task-definition/app:3'), 'no');
});

test('decides pseudo parameters for certain once the config pins account and region', () => {
  const pattern = 'arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:*';
  assert.equal(matchResource(pattern, LOG_GROUP, { account: '123456789012', region: 'us-east-1' }), 'yes');
  assert.equal(matchResource(pattern, LOG_GROUP, { account: '999999999999', region: 'us-east-1' }), 'no');
  assert.equal(matchResource(pattern, LOG_GROUP, { account: '123456789012', region: 'eu-west-1' }), 'no');
  assert.equal(matchResource(pattern, LOG_GROUP, { account: '123456789012', region: 'cn-north-1' }), 'no');
  assert.equal(matchResource(pattern, LOG_GROUP, { account: '123456789012' }), 'yes');
  assert.equal(
    matchResource('arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task-definition/app:*', 'arn:aws:ecs:us-east-1:123456789012:task-definition/app:3', {
      account: '999999999999',
    }),
    'no',
  );
});

test('accepts Secrets Manager grants by the six-character suffix or a star', () => {
  const secret = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-password-AbCdEf';
  const base = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-password';
  assert.equal(matchResource(`${base}-??????`, secret), 'yes');
  assert.equal(matchResource(`${base}*`, secret), 'yes');
  assert.equal(matchResource(`${base}-*`, secret), 'yes');
  assert.equal(matchResource(`${base}-?????`, secret), 'no');
  assert.equal(matchResource(base, secret), 'no');
  assert.equal(matchResource('arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/other-??????', secret), 'no');
  assert.equal(matchResource('arn:${AWS::Partition}:secretsmanager:*:*:secret:*', secret), 'yes');
});

test('lets a policy wildcard cover a secret known only as a template value', () => {
  assert.equal(matchResource('arn:${AWS::Partition}:secretsmanager:*:*:secret:*', 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${DbSecret}'), 'yes');
  assert.equal(matchResource('*', '${DbSecret}'), 'yes');
  assert.equal(matchResource('${DbSecret}', '${DbSecret}'), 'yes');
  assert.equal(matchResource('${DbSecret}', '${OtherSecret}'), 'maybe');
  assert.equal(matchResource('arn:aws:secretsmanager:us-east-1:123456789012:secret:db-*', '${DbSecret}'), 'maybe');
});

test('answers maybe where a parameter decides the match', () => {
  assert.equal(matchResource('arn:aws:s3:::${MyParam}/*', 'arn:aws:s3:::config-bucket/app.env'), 'maybe');
  assert.equal(matchResource('arn:aws:s3:::config-bucket/*', 'arn:aws:s3:::${MyParam}/app.env'), 'maybe');
  assert.equal(matchResource('arn:aws:s3:::my-*-bucket/*', 'arn:aws:s3:::${MyParam}/app.env'), 'maybe');
  assert.equal(matchResource('arn:aws:s3:::${MyParam}/*', 'arn:aws:s3:::${MyParam}/app.env'), 'yes');
  assert.equal(matchResource('arn:aws:s3:::${MyParam}/*', 'arn:aws:sqs:us-east-1:1:queue'), 'no');
  assert.equal(matchResource('arn:aws:logs:*:*:log-group:${LogGroup}:*', 'arn:aws:logs:us-east-1:1:log-group:${LogGroup}:*'), 'yes');
  assert.equal(matchResource('arn:aws:logs:*:*:log-group:${LogGroup}:*', 'arn:aws:logs:us-east-1:1:log-group:${Secret.Arn}:*'), 'maybe');
});

test('reads the Fn::Sub escape as literal text', () => {
  // Unescaped on the resource side it is an unresolved template value instead.
  assert.equal(matchResource('arn:aws:s3:::bucket/${!Literal}', 'arn:aws:s3:::bucket/${Literal}'), 'maybe');
  assert.equal(matchResource('arn:aws:s3:::bucket/${!Literal}', 'arn:aws:s3:::bucket/${!Literal}'), 'yes');
  assert.equal(matchResource('arn:aws:s3:::bucket/${!Literal}', 'arn:aws:s3:::bucket/other'), 'no');
  // IAM's own policy variables are request-time values.
  assert.equal(matchResource('arn:aws:s3:::bucket/${!aws:username}/*', 'arn:aws:s3:::bucket/alice/file'), 'maybe');
  assert.equal(matchResource('arn:aws:s3:::bucket/${!*}', 'arn:aws:s3:::bucket/x'), 'no');
});

test('compares resources case-sensitively and condition values as asked', () => {
  assert.equal(matchResource('arn:aws:s3:::Bucket/*', 'arn:aws:s3:::bucket/key'), 'no');
  assert.equal(matchSubPattern('ECS-Tasks.amazonaws.com', 'ecs-tasks.amazonaws.com', { wildcards: false, ignoreCase: true }), 'yes');
  assert.equal(matchSubPattern('ecs-*', 'ecs-tasks.amazonaws.com', { wildcards: false, ignoreCase: false }), 'no');
  assert.equal(matchSubPattern('ecs-*', 'ecs-*', { wildcards: false, ignoreCase: false }), 'yes');
});

// Pathological patterns terminate with the right answers (the matcher is a bounded dynamic program, not
// backtracking); how fast is the benchmark's business, not a timed test's on a shared machine.
test('answers pathological patterns without exponential backtracking', () => {
  assert.equal(matchResource('*a*a*a*a*a*a*a*a*b', 'a'.repeat(2000)), 'no');
  assert.equal(matchResource('*a*a*a*a*a*a*a*a*b', `arn:${'a'.repeat(1500)}:\${AWS::AccountId}:c`), 'no');
  assert.equal(matchResource('*a*${P}*a*a*a*a*a*a*b', `arn:${'a'.repeat(1500)}:\${Q}:${'a'.repeat(1000)}`), 'no');
  assert.equal(matchResource('*a*${P}*a*a*a*a*a*a*b', `arn:${'a'.repeat(1500)}:${'a'.repeat(1000)}\${Q}`), 'maybe');
});

test('matches ARNs of thousands of characters without exhausting the stack', () => {
  const start = performance.now();
  const longName = `/ecs/${'x'.repeat(2500)}`;
  const logGroup = `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:${longName}:*`;
  assert.equal(matchResource(`arn:aws:logs:*:*:log-group:${longName}:*`, logGroup), 'yes');
  assert.equal(matchResource(`arn:*:logs:*:*:log-group:${longName}:*`, logGroup), 'yes');
  assert.equal(matchResource(`arn:*:logs:*:*:log-group:${longName}y:*`, logGroup), 'no');
  assert.ok(performance.now() - start < 1000, `took ${performance.now() - start} ms`);
});
