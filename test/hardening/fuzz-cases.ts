/**
 * Deterministic fuzz cases: the project's own templates and task definitions, mutated the ways real
 * pull requests and hostile ones break them. A case is a pure function of (seed, index), so any
 * failure can be rebuilt from the two numbers alone.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the mutated inputs come from; never /work/shared/corpus, which is not part of the project. */
export const fixtureDirectories = ['examples', 'test/fixtures/rules', 'test/fixtures/parse'];

export interface FixtureFile {
  /** Project-relative path. */
  path: string;
  text: string;
}

export interface FuzzCase {
  index: number;
  /** The fixture the case started from. */
  basePath: string;
  /** Path the mutated file is linted under. */
  path: string;
  text: string;
  /** The mutations applied, in order, for the failure report. */
  mutations: string[];
}

export function loadFixtures(): FixtureFile[] {
  const files: FixtureFile[] = [];
  const walk = (directory: string): void => {
    for (const name of readdirSync(directory).sort()) {
      const full = join(directory, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ya?ml|json|template)$/.test(name)) files.push({ path: relative(projectRoot, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  for (const directory of fixtureDirectories) walk(join(projectRoot, directory));
  return files;
}

/** mulberry32: tiny, fast, and good enough to pick mutations (https://gist.github.com/tommyettinger/46a874533244883189143505d203312c). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, bound). */
  int(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  /** An integer in [low, high]. */
  between(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

/** One independent stream per case, so case N does not depend on how many random numbers case N-1 drew. */
export function caseSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

type Syntax = 'yaml' | 'json';
type Mutator = (text: string, random: Random, syntax: Syntax) => string;

function syntaxOf(text: string): Syntax {
  return /^[\s\uFEFF]*[[{]/.test(text) ? 'json' : 'yaml';
}

function splitLines(text: string): string[] {
  return text.split('\n');
}

function insertAt(text: string, offset: number, insertion: string): string {
  return text.slice(0, offset) + insertion + text.slice(offset);
}

/** Keys whose values the rules read: mutating these reaches the model and the rules, not only the parser. */
const interestingKeys =
  /^(?:Action|NotAction|Resource|NotResource|Principal|Service|AWS|Federated|Effect|Condition|Statement|PolicyDocument|Policies|ManagedPolicyArns|PermissionsBoundary|AssumeRolePolicyDocument|RoleName|Roles|Role|RoleArn|ExecutionRoleArn|TaskRoleArn|executionRoleArn|taskRoleArn|InstanceProfileArn|IamInstanceProfile|Image|image|ContainerDefinitions|containerDefinitions|LogConfiguration|logConfiguration|Options|options|LogDriver|logDriver|Secrets|secrets|ValueFrom|valueFrom|Environment|EnvironmentFiles|environmentFiles|Type|Properties|Resources|Parameters|Default|Family|family|NetworkMode|networkMode|RequiresCompatibilities|requiresCompatibilities|awslogs-group|awslogs-create-group|awslogs-region|FirelensConfiguration|Volumes|volumes|ProxyConfiguration|taskDefinition|TaskDefinition|Metadata|Outputs|Conditions|Mappings|Transform|Ref|Fn::GetAtt|Fn::Sub|Fn::Join|Fn::If|Value|Export)$/;

interface KeyLine {
  lineIndex: number;
  /** Everything up to and including the separator after the key. */
  prefix: string;
  key: string;
  /** Text after the separator; '' for a YAML key whose value is the indented block below. */
  value: string;
  /** JSON: the trailing comma, kept so the line stays a member. */
  suffix: string;
}

const yamlKeyLine = /^(\s*(?:- +)*)((?:"[^"]*"|'[^']*'|[^\s:#'"][^:#]*?)):( +|$)(.*)$/;
const jsonKeyLine = /^(\s*)("(?:[^"\\]|\\.)*")(\s*:\s*)(.*?)(,?)\s*$/;

function findKeyLines(lines: readonly string[], syntax: Syntax): KeyLine[] {
  const found: KeyLine[] = [];
  lines.forEach((line, lineIndex) => {
    if (syntax === 'yaml') {
      const match = yamlKeyLine.exec(line);
      if (!match) return;
      const [, indent, key, separator, value] = match;
      found.push({ lineIndex, prefix: `${indent}${key}:${separator || ' '}`, key: key.replace(/^["']|["']$/g, ''), value, suffix: '' });
    } else {
      const match = jsonKeyLine.exec(line);
      if (!match) return;
      const [, indent, key, separator, value, comma] = match;
      found.push({ lineIndex, prefix: `${indent}${key}${separator}`, key: key.slice(1, -1), value, suffix: comma });
    }
  });
  return found;
}

/** A key line, preferring the keys rules read three times out of four. */
function pickKeyLine(random: Random, keyLines: readonly KeyLine[]): KeyLine | undefined {
  if (keyLines.length === 0) return undefined;
  const interesting = keyLines.filter((keyLine) => interestingKeys.test(keyLine.key));
  return interesting.length > 0 && random.chance(0.75) ? random.pick(interesting) : random.pick(keyLines);
}

function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)![0].length;
}

/**
 * Replaces the value of a random key (the block under it too, in YAML, or the whole bracketed value in
 * JSON) with `build(indent)`'s text, written inline after the key.
 */
function replaceValue(text: string, random: Random, syntax: Syntax, build: (syntax: Syntax, indent: string) => string): string {
  const lines = splitLines(text);
  const keyLine = pickKeyLine(random, findKeyLines(lines, syntax));
  if (!keyLine) return text;
  const line = lines[keyLine.lineIndex];
  const indent = ' '.repeat(indentOf(line) + 2);
  const replacement = build(syntax, indent);
  if (syntax === 'yaml') {
    let end = keyLine.lineIndex + 1;
    // A block value: every following line indented deeper (or blank) belongs to it.
    if (keyLine.value === '' || /^[|>]/.test(keyLine.value)) {
      const keyIndent = indentOf(line.replace(/- /g, '  '));
      while (end < lines.length && (lines[end].trim() === '' || indentOf(lines[end]) > keyIndent)) end++;
    }
    lines.splice(keyLine.lineIndex, end - keyLine.lineIndex, keyLine.prefix + replacement);
    return lines.join('\n');
  }
  const lineStart = lines.slice(0, keyLine.lineIndex).reduce((sum, l) => sum + l.length + 1, 0);
  const valueStart = lineStart + line.indexOf(keyLine.prefix) + keyLine.prefix.length;
  const valueEnd = findJsonValueEnd(text, valueStart);
  return text.slice(0, valueStart) + replacement + text.slice(valueEnd);
}

/** End of the JSON value starting at `start`: the matching bracket, the closing quote, or the next delimiter. */
function findJsonValueEnd(text: string, start: number): number {
  const first = text[start];
  if (first === '"') {
    for (let offset = start + 1; offset < text.length; offset++) {
      if (text[offset] === '\\') offset++;
      else if (text[offset] === '"') return offset + 1;
    }
    return text.length;
  }
  if (first === '{' || first === '[') {
    let depth = 0;
    for (let offset = start; offset < text.length; offset++) {
      const char = text[offset];
      if (char === '"') {
        for (offset++; offset < text.length && text[offset] !== '"'; offset++) if (text[offset] === '\\') offset++;
      } else if (char === '{' || char === '[') depth++;
      else if (char === '}' || char === ']') {
        depth--;
        if (depth === 0) return offset + 1;
      }
    }
    return text.length;
  }
  let offset = start;
  while (offset < text.length && !/[,}\]\n]/.test(text[offset])) offset++;
  return offset;
}

// Values -------------------------------------------------------------------------------------------

const junkWords = ['', 'x', 'ExecutionRole', 'TaskRole.Arn', 'AWS::Region', 'AWS::NoValue', '${AWS::AccountId}', '${Missing.Attr}', '${', '}', '*', 'arn:aws:iam::123456789012:role/x', 'ecs-tasks.amazonaws.com', 's3:*', 'iam:PassRole', '__proto__', 'constructor', 'null', '~', '\u202e', '💥'];

function yamlScalar(random: Random): string {
  const word = random.pick(junkWords);
  return random.chance(0.5) ? JSON.stringify(word) : `'${word.replace(/'/g, "''")}'`;
}

function jsonScalar(random: Random): string {
  const roll = random.int(6);
  if (roll === 0) return String(random.pick([0, -1, 1.5, 1e21, 123456789012]));
  if (roll === 1) return random.pick(['true', 'false', 'null']);
  return JSON.stringify(random.pick(junkWords));
}

function scalarFor(syntax: Syntax, random: Random): string {
  return syntax === 'json' ? jsonScalar(random) : yamlScalar(random);
}

/** An intrinsic function in a shape CloudFormation would reject or the model may not expect. */
function intrinsicValue(syntax: Syntax, random: Random): string {
  const s = () => scalarFor(syntax, random);
  const names = ['Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Join', 'Fn::If', 'Fn::Select', 'Fn::Split', 'Fn::ImportValue', 'Fn::FindInMap', 'Fn::Base64', 'Fn::GetAZs', 'Fn::Cidr', 'Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or', 'Condition', 'Fn::Transform', 'Fn::Length', 'Fn::ToJsonString', 'Fn::ForEach::x', 'Fn::Bogus'];
  const shapes: (() => string)[] = [
    () => `{${JSON.stringify('Fn::Sub')}: {${JSON.stringify('a')}: ${s()}}}`,
    () => `{${JSON.stringify('Fn::Sub')}: [${s()}, {${JSON.stringify('Var')}: {${JSON.stringify('Ref')}: ${s()}}}]}`,
    () => `{${JSON.stringify('Fn::Sub')}: [${s()}]}`,
    () => `{${JSON.stringify('Fn::Join')}: ${s()}}`,
    () => `{${JSON.stringify('Fn::Join')}: [${s()}, ${s()}]}`,
    () => `{${JSON.stringify('Fn::Join')}: [${s()}, [${s()}, {${JSON.stringify('Fn::Join')}: [${s()}, []]}]]}`,
    () => `{${JSON.stringify('Ref')}: [${s()}, ${s()}]}`,
    () => `{${JSON.stringify('Ref')}: {${JSON.stringify('Ref')}: ${s()}}}`,
    () => `{${JSON.stringify('Fn::GetAtt')}: ${s()}}`,
    () => `{${JSON.stringify('Fn::GetAtt')}: [${s()}]}`,
    () => `{${JSON.stringify('Fn::GetAtt')}: [${s()}, ${s()}, ${s()}]}`,
    () => `{${JSON.stringify('Fn::If')}: [${s()}]}`,
    () => `{${JSON.stringify('Fn::If')}: [${s()}, {${JSON.stringify('Ref')}: ${JSON.stringify('AWS::NoValue')}}, [${s()}]]}`,
    () => `{${JSON.stringify('Fn::Select')}: [${s()}, ${s()}]}`,
    () => `{${JSON.stringify('Fn::Select')}: [99999999999, [${s()}]]}`,
    () => `{${JSON.stringify('Fn::FindInMap')}: [${s()}]}`,
    () => `{${JSON.stringify(random.pick(names))}: ${s()}, ${JSON.stringify(random.pick(names))}: ${s()}}`,
    () => `{${JSON.stringify(random.pick(names))}: null}`,
    () => `{${JSON.stringify(random.pick(names))}: {}}`,
    () => `{${JSON.stringify(random.pick(names))}: []}`,
  ];
  let value = random.pick(shapes)();
  // Sometimes nest one intrinsic inside another.
  if (random.chance(0.3)) value = `{${JSON.stringify(random.pick(names))}: [${value}, ${value}]}`;
  if (syntax === 'yaml' && random.chance(0.4)) {
    // The short form, with a tag in front of a flow value or a scalar.
    const tag = random.pick(['!Ref', '!GetAtt', '!Sub', '!Join', '!If', '!Select', '!Split', '!FindInMap', '!ImportValue', '!Base64', '!GetAZs', '!Cidr', '!Condition', '!Equals', '!Not']);
    return `${tag} ${random.pick([s(), `[${s()}, ${s()}]`, `{a: ${s()}}`, `[${value}]`, value, ''])}`;
  }
  return value;
}

function hugeNumber(random: Random): string {
  return random.pick([
    '1e999999',
    '-1e999999',
    '9'.repeat(400),
    '123456789012345678901234567890',
    '0.' + '0'.repeat(300) + '1',
    '1.7976931348623157e309',
    '-0',
    '0x7FFFFFFFFFFFFFFFFFFF',
    '0o777777777777777777777',
    '.inf',
    '-.Inf',
    '.NaN',
    '1_000_000',
    '012345678901',
    '4.9e-325',
    String(Number.MAX_SAFE_INTEGER + 2),
  ]);
}

const unicodeSnippets = [
  '\u202e', // right-to-left override
  '\u200f', // right-to-left mark
  '\u2066\u2069', // isolates
  '\u200b', // zero-width space
  '\u200d', // zero-width joiner
  '\ufeff', // BOM in the middle
  '\u2028', // line separator
  '\u2029',
  '\u0085', // NEL
  '💥',
  '👩‍👩‍👧‍👦',
  'e\u0301\u0301\u0301\u0301\u0301\u0301',
  'Z̷̢̛̙̈́a̵͇̐l̴̰̈g̸̣̿o̴̞͠',
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '：', // fullwidth colon
  'ー',
  '\u00a0', // no-break space
  '\u3000', // ideographic space
  'ﷺ',
  '𝔸𝕎𝕊',
];

// Mutators -----------------------------------------------------------------------------------------

const truncate: Mutator = (text, random) => text.slice(0, random.int(text.length + 1));

const flipBytes: Mutator = (text, random) => {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length === 0) return text;
  const flips = random.between(1, 8);
  for (let i = 0; i < flips; i++) bytes[random.int(bytes.length)] ^= 1 << random.int(8);
  return bytes.toString('utf8');
};

const structuralChars = [':', '{', '}', '[', ']', '-', ',', '&', '*', '!', "'", '"', '#', '|', '>', '%', '@', '`', '?', '\t', ' ', '\n', '\\', '<<'];

const replaceChars: Mutator = (text, random) => {
  let result = text;
  const count = random.between(1, 10);
  for (let i = 0; i < count && result.length > 0; i++) {
    const offset = random.int(result.length);
    result = result.slice(0, offset) + random.pick(structuralChars) + result.slice(offset + 1);
  }
  return result;
};

const deleteLines: Mutator = (text, random) => {
  const lines = splitLines(text);
  const count = random.between(1, 3);
  for (let i = 0; i < count && lines.length > 1; i++) lines.splice(random.int(lines.length), random.between(1, 2));
  return lines.join('\n');
};

const duplicateLines: Mutator = (text, random) => {
  const lines = splitLines(text);
  const start = random.int(lines.length);
  const block = lines.slice(start, start + random.between(1, 6));
  const at = random.chance(0.5) ? start : random.int(lines.length + 1);
  lines.splice(at, 0, ...block);
  return lines.join('\n');
};

const swapIndentation: Mutator = (text, random) => {
  const lines = splitLines(text);
  const count = random.between(1, 4);
  for (let i = 0; i < count; i++) {
    const a = random.int(lines.length);
    const b = random.int(lines.length);
    const indentA = /^[ \t]*/.exec(lines[a])![0];
    const indentB = /^[ \t]*/.exec(lines[b])![0];
    const roll = random.int(4);
    if (roll === 0) {
      lines[a] = indentB + lines[a].slice(indentA.length);
      lines[b] = indentA + lines[b].slice(indentB.length);
    } else if (roll === 1) lines[a] = ' '.repeat(random.between(1, 3)) + lines[a];
    else if (roll === 2) lines[a] = lines[a].replace(/^ {1,3}/, '');
    else lines[a] = lines[a].replace(/^ +/, (spaces) => '\t'.repeat(Math.ceil(spaces.length / 2)));
  }
  return lines.join('\n');
};

const shortTags = ['!Foo', '!GetAtt', '!Ref', '!Sub', '!Join', '!If', '!!binary', '!!map', '!!seq', '!!str', '!!int', '!!float', '!!null', '!<tag:yaml.org,2002:str>', '!', '!GetAtt.Arn', '!Ref!Ref', '!%F0%9F%92%A5', '!GetAZs', '!Condition'];
const tagJunk = ['', 'a.b.c.d', '[x]', '[x, y, z]', '{a: b}', '.Arn', 'Role.', '"\\u0000"', '!Ref x', '&anchor x', '*nowhere', '|', '>-', '[[[]]]', 'ExecutionRole.Arn', '${AWS::Region}'];

/** A tag in front of a value; in a JSON file too, where it turns the file into YAML or breaks it. */
const randomTag: Mutator = (text, random) => replaceValue(text, random, 'yaml', () => `${random.pick(shortTags)} ${random.pick(tagJunk)}`);

const hugeNumbers: Mutator = (text, random, syntax) => replaceValue(text, random, syntax, () => hugeNumber(random));

const unicode: Mutator = (text, random) => {
  let result = text;
  const count = random.between(1, 6);
  for (let i = 0; i < count; i++) {
    // Mostly inside values and keys (after a letter), sometimes anywhere.
    const offset = random.int(result.length + 1);
    result = insertAt(result, offset, random.pick(unicodeSnippets).repeat(random.chance(0.1) ? 500 : 1));
  }
  return result;
};

const lineBreaks: Mutator = (text, random) => {
  const roll = random.int(4);
  if (roll === 0) return text.replace(/\n/g, '\r\n');
  if (roll === 1) return text.replace(/\n/g, '\r');
  if (roll === 2) return text.replace(/\n/g, () => (random.chance(0.5) ? '\r\n' : '\n'));
  return insertAt(text, random.int(text.length + 1), '\r');
};

const byteOrderMark: Mutator = (text, random) => {
  const roll = random.int(3);
  if (roll === 0) return '\ufeff' + text;
  if (roll === 1) return '\ufeff\ufeff' + text;
  return insertAt(text, random.int(text.length + 1), '\ufeff');
};

const nulBytes: Mutator = (text, random) => {
  let result = text;
  const count = random.between(1, 3);
  for (let i = 0; i < count; i++) result = insertAt(result, random.chance(0.2) ? result.length : random.int(result.length + 1), '\0');
  return result;
};

const depths = [10, 50, 150, 199, 200, 201, 300, 499, 500, 501, 1000, 5000, 20000];

const deepNesting: Mutator = (text, random, syntax) =>
  replaceValue(text, random, syntax, (valueSyntax, indent) => {
    const depth = random.pick(depths);
    const closed = random.chance(0.8);
    const roll = random.int(valueSyntax === 'json' ? 3 : 5);
    if (roll === 0) return '['.repeat(depth) + (closed ? ']'.repeat(depth) : '');
    if (roll === 1) return '{"a":'.repeat(depth) + '1' + (closed ? '}'.repeat(depth) : '');
    if (roll === 2) return '{"Fn::Join": ["", ['.repeat(Math.min(depth, 2000)) + '"x"' + (closed ? ']]}'.repeat(Math.min(depth, 2000)) : '');
    if (roll === 3) return '{a: '.repeat(depth) + 'b' + (closed ? '}'.repeat(depth) : '');
    // Block nesting: one more level of indentation per line.
    const levels = Math.min(depth, 400);
    let block = '';
    for (let level = 0; level < levels; level++) block += `\n${indent}${' '.repeat(level)}a:`;
    return block + ' leaf';
  });

const hugeList: Mutator = (text, random, syntax) =>
  replaceValue(text, random, syntax, (valueSyntax, indent) => {
    const count = 10_000;
    const item = random.pick(['s3:GetObject', 'logs:PutLogEvents', 'ecs-tasks.amazonaws.com', 'arn:aws:iam::123456789012:role/r', '*', 'x']);
    const items = Array.from({ length: count }, (_, i) => `${item}${random.chance(0.5) ? i : ''}`);
    if (valueSyntax === 'json' || random.chance(0.5)) return `[${items.map((value) => JSON.stringify(value)).join(', ')}]`;
    return items.map((value) => `\n${indent}- ${value}`).join('');
  });

const manyStatements: Mutator = (text, random, syntax) =>
  replaceValue(text, random, syntax, () => {
    const count = random.pick([500, 2_000]);
    const statement = `{"Effect": "Allow", "Action": ["iam:PassRole", "logs:*"], "Resource": "*", "Principal": {"Service": "ecs-tasks.amazonaws.com"}}`;
    return `[${Array.from({ length: count }, () => statement).join(', ')}]`;
  });

const aliasChain: Mutator = (text, random) => {
  const lines = splitLines(text);
  const width = random.between(2, 10);
  const length = random.between(3, 40);
  const chain: string[] = [`FuzzAlias0: &a0 [${Array.from({ length: width }, () => 'lol').join(', ')}]`];
  for (let level = 1; level < length; level++) {
    chain.push(`FuzzAlias${level}: &a${level} [${Array.from({ length: width }, () => `*a${level - 1}`).join(', ')}]`);
  }
  const roll = random.int(5);
  if (roll === 0) chain.push('FuzzSelf: &self [*self]');
  if (roll === 1) chain.push('FuzzUnknown: *nowhere');
  if (roll === 2) chain.push(`FuzzMerge: {<<: *a${length - 1}}`);
  if (roll === 3) chain.push(`FuzzKey: {*a0 : x}`);
  // At the top level or under a key at two spaces (Metadata, Resources, Parameters...).
  const at = random.int(lines.length + 1);
  const indent = random.chance(0.5) ? '' : '  ';
  lines.splice(at, 0, ...chain.map((line) => indent + line));
  return lines.join('\n');
};

const intrinsics: Mutator = (text, random, syntax) => replaceValue(text, random, syntax, (valueSyntax) => intrinsicValue(valueSyntax, random));

const typeConfusion: Mutator = (text, random, syntax) =>
  replaceValue(text, random, syntax, (valueSyntax) =>
    random.pick(valueSyntax === 'json'
      ? ['null', '[]', '{}', 'true', '""', '0', '[null]', '[{}]', '[[]]', '{"": null}', '"*"']
      : ['null', '~', '[]', '{}', 'true', "''", '0', '[null]', '[{}]', '[[]]', '{"": ~}', "'*'", '', '|\n  text', '? complex\n  : key']),
  );

const keyJunk: Mutator = (text, random, syntax) => {
  const lines = splitLines(text);
  const keyLine = pickKeyLine(random, findKeyLines(lines, syntax));
  if (!keyLine) return text;
  const key = random.pick(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', 'Fn::Sub', 'Ref', '', '<<', '?', 'Resources', 'Type', 'Properties', keyLine.key + keyLine.key]);
  const line = lines[keyLine.lineIndex];
  const quoted = syntax === 'json' ? JSON.stringify(key) : JSON.stringify(key);
  lines[keyLine.lineIndex] = line.replace(syntax === 'json' ? /"(?:[^"\\]|\\.)*"/ : /[^\s-][^:]*:/, syntax === 'json' ? quoted : `${quoted}:`);
  return lines.join('\n');
};

const swapValues: Mutator = (text, random, syntax) => {
  const lines = splitLines(text);
  const keyLines = findKeyLines(lines, syntax).filter((keyLine) => keyLine.value !== '' && !/[{[]$/.test(keyLine.value));
  if (keyLines.length < 2) return text;
  const a = random.pick(keyLines);
  const b = random.pick(keyLines);
  lines[a.lineIndex] = a.prefix + b.value + a.suffix;
  lines[b.lineIndex] = b.prefix + a.value + b.suffix;
  return lines.join('\n');
};

/** Weighted: the structure-preserving mutations that reach the rules come up more often than the ones that only break parsing. */
const mutators: [string, Mutator, number][] = [
  ['truncate', truncate, 3],
  ['flip-bytes', flipBytes, 3],
  ['replace-chars', replaceChars, 3],
  ['delete-lines', deleteLines, 3],
  ['duplicate-lines', duplicateLines, 3],
  ['swap-indentation', swapIndentation, 3],
  ['random-tag', randomTag, 3],
  ['huge-number', hugeNumbers, 2],
  ['unicode', unicode, 3],
  ['line-breaks', lineBreaks, 2],
  ['bom', byteOrderMark, 1],
  ['nul', nulBytes, 1],
  ['deep-nesting', deepNesting, 2],
  ['huge-list', hugeList, 1],
  ['many-statements', manyStatements, 1],
  ['alias-chain', aliasChain, 2],
  ['intrinsic', intrinsics, 6],
  ['type-confusion', typeConfusion, 5],
  ['key-junk', keyJunk, 3],
  ['swap-values', swapValues, 3],
];
const totalWeight = mutators.reduce((sum, [, , weight]) => sum + weight, 0);

function pickMutator(random: Random): [string, Mutator] {
  let roll = random.int(totalWeight);
  for (const [name, mutator, weight] of mutators) {
    if (roll < weight) return [name, mutator];
    roll -= weight;
  }
  return [mutators[0][0], mutators[0][1]];
}

export const mutatorNames = mutators.map(([name]) => name);

/** Case `index` of the run seeded with `seed`: a fixture, one to three mutations, and the path to lint it under. */
export function buildFuzzCase(seed: number, index: number, fixtures: readonly FixtureFile[]): FuzzCase {
  const random = new Random(caseSeed(seed, index));
  const base = random.pick(fixtures);
  let text = base.text;
  const applied: string[] = [];
  const count = random.chance(0.6) ? 1 : random.between(2, 3);
  for (let i = 0; i < count; i++) {
    const [name, mutator] = pickMutator(random);
    text = mutator(text, random, syntaxOf(text));
    applied.push(name);
  }
  // The same bytes under another extension take the other parser path now and then.
  const extension = random.chance(0.1) ? random.pick(['.yaml', '.json', '.template']) : base.path.slice(base.path.lastIndexOf('.'));
  const name = base.path.slice(base.path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  return { index, basePath: base.path, path: `fuzzed/${name}${extension}`, text, mutations: applied };
}
