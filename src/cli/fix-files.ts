import { readFileSync, writeFileSync } from 'node:fs';
import { fixText } from '../engine/apply-fixes.js';
import { lint, type LintInput, type LintOptions } from '../engine/lint.js';
import { displayPath } from '../paths.js';
import type { LintResults } from '../results.js';
import { stripBom } from '../text/line-index.js';
import { decodeText, UnreadableFileError } from '../text-file.js';
import { writeFailure } from './io.js';

/** A file whose fixes change it: the text as linted (no byte-order mark) and the fixed text. */
export interface FixedFile {
  path: string;
  text: string;
  fixed: string;
}

/**
 * Spec §10: the fixed text of every linted file whose findings carry fixes and whose fixes change it, each fixed and
 * re-linted until stable. Only the files of the run's inputs are fixed (never a manifest).
 */
export async function fixInputs(inputs: readonly LintInput[], results: LintResults, options: LintOptions): Promise<FixedFile[]> {
  const byPath = new Map(inputs.map((input) => [typeof input === 'string' ? input : input.path, input]));
  // A pass lints one text: the run's progress line, debug lines and cache are about the run's files.
  const { onProgress: _progress, debug: _debug, cache: _cache, ...passOptions } = options;
  const fixed: FixedFile[] = [];
  for (const file of results.files) {
    const input = byPath.get(file.path);
    if (input === undefined || !file.findings.some((finding) => finding.fix)) continue;
    const text = typeof input === 'string' ? readText(input) : stripBom(input.text);
    if (text === undefined) continue;
    const relintInput = (next: string): LintInput =>
      typeof input === 'string' ? { path: input, text: next } : { ...input, text: next };
    const relint = async (next: string) => (await lint([relintInput(next)], passOptions)).files.find((result) => result.path === file.path)?.findings ?? [];
    const result = await fixText(text, file.findings, relint);
    if (result !== text) fixed.push({ path: file.path, text, fixed: result });
  }
  return fixed;
}

/** The file's text as the linter read it; undefined when it is gone or no longer readable (its finding stays). */
function readText(path: string): string | undefined {
  try {
    return decodeText(readFileSync(path));
  } catch (error) {
    if (error instanceof UnreadableFileError || (error as NodeJS.ErrnoException).code !== undefined) return undefined;
    throw error;
  }
}

/**
 * Writes a fixed file in the encoding it had (UTF-8, with its byte-order mark if it had one, or UTF-16 by its
 * mark); returns a failure message, or one saying why a file is left alone: bytes that are not valid UTF-8 would
 * not survive being written back.
 */
export function writeFixedFile({ path, text, fixed }: FixedFile, cwd: string): string | undefined {
  const shown = displayPath(path, cwd);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return `${shown}: not fixed: cannot read it again: ${writeFailure(error)}`;
  }
  // The file changed while it was linted, or holds bytes its text does not say back: writing would lose them.
  if (!encodeLike(bytes, text).equals(bytes)) return `${shown}: not fixed: the file changed while it was linted, or is not valid UTF-8 or UTF-16`;
  try {
    writeFileSync(path, encodeLike(bytes, fixed));
  } catch (error) {
    return `${shown}: not fixed: cannot write it: ${writeFailure(error)}`;
  }
  return undefined;
}

/** `text` in the encoding of `original`: UTF-16 (by its byte-order mark) or UTF-8, with the mark if it had one. */
function encodeLike(original: Buffer, text: string): Buffer {
  if (original[0] === 0xff && original[1] === 0xfe) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (original[0] === 0xfe && original[1] === 0xff) return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  const bom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf;
  return Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
}

/**
 * `--fix` and `--fix-dry-run` (spec §10): fixes the run's files, writes them when `write` (a file that cannot be
 * written is a failure of the run), and lints the run again, so that what is reported, and counted in the exit
 * code, is what remains. Without `write`, each fixed file's result carries its fixed text as `output`.
 */
export async function fixAndRelint(
  inputs: readonly LintInput[],
  results: LintResults,
  options: LintOptions,
  { write, cwd }: { write: boolean; cwd: string },
): Promise<LintResults> {
  const fixed = await fixInputs(inputs, results, options);
  if (fixed.length === 0) return results;
  const failures = write ? fixed.flatMap((file) => writeFixedFile(file, cwd) ?? []) : [];
  const byPath = new Map(fixed.map((file) => [file.path, file]));
  // Written files are read again; the fixed text of the others is linted in their place.
  const relinted = write
    ? inputs
    : inputs.map((input) => {
        const file = byPath.get(typeof input === 'string' ? input : input.path);
        if (!file) return input;
        return typeof input === 'string' ? { path: input, text: file.fixed } : { ...input, text: file.fixed };
      });
  const after = await lint(relinted, options);
  after.failures.push(...failures);
  if (!write) for (const result of after.files) {
    const file = byPath.get(result.path);
    if (file) result.output = file.fixed;
  }
  return after;
}
