/**
 * `axag lint --fix` and `--fix-dry-run` (spec §10) through the built binary: what is written, what is printed,
 * what is reported and the exit code.
 */
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixedFile } from '../src/cli/fix-files.js';
import { contentHash } from '../src/text/content-hash.js';
import { assertBuilt, axag, project, removeProjects, ROOT } from './cli-helpers.js';

beforeAll(assertBuilt);
afterAll(removeProjects);

interface JsonFinding {
  ruleId: string;
  line: number;
  column: number;
  fix?: { edits: { start: number; end: number; text: string }[] };
  suggestions?: { label: string; edits: { start: number; end: number; text: string }[] }[];
}
interface JsonReport {
  files: { path: string; findings: JsonFinding[]; output?: string }[];
  summary: { errors: number; warnings: number };
}

/** Every file under `dir` with its text, by path relative to it. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

const keyOf = (path: string, finding: JsonFinding) => `${path} ${finding.ruleId}@${finding.line}`;

describe('axag lint --fix on the bundled example', () => {
  it('fixes every finding that has a fix, leaves the others, and counts what remains', async () => {
    const dir = project();
    cpSync(join(ROOT, 'examples', 'storefront'), dir, { recursive: true });
    const original = snapshot(dir);
    const before = JSON.parse((await axag(['lint', '-f', 'json', '.'], { cwd: dir })).stdout) as JsonReport;
    const fixable = before.files.flatMap((file) => file.findings.filter((finding) => finding.fix).map((finding) => keyOf(file.path, finding)));
    const unfixable = before.files.flatMap((file) => file.findings.filter((finding) => !finding.fix).map((finding) => keyOf(file.path, finding)));
    // The example shows mistakes with a fix (004, 005, 009, 010, 002) and without (001, 003, 006, 007, 008, 011, 012).
    expect(fixable.length).toBeGreaterThanOrEqual(5);
    expect(unfixable.length).toBeGreaterThanOrEqual(5);

    const run = await axag(['lint', '--fix', '-f', 'json', '.'], { cwd: dir });
    const after = JSON.parse(run.stdout) as JsonReport;
    const remaining = after.files.flatMap((file) => file.findings.map((finding) => keyOf(file.path, finding)));
    for (const key of fixable) expect(remaining, `${key} was fixed`).not.toContain(key);
    for (const key of unfixable) expect(remaining, `${key} is left`).toContain(key);
    expect(after.files.flatMap((file) => file.findings).some((finding) => finding.fix)).toBe(false);
    expect(after.files.some((file) => file.output !== undefined)).toBe(false);
    expect(run.code).toBe(after.summary.errors > 0 ? 1 : 0);

    // Only the files with fixes changed, and in them only the annotations.
    const changed = snapshot(dir);
    const fixedFiles = new Set(before.files.filter((file) => file.findings.some((finding) => finding.fix)).map((file) => file.path));
    for (const [path, text] of Object.entries(original)) {
      if (!fixedFiles.has(path)) expect(changed[path], path).toBe(text);
      else expect(changed[path], path).not.toBe(text);
    }
    expect(changed['checkout.html']).toBe(original['checkout.html']!.replace('axag-risk-level="moderate"', 'axag-risk-level="medium"'));
    expect(changed['product.html']).toBe(
      original['product.html']!
        .replace('axag-intent="review.sumbit"', 'axag-intent="review.submit"')
        .replace(`axag-parameter-enum="['1','2','3','4','5']"`, `axag-parameter-enum='["1","2","3","4","5"]'`),
    );

    // A second run finds nothing more to fix.
    await axag(['lint', '--fix', '.'], { cwd: dir });
    expect(snapshot(dir)).toEqual(changed);
  });
});

const PAGE =
  '<main>\r\n' +
  '  <p>カート 🛒</p><button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="Write" axag-risk-level="low" axag-idempotent="false">Add</button>\r\n' +
  '  <button axag-intent="cart.clear" axag-entity="cart" axag-action-type="delete" axag-risk-level="low">Clear</button>\r\n' +
  '</main>\r\n';
const FIXED_PAGE = PAGE.replace('axag-action-type="Write"', 'axag-action-type="write"');

describe('--fix-dry-run', () => {
  it('writes nothing; the json format carries the fixed text as output, the pretty format says a file would be fixed', async () => {
    const dir = project({ 'page.html': PAGE });
    const json = await axag(['lint', '--no-config', '--fix-dry-run', '-f', 'json', 'page.html'], { cwd: dir });
    expect(readFileSync(join(dir, 'page.html'), 'utf8')).toBe(PAGE);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report.files[0]!.output).toBe(FIXED_PAGE);
    // The fixed finding is not reported; 007 (no fix, two suggestions) remains and makes the exit code.
    expect(report.files[0]!.findings.map((finding) => finding.ruleId)).toEqual(['AXAG-LINT-007']);
    expect(report.files[0]!.findings[0]!.suggestions!.map((suggestion) => suggestion.label)).toEqual([
      'Add axag-idempotent="true"',
      'Add axag-idempotent="false"',
    ]);
    expect(json.code).toBe(0);

    const pretty = await axag(['lint', '--no-config', '--fix-dry-run', 'page.html'], { cwd: dir });
    expect(pretty.stdout).toContain('--fix-dry-run: 1 file would be fixed (not written)');
    expect(pretty.stdout).not.toContain('AXAG-LINT-004');
    expect(readFileSync(join(dir, 'page.html'), 'utf8')).toBe(PAGE);
  });

  it('--fix writes a CRLF file with multi-byte text before the fix, changing only the value', async () => {
    const dir = project({ 'page.html': PAGE });
    const run = await axag(['lint', '--no-config', '--fix', 'page.html'], { cwd: dir });
    expect(readFileSync(join(dir, 'page.html'), 'utf8')).toBe(FIXED_PAGE);
    expect(run.stdout).toContain('AXAG-LINT-007');
    expect(run.stdout).not.toContain('AXAG-LINT-004');
  });

  it('keeps a byte-order mark and leaves a file without fixes untouched (not even rewritten)', async () => {
    const dir = project({ 'page.html': `\uFEFF${PAGE}`, 'clean.html': '<p>nothing</p>\n' });
    const cleanTime = statSync(join(dir, 'clean.html')).mtimeMs;
    await axag(['lint', '--no-config', '--fix', '.'], { cwd: dir });
    expect(readFileSync(join(dir, 'page.html'), 'utf8')).toBe(`\uFEFF${FIXED_PAGE}`);
    expect(statSync(join(dir, 'clean.html')).mtimeMs).toBe(cleanTime);
  });
});

describe('one lint, fixes included', () => {
  /** Three pages with a fix each (in different places) and three without. */
  const pages = (): Record<string, string> => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3; i++) {
      files[`fix-${i}.html`] = `<p>${i}</p>\n${PAGE}`;
      files[`clean-${i}.html`] = `<p>${i}</p>\n${FIXED_PAGE}`;
    }
    return files;
  };

  it('lints each file once, fixing it in the thread that lints it: worker threads write what the main thread alone writes', async () => {
    const threads = project(pages());
    const alone = project(pages());
    const run = await axag(['lint', '--no-config', '--fix', '--concurrency', '2', '--debug', '-f', 'json', '.'], { cwd: threads });
    await axag(['lint', '--no-config', '--fix', '--concurrency', 'off', '.'], { cwd: alone });
    expect(run.stderr.match(/linting \d+ files? in the main thread.*/g)).toEqual(['linting 6 files in the main thread and 1 worker thread']);
    expect(snapshot(threads)).toEqual(snapshot(alone));
    for (let i = 0; i < 3; i++) expect(readFileSync(join(threads, `fix-${i}.html`), 'utf8')).toBe(`<p>${i}</p>\n${FIXED_PAGE}`);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.flatMap((file) => file.findings.map((finding) => finding.ruleId))).toEqual(Array(6).fill('AXAG-LINT-007'));
    expect(run.code).toBe(0);
  });

  it('a file whose cached result has a fix is linted and fixed, not taken from the cache', async () => {
    const dir = project(pages());
    const cold = await axag(['lint', '--no-config', '--cache', '--debug', '.'], { cwd: dir });
    expect(cold.stderr).toContain('cache: reused the results of 0 files, linted 6 files');
    const fixing = await axag(['lint', '--no-config', '--cache', '--debug', '--fix', '.'], { cwd: dir });
    expect(fixing.stderr).toContain('cache: reused the results of 3 files, linted 3 files');
    for (let i = 0; i < 3; i++) expect(readFileSync(join(dir, `fix-${i}.html`), 'utf8')).toBe(`<p>${i}</p>\n${FIXED_PAGE}`);
    const after = await axag(['lint', '--no-config', '--cache', '--debug', '-f', 'json', '.'], { cwd: dir });
    // The fixed files changed on disk: linted again, and now without the finding their fix removed.
    expect(after.stderr).toContain('cache: reused the results of 3 files, linted 3 files');
    const uncached = await axag(['lint', '--no-config', '-f', 'json', '.'], { cwd: dir });
    expect(after.stdout).toBe(uncached.stdout);
    expect(after.stdout).not.toContain('AXAG-LINT-004');
  });

  it('--fix-dry-run --cache keeps the results of the files as they are: the next run reuses them all, and reports them as a run without a cache', async () => {
    const dir = project(pages());
    await axag(['lint', '--no-config', '--cache', '--fix-dry-run', '.'], { cwd: dir });
    const next = await axag(['lint', '--no-config', '--cache', '--debug', '-f', 'json', '.'], { cwd: dir });
    expect(next.stderr).toContain('cache: reused the results of 6 files, linted 0 files');
    const uncached = await axag(['lint', '--no-config', '-f', 'json', '.'], { cwd: dir });
    expect(next.stdout).toBe(uncached.stdout);
    expect(next.stdout).toContain('AXAG-LINT-004');
  });
});

describe('writing a fixed file', () => {
  it('leaves a file that changed since it was linted, and writes one that did not, in its encoding', () => {
    const dir = project({ 'page.html': `\uFEFF${PAGE}` });
    const path = join(dir, 'page.html');
    const linted = contentHash(PAGE);
    writeFileSync(path, `\uFEFF${PAGE}<p>edited</p>\n`);
    expect(writeFixedFile(path, FIXED_PAGE, linted, dir)).toBe('page.html: not fixed: the file changed while it was linted, or is not valid UTF-8 or UTF-16');
    expect(readFileSync(path, 'utf8')).toBe(`\uFEFF${PAGE}<p>edited</p>\n`);
    writeFileSync(path, `\uFEFF${PAGE}`);
    expect(writeFixedFile(path, FIXED_PAGE, linted, dir)).toBeUndefined();
    expect(readFileSync(path, 'utf8')).toBe(`\uFEFF${FIXED_PAGE}`);
  });
});

describe('fixes in SARIF', () => {
  it('a result carries its fix, then its suggestions, as replacements of character ranges', async () => {
    const dir = project({ 'page.html': PAGE });
    const run = await axag(['lint', '--no-config', '-f', 'sarif', 'page.html'], { cwd: dir });
    type Fix = { description: { text: string }; artifactChanges: { artifactLocation: unknown; replacements: unknown[] }[] };
    const results = (JSON.parse(run.stdout) as { runs: { results: { ruleId: string; fixes?: Fix[]; locations: { physicalLocation: { artifactLocation: unknown } }[] }[] }[] }).runs[0]!.results;
    const invalid = results.find((result) => result.ruleId === 'AXAG-LINT-004')!;
    const at = PAGE.indexOf('"Write"') + 1;
    expect(invalid.fixes).toEqual([
      {
        description: { text: 'The fix axag lint --fix applies' },
        artifactChanges: [
          {
            artifactLocation: invalid.locations[0]!.physicalLocation.artifactLocation,
            replacements: [{ deletedRegion: { charOffset: at, charLength: 5 }, insertedContent: { text: 'write' } }],
          },
        ],
      },
    ]);
    const missing = results.find((result) => result.ruleId === 'AXAG-LINT-007')!;
    expect(missing.fixes!.map((fix) => fix.description.text)).toEqual(['Add axag-idempotent="true"', 'Add axag-idempotent="false"']);
  });
});

describe('--stdin with --fix or --fix-dry-run', () => {
  it('prints the fixed input on standard output and the report on standard error', async () => {
    const dir = project();
    for (const flag of ['--fix', '--fix-dry-run']) {
      const run = await axag(['lint', '--no-config', '--stdin', flag], { cwd: dir, input: PAGE });
      expect(run.stdout).toBe(FIXED_PAGE);
      expect(run.stderr).toContain('AXAG-LINT-007');
      expect(run.stderr).not.toContain('AXAG-LINT-004');
      expect(run.code).toBe(0);
    }
  });

  it('prints the input unchanged when there is nothing to fix, and exits 1 for the errors that remain', async () => {
    const input = '<button axag-entity="cart" axag-action-type="read">Add</button>\n';
    const run = await axag(['lint', '--no-config', '--stdin', '--fix'], { cwd: project(), input });
    expect(run.stdout).toBe(input);
    expect(run.stderr).toContain('AXAG-LINT-001');
    expect(run.code).toBe(1);
  });

  it('fixes JSX read from standard input by --stdin-filename, in the JSX way', async () => {
    const input = `export const A = () => <button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="false" axag-required-parameters={"['sku']"}>Add</button>;\n`;
    const run = await axag(['lint', '--no-config', '--stdin', '--stdin-filename', 'A.jsx', '--fix'], { cwd: project(), input });
    expect(run.stdout).toBe(input.replace(`{"['sku']"}`, `{'["sku"]'}`));
    expect(run.stderr).toBe('');
  });
});

describe('combinations', () => {
  it('refuses --fix with --fix-dry-run, and --fix with --staged', async () => {
    const dir = project({ 'page.html': PAGE });
    const both = await axag(['lint', '--fix', '--fix-dry-run', 'page.html'], { cwd: dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--fix and --fix-dry-run cannot be combined');
    const staged = await axag(['lint', '--fix', '--staged'], { cwd: dir });
    expect(staged.code).toBe(2);
    expect(staged.stderr).toContain('--fix cannot be combined with --staged');
    expect(readFileSync(join(dir, 'page.html'), 'utf8')).toBe(PAGE);
  });

  it('a file whose bytes are not valid UTF-8 is not written: the fixed text could not say them back', async () => {
    const dir = project();
    const bytes = Buffer.from('<p>\xff</p><button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="Write">Add</button>\n', 'latin1');
    writeFileSync(join(dir, 'page.html'), bytes);
    const run = await axag(['lint', '--no-config', '--fix', 'page.html'], { cwd: dir });
    expect(readFileSync(join(dir, 'page.html')).equals(bytes)).toBe(true);
    expect(run.stderr).toContain('page.html: not fixed');
    expect(run.stdout).toContain('AXAG-LINT-004');
    expect(run.code).toBe(2);
  });
});
