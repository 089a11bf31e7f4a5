import { lstatSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { Ignore } from 'ignore';
import { enclosingRepository } from './cli/repository-root.js';
import { isInside, relativePath } from './paths.js';
import { gitIgnoredPaths } from './git-ignored.js';
import { fileSystemReason, notRegularFile, readTextFile, UnreadableFileError } from './text-file.js';

/**
 * Directories no walk enters, at any depth: version control (git, Mercurial, Subversion, Jujutsu), dependencies,
 * and Yarn's own folder (its release bundles, plugins, cache and unplugged packages are not the project's code).
 */
export const NEVER_WALKED: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', '.jj', '.yarn']);

/** A path the walk could not take in, and why (in words). */
export interface WalkProblem {
  path: string;
  reason: string;
}

export interface Walk {
  /** Regular files, and symbolic links to regular files (by the link's own path). */
  files: string[];
  /**
   * Entries that are not regular files although they may be named like one: a FIFO, a device, a socket, a symbolic
   * link that is broken or loops. Whether they matter depends on whether they would have been linted.
   */
  irregular: WalkProblem[];
  /** Directories and .gitignore files that could not be read; the reason says what that leaves out. */
  unreadable: WalkProblem[];
}

interface IgnoreLevel {
  dir: string;
  rules: Ignore;
}

/**
 * How a part of the walk decides what is ignored: git's own listing of the repository at `top`; or, where git
 * cannot give one, the `.gitignore` files read level by level; or nothing (`--no-ignore`). A directory holding
 * `.git` below `top` (a submodule, a nested repository) is another repository, with a view of its own.
 */
type IgnoreView = { kind: 'none' } | RepositoryView;
type RepositoryView = { kind: 'git'; top: string; ignored: ReadonlySet<string> } | { kind: 'files'; top: string | undefined; levels: IgnoreLevel[] };

const NO_IGNORES: IgnoreView = { kind: 'none' };

/**
 * Lists the files below directories, leaving out what git ignores. Inside a git work tree git itself says what
 * that is (one `git ls-files` per repository and walker: nested `.gitignore` files, `.git/info/exclude`, the global
 * excludes file; a tracked file is never ignored); where git cannot say (no git, not a work tree), every `.gitignore`
 * from the repository root (the nearest directory holding `.git`; outside a repository, the working directory)
 * down applies, a deeper one overriding a higher one, each read once per walker. An ignored directory is never
 * entered. Symbolic links to files are followed (a loop is reported, not followed); symbolic links to directories
 * are not entered, as git and ESLint do not.
 */
export class Walker {
  private readonly ignoreFiles = new Map<string, Ignore | undefined>();
  private readonly gitListings = new Map<string, ReadonlySet<string> | undefined>();

  constructor(private readonly options: { cwd: string; gitignore: boolean }) {}

  walk(root: string): Walk {
    const walk: Walk = { files: [], irregular: [], unreadable: [] };
    const start = this.viewAt(root, walk);
    if (start === 'ignored') return walk;
    const pending: { dir: string; view: IgnoreView }[] = [{ dir: root, view: start }];
    while (pending.length > 0) {
      const { dir, view: above } = pending.pop()!;
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        walk.unreadable.push({ path: dir, reason: `${fileSystemReason(error)}; the files in it are not linted` });
        continue;
      }
      const view = this.viewIn(dir, entries, above, walk);
      for (const entry of entries) {
        const path = join(dir, entry.name);
        const kind = entryKind(entry, path);
        if (kind === 'directory') {
          if (!NEVER_WALKED.has(entry.name) && !isIgnored(path, true, view)) pending.push({ dir: path, view });
          continue;
        }
        if (kind === 'linked directory' || isIgnored(path, false, view)) continue;
        if (kind === 'file') walk.files.push(path);
        else walk.irregular.push({ path, reason: kind.reason });
      }
    }
    return walk;
  }

  /** The view that applies to `root`, or `ignored` when git ignores the root itself or a directory above it. */
  private viewAt(root: string, walk: Walk): IgnoreView | 'ignored' {
    if (!this.options.gitignore) return NO_IGNORES;
    const repository = enclosingRepository(root);
    const top = repository ?? (isInside(root, this.options.cwd) ? this.options.cwd : root);
    const view = this.repositoryView(top, repository !== undefined);
    if (view.kind === 'git') {
      // git lists an ignored directory as a whole, not its files.
      for (let dir = root; dir !== view.top && isInside(dir, view.top); dir = dirname(dir)) {
        if (view.ignored.has(`${below(view.top, dir)}/`)) return 'ignored';
      }
      return view;
    }
    const ancestors: string[] = [];
    for (let dir = root; dir !== top && dirname(dir) !== dir; ) {
      dir = dirname(dir);
      ancestors.unshift(dir);
    }
    const levels = ancestors.reduce<IgnoreLevel[]>((levels, dir) => this.withIgnoreFileOf(dir, levels, walk), []);
    return { ...view, levels };
  }

  /** The view for the entries of `dir`: another repository's when `dir` holds `.git`; with its .gitignore read. */
  private viewIn(dir: string, entries: readonly Dirent[], view: IgnoreView, walk: Walk): IgnoreView {
    if (view.kind === 'none') return view;
    // The listing says whether there is a .git or a .gitignore: no file system call for the many directories without.
    const here = dir !== view.top && entries.some((entry) => entry.name === '.git') ? this.repositoryView(dir, true) : view;
    if (here.kind !== 'files' || !entries.some((entry) => entry.name === '.gitignore')) return here;
    return { ...here, levels: this.withIgnoreFileOf(dir, here.levels, walk) };
  }

  /** git's view of the repository at `top`, else the `.gitignore` files from `top` down (none read yet). */
  private repositoryView(top: string, isRepository: boolean): RepositoryView {
    if (isRepository) {
      if (!this.gitListings.has(top)) this.gitListings.set(top, gitIgnoredPaths(top));
      const ignored = this.gitListings.get(top);
      if (ignored) return { kind: 'git', top, ignored };
    }
    return { kind: 'files', top: isRepository ? top : undefined, levels: [] };
  }

  private withIgnoreFileOf(dir: string, levels: IgnoreLevel[], walk: Walk): IgnoreLevel[] {
    if (!this.ignoreFiles.has(dir)) this.ignoreFiles.set(dir, readIgnoreFile(join(dir, '.gitignore'), walk));
    const rules = this.ignoreFiles.get(dir);
    return rules ? [...levels, { dir, rules }] : levels;
  }
}

/** The ignore package, required when a walk first meets a .gitignore that git could not read for it. */
let ignoreLibrary: typeof import('ignore') | undefined;

/** The rules of a .gitignore, if there is one; one that exists but cannot be read is reported (its files might be linted by mistake). */
function readIgnoreFile(path: string, walk: Walk): Ignore | undefined {
  let text: string;
  try {
    text = readTextFile(path);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    if (error.code !== 'ENOENT' && error.code !== 'ENOTDIR') walk.unreadable.push({ path, reason: `${error.reason}; its rules are not applied` });
    return undefined;
  }
  ignoreLibrary ??= createRequire(import.meta.url)('ignore') as typeof import('ignore');
  return ignoreLibrary().add(text);
}

type EntryKind = 'file' | 'directory' | 'linked directory' | { reason: string };

function entryKind(entry: Dirent, path: string): EntryKind {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  let stats: Stats;
  try {
    // A symbolic link is judged by its target; an entry of unknown type (some file systems) by itself.
    stats = entry.isSymbolicLink() ? statSync(path) : lstatSync(path);
  } catch (error) {
    return { reason: `it is a symbolic link that cannot be followed: ${fileSystemReason(error)}` };
  }
  if (stats.isDirectory()) return entry.isSymbolicLink() ? 'linked directory' : 'directory';
  const irregular = notRegularFile(stats);
  return irregular ? { reason: irregular } : 'file';
}

function isIgnored(path: string, isDirectory: boolean, view: IgnoreView): boolean {
  if (view.kind === 'none') return false;
  if (view.kind === 'git') return view.ignored.has(isDirectory ? `${below(view.top, path)}/` : below(view.top, path));
  // As git decides: the deepest .gitignore with a pattern for the path (or one of its directories) wins.
  const { levels } = view;
  for (let i = levels.length - 1; i >= 0; i--) {
    const { dir, rules } = levels[i]!;
    const { ignored, unignored } = rules.test(isDirectory ? `${below(dir, path)}/` : below(dir, path));
    if (ignored) return true;
    if (unignored) return false;
  }
  return false;
}

/** `path`, inside `dir`, relative to it with `/` separators. */
function below(dir: string, path: string): string {
  const rel = relativePath(dir, path);
  return sep === '/' ? rel : rel.split(sep).join('/');
}
