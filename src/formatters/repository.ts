import { createHash } from 'node:crypto';
import { displayPath, isInside } from '../paths.js';
import type { FileResult } from '../results.js';
import type { FormatContext } from './types.js';

export const rootOf = (context: FormatContext) => context.root ?? context.cwd;

/** A file's path relative to the repository root with `/` separators, or undefined when it lies outside the root. */
export function repositoryPath(path: string, context: FormatContext): string | undefined {
  return isInside(path, rootOf(context)) ? displayPath(path, rootOf(context)) : undefined;
}

/** The path CI systems are given: repository-relative, or absolute for a file outside the repository. */
export function reportedPath(path: string, context: FormatContext): string {
  return repositoryPath(path, context) ?? path;
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
