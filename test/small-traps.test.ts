/**
 * Issue 13, the small traps: `axag <path>`, rule suggestions that cross numbers, a silent --update-baseline,
 * baselines revived by a reworded message, and --stdin guessing nothing.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guessSourceType } from '../src/sources/guess-type.js';
import { closestKeepingNumbers } from '../src/text/suggest.js';
import { assertBuilt, axag, project, removeProjects, ROOT, rowsByFile, writeFiles } from './cli-helpers.js';

beforeAll(assertBuilt);
afterAll(removeProjects);

const REWORD = pathToFileURL(join(ROOT, 'test', 'support', 'reword-messages.mjs')).href;
const OLD_BASELINE = join(ROOT, 'test', 'golden', 'baseline-v1');

describe.concurrent('axag <path>', () => {
  it('an existing path or a glob where the command goes: unknown command, and the lint command to type', async ({ expect }) => {
    const cwd = project({ 'src/a.html': '<p>x</p>\n' });
    const path = await axag(['src'], { cwd });
    expect(path).toEqual({
      code: 2,
      stdout: '',
      stderr: "axag: error: unknown command 'src'\n(Did you mean axag lint src? Paths and globs to lint go after the lint command.)\n",
    });
    const glob = await axag(['src/**/*.html', '-f', 'json'], { cwd });
    expect(glob.code).toBe(2);
    expect(glob.stderr).toContain("(Did you mean axag lint 'src/**/*.html' -f json?");
  });

  it('a mistyped command is not a path: commander suggests the command, nothing about lint', async ({ expect }) => {
    const cwd = project();
    const result = await axag(['lnt'], { cwd });
    expect(result).toEqual({ code: 2, stdout: '', stderr: "axag: error: unknown command 'lnt'\n(Did you mean lint?)\n" });
    const missing = await axag(['nowhere'], { cwd });
    expect(missing.stderr).toBe("axag: error: unknown command 'nowhere'\n");
  });
});

describe('rule suggestions keep the number', () => {
  const REFERENCES = ['AXAG-LINT-001', 'AXAG-LINT-003', 'AXAG-LINT-007', 'AXAG-LINT-012', 'idempotent-declared', 'axag/unknown-attribute'];

  it.each([
    ['AXAG-LINT-7', 'AXAG-LINT-007'],
    ['axag-lint-007', 'AXAG-LINT-007'],
    ['AXAG_LINT_003', 'AXAG-LINT-003'],
    ['AXAG-LIN-003', 'AXAG-LINT-003'],
    ['AXAG-LINT-13', undefined],
    ['AXAG-LIN-013', undefined],
    ['AXAGLINT013', undefined],
    ['AXAG-LINT-0012', 'AXAG-LINT-012'],
    ['AXAG-LINT-21', undefined],
    ['idempotent-declard', 'idempotent-declared'],
    ['idempotent-declared-2', undefined],
  ])('%s → %s', (value, expected) => {
    expect(closestKeepingNumbers(value, REFERENCES, 3)).toBe(expected);
  });

  it.concurrent('axag rules AXAG-LINT-13 and AXAG-LIN-013 suggest no rule of another number', async ({ expect }) => {
    const cwd = project();
    const thirteen = await axag(['rules', 'AXAG-LINT-13'], { cwd });
    expect(thirteen).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'axag: unknown rule "AXAG-LINT-13"; AXAG-LINT-013 is not a check of axag; rule ids are AXAG-LINT-001 … AXAG-LINT-012 and the axag/… checks that axag rules lists (each also by its name)\n',
    });
    const typo = await axag(['rules', 'AXAG-LIN-013'], { cwd });
    expect(typo.code).toBe(2);
    expect(typo.stderr).not.toMatch(/did you mean|003/);
    const rule = await axag(['lint', '--rule', 'AXAG-LIN-013:off'], { cwd });
    expect(rule.code).toBe(2);
    expect(rule.stderr).not.toMatch(/did you mean|003/);
    expect((await axag(['rules', 'AXAG-LINT-3'], { cwd })).stderr).toBe('axag: unknown rule "AXAG-LINT-3"; did you mean "AXAG-LINT-003"?\n');
  });
});

describe.concurrent('baselines', () => {
  /** Two AXAG-LINT-002 findings on one element's neighbours, AXAG-LINT-007, and a duplicate intent across files. */
  const FILES = {
    'a.html':
      '<button axag-intent="cart.add_item" axag-action-type="write" axag-risk-level="low">Add</button>\n' +
      '<button axag-intent="cart.view" axag-action-type="read" axag-scope="user">View</button>\n',
    'b.html': '<button axag-intent="cart.view" axag-entity="cart" axag-action-type="read" axag-scope="tenant">View</button>\n',
  };
  const reworded = { nodeArgs: ['--import', REWORD], env: { AXAG_REWORD: '1' } };

  it('--update-baseline says what it wrote: how many findings in how many files, and what changed', async ({ expect }) => {
    const cwd = project(FILES);
    const first = await axag(['lint', '--baseline', 'b.json', '--update-baseline'], { cwd });
    expect(first).toEqual({ code: 0, stdout: '', stderr: 'axag: wrote b.json: 4 findings in 2 files (a new baseline)\n' });
    writeFiles(cwd, { 'a.html': `${FILES['a.html']}<button axag-intent="cart.pay" axag-action-type="write" axag-entity="cart" axag-risk-level="low">Pay</button>\n` });
    const second = await axag(['lint', '--baseline', 'b.json', '--update-baseline'], { cwd });
    expect(second).toEqual({ code: 0, stdout: '', stderr: 'axag: wrote b.json: 5 findings in 2 files (1 added, 0 removed)\n' });
  });

  it('a message reworded by a new version of axag revives nothing: fingerprints leave the message out', async ({ expect }) => {
    const cwd = project(FILES);
    expect((await axag(['lint', '--baseline', 'b.json', '--update-baseline'], { cwd })).code).toBe(0);
    // The rewording is real: without the baseline, the messages differ from the recorded ones.
    const json = await axag(['lint', '-f', 'json'], { cwd, ...reworded });
    const messages = (JSON.parse(json.stdout) as { files: { findings: { message: string }[] }[] }).files.flatMap((file) => file.findings.map((f) => f.message));
    expect(messages).toHaveLength(4);
    expect(messages.every((message) => message.startsWith('Reworded: '))).toBe(true);
    const recorded = readFileSync(join(cwd, 'b.json'), 'utf8');
    expect(messages.some((message) => recorded.includes(JSON.stringify(message).slice(1, -1)))).toBe(false);

    expect(await axag(['lint', '--baseline', 'b.json'], { cwd, ...reworded })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('a baseline axag 0.1 wrote (version 1) still applies, and --update-baseline converts it', async ({ expect }) => {
    const cwd = project();
    for (const name of ['a.html', 'b.html', 'axag-baseline.json']) copyFileSync(join(OLD_BASELINE, name), join(cwd, name));
    expect(JSON.parse(readFileSync(join(cwd, 'axag-baseline.json'), 'utf8'))).toMatchObject({ version: 1 });
    expect(await axag(['lint', '--no-config', '--baseline', 'axag-baseline.json'], { cwd })).toEqual({ code: 0, stdout: '', stderr: '' });
    // Its fingerprints hash the messages: a rewording does revive them, until the baseline is converted.
    const revived = await axag(['lint', '--no-config', '--baseline', 'axag-baseline.json'], { cwd, ...reworded });
    expect(revived.code).toBe(1);
    expect(revived.stderr).toMatch(/6 baseline entries no longer occur/);

    const converted = await axag(['lint', '--no-config', '--baseline', 'axag-baseline.json', '--update-baseline'], { cwd });
    expect(converted).toEqual({
      code: 0,
      stdout: '',
      stderr: 'axag: wrote axag-baseline.json: 6 findings in 2 files (converted to fingerprints that survive rewordings of messages)\n',
    });
    const now = JSON.parse(readFileSync(join(cwd, 'axag-baseline.json'), 'utf8')) as { version: number; files: Record<string, { fingerprintVersion?: number }[]> };
    expect(now.version).toBe(2);
    expect(Object.values(now.files).flat().some((entry) => entry.fingerprintVersion !== undefined)).toBe(false);
    expect(await axag(['lint', '--no-config', '--baseline', 'axag-baseline.json'], { cwd, ...reworded })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('gitlab fingerprints leave the message out too: the same after a rewording', async ({ expect }) => {
    const cwd = project(FILES);
    const fingerprints = async (options: object) =>
      (JSON.parse((await axag(['lint', '-f', 'gitlab'], { cwd, ...options })).stdout) as { fingerprint: string; description: string }[]).map((issue) => issue.fingerprint);
    const plain = await fingerprints({});
    expect(plain).toHaveLength(4);
    expect(await fingerprints(reworded)).toEqual(plain);
  });
});

describe('--stdin without --stdin-filename', () => {
  it.each([
    ['HTML', '<button axag-intent="a.b">x</button>\n', 'stdin.html'],
    ['an HTML page with a <template>', '<!doctype html>\n<template>\n<p>x</p>\n</template>\n', 'stdin.html'],
    ['JSX', "import { x } from 'y';\nexport const A = () => <button axag-action-type={kind}>x</button>;\n", 'stdin.jsx'],
    ['JSX after a comment', '// A button\n/* more */\nexport default function A() { return <b />; }\n', 'stdin.jsx'],
    ['TSX', 'interface P { kind: string }\nexport const A = ({ kind }: P) => <button axag-action-type={kind}>x</button>;\n', 'stdin.tsx'],
    ['TSX by an annotation', "'use client';\nexport const A = (kind: string) => <b axag-intent={kind} />;\n", 'stdin.tsx'],
    ['Vue', '<template>\n  <button axag-intent="a.b" :axag-entity="e">x</button>\n</template>\n<script setup>\n</script>\n', 'stdin.vue'],
    ['Svelte', '<script>\n  let { kind } = $props();\n</script>\n{#if kind}<button axag-intent="a.b">x</button>{/if}\n', 'stdin.svelte'],
    ['Svelte by a directive', '<button on:click={go} axag-intent="a.b">x</button>\n', 'stdin.svelte'],
    ['Markdown', '# Buttons\n\n<button axag-intent="a.b">x</button>\n', 'stdin.md'],
    ['nothing', '\n\n', 'stdin.html'],
  ])('%s → %s', (_, text, parseAs) => {
    expect(guessSourceType(text).parseAs).toBe(parseAs);
  });

  it.concurrent('JSX is linted as JSX (a dynamic value is no finding), and standard error says so; HTML is linted silently', async ({ expect }) => {
    const cwd = project();
    const jsx = 'export const Add = () => <button axag-intent="cart.add_item" axag-entity="cart" axag-action-type={kind}>Add</button>;\n';
    const result = await axag(['lint', '--stdin'], { cwd, input: jsx });
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: 'axag: standard input linted as JSX (it starts as a JavaScript module); --stdin-filename <path> names its type\n',
    });
    const html = await axag(['lint', '--stdin'], { cwd, input: '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="{kind}">Add</button>\n' });
    expect(html.stderr).toBe('');
    expect(rowsByFile(html.stdout)).toEqual({ '<stdin>': [[1, 74, 'error', 'AXAG-LINT-004']] });
  });
});
