import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateCondition, evaluateConditions } from '../../../src/core/iam/condition-eval.js';
import type { PolicyCondition } from '../../../src/core/iam/policy.js';

const passedToEcsTasks: PolicyCondition = { operator: 'StringEquals', key: 'iam:PassedToService', values: ['ecs-tasks.amazonaws.com'] };

test('decides StringEquals on iam:PassedToService when the context knows the service', () => {
  assert.equal(evaluateCondition(passedToEcsTasks, { 'iam:passedtoservice': ['ecs-tasks.amazonaws.com'] }), 'true');
  assert.equal(evaluateCondition(passedToEcsTasks, { 'iam:passedtoservice': ['lambda.amazonaws.com'] }), 'false');
  assert.equal(evaluateCondition(passedToEcsTasks, { 'iam:passedtoservice': ['ECS-TASKS.amazonaws.com'] }), 'false');
});

test('leaves a condition unknown when the context does not mention its key', () => {
  assert.equal(evaluateCondition(passedToEcsTasks, undefined), 'unknown');
  assert.equal(evaluateCondition(passedToEcsTasks, { 'aws:sourceaccount': ['123456789012'] }), 'unknown');
});

test('treats a key known to be absent as IAM does', () => {
  const absent = { 'iam:passedtoservice': [] };
  assert.equal(evaluateCondition(passedToEcsTasks, absent), 'false');
  assert.equal(evaluateCondition({ ...passedToEcsTasks, operator: 'StringNotEquals' }, absent), 'true');
  assert.equal(evaluateCondition({ ...passedToEcsTasks, operator: 'StringEqualsIfExists' }, absent), 'true');
  assert.equal(evaluateCondition({ ...passedToEcsTasks, operator: 'ForAllValues:StringEquals' }, absent), 'true');
  assert.equal(evaluateCondition({ ...passedToEcsTasks, operator: 'ForAnyValue:StringEquals' }, absent), 'false');
});

test('evaluates IfExists operators normally when the key is present and leaves them unknown when unmentioned', () => {
  const condition: PolicyCondition = { operator: 'StringEqualsIfExists', key: 'iam:PassedToService', values: ['ecs-tasks.amazonaws.com'] };
  assert.equal(evaluateCondition(condition, { 'iam:passedtoservice': ['ecs-tasks.amazonaws.com'] }), 'true');
  assert.equal(evaluateCondition(condition, { 'iam:passedtoservice': ['ec2.amazonaws.com'] }), 'false');
  assert.equal(evaluateCondition(condition, {}), 'unknown');
});

test('needs one matching value for ForAnyValue and all of them for ForAllValues', () => {
  const any: PolicyCondition = { operator: 'ForAnyValue:StringLike', key: 'aws:TagKeys', values: ['team', 'cost-*'] };
  const all: PolicyCondition = { ...any, operator: 'ForAllValues:StringLike' };
  const context = { 'aws:tagkeys': ['team', 'owner'] };
  assert.equal(evaluateCondition(any, context), 'true');
  assert.equal(evaluateCondition(all, context), 'false');
  assert.equal(evaluateCondition(all, { 'aws:tagkeys': ['team', 'cost-center'] }), 'true');
  assert.equal(evaluateCondition(any, { 'aws:tagkeys': ['owner'] }), 'false');
});

test('decides Null from whether the key is known to be present', () => {
  const mustBeAbsent: PolicyCondition = { operator: 'Null', key: 'aws:SourceVpc', values: ['true'] };
  const mustBePresent: PolicyCondition = { operator: 'Null', key: 'aws:SourceVpc', values: ['false'] };
  assert.equal(evaluateCondition(mustBeAbsent, { 'aws:sourcevpc': [] }), 'true');
  assert.equal(evaluateCondition(mustBeAbsent, { 'aws:sourcevpc': ['vpc-1'] }), 'false');
  assert.equal(evaluateCondition(mustBePresent, { 'aws:sourcevpc': [] }), 'false');
  assert.equal(evaluateCondition(mustBePresent, { 'aws:sourcevpc': ['vpc-1'] }), 'true');
  assert.equal(evaluateCondition(mustBeAbsent, undefined), 'unknown');
});

test('matches ARN conditions with wildcards and template values', () => {
  const sourceArn: PolicyCondition = { operator: 'ArnLike', key: 'aws:SourceArn', values: ['arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:*'] };
  assert.equal(evaluateCondition(sourceArn, { 'aws:sourcearn': ['arn:aws:ecs:us-east-1:123456789012:task/c/abc'] }), 'true');
  assert.equal(evaluateCondition(sourceArn, { 'aws:sourcearn': ['arn:aws:ec2:us-east-1:123456789012:instance/i-1'] }), 'false');
  assert.equal(evaluateCondition({ ...sourceArn, operator: 'ArnNotLike' }, { 'aws:sourcearn': ['arn:aws:ecs:us-east-1:1:task/c/abc'] }), 'false');
  const account: PolicyCondition = { operator: 'StringEquals', key: 'aws:SourceAccount', values: ['${AccountParam}'] };
  assert.equal(evaluateCondition(account, { 'aws:sourceaccount': ['123456789012'] }), 'unknown');
});

test('compares case-insensitively only where the operator says so', () => {
  const condition: PolicyCondition = { operator: 'StringEqualsIgnoreCase', key: 'aws:PrincipalTag/Team', values: ['Platform'] };
  assert.equal(evaluateCondition(condition, { 'aws:principaltag/team': ['platform'] }), 'true');
  assert.equal(evaluateCondition({ ...condition, operator: 'StringNotEqualsIgnoreCase' }, { 'aws:principaltag/team': ['platform'] }), 'false');
  assert.equal(evaluateCondition({ ...condition, operator: 'stringequals' }, { 'aws:principaltag/team': ['platform'] }), 'false');
});

test('decides Bool, numbers and dates only when both sides are plain', () => {
  assert.equal(evaluateCondition({ operator: 'Bool', key: 'aws:SecureTransport', values: ['true'] }, { 'aws:securetransport': ['TRUE'] }), 'true');
  assert.equal(evaluateCondition({ operator: 'Bool', key: 'aws:SecureTransport', values: ['false'] }, { 'aws:securetransport': ['true'] }), 'false');
  assert.equal(evaluateCondition({ operator: 'NumericLessThan', key: 's3:max-keys', values: ['10'] }, { 's3:max-keys': ['5'] }), 'true');
  assert.equal(evaluateCondition({ operator: 'NumericNotEquals', key: 's3:max-keys', values: ['10'] }, { 's3:max-keys': ['10'] }), 'false');
  assert.equal(evaluateCondition({ operator: 'NumericLessThan', key: 's3:max-keys', values: ['${Max}'] }, { 's3:max-keys': ['5'] }), 'unknown');
  assert.equal(evaluateCondition({ operator: 'DateGreaterThan', key: 'aws:CurrentTime', values: ['2020-01-01T00:00:00Z'] }, { 'aws:currenttime': ['2024-06-01T00:00:00Z'] }), 'true');
  assert.equal(evaluateCondition({ operator: 'IpAddress', key: 'aws:SourceIp', values: ['10.0.0.0/8'] }, { 'aws:sourceip': ['10.1.2.3'] }), 'unknown');
});

test('ANDs the conditions of a statement', () => {
  const account: PolicyCondition = { operator: 'StringEquals', key: 'aws:SourceAccount', values: ['123456789012'] };
  const context = { 'iam:passedtoservice': ['ecs-tasks.amazonaws.com'], 'aws:sourceaccount': ['999999999999'] };
  assert.equal(evaluateConditions([], undefined), 'true');
  assert.equal(evaluateConditions([passedToEcsTasks], context), 'true');
  assert.equal(evaluateConditions([passedToEcsTasks, account], context), 'false');
  assert.equal(evaluateConditions([passedToEcsTasks, { ...account, key: 'aws:SourceArn' }], context), 'unknown');
});
