import { statSync } from 'node:fs';
import { sep } from 'node:path';
import { createRequire } from 'node:module';
import type { ConfigResolver } from './config/resolve.js';
import type { IgnorePatterns, ResolvedConfig } from './config/settings.js';
import { FatalError } from './errors.js';
import { absolute, displayPath, isInside, relativePath } from './paths.js';
import { compareStrings } from './results.js';
import { isOptInSource, isSourceFile } from './sources/index.js';
import { fileSystemReason } from './text-file.js';
import { Walker, type Walk } from './walk.js';

type Picomatch = typeof import('picomatch');
let picomatchLibrary: Picomatch | undefined;
/**
 * picomatch, required on first use: files named on the command line, with no ignorePatterns and no `include` to
 * test, need no glob matcher. Required rather than imported, so that Node does not scan the CommonJS package for
 * the names it exports.
 */
const globs = (): Picomatch => (picomatchLibrary ??= createRequire(import.meta.url)('picomatch') as Picomatch);

export interface ExpandOptions {
  cwd: string;
  /** Throw when a path or glob matches no file to lint (ESLint's default). */
  errorOnUnmatchedPattern: boolean;
  /** `--ignore-pattern`: more globs to ignore, relative to the working directory. */
  ignorePatterns?: readonly string[];
  /** `--no-ignore`: neither .gitignore, ignorePatterns nor --ignore-pattern applies (node_modules still does). */
  noIgnore?: boolean;
}

/** Decides, for one run, which files its ignore rules exclude. */
export function ignoreRules(resolver: ConfigResolver, options: Pick<ExpandOptions, 'cwd' | 'ignorePatterns' | 'noIgnore'>) {
  const fromCommandLine = [{ baseDir: options.cwd, patterns: [...(options.ignorePatterns ?? [])] }];
  return {
    gitignore: !options.noIgnore,
    ignores: (file: string) => !options.noIgnore && (isIgnored(file, resolver.forFile(file).ignorePatterns) || isIgnored(file, fromCommandLine)),
  };
}
type IgnoreRules = ReturnType<typeof ignoreRules>;

/** A file named on the command line that is not linted, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/**
 * Turns the paths and globs of the command line into the files to lint
 * (spec §5): a file is taken as named, a directory is walked with its config's
 * `include` globs, a glob is expanded from the working directory; walks respect
 * `.gitignore`, `ignorePatterns` and skip `node_modules` (and the other folders of
 * NEVER_WALKED). A named file that is ignored or of a type axag does not read is
 * skipped, not an error, so hooks may pass any staged file. What could not be
 * read (a directory, a broken link, a FIFO named like a source file) is returned
 * in `problems`, one message each; the other files are still linted.
 */
export async function expandPaths(
  patterns: readonly string[],
  resolver: ConfigResolver,
  options: ExpandOptions,
): Promise<{ files: string[]; skipped: SkippedFile[]; problems: string[] }> {
  const files = new Set<string>();
  const skipped: SkippedFile[] = [];
  const problems: string[] = [];
  const rules = ignoreRules(resolver, options);
  // One walker for the run: each .gitignore is read and compiled once, whatever the number of paths.
  const walker = new Walker({ cwd: options.cwd, gitignore: rules.gitignore });
  for (const pattern of patterns) {
    const expansion = expandOne(pattern, resolver, rules, walker, options.cwd, options.errorOnUnmatchedPattern);
    if ('skipped' in expansion) {
      skipped.push({ path: pattern, reason: expansion.skipped });
      continue;
    }
    const { found, ignored, kind } = expansion;
    problems.push(...expansion.problems);
    // A path whose files could not be read has said so already.
    if (found.length === 0 && expansion.problems.length === 0 && options.errorOnUnmatchedPattern) {
      const why =
        ignored > 0
          ? `ignorePatterns exclude every file it matches (${ignored})`
          : kind === 'directory'
            ? 'no file in it matches the include globs, or .gitignore excludes them'
            : 'no file axag reads matches it, or .gitignore excludes them';
      throw new FatalError(`no files to lint match "${pattern}": ${why}`);
    }
    for (const file of found) files.add(file);
  }
  return { files: [...files].sort(compareStrings), skipped, problems: [...new Set(problems)] };
}

type Expansion =
  | { skipped: string }
  | {
      found: string[];
      /** How many matches ignorePatterns removed. */
      ignored: number;
      kind: 'directory' | 'glob' | 'file';
      /** What could not be read, as messages. */
      problems: string[];
    };

function expandOne(pattern: string, resolver: ConfigResolver, rules: IgnoreRules, walker: Walker, cwd: string, errorOnUnmatched: boolean): Expansion {
  const path = absolute(pattern, cwd);
  const kind = statKind(path);
  if (kind === 'file') {
    if (!isSourceFile(path)) return { skipped: 'not a file type axag reads' };
    if (isInNodeModules(path, cwd)) return { skipped: 'inside node_modules' };
    if (rules.ignores(path)) return { skipped: 'matched by ignorePatterns' };
    // Perhaps not a regular file: reading it refuses a FIFO or a device, and says so.
    return { found: [path], ignored: 0, kind, problems: [] };
  }
  if (kind === 'directory') {
    const config = resolver.forDirectory(path);
    // `include` globs are relative to the config's directory; a directory outside it is matched from itself.
    const base = isInside(path, config.baseDir) ? config.baseDir : path;
    const wanted = (file: string) => isSourceFile(file) && isIncluded(file, config, base);
    return { ...walked(walker.walk(path), wanted, rules, cwd), kind };
  }
  if (kind !== 'missing') {
    return { found: [], ignored: 0, kind: 'file', problems: [`${displayPath(path, cwd)}: cannot read it: ${kind.reason}`] };
  }
  const glob = globOf(pattern, cwd);
  if (!glob) {
    if (errorOnUnmatched) throw new FatalError(`no such file or directory: ${pattern}`);
    return { found: [], ignored: 0, kind: 'file', problems: [] };
  }
  const { base, matches } = glob;
  const optInNamed = namesOptInExtension(pattern);
  const wanted = (file: string) => isSourceFile(file) && (optInNamed || !isOptInSource(file)) && matches(file);
  const walk = statKind(base) === 'directory' ? walker.walk(base) : { files: [], irregular: [], unreadable: [] };
  return { ...walked(walk, wanted, rules, cwd), kind: 'glob' };
}

/** The files of a walk that `wanted` picks and no ignore rule removes; and what could not be read, as messages. */
function walked(walk: Walk, wanted: (file: string) => boolean, rules: IgnoreRules, cwd: string): { found: string[]; ignored: number; problems: string[] } {
  // A walk never enters node_modules, but may start in one (`axag lint node_modules/pkg`): spec §5 says never.
  const candidates = walk.files.filter((file) => wanted(file) && !isInNodeModules(file, cwd));
  const found = candidates.filter((file) => !rules.ignores(file));
  const problems = [
    ...walk.unreadable.map(({ path, reason }) => `${displayPath(path, cwd)}: cannot read it: ${reason}`),
    ...walk.irregular
      .filter(({ path }) => wanted(path) && !isInNodeModules(path, cwd) && !rules.ignores(path))
      .map(({ path, reason }) => `${displayPath(path, cwd)}: cannot read the file: ${reason}`),
  ];
  return { found, ignored: candidates.length - found.length, problems };
}

const slashed = (path: string) => (sep === '/' ? path : path.split(sep).join('/'));

/** A glob whose last segment names `.md`/`.mdx` (`*.md`, `*.{md,mdx}`) asks for Markdown; `src/**` does not. */
function namesOptInExtension(glob: string): boolean {
  return /(?:^|[.{,])mdx?(?:$|[},])/i.test(glob.slice(glob.lastIndexOf('/') + 1));
}

type IgnoreSet = Pick<IgnorePatterns, 'baseDir' | 'patterns'>;
const matchers = new WeakMap<IgnoreSet, { ignores: (path: string) => boolean; keeps: (path: string) => boolean }>();

/**
 * Whether sets of ignore patterns (each relative to its directory: those of the configs that apply, farthest
 * first) cover the file. As in .gitignore, a pattern naming a directory covers everything in it, and a `!pattern`
 * takes back files that it or an earlier set ignores.
 */
export function isIgnored(file: string, sets: readonly IgnoreSet[]): boolean {
  let ignored = false;
  for (const set of sets) {
    if (set.patterns.length === 0 || !isInside(file, set.baseDir)) continue;
    const { ignores, keeps } = matcherOf(set);
    const path = relativePath(set.baseDir, file).split(sep).join('/');
    if (ignores(path)) ignored = true;
    if (ignored && keeps(path)) ignored = false;
  }
  return ignored;
}

function matcherOf(set: IgnoreSet) {
  let matcher = matchers.get(set);
  if (!matcher) {
    const withContents = (globs: string[]) =>
      globs.flatMap((glob) => {
        const trimmed = glob.replace(/\/+$/, '');
        return [trimmed, `${trimmed}/**`];
      });
    const positive = set.patterns.filter((glob) => !glob.startsWith('!'));
    const negated = set.patterns.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
    matcher = {
      ignores: positive.length > 0 ? globs()(withContents(positive), { dot: true }) : () => false,
      keeps: negated.length > 0 ? globs()(withContents(negated), { dot: true }) : () => false,
    };
    matchers.set(set, matcher);
  }
  return matcher;
}

/** node_modules below the working directory (a project that itself lives in one is still linted). */
export function isInNodeModules(path: string, cwd: string): boolean {
  return relativePath(cwd, path).split(sep).includes('node_modules');
}

/**
 * A path or glob of the command line as a filter of files chosen by something else (`--staged`,
 * `--changed-since`): a path covers itself and what is inside it, a glob the files it matches from its base. A path
 * that does not exist (and is no glob) is `missing`: it covers only what is inside it, and the caller says so
 * when it covered nothing, as a typo would.
 */
export function pathFilter(pattern: string, cwd: string): { covers: (file: string) => boolean; missing: boolean } {
  const path = absolute(pattern, cwd);
  if (statKind(path) !== 'missing') return { covers: (file) => isInside(file, path), missing: false };
  const glob = globOf(pattern, cwd);
  if (!glob) return { covers: (file) => isInside(file, path), missing: true };
  const { base, matches } = glob;
  return { covers: (file) => isInside(file, base) && matches(file), missing: false };
}

/** A glob of the command line: the directory it starts from, and whether it matches a file below it; undefined for a plain path. */
function globOf(pattern: string, cwd: string): { base: string; matches: (file: string) => boolean } | undefined {
  const glob = globs().scan(pattern);
  if (!glob.isGlob) return undefined;
  const base = absolute(glob.base === '' ? '.' : glob.base, cwd);
  const matcher = globs()(glob.glob, { dot: true, nocase: true });
  return { base, matches: (file) => matcher(slashed(relativePath(base, file))) };
}

/** Whether a directory is there (through symbolic links). */
export function isDirectory(path: string): boolean {
  return statKind(path) === 'directory';
}

/** What a path of the command line is; missing only when it does not exist, else the reason it cannot be read. */
function statKind(path: string): 'file' | 'directory' | 'missing' | { reason: string } {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : { reason: fileSystemReason(error) };
  }
}

/**
 * Whether a file named by something other than a path on the command line
 * (stdin's name, a staged or changed file) is one a directory walk would lint:
 * a source type read by default or listed in `include`, matched by `include`,
 * outside node_modules, and not ignored.
 */
export function isLintable(file: string, resolver: ConfigResolver, rules: IgnoreRules, cwd: string): boolean {
  const config = resolver.forFile(file);
  return isSourceFile(file) && isInside(file, config.baseDir) && isIncluded(file, config, config.baseDir) && !isInNodeModules(file, cwd) && !rules.ignores(file);
}

const includeMatchers = new WeakMap<ResolvedConfig, (path: string) => boolean>();

/** Whether the config's `include` globs, taken relative to `base`, match the file. */
function isIncluded(file: string, config: ResolvedConfig, base: string): boolean {
  let matcher = includeMatchers.get(config);
  if (!matcher) {
    const positive = globs()(config.include.filter((glob) => !glob.startsWith('!')), { dot: true, nocase: true });
    const negatives = config.include.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
    const negative = negatives.length > 0 ? globs()(negatives, { dot: true, nocase: true }) : () => false;
    matcher = (path) => positive(path) && !negative(path);
    includeMatchers.set(config, matcher);
  }
  return matcher(slashed(relativePath(base, file)));
}
