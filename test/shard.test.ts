/**
 * `--shard <i>/<n>` (issue 11, scope 6): the shards of a run partition its files exactly, by a hash of the path
 * relative to the repository (so not by the order of the paths given, nor by the working directory), every format
 * works per shard, and SARIF gives each shard a category of its own. Runs the BUILT binary.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { assertBuilt, assertCleanTempAncestors, axag, project, removeProjects } from './cli-helpers.js';

beforeAll(() => {
  assertBuilt();
  assertCleanTempAncestors();
});
afterAll(() => removeProjects());

const WARN = '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low">Add</button>\n';

/** 45 files in nested directories, some with names outside ASCII; `.git` marks the repository root. */
function generatedTree(): string {
  const files: Record<string, string> = { '.git/HEAD': 'ref: refs/heads/main\n' };
  for (let i = 0; i < 45; i++) {
    const dir = ['', 'pages/', 'pages/cart/', 'components/', 'components/forms/é/'][i % 5];
    files[`${dir}${i % 7 === 0 ? `naïve-${i}` : `file-${i}`}.${['html', 'tsx', 'vue'][i % 3]}`] = i % 3 === 1 ? `export const C = () => <div>${WARN}</div>;\n` : WARN;
  }
  return project(files);
}

async function lintedFiles(cwd: string, args: string[]): Promise<string[]> {
  const result = await axag(['lint', '-f', 'json', ...args], { cwd, env: { GIT_CEILING_DIRECTORIES: join(cwd, '..') } });
  if (result.code !== 0 || result.stderr !== '') throw new Error(`axag lint ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { files: { path: string }[] }).files.map((file) => file.path);
}

// Sequential, with room: a dozen runs of the binary each, on a machine that may be busy.
describe('--shard', () => {
  it('for n = 1 to 4 the shards partition the files exactly: together all of them, no file in two', async ({ expect }) => {
    const cwd = generatedTree();
    const all = await lintedFiles(cwd, []);
    expect(all).toHaveLength(45);
    for (const count of [1, 2, 3, 4]) {
      const shards = await Promise.all(Array.from({ length: count }, (_, i) => lintedFiles(cwd, ['--shard', `${i + 1}/${count}`])));
      expect(shards.flat().sort()).toEqual([...all].sort());
      expect(new Set(shards.flat()).size).toBe(all.length);
      // A fair hash: no shard of 45 files is empty or holds nearly all of them.
      for (const shard of shards) expect(shard.length).toBeGreaterThan(45 / count / 3);
    }
  }, 300_000);

  it('a file\'s shard is the documented hash of its repository path: the same whatever the paths given, their order, or the working directory', async ({ expect }) => {
    const cwd = generatedTree();
    // README: the first four bytes of the SHA-1 of the path (relative to the repository, `/` separators, UTF-8,
    // NFC), read as a big-endian number, modulo n, pick shard (that number + 1).
    const shardOf = (path: string, count: number) => (createHash('sha1').update(path.normalize('NFC')).digest().readUInt32BE(0) % count) + 1;
    const all = await lintedFiles(cwd, []);
    const second = await lintedFiles(cwd, ['--shard', '2/3']);
    expect(second).toEqual(all.filter((path) => shardOf(path, 3) === 2));
    expect(await lintedFiles(cwd, ['--shard', '2/3', 'pages', 'components', '.'])).toEqual(second);
    expect(await lintedFiles(cwd, ['--shard', '2/3', 'components', 'pages'])).toEqual(second.filter((path) => /^(components|pages)\//.test(path)));
    // From a subdirectory, paths are still hashed relative to the repository (reports show them relative to the cwd).
    const inPages = await lintedFiles(join(cwd, 'pages'), ['--shard', '2/3']);
    expect(inPages.map((path) => `pages/${path}`)).toEqual(second.filter((path) => path.startsWith('pages/')));
  }, 300_000);

  it('every shard\'s SARIF run has its own runAutomationDetails.id (a category); an unsharded run has none', async ({ expect }) => {
    const cwd = generatedTree();
    const sarif = async (args: string[]) => {
      const result = await axag(['lint', '-f', 'sarif', ...args], { cwd });
      expect(result.code).toBe(0);
      return (JSON.parse(result.stdout) as { runs: { automationDetails?: { id: string }; results: unknown[] }[] }).runs[0]!;
    };
    const runs = await Promise.all(['1/3', '2/3', '3/3'].map((shard) => sarif(['--shard', shard])));
    expect(runs.map((run) => run.automationDetails?.id)).toEqual(['axag/shard-1-of-3/', 'axag/shard-2-of-3/', 'axag/shard-3-of-3/']);
    const unsharded = await sarif([]);
    expect(unsharded.automationDetails).toBeUndefined();
    expect(unsharded.results.length).toBeGreaterThan(0);
    expect(runs.reduce((sum, run) => sum + run.results.length, 0)).toBe(unsharded.results.length);
  }, 300_000);

  it('a shard with no file is not an error: exit 0, an empty report', async ({ expect }) => {
    const cwd = project({ 'only.html': WARN });
    const results = await Promise.all(['1/4', '2/4', '3/4', '4/4'].map((shard) => axag(['lint', '--shard', shard], { cwd })));
    expect(results.map((result) => result.code)).toEqual([0, 0, 0, 0]);
    expect(results.filter((result) => result.stdout === '')).toHaveLength(3);
    expect(results.every((result) => result.stderr === '')).toBe(true);
  }, 300_000);

  it.for([
    ['0/4', "axag: error: option '--shard <i/n>' argument '0/4' is invalid. the shard index counts from 1 to 4, e.g. 1/4\n"],
    ['5/4', "axag: error: option '--shard <i/n>' argument '5/4' is invalid. the shard index counts from 1 to 4, e.g. 1/4\n"],
    ['1/0', "axag: error: option '--shard <i/n>' argument '1/0' is invalid. the number of shards must be 1 or more, e.g. 1/4\n"],
    ['2', "axag: error: option '--shard <i/n>' argument '2' is invalid. expected <index>/<count>, e.g. 2/4 for the second of four shards\n"],
  ])('--shard %s: exit 2 with what is expected', async ([value, message], { expect }) => {
    expect(await axag(['lint', '--shard', value!], { cwd: project({ 'a.html': WARN }) })).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('--shard with --stdin: exit 2, one text cannot be split', async ({ expect }) => {
    const result = await axag(['lint', '--stdin', '--shard', '1/2'], { cwd: project(), input: WARN });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'axag: --shard splits the files of a run, and --stdin lints one text: drop one of them\n' });
  });
});
