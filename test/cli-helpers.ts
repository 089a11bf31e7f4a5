/**
 * Helpers for test/cli.test.ts: run the BUILT binary (bin/axag.js → dist/) as a
 * child process in a fresh temporary project, and read its pretty output.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'axag.js');
const BUILT_MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
/** What bin/axag.js runs: the CLI bundled from dist/src/, and the bundle's record, written last (scripts/bundle-cli.ts). */
const BUNDLED_MAIN = join(ROOT, 'dist', 'cli', 'axag.js');
export const BUNDLE_META = join(ROOT, 'dist', 'cli-meta.json');

/** Throws a clear message when the CLI has not been compiled (`npm test` runs tsc first). */
export function assertBuilt(): void {
  const missing = [BUILT_MAIN, BUNDLED_MAIN, BUNDLE_META].find((path) => !existsSync(path));
  if (missing) {
    throw new Error(`The CLI is not built: ${missing} is missing. Run \`npm run build\` (or \`npm test\`, which builds first) in ${ROOT}.`);
  }
  // tsc alone (a watch, an editor) leaves the bundle that the binary runs behind the code under test.
  if (statSync(BUNDLE_META).mtimeMs < statSync(BUILT_MAIN).mtimeMs) {
    throw new Error(`The CLI's bundle ${BUNDLED_MAIN} is older than ${BUILT_MAIN}: run \`npm run build\` in ${ROOT}.`);
  }
}

/**
 * Config discovery walks up from each linted file: a stray config file in the
 * temp directory or above it would change every result here. Fail clearly instead.
 */
export function assertCleanTempAncestors(): void {
  const names = ['.axag-lint.json', '.axag-lint.yaml', '.axag-lint.yml', '.axaglintrc.json'];
  for (let dir = tmpdir(); ; dir = dirname(dir)) {
    for (const name of names) {
      if (existsSync(join(dir, name))) throw new Error(`A stray ${join(dir, name)} would affect the CLI tests; remove it.`);
    }
    const packageJson = join(dir, 'package.json');
    if (existsSync(packageJson) && readFileSync(packageJson, 'utf8').includes('"axag-lint"')) {
      throw new Error(`A stray ${packageJson} that names "axag-lint" may be a config source and would affect the CLI tests; remove it.`);
    }
    if (dirname(dir) === dir) break;
  }
}

export const PACKAGE_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const created: string[] = [];

/** A fresh directory under the OS temp dir holding `files` (paths relative to it, `/`-separated). */
export function project(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'axag-cli-'));
  created.push(dir);
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, ...name.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

export function removeProjects(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  /** Variables to set (a value of undefined removes the variable). NO_COLOR=1 is set and COLUMNS removed unless overridden. */
  env?: Record<string, string | undefined>;
  /** Options for node itself, before the script (`--import …`). */
  nodeArgs?: readonly string[];
  /** Text for standard input; without it the child gets none. */
  input?: string;
}

/** Runs `node bin/axag.js ...args` in `cwd`; never inherits FORCE_COLOR or NO_COLOR from the test runner. */
export function axag(args: readonly string[], options: RunOptions): Promise<RunResult> {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  // Pretty output and help fit COLUMNS when it is set: tests lay them out for 80 unless they say otherwise.
  delete env.COLUMNS;
  env.NO_COLOR = '1';
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return new Promise((resolve, reject) => {
    const stdin = options.input === undefined ? 'ignore' : 'pipe';
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], { cwd: options.cwd, env, stdio: [stdin, 'pipe', 'pipe'] });
    if (child.stdin) {
      // A run that stops before reading its input (a usage error) closes the pipe early: not a test failure.
      child.stdin.on('error', () => {});
      child.stdin.end(options.input);
    }
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000); // below vitest's testTimeout: a hung run fails its test
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** One finding of the pretty format. */
export interface PrettyRow {
  line: number;
  column: number;
  severity: string;
  /** The message, its wrapped lines joined again with a space. */
  message: string;
  ruleId: string;
}

export interface PrettyReport {
  /** Files in output order (the path of their findings' heads), with their rows. */
  files: { path: string; rows: PrettyRow[] }[];
  /** The `✖ …` summary line, if any. */
  summary: string | undefined;
  /** Lines that are neither a finding's head, nor its message, nor a summary or note. */
  malformed: string[];
}

// `path:12:5  error    AXAG-LINT-001  message`, or the message on the indented lines below: fields separated by at
// least two spaces.
const HEAD = /^(\S.*?):(\d+):(\d+) {2,}(error|warning) {2,}(\S+)(?: {2,}(\S.*))?$/;

/** Parses the pretty format: finding heads, their (wrapped) messages, blank lines between files, a summary line. */
export function parsePretty(stdout: string): PrettyReport {
  const report: PrettyReport = { files: [], summary: undefined, malformed: [] };
  let newFile = true;
  for (const line of stdout.split('\n')) {
    if (line === '') {
      newFile = true;
      continue;
    }
    if (line.startsWith('✖')) {
      report.summary = line;
      continue;
    }
    if (line.startsWith('ℹ') || line.startsWith('✔')) continue;
    const current = report.files.at(-1);
    const row = current?.rows.at(-1);
    if (line.startsWith('  ')) {
      if (!row || newFile) report.malformed.push(line);
      else row.message = row.message === '' ? line.trim() : `${row.message} ${line.trim()}`;
      continue;
    }
    const match = HEAD.exec(line);
    if (!match) {
      report.malformed.push(line);
      continue;
    }
    const path = match[1]!;
    if (newFile || current?.path !== path) report.files.push({ path, rows: [] });
    newFile = false;
    report.files.at(-1)!.rows.push({
      line: Number(match[2]),
      column: Number(match[3]),
      severity: match[4]!,
      message: match[6] ?? '',
      ruleId: match[5]!,
    });
  }
  return report;
}

/** `[line, column, severity, ruleId]` of each row, per file: compact for exact comparisons. */
export function rowsByFile(stdout: string): Record<string, [number, number, string, string][]> {
  const out: Record<string, [number, number, string, string][]> = {};
  for (const file of parsePretty(stdout).files) {
    out[file.path] = file.rows.map((row) => [row.line, row.column, row.severity, row.ruleId]);
  }
  return out;
}

export const ANSI = /\u001b\[/;
