/** The values fixes insert, and how to write one in a file's own syntax, indentation, quoting and tag style. */
import type { DocNode, MapNode, SeqNode } from '../parse/node.js';
import { intrinsicName } from '../parse/node.js';
import type { Syntax } from '../parse/parsed-file.js';
import { resolvePlainScalar } from '../parse/yaml-parser.js';
import type { SourceFile } from '../text/source-file.js';

export type FixValue =
  | { kind: 'string'; value: string }
  /** `Fn::Sub` with a template string. */
  | { kind: 'sub'; template: string }
  | { kind: 'getatt'; logicalId: string; attribute: string }
  | { kind: 'ref'; name: string }
  | { kind: 'list'; items: FixValue[] }
  | { kind: 'map'; entries: [string, FixValue][] };

/**
 * Text of an existing value kept as written when an edit moves it (the old `Action` scalar that becomes
 * the first list item). Rules build FixValues; only the document edits build this.
 */
export interface SourceText {
  kind: 'source';
  text: string;
  /**
   * Indentation the text's continuation lines are relative to where it was: they get this prefix
   * swapped for the new position's `indent`. Irrelevant for one-line text.
   */
  baseIndent: string;
}

/** What the renderer accepts: fix values, possibly holding existing text. */
export type RenderableValue = FixValue | SourceText | { kind: 'list'; items: readonly RenderableValue[] };

export type QuoteStyle = 'single' | 'double';

export interface RenderContext {
  syntax: Syntax;
  /** YAML: write intrinsics as `!Ref X`, `!GetAtt X.Arn`, `!Sub ...` rather than `Ref: X` maps. */
  shortForm: boolean;
  /** One level of indentation: `'  '`, `'    '` or (JSON only; YAML forbids tabs) `'\t'`. */
  indentUnit: string;
  /**
   * Indentation the value's continuation lines are written relative to. YAML: the column the value
   * itself starts at (its keys or dashes line up there). JSON: the indentation of the line the value
   * starts on (members go one unit deeper, the closing bracket lines up with it).
   */
  indent: string;
  /** Collections are written flow (`[a, b]`, `{a: 1}`) or, in JSON, on one line, instead of block or pretty-printed. */
  flow: boolean;
  /** Quote a YAML string that needs quoting with this, unless its content makes the other one cleaner. */
  quote: QuoteStyle;
  newline: '\n' | '\r\n';
  /** YAML: a block list under a key is indented one unit (`Key:\n  - a`) rather than level with it (`Key:\n- a`). */
  indentSequences: boolean;
  /** Lists of scalars are written inline (`Action: [a, b]`, `"Action": ["a", "b"]`) inside block or pretty-printed code. */
  inlineScalarLists: boolean;
  /** Flow/one-line maps get a space inside the braces: `{ a: 1 }`. */
  padMaps: boolean;
  /** Flow/one-line lists get a space inside the brackets: `[ a, b ]`. */
  padSeqs: boolean;
  /** JSON: what separates a key from its value (`': '`, `':'`, `' : '`). */
  jsonColon: string;
  /** JSON: what separates members of a one-line collection (`', '` or `','`). */
  jsonComma: string;
}

/** Renders a value: the first line starts where the caller places it, continuation lines carry their full indentation. */
export function renderValue(value: RenderableValue, context: RenderContext): string {
  return context.syntax === 'json' ? renderJson(value, context, context.flow) : renderYaml(value, context, context.flow);
}

/** A map key as the file would write it: bare in YAML unless it needs quotes, always double-quoted in JSON. */
export function renderKey(key: string, context: RenderContext, inFlow = context.flow): string {
  if (context.syntax === 'json') return JSON.stringify(key);
  return renderYamlString(key, context.quote, inFlow);
}

/** Inline scalar lists that would run past this column are written one item a line instead, as Prettier would. */
const maxInlineWidth = 80;

/**
 * Whether the value is written on the line where it starts: scalars, intrinsics in short form or JSON,
 * empty collections, anything in flow context, and scalar lists where the file writes those inline and
 * the line stays within 80 columns. `prefixWidth` is how much of the line comes before the value.
 */
export function isInlineValue(value: RenderableValue, context: RenderContext, inFlow = context.flow, prefixWidth = context.indent.length): boolean {
  if (inFlow) return true;
  switch (value.kind) {
    case 'string':
    case 'source':
      return true;
    case 'sub':
    case 'getatt':
    case 'ref':
      return context.syntax === 'json' || context.shortForm;
    case 'list': {
      if (value.items.length === 0) return true;
      if (!context.inlineScalarLists || !value.items.every((item) => isScalarLike(item, context))) return false;
      const inlineText = context.syntax === 'json' ? renderJson(value, context, true) : renderYaml(value, context, true);
      return prefixWidth + inlineText.length <= maxInlineWidth;
    }
    case 'map':
      return value.entries.length === 0;
  }
}

function isScalarLike(value: RenderableValue, context: RenderContext): boolean {
  if (value.kind === 'source') return !value.text.includes('\n');
  if (value.kind === 'string') return true;
  if (value.kind === 'list' || value.kind === 'map') return false;
  return context.syntax === 'json' || context.shortForm;
}

// YAML

/** `blockList` says the caller has already decided a list goes in block style (it knows the line's full width). */
function renderYaml(value: RenderableValue, context: RenderContext, inFlow: boolean, blockList = false): string {
  const { indent, newline } = context;
  switch (value.kind) {
    case 'string':
      return renderYamlString(value.value, context.quote, inFlow);
    case 'source':
      return reindentSource(value, indent, newline);
    case 'ref':
    case 'sub':
    case 'getatt':
      if (context.shortForm) return renderShortForm(value, context, inFlow);
      if (value.kind === 'getatt') {
        // The user guide's long form keeps the pair on one line even in block style: `Fn::GetAtt: [Role, Arn]`.
        const pair = renderYaml({ kind: 'list', items: [{ kind: 'string', value: value.logicalId }, { kind: 'string', value: value.attribute }] }, context, true);
        const pad = context.padMaps ? ' ' : '';
        return inFlow ? `{${pad}Fn::GetAtt: ${pair}${pad}}` : `Fn::GetAtt: ${pair}`;
      }
      return renderYaml(longFormOf(value), context, inFlow);
    case 'list': {
      const items = value.items;
      if (items.length === 0) return '[]';
      if (!blockList && isInlineValue(value, context, inFlow)) {
        const pad = context.padSeqs ? ' ' : '';
        return `[${pad}${items.map((item) => renderYaml(item, context, true)).join(', ')}${pad}]`;
      }
      // Content after `- ` starts two columns right of the dash, so a map item's keys line up there.
      const itemContext = { ...context, indent: indent + '  ' };
      return items.map((item) => `- ${renderYaml(item, itemContext, false)}`).join(newline + indent);
    }
    case 'map': {
      const entries = value.entries;
      if (entries.length === 0) return '{}';
      if (isInlineValue(value, context, inFlow)) {
        const pad = context.padMaps ? ' ' : '';
        const members = entries.map(([key, item]) => `${renderYamlString(key, context.quote, true)}: ${renderYaml(item, context, true)}`);
        return `{${pad}${members.join(', ')}${pad}}`;
      }
      return entries.map(([key, item]) => renderYamlEntry(key, item, context)).join(newline + indent);
    }
  }
}

/** `key: value` at `context.indent`; a block value goes on the following lines, one unit deeper. */
export function renderYamlEntry(key: string, value: RenderableValue, context: RenderContext): string {
  const keyText = renderYamlString(key, context.quote, false);
  return `${keyText}:${renderYamlEntryValue(value, context, keyText.length)}`;
}

/**
 * What follows `key:` in a block map whose keys sit at `context.indent`: ` value`, or a block value on
 * the lines below. `keyWidth` is the key's length as written.
 */
export function renderYamlEntryValue(value: RenderableValue, context: RenderContext, keyWidth: number): string {
  if (isInlineValue(value, context, false, context.indent.length + keyWidth + 2)) return ` ${renderYaml(value, context, false)}`;
  const childIndent = context.indent + (value.kind === 'list' && !context.indentSequences ? '' : context.indentUnit);
  return `${context.newline}${childIndent}${renderYaml(value, { ...context, indent: childIndent }, false, true)}`;
}

function renderShortForm(value: Extract<FixValue, { kind: 'ref' | 'sub' | 'getatt' }>, context: RenderContext, inFlow: boolean): string {
  switch (value.kind) {
    case 'ref':
      return `!Ref ${renderYamlString(value.name, context.quote, inFlow)}`;
    case 'getatt':
      return `!GetAtt ${renderYamlString(`${value.logicalId}.${value.attribute}`, context.quote, inFlow)}`;
    case 'sub':
      return `!Sub ${renderYamlString(value.template, context.quote, inFlow)}`;
  }
}

/** The long form of an intrinsic; `Fn::GetAtt` takes the two-element list AWS documents. */
function longFormOf(value: Extract<FixValue, { kind: 'ref' | 'sub' | 'getatt' }>): FixValue {
  switch (value.kind) {
    case 'ref':
      return { kind: 'map', entries: [['Ref', { kind: 'string', value: value.name }]] };
    case 'sub':
      return { kind: 'map', entries: [['Fn::Sub', { kind: 'string', value: value.template }]] };
    case 'getatt':
      return {
        kind: 'map',
        entries: [['Fn::GetAtt', { kind: 'list', items: [{ kind: 'string', value: value.logicalId }, { kind: 'string', value: value.attribute }] }]],
      };
  }
}

/** Plain when YAML 1.1 and 1.2 readers both get the same string back; otherwise quoted. */
export function renderYamlString(value: string, quote: QuoteStyle, inFlow: boolean): string {
  if (!needsYamlQuotes(value, inFlow)) return value;
  // Single quotes cannot escape line breaks or control characters; double quotes can.
  if (/[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(value)) return JSON.stringify(value);
  const useDouble = quote === 'double' ? !(value.includes('"') && !value.includes("'")) : value.includes("'") && !value.includes('"');
  if (useDouble) return JSON.stringify(value);
  return `'${value.replace(/'/g, "''")}'`;
}

/** Words YAML 1.1 readers (PyYAML in cfn-lint, SnakeYAML) turn into booleans or null. */
const yaml11Words = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|true|True|TRUE|false|False|FALSE|null|Null|NULL|~|=|<<)$/;
/** Numbers in any notation either YAML version reads: decimal, `1_000`, hex, octal, binary, sexagesimal, `.inf`, `.nan`. */
const numberLike =
  /^(?:[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?0x[0-9a-fA-F_]+|[-+]?0o?[0-7_]+|[-+]?0b[01_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** YAML 1.1 timestamps: `2012-10-17` would be a date to such a reader. */
const dateLike = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:$|[Tt \t])/;

function needsYamlQuotes(value: string, inFlow: boolean): boolean {
  if (value === '') return true;
  if (/^\s|\s$/.test(value)) return true;
  if (/[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(value)) return true;
  if ('!&*{}[]|>\'"%@`#,'.includes(value[0])) return true;
  if ('-?:'.includes(value[0]) && (value.length === 1 || value[1] === ' ' || value[0] !== '-')) return true;
  if (value.includes(': ') || value.includes(' #') || value.endsWith(':')) return true;
  if (inFlow && /[,[\]{}]/.test(value)) return true;
  if (yaml11Words.test(value) || numberLike.test(value) || dateLike.test(value)) return true;
  return typeof resolvePlainScalar(value, false) !== 'string';
}

// JSON

function renderJson(value: RenderableValue, context: RenderContext, inline: boolean, prefixWidth = context.indent.length): string {
  const { indent, indentUnit, newline } = context;
  switch (value.kind) {
    case 'string':
      return JSON.stringify(value.value);
    case 'source':
      return reindentSource(value, indent, newline);
    case 'ref':
    case 'sub':
    case 'getatt':
      // Intrinsics stay on one line even in pretty-printed JSON, as in AWS's sample templates.
      return renderJson(longFormOf(value), context, true);
    case 'list': {
      if (value.items.length === 0) return '[]';
      if (inline || isInlineValue(value, context, false, prefixWidth)) {
        const pad = context.padSeqs ? ' ' : '';
        return `[${pad}${value.items.map((item) => renderJson(item, context, true)).join(context.jsonComma)}${pad}]`;
      }
      const inner = indent + indentUnit;
      const itemContext = { ...context, indent: inner };
      const items = value.items.map((item) => newline + inner + renderJson(item, itemContext, false));
      return `[${items.join(',')}${newline}${indent}]`;
    }
    case 'map': {
      if (value.entries.length === 0) return '{}';
      if (inline) {
        const pad = context.padMaps ? ' ' : '';
        const members = value.entries.map(([key, item]) => JSON.stringify(key) + context.jsonColon + renderJson(item, context, true));
        return `{${pad}${members.join(context.jsonComma)}${pad}}`;
      }
      const inner = indent + indentUnit;
      const itemContext = { ...context, indent: inner };
      const members = value.entries.map(([key, item]) => {
        const prefix = inner + JSON.stringify(key) + context.jsonColon;
        return newline + prefix + renderJson(item, itemContext, false, prefix.length);
      });
      return `{${members.join(',')}${newline}${indent}}`;
    }
  }
}

/** Moves kept text to a new position: continuation lines swap their old base indentation for the new one. */
function reindentSource(source: SourceText, indent: string, newline: string): string {
  const lines = source.text.split(/\r\n|\n|\r/);
  return lines
    .map((line, index) => {
      if (index === 0) return line;
      return line.startsWith(source.baseIndent) ? indent + line.slice(source.baseIndent.length) : indent + line.trimStart();
    })
    .join(newline);
}

// Style detection

const styleCache = new WeakMap<DocNode, RenderContext>();

/**
 * Infers how the file writes things, from its text and tree: indentation unit, short-form tags, quote
 * preference, list layout, brace padding and line break. `indent` is `''` (the document's top level).
 */
export function detectStyle(file: SourceFile, root: DocNode): RenderContext {
  const cached = styleCache.get(root);
  if (cached) return cached;
  const context = root.style === 'json' ? detectJsonStyle(file, root) : detectYamlStyle(file, root);
  styleCache.set(root, context);
  return context;
}

interface Tally {
  yes: number;
  no: number;
}

function detectYamlStyle(file: SourceFile, root: DocNode): RenderContext {
  const text = file.text;
  let indentUnit: string | undefined;
  let shortForm = false;
  let longForm = false;
  const quotes = { single: 0, double: 0 };
  const indentedSeqs: Tally = { yes: 0, no: 0 };
  const inlineLists: Tally = { yes: 0, no: 0 };
  const paddedMaps: Tally = { yes: 0, no: 0 };
  const paddedSeqs: Tally = { yes: 0, no: 0 };
  const column = (offset: number) => offset - file.lineStartOffset(offset);

  walk(root, (node, parent) => {
    if (node.kind === 'scalar') {
      if (node.style === 'single') quotes.single++;
      else if (node.style === 'double') quotes.double++;
      return;
    }
    if (node.kind === 'map' && node.shortForm !== undefined) {
      shortForm = true;
      return;
    }
    if (node.kind === 'map' && intrinsicName(node) !== undefined) longForm = true;
    if (node.style === 'flow' && hasMembers(node)) {
      const padded = text[node.startOffset + 1] === ' ';
      tally(node.kind === 'map' ? paddedMaps : paddedSeqs, padded);
    }
    if (node.kind === 'seq' && parent?.style === 'block' && intrinsicName(parent) === undefined && node.items.length > 0) {
      if (node.items.every(isScalarItem)) tally(inlineLists, node.style === 'flow');
    }
    if (node.kind !== 'map' || node.style !== 'block') return;
    for (const entry of node.entries) {
      const value = entry.value;
      if (value.style !== 'block') continue;
      if (value.kind === 'map' && value.shortForm === undefined && indentUnit === undefined) {
        const width = column(value.startOffset) - column(entry.keyNode.startOffset);
        if (width > 0 && file.positionAt(value.startOffset).line > file.positionAt(entry.keyNode.startOffset).line) {
          indentUnit = ' '.repeat(width);
        }
      }
      if (value.kind === 'seq') tally(indentedSeqs, column(value.startOffset) > column(entry.keyNode.startOffset));
    }
  });

  return {
    syntax: 'yaml',
    // With no intrinsic written either way, short-form tags: what most YAML templates use.
    shortForm: shortForm || !longForm,
    indentUnit: indentUnit ?? '  ',
    indent: '',
    flow: root.kind !== 'scalar' && root.style === 'flow',
    quote: quotes.double > quotes.single ? 'double' : 'single',
    newline: file.newline === '\r\n' ? '\r\n' : '\n',
    indentSequences: indentedSeqs.yes >= indentedSeqs.no,
    inlineScalarLists: inlineLists.yes > inlineLists.no,
    padMaps: paddedMaps.yes > paddedMaps.no,
    padSeqs: paddedSeqs.yes > paddedSeqs.no,
    jsonColon: ': ',
    jsonComma: ', ',
  };
}

function detectJsonStyle(file: SourceFile, root: DocNode): RenderContext {
  const text = file.text;
  const indentMatch = /^([ \t]+)\S/m.exec(text);
  let indentUnit = '  ';
  if (indentMatch) indentUnit = indentMatch[1].startsWith('\t') ? '\t' : indentMatch[1];
  const isOneLine = (node: DocNode) => !/[\r\n]/.test(text.slice(node.startOffset, node.endOffset));
  let jsonColon: string | undefined;
  let jsonComma: string | undefined;
  const inlineLists: Tally = { yes: 0, no: 0 };
  const paddedMaps: Tally = { yes: 0, no: 0 };
  const paddedSeqs: Tally = { yes: 0, no: 0 };

  walk(root, (node, parent) => {
    if (node.kind === 'scalar') return;
    const oneLine = isOneLine(node);
    if (node.kind === 'map' && node.entries.length > 0 && jsonColon === undefined) {
      const entry = node.entries[0];
      const between = text.slice(entry.keyNode.endOffset, entry.value.startOffset);
      if (!/[\r\n]/.test(between)) jsonColon = between;
    }
    if (!oneLine || !hasMembers(node)) {
      if (node.kind === 'seq' && node.items.length > 0 && node.items.every(isScalarItem) && intrinsicName(parent) === undefined) {
        tally(inlineLists, false);
      }
      return;
    }
    tally(node.kind === 'map' ? paddedMaps : paddedSeqs, text[node.startOffset + 1] === ' ');
    const members = node.kind === 'map' ? node.entries.map((entry) => entry.keyNode) : node.items;
    const ends = node.kind === 'map' ? node.entries.map((entry) => entry.value) : node.items;
    if (members.length > 1 && jsonComma === undefined) jsonComma = text.slice(ends[0].endOffset, members[1].startOffset);
    if (node.kind === 'seq' && parent !== undefined && !isOneLine(parent) && intrinsicName(parent) === undefined && node.items.every(isScalarItem)) {
      tally(inlineLists, true);
    }
  });

  return {
    syntax: 'json',
    shortForm: false,
    indentUnit,
    indent: '',
    flow: isOneLine(root),
    quote: 'double',
    newline: file.newline === '\r\n' ? '\r\n' : '\n',
    indentSequences: true,
    inlineScalarLists: inlineLists.yes > inlineLists.no,
    padMaps: paddedMaps.yes > paddedMaps.no,
    padSeqs: paddedSeqs.yes > paddedSeqs.no,
    jsonColon: jsonColon ?? ': ',
    jsonComma: jsonComma ?? ', ',
  };
}

function tally(counts: Tally, condition: boolean): void {
  if (condition) counts.yes++;
  else counts.no++;
}

function hasMembers(node: MapNode | SeqNode): boolean {
  return node.kind === 'map' ? node.entries.length > 0 : node.items.length > 0;
}

/** A list item that reads as a scalar: a string or a one-line intrinsic (`!Ref X`, `{"Ref": "X"}`). */
function isScalarItem(node: DocNode): boolean {
  if (node.kind === 'scalar') return true;
  return node.kind === 'map' && intrinsicName(node) !== undefined && node.entries[0].value.kind === 'scalar';
}

/** Visits every node once in document order, with its parent; aliases reached twice are visited twice, harmlessly. */
function walk(root: DocNode, visit: (node: DocNode, parent: DocNode | undefined) => void): void {
  const stack: [DocNode, DocNode | undefined][] = [[root, undefined]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    visit(node, parent);
    if (node.kind === 'map') {
      for (let index = node.entries.length - 1; index >= 0; index--) {
        stack.push([node.entries[index].value, node], [node.entries[index].keyNode, node]);
      }
    } else if (node.kind === 'seq') {
      for (let index = node.items.length - 1; index >= 0; index--) stack.push([node.items[index], node]);
    }
  }
}
