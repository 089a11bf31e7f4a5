import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository whose root CI paths are relative to: the nearest directory
 * holding `.git` (a directory, or a file in worktrees and submodules) above the
 * working directory, else above the first linted path, else the working directory.
 */
export function repositoryRoot(cwd: string, paths: readonly string[]): string {
  return enclosingRepository(cwd) ?? (paths[0] !== undefined ? enclosingRepository(dirname(paths[0])) : undefined) ?? cwd;
}

function enclosingRepository(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
