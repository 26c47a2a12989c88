import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  classifyImage,
  ecrRepositoryArn,
  parseEcrImage,
  parseEcrImageTemplate,
} from '../../../src/core/model/image-reference.js';

const digest = 'sha256:' + '0123456789abcdef'.repeat(4);

test('parses private ECR URIs in every partition, FIPS and dual-stack', () => {
  const cases: [string, { region: string; partition: string; dnsSuffix: string; dualStack: boolean; fips: boolean }][] = [
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/app', { region: 'us-east-1', partition: 'aws', dnsSuffix: 'amazonaws.com', dualStack: false, fips: false }],
    ['123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/app', { region: 'us-east-1', partition: 'aws', dnsSuffix: 'amazonaws.com', dualStack: false, fips: true }],
    ['123456789012.dkr-ecr.us-east-2.on.aws/app', { region: 'us-east-2', partition: 'aws', dnsSuffix: 'on.aws', dualStack: true, fips: false }],
    ['123456789012.dkr-ecr-fips.us-east-2.on.aws/app', { region: 'us-east-2', partition: 'aws', dnsSuffix: 'on.aws', dualStack: true, fips: true }],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app', { region: 'cn-north-1', partition: 'aws-cn', dnsSuffix: 'amazonaws.com.cn', dualStack: false, fips: false }],
    ['123456789012.dkr-ecr.cn-north-1.on.amazonwebservices.com.cn/app', { region: 'cn-north-1', partition: 'aws-cn', dnsSuffix: 'on.amazonwebservices.com.cn', dualStack: true, fips: false }],
    ['123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/app', { region: 'us-gov-west-1', partition: 'aws-us-gov', dnsSuffix: 'amazonaws.com', dualStack: false, fips: false }],
    ['123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app', { region: 'us-gov-west-1', partition: 'aws-us-gov', dnsSuffix: 'amazonaws.com', dualStack: false, fips: true }],
    ['123456789012.dkr.ecr.us-iso-east-1.c2s.ic.gov/app', { region: 'us-iso-east-1', partition: 'aws-iso', dnsSuffix: 'c2s.ic.gov', dualStack: false, fips: false }],
    ['123456789012.dkr-ecr.us-iso-east-1.on.aws.ic.gov/app', { region: 'us-iso-east-1', partition: 'aws-iso', dnsSuffix: 'on.aws.ic.gov', dualStack: true, fips: false }],
    ['123456789012.dkr.ecr.us-isob-east-1.sc2s.sgov.gov/app', { region: 'us-isob-east-1', partition: 'aws-iso-b', dnsSuffix: 'sc2s.sgov.gov', dualStack: false, fips: false }],
    ['123456789012.dkr-ecr.us-isob-east-1.on.aws.scloud/app', { region: 'us-isob-east-1', partition: 'aws-iso-b', dnsSuffix: 'on.aws.scloud', dualStack: true, fips: false }],
    ['123456789012.dkr.ecr.eu-isoe-west-1.cloud.adc-e.uk/app', { region: 'eu-isoe-west-1', partition: 'aws-iso-e', dnsSuffix: 'cloud.adc-e.uk', dualStack: false, fips: false }],
    ['123456789012.dkr-ecr.eu-isoe-west-1.on.cloud-aws.adc-e.uk/app', { region: 'eu-isoe-west-1', partition: 'aws-iso-e', dnsSuffix: 'on.cloud-aws.adc-e.uk', dualStack: true, fips: false }],
    ['123456789012.dkr.ecr.us-isof-south-1.csp.hci.ic.gov/app', { region: 'us-isof-south-1', partition: 'aws-iso-f', dnsSuffix: 'csp.hci.ic.gov', dualStack: false, fips: false }],
    ['123456789012.dkr-ecr.us-isof-south-1.on.aws.hci.ic.gov/app', { region: 'us-isof-south-1', partition: 'aws-iso-f', dnsSuffix: 'on.aws.hci.ic.gov', dualStack: true, fips: false }],
    ['123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu/app', { region: 'eusc-de-east-1', partition: 'aws-eusc', dnsSuffix: 'amazonaws.eu', dualStack: false, fips: false }],
    ['123456789012.dkr-ecr.eusc-de-east-1.on.amazonwebservices.eu/app', { region: 'eusc-de-east-1', partition: 'aws-eusc', dnsSuffix: 'on.amazonwebservices.eu', dualStack: true, fips: false }],
    ['123456789012.dkr-ecr.eusc-de-east-1.amazonwebservices.eu/app', { region: 'eusc-de-east-1', partition: 'aws-eusc', dnsSuffix: 'amazonwebservices.eu', dualStack: true, fips: false }],
  ];
  for (const [image, expected] of cases) {
    const parsed = parseEcrImage(image);
    assert.ok(parsed, image);
    assert.deepEqual(
      { region: parsed.region, partition: parsed.partition, dnsSuffix: parsed.dnsSuffix, dualStack: parsed.dualStack, fips: parsed.fips },
      expected,
      image,
    );
    assert.equal(parsed.registryId, '123456789012');
    assert.equal(parsed.repository, 'app');
    assert.equal(classifyImage(image), 'ecr-private', image);
  }
});

test('separates repository, tag and digest of an ECR URI', () => {
  assert.deepEqual(parseEcrImage('123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web-app:1.2.3'), {
    registryId: '123456789012',
    region: 'eu-west-1',
    partition: 'aws',
    dnsSuffix: 'amazonaws.com',
    repository: 'team/web-app',
    tag: '1.2.3',
    dualStack: false,
    fips: false,
  });
  const byDigest = parseEcrImage(`123456789012.dkr.ecr.us-east-1.amazonaws.com/app@${digest}`);
  assert.equal(byDigest?.digest, digest);
  assert.equal(byDigest?.tag, undefined);
  const both = parseEcrImage(`123456789012.dkr-ecr.us-east-2.on.aws/a.b/c__d/e--f:v1_rc.2@${digest}`);
  assert.equal(both?.repository, 'a.b/c__d/e--f');
  assert.equal(both?.tag, 'v1_rc.2');
  assert.equal(both?.digest, digest);
});

test('rejects malformed ECR URIs', () => {
  for (const image of [
    '12345678901.dkr.ecr.us-east-1.amazonaws.com/app',
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/App',
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/',
    '123456789012.dkr.ecr.us-east-1.amazonaws.com',
    '123456789012.dkr.ecr.useast1.amazonaws.com/app',
    '123456789012.dkr.ecr.us-east-1.example.com/app',
    '123456789012.dkr-ecr.us-east-2.amazonaws.com/app',
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:abc',
    `123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha512:${'0'.repeat(128)}`,
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:.bad',
    'nginx:latest',
  ]) {
    assert.equal(parseEcrImage(image), undefined, image);
  }
});

test('builds the repository ARN in the partition of the DNS suffix', () => {
  const arnOf = (image: string) => ecrRepositoryArn(parseEcrImageTemplate(image)!);
  assert.equal(arnOf('123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app:1'), 'arn:aws:ecr:us-east-1:123456789012:repository/team/app');
  assert.equal(arnOf('123456789012.dkr.ecr.cn-northwest-1.amazonaws.com.cn/app'), 'arn:aws-cn:ecr:cn-northwest-1:123456789012:repository/app');
  assert.equal(arnOf('123456789012.dkr-ecr.us-gov-east-1.on.aws/app'), 'arn:aws-us-gov:ecr:us-gov-east-1:123456789012:repository/app');
  assert.equal(arnOf('123456789012.dkr.ecr.us-isob-east-1.sc2s.sgov.gov/app'), 'arn:aws-iso-b:ecr:us-isob-east-1:123456789012:repository/app');
  assert.equal(
    arnOf('${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/app:latest'),
    'arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/app',
  );
});

test('parses ECR URIs written with Sub tokens and keeps the tokens', () => {
  assert.deepEqual(parseEcrImageTemplate('${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/my-repo:${ImageTag}'), {
    registryId: '${AWS::AccountId}',
    region: '${AWS::Region}',
    partition: '${AWS::Partition}',
    dnsSuffix: '${AWS::URLSuffix}',
    repository: 'my-repo',
    tag: '${ImageTag}',
    dualStack: false,
    fips: false,
  });
  const named = parseEcrImageTemplate('${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/${AWS::StackName}/${ServiceName}-web@${ImageDigest}');
  assert.equal(named?.repository, '${AWS::StackName}/${ServiceName}-web');
  assert.equal(named?.digest, '${ImageDigest}');
  assert.equal(named?.partition, '${AWS::Partition}', 'a token region may be GovCloud');
  const literalRegion = parseEcrImageTemplate('${AWS::AccountId}.dkr.ecr.cn-north-1.${AWS::URLSuffix}/app');
  assert.equal(literalRegion?.partition, 'aws-cn');
  const parameterAccount = parseEcrImageTemplate('${EcrAccountId}.dkr.ecr.us-west-2.amazonaws.com/shared/base:${Tag}');
  assert.equal(parameterAccount?.registryId, '${EcrAccountId}');
  assert.equal(parameterAccount?.partition, 'aws');
  assert.equal(parseEcrImageTemplate('123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1')?.tag, '1');
  assert.equal(parseEcrImage('${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/app'), undefined);
  assert.equal(parseEcrImageTemplate('${ImageUri}'), undefined);
  assert.equal(parseEcrImageTemplate('${Repo.RepositoryUri}:latest'), undefined);
});

test('classifies public ECR, Docker Hub and other registries as needing no IAM', () => {
  const cases: [string, string][] = [
    ['public.ecr.aws/nginx/nginx:latest', 'ecr-public'],
    ['public.ecr.aws/xray/aws-xray-daemon', 'ecr-public'],
    [`public.ecr.aws/aws-observability/aws-otel-collector@${digest}`, 'ecr-public'],
    ['nginx', 'docker-hub'],
    ['nginx:latest', 'docker-hub'],
    [`nginx@${digest}`, 'docker-hub'],
    ['library/nginx:1.25', 'docker-hub'],
    ['amazon/aws-xray-daemon', 'docker-hub'],
    ['docker.io/library/nginx', 'docker-hub'],
    ['nginx:${Tag}', 'docker-hub'],
    ['ghcr.io/org/app:1.0', 'other-registry'],
    ['quay.io/prometheus/node-exporter', 'other-registry'],
    ['registry.gitlab.com/group/project/image:tag', 'other-registry'],
    ['localhost:5000/app', 'other-registry'],
    ['localhost/app', 'other-registry'],
  ];
  for (const [image, kind] of cases) assert.equal(classifyImage(image), kind, image);
});

test('classifies an image as unknown when its registry is a token', () => {
  for (const image of ['${ImageUri}', '${Repo.RepositoryUri}:latest', '${Registry}/app:1', '${ImageName}:${Tag}', '']) {
    assert.equal(classifyImage(image), 'unknown', image);
  }
  assert.equal(classifyImage('${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/app:${Tag}'), 'ecr-private');
  assert.equal(classifyImage('123456789012.dkr.ecr.us-east-1.amazonaws.com/Bad_Repo'), 'ecr-private', 'the host decides');
});
