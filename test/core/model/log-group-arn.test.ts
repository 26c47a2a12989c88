import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logGroupArns } from '../../../src/core/model/log-group-arn.js';

test('gives a log group ARN and the ARN covering its streams', () => {
  assert.deepEqual(logGroupArns('/ecs/web', 'us-east-1'), {
    groupArn: 'arn:${AWS::Partition}:logs:us-east-1:${AWS::AccountId}:log-group:/ecs/web',
    streamsArn: 'arn:${AWS::Partition}:logs:us-east-1:${AWS::AccountId}:log-group:/ecs/web:*',
  });
  assert.equal(logGroupArns('app', '${AWS::Region}', '123456789012', 'aws-cn').groupArn, 'arn:aws-cn:logs:${AWS::Region}:123456789012:log-group:app');
});
