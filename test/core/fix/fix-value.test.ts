import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectStyle, renderValue, type FixValue, type RenderContext } from '../../../src/core/fix/fix-value.js';
import { parseDocument, readFixture } from './check-edit.js';

const yamlBlock: RenderContext = {
  syntax: 'yaml',
  shortForm: true,
  indentUnit: '  ',
  indent: '',
  flow: false,
  quote: 'single',
  newline: '\n',
  indentSequences: true,
  inlineScalarLists: false,
  padMaps: false,
  padSeqs: false,
  jsonColon: ': ',
  jsonComma: ', ',
};
const jsonPretty: RenderContext = { ...yamlBlock, syntax: 'json', shortForm: false, quote: 'double' };

const str = (value: string): FixValue => ({ kind: 'string', value });

test('leaves IAM action names, ARNs and Sub templates unquoted in block YAML', () => {
  for (const value of ['logs:CreateLogGroup', 's3:*', 'arn:aws:iam::aws:policy/AdministratorAccess', 'arn:${AWS::Partition}:s3:::b/*', 'ecs-tasks.amazonaws.com']) {
    assert.equal(renderValue(str(value), yamlBlock), value);
  }
});

test('quotes YAML strings that would read as something else, with the preferred quote', () => {
  const cases: [string, string][] = [
    ['*', "'*'"],
    ['true', "'true'"],
    ['yes', "'yes'"],
    ['Off', "'Off'"],
    ['null', "'null'"],
    ['~', "'~'"],
    ['', "''"],
    ['123456789012', "'123456789012'"],
    ['012', "'012'"],
    ['1e3', "'1e3'"],
    ['0x1F', "'0x1F'"],
    ['1_000', "'1_000'"],
    ['.inf', "'.inf'"],
    ['2012-10-17', "'2012-10-17'"],
    ['!Ref', "'!Ref'"],
    ['&anchor', "'&anchor'"],
    ['{a}', "'{a}'"],
    ['[a]', "'[a]'"],
    ['- item', "'- item'"],
    ['key: value', "'key: value'"],
    ['a #comment', "'a #comment'"],
    ['ends with colon:', "'ends with colon:'"],
    [' padded', "' padded'"],
    ["it's", "it's"],
    ["'quoted'", '"\'quoted\'"'],
    ['line\nbreak', '"line\\nbreak"'],
  ];
  for (const [value, expected] of cases) assert.equal(renderValue(str(value), yamlBlock), expected, value);
  assert.equal(renderValue(str('*'), { ...yamlBlock, quote: 'double' }), '"*"');
  assert.equal(renderValue(str('say "hi": now'), { ...yamlBlock, quote: 'double' }), '\'say "hi": now\'');
});

test('quotes flow indicators only inside flow collections', () => {
  const value: FixValue = { kind: 'list', items: [str('a,b'), { kind: 'sub', template: '${AWS::StackName}-logs' }] };
  assert.equal(renderValue(value, { ...yamlBlock, flow: true }), "['a,b', !Sub '${AWS::StackName}-logs']");
  assert.equal(renderValue(value, yamlBlock), '- a,b\n- !Sub ${AWS::StackName}-logs');
});

test('writes intrinsics in short form, long form and JSON', () => {
  const ref: FixValue = { kind: 'ref', name: 'DbSecret' };
  const getAtt: FixValue = { kind: 'getatt', logicalId: 'ExecRole', attribute: 'Arn' };
  const sub: FixValue = { kind: 'sub', template: 'arn:${AWS::Partition}:logs:*' };
  assert.equal(renderValue(ref, yamlBlock), '!Ref DbSecret');
  assert.equal(renderValue(getAtt, yamlBlock), '!GetAtt ExecRole.Arn');
  assert.equal(renderValue(sub, yamlBlock), '!Sub arn:${AWS::Partition}:logs:*');
  const longForm = { ...yamlBlock, shortForm: false };
  assert.equal(renderValue(ref, longForm), 'Ref: DbSecret');
  assert.equal(renderValue(getAtt, longForm), 'Fn::GetAtt: [ExecRole, Arn]');
  assert.equal(renderValue(getAtt, { ...longForm, flow: true }), '{Fn::GetAtt: [ExecRole, Arn]}');
  assert.equal(renderValue(sub, { ...longForm, flow: true }), "{Fn::Sub: 'arn:${AWS::Partition}:logs:*'}");
  assert.equal(renderValue(ref, jsonPretty), '{"Ref": "DbSecret"}');
  assert.equal(renderValue(getAtt, jsonPretty), '{"Fn::GetAtt": ["ExecRole", "Arn"]}');
  assert.equal(renderValue(sub, { ...jsonPretty, jsonColon: ':', padMaps: true }), '{ "Fn::Sub":"arn:${AWS::Partition}:logs:*" }');
});

const statement: FixValue = {
  kind: 'map',
  entries: [
    ['Effect', str('Allow')],
    ['Action', { kind: 'list', items: [str('secretsmanager:GetSecretValue')] }],
    ['Resource', { kind: 'list', items: [{ kind: 'ref', name: 'DbSecret' }] }],
  ],
};

test('renders a block map at the given indentation, lists one unit deeper', () => {
  assert.equal(
    renderValue(statement, { ...yamlBlock, indent: '    ' }),
    'Effect: Allow\n    Action:\n      - secretsmanager:GetSecretValue\n    Resource:\n      - !Ref DbSecret',
  );
  assert.equal(
    renderValue(statement, { ...yamlBlock, indent: '    ', indentSequences: false, newline: '\r\n' }),
    'Effect: Allow\r\n    Action:\r\n    - secretsmanager:GetSecretValue\r\n    Resource:\r\n    - !Ref DbSecret',
  );
  assert.equal(renderValue(statement, { ...yamlBlock, flow: true }), '{Effect: Allow, Action: [secretsmanager:GetSecretValue], Resource: [!Ref DbSecret]}');
  assert.equal(
    renderValue(statement, { ...yamlBlock, flow: true, padMaps: true, padSeqs: true }),
    '{ Effect: Allow, Action: [ secretsmanager:GetSecretValue ], Resource: [ !Ref DbSecret ] }',
  );
});

test('renders a list of maps with each map under its dash', () => {
  const list: FixValue = { kind: 'list', items: [statement, { kind: 'map', entries: [['Effect', str('Deny')]] }] };
  assert.equal(
    renderValue(list, { ...yamlBlock, indent: '  ' }),
    '- Effect: Allow\n    Action:\n      - secretsmanager:GetSecretValue\n    Resource:\n      - !Ref DbSecret\n  - Effect: Deny',
  );
});

test('writes scalar lists inline when the file does, unless the line would pass 80 columns', () => {
  const inline = { ...yamlBlock, inlineScalarLists: true, indent: '      ' };
  assert.equal(renderValue(statement, inline), 'Effect: Allow\n      Action: [secretsmanager:GetSecretValue]\n      Resource: [!Ref DbSecret]');
  const long: FixValue = {
    kind: 'map',
    entries: [['ManagedPolicyArns', { kind: 'list', items: [str('arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy')] }]],
  };
  assert.equal(renderValue(long, inline), 'ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy');
});

test('pretty-prints JSON with the indentation unit, compacts it on one line', () => {
  assert.equal(
    renderValue(statement, { ...jsonPretty, indentUnit: '\t', indent: '\t' }),
    '{\n\t\t"Effect": "Allow",\n\t\t"Action": [\n\t\t\t"secretsmanager:GetSecretValue"\n\t\t],\n\t\t"Resource": [\n\t\t\t{"Ref": "DbSecret"}\n\t\t]\n\t}',
  );
  assert.equal(
    renderValue(statement, { ...jsonPretty, flow: true, jsonColon: ':', jsonComma: ',' }),
    '{"Effect":"Allow","Action":["secretsmanager:GetSecretValue"],"Resource":[{"Ref":"DbSecret"}]}',
  );
  assert.equal(renderValue({ kind: 'list', items: [] }, jsonPretty), '[]');
  assert.equal(renderValue({ kind: 'map', entries: [] }, yamlBlock), '{}');
  assert.equal(renderValue(str('a "quoted" \\ value'), jsonPretty), '"a \\"quoted\\" \\\\ value"');
});

test('detects the style of a 2-space YAML template with short-form tags', () => {
  const doc = parseDocument('service.yaml', readFixture('service-2-spaces.yaml'));
  const style = detectStyle(doc.source, doc.root);
  assert.deepEqual(
    { ...style },
    {
      syntax: 'yaml',
      shortForm: true,
      indentUnit: '  ',
      indent: '',
      flow: false,
      quote: 'single',
      newline: '\n',
      indentSequences: true,
      inlineScalarLists: false,
      padMaps: false,
      padSeqs: false,
      jsonColon: ': ',
      jsonComma: ', ',
    },
  );
});

test('detects 4 spaces, double quotes, CRLF and lists level with their keys', () => {
  const doc = parseDocument('service.yaml', 'Resources:\r\n    Role:\r\n        Properties:\r\n            Tags:\r\n            - Key: "a"\r\n              Value: b\r\n');
  const style = detectStyle(doc.source, doc.root);
  assert.equal(style.indentUnit, '    ');
  assert.equal(style.quote, 'double');
  assert.equal(style.newline, '\r\n');
  assert.equal(style.indentSequences, false);
  // No intrinsic written either way: short-form tags, what most YAML templates use.
  assert.equal(style.shortForm, true);
});

test('detects JSON indentation, spacing and compactness', () => {
  const tabs = parseDocument('td.json', readFixture('task-definition-tabs.json'));
  const tabStyle = detectStyle(tabs.source, tabs.root);
  assert.equal(tabStyle.syntax, 'json');
  assert.equal(tabStyle.indentUnit, '\t');
  assert.equal(tabStyle.flow, false);
  const compact = parseDocument('td.json', readFixture('task-definition-compact.json'));
  const compactStyle = detectStyle(compact.source, compact.root);
  assert.equal(compactStyle.flow, true);
  assert.equal(compactStyle.jsonColon, ':');
  assert.equal(compactStyle.jsonComma, ',');
  const aws = parseDocument('t.json', '{\n    "A" : { "Ref" : "B" },\n    "C" : [ "x", "y" ]\n}\n');
  const awsStyle = detectStyle(aws.source, aws.root);
  assert.equal(awsStyle.indentUnit, '    ');
  assert.equal(awsStyle.jsonColon, ' : ');
  assert.equal(awsStyle.padMaps, true);
  assert.equal(awsStyle.padSeqs, true);
  assert.equal(awsStyle.inlineScalarLists, true);
});
