/** Parses CloudFormation YAML into the shared node tree: short-form tags become intrinsic maps, aliases and nesting stay bounded. */
import { Composer, Lexer, Parser, isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { CST, CollectionTag, Document, ParsedNode, Scalar, ScalarTag, YAMLMap, YAMLSeq } from 'yaml';
import type { CollectionStyle, DocNode, MapEntry, MapNode, ScalarNode, ScalarStyle, SeqNode } from './node.js';
import { ParseFailure, abbreviate, type ParseOutcome } from './parse-failure.js';
import type { ParseLimits } from './parsed-file.js';
import { resolvePlainScalar } from './resolve-plain-scalar.js';
import { longFormOfTag, shortFormTagNames } from './short-form-tags.js';
import { composeYamlCst } from './yaml-cst-composer.js';

// Kept here for the callers that import it from the YAML parser.
export { resolvePlainScalar };

/**
 * Identity tags for the known short forms in all three node shapes. Without them the library still
 * composes the node but builds a YAMLWarning (an Error, with a stack trace) for each tag, which
 * showed up as a fifth of the parse time on real templates.
 */
const customTags: (ScalarTag | CollectionTag)[] = shortFormTagNames.flatMap((name): (ScalarTag | CollectionTag)[] => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq', resolve: (value: YAMLMap.Parsed | YAMLSeq.Parsed) => value },
  { tag: `!${name}`, collection: 'map', resolve: (value: YAMLMap.Parsed | YAMLSeq.Parsed) => value },
]);

const composerOptions = {
  version: '1.2' as const,
  schema: 'core',
  customTags,
  // Merge keys and duplicate keys are handled in the walk: the library's duplicate check is quadratic
  // in the number of keys and its message cannot say where the first key was.
  merge: false,
  uniqueKeys: false,
  prettyErrors: false,
  keepSourceTokens: false,
};

/**
 * Nesting the composer can always recurse through, whatever maxDepth a caller sets. Around a thousand
 * levels exhaust the default stack, and an overflow that lands inside V8's regular-expression
 * compiler aborts the process instead of throwing a catchable RangeError.
 */
const composerSafeDepth = 500;

/** Lexer marker meaning "the next lexeme is a plain or block scalar's text". */
const scalarMarker = '\x1f';

/**
 * Characters YAML 1.2 does not allow anywhere in a stream (outside the printable set; NEL and the
 * BOM are allowed). The `yaml` library accepts some of them silently; CloudFormation does not.
 */
const forbiddenCharacterPattern = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/;

/** Parses YAML text holding one document; never throws, every problem comes back as `{ error }`. */
export function parseYaml(text: string, limits: ParseLimits): ParseOutcome {
  try {
    return { root: parseYamlOrThrow(text, limits) };
  } catch (error) {
    if (error instanceof ParseFailure) return { error: error.toParseError() };
    // The pre-checks keep the library's recursion shallow; this is the last line of defence.
    const message = error instanceof Error ? error.message : String(error);
    return { error: { message: `could not parse the YAML: ${toSentence(message)}`, startOffset: 0, endOffset: 0 } };
  }
}

function parseYamlOrThrow(text: string, limits: ParseLimits): DocNode {
  const forbiddenOffset = text.search(forbiddenCharacterPattern);
  if (forbiddenOffset !== -1) {
    const code = text.charCodeAt(forbiddenOffset);
    const name = code === 0 ? 'a NUL byte' : `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new ParseFailure(`file contains ${name}, which YAML does not allow`, forbiddenOffset, forbiddenOffset + 1);
  }

  const { tokens, secondDocumentOffset, tagOffsets, tagSources, quotedOffsets } = lexAndParse(text, limits);

  // Fast path: build the tree from the CST directly. It answers only when the Composer would report no
  // error; the Composer path below is the reference and still handles everything else.
  const composed = composeYamlCst(tokens, text, limits);
  if (composed) {
    if (secondDocumentOffset !== undefined) throw secondDocumentFailure(secondDocumentOffset);
    if (composed.failure) throw composed.failure;
    return composed.root;
  }

  const document = composeFirstDocument(tokens, text.length);
  if (!document) throw new ParseFailure('file holds no YAML document', 0);

  if (document.errors.length > 0) {
    let first = document.errors[0];
    for (const error of document.errors) if (error.pos[0] < first.pos[0]) first = error;
    if (first.code === 'MISSING_CHAR' && first.message.startsWith('Missing closing')) {
      // The library reports an unterminated quote where the input runs out; the opening quote is what the author must fix.
      const quoteOffset = quotedOffsets[findLastIndexBefore(quotedOffsets, first.pos[0])] ?? first.pos[0];
      throw new ParseFailure(`unterminated string: ${toSentence(first.message)}`, quoteOffset, lineEndOffset(text, quoteOffset));
    }
    throw new ParseFailure(toSentence(first.message), first.pos[0], first.pos[1]);
  }
  if (secondDocumentOffset !== undefined) throw secondDocumentFailure(secondDocumentOffset);

  const contents = document.contents;
  if (contents === null) return { kind: 'scalar', value: null, style: 'plain', startOffset: 0, endOffset: 0 };
  return new TreeBuilder(text, limits, tagOffsets, tagSources).build(contents, 0);
}

function secondDocumentFailure(offset: number): ParseFailure {
  return new ParseFailure('file holds more than one YAML document; CloudFormation reads exactly one', offset, offset + 3);
}

/**
 * Every error and warning the composer reports is an Error subclass, and capturing a stack trace for
 * each made a file with 200,000 unknown tags or broken lines take seconds; the traces are never read.
 */
function composeFirstDocument(tokens: CST.Token[], textLength: number): Document.Parsed | undefined {
  const savedStackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const composer = new Composer(composerOptions);
    let document: Document.Parsed | undefined;
    for (const token of tokens) for (const composed of composer.next(token)) document ??= composed;
    for (const composed of composer.end(true, textLength)) document ??= composed;
    return document;
  } finally {
    Error.stackTraceLimit = savedStackTraceLimit;
  }
}

interface LexedStream {
  /** CST tokens of the first document and anything before it. */
  tokens: CST.Token[];
  /** Where a second document starts, if the file has one; parsing stops there. */
  secondDocumentOffset?: number;
  /** Offsets of every tag lexeme, ascending, with the tag text in `tagSources` at the same index. */
  tagOffsets: number[];
  tagSources: string[];
  /** Offsets of every quoted scalar, ascending, to point unterminated-quote errors at the opening quote. */
  quotedOffsets: number[];
}

/**
 * Drives the library's lexer and CST parser by hand, because that is where three things can be seen
 * cheaply: the offset of every tag (composed nodes start after their tag), the nesting depth (the
 * parser's stack is iterative, but the composer recurses several frames per level), and the number of
 * scalars (so a huge flat file stops before its AST is built).
 */
function lexAndParse(text: string, limits: ParseLimits): LexedStream {
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  const tagOffsets: number[] = [];
  const tagSources: string[] = [];
  const quotedOffsets: number[] = [];
  // The document, a block value under construction and the scalar being read sit on the stack too.
  const maxStackLength = Math.min(limits.maxDepth, composerSafeDepth) + 3;
  let hasDocument = false;
  let scalarCount = 0;
  let nextIsScalarText = false;
  /**
   * Adds a finished CST token; returns false when parsing should stop: at a second document, or at a
   * stray error token outside any document (the composer reports it; going on would only build a
   * YAMLParseError, with its stack trace, for each of possibly millions more).
   */
  const accept = (token: CST.Token): boolean => {
    if (token.type === 'document') {
      if (hasDocument) return false;
      hasDocument = true;
    }
    tokens.push(token);
    return token.type !== 'error';
  };
  const stoppedAt = (token: CST.Token): LexedStream =>
    token.type === 'document' ? { tokens, secondDocumentOffset: token.offset, tagOffsets, tagSources, quotedOffsets } : { tokens, tagOffsets, tagSources, quotedOffsets };
  for (const lexeme of new Lexer().lex(text, false)) {
    const lexemeOffset = parser.offset;
    if (nextIsScalarText) nextIsScalarText = false;
    else if (lexeme === scalarMarker) {
      nextIsScalarText = true;
      scalarCount++;
    } else {
      const firstCode = lexeme.charCodeAt(0);
      if (firstCode === 33 /* ! */) {
        tagOffsets.push(lexemeOffset);
        tagSources.push(lexeme);
      } else if (firstCode === 34 /* " */ || firstCode === 39 /* ' */) {
        quotedOffsets.push(lexemeOffset);
        scalarCount++;
      } else if (firstCode === 42 /* * */) {
        scalarCount++;
      }
    }
    if (scalarCount > limits.maxNodes) {
      throw new ParseFailure(`file has more than ${limits.maxNodes} values`, lexemeOffset, lexemeOffset + lexeme.length);
    }
    for (const token of parser.next(lexeme)) if (!accept(token)) return stoppedAt(token);
    if (parser.stack.length > maxStackLength) {
      const maxDepth = Math.min(limits.maxDepth, composerSafeDepth);
      throw new ParseFailure(`nesting is deeper than ${maxDepth} levels`, lexemeOffset, lexemeOffset + lexeme.length);
    }
  }
  for (const token of parser.end()) if (!accept(token)) return stoppedAt(token);
  return { tokens, tagOffsets, tagSources, quotedOffsets };
}

interface AnchorRecord {
  node: DocNode;
  /** Nodes in the anchored subtree, aliases inside it expanded: what one more alias to it costs. */
  nodeCount: number;
  /** Collection levels inside the anchored node, so an alias cannot smuggle in deeper nesting. */
  height: number;
}

/** Marks an anchor whose node is still being built: an alias to it would make the tree cyclic. */
const anchorInProgress = null;

/**
 * Walks the Composer's AST into DocNodes. Only documents the CST composer (yaml-cst-composer.ts) hands
 * back come here, so this stays the reference for every error and for the rarer YAML features.
 */
class TreeBuilder {
  private readonly text: string;
  private readonly limits: ParseLimits;
  private readonly tagOffsets: number[];
  private readonly tagSources: string[];
  private readonly anchors = new Map<string, AnchorRecord | typeof anchorInProgress>();
  /** Nodes created or reached through aliases so far; aliases count their whole target. */
  private nodeCount = 0;
  private aliasCount = 0;
  /** Deepest collection level reached so far, used to measure anchored subtrees. */
  private deepestLevel = 0;

  constructor(text: string, limits: ParseLimits, tagOffsets: number[], tagSources: string[]) {
    this.text = text;
    this.limits = limits;
    this.tagOffsets = tagOffsets;
    this.tagSources = tagSources;
  }

  /** `level` is the number of collections (synthetic intrinsic maps included) around the node. */
  build(node: ParsedNode, level: number): DocNode {
    if (isAlias(node)) return this.resolveAlias(node.source, node.range[0], node.range[1], level);
    const anchor = node.anchor;
    if (!anchor) return this.buildTagged(node, level);

    this.anchors.set(anchor, anchorInProgress);
    const nodeCountBefore = this.nodeCount;
    const deepestBefore = this.deepestLevel;
    this.deepestLevel = level;
    const built = this.buildTagged(node, level);
    const height = this.deepestLevel - level;
    this.deepestLevel = Math.max(deepestBefore, this.deepestLevel);
    this.anchors.set(anchor, { node: built, nodeCount: this.nodeCount - nodeCountBefore, height });
    return built;
  }

  private buildTagged(node: Scalar.Parsed | YAMLMap.Parsed | YAMLSeq.Parsed, level: number): DocNode {
    const tag = node.tag;
    if (tag === undefined || !isShortFormTag(tag)) return this.buildUntagged(node, level, false);

    const startOffset = node.range[0];
    const tagIndex = this.findTagIndexBefore(startOffset);
    const tagStartOffset = tagIndex === -1 ? startOffset : this.tagOffsets[tagIndex];
    const tagSource = tagIndex === -1 ? tag : this.tagSources[tagIndex];
    this.enterCollection(level + 1, tagStartOffset);
    const value = this.buildUntagged(node, level + 1, true);
    const key = longFormOfTag(tag.slice(1));
    const keyNode = this.createScalar(key, 'plain', tagStartOffset, tagStartOffset + tagSource.length);
    const style: CollectionStyle = value.kind === 'scalar' ? 'flow' : value.style;
    return {
      kind: 'map',
      entries: [{ key, keyNode, value }],
      style,
      shortForm: tagSource,
      startOffset: tagStartOffset,
      endOffset: Math.max(value.endOffset, keyNode.endOffset),
    };
  }

  private buildUntagged(node: ParsedNode, level: number, isTagValue: boolean): DocNode {
    if (isScalar(node)) return this.buildScalar(node, isTagValue);
    if (isMap(node)) return this.buildMap(node, level + 1);
    if (isSeq(node)) return this.buildSeq(node, level + 1);
    // An alias cannot carry a tag or anchor (the library reports that), so this is unreachable.
    const range = (node as ParsedNode).range;
    throw new ParseFailure('unsupported YAML node', range[0], range[1]);
  }

  private buildScalar(node: Scalar.Parsed, isTagValue: boolean): ScalarNode {
    const [startOffset, valueEndOffset] = node.range;
    const source = node.source ?? '';
    const style = scalarStyle(node.type);
    const endOffset = style === 'block-literal' || style === 'block-folded' ? this.trimBlockScalarEnd(startOffset, valueEndOffset) : valueEndOffset;
    const tag = node.tag;
    let value: ScalarNode['value'];
    // `!!int "42"`, `!!str 42` and other standard tags keep the library's reading.
    if (tag !== undefined && !isShortFormTag(tag)) value = valueOfStandardTag(node.value, source);
    else if (style === 'plain') value = resolvePlainScalar(source, isTagValue);
    else value = source;
    return this.createScalar(value, style, startOffset, endOffset);
  }

  private buildMap(node: YAMLMap.Parsed, level: number): MapNode {
    const startOffset = node.range[0];
    this.enterCollection(level, startOffset);
    const style: CollectionStyle = node.flow ? 'flow' : 'block';
    const ownEntries: MapEntry[] = [];
    /** Own entries and merge sources in source order; merges are rare, so this stays undefined. */
    let sequence: (MapEntry | MapNode[])[] | undefined;
    let keyIndex: Map<string, ScalarNode> | undefined;
    let lastEndOffset = startOffset;

    for (const pair of node.items) {
      const keyNode = this.buildKey(pair.key, lastEndOffset);
      const valueNode =
        pair.value === null
          ? this.createScalar(null, 'plain', keyNode.endOffset, keyNode.endOffset)
          : this.build(pair.value, level);
      lastEndOffset = Math.max(keyNode.endOffset, valueNode.endOffset);

      if (keyNode.style === 'plain' && keyNode.value === '<<' && isPlainUntaggedKey(pair.key)) {
        sequence ??= ownEntries.slice();
        sequence.push(this.mergeSources(valueNode));
        continue;
      }

      const key = keyNode.value as string;
      let firstKeyNode: ScalarNode | undefined;
      if (keyIndex) firstKeyNode = keyIndex.get(key);
      else for (const entry of ownEntries) if (entry.key === key) firstKeyNode = entry.keyNode;
      if (firstKeyNode) {
        throw ParseFailure.duplicateKey(this.text, key, firstKeyNode.startOffset, keyNode.startOffset, keyNode.endOffset);
      }
      const entry: MapEntry = { key, keyNode, value: valueNode };
      ownEntries.push(entry);
      sequence?.push(entry);
      if (keyIndex) keyIndex.set(key, keyNode);
      else if (ownEntries.length > 8) keyIndex = new Map(ownEntries.map((own) => [own.key, own.keyNode]));
    }

    // Flow maps end at their closing brace; block maps end with their last value (the library's
    // range would also take in trailing comments and blank lines).
    const endOffset = style === 'flow' ? node.range[1] : lastEndOffset;
    const entries = sequence ? this.applyMerges(sequence, ownEntries) : ownEntries;
    return { kind: 'map', entries, style, startOffset, endOffset };
  }

  /**
   * YAML merge semantics: keys written in the map win over merged ones wherever they appear, and among
   * merged maps the first to define a key wins. Merged entries take the place of the `<<` key.
   */
  private applyMerges(sequence: (MapEntry | MapNode[])[], ownEntries: MapEntry[]): MapEntry[] {
    const seen = new Set(ownEntries.map((entry) => entry.key));
    const entries: MapEntry[] = [];
    for (const item of sequence) {
      if (!Array.isArray(item)) {
        entries.push(item);
        continue;
      }
      for (const source of item) {
        for (const entry of source.entries) {
          if (seen.has(entry.key)) continue;
          seen.add(entry.key);
          entries.push(entry);
        }
      }
    }
    return entries;
  }

  private mergeSources(value: DocNode): MapNode[] {
    if (value.kind === 'map' && value.shortForm === undefined) return [value];
    if (value.kind === 'seq' && value.items.every((item) => item.kind === 'map' && item.shortForm === undefined)) {
      return value.items as MapNode[];
    }
    throw new ParseFailure("merge key '<<' needs a mapping or a list of mappings", value.startOffset, value.endOffset);
  }

  private buildKey(key: ParsedNode | null, fallbackOffset: number): ScalarNode {
    if (key === null) return this.createScalar('', 'plain', fallbackOffset, fallbackOffset);
    if (isAlias(key)) {
      const target = this.resolveAlias(key.source, key.range[0], key.range[1], 0);
      if (target.kind !== 'scalar') {
        throw new ParseFailure('mapping key must be a string, not an alias to a mapping or sequence', key.range[0], key.range[1]);
      }
      return this.createScalar(target.value === null ? '' : String(target.value), target.style, key.range[0], key.range[1]);
    }
    if (!isScalar(key) || (key.tag !== undefined && isShortFormTag(key.tag))) {
      const startOffset = key.tag !== undefined ? this.tagStartOffset(key.range[0]) : key.range[0];
      throw new ParseFailure('mapping key must be a plain string, not a mapping, sequence or tagged value', startOffset, key.range[1]);
    }
    const scalar = this.buildScalar(key, false);
    // Keys compare as text: `012:` stays "012" and `true:` becomes "true", as CloudFormation reads them.
    scalar.value = keyString(scalar.value, key.source ?? '');
    return scalar;
  }

  private buildSeq(node: YAMLSeq.Parsed, level: number): SeqNode {
    const startOffset = node.range[0];
    this.enterCollection(level, startOffset);
    const style: CollectionStyle = node.flow ? 'flow' : 'block';
    const items: DocNode[] = [];
    let lastEndOffset = startOffset;
    for (const item of node.items) {
      const built = item === null ? this.createScalar(null, 'plain', lastEndOffset, lastEndOffset) : this.build(item, level);
      items.push(built);
      lastEndOffset = built.endOffset;
    }
    const endOffset = style === 'flow' ? node.range[1] : lastEndOffset;
    return { kind: 'seq', items, style, startOffset, endOffset };
  }

  private resolveAlias(name: string, startOffset: number, endOffset: number, level: number): DocNode {
    const record = this.anchors.get(name);
    if (record === undefined) throw new ParseFailure(`alias '*${abbreviate(name)}' refers to no anchor defined before it`, startOffset, endOffset);
    if (record === anchorInProgress) {
      throw new ParseFailure(`alias '*${abbreviate(name)}' refers to a node that contains it`, startOffset, endOffset);
    }
    if (++this.aliasCount > this.limits.maxAliases) {
      throw new ParseFailure(`file uses more than ${this.limits.maxAliases} aliases`, startOffset, endOffset);
    }
    this.nodeCount += record.nodeCount;
    if (this.nodeCount > this.limits.maxNodes) {
      throw new ParseFailure(`aliases expand the file to more than ${this.limits.maxNodes} values`, startOffset, endOffset);
    }
    const deepest = level + record.height;
    if (deepest > this.limits.maxDepth) {
      throw new ParseFailure(`alias '*${abbreviate(name)}' makes nesting deeper than ${this.limits.maxDepth} levels`, startOffset, endOffset);
    }
    if (deepest > this.deepestLevel) this.deepestLevel = deepest;
    return record.node;
  }

  private createScalar(value: ScalarNode['value'], style: ScalarStyle, startOffset: number, endOffset: number): ScalarNode {
    this.countNode(startOffset, endOffset);
    return { kind: 'scalar', value, style, startOffset, endOffset };
  }

  private countNode(startOffset: number, endOffset: number): void {
    if (++this.nodeCount > this.limits.maxNodes) {
      throw new ParseFailure(`file has more than ${this.limits.maxNodes} values`, startOffset, endOffset);
    }
  }

  private enterCollection(level: number, startOffset: number): void {
    if (level > this.limits.maxDepth) {
      throw new ParseFailure(`nesting is deeper than ${this.limits.maxDepth} levels`, startOffset, startOffset + 1);
    }
    if (level > this.deepestLevel) this.deepestLevel = level;
    this.countNode(startOffset, startOffset + 1);
  }

  /** Index of the last tag lexeme starting before `offset`: a node's tag is the closest one in front of it. */
  private findTagIndexBefore(offset: number): number {
    return findLastIndexBefore(this.tagOffsets, offset);
  }

  private tagStartOffset(offset: number): number {
    const index = this.findTagIndexBefore(offset);
    return index === -1 ? offset : this.tagOffsets[index];
  }

  /** A block scalar's range runs through its final line break and trailing blank lines; stop at its last character. */
  private trimBlockScalarEnd(startOffset: number, endOffset: number): number {
    const text = this.text;
    while (endOffset > startOffset + 1) {
      const code = text.charCodeAt(endOffset - 1);
      if (code === 10 || code === 13 || code === 32 || code === 9) endOffset--;
      else break;
    }
    return endOffset;
  }
}

/** Index of the last of the ascending `offsets` below `offset`, or -1. */
function findLastIndexBefore(offsets: number[], offset: number): number {
  let low = 0;
  let high = offsets.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (offsets[middle] < offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function lineEndOffset(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return end;
}

/** A local tag (`!Sub`, `!Whatever`) rather than a standard `!!str` or the non-specific `!`. */
function isShortFormTag(tag: string): boolean {
  return tag.length > 1 && tag.charCodeAt(0) === 33 /* ! */ && tag.charCodeAt(1) !== 33;
}

function scalarStyle(type: Scalar.Type | undefined): ScalarStyle {
  switch (type) {
    case 'QUOTE_DOUBLE':
      return 'double';
    case 'QUOTE_SINGLE':
      return 'single';
    case 'BLOCK_LITERAL':
      return 'block-literal';
    case 'BLOCK_FOLDED':
      return 'block-folded';
    default:
      return 'plain';
  }
}

function isPlainUntaggedKey(key: ParsedNode | null): boolean {
  return key !== null && isScalar(key) && key.type === 'PLAIN' && key.tag === undefined;
}

function keyString(value: ScalarNode['value'], source: string): string {
  return typeof value === 'string' ? value : source;
}

function valueOfStandardTag(value: unknown, source: string): string | number | boolean | null {
  if (typeof value === 'number') return String(value) === source ? value : source;
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  return source;
}

/** The library's messages are capitalised sentences, sometimes with a period; ours start lower-case. */
function toSentence(message: string): string {
  const firstLine = message.split('\n', 1)[0].trim().replace(/\.$/, '');
  // Lower-case the first word unless it is an acronym such as YAML.
  if (/^[A-Z](?![A-Z])/.test(firstLine)) return firstLine[0].toLowerCase() + firstLine.slice(1);
  return firstLine;
}
