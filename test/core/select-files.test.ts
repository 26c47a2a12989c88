import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectFilesForChanges } from '../../src/core/select-files.js';
import { findingsOf, lintFiles } from '../rule-tester.js';
import { defaultLintConfig } from '../../src/core/config.js';
import { lint } from '../../src/core/lint.js';

const roles = `Resources:
  Exec:
    Type: AWS::IAM::Role
    Properties:
      RoleName: orders-exec
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, Action: sts:AssumeRole}]
`;
const task = JSON.stringify({
  family: 'orders',
  requiresCompatibilities: ['FARGATE'],
  executionRoleArn: 'arn:aws:iam::123456789012:role/orders-exec',
  containerDefinitions: [{ name: 'app', image: 'nginx', logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/orders', 'awslogs-region': 'eu-west-1' } } }],
});
const unrelated = (i: number) => ({ path: `other/${i}.yaml`, text: `Resources:\n  Bucket${i}:\n    Type: AWS::S3::Bucket\n` });

test('a changed task definition selects the template defining its role, and nothing unrelated', () => {
  const files = [{ path: 'roles.yaml', text: roles }, { path: 'task.json', text: task }, ...Array.from({ length: 50 }, (_, i) => unrelated(i))];
  assert.deepEqual(selectFilesForChanges(files, ['task.json']).map((f) => f.path), ['roles.yaml', 'task.json']);
});

test('a changed role template selects the unchanged task definitions that use its roles', () => {
  const files = [{ path: 'roles.yaml', text: roles }, { path: 'task.json', text: task }, unrelated(1)];
  assert.deepEqual(selectFilesForChanges(files, ['roles.yaml']).map((f) => f.path), ['roles.yaml', 'task.json']);
});

test('a changed service stack reaches the cluster stack through the parent that nests both', () => {
  const files = [
    { path: 'master.yaml', text: 'Resources:\n  A:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: https://s3.amazonaws.com/b/cluster.yaml\n  B:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: https://s3.amazonaws.com/b/service.yaml\n' },
    { path: 'cluster.yaml', text: 'Resources:\n  C:\n    Type: AWS::ECS::Cluster\n' },
    { path: 'service.yaml', text: 'Resources:\n  S:\n    Type: AWS::ECS::Service\n' },
    unrelated(2),
  ];
  assert.deepEqual(selectFilesForChanges(files, ['service.yaml']).map((f) => f.path), ['master.yaml', 'cluster.yaml', 'service.yaml']);
});

test('review mode reports the unchanged task definition a changed role breaks, and nothing about other files', () => {
  const files = [
    { path: 'roles.yaml', text: roles },
    { path: 'task.json', text: task },
    { path: 'elsewhere.json', text: task.replace('orders-exec', 'missing').replace('"orders"', '"other"') },
  ];
  const review = lint(files, defaultLintConfig(), { changedPaths: ['roles.yaml'] });
  assert.deepEqual(
    review.findings.map((f) => [f.ruleId, f.path]),
    [['awslogs-permissions', 'task.json']],
  );
  // Without review mode the unrelated file has its own finding.
  assert.ok(findingsOf(lintFiles(Object.fromEntries(files.map((f) => [f.path, f.text]))), 'role-not-verifiable').length > 0);
});
