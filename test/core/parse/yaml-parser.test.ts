import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { getEntry, getValue, isMap, isScalar, isSeq, nodeAtPath, toPlain, type DocNode } from '../../../src/core/parse/node.js';
import { defaultParseLimits, type ParseLimits } from '../../../src/core/parse/parsed-file.js';
import { parseYaml, resolvePlainScalar } from '../../../src/core/parse/yaml-parser.js';

function parseOk(text: string, limits: ParseLimits = defaultParseLimits): DocNode {
  const outcome = parseYaml(text, limits);
  assert.equal(outcome.error, undefined, outcome.error?.message);
  assert.ok(outcome.root);
  return outcome.root;
}

function parseError(text: string, limits: ParseLimits = defaultParseLimits) {
  const outcome = parseYaml(text, limits);
  assert.ok(outcome.error, 'expected a parse error');
  assert.equal(outcome.root, undefined);
  return outcome.error;
}

function sliceOf(text: string, node: DocNode | undefined): string {
  assert.ok(node);
  return text.slice(node.startOffset, node.endOffset);
}

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/parse/${name}`, import.meta.url), 'utf8');
}

function elapsedMilliseconds(run: () => void): number {
  const startMilliseconds = performance.now();
  run();
  return performance.now() - startMilliseconds;
}

test('reads plain scalars with the YAML 1.2 core schema but never changes how a number is written', () => {
  const cases: [string, unknown][] = [
    ['2012-10-17', '2012-10-17'],
    ['2010-09-09', '2010-09-09'],
    ['012345678910', '012345678910'],
    ['123456789012', 123456789012],
    ['80', 80],
    ['-5', -5],
    ['1.5', 1.5],
    ['1.0', '1.0'],
    ['1e3', '1e3'],
    ['0x1F', '0x1F'],
    ['0o17', '0o17'],
    ['+1', '+1'],
    ['-0', '-0'],
    ['.inf', '.inf'],
    ['.nan', '.nan'],
    ['12345678901234567890', '12345678901234567890'],
    ['true', true],
    ['False', false],
    ['TRUE', true],
    ['Yes', 'Yes'],
    ['No', 'No'],
    ['on', 'on'],
    ['off', 'off'],
    ['y', 'y'],
    ['null', null],
    ['~', null],
    ['', null],
    ['Infinity', 'Infinity'],
    ['NaN', 'NaN'],
    ['1_000', '1_000'],
    ['10:30', '10:30'],
  ];
  for (const [source, expected] of cases) {
    const root = parseOk(`Value: ${source}\n`);
    assert.deepEqual(toPlain(getValue(root, 'Value')!), expected, `Value: ${source}`);
  }
  assert.equal(resolvePlainScalar('', true), '');
});

test('records the style of every scalar', () => {
  const text = "Plain: a\nSingle: 'b'\nDouble: \"c\"\nLiteral: |\n  d\nFolded: >\n  e\n  f\n";
  const root = parseOk(text);
  const styles = Object.fromEntries(
    (root.kind === 'map' ? root.entries : []).map((entry) => [entry.key, entry.value.kind === 'scalar' ? entry.value.style : '']),
  );
  assert.deepEqual(styles, { Plain: 'plain', Single: 'single', Double: 'double', Literal: 'block-literal', Folded: 'block-folded' });
  assert.deepEqual(toPlain(root), { Plain: 'a', Single: 'b', Double: 'c', Literal: 'd\n', Folded: 'e f\n' });
});

test('keeps quoted numbers and dates as strings and decodes escapes', () => {
  const root = parseOk('A: "80"\nB: \'2012-10-17\'\nC: "caf\\u00e9\\n\\t\\"q\\""\nD: \'it\'\'s\'\n');
  assert.deepEqual(toPlain(root), { A: '80', B: '2012-10-17', C: 'café\n\t"q"', D: "it's" });
});

test('gives scalars, flow and block collections offsets that slice back to their source', () => {
  const text = [
    'Resources:',
    '  Role:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    "      Path: '/'",
    '      Tags: [{Key: a, Value: "b"}, {Key: c, Value: d}]   # trailing comment',
    '      Policies:',
    '        - PolicyName: p',
    '          Description: a plain scalar',
    '            folded over two lines',
    '        - PolicyName: q',
    '',
    '# closing comment',
    '',
  ].join('\n');
  const root = parseOk(text);
  assert.equal(sliceOf(text, nodeAtPath(root, ['Resources', 'Role', 'Type'])), 'AWS::IAM::Role');
  assert.equal(sliceOf(text, nodeAtPath(root, ['Resources', 'Role', 'Properties', 'Path'])), "'/'");
  assert.equal(
    sliceOf(text, nodeAtPath(root, ['Resources', 'Role', 'Properties', 'Tags'])),
    '[{Key: a, Value: "b"}, {Key: c, Value: d}]',
  );
  assert.equal(sliceOf(text, nodeAtPath(root, ['Resources', 'Role', 'Properties', 'Tags', 0])), '{Key: a, Value: "b"}');
  assert.equal(sliceOf(text, nodeAtPath(root, ['Resources', 'Role', 'Properties', 'Tags', 0, 'Value'])), '"b"');
  const description = nodeAtPath(root, ['Resources', 'Role', 'Properties', 'Policies', 0, 'Description']);
  assert.equal(sliceOf(text, description), 'a plain scalar\n            folded over two lines');
  assert.deepEqual(toPlain(description!), 'a plain scalar folded over two lines');
  assert.equal(
    sliceOf(text, nodeAtPath(root, ['Resources', 'Role', 'Properties', 'Policies'])),
    '- PolicyName: p\n          Description: a plain scalar\n            folded over two lines\n        - PolicyName: q',
  );
  assert.equal(sliceOf(text, nodeAtPath(root, ['Resources', 'Role', 'Properties', 'Policies', 1])), 'PolicyName: q');
  assert.equal(sliceOf(text, root), text.slice(0, text.indexOf('PolicyName: q') + 'PolicyName: q'.length));
  const typeEntry = getEntry(nodeAtPath(root, ['Resources', 'Role']), 'Type');
  assert.equal(sliceOf(text, typeEntry?.keyNode), 'Type');
  assert.equal(root.kind === 'map' && root.style, 'block');
  assert.equal(nodeAtPath(root, ['Resources', 'Role', 'Properties', 'Tags'])?.kind === 'seq' && nodeAtPath(root, ['Resources', 'Role', 'Properties', 'Tags'])?.style, 'flow');
});

test('turns non-string keys into their source text', () => {
  const root = parseOk("80: http\n012: zero\ntrue: yes\n'quoted': q\n1.0: f\n");
  assert.deepEqual(toPlain(root), { '80': 'http', '012': 'zero', true: 'yes', quoted: 'q', '1.0': 'f' });
  const keyNode = getEntry(root, '80')?.keyNode;
  assert.equal(keyNode?.value, '80');
});

test('rejects mapping keys that are collections', () => {
  const text = 'Resources:\n  ? [a, b]\n  : value\n';
  const error = parseError(text);
  assert.match(error.message, /^mapping key must be a plain string/);
  assert.equal(error.startOffset, text.indexOf('['));
  assert.match(parseError('Resources: {[a]: b}\n').message, /^mapping key must be a plain string/);
});

test('expands merge keys with YAML first-wins semantics and keeps keys written in the map', () => {
  const text = [
    'Defaults: &defaults',
    '  Cpu: 256',
    '  Memory: 512',
    'Extra: &extra',
    '  Memory: 1024',
    '  Image: nginx',
    'Task:',
    '  Cpu: 1024',
    '  <<: [*defaults, *extra]',
    '  Name: web',
    'Inline:',
    '  <<: {A: 1}',
    '  B: 2',
    '',
  ].join('\n');
  const root = parseOk(text);
  assert.deepEqual(toPlain(getValue(root, 'Task')!), { Cpu: 1024, Memory: 512, Image: 'nginx', Name: 'web' });
  assert.deepEqual(toPlain(getValue(root, 'Inline')!), { A: 1, B: 2 });
  const task = getValue(root, 'Task');
  assert.ok(isMap(task));
  assert.deepEqual(
    task.entries.map((entry) => entry.key),
    ['Cpu', 'Memory', 'Image', 'Name'],
  );
  assert.equal(getValue(task, 'Memory'), nodeAtPath(root, ['Defaults', 'Memory']));
});

test('reads a quoted "<<" as an ordinary key and rejects merging a scalar', () => {
  assert.deepEqual(toPlain(parseOk('"<<": x\n')), { '<<': 'x' });
  const text = 'A: &a hello\nB:\n  <<: *a\n';
  const error = parseError(text);
  assert.match(error.message, /^merge key '<<' needs a mapping/);
});

test('resolves aliases to the very node the anchor marks', () => {
  const root = parseOk('Base: &base\n  Effect: Allow\nCopy: *base\nList: [*base, *base]\n');
  assert.equal(getValue(root, 'Copy'), getValue(root, 'Base'));
  assert.equal(nodeAtPath(root, ['List', 1]), getValue(root, 'Base'));
  assert.deepEqual(toPlain(getValue(root, 'List')!), [{ Effect: 'Allow' }, { Effect: 'Allow' }]);
});

test('rejects aliases to unknown anchors and to a node that contains the alias', () => {
  const unknown = parseError('A: *missing\n');
  assert.match(unknown.message, /^alias '\*missing' refers to no anchor/);
  assert.equal(unknown.startOffset, 3);
  const cyclic = parseError('A: &a\n  B: *a\n');
  assert.match(cyclic.message, /refers to a node that contains it/);
});

test('rejects a billion-laughs alias bomb in well under a second', () => {
  const text = fixture('billion-laughs.yaml');
  let error: ReturnType<typeof parseError> | undefined;
  const milliseconds = elapsedMilliseconds(() => {
    error = parseError(text);
  });
  assert.match(error!.message, /^aliases expand the file to more than 1000000 values$/);
  assert.ok(milliseconds < 1000, `took ${milliseconds} ms`);
});

test('counts aliases against maxAliases and the nodes they reach against maxNodes', () => {
  const text = 'A: &a [1, 2, 3]\nB: [*a, *a, *a]\n';
  assert.ok(parseYaml(text, { ...defaultParseLimits, maxAliases: 3 }).root);
  assert.match(parseError(text, { ...defaultParseLimits, maxAliases: 2 }).message, /^file uses more than 2 aliases$/);
  assert.ok(parseYaml(text, { ...defaultParseLimits, maxNodes: 30 }).root);
  assert.match(parseError(text, { ...defaultParseLimits, maxNodes: 12 }).message, /more than 12 values/);
});

test('counts nesting an alias brings along against maxDepth', () => {
  const limits = { ...defaultParseLimits, maxDepth: 6 };
  const deep = 'A: &a [[[[1]]]]\n';
  assert.ok(parseYaml(deep + 'B: [*a]\n', limits).root);
  assert.match(parseError(deep + 'B: [[[*a]]]\n', limits).message, /makes nesting deeper than 6 levels/);
});

test('rejects 10,000-deep flow, block and mapping nesting quickly and without a crash', () => {
  const texts = [
    '['.repeat(10_000) + ']'.repeat(10_000),
    '['.repeat(10_000),
    '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
    '{a: '.repeat(10_000),
    '- '.repeat(10_000) + 'x\n',
    // Block nesting needs one more space per level, so 3,000 levels already take 4.5 million characters.
    Array.from({ length: 3_000 }, (_, index) => `${' '.repeat(index)}a:`).join('\n') + ' 1\n',
    'A: ' + '!Ref '.repeat(10_000) + 'x\n',
  ];
  for (const text of texts) {
    let message = '';
    const milliseconds = elapsedMilliseconds(() => {
      message = parseError(text).message;
    });
    assert.ok(milliseconds < 1000, `took ${milliseconds} ms for ${text.slice(0, 20)}`);
    assert.match(message, /^[a-z]/);
  }
  assert.match(parseError('['.repeat(10_000)).message, /^nesting is deeper than 200 levels$/);
});

test('accepts nesting up to maxDepth, synthetic intrinsic maps included', () => {
  const limits = { ...defaultParseLimits, maxDepth: 4 };
  assert.ok(parseYaml('a: [[1]]\n', limits).root);
  assert.ok(parseYaml('a: !If [c, x]\n', limits).root);
  assert.match(parseError('a: [[[[1]]]]\n', limits).message, /deeper than 4 levels/);
  assert.match(parseError('a: !If [!If [!If [c]]]\n', limits).message, /deeper than 4 levels/);
});

test('reports a duplicate key at the second occurrence with the line of the first', () => {
  const text = fixture('duplicate-key.yaml');
  const error = parseError(text);
  assert.equal(error.message, "duplicate key 'RoleName' (first defined on line 6)");
  const second = text.lastIndexOf('RoleName');
  assert.equal(error.startOffset, second);
  assert.equal(error.endOffset, second + 'RoleName'.length);
});

test('finds duplicates in flow mappings and in large mappings', () => {
  const flow = 'A: {x: 1, y: 2, x: 3}\n';
  assert.equal(parseError(flow).startOffset, flow.lastIndexOf('x'));
  const keys = Array.from({ length: 50 }, (_, index) => `k${index}: ${index}`);
  const large = `${keys.join('\n')}\nk7: again\n`;
  const error = parseError(large);
  assert.equal(error.message, "duplicate key 'k7' (first defined on line 8)");
  assert.equal(error.startOffset, large.lastIndexOf('k7'));
});

test('rejects a second document with an error where it starts', () => {
  const text = 'A: 1\n---\nB: 2\n';
  const error = parseError(text);
  assert.match(error.message, /more than one YAML document/);
  assert.equal(error.startOffset, text.indexOf('---'));
  assert.deepEqual(toPlain(parseOk('---\nA: 1\n...\n')), { A: 1 });
});

test('reports syntax errors with the offending offset', () => {
  const cases: [string, RegExp, number][] = [
    ['Resources:\n\tRole: x\n', /tab/i, 11],
    ['Resources:\n  Role:\n\t  Type: x\n', /tab/i, 19],
    ['A: "unterminated\nB: 1\n', /^unterminated string: missing closing "quote$/, 3],
    ["A: 'unterminated\n", /^unterminated string: missing closing 'quote$/, 3],
    ['A: ok\nB: [x, "y\n', /^unterminated string/, 13],
    ['A: [1, 2\nB: 1\n', /^flow sequence in block collection must be sufficiently indented and end with a ]$/, 9],
    ['A: {a: 1\n', /^flow map/, 9],
    ['A:\n  B: 1\n C: 2\n', /same column/, 10],
    ['A: @x\n', /reserved character @/, 3],
    ['A: b: c\n', /nested mappings/, 3],
    ['A: 1\n]\n', /unexpected/, 5],
  ];
  for (const [text, message, offset] of cases) {
    const error = parseError(text);
    assert.match(error.message, message, JSON.stringify(text));
    assert.match(error.message, /^[a-z]/, 'messages start lower-case');
    assert.equal(error.startOffset, offset, `${JSON.stringify(text)}: ${error.message}`);
  }
});

test('rejects NUL bytes and other control characters YAML does not allow', () => {
  const nul = parseError('A: b\0c\n');
  assert.equal(nul.message, 'file contains a NUL byte, which YAML does not allow');
  assert.equal(nul.startOffset, 4);
  assert.match(parseError('A: \x07\n').message, /U\+0007/);
  assert.ok(parseOk('A: "tab\there"\n'));
});

test('reports a truncated template instead of returning half of it', () => {
  const text = fixture('ecs-service.template.yaml');
  for (const cut of [text.indexOf("'${AWS::StackName}-app'") + 5, text.indexOf('[UseTaskRole,') + 5]) {
    const outcome = parseYaml(text.slice(0, cut), defaultParseLimits);
    assert.ok(outcome.error, `cut at ${cut}`);
  }
});

test('counts a BOM as one character and reads CRLF line endings', () => {
  const text = '\uFEFFA: 1\r\nB: |\r\n  line one\r\n  line two\r\nC: [x, !Ref y]\r\n';
  const root = parseOk(text);
  assert.deepEqual(toPlain(root), { A: 1, B: 'line one\nline two\n', C: ['x', { Ref: 'y' }] });
  assert.equal(root.startOffset, 1);
  assert.equal(getEntry(root, 'A')?.keyNode.startOffset, 1);
  assert.equal(sliceOf(text, getValue(root, 'B')), '|\r\n  line one\r\n  line two');
  assert.equal(sliceOf(text, nodeAtPath(root, ['C', 1])), '!Ref y');
});

test('reads an empty or comment-only file as a null root', () => {
  for (const text of ['', '# only a comment\n', '\uFEFF']) {
    const root = parseOk(text);
    assert.ok(isScalar(root));
    assert.equal(root.value, null);
  }
});

test('reads standard !! tags with their YAML meaning', () => {
  const root = parseOk('A: !!str 80\nB: !!int "42"\nC: !!map {x: 1}\nD: ! 12\n');
  assert.deepEqual(toPlain(root), { A: '80', B: 42, C: { x: 1 }, D: '12' });
  assert.equal(isMap(getValue(root, 'C')) && (getValue(root, 'C') as { shortForm?: string }).shortForm, undefined);
});

test('stops counting at maxNodes before building a huge flat file', () => {
  const text = `A: [${'x,'.repeat(2000)}x]\n`;
  assert.match(parseError(text, { ...defaultParseLimits, maxNodes: 1000 }).message, /^file has more than 1000 values$/);
  const root = parseOk(text);
  const list = getValue(root, 'A');
  assert.ok(isSeq(list));
  assert.equal(list.items.length, 2001);
});

test('never throws on arbitrary text', () => {
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const alphabet = ['a', 'b', ':', ' ', '  ', '\n', '- ', '[', ']', '{', '}', ',', '!Ref ', '&x ', '*x', '"', "'", '|', '>', '#', '? ', '<<: ', '\t', '---\n', '%YAML 1.2\n', '!!str ', '\\', '@', '`'];
  for (let iteration = 0; iteration < 1500; iteration++) {
    let text = '';
    const length = Math.floor(random() * 60);
    for (let index = 0; index < length; index++) text += alphabet[Math.floor(random() * alphabet.length)];
    const outcome = parseYaml(text, defaultParseLimits);
    assert.ok(outcome.root || outcome.error, JSON.stringify(text));
    if (outcome.error) {
      assert.ok(outcome.error.startOffset >= 0 && outcome.error.startOffset <= text.length, JSON.stringify(text));
      assert.ok(outcome.error.endOffset >= outcome.error.startOffset);
    }
  }
});
