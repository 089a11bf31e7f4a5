import { createRequire } from 'node:module';

/** The width when the caller gives none: a terminal's default, and what the CLI uses when output is not a terminal. */
export const DEFAULT_WIDTH = 80;

/**
 * Text laid out in terminal columns: a wide (CJK, emoji) character takes two, a combining mark none, and ANSI
 * colours none. Measured with string-width, wrapped with wrap-ansi, which never breaks a word: a word wider than
 * the line (a long path, a rule id, a quoted value) stands alone on its line, whole. wrap-ansi composes
 * characters (Unicode NFC: `l` and a combining accent become `ĺ`), which displays the same. Both are required on
 * first use (Node 20.19 and later require ES modules): a clean run lays nothing out, and loading string-width
 * alone (its `Intl.Segmenter` loads Unicode data) cost every run 20–40 ms.
 */
const load = createRequire(import.meta.url);
let stringWidth: typeof import('string-width').default | undefined;
let wrapAnsi: typeof import('wrap-ansi').default | undefined;

/** How many terminal columns `text` takes. */
export function columnsOf(text: string): number {
  stringWidth ??= (load('string-width') as typeof import('string-width')).default;
  return stringWidth(text);
}

/** The lines of `text` wrapped at word boundaries to `width` columns, each prefixed with `indent`. */
export function wrapIndented(text: string, width: number, indent: string): string[] {
  const room = Math.max(1, width - indent.length);
  // wrap-ansi leaves a space before a word too long for any line: the indent alone starts each line.
  wrapAnsi ??= (load('wrap-ansi') as typeof import('wrap-ansi')).default;
  return wrapAnsi(text, room, { hard: false, trim: true })
    .split('\n')
    .map((line) => indent + line.trimStart());
}

/** `text` wrapped to `width` columns after `label` on its first line, its other lines indented under it. */
export function wrapAfter(label: string, text: string, width: number): string[] {
  const lines = wrapIndented(text, width, ' '.repeat(columnsOf(label)));
  lines[0] = label + lines[0]!.trimStart();
  return lines;
}
