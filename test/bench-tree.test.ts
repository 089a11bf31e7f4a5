/**
 * The benchmark's generated tree (bench/tree.mjs): the same seed writes the same bytes, and the tree is the one
 * issue 11 describes. And the floor (bench/floor.mjs) split into parts reads each file of it once.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isTreeSource, treeFiles } from '../bench/tree.mjs';

const digest = (files: number, seed: number) => {
  const hash = createHash('sha256');
  for (const [path, content] of treeFiles({ files, seed })) hash.update(`${path}\0${content}\0`);
  return hash.digest('hex');
};

describe('the benchmark tree', () => {
  it('is the same, byte for byte, for the same seed, and another for another seed', () => {
    expect(digest(12, 7)).toBe(digest(12, 7));
    expect(digest(12, 8)).not.toBe(digest(12, 7));
  });

  it('holds HTML pages of 20–60 KB and TSX components of 3–15 KB, 40% of them without annotations, and noise around them', () => {
    const all = [...treeFiles({ files: 200, seed: 3 })];
    const sources = all.filter(([path]) => isTreeSource(path));
    const pages = sources.filter(([path]) => path.endsWith('.html'));
    const components = sources.filter(([path]) => path.endsWith('.tsx'));
    expect([pages.length, components.length]).toEqual([100, 100]);
    const sizes = (files: [string, string][]) => files.map(([, text]) => Buffer.byteLength(text));
    expect(Math.min(...sizes(pages))).toBeGreaterThanOrEqual(20_000);
    expect(Math.max(...sizes(pages))).toBeLessThanOrEqual(60_000);
    expect(Math.min(...sizes(components))).toBeGreaterThanOrEqual(3_000);
    expect(Math.max(...sizes(components))).toBeLessThanOrEqual(15_000);
    const plain = sources.filter(([, text]) => !/\baxag\b/i.test(text)).length / sources.length;
    expect(plain).toBeGreaterThan(0.3);
    expect(plain).toBeLessThan(0.5);
    const macro = sources.filter(([, text]) => text.includes(' axag="')).length;
    const longhand = sources.filter(([, text]) => text.includes(' axag-intent="')).length;
    expect(macro).toBeGreaterThan(0);
    expect(longhand).toBeGreaterThan(0);
    const noise = all.filter(([path]) => !isTreeSource(path)).map(([path]) => path.split('/')[0]);
    expect(new Set(noise)).toEqual(new Set(['.gitignore', 'package.json', 'node_modules', 'dist', 'coverage', 'src', 'debug.log']));
  });
});

describe('the floor split into parts', () => {
  const FLOOR = fileURLToPath(new URL('../bench/floor.mjs', import.meta.url));
  const tree = mkdtempSync(join(tmpdir(), 'axag-floor-'));
  afterAll(() => rmSync(tree, { recursive: true, force: true }));
  for (const [path, content] of treeFiles({ files: 30, seed: 5 })) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), content);
  }
  const floor = (...args: string[]) => JSON.parse(execFileSync(process.execPath, [FLOOR, tree, ...args], { encoding: 'utf8' })) as Record<string, number>;

  it('reads and parses each file in exactly one part, and --split sums the parts run at once', () => {
    const whole = floor();
    expect(whole.files).toBe(30);
    const parts = ['1/3', '2/3', '3/3'].map((part) => floor('--part', part));
    for (const part of parts) expect(part.files).toBe(10);
    for (const key of Object.keys(whole)) expect(parts.reduce((sum, part) => sum + part[key]!, 0)).toBe(whole[key]);
    expect(floor('--split', '3')).toEqual(whole);
  });
});
