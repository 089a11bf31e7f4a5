/**
 * End-to-end tests of the workflow options of `axag lint` and the `rules` and
 * `init` commands (issue 5; spec §5–§6): inline directives, standard input,
 * baselines, staged and changed files in git, ignore flags, --print-config,
 * --debug, help and usage errors. Like test/cli.test.ts, every case runs the
 * BUILT binary in a fresh temporary project and checks the exit code, standard
 * output, standard error and the files written.
 *
 * Positions are worked out by hand from the snippets written here (noted beside
 * them). `npm test` compiles before vitest runs; this file does not build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ROOT,
  assertBuilt,
  assertCleanTempAncestors,
  axag,
  parsePretty,
  project,
  removeProjects,
  rowsByFile,
  writeFiles,
  type RunResult,
} from './cli-helpers.js';

beforeAll(() => {
  assertBuilt();
  assertCleanTempAncestors();
});
afterAll(() => removeProjects());

// ---------------------------------------------------------------------------
// One-line elements. At column 1 of a line, the tag name starts at column 2,
// where "missing attribute" findings are reported.

/** AXAG-LINT-001 (error) only: no intent; read, so no 007. */
const ERR = '<button axag-entity="cart" axag-action-type="read">View</button>';
/** AXAG-LINT-007 (warning) only: write without axag-idempotent. */
const WARN = '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low">Add</button>';
/** Both AXAG-LINT-001 (error) and AXAG-LINT-007 (warning), at the same tag name. */
const BOTH = '<button axag-entity="cart" axag-action-type="write" axag-risk-level="low">Edit</button>';
/** No finding (another intent than WARN's, so that the two side by side are no axag/duplicate-intent). */
const GOOD = '<button axag-intent="cart.empty" axag-entity="cart" axag-action-type="write" axag-idempotent="false" axag-risk-level="low">Empty</button>';

type Row = [number, number, string, string];

function expectNoStack(result: RunResult): void {
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toMatch(/internal error/i);
}

/** The environment of `axag()` (NO_COLOR=1, no FORCE_COLOR), with `extra` applied. */
function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.FORCE_COLOR;
  env.NO_COLOR = '1';
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Runs `node bin/axag.js ...args` with `input` on standard input. */
const axagWithStdin = (args: readonly string[], input: string, options: { cwd: string }): Promise<RunResult> => axag(args, { ...options, input });

// ---------------------------------------------------------------------------
// 1. Inline directives (spec §6), the same cases in HTML comments, JSX `{/* … */}`
// comments and JSX `//` comments.

type Item = string | { directive: string };
const d = (directive: string): Item => ({ directive });

interface Layout {
  file: string;
  head: string[];
  tail: string[];
  /** Indentation of each item. */
  indent: string;
  comment: (text: string) => string;
  element: (element: string) => string;
  /** Column where a directive comment's range starts (the comment itself, not a `{`). */
  commentColumn: number;
}

const LAYOUTS: Record<string, Layout> = {
  // Item i at line i + 1; elements' names at column 2, comments at column 1.
  html: { file: 'page.html', head: [], tail: [], indent: '', comment: (t) => `<!-- ${t} -->`, element: (e) => e, commentColumn: 1 },
  // Item i at line i + 3 inside a fragment, indented 4: names at column 6; `{/*` at 5, the comment at 6.
  'jsx {/* */}': {
    file: 'Page.jsx',
    head: ['export const Page = () => (', '  <>'],
    tail: ['  </>', ');'],
    indent: '    ',
    comment: (t) => `{/* ${t} */}`,
    element: (e) => e,
    commentColumn: 6,
  },
  // Item i at line i + 2 of an array literal, indented 2: names at column 4, `//` at 3.
  'jsx //': {
    file: 'items.jsx',
    head: ['export const items = ['],
    tail: ['];'],
    indent: '  ',
    comment: (t) => `// ${t}`,
    element: (e) => `${e},`,
    commentColumn: 3,
  },
};

function sourceOf(layout: Layout, items: readonly Item[]): string {
  const body = items.map((item) => layout.indent + (typeof item === 'string' ? layout.element(item) : layout.comment(item.directive)));
  return [...layout.head, ...body, ...layout.tail, ''].join('\n');
}

/** Expected findings, by item index: e = 001 error, w = 007 warning, dw / de = axag/directive warning / error. */
type Expected = ['e' | 'w' | 'dw' | 'de', number];

function rowsFor(layout: Layout, expected: readonly Expected[]): Row[] {
  const line = (item: number) => layout.head.length + item + 1;
  const elementColumn = layout.indent.length + 2;
  const rows = expected.map(([kind, item]): Row => {
    switch (kind) {
      case 'e':
        return [line(item), elementColumn, 'error', 'AXAG-LINT-001'];
      case 'w':
        return [line(item), elementColumn, 'warning', 'AXAG-LINT-007'];
      case 'dw':
        return [line(item), layout.commentColumn, 'warning', 'axag/directive'];
      case 'de':
        return [line(item), layout.commentColumn, 'error', 'axag/directive'];
    }
  });
  // Reports are ordered by line, column, rule id.
  return rows.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0));
}

interface DirectiveCase {
  name: string;
  items: Item[];
  args?: string[];
  expected: Expected[];
  code: number;
  /** Text every axag/directive message must contain. */
  message?: string[];
}

const DIRECTIVE_CASES: DirectiveCase[] = [
  {
    name: 'disable-next without ids silences every finding of the next element only; a -- reason is allowed',
    items: [d('axag-disable-next -- legacy widget, replaced next quarter'), BOTH, ERR],
    expected: [['e', 2]],
    code: 1,
  },
  {
    name: 'disable-next with an id silences only that rule',
    items: [d('axag-disable-next AXAG-LINT-007'), BOTH, BOTH],
    expected: [['e', 1], ['e', 2], ['w', 2]],
    code: 1,
  },
  {
    name: 'disable-next with two ids and a reason silences both, and only on the next element',
    items: [d('axag-disable-next AXAG-LINT-001 AXAG-LINT-007 -- generated markup'), BOTH, WARN],
    expected: [['w', 2]],
    code: 0,
  },
  {
    name: 'disable … enable silences the elements between them',
    items: [BOTH, d('axag-disable'), BOTH, ERR, d('axag-enable'), ERR],
    expected: [['e', 0], ['w', 0], ['e', 5]],
    code: 1,
  },
  {
    name: 'disable of two ids, enable of one: that one is back, the other stays disabled until a bare enable',
    items: [d('axag-disable AXAG-LINT-001 AXAG-LINT-007'), BOTH, d('axag-enable AXAG-LINT-007'), BOTH, d('axag-enable'), BOTH],
    expected: [['w', 3], ['e', 5], ['w', 5]],
    code: 1,
  },
  {
    name: 'disable of every rule, enable of one id: only that rule is reported after it; a silenced error does not fail the run',
    items: [d('axag-disable'), BOTH, d('axag-enable AXAG-LINT-007'), BOTH],
    expected: [['w', 3]],
    code: 0,
  },
  {
    name: 'disable-file with an id silences that rule in the whole file; the silenced errors do not count',
    items: [d('axag-disable-file AXAG-LINT-001'), BOTH, ERR, ERR],
    expected: [['w', 1]],
    code: 0,
  },
  {
    name: 'disable-file without ids silences everything in the file',
    items: [d('axag-disable-file'), BOTH, ERR, WARN],
    expected: [],
    code: 0,
  },
  {
    name: 'an unknown rule id is an axag/directive warning (exit 0) and silences nothing',
    items: [d('axag-disable-next AXAG-LINT-070'), GOOD, WARN],
    expected: [['dw', 0], ['w', 2]],
    code: 0,
    message: ['AXAG-LINT-070'],
  },
  {
    name: 'an unknown id beside a known one: a warning for the unknown one, the known one still applies',
    items: [d('axag-disable-next AXAG-LINT-007 AXAG-LINT-070'), WARN],
    expected: [['dw', 0]],
    code: 0,
    message: ['AXAG-LINT-070'],
  },
  {
    name: 'a rule number of the linter the AXAG docs describe that axag has no check for is an axag/directive warning, and silences nothing',
    items: [d('axag-disable-next AXAG-LINT-024'), ERR],
    expected: [['dw', 0], ['e', 1]],
    code: 1,
    message: ['AXAG-LINT-024 is not a check of axag; ignored'],
  },
  {
    name: 'such a number beside a known id: a warning for the number, the known id still applies',
    items: [d('axag-disable-next AXAG-LINT-001 AXAG-LINT-025 -- from the docs'), ERR],
    expected: [['dw', 0]],
    code: 0,
    message: ['AXAG-LINT-025 is not a check of axag; ignored'],
  },
  {
    name: 'a mistyped directive word is an axag/directive warning with a suggestion, and silences nothing',
    items: [d('axag-disabel AXAG-LINT-001'), ERR],
    expected: [['dw', 0], ['e', 1]],
    code: 1,
    message: ['axag-disabel', 'axag-disable'],
  },
  {
    name: 'an unused directive is silent without --report-unused-disable-directives',
    items: [d('axag-disable-next AXAG-LINT-007'), GOOD, d('axag-disable'), GOOD, d('axag-enable')],
    expected: [],
    code: 0,
  },
  {
    name: 'with --report-unused-disable-directives an unused directive is a warning (exit 0); a used one is not reported',
    items: [d('axag-disable-next AXAG-LINT-007'), GOOD, d('axag-disable-next AXAG-LINT-007'), WARN],
    args: ['--report-unused-disable-directives'],
    expected: [['dw', 0]],
    code: 0,
    message: ['axag-disable-next', 'AXAG-LINT-007'],
  },
  {
    name: 'with --report-unused-disable-directives-severity error an unused directive is an error (exit 1)',
    items: [d('axag-disable-next AXAG-LINT-007'), GOOD],
    args: ['--report-unused-disable-directives-severity', 'error'],
    expected: [['de', 0]],
    code: 1,
    message: ['axag-disable-next', 'AXAG-LINT-007'],
  },
  {
    name: 'an unused range directive for one id is reported for that id',
    items: [d('axag-disable AXAG-LINT-001'), WARN, d('axag-enable AXAG-LINT-001')],
    args: ['--report-unused-disable-directives'],
    expected: [['dw', 0], ['w', 1]],
    code: 0,
    message: ['axag-disable', 'AXAG-LINT-001'],
  },
  {
    name: '--report-unused-disable-directives-severity off reports nothing',
    items: [d('axag-disable-next AXAG-LINT-007'), GOOD],
    args: ['--report-unused-disable-directives-severity', 'off'],
    expected: [],
    code: 0,
  },
];

describe.concurrent('inline directives', () => {
  const matrix = Object.keys(LAYOUTS).flatMap((syntax) => DIRECTIVE_CASES.map((c) => ({ syntax, ...c })));

  it.for(matrix)('$syntax: $name', async ({ syntax, items, args, expected, code, message }, { expect }) => {
    const layout = LAYOUTS[syntax]!;
    const cwd = project({ [layout.file]: sourceOf(layout, items) });
    const result = await axag(['lint', ...(args ?? [])], { cwd });
    expect(result.stderr).toBe('');
    const rows = rowsFor(layout, expected);
    expect(rowsByFile(result.stdout)).toEqual(rows.length > 0 ? { [layout.file]: rows } : {});
    expect(result.code).toBe(code);
    const report = parsePretty(result.stdout);
    expect(report.malformed).toEqual([]);
    for (const row of report.files.flatMap((file) => file.rows).filter((r) => r.ruleId === 'axag/directive')) {
      for (const text of message ?? []) expect(row.message).toContain(text);
    }
  });

  it('silenced warnings do not count toward --max-warnings', async ({ expect }) => {
    const cwd = project({ 'a.html': `<!-- axag-disable-next AXAG-LINT-007 -->\n${WARN}\n` });
    const result = await axag(['lint', '--max-warnings', '0'], { cwd });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

// ---------------------------------------------------------------------------
// 2. Standard input.

describe.concurrent('--stdin', () => {
  /**
   * Parsed as JSX, `axag-action-type={kind}` is dynamic: no finding. Parsed as
   * HTML (as axag 0.1 did without a file name) it is the value "{kind}": AXAG-LINT-004 at the value, column 98
   * (`export const Add = () => ` is 25 characters, so `<button` is at 26; the
   * attributes before it take 27 + 1 + 18 + 1 characters from column 34, so
   * `axag-action-type` starts at 81 and, after its 16 characters and `=`, the value at 98).
   */
  const DYNAMIC_JSX = 'export const Add = () => <button axag-intent="cart.add_item" axag-entity="cart" axag-action-type={kind}>Add</button>;\n';

  it('a file name inside node_modules is not linted, as a named file would not be', async ({ expect }) => {
    const result = await axagWithStdin(['lint', '--stdin', '--stdin-filename', 'node_modules/pkg/a.html'], `${ERR}\n`, { cwd: project() });
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'axag: not linted: node_modules/pkg/a.html (inside node_modules)\n' });
  });

  it('without a file name: HTML parsed as HTML (HTML comment directives work), JSX as JSX, shown as <stdin>', async ({ expect }) => {
    const cwd = project({ 'a.html': GOOD }); // not linted: only standard input is
    const html = await axagWithStdin(['lint', '--stdin'], `<!-- axag-disable-next AXAG-LINT-007 -->\n${BOTH}\n${WARN}\n`, { cwd });
    expect(html.stderr).toBe('');
    expect(html.code).toBe(1);
    expect(rowsByFile(html.stdout)).toEqual({
      '<stdin>': [
        [2, 2, 'error', 'AXAG-LINT-001'],
        [3, 2, 'warning', 'AXAG-LINT-007'],
      ],
    });

    // Parsed as JSX, the dynamic value is no finding (as HTML it would be AXAG-LINT-004 at 1:98); the guess is said.
    const jsx = await axagWithStdin(['lint', '--stdin', '-f', 'json'], DYNAMIC_JSX, { cwd });
    expect(jsx.code).toBe(0);
    expect(jsx.stderr).toBe('axag: standard input linted as JSX (it starts as a JavaScript module); --stdin-filename <path> names its type\n');
    const report = JSON.parse(jsx.stdout) as { files: { path: string; findings: unknown[] }[] };
    expect(report.files.map((f) => [f.path, f.findings])).toEqual([['<stdin>', []]]);
  });

  it('empty standard input: nothing to report, exit 0', async ({ expect }) => {
    const result = await axagWithStdin(['lint', '--stdin'], '', { cwd: project() });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--stdin-filename src/X.jsx: parsed as JSX, shown under that path, with the config of src applied', async ({ expect }) => {
    const cwd = project({ 'src/.axag-lint.json': '{ "rules": { "AXAG-LINT-007": "off" } }\n' });
    // Line 1: clean as JSX. Line 2: `export const Edit = () => ` is 26 characters, `<button` at 27,
    // its name at 28: 001 and (unless off) 007.
    const text = `${DYNAMIC_JSX}export const Edit = () => ${BOTH};\n`;

    const inSrc = await axagWithStdin(['lint', '--stdin', '--stdin-filename', 'src/X.jsx'], text, { cwd });
    expect(inSrc.stderr).toBe('');
    expect(inSrc.code).toBe(1);
    expect(rowsByFile(inSrc.stdout)).toEqual({ 'src/X.jsx': [[2, 28, 'error', 'AXAG-LINT-001']] });

    // Elsewhere the recommended preset applies: 007 is back. The file need not exist.
    const elsewhere = await axagWithStdin(['lint', '--stdin', '--stdin-filename', 'lib/X.jsx', '-f', 'json'], text, { cwd });
    expect(elsewhere.code).toBe(1);
    const report = JSON.parse(elsewhere.stdout) as { files: { path: string; findings: { ruleId: string; line: number; column: number }[] }[] };
    expect(report.files.map((f) => [f.path, f.findings.map((x) => `${x.ruleId}@${x.line}:${x.column}`)])).toEqual([
      ['lib/X.jsx', ['AXAG-LINT-001@2:28', 'AXAG-LINT-007@2:28']],
    ]);
    expect(existsSync(join(cwd, 'lib'))).toBe(false);
  });

  it('--stdin-filename that ignorePatterns exclude: nothing linted, a note on stderr, exit 0', async ({ expect }) => {
    const cwd = project({ 'src/.axag-lint.json': '{ "ignorePatterns": ["generated/"] }\n' });
    const result = await axagWithStdin(['lint', '--stdin', '--stdin-filename', 'src/generated/X.jsx'], `export const E = () => ${ERR};\n`, { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('src/generated/X.jsx');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^axag: /);
  });
});

// ---------------------------------------------------------------------------
// 3. Baselines.

describe.concurrent('--baseline', () => {
  interface BaselineFile {
    version: number;
    files: Record<string, { ruleId: string; fingerprint: string; count: number }[]>;
  }
  const readBaseline = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as BaselineFile;
  const INTRO = '<!doctype html>\n<title>Shop</title>\n<p>Three lines above the findings.</p>\n';

  it('--quiet: --update-baseline is refused (warnings would be left out); --baseline notes no stale warning entries', async ({ expect }) => {
    const cwd = project({ 'a.html': `${ERR}\n${WARN}\n` });
    const refused = await axag(['lint', '--baseline', 'b.json', '--update-baseline', '--quiet'], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--update-baseline cannot be combined with --quiet');
    expect((await axag(['lint', '--baseline', 'b.json', '--update-baseline'], { cwd })).code).toBe(0);
    expect(await axag(['lint', '--baseline', 'b.json', '--quiet'], { cwd })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('outside git, paths are relative to the baseline file: a run from a subdirectory finds the same entries', async ({ expect }) => {
    const cwd = project({ 'sub/x.html': `${ERR}\n` });
    expect((await axag(['lint', '--baseline', 'b.json', '--update-baseline', 'sub'], { cwd })).code).toBe(0);
    expect(Object.keys(readBaseline(join(cwd, 'b.json')).files)).toEqual(['sub/x.html']);
    expect(await axag(['lint', '--baseline', '../b.json', '.'], { cwd: join(cwd, 'sub') })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('record, survive inserted lines, report a second copy, note a stale entry, update', async ({ expect }) => {
    const cwd = project({ 'a.html': `${ERR}\n${WARN}\n`, 'pages/b.html': `${ERR}\n` });

    const recorded = await axag(['lint', '--baseline', 'b.json', '--update-baseline'], { cwd });
    expect(recorded).toEqual({ code: 0, stdout: '', stderr: 'axag: wrote b.json: 3 findings in 2 files (a new baseline)\n' });
    const baseline = readBaseline(join(cwd, 'b.json'));
    expect(baseline.version).toBe(2);
    expect(Object.keys(baseline.files)).toEqual(['a.html', 'pages/b.html']);
    expect(baseline.files['a.html']!.map((entry) => [entry.ruleId, entry.count])).toEqual([
      ['AXAG-LINT-001', 1],
      ['AXAG-LINT-007', 1],
    ]);
    expect(baseline.files['pages/b.html']!.map((entry) => entry.ruleId)).toEqual(['AXAG-LINT-001']);
    // Keyed by content, not position.
    expect(readFileSync(join(cwd, 'b.json'), 'utf8')).not.toMatch(/"(line|column)"/);

    const same = await axag(['lint', '--baseline', 'b.json'], { cwd });
    expect(same).toEqual({ code: 0, stdout: '', stderr: '' });
    // Without the baseline the findings are still there.
    expect((await axag(['lint'], { cwd })).code).toBe(1);

    writeFiles(cwd, { 'a.html': `${INTRO}${ERR}\n${WARN}\n` });
    const moved = await axag(['lint', '--baseline', 'b.json'], { cwd });
    expect(moved).toEqual({ code: 0, stdout: '', stderr: '' });

    // A second copy of the recorded element (line 6) is new.
    writeFiles(cwd, { 'a.html': `${INTRO}${ERR}\n${WARN}\n${ERR}\n` });
    const copied = await axag(['lint', '--baseline', 'b.json'], { cwd });
    expect(copied.stderr).toBe('');
    expect(copied.code).toBe(1);
    expect(rowsByFile(copied.stdout)).toEqual({ 'a.html': [[6, 2, 'error', 'AXAG-LINT-001']] });

    // The 007 finding is gone: one stale entry, a one-line note, exit 0.
    writeFiles(cwd, { 'a.html': `${INTRO}${ERR}\n` });
    const stale = await axag(['lint', '--baseline', 'b.json'], { cwd });
    expect(stale.code).toBe(0);
    expect(stale.stdout).toBe('');
    const note = stale.stderr.split('\n').filter(Boolean);
    expect(note).toHaveLength(1);
    expect(note[0]).toMatch(/^axag: .*\b1\b.*baseline/);
    expect(note[0]).toContain('--update-baseline');

    // Updating from one file drops its stale entry and keeps the entries of files not linted.
    const updated = await axag(['lint', 'a.html', '--baseline', 'b.json', '--update-baseline'], { cwd });
    expect(updated).toEqual({ code: 0, stdout: '', stderr: 'axag: wrote b.json: 2 findings in 2 files (0 added, 1 removed)\n' });
    const after = readBaseline(join(cwd, 'b.json'));
    expect(Object.keys(after.files)).toEqual(['a.html', 'pages/b.html']);
    expect(after.files['a.html']!.map((entry) => entry.ruleId)).toEqual(['AXAG-LINT-001']);
    expect(await axag(['lint', '--baseline', 'b.json'], { cwd })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('a changed element is a new finding: reported, and its old entry is stale', async ({ expect }) => {
    const cwd = project({ 'a.html': `${WARN}\n` });
    expect((await axag(['lint', '--baseline', 'b.json', '--update-baseline'], { cwd })).code).toBe(0);
    writeFiles(cwd, { 'a.html': `${WARN.replace('cart.add_item', 'cart.checkout')}\n` });
    const result = await axag(['lint', '--baseline', 'b.json', '--max-warnings', '0'], { cwd });
    expect(rowsByFile(result.stdout)).toEqual({ 'a.html': [[1, 2, 'warning', 'AXAG-LINT-007']] });
    expect(result.stderr).toMatch(/\b1 baseline entr/);
    expect(result.code).toBe(1);
  });

  it('paths are repository-relative: a baseline written at the root applies from a subdirectory', async ({ expect }) => {
    const cwd = project({ 'pages/b.html': `${ERR}\n` });
    mkdirSync(join(cwd, '.git')); // the repository root is the directory holding .git
    expect((await axag(['lint', '--baseline', 'b.json', '--update-baseline'], { cwd })).code).toBe(0);
    expect(Object.keys(readBaseline(join(cwd, 'b.json')).files)).toEqual(['pages/b.html']);
    const fromSub = await axag(['lint', '--baseline', '../b.json'], { cwd: join(cwd, 'pages') });
    expect(fromSub).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--update-baseline without --baseline: exit 2, naming both flags, nothing written', async ({ expect }) => {
    const cwd = project({ 'a.html': `${ERR}\n` });
    const result = await axag(['lint', '--update-baseline'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--update-baseline');
    expect(result.stderr).toContain('--baseline');
    expectNoStack(result);
    expect(readdirSync(cwd)).toEqual(['a.html']);
  });

  it.for([
    ['not JSON', 'this is not JSON\n'],
    ['JSON that is not a baseline', '{ "a": 1 }\n'],
    ['a baseline of another version', '{ "version": 3, "files": {} }\n'],
    ['entries of the wrong shape', '{ "version": 1, "files": { "a.html": [{ "ruleId": "AXAG-LINT-001" }] } }\n'],
  ])('a baseline file that is %s: exit 2 naming the file; --update-baseline does not overwrite it', async ([, text], { expect }) => {
    const cwd = project({ 'a.html': `${ERR}\n`, 'ci/old-baseline.json': text });
    for (const extra of [[], ['--update-baseline']]) {
      const result = await axag(['lint', '--baseline', 'ci/old-baseline.json', ...extra], { cwd });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('ci/old-baseline.json');
      expectNoStack(result);
      expect(readFileSync(join(cwd, 'ci', 'old-baseline.json'), 'utf8')).toBe(text);
    }
  });

  it('a missing baseline without --update-baseline: exit 2 naming it', async ({ expect }) => {
    const cwd = project({ 'a.html': `${ERR}\n` });
    const result = await axag(['lint', '--baseline', 'nowhere.json'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('nowhere.json');
    expectNoStack(result);
  });
});

// ---------------------------------------------------------------------------
// 4–5. Git: --staged and --changed-since, in temporary repositories.

/** Git must neither see the runner's repository variables nor walk up out of the temp directory. */
const GIT_ENV: Record<string, string | undefined> = {
  ...Object.fromEntries(Object.keys(process.env).filter((key) => key.startsWith('GIT_')).map((key) => [key, undefined])),
  GIT_CEILING_DIRECTORIES: realpathSync(tmpdir()),
  GIT_CONFIG_NOSYSTEM: '1',
};

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: childEnv(GIT_ENV) });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr || result.error}`);
  return result.stdout;
}

/** A fresh git repository holding `files`, committed. */
function repository(files: Record<string, string>): string {
  const cwd = project(files);
  git(cwd, 'init', '-q');
  git(cwd, 'config', 'user.name', 'axag tests');
  git(cwd, 'config', 'user.email', 'tests@example.invalid');
  git(cwd, 'config', 'commit.gpgsign', 'false');
  commitAll(cwd, 'initial');
  return cwd;
}

function commitAll(cwd: string, message: string): void {
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '--no-verify', '-m', message);
}

const lintIn = (cwd: string, args: string[]) => axag(['lint', ...args], { cwd, env: GIT_ENV });

describe.concurrent('--staged', () => {
  const CONFIG = '{ "include": ["site/**/*.html"], "ignorePatterns": ["site/vendor/"] }\n';

  it('lints the staged content, not the working copy; files not included, ignored or unstaged are not linted', async ({ expect }) => {
    const cwd = repository({
      '.axag-lint.json': CONFIG,
      'site/page.html': `${GOOD}\n`,
      'site/committed.html': `${ERR}\n`, // committed with an error, not staged again
      'site/vendor/lib.html': `${GOOD}\n`,
      'other/page.html': `${GOOD}\n`,
    });
    // Staged: an error at line 2. Working copy: fixed.
    writeFiles(cwd, { 'site/page.html': `${GOOD}\n${ERR}\n` });
    git(cwd, 'add', 'site/page.html');
    writeFiles(cwd, { 'site/page.html': `${GOOD}\n` });
    // Staged errors in files the config leaves out.
    writeFiles(cwd, { 'site/vendor/lib.html': `${ERR}\n`, 'other/page.html': `${ERR}\n`, 'site/notes.txt': 'axag\n' });
    git(cwd, 'add', 'site/vendor/lib.html', 'other/page.html', 'site/notes.txt');
    // An unstaged error in a tracked file.
    writeFiles(cwd, { 'site/committed.html': `${ERR}\n${ERR}\n` });

    const result = await lintIn(cwd, ['--staged']);
    expect(result.stderr).toBe('');
    expect(rowsByFile(result.stdout)).toEqual({ 'site/page.html': [[2, 2, 'error', 'AXAG-LINT-001']] });
    expect(result.code).toBe(1);
    // The plain run reads the working copy: the fixed page is clean, the others are not.
    expect(Object.keys(rowsByFile((await lintIn(cwd, [])).stdout))).toEqual(['site/committed.html']);
  });

  it('the reverse: staged content clean, working copy broken → exit 0, one file linted', async ({ expect }) => {
    const cwd = repository({ '.axag-lint.json': CONFIG, 'site/page.html': `${ERR}\n` });
    writeFiles(cwd, { 'site/page.html': `${GOOD}\n` });
    git(cwd, 'add', 'site/page.html');
    writeFiles(cwd, { 'site/page.html': `${ERR}\n${ERR}\n` });
    const result = await lintIn(cwd, ['--staged', '--verbose']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✔ .*\b1 file\b.*no problems/m);
    expect((await lintIn(cwd, [])).code).toBe(1);
  });

  it('nothing staged: nothing linted, exit 0', async ({ expect }) => {
    const cwd = repository({ 'a.html': `${GOOD}\n` });
    writeFiles(cwd, { 'a.html': `${ERR}\n` }); // unstaged only
    expect(await lintIn(cwd, ['--staged'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('with a path: only the staged files under it', async ({ expect }) => {
    const cwd = repository({ 'a/x.html': `${GOOD}\n`, 'b/y.html': `${GOOD}\n` });
    writeFiles(cwd, { 'a/x.html': `${ERR}\n`, 'b/y.html': `${ERR}\n` });
    git(cwd, 'add', '-A');
    const result = await lintIn(cwd, ['--staged', 'b']);
    expect(Object.keys(rowsByFile(result.stdout))).toEqual(['b/y.html']);
    expect(result.code).toBe(1);
  });

  it.for([['--staged'], ['--changed-since', 'HEAD']])('%s with a glob: the staged or changed files it matches; a path that does not exist: exit 2', async (args, { expect }) => {
    const cwd = repository({ 'a/x.html': `${GOOD}\n`, 'b/y.jsx': `export const Y = () => ${GOOD};\n` });
    writeFiles(cwd, { 'a/x.html': `${ERR}\n`, 'b/y.jsx': `export const Y = () => ${ERR};\n` });
    git(cwd, 'add', '-A');
    const html = await lintIn(cwd, [...args, '**/*.html']);
    expect(Object.keys(rowsByFile(html.stdout))).toEqual(['a/x.html']);
    expect(html.code).toBe(1);
    // A glob that matches none of them is a commit without such files: nothing to lint.
    expect(await lintIn(cwd, [...args, '**/*.vue'])).toEqual({ code: 0, stdout: '', stderr: '' });
    const typo = await lintIn(cwd, [...args, 'c']);
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toBe('axag: no such file or directory: c\n');
    expect((await lintIn(cwd, [...args, 'c', '--no-error-on-unmatched-pattern'])).code).toBe(0);
  });

  it.for([['--staged'], ['--changed-since', 'HEAD']])('%s outside a git repository: exit 2, saying it needs one', async (args, { expect }) => {
    const cwd = project({ 'a.html': `${ERR}\n` });
    const result = await lintIn(cwd, args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(args[0]!);
    expect(result.stderr).toMatch(/git repository/);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expectNoStack(result);
  });
});

describe.concurrent('--changed-since', () => {
  it('lints files committed after the ref, staged, modified and untracked; not unchanged, gitignored or deleted ones', async ({ expect }) => {
    const cwd = repository({
      '.gitignore': 'ignored/\n',
      'unchanged.html': `${ERR}\n`,
      'modified.html': `${GOOD}\n`,
      'deleted.html': `${GOOD}\n`,
      'removed.html': `${GOOD}\n`,
    });
    git(cwd, 'tag', 'base');
    writeFiles(cwd, { 'committed.html': `${ERR}\n` });
    commitAll(cwd, 'after base');
    writeFiles(cwd, { 'staged.html': `${GOOD}\n${ERR}\n` });
    git(cwd, 'add', 'staged.html');
    writeFiles(cwd, { 'modified.html': `${GOOD}\n${GOOD}\n${ERR}\n`, 'untracked.html': `${WARN}\n`, 'ignored/x.html': `${ERR}\n` });
    rmSync(join(cwd, 'deleted.html')); // deleted in the working copy only
    git(cwd, 'rm', '-q', 'removed.html'); // deletion staged

    const result = await lintIn(cwd, ['--changed-since', 'base']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(rowsByFile(result.stdout)).toEqual({
      'committed.html': [[1, 2, 'error', 'AXAG-LINT-001']],
      'modified.html': [[3, 2, 'error', 'AXAG-LINT-001']],
      'staged.html': [[2, 2, 'error', 'AXAG-LINT-001']],
      'untracked.html': [[1, 2, 'warning', 'AXAG-LINT-007']],
    });

    // Since HEAD the committed file is no longer a change.
    const sinceHead = await lintIn(cwd, ['--changed-since', 'HEAD']);
    expect(Object.keys(rowsByFile(sinceHead.stdout))).toEqual(['modified.html', 'staged.html', 'untracked.html']);
  });

  it('on a branch: what the branch changed since it forked from the ref, not what the ref gained since', async ({ expect }) => {
    const cwd = repository({ 'ours.html': `${GOOD}\n`, 'theirs.html': `${GOOD}\n` });
    git(cwd, 'branch', 'base');
    git(cwd, 'checkout', '-q', '-b', 'feature');
    writeFiles(cwd, { 'ours.html': `${ERR}\n` });
    commitAll(cwd, 'on the branch');
    git(cwd, 'checkout', '-q', 'base');
    writeFiles(cwd, { 'theirs.html': `${ERR}\n${ERR}\n` });
    commitAll(cwd, 'on the base after the fork');
    git(cwd, 'checkout', '-q', 'feature');
    const linted = (stdout: string) => JSON.parse(stdout).files.map((file: { path: string }) => file.path);
    const result = await lintIn(cwd, ['--changed-since', 'base', '-f', 'json']);
    expect(result.stderr).toBe('');
    expect(linted(result.stdout)).toEqual(['ours.html']);
    expect(result.code).toBe(1);
    // Histories that never meet (what a shallow clone looks like): the files that differ from the ref, with a note.
    git(cwd, 'checkout', '-q', '--orphan', 'unrelated');
    commitAll(cwd, 'unrelated');
    const apart = await lintIn(cwd, ['--changed-since', 'base', '-f', 'json']);
    expect(linted(apart.stdout)).toEqual(['ours.html', 'theirs.html']);
    expect(apart.stderr).toMatch(/^axag: note: --changed-since base: this clone holds no commit that both HEAD and base descend from .*fetch-depth: 0.*\n$/);
    // A branch with no commit yet: no shallow clone to blame.
    git(cwd, 'checkout', '-q', '--orphan', 'fresh');
    const unborn = await lintIn(cwd, ['--changed-since', 'base', '-f', 'json']);
    expect(unborn.stderr).toBe('axag: note: --changed-since base: HEAD has no commit yet, so the files that differ from base are linted\n');
  });

  it('changed files are filtered by include and ignorePatterns', async ({ expect }) => {
    const cwd = repository({ '.axag-lint.json': '{ "include": ["src/**/*.html"], "ignorePatterns": ["src/legacy/"] }\n', 'src/a.html': `${GOOD}\n` });
    writeFiles(cwd, { 'src/a.html': `${ERR}\n`, 'src/legacy/b.html': `${ERR}\n`, 'docs/c.html': `${ERR}\n` });
    const result = await lintIn(cwd, ['--changed-since', 'HEAD']);
    expect(Object.keys(rowsByFile(result.stdout))).toEqual(['src/a.html']);
    expect(result.code).toBe(1);
  });

  it('an unknown ref: exit 2 naming it', async ({ expect }) => {
    const cwd = repository({ 'a.html': `${ERR}\n` });
    const result = await lintIn(cwd, ['--changed-since', 'no-such-ref']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('no commit named "no-such-ref"');
    expectNoStack(result);
  });
});

// ---------------------------------------------------------------------------
// 6. --print-config.

describe.concurrent('--print-config', () => {
  const ACTION_TYPES = ['read', 'write', 'delete', 'navigate'];
  const FILES = {
    '.axag-lint.json': '{ "rules": { "AXAG-LINT-007": "off" }, "ignorePatterns": ["dist/"], "manifestPath": "api/axag-manifest.yaml" }\n',
    'packages/app/.axag-lint.json': JSON.stringify({
      extends: 'axag-lint/strict',
      rules: { 'AXAG-LINT-004': ['error', { allowed: ['read', 'write', 'delete', 'navigate'] }] },
      include: ['src/**/*.jsx'],
      ignorePatterns: ['legacy/**'],
    }),
    // Errors that a lint run would report: --print-config lints nothing.
    'index.html': `${ERR}\n`,
    'packages/app/src/Cart.jsx': `export const C = () => ${ERR};\n`,
  };

  it('a file under a nested config: merged over the root config, strict preset applied, rule options shown, each setting\'s source; nothing linted', async ({ expect }) => {
    const cwd = project(FILES);
    const result = await axag(['lint', '--print-config', 'packages/app/src/Cart.jsx'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { sources, ...config } = JSON.parse(result.stdout) as { sources: { rules: Record<string, string> } & Record<string, unknown> } & Record<string, unknown>;
    const nested = FILES['packages/app/.axag-lint.json'];
    const at = (text: string, needle: string) => positionOf(text, needle);
    expect(sources).toEqual({
      rules: expect.objectContaining({
        // The nested config's extends sets every rule, over the root config's AXAG-LINT-007: "off".
        'AXAG-LINT-007': `axag-lint/strict (extends at packages/app/.axag-lint.json:${at(nested, '"extends"')})`,
        'AXAG-LINT-004': `packages/app/.axag-lint.json:${at(nested, '"AXAG-LINT-004"')}`,
        'axag/manifest-drift': `axag-lint/strict (extends at packages/app/.axag-lint.json:${at(nested, '"extends"')})`,
      }),
      include: `packages/app/.axag-lint.json:${at(nested, '"include"')}`,
      ignorePatterns: [
        `.axag-lint.json:${at(FILES['.axag-lint.json'], '"ignorePatterns"')}, relative to .`,
        `packages/app/.axag-lint.json:${at(nested, '"ignorePatterns"')}, relative to packages/app`,
      ],
      manifestPath: `.axag-lint.json:${at(FILES['.axag-lint.json'], '"manifestPath"')}`,
      manifestSchema: 'default',
      identity: `axag-lint/strict (extends at packages/app/.axag-lint.json:${at(nested, '"extends"')})`,
    });
    expect(config).toEqual({
      configFile: 'packages/app/.axag-lint.json',
      configFiles: ['.axag-lint.json', 'packages/app/.axag-lint.json'],
      rules: {
        'AXAG-LINT-001': 'error',
        'AXAG-LINT-002': 'error',
        'AXAG-LINT-003': 'error',
        'AXAG-LINT-004': ['error', { allowed: ['read', 'write', 'delete', 'navigate'] }],
        'AXAG-LINT-005': 'error',
        // strict raises 006, 007, 010 and 011 to error
        'AXAG-LINT-006': 'error',
        'AXAG-LINT-007': 'error',
        'AXAG-LINT-008': 'error',
        'AXAG-LINT-009': ['error', { parameterItems: 'objects' }],
        'AXAG-LINT-010': 'error',
        'AXAG-LINT-011': ['error', { approvalIsRoleBased: false }],
        'AXAG-LINT-012': 'error',
        // strict raises axag's own warnings to error and turns tenant-parameter on; dynamic-annotation stays off
        'axag/macro-syntax': 'error',
        'axag/macro-conflict': 'error',
        'axag/unknown-attribute': 'error',
        'axag/intent-format': 'error',
        'axag/entity-format': 'error',
        'axag/boolean-value': 'error',
        'axag/scope-value': ['error', { allowed: ['public', 'user', 'tenant', 'global'] }],
        'axag/attribute-value': 'error',
        'axag/deprecated-value': 'error',
        'axag/risk-level-required': 'error',
        'axag/parameter-object': 'error',
        'axag/parameter-type': 'error',
        'axag/params-from': 'error',
        'axag/schema-ref': 'error',
        'axag/duplicate-intent': 'error',
        // strict compares the optional parameters too
        'axag/manifest-drift': ['error', { optionalParameters: true }],
        'axag/manifest-unused': 'off',
        'axag/dynamic-annotation': 'off',
        // strict only
        'axag/tenant-parameter': 'error',
      },
      include: ['src/**/*.jsx'],
      // Each relative to the config that declares it: dist/ to the root, legacy/** to packages/app.
      ignorePatterns: ['dist/', 'legacy/**'],
      // Inherited from the root config, relative to it.
      manifestPath: 'api/axag-manifest.yaml',
      manifestSchema: 'v1.1',
      identity: 'strict',
    });
  });

  it('a file at the root: the root config, its manifestPath relative to it', async ({ expect }) => {
    const cwd = project(FILES);
    const result = await axag(['lint', '--print-config', 'index.html'], { cwd });
    expect(result.code).toBe(0);
    const config = JSON.parse(result.stdout) as { configFile: string; rules: Record<string, unknown>; include: string[]; ignorePatterns: string[]; manifestPath: string; identity: string };
    expect(config.configFile).toBe('.axag-lint.json');
    expect(config.rules['AXAG-LINT-007']).toBe('off');
    expect(config.rules['AXAG-LINT-006']).toBe('warning');
    expect(config.rules['AXAG-LINT-004']).toEqual(['error', { allowed: ACTION_TYPES }]);
    expect(config.include).toEqual(expect.arrayContaining(['**/*.html', '**/*.jsx', '**/*.tsx', '**/*.vue', '**/*.svelte']));
    expect(config.include).not.toContain('**/*.md');
    expect(config.ignorePatterns).toEqual(['dist/']);
    expect(config.manifestPath).toBe('api/axag-manifest.yaml');
    expect(config.identity).toBe('default');
  });

  it('from a subdirectory, with --rule and with --no-config', async ({ expect }) => {
    const cwd = project(FILES);
    const sub = await axag(['lint', '--print-config', 'src/Cart.jsx', '--rule', 'AXAG-LINT-001:warn'], { cwd: join(cwd, 'packages', 'app') });
    expect(sub.code).toBe(0);
    const config = JSON.parse(sub.stdout) as { configFile: string; rules: Record<string, unknown> };
    expect(config.configFile).toBe('.axag-lint.json'); // packages/app/.axag-lint.json, relative to the cwd
    expect(config.rules['AXAG-LINT-001']).toBe('warning');

    const none = await axag(['lint', '--print-config', 'index.html', '--no-config'], { cwd });
    expect(none.code).toBe(0);
    const preset = JSON.parse(none.stdout) as { configFile: unknown; rules: Record<string, unknown>; ignorePatterns: unknown; manifestPath: unknown };
    expect(preset.configFile).toBeNull();
    expect(preset.rules['AXAG-LINT-007']).toBe('warning');
    expect(preset.ignorePatterns).toEqual([]);
    expect(preset.manifestPath).toBeNull();
  });
});

// ---------------------------------------------------------------------------
// 7. Ignore flags and unmatched patterns.

describe.concurrent('--ignore-pattern, --no-ignore, --no-error-on-unmatched-pattern', () => {
  const TREE = {
    'a.html': `${ERR}\n`,
    'legacy/b.html': `${ERR}\n`,
    'gen/c.html': `${ERR}\n`,
    'sub/legacy/d.html': `${ERR}\n`,
    'sub/e.html': `${ERR}\n`,
  };

  it('--ignore-pattern is repeatable and relative to the working directory', async ({ expect }) => {
    const cwd = project(TREE);
    const root = await axag(['lint', '--ignore-pattern', 'legacy/**', '--ignore-pattern', 'gen'], { cwd });
    expect(root.stderr).toBe('');
    expect(root.code).toBe(1);
    expect(Object.keys(rowsByFile(root.stdout))).toEqual(['a.html', 'sub/e.html', 'sub/legacy/d.html']);

    const fromSub = await axag(['lint', '--ignore-pattern', 'legacy'], { cwd: join(cwd, 'sub') });
    expect(Object.keys(rowsByFile(fromSub.stdout))).toEqual(['e.html']);
  });

  it('--ignore-pattern excluding every file of a directory: exit 2 unless --no-error-on-unmatched-pattern', async ({ expect }) => {
    const cwd = project(TREE);
    const strict = await axag(['lint', 'legacy', '--ignore-pattern', 'legacy'], { cwd });
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('legacy');
    const lenient = await axag(['lint', 'legacy', '--ignore-pattern', 'legacy', '--no-error-on-unmatched-pattern'], { cwd });
    expect(lenient).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--no-ignore lints what ignorePatterns, .gitignore and --ignore-pattern exclude; node_modules stays skipped', async ({ expect }) => {
    const cwd = project({
      '.gitignore': 'build/\n',
      '.axag-lint.json': '{ "ignorePatterns": ["vendor/"] }\n',
      'a.html': `${ERR}\n`,
      'build/b.html': `${ERR}\n`,
      'vendor/v.html': `${ERR}\n`,
      'legacy/l.html': `${ERR}\n`,
      'node_modules/pkg/n.html': `${ERR}\n`,
      'sub/node_modules/pkg/m.html': `${ERR}\n`,
    });
    const normal = await axag(['lint', '--ignore-pattern', 'legacy'], { cwd });
    expect(Object.keys(rowsByFile(normal.stdout))).toEqual(['a.html']);

    const all = await axag(['lint', '--no-ignore', '--ignore-pattern', 'legacy'], { cwd });
    expect(all.stderr).toBe('');
    expect(all.code).toBe(1);
    expect(Object.keys(rowsByFile(all.stdout))).toEqual(['a.html', 'build/b.html', 'legacy/l.html', 'vendor/v.html']);
  });

  it('a glob matching nothing: exit 2 naming it; with --no-error-on-unmatched-pattern exit 0, other paths still linted', async ({ expect }) => {
    const cwd = project({ 'a.html': `${ERR}\n`, 'b.html': `${GOOD}\n` });
    mkdirSync(join(cwd, 'empty'));
    const strict = await axag(['lint', 'nothing/**/*.html'], { cwd });
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('nothing/**/*.html');
    expectNoStack(strict);

    for (const pattern of ['nothing/**/*.html', 'empty']) {
      expect(await axag(['lint', pattern, '--no-error-on-unmatched-pattern'], { cwd })).toEqual({ code: 0, stdout: '', stderr: '' });
    }
    const missing = await axag(['lint', 'missing.html', '--no-error-on-unmatched-pattern'], { cwd });
    expect(missing.code).toBe(0);
    const mixed = await axag(['lint', 'b.html', 'nothing/*.html', 'a.html', '--no-error-on-unmatched-pattern'], { cwd });
    expect(mixed.code).toBe(1);
    expect(Object.keys(rowsByFile(mixed.stdout))).toEqual(['a.html']);
  });
});

// ---------------------------------------------------------------------------
// 8. --debug.

describe.concurrent('--debug', () => {
  it('prints the files to lint and timings on stderr as `axag debug:` lines; stdout unchanged', async ({ expect }) => {
    const cwd = project({ 'a.html': `${ERR}\n`, 'd/b.html': `${WARN}\n`, 'd/notes.txt': 'axag\n' });
    const plain = await axag(['lint'], { cwd });
    const debug = await axag(['lint', '--debug'], { cwd });
    expect(debug.code).toBe(plain.code);
    expect(debug.code).toBe(1);
    expect(debug.stdout).toBe(plain.stdout);
    expect(plain.stderr).toBe('');
    const lines = debug.stderr.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^axag debug: /);
    expect(lines).toContain('axag debug:   a.html');
    expect(lines).toContain('axag debug:   d/b.html');
    expect(lines.some((line) => /\b2 files\b/.test(line))).toBe(true);
    expect(lines.filter((line) => /\d+ ms\b/.test(line)).length).toBeGreaterThanOrEqual(2);
    expect(debug.stderr).not.toContain('notes.txt');
  });

  it('with --stdin it names <stdin>', async ({ expect }) => {
    const result = await axagWithStdin(['lint', '--stdin', '--debug'], `${GOOD}\n`, { cwd: project() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^axag debug: {3}<stdin>$/m);
  });
});

// ---------------------------------------------------------------------------
// 9. axag rules.

describe.concurrent('axag rules', () => {
  /**
   * Spec §2 (ids, names, severities in the recommended and strict presets), axag's own checks of §9.1, and the
   * namespaced checks of §3, §4 and §6, which are always on at one severity.
   */
  const STANDARD: [string, string, string, string][] = [
    ['AXAG-LINT-001', 'missing-intent', 'error', 'error'],
    ['AXAG-LINT-002', 'missing-entity', 'error', 'error'],
    ['AXAG-LINT-003', 'missing-action-type', 'error', 'error'],
    ['AXAG-LINT-004', 'invalid-action-type', 'error', 'error'],
    ['AXAG-LINT-005', 'invalid-risk-level', 'error', 'error'],
    ['AXAG-LINT-006', 'confirmation-for-high-risk', 'warning', 'error'],
    ['AXAG-LINT-007', 'idempotent-declared', 'warning', 'error'],
    ['AXAG-LINT-008', 'parameter-overlap', 'error', 'error'],
    ['AXAG-LINT-009', 'invalid-json', 'error', 'error'],
    ['AXAG-LINT-010', 'intent-in-manifest', 'warning', 'error'],
    ['AXAG-LINT-011', 'scope-for-tenant-sensitive', 'warning', 'error'],
    ['AXAG-LINT-012', 'approval-roles', 'error', 'error'],
  ];
  const OWN: [string, string, string, string][] = [
    ['axag/macro-syntax', 'macro-syntax', 'error', 'error'],
    ['axag/macro-conflict', 'macro-conflict', 'error', 'error'],
    ['axag/unknown-attribute', 'unknown-attribute', 'warning', 'error'],
    ['axag/intent-format', 'intent-format', 'error', 'error'],
    ['axag/entity-format', 'entity-format', 'error', 'error'],
    ['axag/boolean-value', 'boolean-value', 'warning', 'error'],
    ['axag/scope-value', 'scope-value', 'warning', 'error'],
    ['axag/attribute-value', 'attribute-value', 'warning', 'error'],
    ['axag/deprecated-value', 'deprecated-value', 'warning', 'error'],
    ['axag/risk-level-required', 'risk-level-required', 'warning', 'error'],
    ['axag/parameter-object', 'parameter-object', 'warning', 'error'],
    ['axag/parameter-type', 'parameter-type', 'warning', 'error'],
    ['axag/params-from', 'params-from', 'warning', 'error'],
    ['axag/schema-ref', 'schema-ref', 'warning', 'error'],
    ['axag/duplicate-intent', 'duplicate-intent', 'warning', 'error'],
    ['axag/manifest-drift', 'manifest-drift', 'warning', 'error'],
    ['axag/manifest-unused', 'manifest-unused', 'off', 'off'],
    ['axag/dynamic-annotation', 'dynamic-annotation', 'off', 'off'],
    ['axag/tenant-parameter', 'tenant-parameter', 'off', 'error'],
    ['axag/parse-error', 'parse-error', 'error', 'error'],
    ['axag/directive', 'directive', 'warning', 'warning'],
    ['axag/manifest-schema', 'manifest-schema', 'error', 'error'],
    ['axag/internal-error', 'internal-error', 'error', 'error'],
  ];

  it('lists every check in two groups, the standard\'s twelve then axag\'s own, each under a heading, with both presets\' severities', async ({ expect }) => {
    const result = await axag(['rules'], { cwd: project() });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    // A group: its heading, a blank line, the column header, its rows; a blank line between groups.
    const groups = result.stdout.trimEnd().split(/\n\n(?=[^\n]+\n\nID )/);
    expect(groups).toHaveLength(2);
    const parsed = groups.map((group) => {
      const [heading, blank, header, ...rows] = group.split('\n');
      expect(blank).toBe('');
      expect(header!.split(/\s{2,}/)).toEqual(['ID', 'NAME', 'RECOMMENDED', 'STRICT', 'DESCRIPTION']);
      const cells = rows.map((row) => row.split(/\s{2,}/));
      for (const row of cells) {
        expect(row).toHaveLength(5);
        expect(row[4]!.length).toBeGreaterThan(10);
      }
      // Columns line up: every description starts where the header's does, in both groups.
      const column = header!.indexOf('DESCRIPTION');
      for (const row of rows) expect(row.slice(column - 2, column)).toBe('  ');
      return { heading, column, checks: cells.map((row) => row.slice(0, 4)) };
    });
    expect(parsed.map((group) => group.heading)).toEqual(["The AXAG standard's rules", "axag's own checks"]);
    expect(parsed[0]!.checks).toEqual(STANDARD);
    expect(parsed[1]!.checks).toEqual(OWN);
    expect(parsed[0]!.column).toBe(parsed[1]!.column);
  });

  it('rules AXAG-LINT-007, rules axag-lint-007 and rules idempotent-declared print its documentation', async ({ expect }) => {
    const cwd = project();
    const byId = await axag(['rules', 'AXAG-LINT-007'], { cwd });
    expect(byId.code).toBe(0);
    expect(byId.stderr).toBe('');
    expect(byId.stdout.split('\n')[0]).toBe('AXAG-LINT-007  idempotent-declared  (recommended: warning, strict: error)');
    expect(byId.stdout).toContain('axag-idempotent');
    expect(byId.stdout).toMatch(/^Why: \S/m);
    expect(byId.stdout).toMatch(/^Failing:\n {4}<\w+/m);
    expect(byId.stdout).toMatch(/^Passing:\n {4}<\w+/m);
    expect(await axag(['rules', 'axag-lint-007'], { cwd })).toEqual(byId);
    expect(await axag(['rules', 'idempotent-declared'], { cwd })).toEqual(byId);
    // Its number alone, as the standard's pages write it.
    expect(await axag(['rules', '7'], { cwd })).toEqual(byId);
    expect(await axag(['rules', '007'], { cwd })).toEqual(byId);

    // The documented examples do what they say.
    const example = (label: string) => byId.stdout.split(`${label}:\n`)[1]!.split('\n\n')[0]!.replace(/^ {4}/gm, '');
    const failing = await axagWithStdin(['lint', '--stdin', '-f', 'json'], example('Failing'), { cwd });
    expect((JSON.parse(failing.stdout) as { files: { findings: { ruleId: string }[] }[] }).files[0]!.findings.map((f) => f.ruleId)).toEqual(['AXAG-LINT-007']);
    expect(await axagWithStdin(['lint', '--stdin'], example('Passing'), { cwd })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('the other AXAG linter\'s number for one of our checks prints that check\'s documentation, saying so', async ({ expect }) => {
    const cwd = project();
    const alias = await axag(['rules', 'AXAG-LINT-027'], { cwd });
    expect(alias.code).toBe(0);
    const direct = await axag(['rules', 'axag/macro-syntax'], { cwd });
    expect(alias.stdout).toBe(`AXAG-LINT-027 is the number another AXAG linter gives axag/macro-syntax.\n\n${direct.stdout}`);
  });

  it('a namespaced rule by its name prints the same documentation as by its id', async ({ expect }) => {
    const cwd = project();
    const byId = await axag(['rules', 'axag/unknown-attribute'], { cwd });
    expect(byId.code).toBe(0);
    expect(byId.stdout.split('\n')[0]).toMatch(/^axag\/unknown-attribute\s+unknown-attribute\s+.*warning/);
    expect(await axag(['rules', 'unknown-attribute'], { cwd })).toEqual(byId);
  });

  it('a namespaced check has documentation too', async ({ expect }) => {
    const result = await axag(['rules', 'axag/directive'], { cwd: project() });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^axag\/directive\s+directive\s+.*warning/);
    expect(result.stdout).toContain('--report-unused-disable-directives');
  });

  it('an unknown id: exit 2 with a did-you-mean, no stack trace', async ({ expect }) => {
    const result = await axag(['rules', 'AXAG-LINT-07'], { cwd: project() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('AXAG-LINT-07');
    expect(result.stderr).toMatch(/did you mean "AXAG-LINT-007"\?/);
    expectNoStack(result);
  });

  it('a number is never taken for another: AXAG-LINT-13 suggests nothing; the other linter\'s 024 says it is not ours', async ({ expect }) => {
    const cwd = project();
    const thirteen = await axag(['rules', 'AXAG-LINT-13'], { cwd });
    expect(thirteen.code).toBe(2);
    expect(thirteen.stderr).not.toMatch(/did you mean/);
    expect(thirteen.stderr).toContain('rule ids are AXAG-LINT-001 … AXAG-LINT-012');
    const peer = await axag(['rules', 'AXAG-LINT-024'], { cwd });
    expect(peer.code).toBe(2);
    expect(peer.stderr).toBe("axag: AXAG-LINT-024 is not a check of axag (axag rules lists axag's checks)\n");
  });

  it('a misspelt rule name: exit 2 suggesting the name', async ({ expect }) => {
    const result = await axag(['rules', 'idempotent-declard'], { cwd: project() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('axag: unknown rule "idempotent-declard"; did you mean "idempotent-declared"?\n');
    expectNoStack(result);
  });
});

// ---------------------------------------------------------------------------
// 10. axag init.

describe.concurrent('axag init', () => {
  /** Spec §2 and §9.1 default severities. */
  const DEFAULTS: Record<string, string> = {
    'AXAG-LINT-001': 'error',
    'AXAG-LINT-002': 'error',
    'AXAG-LINT-003': 'error',
    'AXAG-LINT-004': 'error',
    'AXAG-LINT-005': 'error',
    'AXAG-LINT-006': 'warning',
    'AXAG-LINT-007': 'warning',
    'AXAG-LINT-008': 'error',
    'AXAG-LINT-009': 'error',
    'AXAG-LINT-010': 'warning',
    'AXAG-LINT-011': 'warning',
    'AXAG-LINT-012': 'error',
    'axag/macro-syntax': 'error',
    'axag/macro-conflict': 'error',
    'axag/unknown-attribute': 'warning',
    'axag/intent-format': 'error',
    'axag/entity-format': 'error',
    'axag/boolean-value': 'warning',
    'axag/scope-value': 'warning',
    'axag/attribute-value': 'warning',
    'axag/deprecated-value': 'warning',
    'axag/risk-level-required': 'warning',
    'axag/parameter-object': 'warning',
    'axag/parameter-type': 'warning',
    'axag/params-from': 'warning',
    'axag/schema-ref': 'warning',
    'axag/duplicate-intent': 'warning',
    'axag/manifest-drift': 'warning',
    'axag/manifest-unused': 'off',
    'axag/dynamic-annotation': 'off',
    'axag/tenant-parameter': 'off',
  };
  const normalized = (severity: unknown) => (severity === 'warn' || severity === 1 ? 'warning' : severity === 2 ? 'error' : severity);

  it('writes .axag-lint.json with the recommended preset and every rule at its default severity; a second init exits 2 and changes nothing', async ({ expect }) => {
    const cwd = project({ 'a.html': `${WARN}\n` });
    const first = await axag(['init'], { cwd });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('.axag-lint.json');
    const path = join(cwd, '.axag-lint.json');
    const text = readFileSync(path, 'utf8');
    const config = JSON.parse(text) as { extends: unknown; rules: Record<string, unknown> };
    expect([config.extends].flat()).toEqual(['axag-lint/recommended']);
    expect(Object.fromEntries(Object.entries(config.rules).map(([id, severity]) => [id, normalized(severity)]))).toEqual(DEFAULTS);

    // The file written is a valid config, in use from now on.
    const lint = await axag(['lint'], { cwd });
    expect(lint.stderr).toBe('');
    expect(lint.code).toBe(0);
    expect(rowsByFile(lint.stdout)).toEqual({ 'a.html': [[1, 2, 'warning', 'AXAG-LINT-007']] });
    expect((JSON.parse((await axag(['lint', '--print-config', 'a.html'], { cwd })).stdout) as { configFile: string }).configFile).toBe('.axag-lint.json');

    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(path, old, old);
    const second = await axag(['init'], { cwd });
    expect(second.code).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr).toContain('.axag-lint.json');
    expectNoStack(second);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(statSync(path).mtimeMs).toBe(old.getTime());
  });

  it('a package.json here with an "axag-lint" config: exit 2 naming it, nothing written; one without the key does not count', async ({ expect }) => {
    const withKey = '{\n  "name": "shop",\n  "axag-lint": { "rules": {} }\n}\n';
    const cwd = project({ 'package.json': withKey });
    const refused = await axag(['init'], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('axag: package.json here already has an "axag-lint" config; nothing was written (edit it, or remove the key to start again)\n');
    expect(readdirSync(cwd)).toEqual(['package.json']);

    const other = project({ 'package.json': '{ "name": "shop", "devDependencies": { "axag-lint": "^0.1.0" } }\n' });
    const written = await axag(['init'], { cwd: other });
    expect(written.code).toBe(0);
    expect(readdirSync(other).sort()).toEqual(['.axag-lint.json', 'package.json']);
  });

  it('another config file already here (.axag-lint.yaml): exit 2, nothing written', async ({ expect }) => {
    const cwd = project({ '.axag-lint.yaml': 'rules: {}\n' });
    const result = await axag(['init'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.axag-lint.yaml');
    expect(readdirSync(cwd)).toEqual(['.axag-lint.yaml']);
  });
});

// ---------------------------------------------------------------------------
// 11. Help and usage errors.

interface HelpOption {
  short: string | undefined;
  long: string;
  argument: string | undefined;
  description: string;
}

/** The options of a commander help text: `  -f, --format <name>   description`. */
/** The options of every section of options (`Options:`, `Basic configuration:`, `Output:` …), in order. */
function helpOptions(help: string): HelpOption[] {
  const sections = help
    .split(/\n\n/)
    .filter((block) => /^[A-Z][\w ]*:\n/.test(block) && !/^(Usage|Arguments|Commands|Exit codes):/.test(block))
    .map((block) => block.slice(block.indexOf('\n') + 1));
  const options: HelpOption[] = [];
  for (const line of sections.join('\n').split('\n')) {
    const match = /^ {2}(?:(-\w), )?(--[a-z][a-z-]*)(?: (<[^>]+>|\[[^\]]+\]))?(?: {2,}(\S.*))?$/.exec(line);
    if (match) options.push({ short: match[1], long: match[2]!, argument: match[3], description: match[4] ?? '' });
    else if (options.length > 0 && /^ {3,}\S/.test(line)) options.at(-1)!.description = `${options.at(-1)!.description} ${line.trim()}`.trimStart(); // wrapped, or below a long term
    else throw new Error(`unexpected line in the options section: ${JSON.stringify(line)}`);
  }
  return options;
}

describe.concurrent('help', () => {
  /** The options spec §6 and issue 5 ask of `axag lint`, with --verbose, --debug and --help. */
  const REQUIRED = (
    '--format --output-file --config --no-config --manifest --rule --max-warnings --quiet ' +
    '--report-unused-disable-directives --report-unused-disable-directives-severity --color --no-color --verbose ' +
    '--stdin --stdin-filename --baseline --update-baseline --staged --changed-since --ignore-pattern --no-ignore ' +
    '--no-error-on-unmatched-pattern --print-config --debug --help'
  ).split(' ');

  it('axag lint --help: exit 0, every option with a one-line description, and the three exit codes', async ({ expect }) => {
    const result = await axag(['lint', '--help'], { cwd: project() });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const options = helpOptions(result.stdout);
    expect(options.map((option) => option.long)).toEqual(expect.arrayContaining(REQUIRED));
    for (const option of options) expect([option.long, option.description]).toEqual([option.long, expect.stringMatching(/^\S+ \S/)]);
    const shorts = Object.fromEntries(options.filter((o) => o.short).map((o) => [o.short, o.long]));
    const pairs = '-f --format -o --output-file -c --config -m --manifest -h --help'.split(' ');
    for (let i = 0; i < pairs.length; i += 2) expect([pairs[i], shorts[pairs[i]!]]).toEqual([pairs[i], pairs[i + 1]]);
    // Options that take a value say so.
    const valued = '--format --output-file --config --manifest --rule --max-warnings --stdin-filename --baseline --changed-since --ignore-pattern --print-config --report-unused-disable-directives-severity';
    for (const long of valued.split(' ')) {
      expect([long, options.find((o) => o.long === long)?.argument]).toEqual([long, expect.stringMatching(/^<.+>$/)]);
    }
    expect(result.stdout).toMatch(/exit codes/i);
    for (const code of [0, 1, 2]) expect(result.stdout).toMatch(new RegExp(`^\\s+${code}\\s+\\S`, 'm'));
  });

  it('axag --help: exit 0, its commands and options described, and the exit codes', async ({ expect }) => {
    const result = await axag(['--help'], { cwd: project() });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(helpOptions(result.stdout).map((o) => o.long)).toEqual(expect.arrayContaining('--version --help'.split(' ')));
    for (const command of ['lint', 'rules', 'init', 'manifest']) expect(result.stdout).toMatch(new RegExp(`^ {2}${command}\\b.* {2,}\\S`, 'm'));
    for (const code of [0, 1, 2]) expect(result.stdout).toMatch(new RegExp(`^\\s+${code}\\s+\\S`, 'm'));
  });

  it('the long spellings -f/--format, -o/--output-file, -c/--config and -m/--manifest do the same', async ({ expect }) => {
    const cwd = project({
      'ci/axag.json': '{ "rules": { "AXAG-LINT-007": "off" } }\n',
      'm.json': JSON.stringify({
        version: '1.0.0',
        generated_at: '2024-01-01T00:00:00Z',
        source: { url: 'https://shop.example', paths: ['.'], tool: 'hand', tool_version: '1.0.0' },
        conformance: 'basic',
        actions: [{ intent: 'cart.add_item', entity: 'cart', action_type: 'write', description: 'Add to cart' }],
      }),
      // 007 (turned off by ci/axag.json) and 010: cart.archive is not in the manifest.
      'a.html': '<button axag-intent="cart.archive" axag-entity="cart" axag-action-type="write" axag-risk-level="low">Archive</button>\n',
    });
    const long = await axag(['lint', '--config', 'ci/axag.json', '--manifest', 'm.json', '--format', 'json', '--output-file', 'out/long.json'], { cwd });
    const short = await axag(['lint', '-c', 'ci/axag.json', '-m', 'm.json', '-f', 'json', '-o', 'out/short.json'], { cwd });
    expect(long).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(short).toEqual(long);
    const report = readFileSync(join(cwd, 'out', 'long.json'), 'utf8');
    expect(readFileSync(join(cwd, 'out', 'short.json'), 'utf8')).toBe(report);
    const parsed = JSON.parse(report) as { files: { path: string; findings: { ruleId: string }[] }[] };
    expect(parsed.files.map((f) => [f.path, f.findings.map((x) => x.ruleId)])).toEqual([['a.html', ['AXAG-LINT-010']]]);
  });
});

describe.concurrent('usage errors: exit 2, the bad flag or value named, no stack trace', () => {
  /** [case, arguments, the texts stderr must contain (space-separated)]. */
  const CASES: [string, string[], string][] = [
    ['--stdin with a path', ['--stdin', 'a.html'], '--stdin a.html'],
    ['--stdin-filename without --stdin', ['--stdin-filename', 'src/X.jsx'], '--stdin-filename --stdin'],
    ['--staged with --stdin', ['--staged', '--stdin'], '--staged --stdin'],
    ['--stdin with --changed-since', ['--stdin', '--changed-since', 'HEAD'], '--stdin --changed-since'],
    ['--staged with --changed-since', ['--staged', '--changed-since', 'HEAD'], '--staged --changed-since'],
    ['an unknown option', ['--frobnicate'], '--frobnicate'],
    ['a misspelt option', ['--ignroe-pattern', 'x'], '--ignroe-pattern --ignore-pattern'],
    ['--changed-since without its ref', ['--changed-since'], '--changed-since'],
    ['a bad --report-unused-disable-directives-severity', ['--report-unused-disable-directives-severity', 'loud'], '--report-unused-disable-directives-severity loud off warn error'],
  ];

  it.for(CASES)('%s', async ([, args, named], { expect }) => {
    const cwd = project({ 'a.html': `${ERR}\n` });
    const result = await axagWithStdin(['lint', ...args], `${ERR}\n`, { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    for (const text of named.split(' ')) expect(result.stderr).toContain(text);
    expect(result.stderr).toMatch(/^axag: /);
    expectNoStack(result);
  });
});

// ---------------------------------------------------------------------------
// 12. The configuration the AXAG 1.1 docs tell users to write (spec §5): `.axaglintrc.json` or an "axag-lint" key
// in package.json, with `exclude`, the severity `info`, and the other linter's rule numbers.

/** `line:column` of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): string {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

describe.concurrent('the configuration the AXAG 1.1 docs describe', () => {
  /** The docs' example, with severities of each spelling and numbers axag has no check for. */
  const DOCS_CONFIG = {
    include: ['**/*.{html,htm,jsx,tsx,vue}'],
    exclude: ['node_modules/**', 'dist/**', 'build/**', '**/*.test.*'],
    manifestPath: './axag-manifest.json',
    rules: {
      'AXAG-LINT-001': 'info',
      'AXAG-LINT-007': 'off',
      'AXAG-LINT-010': 'warning',
      'AXAG-LINT-025': 'off',
      'AXAG-LINT-031': 'warning',
    },
  };
  const MANIFEST = JSON.stringify({
    version: '1.0.0',
    generated_at: '2024-01-01T00:00:00Z',
    source: { url: 'https://shop.example', paths: ['src'], tool: 'axag', tool_version: '1.1.0' },
    conformance: 'basic',
    actions: [{ intent: 'cart.add_item', entity: 'cart', action_type: 'write', risk_level: 'low', description: 'Add to cart' }],
  });
  const SOURCES = {
    'axag-manifest.json': MANIFEST,
    'src/index.html': [
      ERR, // 001, lowered to a warning by "info"
      // 004 at "Write": `<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="` is 73 characters.
      // (Its risk level and no axag-idempotent, as in the manifest, so that it drifts neither from the manifest nor
      // from WARN's.)
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="Write" axag-risk-level="low">Add</button>',
      WARN, // 007 is off; its intent is in the manifest
      // 010 at the value, after `<button axag-intent="` (21 characters).
      '<button axag-intent="cart.remove_item" axag-entity="cart" axag-action-type="delete" axag-idempotent="true" axag-risk-level="medium">Remove</button>',
      '',
    ].join('\n'),
    // `<button` after `export const Cart = () => ` (26 characters): its name at 28.
    'src/Cart.tsx': `export const Cart = () => ${ERR};\n`,
    // Excluded by "**/*.test.*", "dist/**" and "build/**"; .js is not in the include globs.
    'src/Cart.test.tsx': `export const Cart = () => ${ERR};\n`,
    'dist/index.html': `${ERR}\n`,
    'build/index.html': `${ERR}\n`,
    'src/legacy.js': `export const Legacy = () => ${ERR};\n`,
  };
  const ROWS = {
    'src/Cart.tsx': [[1, 28, 'warning', 'AXAG-LINT-001']],
    'src/index.html': [
      [1, 2, 'warning', 'AXAG-LINT-001'],
      [2, 74, 'error', 'AXAG-LINT-004'],
      [4, 22, 'warning', 'AXAG-LINT-010'],
    ],
  };
  const warnings = (file: string, text: string) =>
    ['AXAG-LINT-025', 'AXAG-LINT-031'].map((id) => `axag: warning: ${file}:${positionOf(text, `"${id}"`)}: ${id} is not a check of axag; ignored\n`).join('');

  it('.axaglintrc.json copied from the docs lints: include, exclude, manifestPath, info/warning/off, and a warning per unknown number', async ({ expect }) => {
    const config = `${JSON.stringify(DOCS_CONFIG, null, 2)}\n`;
    // JSON.stringify indents by 2 and puts each array item on its own line: `{` (1), include (2–4), exclude (5–10),
    // manifestPath (11), rules (12), then 001, 007, 010: the key of 025 is on line 16 and 031 on 17, at column 5.
    expect(warnings('.axaglintrc.json', config)).toBe(
      'axag: warning: .axaglintrc.json:16:5: AXAG-LINT-025 is not a check of axag; ignored\n' +
        'axag: warning: .axaglintrc.json:17:5: AXAG-LINT-031 is not a check of axag; ignored\n',
    );
    const cwd = project({ ...SOURCES, '.axaglintrc.json': config });
    const result = await axag(['lint'], { cwd });
    expect(result.stderr).toBe(warnings('.axaglintrc.json', config));
    expect(rowsByFile(result.stdout)).toEqual(ROWS);
    expect(result.code).toBe(1);

    // The warnings never change the exit code: without the error, the run passes, and they are still shown once.
    const clean = await axag(['lint', '--rule', 'AXAG-LINT-004:off'], { cwd });
    expect(clean.stderr).toBe(warnings('.axaglintrc.json', config));
    expect(clean.code).toBe(0);
    const strict = await axag(['lint', '--rule', 'AXAG-LINT-004:off', '--max-warnings', '3'], { cwd });
    expect(strict.code).toBe(0); // four findings are warnings; the two notices are not counted
    expect((await axag(['lint', '--rule', 'AXAG-LINT-004:off', '--max-warnings', '2'], { cwd })).code).toBe(1);
  });

  it('the same config under the "axag-lint" key of package.json lints the same, with the warnings at their place in package.json', async ({ expect }) => {
    const packageJson = `${JSON.stringify({ name: 'shop', private: true, devDependencies: { 'axag-lint': '^0.1.0' }, 'axag-lint': DOCS_CONFIG }, null, 2)}\n`;
    const cwd = project({ ...SOURCES, 'package.json': packageJson });
    const result = await axag(['lint'], { cwd });
    expect(result.stderr).toBe(warnings('package.json', packageJson));
    expect(rowsByFile(result.stdout)).toEqual(ROWS);
    expect(result.code).toBe(1);
  });

  it('a package.json config in a package of a monorepo applies to that package only, and its errors name package.json', async ({ expect }) => {
    const broken = '{\n  "name": "shop",\n  "axag-lint": {\n    "rules": { "AXAG-LINT-038": "off" }\n  }\n}\n';
    const cwd = project({
      'package.json': '{ "name": "monorepo", "private": true, "workspaces": ["packages/*"] }\n',
      'packages/shop/package.json': `${JSON.stringify({ name: 'shop', 'axag-lint': { rules: { 'AXAG-LINT-001': 'off' } } }, null, 2)}\n`,
      'packages/shop/a.html': `${ERR}\n`,
      'packages/admin/a.html': `${ERR}\n`,
    });
    const result = await axag(['lint'], { cwd });
    expect(result.stderr).toBe('');
    expect(rowsByFile(result.stdout)).toEqual({ 'packages/admin/a.html': [[1, 2, 'error', 'AXAG-LINT-001']] });

    writeFiles(cwd, { 'packages/shop/package.json': broken });
    const failed = await axag(['lint'], { cwd });
    expect(failed.code).toBe(2);
    expect(failed.stdout).toBe('');
    // `    "rules": { ` is 15 characters: the key is at 4:16.
    expect(failed.stderr).toMatch(/^axag: invalid "axag-lint" config in packages\/shop\/package\.json\npackages\/shop\/package\.json:4:16: unknown key "AXAG-LINT-038" in rules; /);
    expectNoStack(failed);
  });

  it('--rule AXAG-LINT-024:off warns on stderr and runs as without it; --rule with info means warning', async ({ expect }) => {
    const cwd = project({ 'a.html': `${ERR}\n${WARN}\n` });
    const result = await axag(['lint', '--rule', 'AXAG-LINT-024:off'], { cwd });
    expect(result.stderr).toBe('axag: warning: --rule: AXAG-LINT-024 is not a check of axag; ignored\n');
    expect(rowsByFile(result.stdout)).toEqual({ 'a.html': [[1, 2, 'error', 'AXAG-LINT-001'], [2, 2, 'warning', 'AXAG-LINT-007']] });
    expect(result.code).toBe(1);

    const info = await axag(['lint', '--rule', 'AXAG-LINT-001:info'], { cwd });
    expect(info.stderr).toBe('');
    expect(rowsByFile(info.stdout)).toEqual({ 'a.html': [[1, 2, 'warning', 'AXAG-LINT-001'], [2, 2, 'warning', 'AXAG-LINT-007']] });
    expect(info.code).toBe(0);
  });

  it('--report-unused-disable-directives-severity info reports unused directives as warnings', async ({ expect }) => {
    const cwd = project({ 'a.html': `<!-- axag-disable-next AXAG-LINT-007 -->\n${GOOD}\n` });
    const result = await axag(['lint', '--report-unused-disable-directives-severity', 'info'], { cwd });
    expect(result.stderr).toBe('');
    expect(rowsByFile(result.stdout)).toEqual({ 'a.html': [[1, 1, 'warning', 'axag/directive']] });
    expect(result.code).toBe(0);
  });

  it('--print-config for a file under a package.json config: that package.json, exclude as ignorePatterns, paths relative to it; the warnings on stderr', async ({ expect }) => {
    const packageJson = `${JSON.stringify(
      {
        name: 'shop',
        'axag-lint': {
          include: ['src/**/*.{jsx,tsx}'],
          exclude: ['src/legacy/**'],
          manifestPath: './axag-manifest.json',
          rules: { 'AXAG-LINT-001': 'info', 'AXAG-LINT-024': 'off' },
        },
      },
      null,
      2,
    )}\n`;
    const cwd = project({ '.axag-lint.json': '{ "rules": { "AXAG-LINT-002": "off" } }\n', 'packages/shop/package.json': packageJson });
    const result = await axag(['lint', '--print-config', 'packages/shop/src/Cart.jsx'], { cwd });
    expect(result.stderr).toBe(`axag: warning: packages/shop/package.json:${positionOf(packageJson, '"AXAG-LINT-024"')}: AXAG-LINT-024 is not a check of axag; ignored\n`);
    expect(result.code).toBe(0);
    const config = JSON.parse(result.stdout) as { configFile: string; rules: Record<string, unknown>; include: string[]; ignorePatterns: string[]; manifestPath: string };
    expect(config.configFile).toBe('packages/shop/package.json');
    expect(config.rules['AXAG-LINT-001']).toBe('warning');
    expect(config.rules['AXAG-LINT-002']).toBe('off'); // inherited from the root config, which it merges over
    expect(Object.keys(config.rules)).not.toContain('AXAG-LINT-024');
    expect(config.include).toEqual(['src/**/*.{jsx,tsx}']);
    expect(config.ignorePatterns).toEqual(['src/legacy/**']);
    expect(config.manifestPath).toBe('packages/shop/axag-manifest.json');
  });
});

// ---------------------------------------------------------------------------
// Every option of `axag lint --help` has a CLI test and is documented in the README.

describe('every option is tested and documented', () => {
  it('each long option of axag lint --help appears as an argument string in a test file under test/, and in README.md', async () => {
    const help = await axag(['lint', '--help'], { cwd: project() });
    const longs = helpOptions(help.stdout).map((option) => option.long);
    expect(longs.length).toBeGreaterThan(20);

    const testDir = join(ROOT, 'test');
    const sources = readdirSync(testDir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .map((name) => readFileSync(join(testDir, name), 'utf8'));
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // A quoted string that is the option, or the option with `=value`: '--stdin', "--format=json".
    const untested = longs.filter((long) => !sources.some((source) => new RegExp(`['"\`]${escape(long)}(?:['"\`]|=)`).test(source)));

    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const undocumented = longs.filter((long) => !new RegExp(`(?<![\\w-])${escape(long)}(?![\\w-])`).test(readme));

    expect({ untested, undocumented }).toEqual({ untested: [], undocumented: [] });
  });
});

// ---------------------------------------------------------------------------
// 13. Rules named by their kebab-case name (issue 10) in a config, --rule and directives; output keeps the id.

describe.concurrent('rule names', () => {
  it('in a config’s rules, --rule and a directive, a name means its rule; findings carry the id', async ({ expect }) => {
    const cwd = project({
      '.axag-lint.json': '{ "rules": { "missing-intent": "warn" } }\n',
      // 001 (lowered to a warning by the config), 007 silenced by name, 007 kept.
      'a.html': `${ERR}\n<!-- axag-disable-next idempotent-declared -->\n${WARN}\n${WARN}\n`,
    });
    const result = await axag(['lint', '-f', 'json'], { cwd });
    expect(result.stderr).toBe('');
    const ids = (JSON.parse(result.stdout) as { files: { findings: { ruleId: string; severity: string; line: number }[] }[] }).files[0]!.findings;
    expect(ids.map(({ ruleId, severity, line }) => [line, severity, ruleId])).toEqual([
      [1, 'warning', 'AXAG-LINT-001'],
      [4, 'warning', 'AXAG-LINT-007'],
    ]);
    expect(result.code).toBe(0);

    const overridden = await axag(['lint', '--rule', 'idempotent-declared:error', '--rule', 'missing-intent:off'], { cwd });
    expect(overridden.stderr).toBe('');
    expect(rowsByFile(overridden.stdout)).toEqual({ 'a.html': [[4, 2, 'error', 'AXAG-LINT-007']] });
    expect(overridden.code).toBe(1);
  });

  it('a config naming one rule by id and by name: a warning at the later key, which applies', async ({ expect }) => {
    // `{ "rules": { "AXAG-LINT-007": "off", ` is 37 characters: the later key starts at column 38.
    const cwd = project({
      '.axag-lint.json': '{ "rules": { "AXAG-LINT-007": "off", "idempotent-declared": "error" } }\n',
      'a.html': `${WARN}\n`,
    });
    const result = await axag(['lint'], { cwd });
    expect(result.stderr).toBe(
      'axag: warning: .axag-lint.json:1:38: idempotent-declared and AXAG-LINT-007 name the same rule, AXAG-LINT-007; the later entry, idempotent-declared, applies: remove one\n',
    );
    expect(rowsByFile(result.stdout)).toEqual({ 'a.html': [[1, 2, 'error', 'AXAG-LINT-007']] });
    expect(result.code).toBe(1);
  });

  it('a misspelt name: did-you-mean in the config (exit 2), in --rule (exit 2) and in a directive (a warning)', async ({ expect }) => {
    // `{ "rules": { ` is 13 characters: the key starts at column 14.
    const cwd = project({ '.axag-lint.json': '{ "rules": { "idempotent-declard": "off" } }\n', 'a.html': `${GOOD}\n` });
    const config = await axag(['lint'], { cwd });
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('.axag-lint.json:1:14: unknown key "idempotent-declard" in rules; did you mean "idempotent-declared"?');
    expectNoStack(config);

    const other = project({ 'a.html': `<!-- axag-disable-next unknown-atribute -->\n${GOOD}\n` });
    const option = await axag(['lint', '--rule', 'unknown-atribute:off'], { cwd: other });
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('unknown rule "unknown-atribute"; did you mean "unknown-attribute"?');
    expectNoStack(option);

    const directive = await axag(['lint'], { cwd: other });
    expect(directive.stderr).toBe('');
    expect(parsePretty(directive.stdout).files.flatMap((file) => file.rows)).toEqual([
      {
        line: 1,
        column: 1,
        severity: 'warning',
        message: 'Unknown rule "unknown-atribute" in axag-disable-next; did you mean "unknown-attribute"?',
        ruleId: 'axag/directive',
      },
    ]);
    expect(directive.code).toBe(0);
  });
});
