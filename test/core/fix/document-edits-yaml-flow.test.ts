import { test } from 'node:test';
import {
  addMapEntry,
  appendToSequence,
  convertScalarToSequence,
  insertTopLevelResource,
  removeMapEntry,
  replaceScalarOrNode,
} from '../../../src/core/fix/document-edits.js';
import type { FixValue } from '../../../src/core/fix/fix-value.js';
import { checkEdit, mapAt, nodeAt, parseDocument, readFixture, seqAt } from './check-edit.js';

const flowRole = () => parseDocument('role.yaml', readFixture('flow-role.yaml'));

const secretStatement: FixValue = {
  kind: 'map',
  entries: [
    ['Effect', { kind: 'string', value: 'Allow' }],
    ['Action', { kind: 'list', items: [{ kind: 'string', value: 'secretsmanager:GetSecretValue' }] }],
    ['Resource', { kind: 'list', items: [{ kind: 'ref', name: 'DbSecret' }] }],
  ],
};

const logStatementPath = ['Resources', 'TaskRole', 'Properties', 'Policies', 0, 'PolicyDocument', 'Statement'] as const;

test('adds logs:CreateLogGroup to Action: [logs:CreateLogStream, logs:PutLogEvents] on the same line', () => {
  const doc = flowRole();
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, ...logStatementPath, 0, 'Action'), { kind: 'string', value: 'logs:CreateLogGroup' }),
    before: 'Action: [logs:CreateLogStream, logs:PutLogEvents]',
    after: 'Action: [logs:CreateLogStream, logs:PutLogEvents, logs:CreateLogGroup]',
    change: (plain) => plain.Resources.TaskRole.Properties.Policies[0].PolicyDocument.Statement[0].Action.push('logs:CreateLogGroup'),
  });
});

test('adds a statement to a flow Statement list as a flow map', () => {
  const doc = flowRole();
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, ...logStatementPath), secretStatement),
    before: "Resource: '*'}]}}",
    after: "Resource: '*'}, {Effect: Allow, Action: [secretsmanager:GetSecretValue], Resource: [!Ref DbSecret]}]}}",
    change: (plain) =>
      plain.Resources.TaskRole.Properties.Policies[0].PolicyDocument.Statement.push({
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue'],
        Resource: [{ Ref: 'DbSecret' }],
      }),
  });
});

test('turns a scalar Action inside a flow map into a flow list', () => {
  const doc = flowRole();
  checkEdit({
    doc,
    edits: convertScalarToSequence(doc, nodeAt(doc, 'Resources', 'TaskRole', 'Properties', 'AssumeRolePolicyDocument', 'Statement', 0, 'Action'), [
      { kind: 'string', value: 'sts:TagSession' },
    ]),
    before: 'Action: sts:AssumeRole}',
    after: 'Action: [sts:AssumeRole, sts:TagSession]}',
    change: (plain) => {
      plain.Resources.TaskRole.Properties.AssumeRolePolicyDocument.Statement[0].Action = ['sts:AssumeRole', 'sts:TagSession'];
    },
  });
});

test('adds a line to a multi-line flow list in its layout, quoting a !Sub that holds braces', () => {
  const doc = flowRole();
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, 'Resources', 'TaskRole', 'Properties', 'ManagedPolicyArns'), {
      kind: 'sub',
      template: 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
    }),
    before: '        arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess\n',
    after:
      '        arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess,\n' +
      "        !Sub 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'\n",
    change: (plain) =>
      plain.Resources.TaskRole.Properties.ManagedPolicyArns.push({
        'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
      }),
  });
});

test('adds an entry to a flow map after a given key', () => {
  const doc = flowRole();
  checkEdit({
    doc,
    edits: addMapEntry(
      doc,
      mapAt(doc, 'Resources', 'Service', 'Properties'),
      'DeploymentController',
      { kind: 'map', entries: [['Type', { kind: 'string', value: 'ECS' }]] },
      { after: 'Cluster' },
    ),
    before: '{Cluster: !Ref Cluster, Role:',
    after: '{Cluster: !Ref Cluster, DeploymentController: {Type: ECS}, Role:',
    change: (plain) => {
      plain.Resources.Service.Properties.DeploymentController = { Type: 'ECS' };
    },
  });
});

test('removes Role: !Ref ServiceRole from a flow map with the comma after it', () => {
  const doc = flowRole();
  checkEdit({
    doc,
    edits: removeMapEntry(doc, mapAt(doc, 'Resources', 'Service', 'Properties'), 'Role'),
    before: '{Cluster: !Ref Cluster, Role: !Ref ServiceRole, TaskDefinition: !Ref TaskDef, Metadata: {}}',
    after: '{Cluster: !Ref Cluster, TaskDefinition: !Ref TaskDef, Metadata: {}}',
    change: (plain) => {
      delete plain.Resources.Service.Properties.Role;
    },
  });
});

test('removes the last entry of a flow map with the comma before it', () => {
  const doc = flowRole();
  checkEdit({
    doc,
    edits: removeMapEntry(doc, mapAt(doc, 'Resources', 'Service', 'Properties'), 'Metadata'),
    before: 'TaskDefinition: !Ref TaskDef, Metadata: {}}',
    after: 'TaskDefinition: !Ref TaskDef}',
    change: (plain) => {
      delete plain.Resources.Service.Properties.Metadata;
    },
  });
});

test('replaces !Ref ServiceRole by !GetAtt ServiceRole.Arn inside a flow map', () => {
  const doc = flowRole();
  checkEdit({
    doc,
    edits: replaceScalarOrNode(doc, nodeAt(doc, 'Resources', 'Service', 'Properties', 'Role'), {
      kind: 'getatt',
      logicalId: 'ServiceRole',
      attribute: 'Arn',
    }),
    before: 'Role: !Ref ServiceRole,',
    after: 'Role: !GetAtt ServiceRole.Arn,',
    change: (plain) => {
      plain.Resources.Service.Properties.Role = { 'Fn::GetAtt': 'ServiceRole.Arn' };
    },
  });
});

test('fills an empty flow map and an empty flow list', () => {
  const doc = flowRole();
  checkEdit({
    doc,
    edits: addMapEntry(doc, mapAt(doc, 'Resources', 'Service', 'Properties', 'Metadata'), 'Owner', { kind: 'string', value: 'web team' }),
    before: 'Metadata: {}}',
    after: 'Metadata: {Owner: web team}}',
    change: (plain) => {
      plain.Resources.Service.Properties.Metadata.Owner = 'web team';
    },
  });
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, 'Resources', 'TaskRole', 'Properties', 'Tags'), {
      kind: 'map',
      entries: [
        ['Key', { kind: 'string', value: 'team' }],
        ['Value', { kind: 'string', value: 'true' }],
      ],
    }),
    before: 'Tags: []',
    after: "Tags: [{Key: team, Value: 'true'}]",
    change: (plain) => plain.Resources.TaskRole.Properties.Tags.push({ Key: 'team', Value: 'true' }),
  });
});

test('removing the only entry of a flow map leaves {}', () => {
  const doc = parseDocument('role.yaml', 'Role: {Type: AWS::IAM::Role, Properties: { Path: / }}\n');
  checkEdit({
    doc,
    edits: removeMapEntry(doc, mapAt(doc, 'Role', 'Properties'), 'Path'),
    before: 'Properties: { Path: / }',
    after: 'Properties: {}',
    change: (plain) => {
      plain.Role.Properties = {};
    },
  });
});

test('pads new flow maps the way the file pads its own', () => {
  const text = [
    'Statement:',
    '  - { Effect: Allow, Action: [ logs:PutLogEvents ], Resource: "*" }',
    'Other: { Key: value }',
    '',
  ].join('\n');
  const doc = parseDocument('policy.yaml', text);
  checkEdit({
    doc,
    edits: replaceScalarOrNode(doc, nodeAt(doc, 'Statement', 0, 'Resource'), {
      kind: 'map',
      entries: [['Fn::Sub', { kind: 'string', value: 'arn:${AWS::Partition}:logs:*' }]],
    }),
    before: 'Resource: "*" }',
    after: 'Resource: { Fn::Sub: "arn:${AWS::Partition}:logs:*" } }',
    change: (plain) => {
      plain.Statement[0].Resource = { 'Fn::Sub': 'arn:${AWS::Partition}:logs:*' };
    },
  });
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, 'Statement', 0, 'Action'), { kind: 'string', value: 'logs:CreateLogGroup' }),
    before: '[ logs:PutLogEvents ]',
    after: '[ logs:PutLogEvents, logs:CreateLogGroup ]',
    change: (plain) => plain.Statement[0].Action.push('logs:CreateLogGroup'),
  });
});

test('adds a resource to a template written entirely in flow style', () => {
  const text = "{Resources: {ExecRole: {Type: 'AWS::IAM::Role'}}}\n";
  const doc = parseDocument('template.yaml', text);
  checkEdit({
    doc,
    edits: insertTopLevelResource(doc, mapAt(doc, 'Resources'), 'TaskRole', {
      kind: 'map',
      entries: [
        ['Type', { kind: 'string', value: 'AWS::IAM::Role' }],
        ['Properties', { kind: 'map', entries: [['Path', { kind: 'sub', template: '/${AWS::StackName}/' }]] }],
      ],
    }),
    before: "{Type: 'AWS::IAM::Role'}}}",
    after: "{Type: 'AWS::IAM::Role'}, TaskRole: {Type: AWS::IAM::Role, Properties: {Path: !Sub '/${AWS::StackName}/'}}}}",
    change: (plain) => {
      plain.Resources.TaskRole = { Type: 'AWS::IAM::Role', Properties: { Path: { 'Fn::Sub': '/${AWS::StackName}/' } } };
    },
  });
});
