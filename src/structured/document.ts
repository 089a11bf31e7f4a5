import { createRequire } from 'node:module';
import type { Alias, Document } from 'yaml';
import { FatalError, located } from '../errors.js';
import type { Range } from '../model.js';
import { LineIndex, stripBom } from '../text/line-index.js';
import { readTextFile, UnreadableFileError } from '../text-file.js';
import { findJsonError } from './json-error.js';
import { parseJsonc } from './jsonc.js';

export type DataPath = readonly (string | number)[];

/**
 * The YAML library, loaded when a YAML file is read or a JSON value located, not at start (a run without a YAML
 * config or manifest never needs it). Its CommonJS build, since parsing is synchronous.
 */
let yamlLibrary: typeof import('yaml') | undefined;
const yaml = () => (yamlLibrary ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

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
 * Reads a file the run depends on (a config, a manifest, a baseline): a regular file only, never a FIFO or a
 * device. A missing or unreadable file is a FatalError that names it as `what`, with `missingHint` saying what to
 * do, and the real reason (permission denied, a symbolic link loop, a directory, …).
 */
export function readRequiredFile(path: string, displayPath: string, what: string, missingHint: string): string {
  try {
    return readTextFile(path);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    throw new FatalError(
      error.code === 'ENOENT' ? `${what} not found: ${displayPath}; ${missingHint}` : `cannot read the ${what} ${displayPath}: ${error.reason}`,
    );
  }
}

/**
 * Parses a JSON (`format: 'json'`), JSON with comments and trailing commas (`'jsonc'`, as config files may be) or
 * YAML text. A syntax error is a FatalError naming `displayPath`, line and column, and what is wrong.
 */
export function parseStructured(rawText: string, format: 'json' | 'jsonc' | 'yaml', path: string, displayPath: string): StructuredDocument {
  const text = stripBom(rawText);
  const lines = new LineIndex(text);
  const fail = (offset: number, message: string): never => {
    const position = lines.position(offset);
    throw new FatalError(`${located(displayPath, position)}: invalid ${format === 'yaml' ? 'YAML' : 'JSON'}: ${message}`, [{ path, ...position }]);
  };
  try {
    if (format === 'jsonc') {
      const parsed = parseJsonc(text);
      if ('error' in parsed) fail(parsed.error.offset, parsed.error.message);
      const { data, span } = parsed as Exclude<typeof parsed, { error: unknown }>;
      return { data, locate: (path, part = 'entry') => lines.range(...span(path, part)) };
    }
    if (format === 'json') {
      const error = findJsonError(text);
      if (error) fail(error.offset, error.message);
      // YAML parses JSON too: the tree serves only to locate values, so it is built when first needed.
      let tree: Document | undefined;
      const locate = (path: DataPath, part: 'entry' | 'key' = 'entry') =>
        lines.range(...spanOf((tree ??= yaml().parseDocument(text)), path, part));
      return { data: JSON.parse(text), locate };
    }
    // logLevel 'error': the library's own warnings are not printed; those that matter are errors below.
    const tree = yaml().parseDocument(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
    const error = tree.errors[0] ?? tree.warnings.find((warning) => warning.code !== 'BAD_DIRECTIVE');
    if (error) fail(error.pos[0], /call stack/i.test(error.message) ? 'nested too deeply to read' : yamlMessage(error.code, error.message));
    const aliasError = aliasProblem(tree);
    if (aliasError) fail(aliasError.offset, aliasError.message);
    // Aliases are bounded above, so the library's own count (which refuses 100 uses of one anchor) is not needed.
    return { data: tree.toJS({ maxAliasCount: -1 }), locate: (path, part = 'entry') => lines.range(...spanOf(tree, path, part)) };
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
  if (!yaml().isMap(parent)) return undefined;
  const pair = parent.items.find((item) => yaml().isScalar(item.key) && String(item.key.value) === String(path.at(-1)));
  return pair?.key as NodeRange;
}

/**
 * How many values aliases may add to a YAML document: far more than any real config or manifest repeats (one
 * parameter list reused in a thousand actions), far less than an alias bomb ("billion laughs") makes.
 */
export const MAX_ALIAS_EXPANSION = 1_000_000;

/**
 * The first alias that names no anchor before it, that lies inside the value it names (which would contain
 * itself: a cycle no JSON data can hold), or with which the document's aliases grow past MAX_ALIAS_EXPANSION.
 */
function aliasProblem(tree: Document): { offset: number; message: string } | undefined {
  const aliases: { alias: Alias; target: unknown }[] = [];
  let problem: { offset: number; message: string } | undefined;
  yaml().visit(tree, {
    Alias(_key, alias, path) {
      const offset = alias.range?.[0] ?? 0;
      const target = alias.resolve(tree);
      if (!target) {
        problem = { offset, message: `alias *${alias.source} names no anchor before it; define &${alias.source} first, or fix the name` };
        return yaml().visit.BREAK;
      }
      if (path.includes(target)) {
        problem = { offset, message: `alias *${alias.source} is inside the value anchored &${alias.source}, so that value would contain itself; remove the alias` };
        return yaml().visit.BREAK;
      }
      aliases.push({ alias, target });
      return undefined;
    },
  });
  if (problem) return problem;

  // Every alias is now known to end, so sizes can be counted (memoised: nested aliases multiply, counting does not).
  const sizes = new Map<unknown, number>();
  const size = (node: unknown): number => {
    if (yaml().isAlias(node)) return size(node.resolve(tree));
    if (!yaml().isCollection(node)) return 1;
    let total = sizes.get(node);
    if (total === undefined) {
      total = 1;
      for (const item of node.items) total += yaml().isPair(item) ? size(item.key) + size(item.value) : size(item);
      sizes.set(node, total);
    }
    return total;
  };
  let added = 0;
  for (const { alias, target } of aliases) {
    added += size(target);
    if (added > MAX_ALIAS_EXPANSION) {
      return {
        offset: alias.range?.[0] ?? 0,
        message: `its aliases repeat more than ${MAX_ALIAS_EXPANSION.toLocaleString('en')} values (an alias bomb?); write the values out, or use fewer aliases`,
      };
    }
  }
  return undefined;
}

/** The library's message, or ours where it has a better one. */
function yamlMessage(code: string, message: string): string {
  const tag = /^Unresolved tag: (.*)$/.exec(message);
  if (code === 'TAG_RESOLVE_FAILED' && tag) return `unknown tag ${tag[1]}; axag reads plain YAML data: remove the tag`;
  return firstLine(message);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
