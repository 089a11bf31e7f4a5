/**
 * Text from linted files, configs and file names is printed into terminals and CI logs. Raw, it could move the
 * cursor or change colours (ANSI/OSC escapes), reorder what is shown (bidi overrides), start a line of its own
 * (CR, LF, U+2028/U+2029) or be read as a command by GitHub Actions, which reads both standard output and
 * standard error. These functions make such text visible and inert.
 */

/** C0 and C1 controls, DEL, line and paragraph separators, and the invisible bidi controls (marks, embeddings, overrides, isolates). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** One character as an escape a reader recognises: `\x1b`, `\u202e`. */
function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Every unsafe character as a visible escape, line breaks included: the result is one line. */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** Like escapeControl, but CR and LF stay: for text whose line breaks a later step encodes (GitHub's %0D, %0A). */
export function escapeControlKeepingBreaks(text: string): string {
  return text.replace(UNSAFE, (char) => (char === '\r' || char === '\n' ? char : visible(char)));
}

/**
 * A line GitHub Actions would not run as a workflow command: `::name …::` at its start (leading whitespace is
 * skipped) or the older `##[name]` anywhere in it.
 */
export function inertLine(line: string): string {
  return line.replace(/^(\s*):/, '$1\\x3a').replace(/##\[/g, '##\\x5b');
}

/** One line of terminal or log output holding outside text: escaped, and not a command. */
export function safeLine(text: string): string {
  return inertLine(escapeControl(text));
}

/** Several lines (the breaks are ours, such as a config error and its list of problems): each made safe. */
export function safeLines(text: string): string {
  return text
    .split('\n')
    .map((line) => inertLine(escapeControl(line)))
    .join('\n');
}
