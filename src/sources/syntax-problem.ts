import type { SyntaxProblem } from '../model.js';
import type { LineIndex } from '../text/line-index.js';

/** A syntax error at `offset`: one character wide, or empty at a line end or the end of the text. */
export function syntaxProblem(source: string, message: string, text: string, lines: LineIndex, offset: number): SyntaxProblem {
  const start = Math.max(0, Math.min(offset, text.length));
  const atLineEnd = start === text.length || text[start] === '\n' || text[start] === '\r';
  return { source, message, range: lines.range(start, atLineEnd ? start : start + 1) };
}
