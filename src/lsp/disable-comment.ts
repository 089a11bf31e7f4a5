import { extname } from 'node:path';
import type { TextEdit } from '../results.js';
import { LineIndex } from '../text/line-index.js';

/** How a comment is written where an element starts, in each syntax the sources read directives from. */
const FORMS = {
  /** HTML, Vue templates, Svelte markup, HTML in Markdown. */
  markup: (directive: string) => ({ own: `<!-- ${directive} -->`, inline: `<!-- ${directive} -->` }),
  /** A JSX child: an expression container holding a comment. */
  jsxChild: (directive: string) => ({ own: `{/* ${directive} */}`, inline: `{/* ${directive} */}` }),
  /** JavaScript around JSX (`return (`, `=>`, `&&`): a line comment on a line of its own, else a block comment. */
  script: (directive: string) => ({ own: `// ${directive}`, inline: `/* ${directive} */ ` }),
};

const SCRIPT_EXTENSIONS = new Set(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts']);

/**
 * The ways to put `axag-disable-next <rule>` right before an element, likeliest first for the file's language:
 * on a line of its own with the element's indentation when the element starts its line, else just before it.
 * Which one the file accepts (a JSX child or JavaScript, an HTML block or a JSX block of Markdown) the caller
 * finds out by linting the result: the one that parses and silences the finding is offered.
 */
export function disableCommentEdits(text: string, element: { line: number; column: number }, ruleId: string, parseAs: string): TextEdit[] {
  const lines = new LineIndex(text);
  const lineStart = lines.lineStart(element.line);
  const at = lineStart + element.column - 1;
  const before = text.slice(lineStart, at);
  const ownLine = before.trim() === '';
  const eol = text.includes('\r\n') ? '\r\n' : text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
  const directive = `axag-disable-next ${ruleId}`;
  const order = SCRIPT_EXTENSIONS.has(extname(parseAs).toLowerCase())
    ? [FORMS.jsxChild, FORMS.script, FORMS.markup]
    : [FORMS.markup, FORMS.jsxChild, FORMS.script];
  return order.map((form) => {
    const { own, inline } = form(directive);
    return ownLine ? { start: lineStart, end: lineStart, text: `${before}${own}${eol}` } : { start: at, end: at, text: inline };
  });
}

/** The text with non-overlapping edits applied (sorted by `start`). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = '';
  let from = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    result += text.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  return result + text.slice(from);
}
