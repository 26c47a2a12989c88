import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseS3ObjectArn } from '../../../src/core/model/s3-object-reference.js';

test('parses S3 object ARNs and their bucket ARN, tokens included', () => {
  assert.deepEqual(parseS3ObjectArn('arn:aws:s3:::my-config.bucket/envs/prod/app.env'), {
    partition: 'aws',
    bucket: 'my-config.bucket',
    key: 'envs/prod/app.env',
    objectArn: 'arn:aws:s3:::my-config.bucket/envs/prod/app.env',
    bucketArn: 'arn:aws:s3:::my-config.bucket',
  });
  assert.deepEqual(parseS3ObjectArn('arn:${AWS::Partition}:s3:::${ConfigBucket}/${AWS::StackName}/app.env'), {
    partition: '${AWS::Partition}',
    bucket: '${ConfigBucket}',
    key: '${AWS::StackName}/app.env',
    objectArn: 'arn:${AWS::Partition}:s3:::${ConfigBucket}/${AWS::StackName}/app.env',
    bucketArn: 'arn:${AWS::Partition}:s3:::${ConfigBucket}',
  });
  assert.equal(parseS3ObjectArn('arn:aws-cn:s3:::bucket-${Env}/a.env')?.bucket, 'bucket-${Env}');
  for (const value of ['arn:aws:s3:::bucket', 'arn:aws:s3:::Bucket/key', 'arn:aws:s3:::ab/key', 's3://bucket/key', 'arn:aws:s3:us-east-1::bucket/key']) {
    assert.equal(parseS3ObjectArn(value), undefined, value);
  }
});
