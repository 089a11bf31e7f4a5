/**
 * Fast start (issue 11): each command loads only what it needs. `axag --version` and `axag --help` load neither
 * the commands nor the rules, the engine, a parser, YAML or ajv; linting one HTML file loads its parser and the
 * engine, but no YAML and no ajv when there is no YAML config or manifest, and no glob matcher or .gitignore
 * reader when the file is named and nothing is to be ignored (a directory or a glob loads them); a clean run loads
 * nothing to lay out or colour text, and touches neither standard input nor standard error. A module-resolution trace
 * of the built CLI says what was loaded, module by module also inside its bundle (how long it takes is for
 * `npm run bench`).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, axag, PACKAGE_VERSION, project, removeProjects, ROOT } from './cli-helpers.js';
import { tracedModules } from './support/traced-modules.js';

const TRACE = pathToFileURL(join(ROOT, 'test', 'support', 'trace-imports.mjs')).href;

let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = project({
    'page.html': '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="read">Add</button>\n',
    'widget.tsx': 'export const Add = () => <button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="read">Add</button>;\n',
    'findings/bad.html': '<button axag-intent="cart.add_item">Add</button>\n',
    'site/.axag-lint.yaml': 'rules:\n  AXAG-LINT-007: off\n',
    'site/page.html': '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="read">Add</button>\n',
  });
});
afterAll(removeProjects);

/** The modules a run loaded: axag's own by their path under dist/, packages by their name. */
async function loaded(args: string[], name: string): Promise<{ code: number | null; stdout: string; modules: Set<string> }> {
  const log = join(dir, `${name}.trace`);
  const run = await axag(args, { cwd: dir, env: { AXAG_TRACE_IMPORTS: log }, nodeArgs: ['--import', TRACE] });
  const modules = new Set(
    tracedModules(log)
      .map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? /\/dist\/(.+)$/.exec(url)?.[1] ?? /^node:process\.\w+$/.exec(url)?.[0] ?? '')
      .filter(Boolean),
  );
  return { code: run.code, stdout: run.stdout, modules };
}

const HEAVY = ['rules/index.js', 'src/engine/lint.js', 'src/cli/lint-command.js', 'src/formatters/index.js', 'yaml', 'ajv', 'parse5', '@babel/parser', 'ignore', 'picomatch', 'chalk'];

describe('a command loads only what it needs', () => {
  it.each([['--version'], ['--help']])('%s loads no command, rule, engine, parser, formatter, YAML or ajv', async (flag) => {
    const run = await loaded([flag], flag.slice(2));
    expect(run.code).toBe(0);
    if (flag === '--version') expect(run.stdout).toBe(`${PACKAGE_VERSION}\n`);
    else expect(run.stdout).toContain('Usage: axag');
    expect(HEAVY.filter((module) => run.modules.has(module))).toEqual([]);
  });

  it('linting one HTML file loads the engine and parse5, and neither YAML nor ajv', async () => {
    const run = await loaded(['lint', 'page.html'], 'html');
    expect(run.code).toBe(0);
    expect(['src/engine/lint.js', 'parse5'].filter((module) => run.modules.has(module))).toEqual(['src/engine/lint.js', 'parse5']);
    expect(['yaml', 'ajv', '@babel/parser', 'picomatch', 'ignore'].filter((module) => run.modules.has(module))).toEqual([]);
    // What only some runs do: --print-config, --fix, --cache, --baseline, --shard, --staged and --changed-since.
    const forSomeRuns = ['src/cli/print-config.js', 'src/cli/fix-files.js', 'src/engine/result-cache.js', 'src/baseline.js', 'src/shard.js', 'src/cli/git.js'];
    expect(forSomeRuns.filter((module) => run.modules.has(module))).toEqual([]);
  });

  it('a clean lint loads nothing to lay out or colour text; a lint with findings does', async () => {
    const LAYOUT = ['string-width', 'wrap-ansi', 'chalk'];
    const clean = await loaded(['lint', 'page.html'], 'clean');
    expect([clean.code, clean.stdout]).toEqual([0, '']);
    expect(LAYOUT.filter((module) => clean.modules.has(module))).toEqual([]);
    const findings = await loaded(['lint', 'findings/bad.html'], 'findings');
    expect(findings.code).toBe(1);
    expect(findings.stdout).toContain('AXAG-LINT-002');
    expect(LAYOUT.filter((module) => findings.modules.has(module))).toEqual(LAYOUT);
  });

  it('a clean lint of one file touches neither standard input nor standard error; runs that use them do', async () => {
    const STREAMS = ['node:process.stdin', 'node:process.stderr'];
    const clean = await loaded(['lint', 'page.html'], 'streams-clean');
    expect([clean.code, clean.stdout]).toEqual([0, '']);
    expect(STREAMS.filter((stream) => clean.modules.has(stream))).toEqual([]);
    const failing = await loaded(['lint', 'missing.html'], 'streams-failing');
    expect(failing.code).toBe(2);
    expect(STREAMS.filter((stream) => failing.modules.has(stream))).toEqual(['node:process.stderr']);
    const stdin = await loaded(['lint', '--stdin', '--stdin-filename', 'page.html'], 'streams-stdin');
    expect(stdin.code).toBe(0);
    expect(STREAMS.filter((stream) => stdin.modules.has(stream))).toEqual(['node:process.stdin']);
  });

  it('linting a glob loads the glob matcher, and the trace sees it though it is required on first use', async () => {
    const run = await loaded(['lint', '*.html'], 'glob');
    expect(run.code).toBe(0);
    expect(run.modules.has('picomatch')).toBe(true);
  });

  it('linting one TSX file loads @babel/parser (required, so the trace sees it at exit), and neither parse5 nor a glob matcher', async () => {
    const run = await loaded(['lint', 'widget.tsx'], 'tsx');
    expect(run.code).toBe(0);
    expect(run.modules.has('@babel/parser')).toBe(true);
    expect(['parse5', 'picomatch', 'ignore', 'yaml', 'ajv'].filter((module) => run.modules.has(module))).toEqual([]);
  });

  it('a YAML config loads YAML (the trace does see it)', async () => {
    const run = await loaded(['lint', 'site/page.html'], 'yaml-config');
    expect(run.code).toBe(0);
    expect(run.modules.has('yaml')).toBe(true);
  });
});
