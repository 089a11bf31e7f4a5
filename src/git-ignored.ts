import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';

/**
 * Variables that point git at another repository or index (a hook sets them for the repository that runs it):
 * the listing must be that of the repository named by its directory, also for a nested one.
 */
const REPOSITORY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_PREFIX'];

/**
 * What git ignores in the work tree at `top`, as git itself decides it (`.gitignore` files at every level,
 * `.git/info/exclude`, `core.excludesFile` and the global excludes file): paths relative to `top` with `/`
 * separators, a directory ignored as a whole as `dir/` (git does not list its contents). Tracked files are never in
 * it, even when a pattern matches them. One git call per repository; undefined when git cannot say (not installed,
 * not a work tree, a repository git refuses to read), so that the caller falls back to reading `.gitignore` files.
 */
export function gitIgnoredPaths(top: string): ReadonlySet<string> | undefined {
  const env = { ...process.env };
  for (const name of REPOSITORY_VARIABLES) delete env[name];
  // A `.git` at `top` that is not a repository must not send git looking above it, into another repository.
  env.GIT_CEILING_DIRECTORIES = dirname(top);
  const result = spawnSync('git', ['ls-files', '--others', '--ignored', '--exclude-standard', '--directory', '-z'], {
    cwd: top,
    env,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error || result.status !== 0) return undefined;
  return new Set(result.stdout.split('\0').filter(Boolean));
}
