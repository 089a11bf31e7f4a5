import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** The width when the caller gives none: a terminal's default, and what the CLI uses when output is not a terminal. */
export const DEFAULT_WIDTH = 80;

/**
 * Text laid out in terminal columns: a wide (CJK, emoji) character takes two, a combining mark none, and ANSI
 * colours none. Measured with string-width, wrapped with wrap-ansi, which never breaks a word: a word wider than
 * the line (a long path, a rule id, a quoted value) stands alone on its line, whole. wrap-ansi composes
 * characters (Unicode NFC: `l` and a combining accent become `ĺ`), which displays the same.
 */

/** How many terminal columns `text` takes. */
export function columnsOf(text: string): number {
  return stringWidth(text);
}

/** The lines of `text` wrapped at word boundaries to `width` columns, each prefixed with `indent`. */
export function wrapIndented(text: string, width: number, indent: string): string[] {
  const room = Math.max(1, width - indent.length);
  // wrap-ansi leaves a space before a word too long for any line: the indent alone starts each line.
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
