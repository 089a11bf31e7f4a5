import { statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { convertPathToPattern, globby, isDynamicPattern } from 'globby';
import picomatch from 'picomatch';
import type { ConfigResolver } from './config/resolve.js';
import type { ResolvedConfig } from './config/settings.js';
import { FatalError } from './errors.js';
import { absolute, isInside } from './paths.js';
import { compareStrings } from './results.js';
import { isOptInSource, isSourceFile } from './sources/index.js';

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
const GLOB_OPTIONS = {
  absolute: true,
  gitignore: true,
  dot: true,
  ignore: ALWAYS_IGNORED,
  caseSensitiveMatch: false,
  followSymbolicLinks: false,
} as const;

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
  const fromCommandLine = { baseDir: options.cwd, ignorePatterns: [...(options.ignorePatterns ?? [])] };
  return {
    gitignore: !options.noIgnore,
    ignores: (file: string) => !options.noIgnore && (isIgnored(file, resolver.forFile(file)) || isIgnored(file, fromCommandLine)),
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
 * `.gitignore`, `ignorePatterns` and skip `node_modules`. A named file that is
 * ignored or of a type axag does not read is skipped, not an error, so hooks may
 * pass any staged file.
 */
export async function expandPaths(
  patterns: readonly string[],
  resolver: ConfigResolver,
  options: ExpandOptions,
): Promise<{ files: string[]; skipped: SkippedFile[] }> {
  const files = new Set<string>();
  const skipped: SkippedFile[] = [];
  const rules = ignoreRules(resolver, options);
  for (const pattern of patterns) {
    const expansion = await expandOne(pattern, resolver, rules, options.cwd, options.errorOnUnmatchedPattern);
    if ('skipped' in expansion) {
      skipped.push({ path: pattern, reason: expansion.skipped });
      continue;
    }
    const { found, ignored, kind } = expansion;
    if (found.length === 0 && options.errorOnUnmatchedPattern) {
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
  return { files: [...files].sort(compareStrings), skipped };
}

type Expansion =
  | { skipped: string }
  | {
      found: string[];
      /** How many matches ignorePatterns removed. */
      ignored: number;
      kind: 'directory' | 'glob' | 'file';
    };

async function expandOne(pattern: string, resolver: ConfigResolver, rules: IgnoreRules, cwd: string, errorOnUnmatched: boolean): Promise<Expansion> {
  const path = absolute(pattern, cwd);
  const kind = statKind(path);
  const globOptions = { ...GLOB_OPTIONS, gitignore: rules.gitignore };
  if (kind === 'file') {
    if (!isSourceFile(path)) return { skipped: 'not a file type axag reads' };
    if (isInNodeModules(path, cwd)) return { skipped: 'inside node_modules' };
    if (rules.ignores(path)) return { skipped: 'matched by ignorePatterns' };
    return { found: [path], ignored: 0, kind };
  }
  if (kind === 'directory') {
    return { ...notIgnored(await walkDirectory(path, resolver.forDirectory(path), globOptions), rules), kind };
  }
  if (!isDynamicPattern(pattern)) {
    if (errorOnUnmatched) throw new FatalError(`no such file or directory: ${pattern}`);
    return { found: [], ignored: 0, kind: 'file' };
  }
  const matches = await globby(pattern, { ...globOptions, cwd });
  const optInNamed = namesOptInExtension(pattern);
  return { ...notIgnored(matches.filter((file) => optInNamed || !isOptInSource(file)), rules), kind: 'glob' };
}

/**
 * The files in `dir` that the config's `include` globs match. The globs are
 * relative to the config's directory; `**\/…` globs are narrowed to `dir` so
 * that linting a subdirectory does not walk its siblings.
 */
async function walkDirectory(dir: string, config: ResolvedConfig, globOptions: typeof GLOB_OPTIONS | { gitignore: boolean }): Promise<string[]> {
  const within = isInside(dir, config.baseDir) ? relative(config.baseDir, dir) : undefined;
  if (within === undefined) return globby(config.include, { ...GLOB_OPTIONS, ...globOptions, cwd: dir });
  const prefix = within === '' ? '' : `${convertPathToPattern(within.split(sep).join('/'))}/`;
  const globs = config.include.map((glob) => {
    const negated = glob.startsWith('!');
    const body = negated ? glob.slice(1) : glob;
    return body.startsWith('**/') ? `${negated ? '!' : ''}${prefix}${body}` : glob;
  });
  const found = await globby(globs, { ...GLOB_OPTIONS, ...globOptions, cwd: config.baseDir });
  return found.filter((file) => isInside(file, dir));
}

/** A glob whose last segment names `.md`/`.mdx` (`*.md`, `*.{md,mdx}`) asks for Markdown; `src/**` does not. */
function namesOptInExtension(glob: string): boolean {
  return /(?:^|[.{,])mdx?(?:$|[},])/i.test(glob.slice(glob.lastIndexOf('/') + 1));
}

function readable(files: string[]): string[] {
  return files.filter(isSourceFile);
}

function notIgnored(files: string[], rules: IgnoreRules): { found: string[]; ignored: number } {
  const candidates = readable(files);
  const found = candidates.filter((file) => !rules.ignores(file));
  return { found, ignored: candidates.length - found.length };
}

type IgnoreSource = Pick<ResolvedConfig, 'baseDir' | 'ignorePatterns'>;
const matchers = new WeakMap<IgnoreSource, (path: string) => boolean>();

/**
 * Whether a config's `ignorePatterns` (relative to its directory) cover the
 * file. As in .gitignore, a pattern naming a directory covers everything in it,
 * and a `!pattern` takes files back.
 */
export function isIgnored(file: string, config: IgnoreSource): boolean {
  if (config.ignorePatterns.length === 0 || !isInside(file, config.baseDir)) return false;
  let matcher = matchers.get(config);
  if (!matcher) {
    const withContents = (globs: string[]) =>
      globs.flatMap((glob) => {
        const trimmed = glob.replace(/\/+$/, '');
        return [trimmed, `${trimmed}/**`];
      });
    const negated = config.ignorePatterns.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
    const ignores = picomatch(withContents(config.ignorePatterns.filter((glob) => !glob.startsWith('!'))), { dot: true });
    const keeps = negated.length > 0 ? picomatch(withContents(negated), { dot: true }) : () => false;
    matcher = (path) => ignores(path) && !keeps(path);
    matchers.set(config, matcher);
  }
  return matcher(relative(config.baseDir, file).split(sep).join('/'));
}

/** node_modules below the working directory (a project that itself lives in one is still linted). */
export function isInNodeModules(path: string, cwd: string): boolean {
  return relative(cwd, path).split(sep).includes('node_modules');
}

function statKind(path: string): 'file' | 'directory' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
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
  return isSourceFile(file) && isInside(file, config.baseDir) && isIncluded(file, config) && !isInNodeModules(file, cwd) && !rules.ignores(file);
}

const includeMatchers = new WeakMap<ResolvedConfig, (path: string) => boolean>();

function isIncluded(file: string, config: ResolvedConfig): boolean {
  let matcher = includeMatchers.get(config);
  if (!matcher) {
    const positive = picomatch(config.include.filter((glob) => !glob.startsWith('!')), { dot: true, nocase: true });
    const negatives = config.include.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
    const negative = negatives.length > 0 ? picomatch(negatives, { dot: true, nocase: true }) : () => false;
    matcher = (path) => positive(path) && !negative(path);
    includeMatchers.set(config, matcher);
  }
  return matcher(relative(config.baseDir, file).split(sep).join('/'));
}
