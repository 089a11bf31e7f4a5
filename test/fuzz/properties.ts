/** What must hold for any input (issue 12, scope 3), checked on one lint() run. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { FatalError } from '../../src/errors.js';
import { FORMATTERS, type FormatContext } from '../../src/formatters/index.js';
import { lint, type LintOptions } from '../../src/engine/lint.js';
import type { LintResults } from '../../src/results.js';
import { stripBom } from '../../src/text/line-index.js';

/** A directory of its own per run, so that no config or manifest around the checkout is picked up. */
export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'axag-fuzz-'));
}

/** Raw control characters, line separators and bidi controls, which a report must escape; LF ends lines. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

const CONTEXT: FormatContext = { cwd: '/', color: false, verbose: true, tool: { name: 'axag', version: '0.0.0-fuzz', informationUri: 'https://example.com' } };

/**
 * Lints the files twice and checks every property of a run that completed; `texts` maps each absolute path to
 * the text it had, for the bounds of its findings. A FatalError (a config or manifest that stops the run) is a
 * valid outcome when `fatalAllowed`; any other exception fails.
 */
export async function checkRun(
  inputs: Parameters<typeof lint>[0],
  options: LintOptions,
  texts: ReadonlyMap<string, string>,
  { fatalAllowed = false } = {},
): Promise<void> {
  // lint() hardly waits for anything: without a turn of the event loop per run, a long run starves vitest's
  // messages between its worker and the main process, which then give up ("Timeout calling onTaskUpdate").
  await new Promise((resolve) => setImmediate(resolve));
  let first: LintResults;
  try {
    first = await lint(inputs, options);
  } catch (error) {
    if (fatalAllowed && error instanceof FatalError) {
      if (!error.message || /\n\s+at /.test(error.message)) throw new Error(`a fatal error without a clear message: ${error.message}`);
      return;
    }
    throw error;
  }
  const second = await lint(inputs, options);
  if (JSON.stringify(first) !== JSON.stringify(second)) throw new Error('linting twice gave different results');
  for (const file of first.files) {
    const text = texts.get(file.path);
    if (text !== undefined) checkBounds(file.findings, text, file.path);
  }
  checkFormats(first, options.cwd ?? '/');
}

function checkBounds(findings: LintResults['files'][number]['findings'], text: string, path: string): void {
  const lines = stripBom(text).split(/\r\n|\r|\n/);
  for (const finding of findings) {
    const where = `${finding.ruleId} at ${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} in ${path}`;
    const inside = (line: number, column: number) => line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1]!.length + 1;
    if (!inside(finding.line, finding.column) || !inside(finding.endLine, finding.endColumn)) throw new Error(`${where} lies outside the file`);
    if (finding.endLine < finding.line || (finding.endLine === finding.line && finding.endColumn < finding.column)) throw new Error(`${where} ends before it starts`);
  }
}

function checkFormats(results: LintResults, cwd: string): void {
  const context = { ...CONTEXT, cwd, root: cwd };
  for (const name of ['json', 'sarif', 'gitlab']) JSON.parse(FORMATTERS[name]!(results, context));
  const junit = FORMATTERS.junit!(results, context);
  const xmlErrors: string[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (error) => xmlErrors.push(error.message));
  parser.write(junit).close();
  if (xmlErrors.length > 0) throw new Error(`junit output is not XML: ${xmlErrors[0]}`);
  for (const name of ['pretty', 'github']) {
    const output = FORMATTERS[name]!(results, context);
    const unsafe = UNSAFE.exec(output);
    if (unsafe) throw new Error(`${name} output holds the raw control character U+${unsafe[0].codePointAt(0)!.toString(16).padStart(4, '0')}`);
  }
}

/** Writes a file into a directory and returns its path. */
export function put(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
