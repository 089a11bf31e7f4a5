/**
 * The progress line (issue 11, scope 7): drawn on standard error when it is a terminal, outside CI, and erased
 * before the report; never into a pipe, never on standard output. The binary runs in a pseudo-terminal made by
 * util-linux `script`; `AXAG_PROGRESS_AFTER_MS=0` shows the line at once instead of after a second.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { showsProgress } from '../src/cli/progress.js';
import { BIN, assertBuilt, assertCleanTempAncestors, axag, project, removeProjects } from './cli-helpers.js';

beforeAll(() => {
  assertBuilt();
  assertCleanTempAncestors();
});
afterAll(() => removeProjects());

const WARN = '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low">Add</button>\n';
const CLEAR_LINE = '\r\x1b[2K';
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout?.includes('util-linux') ?? false;

const tree = () => project(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`page-${i}.html`, WARN])));

/**
 * Runs `axag lint` with standard error on a pseudo-terminal and standard output into a file (`stdout.txt` in
 * `cwd`): returns what the terminal showed, and the file.
 */
function onTerminal(cwd: string, env: Record<string, string>): { terminal: string; stdout: string; code: number | null } {
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  const command = `${quote(process.execPath)} ${quote(BIN)} lint > stdout.txt`;
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', AXAG_PROGRESS_AFTER_MS: '0', TERM: 'xterm', ...env };
  if (!('CI' in env)) delete childEnv.CI;
  // -e: script exits with the command's code; -q: no "Script started" lines; /dev/null: no typescript file.
  const result = spawnSync('script', ['-qefc', command, '/dev/null'], { cwd, env: childEnv, encoding: 'utf8', timeout: 50_000 });
  return { terminal: result.stdout, stdout: readFileSync(join(cwd, 'stdout.txt'), 'utf8'), code: result.status };
}

describe.concurrent('progress line', () => {
  it.skipIf(!hasScript)('on a terminal: "axag: linting i/n files", redrawn in place and erased; the report on stdout has none of it', ({ expect }) => {
    const cwd = tree();
    const { terminal, stdout, code } = onTerminal(cwd, {});
    expect(code).toBe(0);
    expect(terminal).toMatch(/^\r\x1b\[2Kaxag: linting 0\/12 files/);
    // Every drawing starts by erasing the line; the last write erases it for good.
    expect(terminal.split(CLEAR_LINE).slice(1, -1).every((drawn) => /^axag: linting \d+\/12 files$/.test(drawn))).toBe(true);
    expect(terminal.endsWith(CLEAR_LINE)).toBe(true);
    expect(stdout).toContain('page-0.html:1:');
    expect(stdout).not.toMatch(/linting|\x1b|\r/);
  });

  it.skipIf(!hasScript)('never in CI, nor on a terminal that cannot erase a line', ({ expect }) => {
    const cwd = tree();
    for (const env of [{ CI: 'true' }, { CI: '1' }, { TERM: 'dumb' }] as Record<string, string>[]) {
      const { terminal, stdout, code } = onTerminal(cwd, env);
      expect({ env, code, terminal }).toEqual({ env, code: 0, terminal: '' });
      expect(stdout).toContain('page-0.html:1:');
    }
  });

  it('never when standard error is not a terminal (a pipe)', async ({ expect }) => {
    const result = await axag(['lint'], { cwd: tree(), env: { AXAG_PROGRESS_AFTER_MS: '0', CI: undefined } });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/linting|\x1b/);
  });

  it('the decision: a terminal, not CI (CI=false and CI=0 are not CI), not TERM=dumb, not --debug', ({ expect }) => {
    const tty = { isTTY: true };
    expect(showsProgress(tty, {}, false)).toBe(true);
    expect(showsProgress({ isTTY: false }, {}, false)).toBe(false);
    expect(showsProgress({}, {}, false)).toBe(false);
    expect(showsProgress(tty, { CI: 'true' }, false)).toBe(false);
    expect(showsProgress(tty, { CI: 'woodpecker' }, false)).toBe(false);
    expect(showsProgress(tty, { CI: 'false' }, false)).toBe(true);
    expect(showsProgress(tty, { CI: '0' }, false)).toBe(true);
    expect(showsProgress(tty, { TERM: 'dumb' }, false)).toBe(false);
    expect(showsProgress(tty, {}, true)).toBe(false);
  });
});
