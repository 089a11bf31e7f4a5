import { readFileSync } from 'node:fs';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { FatalError, located } from '../errors.js';
import type { Range } from '../model.js';
import { LineIndex, stripBom } from '../text/line-index.js';
import { locateJsonError } from './json-error.js';

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
export function parseStructured(rawText: string, format: 'json' | 'yaml', displayPath: string): StructuredDocument {
  const text = stripBom(rawText);
  const lines = new LineIndex(text);
  let data: unknown;
  if (format === 'json') {
    try {
      data = JSON.parse(text);
    } catch {
      const { message, offset } = locateJsonError(text);
      throw new FatalError(`${located(displayPath, lines.position(offset))}: invalid JSON: ${message}`);
    }
  }
  // YAML parses JSON too; for a .json file the tree serves only to locate values.
  const tree = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (format === 'yaml') {
    const error = tree.errors[0];
    if (error) {
      throw new FatalError(`${located(displayPath, lines.position(error.pos[0]))}: invalid YAML: ${firstLine(error.message)}`);
    }
    data = tree.toJS();
  }
  return { data, locate: (path, part = 'entry') => lines.range(...spanOf(tree, path, part)) };
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
