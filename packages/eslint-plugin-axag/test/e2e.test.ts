/**
 * The real `eslint` binaries (ESLint 10 and 9) with the plugin's recommended config, against the real `axag lint`,
 * on a copy of the bundled example (its pages and components, its axag config and manifest) with three more
 * components (TSX with typescript-eslint, Vue with vue-eslint-parser, Svelte with svelte-eslint-parser): the same
 * findings, but for the checks across files that ESLint does not offer; and `eslint --fix` fixes as `axag lint --fix`.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESLINT_RULE_NAMES, NOT_OFFERED } from '../dist/index.js';
import { packageDir } from './helpers.js';

const run = promisify(execFile);
const repositoryRoot = join(packageDir, '..', '..');
const nodeModules = join(repositoryRoot, 'node_modules');
const axagBin = join(repositoryRoot, 'bin', 'axag.js');
const ESLINTS = { 'ESLint 10': join(nodeModules, 'eslint', 'bin', 'eslint.js'), 'ESLint 9': join(nodeModules, 'eslint-v9', 'bin', 'eslint.js') };

const ESLINT_CONFIG = `import axag from 'eslint-plugin-axag';
import htmlParser from '@html-eslint/parser';
import svelteParser from 'svelte-eslint-parser';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

export default [
  { files: ['**/*.{jsx,tsx}'], languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.vue'], languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser } } },
  { files: ['**/*.svelte'], languageOptions: { parser: svelteParser, parserOptions: { parser: tseslint.parser } } },
  { files: ['**/*.html'], languageOptions: { parser: htmlParser } },
  axag.configs.recommended,
];
`;

/** A finding as both tools can say it: the ESLint rule, where, and what. */
interface Seen {
  path: string;
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

let base: string;

/** A copy of the example project, ready for both tools. */
function project(name: string): string {
  const dir = join(base, name);
  cpSync(join(repositoryRoot, 'examples', 'storefront'), dir, { recursive: true });
  cpSync(join(packageDir, 'test', 'fixtures', 'app'), join(dir, 'components'), { recursive: true });
  writeFileSync(join(dir, 'eslint.config.js'), ESLINT_CONFIG);
  symlinkSync(nodeModules, join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Runs a binary that exits 1 when it finds problems; any other failure fails the test with its output. */
async function runTool(args: string[], cwd: string): Promise<string> {
  try {
    return (await run(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    if (code === 1) return stdout;
    throw new Error(`${args.join(' ')} exited ${code}:\n${stderr}${stdout}`);
  }
}

async function eslintFindings(bin: string, cwd: string): Promise<Seen[]> {
  const report = JSON.parse(await runTool([bin, '--format', 'json', '.'], cwd)) as {
    filePath: string;
    messages: { ruleId: string | null; line: number; column: number; endLine: number; endColumn: number; message: string }[];
  }[];
  return sorted(
    report.flatMap(({ filePath, messages }) =>
      messages.map(({ ruleId, line, column, endLine, endColumn, message }) => ({ path: filePath.slice(cwd.length + 1), rule: ruleId ?? '(fatal)', line, column, endLine, endColumn, message })),
    ),
  );
}

/** `axag lint`'s findings of the checks the plugin offers, and how many of the others it dropped. */
async function axagFindings(cwd: string): Promise<{ findings: Seen[]; notOffered: string[] }> {
  const report = JSON.parse(await runTool([axagBin, 'lint', '--format', 'json', '.'], cwd)) as {
    files: { path: string; findings: { ruleId: string; line: number; column: number; endLine: number; endColumn: number; message: string }[] }[];
  };
  const all = report.files.flatMap(({ path, findings }) => findings.map((finding) => ({ path, ...finding })));
  return {
    findings: sorted(
      all
        .filter((finding) => !Object.hasOwn(NOT_OFFERED, finding.ruleId))
        .map(({ path, ruleId, line, column, endLine, endColumn, message }) => ({ path, rule: `axag/${ESLINT_RULE_NAMES[ruleId] ?? `(unknown ${ruleId})`}`, line, column, endLine, endColumn, message })),
    ),
    notOffered: all.filter((finding) => Object.hasOwn(NOT_OFFERED, finding.ruleId)).map((finding) => finding.ruleId),
  };
}

function sorted(findings: Seen[]): Seen[] {
  const key = (seen: Seen) => [seen.path, String(seen.line).padStart(6), String(seen.column).padStart(6), seen.rule, seen.message].join('\0');
  return findings.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The texts of the files axag reads in a project, by path. */
function sourceTexts(dir: string): Record<string, string> {
  const paths: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && /\.(?:html|jsx|tsx|vue|svelte)$/.test(entry.name)) paths.push(path);
    }
  };
  walk('');
  return Object.fromEntries(paths.sort().map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'eslint-plugin-axag-e2e-'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('eslint with the recommended config and axag lint, on the bundled example', () => {
  let expected: Awaited<ReturnType<typeof axagFindings>>;
  let linted: string;
  beforeAll(async () => {
    linted = project('lint');
    expected = await axagFindings(linted);
  });

  it('axag finds problems in every kind of file, and some that only a run over every file can find', () => {
    for (const extension of ['.html', '.tsx', '.vue', '.svelte']) expect(expected.findings.some((seen) => seen.path.endsWith(extension)), extension).toBe(true);
    expect(expected.notOffered).toContain('axag/duplicate-intent');
  });

  for (const [version, bin] of Object.entries(ESLINTS)) {
    it(`${version} reports the same findings`, async () => {
      expect(await eslintFindings(bin, linted)).toEqual(expected.findings);
    });
  }
});

describe('eslint --fix and axag lint --fix, on copies of the example', () => {
  let fixedByAxag: Record<string, string>;
  let original: Record<string, string>;
  beforeAll(async () => {
    const dir = project('axag-fix');
    original = sourceTexts(dir);
    await runTool([axagBin, 'lint', '--fix', '.'], dir);
    fixedByAxag = sourceTexts(dir);
  });

  it('axag fixes something in each kind of file', () => {
    for (const extension of ['.html', '.tsx', '.vue', '.svelte']) {
      expect(Object.keys(original).some((path) => path.endsWith(extension) && original[path] !== fixedByAxag[path]), extension).toBe(true);
    }
  });

  for (const [version, bin] of Object.entries(ESLINTS)) {
    it(`${version} applies the same fixes`, async () => {
      const dir = project(`eslint-fix-${version.replace(' ', '')}`);
      await runTool([bin, '--fix', '.'], dir);
      expect(sourceTexts(dir)).toEqual(fixedByAxag);
    });
  }
});
