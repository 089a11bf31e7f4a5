/** relativePath: path.relative, answered at once when one path is written below the other. */
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativePath } from '../src/paths.js';

describe('relativePath', () => {
  it.each([
    ['/a/b', '/a/b/c/d.html'],
    ['/a/b', '/a/bc/d'],
    ['/a/b', '/a/b'],
    ['/a/b', '/a/b/'],
    ['/a/b', '/a/b/c/'],
    ['/a/b', '/a/b/./c'],
    ['/a/b', '/a/b//c'],
    ['/a/b', '/a/b/../c'],
    ['/a/b', '/a/b/c/..'],
    ['/a/b', '/a/b/.hidden/x'],
    ['/a/b', '/a/b/..weird.html'],
    ['/a/b/', '/a/b/c'],
    ['/', '/x/y'],
    ['/a/../b', '/a/../b/c'],
    ['/x', '/a/b'],
    ['rel', 'rel/x'],
  ])('from %s to %s is what path.relative says', (from, to) => {
    expect(relativePath(from, to)).toBe(relative(from, to));
  });
});
