/**
 * Shapes of source documents every parser builds the same way: syntax problems, unparsed files, directive
 * comments; and the test for text that needs no parse at all.
 */
import type { SourceComment, SourceDocument, SyntaxProblem } from '../model.js';
import type { LineIndex } from '../text/line-index.js';

/** A syntax error at `offset`: one character wide (two code units for an astral one), or empty at a line end. */
export function syntaxProblem(source: string, message: string, text: string, lines: LineIndex, offset: number): SyntaxProblem {
  const start = Math.max(0, Math.min(offset, text.length));
  const atLineEnd = start === text.length || text[start] === '\n' || text[start] === '\r';
  const width = atLineEnd ? 0 : (text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1;
  return { source, message, range: lines.range(start, start + width) };
}

/**
 * Input that nests deeper than a recursive parser's stack: valid, perhaps, but
 * unchecked, which the user must hear about. Reported at the start.
 */
export function nestingLimit(source: string, text: string, lines: LineIndex): SyntaxProblem {
  return { ...syntaxProblem(source, '', text, lines, 0), limit: true };
}

/** A document with nothing in it: no annotations, no ids, no comments. */
export function emptyDocument(): SourceDocument {
  return { elements: [], ids: [], dynamicIds: false, comments: [], syntaxErrors: [] };
}

/** A document that holds only its syntax error: nothing in it could be read. */
export function unparsed(problem: SyntaxProblem): SourceDocument {
  return { ...emptyDocument(), syntaxErrors: [problem] };
}

/** Keeps a comment for directive parsing when it can hold one (spec §6: `axag-disable…`, `axag-enable…`). */
export function directiveComment(text: string, lines: LineIndex, start: number, end: number): SourceComment | undefined {
  return mayBeDirective(text) ? { text, range: lines.range(start, end) } : undefined;
}

/** Whether a comment's text can hold a directive: the test of directiveComment, for a source that notes comments early. */
export function mayBeDirective(text: string): boolean {
  return text.includes('axag-');
}

/**
 * Every AXAG attribute (`axag`, `axag-…`, `:axag-…`, `v-axag`, `{axag}`) and every directive (`axag-disable…`)
 * holds `axag` as a word of its own, in any case (HTML reads names case-insensitively); inside a longer
 * name (`maxAge`, `MAXAGE`, `taxAgent`) it is neither.
 */
const AXAG_WORD = /(?<![A-Za-z0-9])axag(?![A-Za-z0-9_])/i;

/** Spec §3: a file (or a Markdown block) that does not contain the text `axag` needs no parse. */
export function mayContainAnnotations(text: string): boolean {
  return AXAG_WORD.test(text);
}
