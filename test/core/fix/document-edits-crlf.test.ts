import { test } from 'node:test';
import {
  addMapEntry,
  appendToSequence,
  convertScalarToSequence,
  insertTopLevelResource,
  removeMapEntry,
  replaceScalarOrNode,
} from '../../../src/core/fix/document-edits.js';
import type { TextEdit } from '../../../src/core/text/text-edit.js';
import { checkEdit, mapAt, nodeAt, parseDocument, readFixture, seqAt, type PlainChange, type TestDocument } from './check-edit.js';

/** The 2-space fixture with Windows line breaks; each case is written with `\n` and checked with `\r\n`. */
const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const windowsTemplate = () => parseDocument('service.yaml', crlf(readFixture('service-2-spaces.yaml')));
const logStatementPath = ['Resources', 'ExecRole', 'Properties', 'Policies', 0, 'PolicyDocument', 'Statement'] as const;

interface Case {
  name: string;
  edits: (doc: TestDocument) => TextEdit[];
  before: string;
  after: string;
  change: PlainChange;
}

const cases: Case[] = [
  {
    name: 'appends to a block list with CRLF',
    edits: (doc) => appendToSequence(doc, seqAt(doc, ...logStatementPath, 1, 'Action'), { kind: 'string', value: 'logs:CreateLogGroup' }),
    before: '                  - logs:PutLogEvents\n',
    after: '                  - logs:PutLogEvents\n                  - logs:CreateLogGroup\n',
    change: (plain) => plain.Resources.ExecRole.Properties.Policies[0].PolicyDocument.Statement[1].Action.push('logs:CreateLogGroup'),
  },
  {
    name: 'appends a multi-line statement with CRLF between every line',
    edits: (doc) =>
      appendToSequence(doc, seqAt(doc, ...logStatementPath), {
        kind: 'map',
        entries: [
          ['Effect', { kind: 'string', value: 'Allow' }],
          ['Action', { kind: 'list', items: [{ kind: 'string', value: 'secretsmanager:GetSecretValue' }] }],
          ['Resource', { kind: 'list', items: [{ kind: 'ref', name: 'DbSecret' }] }],
        ],
      }),
    before: "own group\n",
    after:
      'own group\n' +
      '              - Effect: Allow\n' +
      '                Action:\n' +
      '                  - secretsmanager:GetSecretValue\n' +
      '                Resource:\n' +
      '                  - !Ref DbSecret\n',
    change: (plain) =>
      plain.Resources.ExecRole.Properties.Policies[0].PolicyDocument.Statement.push({
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue'],
        Resource: [{ Ref: 'DbSecret' }],
      }),
  },
  {
    name: 'adds ManagedPolicyArns with CRLF',
    edits: (doc) =>
      addMapEntry(
        doc,
        mapAt(doc, 'Resources', 'ExecRole', 'Properties'),
        'ManagedPolicyArns',
        { kind: 'list', items: [{ kind: 'sub', template: 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }] },
        { after: 'AssumeRolePolicyDocument' },
      ),
    before: '            Action: sts:AssumeRole\n',
    after:
      '            Action: sts:AssumeRole\n' +
      '      ManagedPolicyArns:\n' +
      '        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\n',
    change: (plain) => {
      plain.Resources.ExecRole.Properties.ManagedPolicyArns = [
        { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' },
      ];
    },
  },
  {
    name: 'turns a scalar Action into a list with CRLF',
    edits: (doc) => convertScalarToSequence(doc, nodeAt(doc, ...logStatementPath, 0, 'Action'), [{ kind: 'string', value: 'ecr:BatchGetImage' }]),
    before: '                Action: ecr:GetAuthorizationToken\n',
    after: '                Action:\n                  - ecr:GetAuthorizationToken\n                  - ecr:BatchGetImage\n',
    change: (plain) => {
      plain.Resources.ExecRole.Properties.Policies[0].PolicyDocument.Statement[0].Action = ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage'];
    },
  },
  {
    name: 'removes a whole entry line including its CRLF',
    edits: (doc) => removeMapEntry(doc, mapAt(doc, 'Resources', 'Service', 'Properties'), 'Role'),
    before: '      Role: !Ref ServiceRole\n',
    after: '',
    change: (plain) => {
      delete plain.Resources.Service.Properties.Role;
    },
  },
  {
    name: 'empties a map onto its key line with CRLF',
    edits: (doc) => removeMapEntry(doc, mapAt(doc, 'Resources', 'LogGroup', 'Properties'), 'RetentionInDays'),
    before: '    Properties:\n      RetentionInDays: 14\n',
    after: '    Properties: {}\n',
    change: (plain) => {
      plain.Resources.LogGroup.Properties = {};
    },
  },
  {
    name: 'replaces a scalar by a block list with CRLF',
    edits: (doc) =>
      replaceScalarOrNode(doc, nodeAt(doc, ...logStatementPath, 0, 'Resource'), { kind: 'list', items: [{ kind: 'getatt', logicalId: 'Repo', attribute: 'Arn' }] }),
    before: "                Resource: '*'\n",
    after: '                Resource:\n                  - !GetAtt Repo.Arn\n',
    change: (plain) => {
      plain.Resources.ExecRole.Properties.Policies[0].PolicyDocument.Statement[0].Resource = [{ 'Fn::GetAtt': 'Repo.Arn' }];
    },
  },
  {
    name: 'inserts a resource with a CRLF blank line before it',
    edits: (doc) =>
      insertTopLevelResource(doc, mapAt(doc, 'Resources'), 'TaskRole', { kind: 'map', entries: [['Type', { kind: 'string', value: 'AWS::IAM::Role' }]] }, { after: 'DbSecret' }),
    before: '    Type: AWS::SecretsManager::Secret\n',
    after: '    Type: AWS::SecretsManager::Secret\n\n  TaskRole:\n    Type: AWS::IAM::Role\n',
    change: (plain) => {
      plain.Resources.TaskRole = { Type: 'AWS::IAM::Role' };
    },
  },
];

for (const { name, edits, before, after, change } of cases) {
  test(name, () => {
    const doc = windowsTemplate();
    checkEdit({ doc, edits: edits(doc), before: crlf(before), after: crlf(after), change });
  });
}

test('adds a multi-line JSON member with CRLF line breaks', () => {
  const doc = parseDocument('task-definition.json', crlf(readFixture('task-definition-2-spaces.json')));
  checkEdit({
    doc,
    edits: addMapEntry(
      doc,
      mapAt(doc),
      'runtimePlatform',
      { kind: 'map', entries: [['operatingSystemFamily', { kind: 'string', value: 'LINUX' }]] },
      { after: 'networkMode' },
    ),
    before: crlf('  "networkMode": "awsvpc",\n'),
    after: crlf('  "networkMode": "awsvpc",\n  "runtimePlatform": {\n    "operatingSystemFamily": "LINUX"\n  },\n'),
    change: (plain) => {
      plain.runtimePlatform = { operatingSystemFamily: 'LINUX' };
    },
  });
});
