import type { File, Node } from '@babel/types';
import { parse } from 'hermes-parser';
import { forEachChild } from './babel-tree.js';

/**
 * Flow syntax that Babel's Flow plugin does not read (`component` and `hook` declarations, `match`, `as` casts,
 * `renders` types, type guards, conditional and mapped types, `const` type parameters, labelled tuples), read by
 * Meta's own Flow parser. Its Babel output lowers components and hooks to functions and `match` to plain
 * expressions, keeps JSX where it was written, and counts offsets in UTF-16 code units as Babel does.
 */
export function parseFlow(text: string): File {
  let file: File;
  try {
    file = parse(text, { babel: true, flow: 'detect', sourceType: 'unambiguous', allowReturnOutsideFunction: true });
  } catch (error) {
    throw positioned(error, text);
  }
  spanSynthesizedNodes(file.program);
  return file;
}

/** Hermes' syntax error with Babel's shape: the message alone, and `pos`, the offset of the mistake. */
function positioned(error: unknown, text: string): unknown {
  const loc = (error as { loc?: { line?: unknown; column?: unknown } }).loc;
  if (!(error instanceof SyntaxError) || typeof loc?.line !== 'number' || typeof loc.column !== 'number') return error;
  // The message goes on with the line and a caret under the mistake.
  const message = error.message.split('\n', 1)[0]!.replace(/ \(\d+:\d+\)$/, '');
  return Object.assign(new SyntaxError(message), { pos: offsetOf(text, loc.line, loc.column) });
}

/**
 * The offset of hermes' 1-based `line` and 0-based `column`: hermes ends lines at LF only (a lone CR or U+2028
 * is inside a line) and counts columns in UTF-8 bytes, so the line is walked code point by code point.
 */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  for (let bytes = 0; bytes < column && offset < text.length && text[offset] !== '\n'; ) {
    const codePoint = text.codePointAt(offset)!;
    bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    offset += codePoint > 0xffff ? 2 : 1;
  }
  return offset;
}

/**
 * Nodes that hermes makes when it lowers `match` and component syntax have no place in the text (0 to 0);
 * each gets the span of its children, as if written there, so a walk that skips subtrees by their text
 * (no `<`, no JSX) still enters them. Children come after their parent in pre-order, so reverse pre-order
 * sees every child before its parent; without recursion, as the text may nest deeply.
 */
function spanSynthesizedNodes(program: Node): void {
  const preorder: Node[] = [];
  const stack: Node[] = [program];
  while (stack.length > 0) {
    const node = stack.pop()!;
    preorder.push(node);
    forEachChild(node, (child) => stack.push(child));
  }
  for (let i = preorder.length - 1; i >= 0; i--) {
    const node = preorder[i]!;
    if (node.start !== 0 || node.end !== 0) continue;
    let start = Infinity;
    let end = 0;
    forEachChild(node, (child) => {
      if (child.end! > child.start!) {
        start = Math.min(start, child.start!);
        end = Math.max(end, child.end!);
      }
    });
    if (end > 0) Object.assign(node, { start, end });
  }
}
