import type { Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { expandMacros } from '../engine/expand-macros.js';
import type { AnnotatedElement, Range } from '../model.js';
import type { Finding } from '../results.js';
import { parseSource } from '../sources/index.js';
import { stripBom } from '../text/line-index.js';
import { attributeDoc } from './attribute-docs.js';
import { lspRange } from './diagnostics.js';

/** An attribute name under the cursor: `axag`, `axag-…`, with the prefixes of bound forms (`:`, `v-bind:`). */
const NAME = /[A-Za-z0-9_:.@-]/;
const AXAG_NAME = /^(?::|v-bind:)?(axag(?:-[A-Za-z0-9_-]+)?)$/;

/**
 * The hover at a position: on an `axag` macro (its name or value), the longhand it expands to and what the checks
 * found on its element; on another AXAG attribute name, what it means and the values it takes.
 */
export async function hover(document: TextDocument, offset: number, parseAs: string, findings: readonly Finding[] | undefined): Promise<Hover | undefined> {
  const text = document.getText();
  const position = document.positionAt(offset);
  const at = { line: position.line + 1, column: position.character + 1 };
  const macro = await macroAt(text, parseAs, at);
  if (macro) return { contents: { kind: 'markdown', value: macroHover(macro, findings) }, range: lspRange(macro.macro!.attribute.valueRange) };

  let start = offset;
  while (start > 0 && NAME.test(text.charAt(start - 1))) start--;
  let end = offset;
  while (end < text.length && NAME.test(text.charAt(end))) end++;
  const name = AXAG_NAME.exec(text.slice(start, end))?.[1]?.toLowerCase();
  if (!name || (!name.startsWith('axag-') && name !== 'axag')) return undefined;
  return { contents: { kind: 'markdown', value: attributeDoc(name) }, range: { start: document.positionAt(start), end: document.positionAt(end) } };
}

/** The element whose static macro (name or value) is at the position, if the file parses there. */
async function macroAt(text: string, parseAs: string, at: { line: number; column: number }): Promise<AnnotatedElement | undefined> {
  if (!/\baxag\b/.test(text)) return undefined;
  const document = expandMacros(await parseSource(parseAs, stripBom(text)));
  return document.elements.find(
    ({ macro }) => macro?.form === 'static' && (contains(macro.attribute.nameRange, at) || contains(macro.attribute.valueRange, at)),
  );
}

function macroHover(element: AnnotatedElement, findings: readonly Finding[] | undefined): string {
  const macro = element.macro!;
  const longhand = new Map(element.attributes.filter((attribute) => attribute.macroKey === undefined).map((attribute) => [attribute.name, attribute]));
  const lines = macro.fields.map((field) => {
    const own = longhand.get(field.name);
    const overridden = own && (own.value === null || own.value.trim() !== '') && own.value !== field.value;
    return `${field.name}=${JSON.stringify(field.value)}${overridden ? `  <!-- the longhand ${field.name} on the element is used -->` : ''}`;
  });
  const parts = [
    '**axag**: the AXAG 1.1 macro.',
    macro.applied ? `Expands to:\n\n\`\`\`html\n${lines.join('\n')}\n\`\`\`` : 'Its head (`type:intent`) does not read, so nothing of it applies.',
  ];
  const found = findings?.filter((finding) => finding.element?.line === element.start.line && finding.element.column === element.start.column);
  if (found && found.length > 0) parts.push(`axag found on this element:\n\n${found.map((finding) => `- ${finding.ruleId}: ${finding.message}`).join('\n')}`);
  else if (found) parts.push('axag found nothing on this element.');
  return parts.join('\n\n');
}

function contains(range: Range, at: { line: number; column: number }): boolean {
  const afterStart = at.line > range.line || (at.line === range.line && at.column >= range.column);
  const beforeEnd = at.line < range.endLine || (at.line === range.endLine && at.column <= range.endColumn);
  return afterStart && beforeEnd;
}
