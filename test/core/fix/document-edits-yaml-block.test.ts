import { test } from 'node:test';
import assert from 'node:assert/strict';
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

const twoSpaces = () => parseDocument('service.yaml', readFixture('service-2-spaces.yaml'));
const fourSpaces = () => parseDocument('service.yaml', readFixture('service-4-spaces.yaml'));

const secretStatement: FixValue = {
  kind: 'map',
  entries: [
    ['Effect', { kind: 'string', value: 'Allow' }],
    ['Action', { kind: 'list', items: [{ kind: 'string', value: 'secretsmanager:GetSecretValue' }] }],
    ['Resource', { kind: 'list', items: [{ kind: 'ref', name: 'DbSecret' }] }],
  ],
};

const executionPolicy: FixValue = {
  kind: 'list',
  items: [{ kind: 'sub', template: 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }],
};

const logStatementPath = ['Resources', 'ExecRole', 'Properties', 'Policies', 0, 'PolicyDocument', 'Statement'] as const;

test('adds logs:CreateLogGroup as a new line of a block Action list, at the items indentation', () => {
  const doc = twoSpaces();
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, ...logStatementPath, 1, 'Action'), { kind: 'string', value: 'logs:CreateLogGroup' }),
    before: '                  - logs:PutLogEvents\n',
    after: '                  - logs:PutLogEvents\n                  - logs:CreateLogGroup\n',
    change: (plain) => plain.Resources.ExecRole.Properties.Policies[0].PolicyDocument.Statement[1].Action.push('logs:CreateLogGroup'),
  });
});

test('turns Action: ecr:GetAuthorizationToken into a block list keeping the old action first', () => {
  const doc = twoSpaces();
  checkEdit({
    doc,
    edits: convertScalarToSequence(doc, nodeAt(doc, ...logStatementPath, 0, 'Action'), [{ kind: 'string', value: 'ecr:BatchGetImage' }]),
    before: '                Action: ecr:GetAuthorizationToken\n',
    after: '                Action:\n                  - ecr:GetAuthorizationToken\n                  - ecr:BatchGetImage\n',
    change: (plain) => {
      plain.Resources.ExecRole.Properties.Policies[0].PolicyDocument.Statement[0].Action = ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage'];
    },
  });
});

test('appends a statement with !Ref DbSecret to a block Statement list, after the trailing comment of the last item', () => {
  const doc = twoSpaces();
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, ...logStatementPath), secretStatement),
    before: "                Resource: !GetAtt LogGroup.Arn # the service's own group\n",
    after:
      "                Resource: !GetAtt LogGroup.Arn # the service's own group\n" +
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
  });
});

test('adds ManagedPolicyArns with a !Sub ARN after the AssumeRolePolicyDocument block', () => {
  const doc = twoSpaces();
  checkEdit({
    doc,
    edits: addMapEntry(doc, mapAt(doc, 'Resources', 'ExecRole', 'Properties'), 'ManagedPolicyArns', executionPolicy, {
      after: 'AssumeRolePolicyDocument',
    }),
    before: '            Action: sts:AssumeRole\n      Policies:\n',
    after:
      '            Action: sts:AssumeRole\n' +
      '      ManagedPolicyArns:\n' +
      '        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\n' +
      '      Policies:\n',
    change: (plain) => {
      plain.Resources.ExecRole.Properties.ManagedPolicyArns = [
        { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' },
      ];
    },
  });
});

test('adds a nested map entry to a map that starts on a list dash, at that map keys column', () => {
  const doc = twoSpaces();
  const logConfiguration: FixValue = {
    kind: 'map',
    entries: [
      ['LogDriver', { kind: 'string', value: 'awslogs' }],
      [
        'Options',
        {
          kind: 'map',
          entries: [
            ['awslogs-group', { kind: 'ref', name: 'LogGroup' }],
            ['awslogs-region', { kind: 'ref', name: 'AWS::Region' }],
            ['awslogs-stream-prefix', { kind: 'string', value: 'web' }],
          ],
        },
      ],
    ],
  };
  checkEdit({
    doc,
    edits: addMapEntry(doc, mapAt(doc, 'Resources', 'TaskDef', 'Properties', 'ContainerDefinitions', 0), 'LogConfiguration', logConfiguration),
    before: ".amazonaws.com/web:latest'\n",
    after:
      ".amazonaws.com/web:latest'\n" +
      '          LogConfiguration:\n' +
      '            LogDriver: awslogs\n' +
      '            Options:\n' +
      '              awslogs-group: !Ref LogGroup\n' +
      '              awslogs-region: !Ref AWS::Region\n' +
      '              awslogs-stream-prefix: web\n',
    change: (plain) => {
      plain.Resources.TaskDef.Properties.ContainerDefinitions[0].LogConfiguration = {
        LogDriver: 'awslogs',
        Options: { 'awslogs-group': { Ref: 'LogGroup' }, 'awslogs-region': { Ref: 'AWS::Region' }, 'awslogs-stream-prefix': 'web' },
      };
    },
  });
});

test('replaces !Ref ExecRole by !GetAtt ExecRole.Arn in place', () => {
  const doc = twoSpaces();
  checkEdit({
    doc,
    edits: replaceScalarOrNode(doc, nodeAt(doc, 'Resources', 'TaskDef', 'Properties', 'ExecutionRoleArn'), {
      kind: 'getatt',
      logicalId: 'ExecRole',
      attribute: 'Arn',
    }),
    before: '      ExecutionRoleArn: !Ref ExecRole\n',
    after: '      ExecutionRoleArn: !GetAtt ExecRole.Arn\n',
    change: (plain) => {
      plain.Resources.TaskDef.Properties.ExecutionRoleArn = { 'Fn::GetAtt': 'ExecRole.Arn' };
    },
  });
});

test('replaces a scalar by a block list on the lines below its key', () => {
  const doc = twoSpaces();
  checkEdit({
    doc,
    edits: replaceScalarOrNode(doc, nodeAt(doc, ...logStatementPath, 0, 'Resource'), {
      kind: 'list',
      items: [
        { kind: 'sub', template: 'arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/web' },
        { kind: 'string', value: '*' },
      ],
    }),
    before: "                Action: ecr:GetAuthorizationToken\n                Resource: '*'\n",
    after:
      '                Action: ecr:GetAuthorizationToken\n' +
      '                Resource:\n' +
      '                  - !Sub arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/web\n' +
      "                  - '*'\n",
    change: (plain) => {
      plain.Resources.ExecRole.Properties.Policies[0].PolicyDocument.Statement[0].Resource = [
        { 'Fn::Sub': 'arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/web' },
        '*',
      ];
    },
  });
});

test('replaces a block list by a scalar on the key line', () => {
  const doc = twoSpaces();
  checkEdit({
    doc,
    edits: replaceScalarOrNode(doc, nodeAt(doc, ...logStatementPath, 1, 'Action'), { kind: 'string', value: 'logs:*' }),
    before: '                Action:\n                  - logs:CreateLogStream\n                  - logs:PutLogEvents\n',
    after: '                Action: logs:*\n',
    change: (plain) => {
      plain.Resources.ExecRole.Properties.Policies[0].PolicyDocument.Statement[1].Action = 'logs:*';
    },
  });
});

test('removes Role: !Ref ServiceRole from a service, whole line', () => {
  const doc = twoSpaces();
  checkEdit({
    doc,
    edits: removeMapEntry(doc, mapAt(doc, 'Resources', 'Service', 'Properties'), 'Role'),
    before: '      Cluster: !Ref ClusterName\n      Role: !Ref ServiceRole\n',
    after: '      Cluster: !Ref ClusterName\n',
    change: (plain) => {
      delete plain.Resources.Service.Properties.Role;
    },
  });
});

test('removes an entry with a block value through the value last line', () => {
  const doc = twoSpaces();
  checkEdit({
    doc,
    edits: removeMapEntry(doc, mapAt(doc, 'Resources', 'Service', 'Properties'), 'NetworkConfiguration'),
    before: '      TaskDefinition: !Ref TaskDef\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          Subnets: [subnet-1, subnet-2]\n',
    after: '      TaskDefinition: !Ref TaskDef\n',
    change: (plain) => {
      delete plain.Resources.Service.Properties.NetworkConfiguration;
    },
  });
});

test('removing the key that shares its line with a list dash moves the next key behind the dash', () => {
  const doc = twoSpaces();
  checkEdit({
    doc,
    edits: removeMapEntry(doc, mapAt(doc, 'Resources', 'TaskDef', 'Properties', 'ContainerDefinitions', 0), 'Name'),
    before: '        - Name: app\n          Image: !Sub',
    after: '        - Image: !Sub',
    change: (plain) => {
      delete plain.Resources.TaskDef.Properties.ContainerDefinitions[0].Name;
    },
  });
});

test('removing the only entry of a block map leaves an empty flow map on the key line', () => {
  const doc = twoSpaces();
  checkEdit({
    doc,
    edits: removeMapEntry(doc, mapAt(doc, 'Resources', 'LogGroup', 'Properties'), 'RetentionInDays'),
    before: '    Properties:\n      RetentionInDays: 14\n',
    after: '    Properties: {}\n',
    change: (plain) => {
      plain.Resources.LogGroup.Properties = {};
    },
  });
});

test('removing a missing key gives no edit', () => {
  const doc = twoSpaces();
  assert.deepEqual(removeMapEntry(doc, mapAt(doc, 'Resources', 'Service', 'Properties'), 'DesiredCount'), []);
});

test('refuses to add a key the map already has', () => {
  const doc = twoSpaces();
  assert.throws(() => addMapEntry(doc, mapAt(doc, 'Resources', 'Service', 'Properties'), 'Role', { kind: 'string', value: 'x' }), /already has/);
});

test('inserts a resource after the given one, separated by blank lines like the others', () => {
  const doc = twoSpaces();
  const taskRole: FixValue = {
    kind: 'map',
    entries: [
      ['Type', { kind: 'string', value: 'AWS::IAM::Role' }],
      [
        'Properties',
        {
          kind: 'map',
          entries: [
            [
              'AssumeRolePolicyDocument',
              {
                kind: 'map',
                entries: [
                  ['Version', { kind: 'string', value: '2012-10-17' }],
                  [
                    'Statement',
                    {
                      kind: 'list',
                      items: [
                        {
                          kind: 'map',
                          entries: [
                            ['Effect', { kind: 'string', value: 'Allow' }],
                            ['Principal', { kind: 'map', entries: [['Service', { kind: 'string', value: 'ecs-tasks.amazonaws.com' }]] }],
                            ['Action', { kind: 'string', value: 'sts:AssumeRole' }],
                          ],
                        },
                      ],
                    },
                  ],
                ],
              },
            ],
          ],
        },
      ],
    ],
  };
  checkEdit({
    doc,
    edits: insertTopLevelResource(doc, mapAt(doc, 'Resources'), 'TaskRole', taskRole, { after: 'ExecRole' }),
    before: "own group\n\n  DbSecret:\n",
    after:
      'own group\n' +
      '\n' +
      '  TaskRole:\n' +
      '    Type: AWS::IAM::Role\n' +
      '    Properties:\n' +
      '      AssumeRolePolicyDocument:\n' +
      "        Version: '2012-10-17'\n" +
      '        Statement:\n' +
      '          - Effect: Allow\n' +
      '            Principal:\n' +
      '              Service: ecs-tasks.amazonaws.com\n' +
      '            Action: sts:AssumeRole\n' +
      '\n' +
      '  DbSecret:\n',
    change: (plain) => {
      plain.Resources.TaskRole = {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          },
        },
      };
    },
  });
});

test('inserts the last resource at the end of a file, after a blank line', () => {
  const doc = twoSpaces();
  checkEdit({
    doc,
    edits: insertTopLevelResource(doc, mapAt(doc, 'Resources'), 'ServiceRole', {
      kind: 'map',
      entries: [['Type', { kind: 'string', value: 'AWS::IAM::Role' }]],
    }),
    before: '          Subnets: [subnet-1, subnet-2]\n',
    after: '          Subnets: [subnet-1, subnet-2]\n\n  ServiceRole:\n    Type: AWS::IAM::Role\n',
    change: (plain) => {
      plain.Resources.ServiceRole = { Type: 'AWS::IAM::Role' };
    },
  });
});

test('appends to a flow list inside a block file on the same line', () => {
  const doc = twoSpaces();
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, 'Resources', 'Service', 'Properties', 'NetworkConfiguration', 'AwsvpcConfiguration', 'Subnets'), {
      kind: 'ref',
      name: 'PrivateSubnet',
    }),
    before: 'Subnets: [subnet-1, subnet-2]',
    after: 'Subnets: [subnet-1, subnet-2, !Ref PrivateSubnet]',
    change: (plain) => plain.Resources.Service.Properties.NetworkConfiguration.AwsvpcConfiguration.Subnets.push({ Ref: 'PrivateSubnet' }),
  });
});

// 4-space indentation, double quotes.

test('4 spaces: adds logs:CreateLogGroup to a block list at the items indentation', () => {
  const doc = fourSpaces();
  checkEdit({
    doc,
    edits: appendToSequence(
      doc,
      seqAt(doc, 'Resources', 'ExecRole', 'Properties', 'Policies', 0, 'PolicyDocument', 'Statement', 0, 'Action'),
      { kind: 'string', value: 'logs:CreateLogGroup' },
    ),
    before: '                                - logs:PutLogEvents\n',
    after: '                                - logs:PutLogEvents\n                                - logs:CreateLogGroup\n',
    change: (plain) => plain.Resources.ExecRole.Properties.Policies[0].PolicyDocument.Statement[0].Action.push('logs:CreateLogGroup'),
  });
});

test('4 spaces: a new statement keeps its keys two columns right of the dash and nests one unit deeper', () => {
  const doc = fourSpaces();
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, 'Resources', 'ExecRole', 'Properties', 'Policies', 0, 'PolicyDocument', 'Statement'), {
      kind: 'map',
      entries: [
        ['Effect', { kind: 'string', value: 'Allow' }],
        ['Action', { kind: 'list', items: [{ kind: 'string', value: 'secretsmanager:GetSecretValue' }] }],
        ['Resource', { kind: 'string', value: '*' }],
      ],
    }),
    before: '                            Resource: "*"\n',
    after:
      '                            Resource: "*"\n' +
      '                          - Effect: Allow\n' +
      '                            Action:\n' +
      '                                - secretsmanager:GetSecretValue\n' +
      '                            Resource: "*"\n',
    change: (plain) =>
      plain.Resources.ExecRole.Properties.Policies[0].PolicyDocument.Statement.push({
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue'],
        Resource: '*',
      }),
  });
});

test('4 spaces: adds ManagedPolicyArns one unit deeper after AssumeRolePolicyDocument', () => {
  const doc = fourSpaces();
  checkEdit({
    doc,
    edits: addMapEntry(doc, mapAt(doc, 'Resources', 'ExecRole', 'Properties'), 'ManagedPolicyArns', executionPolicy, {
      after: 'AssumeRolePolicyDocument',
    }),
    before: '                      Action: sts:AssumeRole\n',
    after:
      '                      Action: sts:AssumeRole\n' +
      '            ManagedPolicyArns:\n' +
      '                - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\n',
    change: (plain) => {
      plain.Resources.ExecRole.Properties.ManagedPolicyArns = [
        { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' },
      ];
    },
  });
});

test('4 spaces: turns Action into a block list and removes Role', () => {
  const doc = fourSpaces();
  checkEdit({
    doc,
    edits: convertScalarToSequence(
      doc,
      nodeAt(doc, 'Resources', 'ExecRole', 'Properties', 'AssumeRolePolicyDocument', 'Statement', 0, 'Action'),
      [{ kind: 'string', value: 'sts:TagSession' }],
    ),
    before: '                      Action: sts:AssumeRole\n',
    after: '                      Action:\n                          - sts:AssumeRole\n                          - sts:TagSession\n',
    change: (plain) => {
      plain.Resources.ExecRole.Properties.AssumeRolePolicyDocument.Statement[0].Action = ['sts:AssumeRole', 'sts:TagSession'];
    },
  });
  checkEdit({
    doc,
    edits: removeMapEntry(doc, mapAt(doc, 'Resources', 'Service', 'Properties'), 'Role'),
    before: '            Role: !Ref ServiceRole\n',
    after: '',
    change: (plain) => {
      delete plain.Resources.Service.Properties.Role;
    },
  });
});

test('4 spaces: a quoted string uses the double quotes the file prefers', () => {
  const doc = fourSpaces();
  checkEdit({
    doc,
    edits: addMapEntry(doc, mapAt(doc, 'Resources', 'Service', 'Properties'), 'DesiredCount', { kind: 'string', value: '2' }, { after: 'Cluster' }),
    before: '            Cluster: !Ref Cluster\n',
    after: '            Cluster: !Ref Cluster\n            DesiredCount: "2"\n',
    change: (plain) => {
      plain.Resources.Service.Properties.DesiredCount = '2';
    },
  });
});

// Layout variants.

test('follows a file that writes lists level with their key', () => {
  const text = [
    'Resources:',
    '  Role:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    '      Policies:',
    '      - PolicyName: logs',
    '        PolicyDocument:',
    '          Statement:',
    '          - Effect: Allow',
    '            Action:',
    '            - logs:PutLogEvents',
    "            Resource: '*'",
    '',
  ].join('\n');
  const doc = parseDocument('role.yaml', text);
  checkEdit({
    doc,
    edits: addMapEntry(doc, mapAt(doc, 'Resources', 'Role', 'Properties'), 'ManagedPolicyArns', {
      kind: 'list',
      items: [{ kind: 'string', value: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }],
    }),
    before: "            Resource: '*'\n",
    after:
      "            Resource: '*'\n" +
      '      ManagedPolicyArns:\n' +
      '      - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\n',
    change: (plain) => {
      plain.Resources.Role.Properties.ManagedPolicyArns = ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'];
    },
  });
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, 'Resources', 'Role', 'Properties', 'Policies', 0, 'PolicyDocument', 'Statement'), secretStatement),
    before: "            Resource: '*'\n",
    after:
      "            Resource: '*'\n" +
      '          - Effect: Allow\n' +
      '            Action:\n' +
      '            - secretsmanager:GetSecretValue\n' +
      '            Resource:\n' +
      '            - !Ref DbSecret\n',
    change: (plain) => plain.Resources.Role.Properties.Policies[0].PolicyDocument.Statement.push({
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue'],
      Resource: [{ Ref: 'DbSecret' }],
    }),
  });
});

test('writes long-form intrinsics in a file that uses no short-form tags', () => {
  const text = [
    'Resources:',
    '  Service:',
    '    Type: AWS::ECS::Service',
    '    Properties:',
    '      Role:',
    '        Ref: ServiceRole',
    '      TaskDefinition:',
    '        Ref: TaskDef',
    '',
  ].join('\n');
  const doc = parseDocument('service.yaml', text);
  checkEdit({
    doc,
    edits: replaceScalarOrNode(doc, nodeAt(doc, 'Resources', 'Service', 'Properties', 'Role'), {
      kind: 'getatt',
      logicalId: 'ServiceRole',
      attribute: 'Arn',
    }),
    before: '      Role:\n        Ref: ServiceRole\n',
    after: '      Role:\n        Fn::GetAtt: [ServiceRole, Arn]\n',
    change: (plain) => {
      plain.Resources.Service.Properties.Role = { 'Fn::GetAtt': ['ServiceRole', 'Arn'] };
    },
  });
  checkEdit({
    doc,
    edits: addMapEntry(doc, mapAt(doc, 'Resources', 'Service', 'Properties'), 'Cluster', { kind: 'sub', template: '${AWS::StackName}-cluster' }),
    before: '        Ref: TaskDef\n',
    after: '        Ref: TaskDef\n      Cluster:\n        Fn::Sub: ${AWS::StackName}-cluster\n',
    change: (plain) => {
      plain.Resources.Service.Properties.Cluster = { 'Fn::Sub': '${AWS::StackName}-cluster' };
    },
  });
  checkEdit({
    doc,
    edits: removeMapEntry(doc, mapAt(doc, 'Resources', 'Service', 'Properties'), 'Role'),
    before: '      Role:\n        Ref: ServiceRole\n',
    after: '',
    change: (plain) => {
      delete plain.Resources.Service.Properties.Role;
    },
  });
});

test('keeps the inline list style of a file that writes its actions in flow lists', () => {
  const text = [
    'Resources:',
    '  Role:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    '      Policies:',
    '        - PolicyName: app',
    '          PolicyDocument:',
    '            Statement:',
    '              - Effect: Allow',
    '                Action: [s3:GetObject, s3:PutObject]',
    '                Resource: [!Sub "arn:${AWS::Partition}:s3:::bucket/*"]',
    '              - Effect: Allow',
    '                Action: sqs:SendMessage',
    '                Resource: "*"',
    '',
  ].join('\n');
  const doc = parseDocument('role.yaml', text);
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, 'Resources', 'Role', 'Properties', 'Policies', 0, 'PolicyDocument', 'Statement'), secretStatement),
    before: '                Resource: "*"\n',
    after:
      '                Resource: "*"\n' +
      '              - Effect: Allow\n' +
      '                Action: [secretsmanager:GetSecretValue]\n' +
      '                Resource: [!Ref DbSecret]\n',
    change: (plain) =>
      plain.Resources.Role.Properties.Policies[0].PolicyDocument.Statement.push({
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue'],
        Resource: [{ Ref: 'DbSecret' }],
      }),
  });
  checkEdit({
    doc,
    edits: convertScalarToSequence(doc, nodeAt(doc, 'Resources', 'Role', 'Properties', 'Policies', 0, 'PolicyDocument', 'Statement', 1, 'Action'), [
      { kind: 'string', value: 'sqs:GetQueueUrl' },
    ]),
    before: '                Action: sqs:SendMessage\n',
    after: '                Action: [sqs:SendMessage, sqs:GetQueueUrl]\n',
    change: (plain) => {
      plain.Resources.Role.Properties.Policies[0].PolicyDocument.Statement[1].Action = ['sqs:SendMessage', 'sqs:GetQueueUrl'];
    },
  });
});

test('appending to a file without a final line break adds no line break at the end', () => {
  const doc = parseDocument('role.yaml', 'Statement:\n  - Effect: Allow\n    Action:\n      - logs:PutLogEvents');
  checkEdit({
    doc,
    edits: appendToSequence(doc, seqAt(doc, 'Statement', 0, 'Action'), { kind: 'string', value: 'logs:CreateLogGroup' }),
    before: '      - logs:PutLogEvents',
    after: '      - logs:PutLogEvents\n      - logs:CreateLogGroup',
    change: (plain) => plain.Statement[0].Action.push('logs:CreateLogGroup'),
  });
  checkEdit({
    doc,
    edits: removeMapEntry(doc, mapAt(doc, 'Statement', 0), 'Action'),
    before: 'Effect: Allow\n    Action:\n      - logs:PutLogEvents',
    after: 'Effect: Allow',
    change: (plain) => {
      delete plain.Statement[0].Action;
    },
  });
});
