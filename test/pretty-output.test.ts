/**
 * Issue 13, pretty output that fits: lines within the terminal's width in terminal columns (wide and combining
 * characters too), never a word or rule id broken, `path:line:col` at the start of each finding, colours in CI
 * logs that show them; `--help` grouped and readable at 80 columns.
 */
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../src/engine/checks.js';
import { FORMATTERS, type FormatContext } from '../src/formatters/index.js';
import { outputWidth, useColor } from '../src/cli/terminal.js';
import { NO_INTENTS, type Finding, type LintResults } from '../src/results.js';
import { ANSI, assertBuilt, axag, parsePretty, project, removeProjects } from './cli-helpers.js';

beforeAll(assertBuilt);
afterAll(removeProjects);

/** A line longer than the width is allowed only when it holds a single word (after its indent): it cannot break. */
function overlong(text: string, width: number): string[] {
  return text.split('\n').filter((line) => stringWidth(line) > width && /\S\s+\S/.test(line.trim()) && !isHeadOfLongPath(line, width));
}

/** A finding's head whose `path:line:col` alone is wider than the line: the rest moves to the next line instead. */
const isHeadOfLongPath = (line: string, width: number) => stringWidth(line.split(' ')[0]!) > width;

const RULE_IDS = new Set(ALL_CHECKS.map((check) => check.id));

/**
 * A project whose messages carry wide characters (CJK in an intent, an emoji with a variation selector, a
 * combining accent) under a directory and file name in CJK.
 */
const WIDE = {
  '页面/购物车.html':
    '<button axag-intent="购物车.添加商品到购物车并继续结账" axag-action-type="写入数据" axag-risk-level="低">加入</button>\n' +
    '<button axag-intent="cart.ajouter_l\u0301article" axag-action-type="wrіte" axag-entity="cart">x</button>\n' +
    '<a axag-intent="nav.🛒️_basket_and_checkout_page_for_the_whole_store" axag-action-type="navigate" axag-entity="cart" axag-scope="worldwide">y</a>\n',
  'plain.html': '<button axag-intent="cart.add_item" axag-action-type="write" axag-risk-level="low">Add</button>\n',
};

describe.concurrent('pretty output fits the width', () => {
  it.each([80, 120])('COLUMNS=%i: no line wider, every word and rule id whole, messages as in the JSON report', async (width) => {
    const cwd = project(WIDE);
    const pretty = await axag(['lint', '--no-config'], { cwd, env: { COLUMNS: String(width) } });
    expect(pretty.code).toBe(1);
    expect(overlong(pretty.stdout, width)).toEqual([]);

    const json = JSON.parse((await axag(['lint', '--no-config', '-f', 'json'], { cwd })).stdout) as {
      files: { path: string; findings: { line: number; column: number; ruleId: string; message: string }[] }[];
    };
    const report = parsePretty(pretty.stdout);
    expect(report.malformed).toEqual([]);
    // Wrapping only ever replaced a space: joined again, each message is the JSON report's, word for word (in
    // composed form, NFC, as wrap-ansi writes it and a terminal shows either).
    const rows = (file: { rows?: unknown; findings?: unknown }) =>
      ((file.rows ?? file.findings) as { line: number; column: number; ruleId: string; message: string }[]).map(({ line, column, ruleId, message }) => ({
        line,
        column,
        ruleId,
        message: message.normalize('NFC'),
      }));
    expect(report.files.map((file) => [file.path, rows(file)])).toEqual(json.files.map((file) => [file.path, rows(file)]));
    expect(report.files.flatMap((file) => file.rows).every((row) => RULE_IDS.has(row.ruleId))).toBe(true);
    expect(report.files.map((file) => file.path)).toEqual(['plain.html', '页面/购物车.html']);
    // Each finding starts with path:line:column, which terminals and editors open.
    const heads = pretty.stdout.split('\n').filter((line) => /^\S/.test(line) && !line.startsWith('✖'));
    expect(heads.every((line) => /^(plain\.html|页面\/购物车\.html):\d+:\d+ {2}/.test(line))).toBe(true);
    expect(pretty.stdout).toMatch(/\n✖ \d+ problems \(\d+ errors?, \d+ warnings?\)\n$/);
  });

  it('at 120 columns a short message stays on its finding line; at 80 it moves below with a hanging indent', async ({ expect }) => {
    const cwd = project({ 'a.html': '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low">Add</button>\n' });
    const wide = await axag(['lint'], { cwd, env: { COLUMNS: '200' } });
    expect(wide.stdout).toBe(
      '\na.html:1:2  warning  AXAG-LINT-007  Action "cart.add_item" (<button>) has axag-action-type "write" but does not declare axag-idempotent; add axag-idempotent="true" or "false"\n' +
        '\n✖ 1 problem (0 errors, 1 warning)\n',
    );
    const narrow = await axag(['lint'], { cwd, env: { COLUMNS: '80' } });
    expect(narrow.stdout).toBe(
      '\na.html:1:2  warning  AXAG-LINT-007\n' +
        '  Action "cart.add_item" (<button>) has axag-action-type "write" but does not\n' +
        '  declare axag-idempotent; add axag-idempotent="true" or "false"\n' +
        '\n✖ 1 problem (0 errors, 1 warning)\n',
    );
  });
});

describe('the pretty formatter', () => {
  const context = (width: number): FormatContext => ({ cwd: '/r', color: false, verbose: false, width, tool: { name: 'axag', version: '0', informationUri: 'x' } });
  const results = (path: string, findings: Partial<Finding>[]): LintResults => ({
    files: [
      {
        path,
        findings: findings.map((finding, i) => ({
          ruleId: 'AXAG-LINT-004',
          severity: 'error',
          message: 'm',
          line: i + 1,
          column: 2,
          endLine: i + 1,
          endColumn: 3,
          fingerprint: 'f',
          ...finding,
        })),
        annotations: 1,
        dynamic: 0,
        intents: NO_INTENTS,
        directives: [],
      },
    ],
    filesLinted: 1,
    failures: [],
    internalErrors: [],
    notices: [],
  });

  it('measures wide characters as two columns and combining marks as none', () => {
    // 36 CJK characters are 72 columns, though 36 UTF-16 code units: as one line they would overflow 60.
    const cjk = '添加商品到购物车并继续结账'.repeat(3).slice(0, 36);
    const out = FORMATTERS.pretty!(results('/r/a.html', [{ message: `Invalid value "${cjk}" here and there` }]), context(60));
    expect(overlong(out, 60)).toEqual([]);
    expect(out).toContain(`\n  Invalid value\n  "${cjk}"\n  here and there\n`);
    // Combining accents take no column: five words of ten accented letters (54 columns, 109 code units) fit on
    // one line of 60 after the indent. (x has no precomposed form with an acute, so NFC leaves them as they are.)
    const accented = Array.from({ length: 5 }, () => 'x\u0301'.repeat(10)).join(' ');
    const combined = FORMATTERS.pretty!(results('/r/a.html', [{ message: accented }]), context(60));
    expect(combined.split('\n')).toContain(`  ${accented}`);
  });

  it('a path wider than the line stands alone; severity and rule id follow on the next line, whole', () => {
    const path = `/r/${'deeply/'.repeat(12)}page.html`;
    const out = FORMATTERS.pretty!(results(path, [{ ruleId: 'axag/unknown-attribute', message: 'Unknown attribute' }]), context(40));
    const lines = out.split('\n');
    expect(lines[1]).toBe(`${path.slice(3)}:1:2`);
    expect(lines[2]).toBe('  error    axag/unknown-attribute');
    expect(lines[3]).toBe('  Unknown attribute');
  });

  it('lines a file up: positions padded to the longest, rule ids to the longest, when they fit', () => {
    const out = FORMATTERS.pretty!(
      results('/r/a.html', [
        { line: 9, ruleId: 'AXAG-LINT-004', message: 'one' },
        { line: 10, column: 12, ruleId: 'axag/unknown-attribute', severity: 'warning', message: 'two' },
      ]),
      context(80),
    );
    expect(out.split('\n').slice(1, 3)).toEqual(['a.html:9:2    error    AXAG-LINT-004           one', 'a.html:10:12  warning  axag/unknown-attribute  two']);
  });
});

describe('colours and width from the environment', () => {
  it.each([
    [{}, false, false],
    [{}, true, true],
    [{ GITHUB_ACTIONS: 'true' }, false, true],
    [{ GITLAB_CI: 'true' }, false, true],
    [{ GITHUB_ACTIONS: 'true', NO_COLOR: '1' }, false, false],
    [{ GITHUB_ACTIONS: 'true', FORCE_COLOR: '0' }, false, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ TERM: 'dumb' }, true, false],
    [{ CI: 'true' }, false, false],
  ])('%j, terminal %s: colour %s', (env, terminal, expected) => {
    expect(useColor(undefined, terminal, env)).toBe(expected);
  });

  it('--color and --no-color win over the environment', () => {
    expect(useColor(true, false, { NO_COLOR: '1' })).toBe(true);
    expect(useColor(false, true, { GITHUB_ACTIONS: 'true', FORCE_COLOR: '1' })).toBe(false);
  });

  it.each([
    [{ isTTY: true, columns: 132 }, { COLUMNS: '90' }, 132],
    [{ isTTY: false }, { COLUMNS: '90' }, 90],
    [{}, { COLUMNS: 'wide' }, 80],
    [{}, { COLUMNS: '0' }, 80],
    [{}, {}, 80],
  ])('stream %j, env %j: %i columns', (stream, env, width) => {
    expect(outputWidth(stream, env)).toBe(width);
  });

  it.concurrent('the binary in GitHub Actions and GitLab CI: coloured on a pipe; with NO_COLOR or --no-color, not', async ({ expect }) => {
    const cwd = project({ 'a.html': '<button axag-intent="cart.add_item" axag-action-type="write" axag-risk-level="low">Add</button>\n' });
    const ci = (env: Record<string, string | undefined>, args: string[] = []) => axag(['lint', ...args], { cwd, env: { NO_COLOR: undefined, CI: 'true', ...env } });
    expect((await ci({ GITHUB_ACTIONS: 'true' })).stdout).toMatch(ANSI);
    expect((await ci({ GITLAB_CI: 'true' })).stdout).toMatch(ANSI);
    expect((await ci({ GITHUB_ACTIONS: 'true', NO_COLOR: '1' })).stdout).not.toMatch(ANSI);
    expect((await ci({ GITHUB_ACTIONS: 'true' }, ['--no-color'])).stdout).not.toMatch(ANSI);
    expect((await ci({})).stdout).not.toMatch(ANSI);
    // Colour codes take no columns: the coloured report is laid out as the plain one.
    const plain = (await ci({ GITHUB_ACTIONS: 'true', NO_COLOR: '1' })).stdout;
    expect((await ci({ GITHUB_ACTIONS: 'true' })).stdout.replace(/\u001b\[\d+(;\d+)*m/g, '')).toBe(plain);
  });
});

describe.concurrent('--help', () => {
  it.each([[['--help']], [['lint', '--help']], [['manifest', 'check', '--help']]])('axag %j at 80 columns (not a terminal): no line wider', async (args) => {
    const result = await axag(args, { cwd: project() });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((line) => line.length > 80)).toEqual([]);
  });

  it('axag lint --help: options in sections, as ESLint groups them; narrower COLUMNS narrows it', async ({ expect }) => {
    const cwd = project();
    const { stdout } = await axag(['lint', '--help'], { cwd });
    const headings = stdout.split('\n').filter((line) => /^[A-Z][\w ]+:$/.test(line));
    expect(headings).toEqual([
      'Arguments:',
      'Basic configuration:',
      'Specifying rules:',
      'Choosing files:',
      'Ignoring files:',
      'Handling warnings:',
      'Inline configuration comments:',
      'Baseline:',
      'Output:',
      'Fixing problems:',
      'Speed:',
      'Miscellaneous:',
      'Exit codes:',
    ]);
    // A term too long for the term column stands alone, its description below it.
    expect(stdout).toContain('  --report-unused-disable-directives-severity <level>\n                                report unused directives');
    const narrow = await axag(['lint', '--help'], { cwd, env: { COLUMNS: '60' } });
    expect(overlong(narrow.stdout, 60)).toEqual([]);
    expect(narrow.stdout.split('\n').some((line) => line.length > 50)).toBe(true);
  });
});
