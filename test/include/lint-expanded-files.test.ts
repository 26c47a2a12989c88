// How the core lints files a host expanded (InputFile.originalText) or failed to expand
// (InputFile.expansionError), without starting any process.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultLintConfig } from '../../src/core/config.js';
import { lint, type InputFile } from '../../src/core/lint.js';

const original = `AWSTemplateFormatVersion: 2010-09-09
Resources:
  TaskRole:
    Type: AWS::IAM::Role
    Properties: !Include task-role-properties.yaml
  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '256'
      Memory: '512'
      TaskRoleArn: !GetAtt TaskRole.Arn
      ContainerDefinitions:
        - Name: app
          Image: public.ecr.aws/nginx/nginx:1.27
`;

const trustingEcs = {
  AssumeRolePolicyDocument: {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  },
};

/** What cfn-include makes of `original` when the included properties trust ecs.amazonaws.com. */
const expandedText = JSON.stringify({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    TaskRole: { Type: 'AWS::IAM::Role', Properties: trustingEcs },
    TaskDefinition: {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: {
        RequiresCompatibilities: ['FARGATE'],
        NetworkMode: 'awsvpc',
        Cpu: '256',
        Memory: '512',
        TaskRoleArn: { 'Fn::GetAtt': ['TaskRole', 'Arn'] },
        ContainerDefinitions: [{ Name: 'app', Image: 'public.ecr.aws/nginx/nginx:1.27' }],
      },
    },
  },
});

const expandedFile: InputFile = { path: 'template.yaml', text: expandedText, originalText: original, includedPaths: ['task-role-properties.yaml'] };

test('a finding inside included content moves to the include call in the file as written and loses its fixes', () => {
  const unexpanded = lint([{ path: 'template.yaml', text: expandedText }], defaultLintConfig()).findings.find((f) => f.ruleId === 'ecs-tasks-trust');
  assert.ok(unexpanded && unexpanded.fixes.length > 0, 'linted as plain text, the finding has a fix');

  const result = lint([expandedFile], defaultLintConfig());
  const finding = result.findings.find((f) => f.ruleId === 'ecs-tasks-trust');
  assert.ok(finding);
  assert.equal(original.slice(finding.startOffset, finding.endOffset), '!Include task-role-properties.yaml');
  assert.deepEqual(finding.nodePath, ['Resources', 'TaskRole', 'Properties', 'Fn::Include']);
  assert.deepEqual(finding.fixes, []);
  assert.deepEqual(finding.relatedPaths, ['task-role-properties.yaml']);
  assert.equal(result.files.get('template.yaml')!.text, original);
  assert.equal(result.files.get('template.yaml')!.positionAt(finding.startOffset).line, 5);
});

test('a finding on a node that exists in the file as written points where linting that file points', () => {
  const written = `AWSTemplateFormatVersion: 2010-09-09
Resources:
  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '256'
      Memory: '512'
      Tags: !Include tags.yaml
      ContainerDefinitions:
        - Name: app
          Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1
          LogConfiguration:
            LogDriver: awslogs
            Options: { awslogs-group: /x, awslogs-region: us-east-1, awslogs-stream-prefix: x }
`;
  const expanded = JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          RequiresCompatibilities: ['FARGATE'],
          NetworkMode: 'awsvpc',
          Cpu: '256',
          Memory: '512',
          Tags: [{ Key: 'team', Value: 'web' }],
          ContainerDefinitions: [
            {
              Name: 'app',
              Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1',
              LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': '/x', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'x' } },
            },
          ],
        },
      },
    },
  });
  const direct = lint([{ path: 't.yaml', text: written }], defaultLintConfig()).findings;
  const mapped = lint([{ path: 't.yaml', text: expanded, originalText: written, includedPaths: ['tags.yaml'] }], defaultLintConfig()).findings;
  assert.ok(direct.length > 0);
  assert.deepEqual(
    mapped.map((f) => [f.ruleId, f.startOffset, f.endOffset, f.nodePath, f.relatedPaths]),
    direct.map((f) => [f.ruleId, f.startOffset, f.endOffset, f.nodePath, f.relatedPaths]),
  );
});

test('a failed expansion is a parse-error at its range, honours the rule setting, and nothing else in the file is checked', () => {
  const failed: InputFile = {
    path: 'template.yaml',
    text: original,
    expansionError: { message: 'its cfn-include functions could not be expanded: Fn::Include of x was refused', startOffset: 81, endOffset: 115 },
  };
  const findings = lint([failed], defaultLintConfig()).findings;
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.severity, f.startOffset, f.endOffset, f.message]),
    [['parse-error', 'error', 81, 115, 'Cannot parse template: its cfn-include functions could not be expanded: Fn::Include of x was refused.']],
  );
  const config = defaultLintConfig();
  config.rules['parse-error'] = 'off';
  assert.deepEqual(lint([failed], config).findings, []);
});
