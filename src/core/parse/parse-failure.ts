/** The error a parser throws to stop at the first problem, and the result type parsers return once it is caught. */
import { SourceFile } from '../text/source-file.js';
import type { DocNode } from './node.js';
import type { ParseError } from './parsed-file.js';

export type ParseOutcome = { root: DocNode; error?: undefined } | { root?: undefined; error: ParseError };

/**
 * Thrown inside the recursive parsers so that deep code can stop without threading error values
 * through every return; each parser's entry point catches it and returns `{ error }`.
 */
export class ParseFailure extends Error {
  readonly startOffset: number;
  readonly endOffset: number;

  constructor(message: string, startOffset: number, endOffset: number = startOffset) {
    super(message);
    this.name = 'ParseFailure';
    this.startOffset = startOffset;
    this.endOffset = Math.max(startOffset, endOffset);
  }

  /** CloudFormation rejects a key defined twice in one mapping; the error points at the second one. */
  static duplicateKey(text: string, key: string, firstStartOffset: number, secondStartOffset: number, secondEndOffset: number): ParseFailure {
    // Line numbers are computed only here, on the error path, so normal parsing never pays for them.
    const line = new SourceFile('', text.slice(0, firstStartOffset + 1)).positionAt(firstStartOffset).line;
    return new ParseFailure(`duplicate key '${abbreviate(key)}' (first defined on line ${line})`, secondStartOffset, secondEndOffset);
  }

  toParseError(): ParseError {
    return { message: this.message, startOffset: this.startOffset, endOffset: this.endOffset };
  }
}

/** Keeps messages one line long when they quote user text. */
export function abbreviate(text: string, maxLength = 60): string {
  const oneLine = text.replace(/[\r\n\t]+/g, ' ');
  return oneLine.length <= maxLength ? oneLine : `${oneLine.slice(0, maxLength - 3)}...`;
}
