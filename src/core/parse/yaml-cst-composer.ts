/** Builds the shared node tree straight from the `yaml` library's CST, for documents its Composer would accept without an error. */
import { CST } from 'yaml';
import type { CollectionStyle, DocNode, MapEntry, MapNode, ScalarNode, ScalarStyle, SeqNode } from './node.js';
import { ParseFailure, abbreviate } from './parse-failure.js';
import type { ParseLimits } from './parsed-file.js';
import { resolvePlainScalar } from './resolve-plain-scalar.js';
import { longFormOfTag } from './short-form-tags.js';

/*
 * Why this exists: composing the library's AST (YAMLMap, Pair, Scalar objects) and then walking it
 * into DocNodes cost as much as the CST parse itself and allocated a second full tree. This module
 * walks the CST once instead.
 *
 * Why it is safe: the old path (Composer, then a walk of its AST) stays in yaml-parser.ts and remains
 * the reference. The checks below are ports of the library's compose/*.js checks (2.9.1), reduced to
 * "would the Composer report an error here?". Whenever the answer is yes, or the input uses a feature
 * this module does not handle (directives, explicit `?` keys, `!!` tags, props on keys, pairs inside
 * flow sequences, empty documents, ...), composition stops and the caller takes the old path, so every
 * error message the Composer produces is still the Composer's. Problems the old walk reports itself
 * (duplicate keys, aliases, limits) are found here in the same order; composition then goes on checking
 * the rest of the document, because a Composer error anywhere would take precedence in the old path.
 */

/** What composing the first document gave: its tree, or the first problem the old walk would report. */
export type CstComposition = { root: DocNode; failure?: undefined } | { root?: undefined; failure: ParseFailure };

/**
 * Thrown (not an Error, so no stack trace is captured) when the old path must decide: the Composer
 * would report an error, or the input is outside what this module handles.
 */
const useComposer: unique symbol = Symbol('useComposer');

function throwUseComposer(): never {
  throw useComposer;
}

/**
 * Composes the first document of a CST token stream (as yaml-parser.ts's lexAndParse collects it),
 * or returns undefined when the library's Composer must do it instead.
 */
export function composeYamlCst(tokens: readonly CST.Token[], text: string, limits: ParseLimits): CstComposition | undefined {
  let document: CST.Document | undefined;
  for (const token of tokens) {
    switch (token.type) {
      case 'document':
        if (document) return undefined;
        document = token;
        break;
      // Outside a document the Composer only collects these as comments.
      case 'byte-order-mark':
      case 'space':
      case 'comment':
      case 'newline':
        break;
      default:
        return undefined;
    }
  }
  if (!document?.value) return undefined;
  try {
    const composer = new CstComposer(text, limits);
    const root = composer.composeDocument(document, document.value);
    return composer.failure ? { failure: composer.failure } : { root };
  } catch {
    // Besides `useComposer`, anything unexpected (a stack overflow, a bug here) also goes to the old
    // path, which has its own last line of defence.
    return undefined;
  }
}

/** The part of the library's resolveProps result that later checks and the tree need. */
interface Props {
  comma: CST.SourceToken | null;
  found: CST.SourceToken | null;
  hasComment: boolean;
  hasNewline: boolean;
  anchor: CST.SourceToken | null;
  tag: CST.SourceToken | null;
  newlineAfterProp: CST.SourceToken | null;
  /** Offset just past the last token. */
  end: number;
  /** Offset of the first anchor or tag, else `end`. */
  start: number;
}

/** Port of compose/resolve-props.js: the indicator, props and comments before a node, and their errors. */
function resolveProps(
  tokens: readonly CST.SourceToken[],
  flow: boolean,
  indicator: 'doc-start' | 'explicit-key-ind' | 'map-value-ind' | 'seq-item-ind',
  next: CST.Token | null | undefined,
  offset: number,
  parentIndent: number,
  startOnNewline: boolean,
): Props {
  let atNewline = startOnNewline;
  let hasSpace = startOnNewline;
  let hasComment = false;
  let hasNewline = false;
  let reqSpace = false;
  let tab: CST.SourceToken | null = null;
  let anchor: CST.SourceToken | null = null;
  let tag: CST.SourceToken | null = null;
  let newlineAfterProp: CST.SourceToken | null = null;
  let comma: CST.SourceToken | null = null;
  let found: CST.SourceToken | null = null;
  let start = -1;
  for (const token of tokens) {
    const type = token.type;
    if (reqSpace) {
      // "Tags and anchors must be separated from the next token by white space"
      if (type !== 'space' && type !== 'newline' && type !== 'comma') throwUseComposer();
      reqSpace = false;
    }
    if (tab) {
      // "Tabs are not allowed as indentation"
      if (atNewline && type !== 'comment' && type !== 'newline') throwUseComposer();
      tab = null;
    }
    switch (type) {
      case 'space':
        if (!flow && (indicator !== 'doc-start' || next?.type !== 'flow-collection') && token.source.includes('\t')) tab = token;
        hasSpace = true;
        break;
      case 'comment':
        // "Comments must be separated from other tokens by white space characters"
        if (!hasSpace) throwUseComposer();
        hasComment = true;
        atNewline = false;
        break;
      case 'newline':
        atNewline = true;
        hasNewline = true;
        if (anchor || tag) newlineAfterProp = token;
        hasSpace = true;
        break;
      case 'anchor':
        // "A node can have at most one anchor"; the "ending in :" message is only a warning.
        if (anchor) throwUseComposer();
        anchor = token;
        if (start === -1) start = token.offset;
        atNewline = false;
        hasSpace = false;
        reqSpace = true;
        break;
      case 'tag':
        if (tag) throwUseComposer();
        tag = token;
        if (start === -1) start = token.offset;
        atNewline = false;
        hasSpace = false;
        reqSpace = true;
        break;
      default:
        if (type === indicator) {
          // Props before the indicator, or a second indicator.
          if (anchor || tag || found) throwUseComposer();
          found = token;
          atNewline = indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
          hasSpace = false;
        } else if (type === 'comma' && flow) {
          if (comma) throwUseComposer();
          comma = token;
          atNewline = false;
          hasSpace = false;
        } else throwUseComposer();
    }
  }
  const last = tokens.length > 0 ? tokens[tokens.length - 1] : undefined;
  const end = last ? last.offset + last.source.length : offset;
  if (
    reqSpace &&
    next &&
    next.type !== 'space' &&
    next.type !== 'newline' &&
    next.type !== 'comma' &&
    (next.type !== 'scalar' || next.source !== '')
  ) {
    throwUseComposer();
  }
  if (tab && ((atNewline && tab.indent <= parentIndent) || next?.type === 'block-map' || next?.type === 'block-seq')) throwUseComposer();
  return { comma, found, hasComment, hasNewline, anchor, tag, newlineAfterProp, end, start: start === -1 ? end : start };
}

/** Port of compose/resolve-end.js from index `from`: returns the offset past the trailing comments and white space. */
function resolveEnd(end: readonly CST.SourceToken[] | undefined, from: number, offset: number, reqSpace: boolean): number {
  if (end) {
    let hasSpace = false;
    for (let index = from; index < end.length; index++) {
      const token = end[index];
      switch (token.type) {
        case 'space':
        case 'newline':
          hasSpace = true;
          break;
        case 'comment':
          if (reqSpace && !hasSpace) throwUseComposer();
          break;
        default:
          // "Unexpected ... at node end"
          throwUseComposer();
      }
      offset += token.source.length;
    }
  }
  return offset;
}

/** Port of compose/util-empty-scalar-position.js: an empty node sits after the last non-blank token, past its spaces. */
function emptyScalarPosition(offset: number, before: readonly CST.SourceToken[] | undefined): number {
  if (before) {
    for (let index = before.length - 1; index >= 0; --index) {
      let token: CST.SourceToken | undefined = before[index];
      const type = token.type;
      if (type === 'space' || type === 'comment' || type === 'newline') {
        offset -= token.source.length;
        continue;
      }
      token = before[++index];
      while (token?.type === 'space') {
        offset += token.source.length;
        token = before[++index];
      }
      break;
    }
  }
  return offset;
}

/**
 * A tag the library resolves to exactly its own text, as a local `!Name` tag: one `!`, a suffix, no
 * verbatim `!<...>` form. Anything else (`!!str`, `!`, `!a!b`) takes the old path.
 */
function isLocalTagSource(source: string): boolean {
  return source.length > 1 && source.charCodeAt(1) !== 60 /* < */ && source.indexOf('!', 1) === -1;
}

type ScalarToken = CST.FlowScalar | CST.BlockScalar;

function isBlockCollection(token: CST.Token | null | undefined): boolean {
  return token !== null && token !== undefined && (token.type === 'block-map' || token.type === 'block-seq');
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
 * One document's composition. Each compose method returns the DocNode and leaves in `rangeEnd` the
 * library's `range[2]` for it (the offset past its trailing comments), which the Composer's checks
 * and empty-node positions depend on; a field rather than a tuple saves an allocation per node.
 */
class CstComposer {
  private readonly text: string;
  private readonly limits: ParseLimits;
  private readonly anchors = new Map<string, AnchorRecord | typeof anchorInProgress>();
  /** The first problem the old walk would have thrown; composition goes on to look for Composer errors. */
  failure: ParseFailure | undefined;
  /** Nodes created or reached through aliases so far; aliases count their whole target. */
  private nodeCount = 0;
  private aliasCount = 0;
  /** Deepest collection level reached so far, used to measure anchored subtrees. */
  private deepestLevel = 0;
  /** `range[2]` of the node composed last (createScalar leaves it alone). */
  private rangeEnd = 0;
  /** `range[1]` of the scalar resolved last. */
  private valueEnd = 0;
  /** Whether the block scalar resolved last is folded (`>`) rather than literal (`|`). */
  private blockFolded = false;
  /** Whether the key composed last is a plain scalar, the only kind that can be the merge key `<<`. */
  private keyIsPlain = false;

  constructor(text: string, limits: ParseLimits) {
    this.text = text;
    this.limits = limits;
  }

  /** Port of compose/compose-doc.js for a document with a value. */
  composeDocument(document: CST.Document, value: CST.Token): DocNode {
    const props = resolveProps(document.start, false, 'doc-start', value, document.offset, 0, true);
    // "Block collection cannot start on same line with directives-end marker"
    if (props.found && isBlockCollection(value) && !props.hasNewline) throwUseComposer();
    const root = this.composeNode(value, props, 0);
    resolveEnd(document.end, 0, this.rangeEnd, false);
    return root;
  }

  /**
   * Port of compose/compose-node.js for a node token, joined with the old walk's `build`: aliases
   * resolve, anchors are recorded, `level` is the number of collections around the node.
   */
  private composeNode(token: CST.Token, props: Props, level: number): DocNode {
    const { anchor, tag } = props;
    switch (token.type) {
      case 'alias': {
        // "An alias node must not specify any properties"; "Alias cannot be an empty string".
        if (anchor || tag || token.source.length === 1) throwUseComposer();
        const valueEnd = token.offset + token.source.length;
        this.rangeEnd = resolveEnd(token.end, 0, valueEnd, true);
        return this.resolveAlias(token.source.substring(1), token.offset, valueEnd, level);
      }
      case 'block-seq':
        if (anchor || tag) {
          // "Missing newline after block sequence props"
          const lastProp = anchor && tag ? (anchor.offset > tag.offset ? anchor : tag) : (anchor ?? tag)!;
          const newline = props.newlineAfterProp;
          if (!newline || newline.offset < lastProp.offset) throwUseComposer();
        }
        break;
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
      case 'block-map':
      case 'flow-collection':
        break;
      default:
        throwUseComposer();
    }
    return this.buildAnchored(token, props, level);
  }

  /** Port of compose-node.js's composeEmptyNode: the null (or, after a tag, empty) value of a key or item written without one. */
  private composeEmptyNode(offset: number, before: readonly CST.SourceToken[] | undefined, props: Props, level: number): DocNode {
    const position = emptyScalarPosition(offset, before);
    const token: CST.FlowScalar = { type: 'scalar', offset: position, indent: -1, source: '' };
    const node = this.buildAnchored(token, props, level);
    if (props.hasComment) this.rangeEnd = props.end;
    return node;
  }

  private buildAnchored(token: CST.Token, props: Props, level: number): DocNode {
    const { anchor, tag } = props;
    if (tag && !isLocalTagSource(tag.source)) throwUseComposer();
    if (!anchor) return this.buildTagged(token, tag, level);
    const name = anchor.source.substring(1);
    // "Anchor cannot be an empty string"
    if (name === '') throwUseComposer();

    this.anchors.set(name, anchorInProgress);
    const nodeCountBefore = this.nodeCount;
    const deepestBefore = this.deepestLevel;
    this.deepestLevel = level;
    const built = this.buildTagged(token, tag, level);
    const height = this.deepestLevel - level;
    this.deepestLevel = Math.max(deepestBefore, this.deepestLevel);
    this.anchors.set(name, { node: built, nodeCount: this.nodeCount - nodeCountBefore, height });
    return built;
  }

  /** A short-form tag wraps the node in a one-entry intrinsic map that starts at the tag. */
  private buildTagged(token: CST.Token, tag: CST.SourceToken | null, level: number): DocNode {
    if (!tag) return this.buildUntagged(token, level, false);
    const tagStartOffset = tag.offset;
    const tagSource = tag.source;
    this.enterCollection(level + 1, tagStartOffset);
    const value = this.buildUntagged(token, level + 1, true);
    const key = longFormOfTag(tagSource.slice(1));
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

  private buildUntagged(token: CST.Token, level: number, isTagValue: boolean): DocNode {
    switch (token.type) {
      case 'block-map':
        return this.composeBlockMap(token, level + 1);
      case 'block-seq':
        return this.composeBlockSeq(token, level + 1);
      case 'flow-collection':
        return this.composeFlowCollection(token, level + 1);
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.buildScalar(token, isTagValue);
      default:
        return throwUseComposer();
    }
  }

  private buildScalar(token: ScalarToken, isTagValue: boolean): ScalarNode {
    const source = this.resolveScalar(token);
    const startOffset = token.offset;
    let style: ScalarStyle;
    let endOffset = this.valueEnd;
    let value: ScalarNode['value'];
    switch (token.type) {
      case 'scalar':
        style = 'plain';
        value = resolvePlainScalar(source, isTagValue);
        break;
      case 'single-quoted-scalar':
        style = 'single';
        value = source;
        break;
      case 'double-quoted-scalar':
        style = 'double';
        value = source;
        break;
      case 'block-scalar':
        style = this.blockFolded ? 'block-folded' : 'block-literal';
        endOffset = this.trimBlockScalarEnd(startOffset, endOffset);
        value = source;
        break;
      default:
        return throwUseComposer();
    }
    return this.createScalar(value, style, startOffset, endOffset);
  }

  /**
   * A scalar's string value, with `valueEnd`, `rangeEnd` (and for block scalars `blockFolded`) set. The common one-line plain and quoted
   * cases are read here; everything else goes through the library's own resolver (public as
   * `CST.resolveAsScalar`), with the Composer's strict mode.
   */
  private resolveScalar(token: ScalarToken): string {
    const source = token.source;
    if (token.type !== 'block-scalar' && source.indexOf('\n') === -1) {
      let value: string | undefined;
      if (token.type === 'scalar') {
        switch (source.charCodeAt(0)) {
          // "Plain value cannot start with ..."
          case 9 /* \t */:
          case 44 /* , */:
          case 37 /* % */:
          case 124 /* | */:
          case 62 /* > */:
          case 64 /* @ */:
          case 96 /* ` */:
            throwUseComposer();
        }
        value = source;
      } else if (source.length > 1 && source.charCodeAt(source.length - 1) === source.charCodeAt(0)) {
        const inner = source.slice(1, -1);
        if (token.type === 'single-quoted-scalar') value = inner.includes("'") ? inner.replace(/''/g, "'") : inner;
        else if (!inner.includes('\\')) value = inner;
      }
      if (value !== undefined) {
        const valueEnd = token.offset + source.length;
        this.valueEnd = valueEnd;
        this.rangeEnd = resolveEnd(token.end, 0, valueEnd, true);
        return value;
      }
    }
    const resolved = CST.resolveAsScalar(token, true, throwUseComposer);
    if (!resolved || resolved.type === null) throwUseComposer();
    this.valueEnd = resolved.range[1];
    this.rangeEnd = resolved.range[2];
    this.blockFolded = resolved.type === 'BLOCK_FOLDED';
    return resolved.value;
  }

  /**
   * A mapping key: an untagged, unanchored scalar, an alias to a scalar, or empty. Sets `keyIsPlain`;
   * props on keys, collections as keys and the like take the old path.
   */
  private composeKey(key: CST.Token | null | undefined, props: Props, emptyOffset: number, before: readonly CST.SourceToken[]): ScalarNode {
    if (props.anchor || props.tag) throwUseComposer();
    if (!key) {
      const position = emptyScalarPosition(emptyOffset, before);
      this.keyIsPlain = true;
      const node = this.createScalar('', 'plain', position, position);
      this.rangeEnd = props.hasComment ? props.end : position;
      return node;
    }
    switch (key.type) {
      case 'alias': {
        if (key.source.length === 1) throwUseComposer();
        const startOffset = key.offset;
        const valueEnd = startOffset + key.source.length;
        const rangeEnd = resolveEnd(key.end, 0, valueEnd, true);
        this.keyIsPlain = false;
        const target = this.resolveAlias(key.source.substring(1), startOffset, valueEnd, 0);
        let node: ScalarNode;
        if (target.kind !== 'scalar') {
          this.fail('mapping key must be a string, not an alias to a mapping or sequence', startOffset, valueEnd);
          node = { kind: 'scalar', value: '', style: 'plain', startOffset, endOffset: valueEnd };
        } else {
          node = this.createScalar(target.value === null ? '' : String(target.value), target.style, startOffset, valueEnd);
        }
        this.rangeEnd = rangeEnd;
        return node;
      }
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar': {
        // Keys compare as text: `012:` stays "012" and `true:` becomes "true", as CloudFormation reads them.
        const value = this.resolveScalar(key);
        const style: ScalarStyle = key.type === 'scalar' ? 'plain' : key.type === 'single-quoted-scalar' ? 'single' : 'double';
        this.keyIsPlain = key.type === 'scalar';
        return this.createScalar(value, style, key.offset, this.valueEnd);
      }
      default:
        return throwUseComposer();
    }
  }

  /** Port of compose/resolve-block-map.js joined with the old walk's buildMap. */
  private composeBlockMap(map: CST.BlockMap, level: number): MapNode {
    const startOffset = map.offset;
    this.enterCollection(level, startOffset);
    const indent = map.indent;
    const builder = new EntriesBuilder(this);
    let offset = startOffset;
    let commentEnd: number | null = null;
    let lastEndOffset = startOffset;

    for (const item of map.items) {
      const { start, key, sep, value } = item;
      const keyProps = resolveProps(start, false, 'explicit-key-ind', key ?? sep?.[0], offset, indent, true);
      // Explicit `? key` entries are left to the Composer.
      if (keyProps.found) throwUseComposer();
      if (key) {
        // "A block sequence may not be used as an implicit map key"; "All mapping items must start at the same column"
        if (key.type === 'block-seq' || ('indent' in key && key.indent !== indent)) throwUseComposer();
      }
      if (!keyProps.anchor && !keyProps.tag && !sep) {
        // A line of comments only.
        commentEnd = keyProps.end;
        continue;
      }
      if (key) {
        // "Implicit keys need to be on a single line"; only scalar and alias keys are handled here.
        if (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar' && key.type !== 'alias') {
          throwUseComposer();
        }
        if (key.source.includes('\n') || key.end?.some((token) => token.type === 'newline')) throwUseComposer();
      }
      if (keyProps.newlineAfterProp) throwUseComposer();

      const keyNode = this.composeKey(key, keyProps, keyProps.end, start);
      const keyIsPlain = this.keyIsPlain;
      const valueProps = resolveProps(sep ?? [], false, 'map-value-ind', value, this.rangeEnd, indent, !key);
      offset = valueProps.end;
      // "Implicit map keys need to be followed by map values"
      if (!valueProps.found) throwUseComposer();
      // "Nested mappings are not allowed in compact mappings"
      if (value?.type === 'block-map' && !valueProps.hasNewline) throwUseComposer();
      // "The : indicator must be at most 1024 chars after the start of an implicit block mapping key"
      if (keyProps.start < valueProps.found.offset - 1024) throwUseComposer();
      const valueNode = value ? this.composeNode(value, valueProps, level) : this.composeEmptyNode(offset, sep, valueProps, level);
      offset = this.rangeEnd;
      lastEndOffset = Math.max(keyNode.endOffset, valueNode.endOffset);
      builder.add(keyNode, keyIsPlain, valueNode);
    }
    // "Map comment with trailing content"
    if (commentEnd && commentEnd < offset) throwUseComposer();
    this.rangeEnd = commentEnd ?? offset;
    // Block maps end with their last value (the library's range would also take in trailing comments and blank lines).
    return { kind: 'map', entries: builder.entries(), style: 'block', startOffset, endOffset: lastEndOffset };
  }

  /** Port of compose/resolve-block-seq.js joined with the old walk's buildSeq. */
  private composeBlockSeq(seq: CST.BlockSequence, level: number): SeqNode {
    const startOffset = seq.offset;
    this.enterCollection(level, startOffset);
    const items: DocNode[] = [];
    let offset = startOffset;
    let commentEnd: number | null = null;
    let lastEndOffset = startOffset;
    for (const { start, value } of seq.items) {
      const props = resolveProps(start, false, 'seq-item-ind', value, offset, seq.indent, true);
      if (!props.found) {
        // "All sequence items must start at the same column"; "Sequence item without - indicator"
        if (props.anchor || props.tag || value) throwUseComposer();
        commentEnd = props.end;
        continue;
      }
      const built = value ? this.composeNode(value, props, level) : this.composeEmptyNode(props.end, start, props, level);
      offset = this.rangeEnd;
      items.push(built);
      lastEndOffset = built.endOffset;
    }
    this.rangeEnd = commentEnd ?? offset;
    return { kind: 'seq', items, style: 'block', startOffset, endOffset: lastEndOffset };
  }

  /** Port of compose/resolve-flow-collection.js (without explicit keys and flow-sequence pairs) joined with the old walk. */
  private composeFlowCollection(collection: CST.FlowCollection, level: number): MapNode | SeqNode {
    const startOffset = collection.offset;
    this.enterCollection(level, startOffset);
    const isMap = collection.start.source === '{';
    const builder = isMap ? new EntriesBuilder(this) : undefined;
    const seqItems: DocNode[] = [];
    const items = collection.items;
    let offset = startOffset + collection.start.source.length;
    for (let index = 0; index < items.length; index++) {
      const { start, key, sep, value } = items[index];
      const props = resolveProps(start, true, 'explicit-key-ind', key ?? sep?.[0], offset, collection.indent, false);
      if (props.found) throwUseComposer();
      if (!props.anchor && !props.tag && !sep && !value) {
        // "Unexpected , in flow ..."; "Unexpected empty item in flow ..."
        if (index === 0 ? props.comma : index < items.length - 1) throwUseComposer();
        offset = props.end;
        continue;
      }
      // "Unexpected , in ..." before the first item, "Missing , between ... items" after it.
      if (index === 0 ? props.comma : !props.comma) throwUseComposer();

      if (!builder) {
        // `[a: b]` pairs are left to the Composer.
        if (key || sep) throwUseComposer();
        const built = value ? this.composeNode(value, props, level) : this.composeEmptyNode(props.end, sep, props, level);
        // "Block collections are not allowed within flow collections"
        if (isBlockCollection(value)) throwUseComposer();
        seqItems.push(built);
        offset = this.rangeEnd;
        continue;
      }

      if (isBlockCollection(key)) throwUseComposer();
      const keyNode = this.composeKey(key, props, props.end, start);
      const keyIsPlain = this.keyIsPlain;
      const valueProps = resolveProps(sep ?? [], true, 'map-value-ind', value, this.rangeEnd, collection.indent, false);
      // "Missing space after : in flow map"; "Missing , or : between flow map items"
      if (!valueProps.found && value) throwUseComposer();
      let valueNode: DocNode;
      if (value) {
        valueNode = this.composeNode(value, valueProps, level);
        if (isBlockCollection(value)) throwUseComposer();
        offset = this.rangeEnd;
      } else if (valueProps.found) {
        valueNode = this.composeEmptyNode(valueProps.end, sep, valueProps, level);
        offset = this.rangeEnd;
      } else {
        // `{a}`: a key with no value reads as null, placed right after the key.
        valueNode = this.createScalar(null, 'plain', keyNode.endOffset, keyNode.endOffset);
        offset = valueProps.end;
      }
      builder.add(keyNode, keyIsPlain, valueNode);
    }

    const end = collection.end;
    const closing = end.length > 0 ? end[0] : undefined;
    // "Flow map must end with a }" and its variants.
    if (closing?.source !== (isMap ? '}' : ']')) throwUseComposer();
    const closeEnd = closing.offset + closing.source.length;
    this.rangeEnd = end.length > 1 ? resolveEnd(end, 1, closeEnd, true) : closeEnd;
    // Flow collections end at their closing bracket.
    if (builder) return { kind: 'map', entries: builder.entries(), style: 'flow', startOffset, endOffset: closeEnd };
    return { kind: 'seq', items: seqItems, style: 'flow', startOffset, endOffset: closeEnd };
  }

  resolveAlias(name: string, startOffset: number, endOffset: number, level: number): DocNode {
    const record = this.anchors.get(name);
    if (record === undefined || record === anchorInProgress) {
      const problem = record === undefined ? 'refers to no anchor defined before it' : 'refers to a node that contains it';
      this.fail(`alias '*${abbreviate(name)}' ${problem}`, startOffset, endOffset);
      return { kind: 'scalar', value: null, style: 'plain', startOffset, endOffset };
    }
    if (++this.aliasCount > this.limits.maxAliases) {
      this.fail(`file uses more than ${this.limits.maxAliases} aliases`, startOffset, endOffset);
    }
    this.nodeCount += record.nodeCount;
    if (this.nodeCount > this.limits.maxNodes) {
      this.fail(`aliases expand the file to more than ${this.limits.maxNodes} values`, startOffset, endOffset);
    }
    const deepest = level + record.height;
    if (deepest > this.limits.maxDepth) {
      this.fail(`alias '*${abbreviate(name)}' makes nesting deeper than ${this.limits.maxDepth} levels`, startOffset, endOffset);
    }
    if (deepest > this.deepestLevel) this.deepestLevel = deepest;
    return record.node;
  }

  createScalar(value: ScalarNode['value'], style: ScalarStyle, startOffset: number, endOffset: number): ScalarNode {
    this.countNode(startOffset, endOffset);
    return { kind: 'scalar', value, style, startOffset, endOffset };
  }

  /** Records the first problem only: the old walk stopped there, so later ones were never reported. */
  fail(message: string, startOffset: number, endOffset: number): void {
    this.failure ??= new ParseFailure(message, startOffset, endOffset);
  }

  failDuplicateKey(key: string, firstStartOffset: number, keyNode: ScalarNode): void {
    this.failure ??= ParseFailure.duplicateKey(this.text, key, firstStartOffset, keyNode.startOffset, keyNode.endOffset);
  }

  private countNode(startOffset: number, endOffset: number): void {
    if (++this.nodeCount > this.limits.maxNodes) this.fail(`file has more than ${this.limits.maxNodes} values`, startOffset, endOffset);
  }

  private enterCollection(level: number, startOffset: number): void {
    if (level > this.limits.maxDepth) this.fail(`nesting is deeper than ${this.limits.maxDepth} levels`, startOffset, startOffset + 1);
    if (level > this.deepestLevel) this.deepestLevel = level;
    this.countNode(startOffset, startOffset + 1);
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

/** A mapping's entries as the old walk collected them: duplicate keys rejected, merge keys `<<` expanded. */
class EntriesBuilder {
  private readonly composer: CstComposer;
  private readonly ownEntries: MapEntry[] = [];
  /** Own entries and merge sources in source order; merges are rare, so this stays undefined. */
  private sequence: (MapEntry | MapNode[])[] | undefined;
  private keyIndex: Map<string, ScalarNode> | undefined;

  constructor(composer: CstComposer) {
    this.composer = composer;
  }

  add(keyNode: ScalarNode, keyIsPlain: boolean, valueNode: DocNode): void {
    // After the first failure the tree is thrown away; only the Composer's checks still matter.
    if (this.composer.failure) return;
    const key = keyNode.value as string;
    if (keyIsPlain && key === '<<' && keyNode.style === 'plain') {
      this.sequence ??= this.ownEntries.slice();
      this.sequence.push(this.mergeSources(valueNode));
      return;
    }
    const ownEntries = this.ownEntries;
    let firstKeyNode: ScalarNode | undefined;
    if (this.keyIndex) firstKeyNode = this.keyIndex.get(key);
    else for (const entry of ownEntries) if (entry.key === key) firstKeyNode = entry.keyNode;
    if (firstKeyNode) {
      this.composer.failDuplicateKey(key, firstKeyNode.startOffset, keyNode);
      return;
    }
    const entry: MapEntry = { key, keyNode, value: valueNode };
    ownEntries.push(entry);
    this.sequence?.push(entry);
    if (this.keyIndex) this.keyIndex.set(key, keyNode);
    else if (ownEntries.length > 8) this.keyIndex = new Map(ownEntries.map((own) => [own.key, own.keyNode]));
  }

  /**
   * YAML merge semantics: keys written in the map win over merged ones wherever they appear, and among
   * merged maps the first to define a key wins. Merged entries take the place of the `<<` key.
   */
  entries(): MapEntry[] {
    const sequence = this.sequence;
    if (!sequence) return this.ownEntries;
    const seen = new Set(this.ownEntries.map((entry) => entry.key));
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
    this.composer.fail("merge key '<<' needs a mapping or a list of mappings", value.startOffset, value.endOffset);
    return [];
  }
}
