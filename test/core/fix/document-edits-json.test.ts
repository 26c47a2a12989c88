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

const template = () => parseDocument('service.json', readFixture('service-2-spaces.json'));
const tabsTaskDefinition = () => parseDocument('task-definition.json', readFixture('task-definition-tabs.json'));
const spacesTaskDefinition = () => parseDocument('task-definition.json', readFixture('task-definition-2-spaces.json'));
const compactTaskDefinition = () => parseDocument('task-definition.json', readFixture('task-definition-compact.json'));

const executionRoleArn: FixValue = { kind: 'string', value: 'arn:aws:iam::123456789012:role/x' };
const logStatementPath = ['Resources', 'ExecRole', 'Properties', 'Policies', 0, 'PolicyDocument', 'Statement'] as const;

// CloudFormation template, 2 spaces.

test('adds a statement with {"Ref": "DbSecret"} to a JSON Statement array, pretty-printed at the items indentation', () => {
  const doc = template();
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, ...logStatementPath), {
      kind: 'map',
      entries: [
        ['Effect', { kind: 'string', value: 'Allow' }],
        ['Action', { kind: 'list', items: [{ kind: 'string', value: 'secretsmanager:GetSecretValue' }] }],
        ['Resource', { kind: 'list', items: [{ kind: 'ref', name: 'DbSecret' }] }],
      ],
    }),
    before: '                  "Resource": {"Fn::GetAtt": ["LogGroup", "Arn"]}\n                }\n',
    after:
      '                  "Resource": {"Fn::GetAtt": ["LogGroup", "Arn"]}\n' +
      '                },\n' +
      '                {\n' +
      '                  "Effect": "Allow",\n' +
      '                  "Action": [\n' +
      '                    "secretsmanager:GetSecretValue"\n' +
      '                  ],\n' +
      '                  "Resource": [\n' +
      '                    {"Ref": "DbSecret"}\n' +
      '                  ]\n' +
      '                }\n',
    change: (plain) =>
      plain.Resources.ExecRole.Properties.Policies[0].PolicyDocument.Statement.push({
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue'],
        Resource: [{ Ref: 'DbSecret' }],
      }),
  });
});

test('adds logs:CreateLogGroup to a pretty-printed JSON Action array', () => {
  const doc = template();
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, ...logStatementPath, 1, 'Action'), { kind: 'string', value: 'logs:CreateLogGroup' }),
    before: '                    "logs:PutLogEvents"\n',
    after: '                    "logs:PutLogEvents",\n                    "logs:CreateLogGroup"\n',
    change: (plain) => plain.Resources.ExecRole.Properties.Policies[0].PolicyDocument.Statement[1].Action.push('logs:CreateLogGroup'),
  });
});

test('turns "Action": "ecr:GetAuthorizationToken" into a JSON array', () => {
  const doc = template();
  checkEdit({
    doc,
    edits: convertScalarToSequence(doc, nodeAt(doc, ...logStatementPath, 0, 'Action'), [{ kind: 'string', value: 'ecr:BatchGetImage' }]),
    before: '                  "Action": "ecr:GetAuthorizationToken",\n',
    after:
      '                  "Action": [\n' +
      '                    "ecr:GetAuthorizationToken",\n' +
      '                    "ecr:BatchGetImage"\n' +
      '                  ],\n',
    change: (plain) => {
      plain.Resources.ExecRole.Properties.Policies[0].PolicyDocument.Statement[0].Action = ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage'];
    },
  });
});

test('adds ManagedPolicyArns with Fn::Sub after AssumeRolePolicyDocument in JSON', () => {
  const doc = template();
  checkEdit({
    doc,
    edits: addMapEntry(
      doc,
      mapAt(doc, 'Resources', 'ExecRole', 'Properties'),
      'ManagedPolicyArns',
      { kind: 'list', items: [{ kind: 'sub', template: 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }] },
      { after: 'AssumeRolePolicyDocument' },
    ),
    before: '        },\n        "Policies": [\n',
    after:
      '        },\n' +
      '        "ManagedPolicyArns": [\n' +
      '          {"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"}\n' +
      '        ],\n' +
      '        "Policies": [\n',
    change: (plain) => {
      plain.Resources.ExecRole.Properties.ManagedPolicyArns = [
        { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' },
      ];
    },
  });
});

test('replaces {"Ref": "ExecRole"} by {"Fn::GetAtt": ["ExecRole", "Arn"]}', () => {
  const doc = template();
  checkEdit({
    doc,
    edits: replaceScalarOrNode(doc, nodeAt(doc, 'Resources', 'TaskDef', 'Properties', 'ExecutionRoleArn'), {
      kind: 'getatt',
      logicalId: 'ExecRole',
      attribute: 'Arn',
    }),
    before: '"ExecutionRoleArn": {"Ref": "ExecRole"},',
    after: '"ExecutionRoleArn": {"Fn::GetAtt": ["ExecRole", "Arn"]},',
    change: (plain) => {
      plain.Resources.TaskDef.Properties.ExecutionRoleArn = { 'Fn::GetAtt': ['ExecRole', 'Arn'] };
    },
  });
});

test('removes the last member "Role" with the comma before it', () => {
  const doc = template();
  checkEdit({
    doc,
    edits: removeMapEntry(doc, mapAt(doc, 'Resources', 'Service', 'Properties'), 'Role'),
    before: '        "TaskDefinition": {"Ref": "TaskDef"},\n        "Role": {"Ref": "ServiceRole"}\n',
    after: '        "TaskDefinition": {"Ref": "TaskDef"}\n',
    change: (plain) => {
      delete plain.Resources.Service.Properties.Role;
    },
  });
});

test('removes a first member with the comma after it', () => {
  const doc = template();
  checkEdit({
    doc,
    edits: removeMapEntry(doc, mapAt(doc, 'Resources', 'Service', 'Properties'), 'Cluster'),
    before: '        "Cluster": {"Ref": "ClusterName"},\n',
    after: '',
    change: (plain) => {
      delete plain.Resources.Service.Properties.Cluster;
    },
  });
});

test('inserts a JSON resource after the given one', () => {
  const doc = template();
  checkEdit({
    doc,
    edits: insertTopLevelResource(
      doc,
      mapAt(doc, 'Resources'),
      'TaskRole',
      {
        kind: 'map',
        entries: [
          ['Type', { kind: 'string', value: 'AWS::IAM::Role' }],
          ['Properties', { kind: 'map', entries: [['Path', { kind: 'string', value: '/' }]] }],
        ],
      },
      { after: 'ExecRole' },
    ),
    before: '    },\n    "LogGroup": {\n',
    after:
      '    },\n' +
      '    "TaskRole": {\n' +
      '      "Type": "AWS::IAM::Role",\n' +
      '      "Properties": {\n' +
      '        "Path": "/"\n' +
      '      }\n' +
      '    },\n' +
      '    "LogGroup": {\n',
    change: (plain) => {
      plain.Resources.TaskRole = { Type: 'AWS::IAM::Role', Properties: { Path: '/' } };
    },
  });
});

test('opens an empty JSON object and an empty JSON array onto new lines', () => {
  const doc = template();
  checkEdit({
    doc,
    edits: addMapEntry(doc, mapAt(doc, 'Resources', 'LogGroup', 'Properties'), 'LogGroupName', { kind: 'string', value: '/ecs/web' }),
    before: '      "Properties": {}\n',
    after: '      "Properties": {\n        "LogGroupName": "/ecs/web"\n      }\n',
    change: (plain) => {
      plain.Resources.LogGroup.Properties.LogGroupName = '/ecs/web';
    },
  });
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, 'Resources', 'TaskDef', 'Properties', 'ContainerDefinitions'), {
      kind: 'map',
      entries: [
        ['Name', { kind: 'string', value: 'app' }],
        ['Image', { kind: 'sub', template: '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/web:latest' }],
      ],
    }),
    before: '        "ContainerDefinitions": []\n',
    after:
      '        "ContainerDefinitions": [\n' +
      '          {\n' +
      '            "Name": "app",\n' +
      '            "Image": {"Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/web:latest"}\n' +
      '          }\n' +
      '        ]\n',
    change: (plain) =>
      plain.Resources.TaskDef.Properties.ContainerDefinitions.push({
        Name: 'app',
        Image: { 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/web:latest' },
      }),
  });
});

// Task definitions: tabs, 2 spaces, one line.

test('tabs: adds "executionRoleArn" after "family" with a tab', () => {
  const doc = tabsTaskDefinition();
  checkEdit({
    doc,
    edits: addMapEntry(doc, mapAt(doc), 'executionRoleArn', executionRoleArn, { after: 'family' }),
    before: '\t"family": "web",\n',
    after: '\t"family": "web",\n\t"executionRoleArn": "arn:aws:iam::123456789012:role/x",\n',
    change: (plain) => {
      plain.executionRoleArn = 'arn:aws:iam::123456789012:role/x';
    },
  });
});

test('tabs: appends a secret object indented with tabs', () => {
  const doc = tabsTaskDefinition();
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, 'containerDefinitions', 0, 'secrets'), {
      kind: 'map',
      entries: [
        ['name', { kind: 'string', value: 'API_KEY' }],
        ['valueFrom', { kind: 'string', value: 'arn:aws:ssm:us-east-1:123456789012:parameter/api-key' }],
      ],
    }),
    before: '\t\t\t\t}\n\t\t\t]\n',
    after:
      '\t\t\t\t},\n' +
      '\t\t\t\t{\n' +
      '\t\t\t\t\t"name": "API_KEY",\n' +
      '\t\t\t\t\t"valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/api-key"\n' +
      '\t\t\t\t}\n' +
      '\t\t\t]\n',
    change: (plain) =>
      plain.containerDefinitions[0].secrets.push({ name: 'API_KEY', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/api-key' }),
  });
});

test('tabs: removes a member and turns a string into an array', () => {
  const doc = tabsTaskDefinition();
  checkEdit({
    doc,
    edits: removeMapEntry(doc, mapAt(doc), 'networkMode'),
    before: '\t"networkMode": "awsvpc",\n',
    after: '',
    change: (plain) => {
      delete plain.networkMode;
    },
  });
  checkEdit({
    doc,
    edits: convertScalarToSequence(doc, nodeAt(doc, 'containerDefinitions', 0, 'image'), [{ kind: 'string', value: 'x' }]),
    before: '\t\t\t"image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1",\n',
    after: '\t\t\t"image": [\n\t\t\t\t"123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1",\n\t\t\t\t"x"\n\t\t\t],\n',
    change: (plain) => {
      plain.containerDefinitions[0].image = ['123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1', 'x'];
    },
  });
});

test('2 spaces: adds "executionRoleArn" after "family"', () => {
  const doc = spacesTaskDefinition();
  checkEdit({
    doc,
    edits: addMapEntry(doc, mapAt(doc), 'executionRoleArn', executionRoleArn, { after: 'family' }),
    before: '  "family": "web",\n',
    after: '  "family": "web",\n  "executionRoleArn": "arn:aws:iam::123456789012:role/x",\n',
    change: (plain) => {
      plain.executionRoleArn = 'arn:aws:iam::123456789012:role/x';
    },
  });
});

test('2 spaces: adds a last member to a nested object', () => {
  const doc = spacesTaskDefinition();
  checkEdit({
    doc,
    edits: addMapEntry(doc, mapAt(doc, 'containerDefinitions', 0, 'logConfiguration', 'options'), 'awslogs-create-group', {
      kind: 'string',
      value: 'true',
    }),
    before: '          "awslogs-region": "us-east-1"\n',
    after: '          "awslogs-region": "us-east-1",\n          "awslogs-create-group": "true"\n',
    change: (plain) => {
      plain.containerDefinitions[0].logConfiguration.options['awslogs-create-group'] = 'true';
    },
  });
});

test('one line: adds "executionRoleArn" after "family" without spaces, like the file', () => {
  const doc = compactTaskDefinition();
  checkEdit({
    doc,
    edits: addMapEntry(doc, mapAt(doc), 'executionRoleArn', executionRoleArn, { after: 'family' }),
    before: '{"family":"web","taskRoleArn"',
    after: '{"family":"web","executionRoleArn":"arn:aws:iam::123456789012:role/x","taskRoleArn"',
    change: (plain) => {
      plain.executionRoleArn = 'arn:aws:iam::123456789012:role/x';
    },
  });
});

test('one line: fills an empty array, appends to an array and removes a member, staying on one line', () => {
  const doc = compactTaskDefinition();
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, 'containerDefinitions', 0, 'secrets'), {
      kind: 'map',
      entries: [
        ['name', { kind: 'string', value: 'DB_PASSWORD' }],
        ['valueFrom', { kind: 'string', value: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db' }],
      ],
    }),
    before: '"secrets":[]',
    after: '"secrets":[{"name":"DB_PASSWORD","valueFrom":"arn:aws:secretsmanager:us-east-1:123456789012:secret:db"}]',
    change: (plain) =>
      plain.containerDefinitions[0].secrets.push({ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db' }),
  });
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, 'requiresCompatibilities'), { kind: 'string', value: 'EC2' }),
    before: '["FARGATE"]',
    after: '["FARGATE","EC2"]',
    change: (plain) => plain.requiresCompatibilities.push('EC2'),
  });
  checkEdit({
    doc,
    edits: removeMapEntry(doc, mapAt(doc), 'taskRoleArn'),
    before: '"taskRoleArn":"arn:aws:iam::123456789012:role/app",',
    after: '',
    change: (plain) => {
      delete plain.taskRoleArn;
    },
  });
});

test('one line with spaces: a compact template gets a statement and a converted Action in its spacing', () => {
  const text =
    '{"Resources": {"Role": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [{"PolicyName": "app", ' +
    '"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}]}}]}}}}';
  const doc = parseDocument('template.json', text);
  const statements = ['Resources', 'Role', 'Properties', 'Policies', 0, 'PolicyDocument', 'Statement'] as const;
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, ...statements), {
      kind: 'map',
      entries: [
        ['Effect', { kind: 'string', value: 'Allow' }],
        ['Action', { kind: 'list', items: [{ kind: 'string', value: 'secretsmanager:GetSecretValue' }] }],
        ['Resource', { kind: 'list', items: [{ kind: 'ref', name: 'DbSecret' }] }],
      ],
    }),
    before: '"Resource": "*"}]',
    after: '"Resource": "*"}, {"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue"], "Resource": [{"Ref": "DbSecret"}]}]',
    change: (plain) =>
      plain.Resources.Role.Properties.Policies[0].PolicyDocument.Statement.push({
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue'],
        Resource: [{ Ref: 'DbSecret' }],
      }),
  });
  checkEdit({
    doc,
    edits: convertScalarToSequence(doc, nodeAt(doc, ...statements, 0, 'Action'), [{ kind: 'string', value: 'ecr:BatchGetImage' }]),
    before: '"Action": "ecr:GetAuthorizationToken"',
    after: '"Action": ["ecr:GetAuthorizationToken", "ecr:BatchGetImage"]',
    change: (plain) => {
      plain.Resources.Role.Properties.Policies[0].PolicyDocument.Statement[0].Action = ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage'];
    },
  });
});

test('keeps the " : " spacing and 4-space indentation of AWS sample templates', () => {
  const text = [
    '{',
    '    "Resources" : {',
    '        "Service" : {',
    '            "Type" : "AWS::ECS::Service",',
    '            "Properties" : {',
    '                "Role" : { "Ref" : "ServiceRole" }',
    '            }',
    '        }',
    '    }',
    '}',
    '',
  ].join('\n');
  const doc = parseDocument('template.json', text);
  checkEdit({
    doc,
    edits: addMapEntry(doc, mapAt(doc, 'Resources', 'Service', 'Properties'), 'TaskDefinition', { kind: 'ref', name: 'TaskDef' }),
    before: '                "Role" : { "Ref" : "ServiceRole" }\n',
    after: '                "Role" : { "Ref" : "ServiceRole" },\n                "TaskDefinition" : { "Ref" : "TaskDef" }\n',
    change: (plain) => {
      plain.Resources.Service.Properties.TaskDefinition = { Ref: 'TaskDef' };
    },
  });
});
