import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FatalError } from '../errors.js';

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

/** `--staged`: the files added, copied, modified or renamed in the index, with their staged text. */
export function stagedFiles(cwd: string): { path: string; text: string }[] {
  const top = repositoryTop(cwd, '--staged');
  return paths(git(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'], top, '--staged')).map((file) => ({
    path: join(top, file),
    text: git(['show', `:${file}`], top, '--staged'),
  }));
}

/** `--changed-since <ref>`: files changed since `ref`: committed, staged, unstaged and untracked (not deleted). */
export function changedFiles(cwd: string, ref: string): string[] {
  const flag = `--changed-since ${ref}`;
  const top = repositoryTop(cwd, flag);
  const known = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: top, encoding: 'utf8' });
  if (known.status !== 0) throw new FatalError(`${flag}: no commit named "${ref}" in this repository (a branch, tag or commit id is expected)`);
  const changed = paths(git(['diff', '--name-only', '--diff-filter=ACMR', '-z', ref], top, flag));
  const untracked = paths(git(['ls-files', '--others', '--exclude-standard', '-z'], top, flag));
  return [...new Set([...changed, ...untracked])].map((file) => join(top, file));
}
