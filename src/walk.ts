import { lstatSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { enclosingRepository } from './cli/repository-root.js';
import { isInside } from './paths.js';
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
 * Lists the files below directories as git sees them: every `.gitignore` from the repository root (the nearest
 * directory holding `.git`; outside a repository, the working directory) down applies, a deeper one overriding a
 * higher one, and an ignored directory is never entered. Each `.gitignore` is read once per walker, however many
 * directories are walked, so one walker serves a whole run. Symbolic links to files are followed (a loop is
 * reported, not followed); symbolic links to directories are not entered, as git and ESLint do not.
 */
export class Walker {
  private readonly ignoreFiles = new Map<string, Ignore | undefined>();

  constructor(private readonly options: { cwd: string; gitignore: boolean }) {}

  walk(root: string): Walk {
    const walk: Walk = { files: [], irregular: [], unreadable: [] };
    const pending: { dir: string; levels: IgnoreLevel[] }[] = [{ dir: root, levels: this.levelsAbove(root, walk) }];
    while (pending.length > 0) {
      const { dir, levels: above } = pending.pop()!;
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        walk.unreadable.push({ path: dir, reason: `${fileSystemReason(error)}; the files in it are not linted` });
        continue;
      }
      // The listing says whether there is a .gitignore: no file system call for the many directories without one.
      const levels = entries.some((entry) => entry.name === '.gitignore') ? this.withIgnoreFileOf(dir, above, walk) : above;
      for (const entry of entries) {
        const path = join(dir, entry.name);
        const kind = entryKind(entry, path);
        if (kind === 'directory') {
          if (!NEVER_WALKED.has(entry.name) && !isIgnored(path, true, levels)) pending.push({ dir: path, levels });
          continue;
        }
        if (kind === 'linked directory' || isIgnored(path, false, levels)) continue;
        if (kind === 'file') walk.files.push(path);
        else walk.irregular.push({ path, reason: kind.reason });
      }
    }
    return walk;
  }

  /** The ignore levels that apply to `root` from its ancestors, up to the repository root. */
  private levelsAbove(root: string, walk: Walk): IgnoreLevel[] {
    if (!this.options.gitignore) return [];
    const top = enclosingRepository(root) ?? (isInside(root, this.options.cwd) ? this.options.cwd : root);
    const ancestors: string[] = [];
    for (let dir = root; dir !== top && dirname(dir) !== dir; ) {
      dir = dirname(dir);
      ancestors.unshift(dir);
    }
    return ancestors.reduce<IgnoreLevel[]>((levels, dir) => this.withIgnoreFileOf(dir, levels, walk), []);
  }

  private withIgnoreFileOf(dir: string, levels: IgnoreLevel[], walk: Walk): IgnoreLevel[] {
    if (!this.options.gitignore) return levels;
    if (!this.ignoreFiles.has(dir)) this.ignoreFiles.set(dir, readIgnoreFile(join(dir, '.gitignore'), walk));
    const rules = this.ignoreFiles.get(dir);
    return rules ? [...levels, { dir, rules }] : levels;
  }
}

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
  return ignore().add(text);
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

/** As git decides: the deepest .gitignore with a pattern for the path (or one of its directories) wins. */
function isIgnored(path: string, isDirectory: boolean, levels: readonly IgnoreLevel[]): boolean {
  for (let i = levels.length - 1; i >= 0; i--) {
    const { dir, rules } = levels[i]!;
    const rel = relative(dir, path).split(sep).join('/');
    const { ignored, unignored } = rules.test(isDirectory ? `${rel}/` : rel);
    if (ignored) return true;
    if (unignored) return false;
  }
  return false;
}
