/** A file's text with the offset <-> line/column mapping that every output needs at its edges. */

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units like editors and GitHub do. */
  column: number;
}

export class SourceFile {
  readonly path: string;
  readonly text: string;
  private lineStarts: number[] | undefined;

  constructor(path: string, text: string) {
    this.path = path;
    this.text = text;
  }

  /** Offsets of the first character of every line; computed once, on first use. */
  private getLineStarts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) starts.push(i + 1);
      else if (code === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
    return starts;
  }

  get lineCount(): number {
    return this.getLineStarts().length;
  }

  positionAt(offset: number): Position {
    const starts = this.getLineStarts();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - starts[low] + 1 };
  }

  offsetAt(position: Position): number {
    const starts = this.getLineStarts();
    const lineIndex = Math.max(0, Math.min(position.line - 1, starts.length - 1));
    return Math.min(starts[lineIndex] + position.column - 1, this.text.length);
  }

  /** Offset of the start of the line holding `offset`. */
  lineStartOffset(offset: number): number {
    const { line } = this.positionAt(offset);
    return this.getLineStarts()[line - 1];
  }

  /** Offset just past the last character of the line holding `offset`, before its line break. */
  lineEndOffset(offset: number): number {
    const { line } = this.positionAt(offset);
    const starts = this.getLineStarts();
    let end = line < starts.length ? starts[line] : this.text.length;
    while (end > starts[line - 1] && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return end;
  }

  /** Text of the 1-based line, without its line break. */
  lineText(line: number): string {
    const starts = this.getLineStarts();
    const start = starts[line - 1] ?? this.text.length;
    return this.text.slice(start, this.lineEndOffset(start));
  }

  /** The line break the file uses most, so inserted lines match it. */
  get newline(): string {
    return this.text.includes('\r\n') ? '\r\n' : '\n';
  }
}
