/**
 * The CI and pre-commit kit at the repository root: action.yml (a composite GitHub Action) and
 * .pre-commit-hooks.yaml (the pre-commit framework's hook list). Both parse, name only inputs, outputs, commands
 * and options that exist, and their commands do what they say when run as GitHub and pre-commit run them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SOURCE_EXTENSIONS } from '../src/sources/index.js';
import { assertBuilt, axag, BIN, project, removeProjects, ROOT } from './cli-helpers.js';

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  name: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const actionText = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const action = parse(actionText) as Action;
const lintStep = action.runs.steps.find((step) => step.id === 'lint')!;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

let lintHelp: string;
beforeAll(async () => {
  assertBuilt();
  const help = await axag(['lint', '--help'], { cwd: ROOT });
  expect(help.code).toBe(0);
  lintHelp = help.stdout;
});
afterAll(removeProjects);

describe('action.yml', () => {
  it('is a composite action whose every input is declared, documented and used', () => {
    expect(action.runs.using).toBe('composite');
    const used = new Set([...actionText.matchAll(/\$\{\{[^}]*?\binputs\.([\w-]+)/g)].map((match) => match[1]!));
    const declared = Object.keys(action.inputs);
    expect([...used].filter((name) => !declared.includes(name))).toEqual([]);
    expect(declared.filter((name) => !used.has(name))).toEqual([]);
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(20);
    expect(declared).toEqual(expect.arrayContaining(['paths', 'config', 'manifest', 'args', 'sarif', 'sarif-category']));
  });

  it('reads only outputs that the lint step writes, and pastes no input into a script', () => {
    const written = new Set([...lintStep.run!.matchAll(/echo "([\w-]+)=/g)].map((match) => match[1]!));
    const read = [...actionText.matchAll(/steps\.lint\.outputs\.([\w-]+)/g)].map((match) => match[1]!);
    expect(read.length).toBeGreaterThan(3);
    expect(read.filter((name) => !written.has(name))).toEqual([]);
    for (const step of action.runs.steps) expect(step.run ?? '').not.toMatch(/\$\{\{/);
  });

  it('passes axag lint only options that axag lint --help lists, and uploads SARIF even when lint fails', () => {
    const arrays = [...lintStep.run!.matchAll(/options\+?=\(([^)]*)\)/g)].map((match) => match[1]!);
    const options = arrays.flatMap((words) => [...words.matchAll(/(?<=^|\s)--?[a-z][a-z-]*/g)].map((match) => match[0]));
    expect(options).toEqual(expect.arrayContaining(['--format', '--config', '--manifest']));
    for (const option of options) expect(lintHelp, option).toMatch(new RegExp(`(^|[\\s,])${option}[\\s,]`, 'm'));
    expect(lintStep.run).toMatch(/--format github\b/);
    expect(lintStep.run).toMatch(/--format "sarif=\$sarif_file"/);
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.uses).toBe('github/codeql-action/upload-sarif@v4');
    expect(upload.if).toMatch(/^always\(\) && /);
    // The step that fails the action as axag lint did comes last.
    expect(action.runs.steps.at(-1)!.run).toMatch(/exit "\$\{AXAG_EXIT_CODE/);
  });

  it('its lint script, run as GitHub runs it with the project\'s own axag, annotates, writes SARIF and keeps the exit code', () => {
    const cwd = project({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'site/.axag-lint.json': '{ "ignorePatterns": ["legacy/**"] }\n',
      'site/legacy/old.html': '<button axag-entity="cart">Old</button>\n',
      'site/Cart.tsx': 'export const Cart = () => <button axag-intent="cart.clear" axag-entity="cart" axag-action-type="delete" axag-risk-level="low">Clear</button>;\n',
      'site/ok.html': '<p>no annotations</p>\n',
    });
    mkdirSync(join(cwd, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(BIN, join(cwd, 'node_modules', '.bin', 'axag'));
    const run = (inputs: Record<string, string>) => {
      const output = join(cwd, `github-output-${Object.keys(inputs).join('-')}`);
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', lintStep.run!], {
        cwd,
        encoding: 'utf8',
        env: {
          ...process.env,
          NO_COLOR: '1',
          ...Object.fromEntries(Object.entries(lintStep.env!).map(([name, value]) => [name, inputs[/inputs\.([\w-]+)/.exec(value)![1]!] ?? action.inputs[/inputs\.([\w-]+)/.exec(value)![1]!]!.default ?? ''])),
          GITHUB_OUTPUT: output,
          GITHUB_ACTION_PATH: ROOT,
          GITHUB_RUN_ID: '7',
          GITHUB_JOB: 'lint',
          RUNNER_TEMP: cwd,
        },
      });
      const outputs = Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2)));
      return { ...result, outputs };
    };

    // A glob is axag's to expand: the shell must not.
    const failing = run({ paths: 'site/*.tsx site/ok.html', args: '--max-warnings 0' });
    expect(failing.status, failing.stderr).toBe(0);
    expect(failing.stdout).toMatch(/^::warning file=site\/Cart\.tsx,line=1,col=\d+,.*title=AXAG-LINT-007::/m);
    expect(failing.outputs['exit-code']).toBe('1');
    const sarif = JSON.parse(readFileSync(failing.outputs['sarif-file']!, 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((result) => result.ruleId)).toEqual(['AXAG-LINT-007']);

    // Config and manifest inputs reach axag: a missing manifest is a run that could not do its job (2), and SARIF off writes none.
    const broken = run({ paths: 'site', manifest: 'missing.yaml', sarif: 'false' });
    expect(broken.outputs['exit-code']).toBe('2');
    expect(broken.stderr).toContain('missing.yaml');
    expect(broken.outputs['sarif-file']).toBeUndefined();
    const clean = run({ paths: 'site/ok.html', config: 'site/.axag-lint.json' });
    expect(clean.outputs['exit-code']).toBe('0');
    expect(clean.stdout).not.toContain('::');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; types?: string[]; pass_filenames?: boolean }[];
  const hook = hooks.find((candidate) => candidate.id === 'axag')!;

  it('declares the axag hook: a node hook whose entry is a command of the package\'s bin, given the file names', async () => {
    expect(hooks.map((candidate) => candidate.id)).toEqual(['axag']);
    expect(hook.language).toBe('node');
    expect(hook.pass_filenames ?? true).toBe(true);
    const [command, ...args] = hook.entry.split(' ');
    expect(Object.keys(pkg.bin)).toContain(command);
    expect(existsSync(join(ROOT, pkg.bin[command!]!))).toBe(true);
    expect(args).toEqual(['lint']);
    expect((await axag([...args, '--help'], { cwd: ROOT })).code).toBe(0);
  });

  it('matches the source types axag lints by default, and Markdown only when asked for', () => {
    const files = new RegExp(hook.files);
    for (const extension of SOURCE_EXTENSIONS.filter((ext) => ext !== '.md' && ext !== '.mdx')) expect(`src/page${extension}`).toMatch(files);
    for (const name of ['README.md', 'docs/a.mdx', 'notes.txt', 'axag-manifest.yaml', 'a.json', 'a.d.css']) expect(name).not.toMatch(files);
  });

  it('axag lint with the names pre-commit passes: findings fail the commit; an ignored file is left out with a note', async () => {
    const cwd = project({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.axag-lint.json': '{ "ignorePatterns": ["legacy/**"] }\n',
      'legacy/old.html': '<button axag-entity="cart">Old</button>\n',
      'src/Cart.jsx': 'export const Cart = () => <button axag-entity="cart">Clear</button>;\n',
      'src/ok.vue': '<template><p>no annotations</p></template>\n',
    });
    const entry = hook.entry.split(' ').slice(1);
    const failing = await axag([...entry, 'legacy/old.html', 'src/Cart.jsx', 'src/ok.vue'], { cwd });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('src/Cart.jsx');
    expect(failing.stdout).not.toContain('legacy/old.html');
    expect(failing.stderr).toBe('axag: not linted: legacy/old.html (matched by ignorePatterns)\n');
    // A commit of ignored files only passes.
    expect(await axag([...entry, 'legacy/old.html'], { cwd })).toMatchObject({ code: 0, stdout: '' });
  });
});
