import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FatalError } from '../errors.js';
import { displayPath } from '../paths.js';
import { decodeText, UnreadableFileError } from '../text-file.js';

/** Runs git in `cwd`; a failure is a usage error naming the flag that needed git. */
function git(args: readonly string[], cwd: string, flag: string): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw new FatalError(`${flag} needs git, which could not be run (${(result.error as NodeJS.ErrnoException).code})`);
  if (result.status !== 0) {
    const reason = result.stderr.trim().split('\n')[0] ?? '';
    if (/not a git repository/i.test(reason)) throw new FatalError(`${flag} needs a git repository, and ${cwd} is not in one`);
    throw new FatalError(`${flag}: git ${args[0]} failed: ${reason}`);
  }
  return result.stdout;
}

const paths = (output: string) => output.split('\0').filter(Boolean);

export function repositoryTop(cwd: string, flag: string): string {
  return git(['rev-parse', '--show-toplevel'], cwd, flag).trim();
}

/** A file to lint with its staged text. */
export interface StagedFile {
  path: string;
  text: string;
}

/**
 * `--staged`: the files added, copied or modified in the index that `wanted` picks, with their staged text (a
 * rename is an added file). Two git calls whatever the number of files: one lists them with their blob ids, one
 * (`git cat-file --batch`) reads every blob, as bytes, decoded as files on disk are. A staged symbolic link holds
 * only the name of its target: the file it points to is read from the working tree. Blobs that are not text are
 * returned as problems, in words.
 */
export function stagedFiles(cwd: string, wanted: (path: string) => boolean): { files: (StagedFile | string)[]; problems: string[] } {
  const flag = '--staged';
  const top = repositoryTop(cwd, flag);
  const listing = git(['diff', '--cached', '--raw', '-z', '--no-renames', '--no-abbrev', '--diff-filter=ACM'], top, flag).split('\0');
  const blobs: { path: string; id: string }[] = [];
  const links: string[] = [];
  // Each change is `:<old mode> <new mode> <old id> <new id> <status>` then the path.
  for (let i = 0; i + 1 < listing.length; i += 2) {
    const [, mode, id] = /^:\d+ (\d+) \w+ (\w+) /.exec(listing[i]!) ?? [];
    const path = join(top, listing[i + 1]!);
    if (mode === undefined || id === undefined || !wanted(path)) continue;
    if (mode === SYMBOLIC_LINK) links.push(path);
    else if (mode.startsWith('100')) blobs.push({ path, id });
    // Anything else is a submodule's commit: its files belong to that repository.
  }
  const contents = blobs.length === 0 ? [] : readBlobs(blobs.map(({ id }) => id), top, flag);
  const files: (StagedFile | string)[] = [...links];
  const problems: string[] = [];
  blobs.forEach(({ path }, i) => {
    try {
      files.push({ path, text: decodeText(contents[i]!) });
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      problems.push(`${displayPath(path, cwd)}: cannot read the staged file: ${error.reason}`);
    }
  });
  return { files, problems };
}

const SYMBOLIC_LINK = '120000';

/** The bytes of each blob, in order, from one `git cat-file --batch`. */
function readBlobs(ids: readonly string[], top: string, flag: string): Buffer[] {
  const result = spawnSync('git', ['cat-file', '--batch'], { cwd: top, input: `${ids.join('\n')}\n`, maxBuffer: 4 * 1024 ** 3 });
  if (result.error) throw new FatalError(`${flag} needs git, which could not be run (${(result.error as NodeJS.ErrnoException).code})`);
  if (result.status !== 0) throw new FatalError(`${flag}: git cat-file failed: ${result.stderr.toString().trim().split('\n')[0] ?? ''}`);
  const output = result.stdout;
  const blobs: Buffer[] = [];
  let at = 0;
  for (const id of ids) {
    // `<id> blob <size>\n<bytes>\n`, or `<id> missing\n`.
    const headerEnd = output.indexOf(0x0a, at);
    const header = output.toString('utf8', at, headerEnd).split(' ');
    if (header[0] !== id || header[1] !== 'blob') throw new FatalError(`${flag}: git cat-file could not read the staged blob ${id} (${header.slice(1).join(' ')})`);
    const size = Number(header[2]);
    blobs.push(output.subarray(headerEnd + 1, headerEnd + 1 + size));
    at = headerEnd + 1 + size + 1;
  }
  return blobs;
}

/**
 * `--changed-since <ref>`: files changed since `ref`: committed, staged, unstaged and untracked (not deleted). As
 * Jest's `--changedSince`, commits count from where HEAD's history meets `ref`'s (their merge base), so what `ref`
 * gained since a branch forked from it is not taken for a change of the branch. A clone too shallow to hold that
 * point is compared with `ref` itself, with a note saying so.
 */
export function changedFiles(cwd: string, ref: string): { files: string[]; note?: string } {
  const flag = `--changed-since ${ref}`;
  const top = repositoryTop(cwd, flag);
  const known = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: top, encoding: 'utf8' });
  if (known.status !== 0) throw new FatalError(`${flag}: no commit named "${ref}" in this repository (a branch, tag or commit id is expected)`);
  const commit = known.stdout.trim();
  const base = spawnSync('git', ['merge-base', commit, 'HEAD'], { cwd: top, encoding: 'utf8' });
  const since = base.status === 0 ? base.stdout.trim() : commit;
  const note = base.status === 0 ? undefined : noMergeBase(flag, ref, top);
  const changed = paths(git(['diff', '--name-only', '--diff-filter=ACMR', '-z', since], top, flag));
  const untracked = paths(git(['ls-files', '--others', '--exclude-standard', '-z'], top, flag));
  return { files: [...new Set([...changed, ...untracked])].map((file) => join(top, file)), ...(note && { note }) };
}

/** Why `ref` itself is what HEAD is compared with: HEAD has no commit yet, or none in common with `ref` here. */
function noMergeBase(flag: string, ref: string, top: string): string {
  const head = spawnSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: top, encoding: 'utf8' });
  if (head.status !== 0) return `${flag}: HEAD has no commit yet, so the files that differ from ${ref} are linted`;
  return `${flag}: this clone holds no commit that both HEAD and ${ref} descend from (a shallow clone?), so the files that differ from ${ref} are linted, also those only ${ref} changed; fetch more history (actions/checkout: fetch-depth: 0) to lint only what this branch changed`;
}
