import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  classifySecretReference,
  secretResourceCandidates,
  type SecretReference,
  type SecretsManagerReference,
  type SsmParameterReference,
} from '../../../src/core/model/secret-reference.js';

function secretsManager(reference: SecretReference): SecretsManagerReference {
  assert.equal(reference.kind, 'secretsmanager', JSON.stringify(reference));
  return reference as SecretsManagerReference;
}

function ssm(reference: SecretReference): SsmParameterReference {
  assert.equal(reference.kind, 'ssm', JSON.stringify(reference));
  return reference as SsmParameterReference;
}

test('strips the ECS json-key suffix from a Secrets Manager ARN', () => {
  const reference = secretsManager(classifySecretReference('arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password::'));
  assert.equal(reference.secretArn, 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf');
  assert.equal(reference.name, 'db');
  assert.equal(reference.hasRandomSuffix, true);
  assert.equal(reference.jsonKey, 'password');
  assert.equal(reference.versionStage, '');
  assert.equal(reference.versionId, '');
  assert.equal(reference.region, 'us-east-1');
  assert.equal(reference.account, '123456789012');
  assert.deepEqual(secretResourceCandidates(reference), ['arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf']);

  const staged = secretsManager(
    classifySecretReference('arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:app/db-XyZ123::AWSPREVIOUS:'),
  );
  assert.equal(staged.secretArn, 'arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:app/db-XyZ123');
  assert.equal(staged.versionStage, 'AWSPREVIOUS');
});

test('treats a secret name ending like a random suffix as ambiguous', () => {
  const ambiguous = secretsManager(classifySecretReference('arn:aws:secretsmanager:us-east-1:123456789012:secret:db-master'));
  assert.equal(ambiguous.hasRandomSuffix, 'unknown');
  assert.equal(ambiguous.name, 'db-master');
  assert.deepEqual(secretResourceCandidates(ambiguous), [
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-master',
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-master-AbCdEf',
  ]);
  const partial = secretsManager(classifySecretReference('arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-pass'));
  assert.equal(partial.hasRandomSuffix, false);
  assert.equal(partial.name, 'prod/db-pass');
  assert.equal(secretResourceCandidates(partial)[1], 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-pass-AbCdEf');
});

test('reads Secrets Manager ARNs built with pseudo parameters', () => {
  const reference = secretsManager(
    classifySecretReference('arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db-pass'),
  );
  assert.equal(reference.secretArn, 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db-pass');
  assert.equal(reference.partition, '${AWS::Partition}');
  assert.equal(reference.hasRandomSuffix, false);
  const named = secretsManager(
    classifySecretReference('arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${DbSecretName}:username::'),
  );
  assert.equal(named.secretArn, 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${DbSecretName}');
  assert.equal(named.hasRandomSuffix, 'unknown');
  assert.equal(named.jsonKey, 'username');
});

test('maps an SSM parameter ARN to its IAM resource', () => {
  const reference = ssm(classifySecretReference('arn:aws:ssm:eu-west-1:123456789012:parameter/app/db/password'));
  assert.equal(reference.parameterArn, 'arn:aws:ssm:eu-west-1:123456789012:parameter/app/db/password');
  assert.equal(reference.bareName, false);
  assert.equal(reference.region, 'eu-west-1');
  assert.equal(reference.malformedColonForm, false);
  assert.equal(reference.referencesSecretsManager, false);
  const templated = ssm(classifySecretReference('arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${Env}/db'));
  assert.equal(templated.parameterArn, 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${Env}/db');
});

test('builds the ARN of a bare SSM name without its leading slash', () => {
  const withSlash = ssm(classifySecretReference('/app/db/password'));
  assert.equal(withSlash.parameterArn, 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/app/db/password');
  assert.equal(withSlash.name, '/app/db/password');
  assert.equal(withSlash.bareName, true);
  const withoutSlash = ssm(classifySecretReference('db-password'));
  assert.equal(withoutSlash.parameterArn, 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/db-password');
  const inContext = ssm(classifySecretReference('/app/db', { region: 'cn-north-1', account: '123456789012', partition: 'aws-cn' }));
  assert.equal(inContext.parameterArn, 'arn:aws-cn:ssm:cn-north-1:123456789012:parameter/app/db');
  const templated = ssm(classifySecretReference('/${Env}/db/password'));
  assert.equal(templated.parameterArn, 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${Env}/db/password');
});

test('recognises a Secrets Manager secret read through /aws/reference/secretsmanager/', () => {
  const reference = ssm(classifySecretReference('/aws/reference/secretsmanager/x'));
  assert.equal(reference.referencesSecretsManager, true);
  assert.equal(reference.parameterArn, 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/aws/reference/secretsmanager/x');
  assert.equal(reference.referencedSecret?.secretArn, 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:x');
  const byArn = ssm(classifySecretReference('arn:aws:ssm:us-east-1:123456789012:parameter/aws/reference/secretsmanager/prod/db-AbCdEf'));
  assert.equal(byArn.referencesSecretsManager, true);
  assert.equal(byArn.referencedSecret?.secretArn, 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf');
  assert.equal(byArn.referencedSecret?.hasRandomSuffix, true);
});

test('flags the parameter:/name typo but still maps it to the intended parameter', () => {
  const reference = ssm(classifySecretReference('arn:aws:ssm:us-east-1:123456789012:parameter:/app/db'));
  assert.equal(reference.malformedColonForm, true);
  assert.equal(reference.parameterArn, 'arn:aws:ssm:us-east-1:123456789012:parameter/app/db');
});

test('rejects values that are neither secret nor parameter references', () => {
  for (const value of [
    'arn:aws:s3:::bucket/key.env',
    'arn:aws:kms:us-east-1:123456789012:key/abc',
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:db:password',
    'arn:aws:secretsmanager:us-east-1:12345:secret:db',
    'arn:aws:ssm:us-east-1:123456789012:document/x',
    'my secret',
    'app//db',
    '',
  ]) {
    const reference = classifySecretReference(value);
    assert.equal(reference.kind, 'invalid', value);
    assert.ok(reference.kind === 'invalid' && reference.reason.length > 0);
  }
});

test('leaves values that start with a token unclassified', () => {
  assert.equal(classifySecretReference('${DbSecret}').kind, 'unknown');
  assert.equal(classifySecretReference('${DbSecret}:password::').kind, 'unknown');
});

test('reads a bare CredentialsParameter name as a Secrets Manager secret in the task region', () => {
  const reference = secretsManager(classifySecretReference('dockerhub-creds', { bareNameKind: 'secretsmanager', region: 'us-east-1' }));
  assert.equal(reference.bareName, true);
  assert.equal(reference.secretArn, 'arn:${AWS::Partition}:secretsmanager:us-east-1:${AWS::AccountId}:secret:dockerhub-creds');
  assert.equal(reference.hasRandomSuffix, false);
  assert.deepEqual(secretResourceCandidates(reference), [
    'arn:${AWS::Partition}:secretsmanager:us-east-1:${AWS::AccountId}:secret:dockerhub-creds',
    'arn:${AWS::Partition}:secretsmanager:us-east-1:${AWS::AccountId}:secret:dockerhub-creds-AbCdEf',
  ]);
  const suffixed = secretsManager(classifySecretReference('dockerhub-Xy12Ab', { bareNameKind: 'secretsmanager' }));
  assert.equal(suffixed.hasRandomSuffix, true);
  assert.equal(suffixed.name, 'dockerhub');
  assert.equal(classifySecretReference('not a name', { bareNameKind: 'secretsmanager' }).kind, 'invalid');
});
