import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateAccess, evaluateTrust, findMissingActions } from '../../../src/core/iam/evaluate.js';
import { emptyPrincipal, type PolicyDocument, type PolicyStatement, type Principal } from '../../../src/core/iam/policy.js';

function statement(effect: 'Allow' | 'Deny', fields: Partial<PolicyStatement>): PolicyStatement {
  return { effect, conditions: [], ...fields };
}

function allow(action: string[], resource: string[] = ['*'], extra: Partial<PolicyStatement> = {}): PolicyStatement {
  return statement('Allow', { action, resource, ...extra });
}

function deny(action: string[], resource: string[] = ['*'], extra: Partial<PolicyStatement> = {}): PolicyStatement {
  return statement('Deny', { action, resource, ...extra });
}

function policy(...statements: PolicyStatement[]): PolicyDocument {
  return { name: 'test', statements };
}

const LOG_GROUP = 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/ecs/app:*';
const BUCKET_OBJECT = 'arn:aws:s3:::config-bucket/app.env';

test('allows an action named with different case or through a wildcard', () => {
  const policies = [policy(allow(['ECR:getauthorizationtoken', 'ecr:Get*', 'logs:*']))];
  for (const action of ['ecr:GetAuthorizationToken', 'ecr:GetDownloadUrlForLayer', 'logs:PutLogEvents']) {
    assert.equal(evaluateAccess(policies, { action, resource: '*' }).allowed, 'yes', action);
  }
  assert.equal(evaluateAccess(policies, { action: 'ecr:BatchGetImage', resource: '*' }).allowed, 'no');
  assert.equal(evaluateAccess([policy(allow(['*']))], { action: 'iam:PassRole', resource: 'arn:aws:iam::1:role/x' }).allowed, 'yes');
});

test('reports every Allow statement that covers the request, best first', () => {
  const broad = allow(['logs:*'], ['arn:aws:logs:*:*:*']);
  const exact = allow(['logs:PutLogEvents'], [LOG_GROUP]);
  const decision = evaluateAccess([policy(broad, exact)], { action: 'logs:PutLogEvents', resource: LOG_GROUP });
  assert.equal(decision.allowed, 'yes');
  assert.deepEqual(new Set(decision.allowingStatements), new Set([exact, broad]));
  assert.equal(decision.reliesOnUndecidedCondition, false);
});

test('lets NotAction allow everything except the excluded service', () => {
  const policies = [policy(statement('Allow', { notAction: ['iam:*'], resource: ['*'] }))];
  assert.equal(evaluateAccess(policies, { action: 's3:GetObject', resource: BUCKET_OBJECT }).allowed, 'yes');
  assert.equal(evaluateAccess(policies, { action: 'IAM:PassRole', resource: '*' }).allowed, 'no');
});

test('lets an explicit Deny override an Allow', () => {
  const denial = deny(['s3:PutObject']);
  const decision = evaluateAccess([policy(allow(['s3:*']))], { action: 's3:PutObject', resource: BUCKET_OBJECT });
  assert.equal(decision.allowed, 'yes');
  const denied = evaluateAccess([policy(allow(['s3:*'])), policy(denial)], { action: 's3:PutObject', resource: BUCKET_OBJECT });
  assert.equal(denied.allowed, 'no');
  assert.equal(denied.denyingStatement, denial);
  assert.equal(denied.blockedByBoundary, false);
  assert.equal(evaluateAccess([policy(allow(['s3:*']), denial)], { action: 's3:GetObject', resource: BUCKET_OBJECT }).allowed, 'yes');
});

test('ignores a Deny that applies only under an undecidable condition, an unresolved value or a CloudFormation condition', () => {
  const grant = allow(['s3:*']);
  const request = { action: 's3:PutObject', resource: BUCKET_OBJECT };
  const conditional = deny(['s3:*'], ['*'], { conditions: [{ operator: 'StringNotEquals', key: 'aws:SourceVpce', values: ['vpce-1'] }] });
  assert.equal(evaluateAccess([policy(grant, conditional)], request).allowed, 'yes');
  assert.equal(evaluateAccess([policy(grant, deny(['s3:*'], ['arn:aws:s3:::${Bucket}/*']))], request).allowed, 'yes');
  assert.equal(evaluateAccess([policy(grant, deny(['s3:*'], ['*'], { unresolved: true }))], request).allowed, 'yes');
  assert.equal(evaluateAccess([policy(grant, deny(['s3:*'], ['*'], { conditional: true }))], request).allowed, 'yes');
  // Decided by the context, the same Deny applies.
  const known = evaluateAccess([policy(grant, conditional)], { ...request, context: { 'aws:sourcevpce': ['vpce-2'] } });
  assert.equal(known.allowed, 'no');
  assert.equal(known.denyingStatement, conditional);
});

test('honours NotResource in Allow and Deny', () => {
  const request = { action: 's3:GetObject', resource: BUCKET_OBJECT };
  assert.equal(evaluateAccess([policy(statement('Allow', { action: ['s3:*'], notResource: ['arn:aws:s3:::secret-bucket/*'] }))], request).allowed, 'yes');
  assert.equal(evaluateAccess([policy(statement('Allow', { action: ['s3:*'], notResource: ['arn:aws:s3:::config-bucket/*'] }))], request).allowed, 'no');
  const guard = statement('Deny', { action: ['s3:*'], notResource: ['arn:aws:s3:::other/*'] });
  assert.equal(evaluateAccess([policy(allow(['s3:*']), guard)], request).allowed, 'no');
  // Whether the Bucket parameter names config-bucket decides it.
  assert.equal(evaluateAccess([policy(statement('Allow', { action: ['s3:*'], notResource: ['arn:aws:s3:::${Bucket}/*'] }))], request).allowed, 'maybe');
});

test('scopes grants to the log group, accepting pseudo parameters and a group-level grant', () => {
  const request = { action: 'logs:CreateLogStream', resource: LOG_GROUP };
  assert.equal(evaluateAccess([policy(allow(['logs:CreateLogStream'], [LOG_GROUP]))], request).allowed, 'yes');
  assert.equal(evaluateAccess([policy(allow(['logs:CreateLogStream'], ['arn:aws:logs:us-east-1:123456789012:log-group:/ecs/other:*']))], request).allowed, 'no');
  // A literal account and region in the policy match the template's pseudo parameters: deployed there, it works.
  assert.equal(evaluateAccess([policy(allow(['logs:CreateLogStream'], ['arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:*']))], request).allowed, 'yes');
  const pinned = { account: '999999999999', region: 'us-east-1' };
  assert.equal(evaluateAccess([policy(allow(['logs:CreateLogStream'], ['arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:*']))], request, pinned).allowed, 'no');
});

test('answers maybe when a grant depends on a parameter or an unresolved statement', () => {
  const request = { action: 's3:GetObject', resource: BUCKET_OBJECT };
  assert.equal(evaluateAccess([policy(allow(['s3:GetObject'], ['arn:aws:s3:::${MyParam}/*']))], request).allowed, 'maybe');
  assert.equal(evaluateAccess([policy(allow(['s3:GetObject'], ['*'], { unresolved: true }))], request).allowed, 'maybe');
  assert.equal(evaluateAccess([policy(allow(['s3:GetObject'], ['*'], { conditional: true }))], request).allowed, 'maybe');
  assert.equal(evaluateAccess([policy(allow(['${ActionParam}'], ['*']))], request).allowed, 'maybe');
  assert.equal(evaluateAccess([policy(statement('Allow', { resource: ['*'], unresolved: true }))], request).allowed, 'maybe');
  // Unresolved but plainly about another service: still no.
  assert.equal(evaluateAccess([policy(allow(['sqs:SendMessage'], ['*'], { unresolved: true }))], request).allowed, 'no');
  // A resolved grant wins over an unresolved one.
  const decision = evaluateAccess([policy(allow(['s3:GetObject'], ['*'], { unresolved: true }), allow(['s3:*']))], request);
  assert.equal(decision.allowed, 'yes');
});

test('counts an Allow under an undecidable condition as granting, and says so', () => {
  const passRole = allow(['iam:PassRole'], ['*'], { conditions: [{ operator: 'StringEquals', key: 'iam:PassedToService', values: ['ecs-tasks.amazonaws.com'] }] });
  const request = { action: 'iam:PassRole', resource: 'arn:aws:iam::123456789012:role/task' };
  const undecided = evaluateAccess([policy(passRole)], request);
  assert.equal(undecided.allowed, 'yes');
  assert.equal(undecided.reliesOnUndecidedCondition, true);
  const decided = evaluateAccess([policy(passRole)], { ...request, context: { 'iam:passedtoservice': ['ecs-tasks.amazonaws.com'] } });
  assert.equal(decided.allowed, 'yes');
  assert.equal(decided.reliesOnUndecidedCondition, false);
  assert.equal(evaluateAccess([policy(passRole)], { ...request, context: { 'iam:passedtoservice': ['lambda.amazonaws.com'] } }).allowed, 'no');
  // An unconditional grant next to it means nothing relies on the condition.
  assert.equal(evaluateAccess([policy(passRole, allow(['iam:PassRole']))], request).reliesOnUndecidedCondition, false);
});

test('limits identity permissions by the permissions boundary', () => {
  const identity = [policy(allow(['s3:*']))];
  const boundary = [policy(allow(['s3:GetObject']))];
  const put = evaluateAccess(identity, { action: 's3:PutObject', resource: BUCKET_OBJECT }, { boundary });
  assert.equal(put.allowed, 'no');
  assert.equal(put.blockedByBoundary, true);
  assert.equal(put.allowingStatements.length, 1);
  const get = evaluateAccess(identity, { action: 's3:GetObject', resource: BUCKET_OBJECT }, { boundary });
  assert.equal(get.allowed, 'yes');
  assert.equal(get.blockedByBoundary, false);
  // A boundary never grants what the identity policies do not.
  const sqs = evaluateAccess(identity, { action: 'sqs:SendMessage', resource: '*' }, { boundary: [policy(allow(['*']))] });
  assert.equal(sqs.allowed, 'no');
  assert.equal(sqs.blockedByBoundary, false);
});

test('caps the answer at maybe when the boundary cannot be seen', () => {
  const decision = evaluateAccess([policy(allow(['s3:*']))], { action: 's3:PutObject', resource: BUCKET_OBJECT }, { boundary: 'unknown' });
  assert.equal(decision.allowed, 'maybe');
  assert.equal(decision.blockedByBoundary, false);
  assert.equal(evaluateAccess([], { action: 's3:PutObject', resource: BUCKET_OBJECT }, { boundary: 'unknown' }).allowed, 'no');
});

test('skips resource-policy statements when evaluating identity policies', () => {
  const principal: Principal = { ...emptyPrincipal(), any: true };
  assert.equal(evaluateAccess([policy(allow(['s3:*'], ['*'], { principal }))], { action: 's3:GetObject', resource: BUCKET_OBJECT }).allowed, 'no');
});

test('lists the actions a role is missing on one resource', () => {
  const policies = [policy(allow(['logs:CreateLogStream'], [LOG_GROUP]), allow(['logs:PutLogEvents'], ['arn:aws:logs:us-east-1:1:log-group:/ecs/app:*']))];
  const missing = findMissingActions(policies, ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:CreateLogGroup'], LOG_GROUP);
  assert.deepEqual(
    missing.map((entry) => [entry.action, entry.decision.allowed]),
    [
      ['logs:CreateLogGroup', 'no'],
    ],
  );
  assert.deepEqual(findMissingActions(policies, ['logs:PutLogEvents'], LOG_GROUP, { account: '1', region: 'us-east-1' }), []);
});

function trustPolicy(...statements: PolicyStatement[]): PolicyDocument {
  return { name: 'trust', statements };
}

function servicePrincipal(...service: string[]): Principal {
  return { ...emptyPrincipal(), service };
}

const ECS_TASKS = { service: 'ecs-tasks.amazonaws.com' };

test('trusts the ECS tasks service principal, alone or in a list', () => {
  const alone = statement('Allow', { action: ['sts:AssumeRole'], principal: servicePrincipal('ecs-tasks.amazonaws.com') });
  assert.deepEqual(evaluateTrust(trustPolicy(alone), ECS_TASKS), { trusts: 'yes', statements: [alone], denyingStatement: undefined });
  const list = statement('Allow', { action: ['sts:AssumeRole'], principal: servicePrincipal('ec2.amazonaws.com', 'ECS-Tasks.amazonaws.com') });
  assert.equal(evaluateTrust(trustPolicy(list), ECS_TASKS).trusts, 'yes');
  assert.equal(evaluateTrust(trustPolicy(list), { service: 'ec2.amazonaws.com' }).trusts, 'yes');
  assert.equal(evaluateTrust(trustPolicy(statement('Allow', { action: ['sts:*'], principal: servicePrincipal('ecs-tasks.amazonaws.com') })), ECS_TASKS).trusts, 'yes');
});

test('does not accept the ECS service principal in place of ecs-tasks', () => {
  const ecs = statement('Allow', { action: ['sts:AssumeRole'], principal: servicePrincipal('ecs.amazonaws.com') });
  assert.deepEqual(evaluateTrust(trustPolicy(ecs), ECS_TASKS), { trusts: 'no', statements: [], denyingStatement: undefined });
  const suffix = statement('Allow', { action: ['sts:AssumeRole'], principal: servicePrincipal('ecs-tasks.${AWS::URLSuffix}') });
  assert.equal(evaluateTrust(trustPolicy(suffix), ECS_TASKS).trusts, 'no');
  const otherAction = statement('Allow', { action: ['sts:TagSession'], principal: servicePrincipal('ecs-tasks.amazonaws.com') });
  assert.equal(evaluateTrust(trustPolicy(otherAction), ECS_TASKS).trusts, 'no');
});

test('trusts any principal written as a star', () => {
  const anyone = statement('Allow', { action: ['sts:AssumeRole'], principal: { ...emptyPrincipal(), any: true } });
  assert.equal(evaluateTrust(trustPolicy(anyone), ECS_TASKS).trusts, 'yes');
});

test('answers maybe for an unresolved trust statement or a principal from a parameter', () => {
  const unresolved = statement('Allow', { action: ['sts:AssumeRole'], principal: servicePrincipal('ecs-tasks.amazonaws.com'), unresolved: true });
  assert.equal(evaluateTrust(trustPolicy(unresolved), ECS_TASKS).trusts, 'maybe');
  const parameter = statement('Allow', { action: ['sts:AssumeRole'], principal: servicePrincipal('${ServicePrincipal}') });
  assert.equal(evaluateTrust(trustPolicy(parameter), ECS_TASKS).trusts, 'maybe');
});

test('lets an unconditional trust Deny win and reports conditional statements for the caller to judge', () => {
  const trust = statement('Allow', {
    action: ['sts:AssumeRole'],
    principal: servicePrincipal('ecs-tasks.amazonaws.com'),
    conditions: [{ operator: 'StringEquals', key: 'aws:SourceAccount', values: ['123456789012'] }],
  });
  assert.equal(evaluateTrust(trustPolicy(trust), ECS_TASKS).trusts, 'yes');
  const denial = statement('Deny', { action: ['sts:*'], principal: servicePrincipal('ecs-tasks.amazonaws.com') });
  const denied = evaluateTrust(trustPolicy(trust, denial), ECS_TASKS);
  assert.equal(denied.trusts, 'no');
  assert.equal(denied.denyingStatement, denial);
  const conditionalDenial = { ...denial, conditions: trust.conditions };
  assert.equal(evaluateTrust(trustPolicy(trust, conditionalDenial), ECS_TASKS).trusts, 'yes');
});

test('reads an unresolved statement with nothing left in Action or Resource as maybe', () => {
  const request = { action: 's3:GetObject', resource: BUCKET_OBJECT };
  assert.equal(evaluateAccess([policy(allow([], ['*'], { unresolved: true }))], request).allowed, 'maybe');
  assert.equal(evaluateAccess([policy(allow(['s3:GetObject'], [], { unresolved: true }))], request).allowed, 'maybe');
  assert.equal(evaluateAccess([policy(allow([], ['*']))], request).allowed, 'no');
});
