import { readFileSync } from 'node:fs';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { FatalError, located } from '../errors.js';
import type { Range } from '../model.js';
import { LineIndex, stripBom } from '../text/line-index.js';
import { findJsonError } from './json-error.js';

export type DataPath = readonly (string | number)[];

/** A parsed JSON or YAML file that can tell where each of its values is. */
export interface StructuredDocument {
  data: unknown;
  /**
   * Where the entry at `path` is: from its key (when it sits in a mapping) to the end of its value;
   * with `part: 'key'`, the key alone. The nearest existing ancestor when the path does not exist.
   */
  locate(path: DataPath, part?: 'entry' | 'key'): Range;
}

/**
 * Reads a file the run depends on (a config, a manifest). A missing or unreadable
 * file is a FatalError that names it as `what`, with `missingHint` saying what to do.
 */
export function readRequiredFile(path: string, displayPath: string, what: string, missingHint: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FatalError(
      code === 'ENOENT' ? `${what} not found: ${displayPath}; ${missingHint}` : `cannot read the ${what} ${displayPath} (${code ?? String(error)})`,
    );
  }
}

/**
 * Parses a JSON (`format: 'json'`) or YAML text. A syntax error is a FatalError
 * naming `displayPath`, line and column, and what is wrong.
 */
export function parseStructured(rawText: string, format: 'json' | 'yaml', path: string, displayPath: string): StructuredDocument {
  const text = stripBom(rawText);
  const lines = new LineIndex(text);
  const fail = (offset: number, message: string): never => {
    const position = lines.position(offset);
    throw new FatalError(`${located(displayPath, position)}: invalid ${format.toUpperCase()}: ${message}`, [{ path, ...position }]);
  };
  try {
    if (format === 'json') {
      const error = findJsonError(text);
      if (error) fail(error.offset, error.message);
      // YAML parses JSON too: the tree serves only to locate values, so it is built when first needed.
      let tree: Document | undefined;
      const locate = (path: DataPath, part: 'entry' | 'key' = 'entry') =>
        lines.range(...spanOf((tree ??= parseDocument(text)), path, part));
      return { data: JSON.parse(text), locate };
    }
    const tree = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    const error = tree.errors[0];
    if (error) fail(error.pos[0], /call stack/i.test(error.message) ? 'nested too deeply to read' : firstLine(error.message));
    return { data: tree.toJS(), locate: (path, part = 'entry') => lines.range(...spanOf(tree, path, part)) };
  } catch (error) {
    if (error instanceof RangeError) fail(0, 'nested too deeply to read');
    throw error;
  }
}

type NodeRange = { range?: [number, number, number] } | null | undefined;

function spanOf(tree: Document, path: DataPath, part: 'entry' | 'key'): [number, number] {
  for (let depth = path.length; depth >= 0; depth--) {
    const value = (depth === 0 ? tree.contents : tree.getIn(path.slice(0, depth), true)) as NodeRange;
    const key = depth === 0 ? undefined : keyOf(tree, path.slice(0, depth));
    if (key?.range && (part === 'key' || !value?.range)) return [key.range[0], key.range[1]];
    if (value?.range) return [key?.range?.[0] ?? value.range[0], value.range[1]];
  }
  return [0, 0];
}

/** The key node of the mapping entry at `path`, if its parent is a mapping. */
function keyOf(tree: Document, path: DataPath): NodeRange {
  const parent = tree.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(path.at(-1)));
  return pair?.key as NodeRange;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
