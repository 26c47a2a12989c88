import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { getValue, nodeAtPath, toPlain } from '../../../src/core/parse/node.js';
import { detectSyntax, parseFile } from '../../../src/core/parse/parse-file.js';
import { defaultParseLimits } from '../../../src/core/parse/parsed-file.js';
import { detectFileKind, guessFileKind } from '../../../src/core/parse/file-kind.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/parse/${name}`, import.meta.url), 'utf8');
}

function parseFixture(name: string) {
  return parseFile(`repo/${name}`, fixture(name));
}

test('picks JSON when the first character after BOM and whitespace opens an object or array', () => {
  assert.equal(detectSyntax('{"a": 1}'), 'json');
  assert.equal(detectSyntax('\uFEFF  \r\n\t[1]'), 'json');
  assert.equal(detectSyntax('a: 1'), 'yaml');
  assert.equal(detectSyntax('# {"a": 1}\n{}'), 'yaml');
  assert.equal(detectSyntax('---\n{}'), 'yaml');
  assert.equal(detectSyntax(''), 'yaml');
});

test('gives the same tree for a template written in YAML and in JSON', () => {
  const yaml = parseFixture('ecs-service.template.yaml');
  const json = parseFixture('ecs-service.template.json');
  assert.equal(yaml.error, undefined);
  assert.equal(json.error, undefined);
  assert.equal(yaml.syntax, 'yaml');
  assert.equal(json.syntax, 'json');
  assert.deepEqual(toPlain(yaml.root!), toPlain(json.root!));
  assert.equal(toPlain(nodeAtPath(yaml.root!, ['Parameters', 'AccountId', 'Default'])!), '012345678910');
  assert.equal(toPlain(nodeAtPath(yaml.root!, ['Resources', 'ExecutionRole', 'Properties', 'AssumeRolePolicyDocument', 'Version'])!), '2012-10-17');
});

test('classifies templates, task definitions and unrelated files by content', () => {
  const expectations: [string, string][] = [
    ['ecs-service.template.yaml', 'cfn-template'],
    ['ecs-service.template.json', 'cfn-template'],
    ['task-definition-register.json', 'task-definition'],
    ['task-definition-describe.json', 'task-definition'],
    ['task-definition.yaml', 'task-definition'],
    ['github-workflow.yml', 'other'],
    ['docker-compose.yml', 'other'],
    ['package.json', 'other'],
  ];
  for (const [name, kind] of expectations) {
    const parsed = parseFixture(name);
    assert.equal(parsed.kind, kind, name);
    assert.equal(parsed.error, undefined, name);
    assert.ok(parsed.root, name);
    assert.equal(parsed.source.path, `repo/${name}`);
    if (kind !== 'task-definition') assert.equal(parsed.taskDefinitionRoot, undefined, name);
  }
});

test('points taskDefinitionRoot at the root of register input and inside describe output', () => {
  const register = parseFixture('task-definition-register.json');
  assert.equal(register.taskDefinitionRoot, register.root);
  const describe = parseFixture('task-definition-describe.json');
  assert.equal(describe.taskDefinitionRoot, getValue(describe.root, 'taskDefinition'));
  assert.equal(toPlain(getValue(describe.taskDefinitionRoot, 'family')!), 'web');
});

test('recognises a template by typed Resources or a serverless Transform without a format version', () => {
  assert.equal(parseFile('t.yaml', 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n').kind, 'cfn-template');
  assert.equal(parseFile('t.yaml', 'Resources:\n  Thing:\n    Type: !Ref TypeName\n').kind, 'cfn-template');
  assert.equal(parseFile('t.yaml', 'Transform: AWS::Serverless-2016-10-31\nGlobals: {}\n').kind, 'cfn-template');
  assert.equal(parseFile('t.yaml', 'Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n').kind, 'cfn-template');
  assert.equal(parseFile('t.yaml', 'Resources:\n  Bucket:\n    Name: x\n').kind, 'other');
  assert.equal(parseFile('t.yaml', 'resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n').kind, 'other');
});

test('leaves files whose root or Resources is not a map as other', () => {
  assert.equal(parseFile('t.yaml', "AWSTemplateFormatVersion: '2010-09-09'\nResources: [a, b]\n").kind, 'other');
  assert.equal(parseFile('t.yaml', "AWSTemplateFormatVersion: '2010-09-09'\nResources: !Ref Other\n").kind, 'other');
  assert.equal(parseFile('t.yaml', '- AWSTemplateFormatVersion: x\n').kind, 'other');
  assert.equal(parseFile('t.json', '[{"containerDefinitions": []}]').kind, 'other');
  assert.equal(parseFile('t.yaml', 'just a string\n').kind, 'other');
  assert.equal(parseFile('t.yaml', '').kind, 'other');
  assert.equal(parseFile('t.yaml', 'containerDefinitions: {}\n').kind, 'other');
  assert.equal(parseFile('t.yaml', 'taskDefinition:\n  family: x\n').kind, 'other');
});

test('reports a parse error only for broken files that look like templates or task definitions', () => {
  const template = parseFile('t.yaml', 'Resources:\n  Role:\n    Type: "AWS::IAM::Role\n');
  assert.equal(template.kind, 'cfn-template');
  assert.equal(template.root, undefined);
  assert.match(template.error!.message, /^unterminated string/);

  const taskDefinition = parseFile('td.json', '{"containerDefinitions": [{"name": "web",}]}');
  assert.equal(taskDefinition.kind, 'task-definition');
  assert.equal(taskDefinition.syntax, 'json');
  assert.match(taskDefinition.error!.message, /^trailing comma/);

  const unrelated = parseFile('.github/workflows/ci.yml', 'on: push\njobs:\n  build:\n\truns-on: ubuntu-latest\n');
  assert.equal(unrelated.kind, 'other');
  assert.equal(unrelated.error, undefined);
  assert.equal(unrelated.root, undefined);
});

test('guesses the kind of unparseable text from tell-tale words', () => {
  assert.equal(guessFileKind('AWSTemplateFormatVersion: [broken'), 'cfn-template');
  assert.equal(guessFileKind('{"Resources": '), 'cfn-template');
  assert.equal(guessFileKind('Resources:\n\tX'), 'cfn-template');
  assert.equal(guessFileKind('Type: AWS::IAM::Role'), 'cfn-template');
  assert.equal(guessFileKind('{"containerDefinitions": ['), 'task-definition');
  assert.equal(guessFileKind('{"containerDefinitions": [{"environment": [{"value": "AWS::x"}]'), 'task-definition');
  assert.equal(guessFileKind('name: ci\non: [push'), 'other');
});

test('reports the duplicate key of a template file at its second occurrence', () => {
  const text = fixture('duplicate-key.yaml');
  const parsed = parseFile('dup.yaml', text);
  assert.equal(parsed.kind, 'cfn-template');
  assert.equal(parsed.error?.message, "duplicate key 'RoleName' (first defined on line 6)");
  assert.equal(parsed.error?.startOffset, text.lastIndexOf('RoleName'));
  assert.equal(parsed.source.positionAt(parsed.error!.startOffset).line, 8);
});

test('falls back to YAML for a non-.json file that starts with { but is not JSON', () => {
  const text = "{AWSTemplateFormatVersion: '2010-09-09', Resources: {Bucket: {Type: 'AWS::S3::Bucket'}},}";
  const template = parseFile('stack.template', text);
  assert.equal(template.syntax, 'yaml');
  assert.equal(template.kind, 'cfn-template');
  assert.equal(template.error, undefined);

  const json = parseFile('stack.json', text);
  assert.equal(json.syntax, 'json');
  assert.equal(json.kind, 'cfn-template');
  assert.match(json.error!.message, /^expected a property name in double quotes/);
  assert.equal(json.error!.startOffset, 1);

  // When YAML fails too, the JSON error is the one that explains the file.
  const broken = parseFile('stack.template', '{"Resources": {"A": {"Type": "AWS::S3::Bucket"}} "x"}');
  assert.equal(broken.syntax, 'json');
  assert.match(broken.error!.message, /^expected ',' or '}' after property value/);
});

test('rejects a file over the size limit at once, without parsing it', () => {
  const line = '    Description: padding padding padding padding padding padding padding\n';
  const text = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A:\n    Type: AWS::S3::Bucket\n" + line.repeat(Math.ceil((6 * 1024 * 1024) / line.length));
  const startMilliseconds = performance.now();
  const parsed = parseFile('big.yaml', text);
  const milliseconds = performance.now() - startMilliseconds;
  assert.equal(parsed.error?.message, 'file is 6 MB, over the 5 MB limit');
  assert.equal(parsed.error?.startOffset, 0);
  assert.equal(parsed.error?.endOffset, 0);
  assert.equal(parsed.kind, 'cfn-template');
  assert.ok(milliseconds < 1000, `took ${milliseconds} ms`);

  const small = parseFile('small.json', '{"containerDefinitions": []}', { ...defaultParseLimits, maxFileBytes: 10 });
  assert.equal(small.error?.message, 'file is 28 bytes, over the 10 bytes limit');
});

test('parses a BOM and CRLF template with offsets into the original text', () => {
  const text = "\uFEFFAWSTemplateFormatVersion: '2010-09-09'\r\nResources:\r\n  Role:\r\n    Type: AWS::IAM::Role\r\n    Properties:\r\n      RoleName: !Sub '${AWS::StackName}-task'\r\n";
  const parsed = parseFile('t.yaml', text);
  assert.equal(parsed.error, undefined);
  assert.equal(parsed.kind, 'cfn-template');
  const roleName = nodeAtPath(parsed.root!, ['Resources', 'Role', 'Properties', 'RoleName'])!;
  assert.equal(text.slice(roleName.startOffset, roleName.endOffset), "!Sub '${AWS::StackName}-task'");
  assert.equal(parsed.source.positionAt(roleName.startOffset).line, 6);

  const json = '\uFEFF{\r\n  "containerDefinitions": [\r\n    {"name": "web"}\r\n  ]\r\n}\r\n';
  const task = parseFile('td.json', json);
  assert.equal(task.kind, 'task-definition');
  const name = nodeAtPath(task.root!, ['containerDefinitions', 0, 'name'])!;
  assert.equal(json.slice(name.startOffset, name.endOffset), '"web"');
});

test('rejects hostile files fast and without throwing', () => {
  const laughs = fixture('billion-laughs.yaml');
  const cases: [string, string, RegExp][] = [
    ['laughs.yaml', laughs, /^aliases expand the file/],
    ['deep.json', '['.repeat(10_000) + ']'.repeat(10_000) + '\n"Resources"', /^nesting is deeper than 200 levels$/],
    ['deep.template', '{"Resources":'.repeat(10_000) + '1' + '}'.repeat(10_000), /^nesting is deeper than 200 levels$/],
    ['deep.yaml', 'Resources: ' + '['.repeat(10_000) + ']'.repeat(10_000), /^nesting is deeper than 200 levels$/],
    ['nul.yaml', 'Resources:\n  A: \0\n', /NUL byte/],
    ['tabs.yaml', 'Resources:\n\tA: 1\n', /tab/i],
    ['multi.yaml', 'Resources: {}\n---\nResources: {}\n', /more than one YAML document/],
  ];
  for (const [path, text, message] of cases) {
    const startMilliseconds = performance.now();
    const parsed = parseFile(path, text);
    const milliseconds = performance.now() - startMilliseconds;
    assert.ok(milliseconds < 1000, `${path} took ${milliseconds} ms`);
    assert.equal(parsed.kind, 'cfn-template', path);
    assert.match(parsed.error?.message ?? '', message, path);
  }
});

test('detects the kind of an already parsed tree', () => {
  const parsed = parseFile('td.yaml', 'taskDefinition:\n  containerDefinitions:\n    - name: a\n');
  const result = detectFileKind(parsed.root!);
  assert.equal(result.kind, 'task-definition');
  assert.equal(result.taskDefinitionRoot, getValue(parsed.root, 'taskDefinition'));
});
