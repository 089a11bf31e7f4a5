import { isAbsolute, relative, resolve, sep } from 'node:path';

/** A path as users see it: relative to `cwd`, with `/` separators. */
export function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path) || '.';
  return sep === '/' ? shown : shown.split(sep).join('/');
}

export function absolute(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/** Whether `path` is `dir` or inside it. */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  // `..weird.html` is inside; `..` and `../x` are not.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
