import { createRequire } from 'node:module';
import type { Node, ParseError } from 'jsonc-parser';
import type { DataPath } from './document.js';

type JsoncParser = typeof import('jsonc-parser');
let parser: JsoncParser | undefined;
/** jsonc-parser, loaded when a JSON config is first read: a run without one never loads it. */
function jsonc(): JsoncParser {
  return (parser ??= createRequire(import.meta.url)('jsonc-parser') as JsoncParser);
}

/** What each of jsonc-parser's error codes means, in the words of someone editing the file; `found` names the text there. */
const MESSAGES: Readonly<Record<string, (found: string) => string>> = {
  InvalidSymbol: (found) => `unexpected ${found}`,
  InvalidNumberFormat: () => 'invalid number',
  PropertyNameExpected: (found) => `expected a property name in double quotes, found ${found}`,
  ValueExpected: (found) => `expected a value, found ${found}`,
  ColonExpected: (found) => `expected ":", found ${found}`,
  CommaExpected: (found) => `expected "," between entries, found ${found}`,
  CloseBraceExpected: (found) => `expected "}" (an object is not closed), found ${found}`,
  CloseBracketExpected: (found) => `expected "]" (an array is not closed), found ${found}`,
  EndOfFileExpected: (found) => `unexpected ${found} after the JSON value`,
  InvalidCommentToken: () => 'invalid comment',
  UnexpectedEndOfComment: () => 'unterminated /* comment; close it with */',
  UnexpectedEndOfString: () => 'unterminated string',
  UnexpectedEndOfNumber: () => 'unterminated number',
  InvalidUnicode: () => 'invalid \\u escape',
  InvalidEscapeCharacter: () => 'invalid escape in a string',
  InvalidCharacter: () => 'control character in a string; escape it',
};

export type JsoncResult =
  | { error: { offset: number; message: string } }
  | { data: unknown; span: (path: DataPath, part: 'entry' | 'key') => [number, number] };

/**
 * Parses JSON that may hold comments and trailing commas (as VS Code's settings do), with Microsoft's jsonc-parser.
 * The first syntax error, or a key written twice in one object (which JSON.parse would let replace the first
 * silently), is returned with its offset. A text of only comments and white space holds no value: undefined data.
 */
export function parseJsonc(text: string): JsoncResult {
  const { getNodeValue, parseTree, printParseErrorCode, stripComments } = jsonc();
  if (stripComments(text).trim() === '') return { data: undefined, span: () => [0, 0] };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const first = errors[0];
  if (first) {
    const name = printParseErrorCode(first.error);
    const found = first.offset >= text.length ? 'the end of the file' : JSON.stringify(text[first.offset]);
    return { error: { offset: first.offset, message: MESSAGES[name]?.(found) ?? name } };
  }
  const duplicate = tree && duplicateKey(tree);
  if (duplicate) return { error: { offset: duplicate.offset, message: `duplicate key ${JSON.stringify(duplicate.value)}` } };
  return { data: tree && getNodeValue(tree), span: (path, part) => (tree ? spanOf(tree, path, part) : [0, 0]) };
}

/** The key node of the first key written a second time in one object, depth first. */
function duplicateKey(node: Node): Node | undefined {
  const seen = new Set<unknown>();
  for (const child of node.children ?? []) {
    if (node.type === 'object') {
      const key = child.children?.[0];
      if (key && seen.has(key.value)) return key;
      seen.add(key?.value);
    }
    const inner = duplicateKey(child);
    if (inner) return inner;
  }
  return undefined;
}

/** From the key of the entry at `path` (or the nearest existing ancestor) to the end of its value; or the key alone. */
function spanOf(tree: Node, path: DataPath, part: 'entry' | 'key'): [number, number] {
  for (let depth = path.length; depth >= 0; depth--) {
    const value = jsonc().findNodeAtLocation(tree, [...path.slice(0, depth)]);
    if (!value) continue;
    const key = value.parent?.type === 'property' ? value.parent.children?.[0] : undefined;
    if (key && part === 'key') return [key.offset, key.offset + key.length];
    return [key?.offset ?? value.offset, value.offset + value.length];
  }
  return [0, 0];
}
