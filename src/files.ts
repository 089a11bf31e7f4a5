import { statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { globby, isDynamicPattern } from 'globby';
import picomatch from 'picomatch';
import type { ConfigResolver } from './config/resolve.js';
import type { ResolvedConfig } from './config/settings.js';
import { FatalError } from './errors.js';
import { absolute, isInside } from './paths.js';
import { compareStrings } from './results.js';
import { parserFor } from './sources/index.js';

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface ExpandOptions {
  cwd: string;
  /** Throw when a path or glob matches no file to lint (ESLint's default). */
  errorOnUnmatchedPattern: boolean;
}

/**
 * Turns the paths and globs of the command line into the files to lint
 * (spec §5): a file is taken as named, a directory is walked with its config's
 * `include` globs, a glob is expanded from the working directory; walks respect
 * `.gitignore`, `ignorePatterns` and skip `node_modules`.
 */
export async function expandPaths(
  patterns: readonly string[],
  resolver: ConfigResolver,
  options: ExpandOptions,
): Promise<{ files: string[]; ignoredNamedFiles: string[] }> {
  const files = new Set<string>();
  const ignoredNamedFiles: string[] = [];
  for (const pattern of patterns) {
    const { found, ignored } = await expandOne(pattern, resolver, options.cwd);
    // A named file that is ignored is skipped without failing, so hooks may pass any staged file.
    if (ignored === 'named-file') ignoredNamedFiles.push(pattern);
    else if (found.length === 0 && options.errorOnUnmatchedPattern) {
      const why = ignored > 0 ? `ignorePatterns exclude every file it matches (${ignored})` : 'check the path and the include setting';
      throw new FatalError(`no files to lint match "${pattern}"; ${why}`);
    }
    for (const file of found) files.add(file);
  }
  return { files: [...files].sort(compareStrings), ignoredNamedFiles };
}

interface Expansion {
  found: string[];
  /** How many matches ignorePatterns removed, or 'named-file' for an ignored file named outright. */
  ignored: number | 'named-file';
}

async function expandOne(pattern: string, resolver: ConfigResolver, cwd: string): Promise<Expansion> {
  const path = absolute(pattern, cwd);
  const kind = statKind(path);
  if (kind === 'file') {
    const ignored = isNodeModules(path) || isIgnored(path, resolver.forFile(path));
    return ignored ? { found: [], ignored: 'named-file' } : { found: [path], ignored: 0 };
  }
  if (kind === 'directory') return notIgnored(await walkDirectory(path, resolver.forDirectory(path)), resolver);
  if (!isDynamicPattern(pattern)) throw new FatalError(`no such file or directory: ${pattern}`);
  const matches = await globby(pattern, { cwd, absolute: true, gitignore: true, dot: true, ignore: ALWAYS_IGNORED });
  return notIgnored(matches.filter((file) => parserFor(file) !== undefined), resolver);
}

/** `include` globs are relative to the config's directory; `**\/…` globs are walked from `dir` alone. */
async function walkDirectory(dir: string, config: ResolvedConfig): Promise<string[]> {
  const local = config.include.filter((glob) => glob.startsWith('**/') || !isInside(dir, config.baseDir));
  const rooted = config.include.filter((glob) => !local.includes(glob));
  const options = { absolute: true, gitignore: true, dot: true, ignore: ALWAYS_IGNORED } as const;
  const found = await globby(local, { ...options, cwd: dir });
  if (rooted.length > 0) {
    const fromBase = await globby(rooted, { ...options, cwd: config.baseDir });
    found.push(...fromBase.filter((file) => isInside(file, dir)));
  }
  return found;
}

function notIgnored(files: string[], resolver: ConfigResolver): Expansion {
  const found = files.filter((file) => !isIgnored(file, resolver.forFile(file)));
  return { found, ignored: files.length - found.length };
}

const matchers = new WeakMap<ResolvedConfig, (path: string) => boolean>();

/** Whether a config's `ignorePatterns` (relative to its directory) cover the file. */
export function isIgnored(file: string, config: ResolvedConfig): boolean {
  if (config.ignorePatterns.length === 0 || !isInside(file, config.baseDir)) return false;
  let matcher = matchers.get(config);
  if (!matcher) {
    // A pattern naming a directory ignores everything inside it, as in .gitignore.
    const globs = config.ignorePatterns.flatMap((glob) => {
      const trimmed = glob.replace(/\/+$/, '');
      return [trimmed, `${trimmed}/**`];
    });
    matcher = picomatch(globs, { dot: true });
    matchers.set(config, matcher);
  }
  return matcher(relative(config.baseDir, file).split(sep).join('/'));
}

function isNodeModules(path: string): boolean {
  return path.split(sep).includes('node_modules');
}

function statKind(path: string): 'file' | 'directory' | 'missing' {
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}
