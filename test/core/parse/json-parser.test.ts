import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getEntry, getValue, isMap, isSeq, nodeAtPath, toPlain, type DocNode } from '../../../src/core/parse/node.js';
import { parseJson } from '../../../src/core/parse/json-parser.js';
import { defaultParseLimits, type ParseLimits } from '../../../src/core/parse/parsed-file.js';

function parseOk(text: string, limits: ParseLimits = defaultParseLimits): DocNode {
  const outcome = parseJson(text, limits);
  assert.equal(outcome.error, undefined, outcome.error?.message);
  assert.ok(outcome.root);
  return outcome.root;
}

function parseError(text: string, limits: ParseLimits = defaultParseLimits) {
  const outcome = parseJson(text, limits);
  assert.ok(outcome.error, `expected a parse error for ${JSON.stringify(text.slice(0, 80))}`);
  return outcome.error;
}

function sliceOf(text: string, node: DocNode | undefined): string {
  assert.ok(node);
  return text.slice(node.startOffset, node.endOffset);
}

test('reads every JSON value and matches JSON.parse', () => {
  const text = '{"s": "x", "n": -12.5e1, "i": 80, "t": true, "f": false, "z": null, "a": [1, [], {}], "o": {"k": "v"}}';
  assert.deepEqual(toPlain(parseOk(text)), JSON.parse(text));
});

test('marks every node with the json style and slices back to the source', () => {
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [ {"Effect": "Allow"} ],\n  "Port": 8080\n}\n';
  const root = parseOk(text);
  assert.equal(sliceOf(text, root), text.trimEnd());
  assert.equal(sliceOf(text, getValue(root, 'Version')), '"2012-10-17"');
  assert.equal(sliceOf(text, getEntry(root, 'Version')?.keyNode), '"Version"');
  assert.equal(sliceOf(text, getValue(root, 'Statement')), '[ {"Effect": "Allow"} ]');
  assert.equal(sliceOf(text, nodeAtPath(root, ['Statement', 0])), '{"Effect": "Allow"}');
  assert.equal(sliceOf(text, getValue(root, 'Port')), '8080');
  const styles = new Set<string>();
  const visit = (node: DocNode): void => {
    styles.add(node.style);
    if (isMap(node)) for (const entry of node.entries) (styles.add(entry.keyNode.style), visit(entry.value));
    if (isSeq(node)) node.items.forEach(visit);
  };
  visit(root);
  assert.deepEqual([...styles], ['json']);
});

test('decodes escapes and surrogate pairs', () => {
  const root = parseOk('["a\\"b\\\\c\\/d\\b\\f\\n\\r\\t", "\\u00e9\\ud83d\\ude00", "plain é 😀"]');
  assert.deepEqual(toPlain(root), ['a"b\\c/d\b\f\n\r\t', 'é😀', 'plain é 😀']);
});

test('keeps numbers that would lose digits as their source text', () => {
  const root = parseOk('[0, -1, 1.5, 1e3, 1.0, 9007199254740991, 9007199254740993, 123456789012345678901, 1e400, 0.10000000000000000555]');
  assert.deepEqual(toPlain(root), [
    0,
    -1,
    1.5,
    1000,
    1,
    9007199254740991,
    '9007199254740993',
    '123456789012345678901',
    '1e400',
    '0.10000000000000000555',
  ]);
});

test('skips a leading BOM and counts it as one character', () => {
  const text = '\uFEFF{"a": 1}';
  const root = parseOk(text);
  assert.equal(root.startOffset, 1);
  assert.equal(sliceOf(text, getValue(root, 'a')), '1');
});

test('reports each syntax error with a precise message and offset', () => {
  const cases: [string, RegExp, number][] = [
    ['{"a": 1 "b": 2}', /^expected ',' or '}' after property value, found '"'$/, 8],
    ['[1 2]', /^expected ',' or ']' after array element, found '2'$/, 3],
    ['{"a": 1,}', /^trailing comma before '}'/, 7],
    ['[1, 2, ]', /^trailing comma before ']'/, 5],
    ['{"a": 1', /^unexpected end of input$/, 7],
    ['{"a": ', /^unexpected end of input$/, 6],
    ['[', /^unexpected end of input$/, 1],
    ['', /^unexpected end of input/, 0],
    ['{"a": "abc', /^unterminated string$/, 6],
    ['{"a": "abc\n"}', /^unterminated string$/, 6],
    ['{"a": "a\\qb"}', /^invalid escape '\\q' in string$/, 8],
    ['{"a": "\\u12G4"}', /^invalid unicode escape/, 7],
    ['{"a": "x\ty"}', /^unescaped control character U\+0009 in string/, 8],
    ['{"a": "x\0y"}', /^unescaped control character U\+0000/, 8],
    ['{"a": NaN}', /^NaN is not a valid JSON number$/, 6],
    ['{"a": -Infinity}', /^Infinity is not a valid JSON number$/, 6],
    ['{"a": 012}', /^leading zeros are not allowed in JSON numbers/, 6],
    ['[-]', /^expected a digit after '-'$/, 1],
    ['[1.]', /^expected a digit after '\.'/, 1],
    ['[1e+]', /^expected a digit in the exponent/, 1],
    ['[.5]', /^invalid number: JSON numbers cannot start with '\.'$/, 1],
    ['[+1]', /^invalid number/, 1],
    ['[0x1F]', /^invalid number '0x'$/, 1],
    ["{'a': 1}", /^expected a property name in double quotes, found '''$/, 1],
    ['{a: 1}', /^expected a property name in double quotes, found 'a'$/, 1],
    ['{"a" 1}', /^expected ':' after property name, found '1'$/, 5],
    ['{"a": tru}', /^unexpected token 'tru'/, 6],
    ['{"a": yes}', /^unexpected token 'yes'; strings must be in double quotes$/, 6],
    ["['a']", /^strings must use double quotes in JSON$/, 1],
    ['{"a": 1} x', /^unexpected 'x' after the end of the JSON value$/, 9],
    ['{} {}', /after the end of the JSON value/, 3],
    ['// comment\n{}', /^comments are not allowed in JSON$/, 0],
    ['{"a": 1 /* c */}', /^comments are not allowed in JSON$/, 8],
    ['[1,,2]', /^expected a value, found ','$/, 3],
    ['{"a": }', /^expected a value, found '}'$/, 6],
    ['\u0001', /^unexpected control character U\+0001$/, 0],
  ];
  for (const [text, message, offset] of cases) {
    const error = parseError(text);
    assert.match(error.message, message, JSON.stringify(text));
    assert.equal(error.startOffset, offset, `${JSON.stringify(text)}: ${error.message}`);
    assert.ok(error.endOffset >= error.startOffset);
  }
});

test('reports a duplicate key at the second occurrence with the line of the first', () => {
  const text = '{\n  "Type": "AWS::IAM::Role",\n  "Properties": {},\n  "Type": "AWS::IAM::User"\n}';
  const error = parseError(text);
  assert.equal(error.message, "duplicate key 'Type' (first defined on line 2)");
  assert.equal(error.startOffset, text.lastIndexOf('"Type"'));
  assert.equal(error.endOffset, text.lastIndexOf('"Type"') + '"Type"'.length);

  const keys = Array.from({ length: 40 }, (_, index) => `"k${index}": ${index}`);
  const large = `{${keys.join(', ')}, "k3": "again"}`;
  assert.equal(parseError(large).startOffset, large.lastIndexOf('"k3"'));
  assert.ok(parseOk('{"a": {"x": 1}, "b": {"x": 2}}'), 'equal keys in different objects are fine');
});

test('rejects nesting deeper than maxDepth, even 10,000 levels, without a crash', () => {
  for (const text of ['['.repeat(10_000) + ']'.repeat(10_000), '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)]) {
    const error = parseError(text);
    assert.equal(error.message, 'nesting is deeper than 200 levels');
    assert.equal(error.startOffset, text[0] === '[' ? 200 : 1000);
  }
  assert.ok(parseOk('['.repeat(200) + ']'.repeat(200)));
  assert.equal(parseError('['.repeat(201) + ']'.repeat(201)).message, 'nesting is deeper than 200 levels');
});

test('stops at maxNodes', () => {
  const limits = { ...defaultParseLimits, maxNodes: 10 };
  assert.ok(parseOk('[1, 2, 3, 4, 5, 6, 7, 8, 9]', limits));
  assert.equal(parseError('[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]', limits).message, 'file has more than 10 values');
});

test('parses a file with 10,000-entry arrays quickly', () => {
  const numbers = Array.from({ length: 10_000 }, (_, index) => index);
  const statements = Array.from({ length: 10_000 }, (_, index) => ({
    Sid: `S${index}`,
    Effect: 'Allow',
    Action: ['s3:GetObject', 's3:PutObject'],
    Resource: `arn:aws:s3:::bucket-${index}/*`,
  }));
  const text = JSON.stringify({ numbers, Statement: statements }, null, 2);
  const startMilliseconds = performance.now();
  const root = parseOk(text);
  const milliseconds = performance.now() - startMilliseconds;
  assert.ok(milliseconds < 500, `took ${milliseconds} ms`);
  const statementList = getValue(root, 'Statement');
  assert.ok(isSeq(statementList));
  assert.equal(statementList.items.length, 10_000);
  assert.deepEqual(toPlain(root), { numbers, Statement: statements });
});

test('never throws on arbitrary text', () => {
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', 'u', '0', '1', '-', '.', 'e', 'true', 'null', ' ', '\n', 'x', '\uD83D'];
  for (let iteration = 0; iteration < 3000; iteration++) {
    let text = '';
    const length = Math.floor(random() * 40);
    for (let index = 0; index < length; index++) text += alphabet[Math.floor(random() * alphabet.length)];
    const outcome = parseJson(text, defaultParseLimits);
    let expected: unknown;
    let valid = true;
    try {
      expected = JSON.parse(text);
    } catch {
      valid = false;
    }
    if (valid && outcome.root) assert.deepEqual(toPlain(outcome.root), expected, JSON.stringify(text));
    // Our parser is stricter than JSON.parse only about duplicate keys.
    if (valid && outcome.error) assert.match(outcome.error.message, /^duplicate key/, JSON.stringify(text));
    if (!valid) assert.ok(outcome.error, JSON.stringify(text));
  }
});
