import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository whose root CI paths are relative to: the nearest directory
 * holding `.git` (a directory, or a file in worktrees and submodules) above the
 * first linted file, else above the working directory, else the working
 * directory itself. The files come first: `axag lint ../other-repo` reports
 * paths of the repository they are in.
 */
export function repositoryRoot(cwd: string, paths: readonly string[]): string {
  return (paths[0] !== undefined ? enclosingRepository(dirname(paths[0])) : undefined) ?? enclosingRepository(cwd) ?? cwd;
}

/** The nearest directory at or above `start` that holds `.git`. */
export function enclosingRepository(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
