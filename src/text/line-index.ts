import type { Range } from '../model.js';

/**
 * Maps string offsets to 1-based line and UTF-16 column numbers. Lines end at
 * LF, CRLF or a lone CR, as editors count them.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  private readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    // indexOf runs natively: a text without a carriage return, the usual case, is split at LFs alone.
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** Where `offset` is; an offset outside the text (a parser's end of an unterminated comment) is clamped to it. */
  position(given: number): { line: number; column: number } {
    const offset = Math.max(0, Math.min(given, this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  /** Offset of the first character of a 1-based line; the text length past the last line. */
  lineStart(line: number): number {
    return this.starts[line - 1] ?? this.length;
  }

  range(start: number, end: number): Range {
    const a = this.position(start);
    const b = this.position(end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

/** Source text without a leading byte-order mark, so that it shifts no column. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
