/**
 * Issue 11, `--concurrency`: files linted in worker threads give the same report, byte for byte, as files linted in
 * the main thread, in every format; the checks across files see every file's result; a check that throws in a
 * worker is still an `axag/internal-error` finding, and a worker that dies is reported on its file, never a hang.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, axag, parsePretty, project, removeProjects, ROOT, type RunResult } from './cli-helpers.js';

beforeAll(assertBuilt);
afterAll(removeProjects);

const INJECT = pathToFileURL(join(ROOT, 'test', 'support', 'inject-failures.mjs')).href;
const ENTITIES = ['cart', 'order', 'invoice', 'member', 'ticket'];

/**
 * A tree of 250 files in five languages: most annotated (with findings of single files, intents declared
 * differently in several files for duplicate-intent, intents the manifest describes otherwise for manifest-drift,
 * and manifest actions nobody declares for manifest-unused), some without annotations, one that does not parse,
 * one that is not text, a package with its own config, and inline directives.
 */
function tree(): Record<string, string> {
  const files: Record<string, string> = {
    '.axag-lint.json': JSON.stringify({
      include: ['**/*.{html,tsx,vue,svelte,md}'],
      manifestPath: 'axag-manifest.yaml',
      rules: { 'axag/manifest-unused': 'warn', 'axag/duplicate-intent': 'error' },
    }),
    'axag-manifest.yaml':
      'version: "1.1.0"\ngenerated_at: "2026-01-01T00:00:00Z"\nsource: {}\nconformance: basic\nactions:\n' +
      ENTITIES.map((entity) => `  - { intent: ${entity}.view, entity: ${entity}, action_type: read, description: d }\n`).join('') +
      '  - { intent: cart.archive, entity: cart, action_type: delete, risk_level: high, description: d }\n' +
      '  - { intent: nobody.declares, entity: nobody, action_type: read, description: d }\n',
    'pkg/.axag-lint.json': JSON.stringify({ extends: 'axag-lint/strict' }),
    'broken/page.vue': '<template>\n  <button axag-intent="cart.view" axag-entity="cart" axag-action-type="read">\n</templat',
    'binary/data.html': 'axag\u0000\u0000\u0001 not text',
  };
  for (let i = 0; i < 246; i++) {
    const entity = ENTITIES[i % ENTITIES.length]!;
    const action = `axag-intent="${entity}.view" axag-entity="${entity}" axag-action-type="read"${i % 7 === 0 ? ` axag-scope="${['user', 'tenant'][i % 2]}"` : ''}`;
    const write = `axag-intent="${entity}.archive" axag-entity="${entity}" axag-action-type="delete"${i % 3 ? ' axag-risk-level="high"' : ''}`;
    const directive = i % 11 === 0 ? '<!-- axag-disable-next AXAG-LINT-007 -->\n' : '';
    const dir = `${i % 4 === 0 ? 'pkg/' : ''}group-${i % 9}`;
    switch (i % 6) {
      case 0:
        files[`${dir}/page-${i}.html`] = `<main>\n  <button ${action}>View</button>\n  ${directive}<button ${write}>Archive</button>\n</main>\n`;
        break;
      case 1:
        files[`${dir}/Card${i}.tsx`] = `export const Card${i} = ({ id }: { id: string }) => (\n  <div>\n    <button ${action} data-id={id}>View</button>\n    <a ${write} axag-scope={id}>Archive</a>\n  </div>\n);\n`;
        break;
      case 2:
        files[`${dir}/Panel${i}.vue`] = `<template>\n  <section>\n    <button ${action}>View</button>\n    <button axag="${entity}.archive:delete">Archive</button>\n  </section>\n</template>\n`;
        break;
      case 3:
        files[`${dir}/Row${i}.svelte`] = `<script>\n  export let id;\n</script>\n\n<button ${action} on:click={() => id}>View</button>\n<button ${write} axag-idempotent="maybe">Archive</button>\n`;
        break;
      case 4:
        files[`${dir}/guide-${i}.md`] = `# Guide ${i}\n\n\`\`\`html\n<button ${action}>View</button>\n\`\`\`\n`;
        break;
      default:
        files[`${dir}/plain-${i}.html`] = `<main><p>No annotations in file ${i}.</p></main>\n`;
    }
  }
  return files;
}

async function runWith(cwd: string, concurrency: string, extra: { env?: Record<string, string>; nodeArgs?: string[] } = {}): Promise<RunResult & { json: string; sarif: string }> {
  const result = await axag(['lint', '--concurrency', concurrency, '-f', `pretty,json=report-${concurrency}.json,sarif=report-${concurrency}.sarif`], { cwd, ...extra });
  return { ...result, json: readFileSync(join(cwd, `report-${concurrency}.json`), 'utf8'), sarif: readFileSync(join(cwd, `report-${concurrency}.sarif`), 'utf8') };
}

describe('--concurrency', () => {
  it('off, 2, 3 and auto give the same pretty, json and sarif reports, stderr and exit code, with the checks across files', async () => {
    const cwd = project(tree());
    const off = await runWith(cwd, 'off');
    // The tree is meant to exercise everything: make sure it does, so that equal reports mean something.
    const rules = new Set(parsePretty(off.stdout).files.flatMap((file) => file.rows.map((row) => row.ruleId)));
    for (const rule of ['axag/duplicate-intent', 'axag/manifest-drift', 'axag/manifest-unused', 'axag/parse-error', 'axag/boolean-value', 'AXAG-LINT-007', 'AXAG-LINT-010']) {
      expect(rules).toContain(rule);
    }
    expect(off.stderr).toContain('binary/data.html: cannot read the file: it is not a text file');
    expect(off.code).toBe(2);
    expect(JSON.parse(off.json).files.length).toBeGreaterThan(150);

    for (const concurrency of ['2', '3', 'auto']) {
      const other = await runWith(cwd, concurrency);
      expect({ concurrency, code: other.code, stderr: other.stderr }).toEqual({ concurrency, code: off.code, stderr: off.stderr });
      expect(other.stdout).toBe(off.stdout);
      expect(other.json).toBe(off.json);
      expect(other.sarif).toBe(off.sarif);
    }
  }, 180_000);

  it('says in --debug how many threads linted: n counts the main thread, which lints beside n - 1 workers', async () => {
    const cwd = project({ 'a.html': '<p>a</p>\n', 'b.html': '<p>b</p>\n', 'c.html': '<p>c</p>\n' });
    const two = await axag(['lint', '--debug', '--concurrency', '2'], { cwd });
    expect(two.stderr).toContain('axag debug: linting 3 files in the main thread and 1 worker thread\n');
    const three = await axag(['lint', '--debug', '--concurrency', '3'], { cwd });
    expect(three.stderr).toContain('axag debug: linting 3 files in the main thread and 2 worker threads\n');
    // Never more threads than files.
    const many = await axag(['lint', '--debug', '--concurrency', '8'], { cwd });
    expect(many.stderr).toContain('axag debug: linting 3 files in the main thread and 2 worker threads\n');
    // A handful of small files is not worth a thread.
    const auto = await axag(['lint', '--debug'], { cwd });
    expect(auto.stderr).toContain('axag debug: linting 3 files in the main thread\n');
    const one = await axag(['lint', '--debug', '--concurrency', '1'], { cwd });
    expect(one.stderr).toContain('axag debug: linting 3 files in the main thread\n');
  });

  it('refuses a value that is not a number of threads, auto or off', async () => {
    const cwd = project({ 'a.html': '<p>a</p>\n' });
    for (const value of ['0', 'many', '-2']) {
      const result = await axag(['lint', '--concurrency', value], { cwd });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('expected a number of threads (1 or more), auto or off');
    }
  });

  it('a check that throws in a worker is an axag/internal-error finding, as in the main thread', async () => {
    const cwd = project(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`p${i}.html`, '<button axag-intent="cart.add" axag-action-type="write">Add</button>\n'])));
    const env = { AXAG_THROW_IN_CHECK: 'AXAG-LINT-007' };
    const off = await runWith(cwd, 'off', { env, nodeArgs: ['--import', INJECT] });
    const two = await runWith(cwd, '2', { env, nodeArgs: ['--import', INJECT] });
    expect(off.code).toBe(2);
    expect(parsePretty(off.stdout).files.map((file) => file.rows[0]!.ruleId)).toEqual(Array(6).fill('axag/internal-error'));
    expect(two.code).toBe(2);
    expect(two.stdout).toBe(off.stdout);
    expect(two.stderr).toBe(off.stderr);
    expect(two.json).toBe(off.json);
  });

  it('a manifest that cannot be read, found after the workers started: lint() throws and the workers do not keep the process alive', async () => {
    const page = '<button axag-intent="cart.add" axag-action-type="write">Add</button>\n';
    const cwd = project({
      ...Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`a/p${i}.html`, page])),
      'z/.axag-lint.json': JSON.stringify({ manifestPath: 'missing.yaml' }),
      'z/q.html': page,
    });
    // A script file, not `node -e`: an evaluated script ends the process when it is done, whatever still runs.
    const script =
      `const { lint } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'src', 'index.js')).href)});\n` +
      `const files = [...['p0', 'p1', 'p2', 'p3', 'p4'].map((name) => 'a/' + name + '.html'), 'z/q.html'];\n` +
      `await lint(files, { concurrency: 2 }).then(() => console.log('linted'), (error) => console.log('threw: ' + error.message));\n`;
    writeFileSync(join(cwd, 'run.mjs'), script);
    const child = spawnSync(process.execPath, ['run.mjs'], { cwd, encoding: 'utf8', timeout: 30_000 });
    expect(child.signal).toBeNull();
    expect(child.stdout).toMatch(/^threw: manifest not found: .*missing\.yaml/);
    expect(child.status).toBe(0);
  });

  it('a worker that dies costs its file only: an internal-error finding naming it, the other files linted, exit 2', async () => {
    const page = (i: number) => `<template>\n  <button axag-intent="cart.view_${'abcdefgh'[i]}" axag-action-type="read">View</button>\n</template>\n`;
    const files = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`p${i}.vue`, page(i)]));
    // The first file is the one a worker is sent before it has loaded: the main thread may lint all the others.
    files['p0.vue'] = `${page(0)}<!-- EXIT -->\n`;
    const cwd = project(files);
    const result = await axag(['lint', '--concurrency', '2'], { cwd, env: { AXAG_EXIT_WORKER_ON: 'EXIT' }, nodeArgs: ['--import', INJECT] });
    const unharmed = await axag(['lint', '--concurrency', 'off'], { cwd });
    expect(result.code).toBe(2);
    const rows = (stdout: string) => parsePretty(stdout).files.map((file) => [file.path, file.rows.map((row) => `${row.line}:${row.column} ${row.ruleId}`)]);
    const expected = rows(unharmed.stdout);
    expect(expected).toHaveLength(8);
    expected[0] = ['p0.vue', ['1:1 axag/internal-error']];
    expect(rows(result.stdout)).toEqual(expected);
    expect(parsePretty(result.stdout).files[0]!.rows[0]!.message).toBe(
      'Internal error: a worker thread failed on this file (Error: the worker thread stopped with exit code 7), so no check ran on it; ' +
        'this is a bug in axag: please report it (run axag with --debug for the stack trace)',
    );
    expect(result.stderr).toContain('axag: internal error: a worker thread failed on p0.vue: Error: the worker thread stopped with exit code 7\n');
  });
});
