import { readFileSync, writeFileSync } from 'node:fs';
import { lint, type LintInput, type LintOptions } from '../engine/lint.js';
import { displayPath } from '../paths.js';
import type { LintResults } from '../results.js';
import { contentHash } from '../text/content-hash.js';
import { decodeText, UnreadableFileError } from '../text-file.js';
import { writeFailure } from './io.js';

/**
 * `--fix` and `--fix-dry-run` (spec §10): lints the run with its fixes applied (LintOptions.fix), so that what is
 * reported, and counted in the exit code, is what remains; with `write`, writes each fixed file and drops its
 * `output`. A file that cannot be written is a failure of the run, and then the run is linted again without fixing,
 * so that each file is reported as it is on disk.
 */
export async function lintAndFix(inputs: readonly LintInput[], options: LintOptions, { write, cwd }: { write: boolean; cwd: string }): Promise<LintResults> {
  const results = await lint(inputs, { ...options, fix: true });
  if (!write) return results;
  const failures: string[] = [];
  for (const file of results.files) {
    if (file.output === undefined) continue;
    const failure = writeFixedFile(file.path, file.output, file.outputFrom!, cwd);
    if (failure) failures.push(failure);
    delete file.output;
    delete file.outputFrom;
  }
  if (failures.length === 0) return results;
  // The second lint looks every file up again: its counts are the run's.
  if (options.cache) options.cache.reused = options.cache.linted = 0;
  const asOnDisk = await lint(inputs, options);
  asOnDisk.failures.push(...failures);
  return asOnDisk;
}

/**
 * Writes a fixed file in the encoding it had (UTF-8, with its byte-order mark if it had one, or UTF-16 by its
 * mark), if it still holds the text the fixes were made to (`fixedFrom`, that text's content hash); returns a
 * failure message, or one saying why a file is left alone: bytes that are not valid UTF-8 would not survive being
 * written back.
 */
export function writeFixedFile(path: string, fixed: string, fixedFrom: string, cwd: string): string | undefined {
  const shown = displayPath(path, cwd);
  let bytes: Buffer;
  let text: string;
  try {
    bytes = readFileSync(path);
    text = decodeText(bytes);
  } catch (error) {
    return `${shown}: not fixed: cannot read it again: ${error instanceof UnreadableFileError ? error.reason : writeFailure(error)}`;
  }
  // The file changed while it was linted, or holds bytes its text does not say back: writing would lose them.
  if (contentHash(text) !== fixedFrom || !encodeLike(bytes, text).equals(bytes)) {
    return `${shown}: not fixed: the file changed while it was linted, or is not valid UTF-8 or UTF-16`;
  }
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
