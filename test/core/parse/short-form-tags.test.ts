import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getValue, isMap, nodeAtPath, toPlain, type DocNode, type MapNode } from '../../../src/core/parse/node.js';
import { parseFile } from '../../../src/core/parse/parse-file.js';
import { longFormOfTag } from '../../../src/core/parse/short-form-tags.js';

/** Every short form CloudFormation (and cfn-include) documents, plus one it does not know. */
const tagNames = [
  'Ref',
  'GetAtt',
  'Sub',
  'Join',
  'If',
  'Select',
  'Split',
  'FindInMap',
  'ImportValue',
  'Base64',
  'Cidr',
  'GetAZs',
  'Equals',
  'And',
  'Or',
  'Not',
  'Condition',
  'Transform',
  'ToJsonString',
  'Length',
  'Contains',
  'EachMemberEquals',
  'EachMemberIn',
  'RefAll',
  'ValueOf',
  'ValueOfAll',
  'Include',
  'SomeFutureFunction',
];

function parseValue(text: string): { text: string; node: DocNode } {
  const parsed = parseFile('template.yaml', text);
  assert.equal(parsed.error, undefined, parsed.error?.message);
  assert.ok(parsed.root);
  const node = getValue(parsed.root, 'Value');
  assert.ok(node, 'the document has a Value key');
  return { text, node };
}

function sliceOf(text: string, node: DocNode): string {
  return text.slice(node.startOffset, node.endOffset);
}

function assertIntrinsic(node: DocNode, tag: string, longForm: string): MapNode {
  assert.ok(isMap(node), `${tag} becomes a map`);
  assert.equal(node.shortForm, tag);
  assert.equal(node.entries.length, 1);
  assert.equal(node.entries[0].key, longForm);
  return node;
}

test('maps each tag name to its long form', () => {
  assert.equal(longFormOfTag('Ref'), 'Ref');
  assert.equal(longFormOfTag('Condition'), 'Condition');
  assert.equal(longFormOfTag('GetAtt'), 'Fn::GetAtt');
  assert.equal(longFormOfTag('Include'), 'Fn::Include');
});

for (const name of tagNames) {
  const tag = `!${name}`;
  const longForm = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;

  test(`reads ${tag} with a scalar value as {"${longForm}": scalar}`, () => {
    const { text, node } = parseValue(`Other: 1\nValue: ${tag} Some.Value  # comment\nAfter: 2\n`);
    const map = assertIntrinsic(node, tag, longForm);
    assert.deepEqual(toPlain(map), { [longForm]: 'Some.Value' });
    assert.equal(sliceOf(text, map), `${tag} Some.Value`);
    assert.equal(sliceOf(text, map.entries[0].keyNode), tag);
    assert.equal(sliceOf(text, map.entries[0].value), 'Some.Value');
    assert.equal(map.style, 'flow');
    assert.equal(map.entries[0].keyNode.style, 'plain');
  });

  test(`reads ${tag} with a flow sequence`, () => {
    const { text, node } = parseValue(`Value: ${tag} [a, 'b']\n`);
    const map = assertIntrinsic(node, tag, longForm);
    assert.deepEqual(toPlain(map), { [longForm]: ['a', 'b'] });
    assert.equal(sliceOf(text, map), `${tag} [a, 'b']`);
    assert.equal(sliceOf(text, map.entries[0].value), "[a, 'b']");
    assert.equal(map.style, 'flow');
  });

  test(`reads ${tag} with a block sequence`, () => {
    const { text, node } = parseValue(`Value: ${tag}\n  - a\n  - b: c\nNext: x\n`);
    const map = assertIntrinsic(node, tag, longForm);
    assert.deepEqual(toPlain(map), { [longForm]: ['a', { b: 'c' }] });
    assert.equal(sliceOf(text, map), `${tag}\n  - a\n  - b: c`);
    assert.equal(map.style, 'block');
  });

  test(`reads ${tag} with a flow mapping`, () => {
    const { text, node } = parseValue(`Value: ${tag} {Name: x, Parameters: {Location: y}}\n`);
    const map = assertIntrinsic(node, tag, longForm);
    assert.deepEqual(toPlain(map), { [longForm]: { Name: 'x', Parameters: { Location: 'y' } } });
    assert.equal(sliceOf(text, map), `${tag} {Name: x, Parameters: {Location: y}}`);
    assert.equal(map.style, 'flow');
  });

  test(`reads ${tag} with a block mapping`, () => {
    const { text, node } = parseValue(`Value: ${tag}\n  Name: x\n  Parameters:\n    Location: y\n`);
    const map = assertIntrinsic(node, tag, longForm);
    assert.deepEqual(toPlain(map), { [longForm]: { Name: 'x', Parameters: { Location: 'y' } } });
    assert.equal(sliceOf(text, map), `${tag}\n  Name: x\n  Parameters:\n    Location: y`);
    assert.equal(map.style, 'block');
  });
}

test('reads !GetAtt A.B as a dotted string and !GetAtt [A, B] as a list', () => {
  const text = 'Value:\n  Dotted: !GetAtt Role.Arn\n  Listed: !GetAtt [Role, Arn]\n';
  const { node } = parseValue(text);
  assert.deepEqual(toPlain(node), { Dotted: { 'Fn::GetAtt': 'Role.Arn' }, Listed: { 'Fn::GetAtt': ['Role', 'Arn'] } });
});

test('reads a !Sub inside a !Join inside an !If, each with its own offsets', () => {
  const text = "Value: !If [IsProd, !Join ['', [!Sub 'arn:${AWS::Partition}:s3:::', !Ref Bucket]], !Ref AWS::NoValue]\n";
  const { node } = parseValue(text);
  assert.deepEqual(toPlain(node), {
    'Fn::If': [
      'IsProd',
      { 'Fn::Join': ['', [{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::' }, { Ref: 'Bucket' }]] },
      { Ref: 'AWS::NoValue' },
    ],
  });
  const join = nodeAtPath(node, ['Fn::If', 1]);
  assert.ok(join);
  assert.equal(sliceOf(text, join), "!Join ['', [!Sub 'arn:${AWS::Partition}:s3:::', !Ref Bucket]]");
  const sub = nodeAtPath(node, ['Fn::If', 1, 'Fn::Join', 1, 0]);
  assert.ok(sub);
  assert.equal(sliceOf(text, sub), "!Sub 'arn:${AWS::Partition}:s3:::'");
  const subString = nodeAtPath(sub, ['Fn::Sub']);
  assert.ok(subString && subString.kind === 'scalar');
  assert.equal(subString.style, 'single');
  assert.equal(sliceOf(text, subString), "'arn:${AWS::Partition}:s3:::'");
  assert.equal(sliceOf(text, nodeAtPath(node, ['Fn::If', 2])!), '!Ref AWS::NoValue');
});

test('reads a block !Sub list with a variable map written in short forms', () => {
  const text = "Value: !Sub\n  - '${Account}.dkr.ecr.${AWS::Region}.amazonaws.com/app'\n  - Account: !Ref AccountId\n";
  const { node } = parseValue(text);
  assert.deepEqual(toPlain(node), {
    'Fn::Sub': ['${Account}.dkr.ecr.${AWS::Region}.amazonaws.com/app', { Account: { Ref: 'AccountId' } }],
  });
});

test('starts a tagged node at its tag even when a comment and a line break come between', () => {
  const text = "Value: !Join # separator first\n  - ','\n  - [a, b]\n";
  const { node } = parseValue(text);
  assertIntrinsic(node, '!Join', 'Fn::Join');
  assert.equal(sliceOf(text, node), "!Join # separator first\n  - ','\n  - [a, b]");
});

test('reads a tagged block scalar and ends it at its last character', () => {
  const text = 'Value: !Sub |\n  #!/bin/bash\n  echo ${AWS::Region}\n\nNext: 1\n';
  const { node } = parseValue(text);
  assert.deepEqual(toPlain(node), { 'Fn::Sub': '#!/bin/bash\necho ${AWS::Region}\n' });
  assert.equal(sliceOf(text, node), '!Sub |\n  #!/bin/bash\n  echo ${AWS::Region}');
  const value = nodeAtPath(node, ['Fn::Sub']);
  assert.ok(value && value.kind === 'scalar');
  assert.equal(value.style, 'block-literal');
});

test('reads a tag with nothing after it as an empty string, as CloudFormation does', () => {
  const text = 'Value: !GetAZs\nNext: 1\n';
  const { node } = parseValue(text);
  assert.deepEqual(toPlain(node), { 'Fn::GetAZs': '' });
  assert.equal(sliceOf(text, node), '!GetAZs');
});

test('keeps short-form values as typed scalars', () => {
  const { node } = parseValue('Value: !Select [0, !GetAZs ""]\n');
  assert.deepEqual(toPlain(node), { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] });
});

test('lets an anchor sit on either side of a tag and aliases the whole intrinsic', () => {
  const parsed = parseFile('t.yaml', 'A: &first !Ref Foo\nB: !Ref &second Bar\nC: *first\nD: *second\n');
  assert.equal(parsed.error, undefined);
  const root = parsed.root!;
  assert.deepEqual(toPlain(root), { A: { Ref: 'Foo' }, B: { Ref: 'Bar' }, C: { Ref: 'Foo' }, D: { Ref: 'Bar' } });
  assert.equal(getValue(root, 'C'), getValue(root, 'A'));
  assert.equal((getValue(root, 'A') as MapNode).startOffset, 'A: &first '.length);
});

test('reads the long forms as ordinary maps without a shortForm', () => {
  const { node } = parseValue('Value: {"Fn::GetAtt": [Role, Arn]}\n');
  assert.ok(isMap(node));
  assert.equal(node.shortForm, undefined);
  assert.deepEqual(toPlain(node), { 'Fn::GetAtt': ['Role', 'Arn'] });
});

test('rejects a short form used as a mapping key', () => {
  const text = 'Resources:\n  !Ref Foo: bar\n';
  const parsed = parseFile('t.yaml', text);
  assert.ok(parsed.error);
  assert.match(parsed.error.message, /^mapping key must be/);
  assert.equal(parsed.error.startOffset, text.indexOf('!Ref'));
});
