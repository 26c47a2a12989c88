/** A strict, fast JSON parser that builds the shared node tree with offsets and rejects what CloudFormation and ECS reject. */
import type { DocNode, MapEntry, MapNode, ScalarNode, SeqNode } from './node.js';
import { ParseFailure, abbreviate, type ParseOutcome } from './parse-failure.js';
import type { ParseLimits } from './parsed-file.js';

const enum Char {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Quote = 34,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  UpperE = 69,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  LowerE = 101,
  OpenBrace = 123,
  CloseBrace = 125,
  ByteOrderMark = 0xfeff,
}

/** Maps with more entries than this look keys up in a Map instead of scanning, to stay linear. */
const linearKeyScanMaxEntries = 8;

/** Parses JSON text; never throws, every problem comes back as `{ error }` with the offending range. */
export function parseJson(text: string, limits: ParseLimits): ParseOutcome {
  try {
    return { root: new JsonParser(text, limits).parseDocument() };
  } catch (error) {
    if (error instanceof ParseFailure) return { error: error.toParseError() };
    // A caller may raise maxDepth far enough for the call stack to run out; report that, do not crash.
    if (error instanceof RangeError) {
      return { error: { message: `nesting is too deep to parse (${error.message})`, startOffset: 0, endOffset: 0 } };
    }
    throw error;
  }
}

class JsonParser {
  private readonly text: string;
  private readonly limits: ParseLimits;
  private offset = 0;
  private nodeCount = 0;

  constructor(text: string, limits: ParseLimits) {
    this.text = text;
    this.limits = limits;
  }

  parseDocument(): DocNode {
    if (this.text.charCodeAt(0) === Char.ByteOrderMark) this.offset = 1;
    this.skipWhitespace();
    if (this.offset >= this.text.length) throw new ParseFailure('unexpected end of input: the file holds no JSON value', this.offset);
    const root = this.parseValue(0);
    this.skipWhitespace();
    if (this.offset < this.text.length) {
      throw new ParseFailure(`unexpected ${this.describeCharAt(this.offset)} after the end of the JSON value`, this.offset, this.offset + 1);
    }
    return root;
  }

  /** `level` is the number of collections around the value. */
  private parseValue(level: number): DocNode {
    const code = this.text.charCodeAt(this.offset);
    if (code === Char.OpenBrace) return this.parseObject(level + 1);
    if (code === Char.OpenBracket) return this.parseArray(level + 1);
    if (code === Char.Quote) {
      const startOffset = this.offset;
      const value = this.parseString();
      return this.createScalar(value, startOffset, this.offset);
    }
    if (code === Char.Minus || (code >= Char.Zero && code <= Char.Nine)) return this.parseNumber();
    if (this.text.startsWith('true', this.offset)) return this.parseLiteral('true', true);
    if (this.text.startsWith('false', this.offset)) return this.parseLiteral('false', false);
    if (this.text.startsWith('null', this.offset)) return this.parseLiteral('null', null);
    throw this.unexpectedValue();
  }

  private parseLiteral(word: string, value: boolean | null): ScalarNode {
    const startOffset = this.offset;
    this.offset += word.length;
    if (isWordChar(this.text.charCodeAt(this.offset))) throw this.unexpectedValue(startOffset);
    return this.createScalar(value, startOffset, this.offset);
  }

  private parseObject(level: number): MapNode {
    const startOffset = this.offset;
    this.enterCollection(level, startOffset);
    this.offset++;
    const entries: MapEntry[] = [];
    let keyIndex: Map<string, ScalarNode> | undefined;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.offset) === Char.CloseBrace) {
      this.offset++;
      return { kind: 'map', entries, style: 'json', startOffset, endOffset: this.offset };
    }
    for (;;) {
      if (this.text.charCodeAt(this.offset) !== Char.Quote) {
        if (this.offset >= this.text.length) throw this.unexpectedEnd();
        throw new ParseFailure(
          `expected a property name in double quotes, found ${this.describeCharAt(this.offset)}`,
          this.offset,
          this.offset + 1,
        );
      }
      const keyStartOffset = this.offset;
      const key = this.parseString();
      const keyNode = this.createScalar(key, keyStartOffset, this.offset);

      let firstKeyNode: ScalarNode | undefined;
      if (keyIndex) firstKeyNode = keyIndex.get(key);
      else for (const entry of entries) if (entry.key === key) firstKeyNode = entry.keyNode;
      if (firstKeyNode) {
        throw ParseFailure.duplicateKey(this.text, key, firstKeyNode.startOffset, keyNode.startOffset, keyNode.endOffset);
      }

      this.skipWhitespace();
      if (this.text.charCodeAt(this.offset) !== Char.Colon) {
        if (this.offset >= this.text.length) throw this.unexpectedEnd();
        throw new ParseFailure(`expected ':' after property name, found ${this.describeCharAt(this.offset)}`, this.offset, this.offset + 1);
      }
      this.offset++;
      this.skipWhitespace();
      if (this.offset >= this.text.length) throw this.unexpectedEnd();
      const value = this.parseValue(level);
      entries.push({ key, keyNode, value });
      if (keyIndex) keyIndex.set(key, keyNode);
      else if (entries.length > linearKeyScanMaxEntries) {
        keyIndex = new Map();
        for (const entry of entries) keyIndex.set(entry.key, entry.keyNode);
      }

      this.skipWhitespace();
      const code = this.text.charCodeAt(this.offset);
      if (code === Char.Comma) {
        const commaOffset = this.offset;
        this.offset++;
        this.skipWhitespace();
        if (this.text.charCodeAt(this.offset) === Char.CloseBrace) {
          throw new ParseFailure("trailing comma before '}' is not allowed in JSON", commaOffset, commaOffset + 1);
        }
        continue;
      }
      if (code === Char.CloseBrace) {
        this.offset++;
        return { kind: 'map', entries, style: 'json', startOffset, endOffset: this.offset };
      }
      if (this.offset >= this.text.length) throw this.unexpectedEnd();
      throw new ParseFailure(
        `expected ',' or '}' after property value, found ${this.describeCharAt(this.offset)}`,
        this.offset,
        this.offset + 1,
      );
    }
  }

  private parseArray(level: number): SeqNode {
    const startOffset = this.offset;
    this.enterCollection(level, startOffset);
    this.offset++;
    const items: DocNode[] = [];
    this.skipWhitespace();
    if (this.text.charCodeAt(this.offset) === Char.CloseBracket) {
      this.offset++;
      return { kind: 'seq', items, style: 'json', startOffset, endOffset: this.offset };
    }
    for (;;) {
      if (this.offset >= this.text.length) throw this.unexpectedEnd();
      items.push(this.parseValue(level));
      this.skipWhitespace();
      const code = this.text.charCodeAt(this.offset);
      if (code === Char.Comma) {
        const commaOffset = this.offset;
        this.offset++;
        this.skipWhitespace();
        if (this.text.charCodeAt(this.offset) === Char.CloseBracket) {
          throw new ParseFailure("trailing comma before ']' is not allowed in JSON", commaOffset, commaOffset + 1);
        }
        continue;
      }
      if (code === Char.CloseBracket) {
        this.offset++;
        return { kind: 'seq', items, style: 'json', startOffset, endOffset: this.offset };
      }
      if (this.offset >= this.text.length) throw this.unexpectedEnd();
      throw new ParseFailure(
        `expected ',' or ']' after array element, found ${this.describeCharAt(this.offset)}`,
        this.offset,
        this.offset + 1,
      );
    }
  }

  /** Reads the string starting at the current `"` and leaves the offset just past its closing quote. */
  private parseString(): string {
    const text = this.text;
    const startOffset = this.offset;
    let chunkStartOffset = startOffset + 1;
    let offset = chunkStartOffset;
    let decoded = '';
    for (;;) {
      if (offset >= text.length) throw this.unterminatedString(startOffset, offset);
      const code = text.charCodeAt(offset);
      if (code === Char.Quote) {
        this.offset = offset + 1;
        return decoded + text.slice(chunkStartOffset, offset);
      }
      if (code < Char.Space) {
        if (code === Char.LineFeed || code === Char.CarriageReturn) throw this.unterminatedString(startOffset, offset);
        throw new ParseFailure(
          `unescaped control character ${codePointName(code)} in string; write it as an escape sequence`,
          offset,
          offset + 1,
        );
      }
      if (code !== Char.Backslash) {
        offset++;
        continue;
      }
      decoded += text.slice(chunkStartOffset, offset);
      const escape = text.charCodeAt(offset + 1);
      switch (escape) {
        case Char.Quote:
          decoded += '"';
          break;
        case Char.Backslash:
          decoded += '\\';
          break;
        case Char.Slash:
          decoded += '/';
          break;
        case 98: // b
          decoded += '\b';
          break;
        case 102: // f
          decoded += '\f';
          break;
        case 110: // n
          decoded += '\n';
          break;
        case 114: // r
          decoded += '\r';
          break;
        case 116: // t
          decoded += '\t';
          break;
        case 117: {
          // u: surrogate halves are kept as code units, so pairs join into one character by themselves.
          const hex = text.slice(offset + 2, offset + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            throw new ParseFailure(`invalid unicode escape '\\u${abbreviate(hex, 4)}' in string`, offset, offset + 2 + hex.length);
          }
          decoded += String.fromCharCode(parseInt(hex, 16));
          offset += 4;
          break;
        }
        default:
          if (Number.isNaN(escape)) throw this.unterminatedString(startOffset, offset + 1);
          throw new ParseFailure(`invalid escape '\\${text[offset + 1]}' in string`, offset, offset + 2);
      }
      offset += 2;
      chunkStartOffset = offset;
    }
  }

  private parseNumber(): ScalarNode {
    const text = this.text;
    const startOffset = this.offset;
    let offset = startOffset;
    if (text.charCodeAt(offset) === Char.Minus) offset++;
    const firstDigit = text.charCodeAt(offset);
    if (!isDigit(firstDigit)) {
      if (text.startsWith('Infinity', offset)) throw new ParseFailure('Infinity is not a valid JSON number', startOffset, offset + 8);
      throw new ParseFailure("expected a digit after '-'", startOffset, offset + 1);
    }
    offset++;
    if (firstDigit === Char.Zero && isDigit(text.charCodeAt(offset))) {
      throw new ParseFailure('leading zeros are not allowed in JSON numbers; quote the value if it is an identifier', startOffset, scanDigits(text, offset));
    }
    offset = scanDigits(text, offset);
    let isInteger = true;
    if (text.charCodeAt(offset) === Char.Dot) {
      isInteger = false;
      offset++;
      if (!isDigit(text.charCodeAt(offset))) throw new ParseFailure("expected a digit after '.' in number", startOffset, offset);
      offset = scanDigits(text, offset);
    }
    const exponentCode = text.charCodeAt(offset);
    if (exponentCode === Char.LowerE || exponentCode === Char.UpperE) {
      isInteger = false;
      offset++;
      const signCode = text.charCodeAt(offset);
      if (signCode === Char.Plus || signCode === Char.Minus) offset++;
      if (!isDigit(text.charCodeAt(offset))) throw new ParseFailure('expected a digit in the exponent of number', startOffset, offset);
      offset = scanDigits(text, offset);
    }
    if (isWordChar(text.charCodeAt(offset))) {
      throw new ParseFailure(`invalid number '${abbreviate(text.slice(startOffset, offset + 1), 30)}'`, startOffset, offset + 1);
    }
    this.offset = offset;
    const source = text.slice(startOffset, offset);
    const value = Number(source);
    return this.createScalar(keepsInformation(value, source, isInteger) ? value : source, startOffset, offset);
  }

  private createScalar(value: ScalarNode['value'], startOffset: number, endOffset: number): ScalarNode {
    if (++this.nodeCount > this.limits.maxNodes) {
      throw new ParseFailure(`file has more than ${this.limits.maxNodes} values`, startOffset, endOffset);
    }
    return { kind: 'scalar', value, style: 'json', startOffset, endOffset };
  }

  private enterCollection(level: number, startOffset: number): void {
    if (level > this.limits.maxDepth) {
      throw new ParseFailure(`nesting is deeper than ${this.limits.maxDepth} levels`, startOffset, startOffset + 1);
    }
    if (++this.nodeCount > this.limits.maxNodes) {
      throw new ParseFailure(`file has more than ${this.limits.maxNodes} values`, startOffset, startOffset + 1);
    }
  }

  private skipWhitespace(): void {
    const text = this.text;
    let offset = this.offset;
    for (;;) {
      const code = text.charCodeAt(offset);
      if (code === Char.Space || code === Char.LineFeed || code === Char.CarriageReturn || code === Char.Tab) offset++;
      else break;
    }
    this.offset = offset;
    if (text.charCodeAt(offset) === Char.Slash) {
      const next = text.charCodeAt(offset + 1);
      if (next === Char.Slash || next === 42) throw new ParseFailure('comments are not allowed in JSON', offset, offset + 2);
    }
  }

  private unexpectedValue(startOffset = this.offset): ParseFailure {
    const text = this.text;
    if (startOffset >= text.length) return this.unexpectedEnd();
    const code = text.charCodeAt(startOffset);
    if (text.startsWith('NaN', startOffset)) return new ParseFailure('NaN is not a valid JSON number', startOffset, startOffset + 3);
    if (text.startsWith('Infinity', startOffset)) return new ParseFailure('Infinity is not a valid JSON number', startOffset, startOffset + 8);
    if (code === 39) return new ParseFailure('strings must use double quotes in JSON', startOffset, startOffset + 1);
    if (code === Char.Plus || code === Char.Dot) return new ParseFailure(`invalid number: JSON numbers cannot start with '${text[startOffset]}'`, startOffset, startOffset + 1);
    if (code === Char.CloseBrace || code === Char.CloseBracket || code === Char.Comma || code === Char.Colon) {
      return new ParseFailure(`expected a value, found ${this.describeCharAt(startOffset)}`, startOffset, startOffset + 1);
    }
    let endOffset = startOffset + 1;
    while (endOffset < text.length && endOffset - startOffset < 30 && isWordChar(text.charCodeAt(endOffset))) endOffset++;
    if (endOffset - startOffset > 1 && isWordChar(code)) {
      return new ParseFailure(`unexpected token '${text.slice(startOffset, endOffset)}'; strings must be in double quotes`, startOffset, endOffset);
    }
    return new ParseFailure(`unexpected ${this.describeCharAt(startOffset)}`, startOffset, startOffset + 1);
  }

  private unexpectedEnd(): ParseFailure {
    return new ParseFailure('unexpected end of input', this.text.length);
  }

  private unterminatedString(startOffset: number, endOffset: number): ParseFailure {
    return new ParseFailure('unterminated string', startOffset, endOffset);
  }

  private describeCharAt(offset: number): string {
    if (offset >= this.text.length) return 'end of input';
    const code = this.text.charCodeAt(offset);
    if (code < Char.Space || code === 0x7f) return `control character ${codePointName(code)}`;
    return `'${this.text[offset]}'`;
  }
}

function isDigit(code: number): boolean {
  return code >= Char.Zero && code <= Char.Nine;
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46;
}

function scanDigits(text: string, offset: number): number {
  while (isDigit(text.charCodeAt(offset))) offset++;
  return offset;
}

function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Whether the number read from `source` stands for the same value the text does. Account ids and
 * other big integers beyond 2^53 and over-precise decimals would silently change, so they stay text.
 */
function keepsInformation(value: number, source: string, isInteger: boolean): boolean {
  if (!Number.isFinite(value)) return false;
  if (isInteger) return Number.isSafeInteger(value);
  return countSignificantDigits(source) <= 15 || String(value) === source;
}

function countSignificantDigits(source: string): number {
  let count = 0;
  let leading = true;
  let trailingZeros = 0;
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (code === Char.LowerE || code === Char.UpperE) break;
    if (!isDigit(code)) continue;
    if (leading && code === Char.Zero) continue;
    leading = false;
    count++;
    trailingZeros = code === Char.Zero ? trailingZeros + 1 : 0;
  }
  return count - trailingZeros;
}
