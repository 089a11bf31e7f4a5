import { decodeHTMLAttribute, decodeHTMLStrict } from 'entities/decode';
import type { Position } from '../model.js';
import type { LineIndex } from '../text/line-index.js';

/**
 * How a source wrote a character it could not write as itself. `html`: a character reference in an HTML
 * attribute value (parse5, Vue, Svelte), where a legacy reference may lack its `;`; `jsx`: a reference in a JSX
 * attribute string, which Babel decodes only with its `;`; `js`: a JavaScript string or template escape.
 */
export type Escapes = 'html' | 'jsx' | 'js';

const REFERENCE = /&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)/y;
const JS_ESCAPE = /\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/y;
const LINE_TERMINATOR = /^(?:\r\n|[\r\n\u2028\u2029])$/;
const SINGLE_CHARACTER_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' };

/**
 * Where each UTF-16 code unit of a decoded static value was written, and where
 * the value ends: `raw` is the source text the parser decoded `value` from,
 * starting at offset `rawStart` of the text `lines` indexes. Each reference or
 * escape is decoded as the source's parser decodes it, so the value and the
 * source text are walked in step; what a reference stands for maps to its `&`.
 */
export function valuePositions(value: string, raw: string, rawStart: number, lines: LineIndex, escapes: Escapes): Position[] {
  const offsets: number[] = [];
  let i = 0;
  let j = 0;
  while (j < value.length && i < raw.length) {
    const escape = escapeAt(raw, i, escapes);
    if (escape !== undefined && escape.decoded !== raw.slice(i, i + escape.length) && value.startsWith(escape.decoded, j)) {
      for (let k = 0; k < escape.decoded.length; k++) offsets[j++] = i;
      i += escape.length;
    } else {
      offsets[j++] = i++;
    }
  }
  while (j < value.length) offsets[j++] = raw.length;
  offsets.push(i);
  return offsets.map((offset) => lines.position(rawStart + offset));
}

/** The reference or escape at `i`, if any: how long it is in the source, and what it decodes to. */
function escapeAt(raw: string, i: number, escapes: Escapes): { length: number; decoded: string } | undefined {
  // HTML parsers read CRLF as LF, in attribute values too.
  if (raw[i] === '\r' && raw[i + 1] === '\n') return { length: 2, decoded: '\n' };
  const pattern = escapes === 'js' ? (raw[i] === '\\' ? JS_ESCAPE : undefined) : raw[i] === '&' ? REFERENCE : undefined;
  if (!pattern) return undefined;
  pattern.lastIndex = i;
  const match = pattern.exec(raw)?.[0];
  if (match === undefined) return undefined;
  if (escapes === 'js') return { length: match.length, decoded: jsEscape(match.slice(1)) };
  if (escapes === 'jsx') return { length: match.length, decoded: decodeHTMLStrict(match) };
  // Whether a reference without ";" decodes in an attribute depends on the character after it.
  const next = raw[i + match.length] ?? '';
  const decoded = decodeHTMLAttribute(match + next);
  return { length: match.length, decoded: next ? decoded.slice(0, -next.length) : decoded };
}

/** What a JavaScript escape (without its backslash) stands for; a line continuation stands for nothing. */
function jsEscape(body: string): string {
  if (LINE_TERMINATOR.test(body)) return '';
  const hex = body.startsWith('u{') ? body.slice(2, -1) : body[0] === 'u' || body[0] === 'x' ? body.slice(1) : undefined;
  if (hex !== undefined && hex.length > 0) {
    const codePoint = parseInt(hex, 16);
    if (codePoint <= 0x10ffff) return String.fromCodePoint(codePoint);
  }
  return SINGLE_CHARACTER_ESCAPES[body] ?? body;
}
