import { isAbsolute, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';
import type { FileResult } from '../results.js';
import type { FormatContext } from './types.js';

/** A path relative to the repository root with `/` separators, or undefined when it lies outside the root. */
export function repositoryPath(path: string, context: FormatContext): string | undefined {
  const rel = relative(context.root ?? context.cwd, path);
  if (rel === '') return '.';
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/**
 * One fingerprint per finding of a file, unique within the run: the repository
 * path, the finding's own fingerprint (content, not position) and which copy of
 * it this is in document order. Inserting unrelated lines changes none of them.
 */
export function stableFingerprints(file: FileResult, path: string): string[] {
  const seen = new Map<string, number>();
  return file.findings.map((finding) => {
    const copy = (seen.get(finding.fingerprint) ?? 0) + 1;
    seen.set(finding.fingerprint, copy);
    return createHash('sha256').update(`${path}\0${finding.fingerprint}\0${copy}`).digest('hex').slice(0, 32);
  });
}
