import type { Position } from '../model.js';
import type { LineIndex } from '../text/line-index.js';

/** How a source writes a character it cannot write as itself: HTML character references, or JavaScript escapes. */
export type Escapes = 'html' | 'js';

const HTML_REFERENCE = /&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)/y;
const JS_ESCAPE = /\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/y;
const LINE_CONTINUATION = /^\\(?:\r\n|[\r\n\u2028\u2029])$/;

/**
 * Where each UTF-16 code unit of a decoded static value was written, and where
 * the value ends: `raw` is the source text the parser decoded `value` from,
 * starting at offset `rawStart` of the text `lines` indexes. Character references
 * and escapes map to their first source character; HTML's CRLF → LF too.
 */
export function valuePositions(value: string, raw: string, rawStart: number, lines: LineIndex, escapes: Escapes): Position[] {
  const offsets: number[] = [];
  let i = 0;
  let j = 0;
  while (j < value.length && i < raw.length) {
    const escape = escapeAt(raw, i, escapes);
    if (escape !== undefined && raw.slice(i, i + escape.length) !== value.slice(j, j + escape.length)) {
      const produced = escape.produced ?? decodedLength(value, j, raw, i + escape.length);
      for (let k = 0; k < produced && j < value.length; k++) offsets[j++] = i;
      i += escape.length;
    } else {
      offsets[j++] = i++;
    }
  }
  while (j < value.length) offsets[j++] = raw.length;
  offsets.push(i);
  return offsets.map((offset) => lines.position(rawStart + offset));
}

/**
 * How many code units a reference decoded to: one or two code points (`&acE;` is two), each one or two units.
 * The shortest length after which the value goes on as the source does.
 */
function decodedLength(value: string, at: number, raw: string, next: number): number {
  for (let length = 1; length <= 4; length++) {
    const end = at + length;
    if (end > value.length) break;
    if (end === value.length ? next === raw.length : value[end] === raw[next]) return length;
  }
  return (value.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
}

function escapeAt(raw: string, i: number, escapes: Escapes): { length: number; produced?: number } | undefined {
  if (raw[i] === '\r' && raw[i + 1] === '\n') return { length: 2, produced: 1 };
  const pattern = escapes === 'html' ? (raw[i] === '&' ? HTML_REFERENCE : undefined) : raw[i] === '\\' ? JS_ESCAPE : undefined;
  if (!pattern) return undefined;
  pattern.lastIndex = i;
  const match = pattern.exec(raw)?.[0];
  if (match === undefined) return undefined;
  return LINE_CONTINUATION.test(match) ? { length: match.length, produced: 0 } : { length: match.length };
}
