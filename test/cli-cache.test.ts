/**
 * Issue 11, `--cache`: a file is linted again only when its content, the config that applies to it, the manifest,
 * the options that change findings or the axag version changed; the checks across files still see every file;
 * a cache file that is not an axag cache is ignored with a note, never a crash, and rewritten. `--debug` says how
 * many results were reused: the observable that proves a file was not linted again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, axag, project, removeProjects, ROOT, type RunResult } from './cli-helpers.js';

beforeAll(assertBuilt);
afterAll(removeProjects);

const INJECT = pathToFileURL(join(ROOT, 'test', 'support', 'inject-failures.mjs')).href;
const MANIFEST =
  'version: "1.1.0"\ngenerated_at: "2026-01-01T00:00:00Z"\nsource: {}\nconformance: basic\nactions:\n' +
  '  - { intent: cart.view, entity: cart, action_type: read, description: d }\n';
const view = (extra = '') => `<button axag-intent="cart.view" axag-entity="cart" axag-action-type="read"${extra}>View</button>\n`;
const write = '<button axag-intent="order.cancel" axag-entity="order" axag-action-type="write" axag-risk-level="low">Cancel</button>\n';

function shop(): string {
  return project({
    '.axag-lint.json': JSON.stringify({ manifestPath: 'axag-manifest.yaml', rules: { 'axag/duplicate-intent': 'error' } }),
    'axag-manifest.yaml': MANIFEST,
    'a.html': view(),
    'b.html': write,
    'c.html': '<p>no annotations</p>\n',
  });
}

/** `reused N, linted M` from the --debug line of a run with --cache. */
function cacheUse(result: RunResult): string {
  const match = /axag debug: cache: reused the results of (\d+) files?, linted (\d+) files?\n/.exec(result.stderr);
  if (!match) throw new Error(`no cache line in:\n${result.stderr}`);
  return `reused ${match[1]}, linted ${match[2]}`;
}

const lintCached = (cwd: string, args: string[] = [], extra: { env?: Record<string, string>; nodeArgs?: string[] } = {}) =>
  axag(['lint', '--cache', '--debug', '-f', 'json', ...args], { cwd, ...extra });

const cacheFiles = (cwd: string) => readdirSync(join(cwd, 'node_modules', '.cache', 'axag'));

describe('--cache', () => {
  it('a second run reuses every result, also of a file touched but not changed; the report is the same', async () => {
    const cwd = shop();
    const first = await lintCached(cwd);
    expect(cacheUse(first)).toBe('reused 0, linted 3');
    expect(first.code).toBe(0);
    expect(cacheFiles(cwd)).toEqual([expect.stringMatching(/^lint-[0-9a-f]{8}\.json$/)]);
    const second = await lintCached(cwd);
    expect(cacheUse(second)).toBe('reused 3, linted 0');
    expect(second.stdout).toBe(first.stdout);
    expect(second.code).toBe(first.code);
    utimesSync(join(cwd, 'a.html'), new Date(), new Date(Date.now() + 5000));
    expect(cacheUse(await lintCached(cwd))).toBe('reused 3, linted 0');
    // Without --cache, every file is linted and no cache is read.
    expect((await axag(['lint', '--debug', '-f', 'json'], { cwd })).stdout).toBe(first.stdout);
  });

  it('lints a changed file again, and the checks across files see it with the cached ones', async () => {
    const cwd = shop();
    await lintCached(cwd);
    writeFileSync(join(cwd, 'b.html'), `${write}${view(' axag-scope="user"')}`);
    const changed = await lintCached(cwd);
    expect(cacheUse(changed)).toBe('reused 2, linted 1');
    const findings = JSON.parse(changed.stdout).files.flatMap((file: { path: string; findings: { ruleId: string }[] }) => file.findings.map((finding) => `${file.path} ${finding.ruleId}`));
    expect(findings).toContain('b.html axag/duplicate-intent');
    expect(findings.filter((finding: string) => !finding.startsWith('b.html '))).toEqual([]);
    expect(changed.code).toBe(1);
    // The cached a.html is still the first declaration on the next run.
    const again = await lintCached(cwd);
    expect(cacheUse(again)).toBe('reused 3, linted 0');
    expect(again.stdout).toBe(changed.stdout);
  });

  it('lints every file again when the config, a --rule, --quiet or the manifest changes', async () => {
    const cwd = shop();
    const first = await lintCached(cwd);
    writeFileSync(join(cwd, '.axag-lint.json'), JSON.stringify({ manifestPath: 'axag-manifest.yaml', rules: { 'AXAG-LINT-007': 'error' } }));
    const config = await lintCached(cwd);
    expect(cacheUse(config)).toBe('reused 0, linted 3');
    const severities = JSON.parse(config.stdout).files.flatMap((file: { findings: { ruleId: string; severity: string }[] }) => file.findings.map((finding) => `${finding.ruleId} ${finding.severity}`));
    expect(severities).toContain('AXAG-LINT-007 error');
    expect(config.stdout).not.toBe(first.stdout);
    expect(cacheUse(await lintCached(cwd))).toBe('reused 3, linted 0');

    const rule = await lintCached(cwd, ['--rule', 'AXAG-LINT-007:off']);
    expect(cacheUse(rule)).toBe('reused 0, linted 3');
    expect(rule.code).toBe(0);
    expect(cacheUse(await lintCached(cwd, ['--quiet']))).toBe('reused 0, linted 3');

    writeFileSync(join(cwd, 'axag-manifest.yaml'), MANIFEST.replace('cart.view', 'cart.show'));
    const manifest = await lintCached(cwd);
    expect(cacheUse(manifest)).toBe('reused 0, linted 3');
    const rules = JSON.parse(manifest.stdout).files.flatMap((file: { findings: { ruleId: string }[] }) => file.findings.map((finding) => finding.ruleId));
    expect(rules).toContain('AXAG-LINT-010');
  });

  it('reuses the findings of the checks across files only while the files and the manifest they read are unchanged', async () => {
    const cwd = project({
      '.axag-lint.json': JSON.stringify({ manifestPath: 'axag-manifest.yaml', rules: { 'axag/manifest-unused': 'warn' } }),
      'axag-manifest.yaml': `${MANIFEST}  - { intent: cart.clear, entity: cart, action_type: delete, description: d }\n`,
      'a.html': view(),
    });
    const unused = (result: RunResult) =>
      JSON.parse(result.stdout).files.flatMap((file: { path: string; findings: { ruleId: string; line: number }[] }) =>
        file.findings.filter((finding) => finding.ruleId === 'axag/manifest-unused').map((finding) => `${file.path}:${finding.line}`),
      );
    const first = await lintCached(cwd);
    expect(unused(first)).toEqual(['axag-manifest.yaml:7']);
    expect((await lintCached(cwd)).stdout).toBe(first.stdout);
    // The same actions two lines lower: every file's result still holds, the manifest's finding moves.
    writeFileSync(join(cwd, 'axag-manifest.yaml'), `# generated\n# by hand\n${readFileSync(join(cwd, 'axag-manifest.yaml'), 'utf8')}`);
    const moved = await lintCached(cwd);
    expect(cacheUse(moved)).toBe('reused 1, linted 0');
    expect(unused(moved)).toEqual(['axag-manifest.yaml:9']);
    expect(moved.stdout).toBe((await axag(['lint', '-f', 'json'], { cwd })).stdout);
    // A file that now declares the action: the finding goes.
    writeFileSync(join(cwd, 'b.html'), '<button axag-intent="cart.clear" axag-entity="cart" axag-action-type="delete" axag-idempotent="true">Clear</button>\n');
    expect(unused(await lintCached(cwd))).toEqual([]);
  });

  /** What a cache file's first line holds that decides whether this axag may use it. */
  type Head = { version: string; format: number };
  it.each<[string, (head: Head) => Head, (head: Head) => string]>([
    ['after an axag upgrade (another version in the cache)', (head) => ({ ...head, version: '0.0.1' }), () => 'it was written by axag 0.0.1'],
    // An older layout whose entries this axag would misread (its intent indexes were arrays, not packed strings).
    [
      'when the same version wrote another layout (a build between releases)',
      (head) => ({ ...head, format: head.format - 1 }),
      (head) => `it has the layout of another axag (${head.format - 1})`,
    ],
  ])('lints every file again %s, without a note, and rewrites the cache', async (_when, rewrite, says) => {
    const cwd = shop();
    const first = await lintCached(cwd);
    const [name] = cacheFiles(cwd);
    const path = join(cwd, 'node_modules', '.cache', 'axag', name!);
    // Two lines: the results, then the intent indexes (read only when the checks across files must run again).
    const [head, intents] = readFileSync(path, 'utf8').split('\n');
    const written = JSON.parse(head!) as Head;
    writeFileSync(path, `${JSON.stringify(rewrite(written))}\n${intents}`);
    const again = await lintCached(cwd);
    expect(cacheUse(again)).toBe('reused 0, linted 3');
    expect(again.stderr).toContain('axag debug: cache: node_modules/.cache/axag/');
    expect(again.stderr).toContain(`not used: ${says(written)}\n`);
    expect(again.stderr).not.toContain('axag: note');
    expect(again.stdout).toBe(first.stdout);
    expect(JSON.parse(readFileSync(path, 'utf8').split('\n')[0]!)).toMatchObject({ version: written.version, format: written.format });
  });

  it('a corrupt, cut short or foreign cache file: a one-line note, the right report and exit code, and a cache rewritten', async () => {
    const cwd = shop();
    writeFileSync(join(cwd, 'b.html'), `${write}${view(' axag-scope="user"')}`);
    const first = await lintCached(cwd);
    expect(first.code).toBe(1);
    const [name] = cacheFiles(cwd);
    const path = join(cwd, 'node_modules', '.cache', 'axag', name!);
    const shown = `node_modules/.cache/axag/${name}`;
    const valid = readFileSync(path, 'utf8');
    const intentsAt = valid.indexOf('\n') + 1;
    const cases: [string, string][] = [
      [valid.slice(0, intentsAt / 2), 'it is not valid JSON'],
      [valid.slice(0, intentsAt + (valid.length - intentsAt) / 2), 'its intent indexes are damaged or cut short'],
      [valid.slice(0, intentsAt) + valid.slice(intentsAt).replace('order.cancel', 'order.cancer'), 'its intent indexes are damaged or cut short'],
      ['\u0000\u0001garbage', 'it is not an axag cache file'],
      ['{"version": 3, "files": []}', 'it is not an axag cache file'],
      [valid.replace('"findings":[', '"findings":7,"x":['), 'its entry for '],
    ];
    for (const [text, reason] of cases) {
      writeFileSync(path, text);
      const result = await lintCached(cwd);
      const notes = result.stderr.split('\n').filter((line) => line.startsWith('axag: note'));
      expect(notes).toEqual([expect.stringMatching(new RegExp(`^axag: note: ignored the cache file ${shown}: ${reason}.*; it will be rewritten$`))]);
      expect(cacheUse(result)).toBe('reused 0, linted 3');
      expect(result.stdout).toBe(first.stdout);
      expect(result.code).toBe(1);
      expect(readFileSync(path, 'utf8')).toBe(valid);
    }
  });

  it('a file --cache-location names that is not an axag cache (a typo for a source file, package.json): a note, the right report, and the file kept as it was', async () => {
    const cwd = shop();
    const plain = await axag(['lint', '-f', 'json'], { cwd });
    writeFileSync(join(cwd, 'package.json'), '{"name": "shop"}\n');
    for (const named of ['c.html', 'package.json']) {
      const before = readFileSync(join(cwd, named), 'utf8');
      for (let run = 0; run < 2; run++) {
        const result = await lintCached(cwd, ['--cache-location', named]);
        const notes = result.stderr.split('\n').filter((line) => line.startsWith('axag: note'));
        expect(notes).toEqual([
          `axag: note: ignored the cache file ${named}: it is not an axag cache file; it is left as it is, and no cache is written; give --cache-location a file of its own, or a directory`,
        ]);
        expect(result.stdout).toBe(plain.stdout);
        expect(result.code).toBe(plain.code);
        expect(readFileSync(join(cwd, named), 'utf8')).toBe(before);
      }
    }
  });

  it('a file --cache-location names that holds an axag cache cut short, or nothing: rewritten', async () => {
    const cwd = shop();
    const first = await lintCached(cwd, ['--cache-location', 'lint-cache.json']);
    const valid = readFileSync(join(cwd, 'lint-cache.json'), 'utf8');
    for (const text of [valid.slice(0, 40), valid.slice(0, 9), '']) {
      writeFileSync(join(cwd, 'lint-cache.json'), text);
      const result = await lintCached(cwd, ['--cache-location', 'lint-cache.json']);
      expect(result.stdout).toBe(first.stdout);
      expect(cacheUse(result)).toBe('reused 0, linted 3');
      expect(readFileSync(join(cwd, 'lint-cache.json'), 'utf8')).toBe(valid);
    }
  });

  it('forgets the files deleted or renamed since below the directories a run walks, and keeps the results of files only left out of a run', async () => {
    const cwd = shop();
    await lintCached(cwd);
    const [name] = cacheFiles(cwd);
    const cached = () => Object.keys(JSON.parse(readFileSync(join(cwd, 'node_modules', '.cache', 'axag', name!), 'utf8').split('\n')[0]!).files).map((path) => basename(path));
    expect(cached().sort()).toEqual(['a.html', 'b.html', 'c.html']);
    writeFileSync(join(cwd, 'a.html'), view(' axag-scope="user"'));
    await lintCached(cwd, ['a.html']);
    expect(cached().sort()).toEqual(['a.html', 'b.html', 'c.html']);
    rmSync(join(cwd, 'b.html'));
    renameSync(join(cwd, 'c.html'), join(cwd, 'd.html'));
    // A list of files (a pre-commit hook's) walks no directory: no file of the cache is looked for.
    writeFileSync(join(cwd, 'a.html'), view());
    await lintCached(cwd, ['a.html']);
    expect(cached().sort()).toEqual(['a.html', 'b.html', 'c.html']);
    const result = await lintCached(cwd);
    expect(cacheUse(result)).toBe('reused 1, linted 1');
    expect(cached().sort()).toEqual(['a.html', 'd.html']);
  });

  it('does not keep the result of a file a check threw on', async () => {
    const cwd = shop();
    const failed = await lintCached(cwd, [], { env: { AXAG_THROW_IN_CHECK: 'AXAG-LINT-007' }, nodeArgs: ['--import', INJECT] });
    expect(failed.code).toBe(2);
    expect(failed.stdout).toContain('axag/internal-error');
    const next = await lintCached(cwd);
    // a.html and b.html were annotated: the check threw on both; c.html has no annotations, so no check ran on it.
    expect(cacheUse(next)).toBe('reused 1, linted 2');
    expect(next.stdout).not.toContain('axag/internal-error');
  });

  /**
   * Text given in hand (standard input named after a file, a staged blob) or fixed (--fix-dry-run) is not the file
   * on disk the cache knows under that path: the findings of its checks across files must be this text's, not the
   * cached ones of the file on disk.
   */
  describe('text that is not the file on disk', () => {
    const first = '<button axag-intent="cart.view" axag-entity="cart" axag-action-type="read" axag-scope="user">View</button>\n';
    const twin = (scope: string) => `${first}<button axag-intent="cart.view" axag-entity="cart" axag-action-type="read" axag-scope="${scope}">View</button>\n`;
    const agreeing = twin('user');
    const disagreeing = twin('tenant');
    const ruleIds = (result: RunResult) =>
      JSON.parse(result.stdout).files.flatMap((file: { findings: { ruleId: string }[] }) => file.findings.map((finding) => finding.ruleId));

    it('--stdin --stdin-filename: the checks across files judge standard input, not the cached file', async () => {
      const cwd = shop();
      writeFileSync(join(cwd, 'd.html'), agreeing);
      expect(ruleIds(await lintCached(cwd, ['d.html']))).not.toContain('axag/duplicate-intent');
      const piped = await axag(['lint', '--cache', '-f', 'json', '--stdin', '--stdin-filename', 'd.html'], { cwd, input: disagreeing });
      expect(ruleIds(piped)).toContain('axag/duplicate-intent');
      expect(piped.stdout).toBe((await axag(['lint', '-f', 'json', '--stdin', '--stdin-filename', 'd.html'], { cwd, input: disagreeing })).stdout);
    });

    it('--staged: the checks across files judge the staged text, not the cached working copy', async () => {
      const cwd = shop();
      const env = {
        ...Object.fromEntries(Object.keys(process.env).filter((key) => key.startsWith('GIT_')).map((key) => [key, undefined])),
        GIT_CEILING_DIRECTORIES: realpathSync(tmpdir()),
        GIT_CONFIG_NOSYSTEM: '1',
      };
      const git = (...args: string[]) => {
        const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } as NodeJS.ProcessEnv });
        if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
      };
      git('init', '-q');
      writeFileSync(join(cwd, 'd.html'), disagreeing);
      git('add', 'd.html');
      writeFileSync(join(cwd, 'd.html'), agreeing);
      expect(ruleIds(await lintCached(cwd, ['d.html']))).not.toContain('axag/duplicate-intent');
      const staged = await axag(['lint', '--cache', '-f', 'json', '--staged'], { cwd, env });
      expect(ruleIds(staged)).toContain('axag/duplicate-intent');
      expect(staged.stdout).toBe((await axag(['lint', '-f', 'json', '--staged'], { cwd, env })).stdout);
    });

    it('--fix-dry-run: what remains after the fixes is the same with a warm cache', async () => {
      const cwd = shop();
      // AXAG-LINT-004 has a fix ("Read" to "read"); the duplicate intent in the same file is a check across files.
      writeFileSync(join(cwd, 'd.html'), disagreeing.replace('axag-action-type="read"', 'axag-action-type="Read"'));
      const cold = await axag(['lint', '--fix-dry-run', '-f', 'json'], { cwd });
      expect(JSON.parse(cold.stdout).files.find((file: { path: string }) => file.path === 'd.html').output).toBeDefined();
      await lintCached(cwd);
      const warm = await axag(['lint', '--cache', '--fix-dry-run', '-f', 'json'], { cwd });
      expect(warm.stdout).toBe(cold.stdout);
      expect(warm.code).toBe(cold.code);
    });
  });

  it('--cache-location: a file path is the file; an existing directory, or a path ending in a slash, holds it', async () => {
    const cwd = shop();
    await lintCached(cwd, ['--cache-location', 'my.cache']);
    expect(existsSync(join(cwd, 'my.cache'))).toBe(true);
    expect(cacheUse(await lintCached(cwd, ['--cache-location', 'my.cache']))).toBe('reused 3, linted 0');
    await lintCached(cwd, ['--cache-location', 'tmp/cache/']);
    expect(readdirSync(join(cwd, 'tmp', 'cache'))).toEqual([expect.stringMatching(/^lint-[0-9a-f]{8}\.json$/)]);
    expect(cacheUse(await lintCached(cwd, ['--cache-location', 'tmp/cache']))).toBe('reused 3, linted 0');
    expect(existsSync(join(cwd, 'node_modules'))).toBe(false);
  });

  it('an empty --cache-location (an unset variable in a script) is a usage error, not a cache file in the working directory', async () => {
    const cwd = shop();
    const result = await lintCached(cwd, ['--cache-location', '']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('axag: --cache-location needs a path');
    expect(readdirSync(cwd).filter((name) => name.startsWith('lint-'))).toEqual([]);
  });

  it('a cache that cannot be written is a warning: the run keeps its report and exit code', async () => {
    const cwd = shop();
    writeFileSync(join(cwd, 'blocker'), 'a file where the cache directory would be\n');
    const result = await lintCached(cwd, ['--cache-location', 'blocker/sub/']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('axag: warning: cannot write the cache to blocker/sub/');
    expect(result.stderr).toContain('the next run lints every file again\n');
    expect(JSON.parse(result.stdout).files).toHaveLength(3);
    // An absolute location is shown as written, not as a path relative to the working directory.
    const absolute = await lintCached(cwd, ['--cache-location', join(cwd, 'blocker', 'sub/')]);
    expect(absolute.stderr).toContain(`axag: warning: cannot write the cache to ${join(cwd, 'blocker', 'sub')}/lint-`);
  });
});
