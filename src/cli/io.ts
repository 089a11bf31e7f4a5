import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FatalError } from '../errors.js';
import { safeLines } from '../text/safe-text.js';

/** Where the CLI writes text: the process's streams, or a test's. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  /** A terminal's width in columns. */
  columns?: number;
}

/** What the CLI reads and writes; tests and the binary pass the real streams. */
export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: Output;
  stderr: Output;
  /**
   * Standard error as it is, for the progress line only (axag's own text and terminal codes, which `stderr`
   * would escape); absent, no progress is shown.
   */
  terminal?: Output;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const WRITE_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a parent of it is a file',
  EEXIST: 'a parent of it is a file',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EFBIG: 'the file is too large for the file system',
};

/** Why a write failed, in words: `the disk is full`. */
export function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return Object.hasOwn(WRITE_ERRORS, code) ? WRITE_ERRORS[code]! : code;
}

/**
 * Writes a report file (or the cache), creating its directory; `shownAs` is the path as the user gave it. The text
 * (whole, or in the pieces a report writer makes) goes to a temporary file beside it that is then renamed over it,
 * so the file is at every moment either the whole new report or absent/old, never half written, whatever stops the
 * run (a signal, a full disk, a crash).
 */
export function writeOutputFile(path: string, shownAs: string, text: string | Iterable<string>, what = 'the report'): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.axag-tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(temporary, 'w');
    try {
      for (const piece of typeof text === 'string' ? [text] : text) writeFileSync(fd, piece);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    removeIfPresent(temporary);
    // What the file system refused; anything else was thrown while the report was made (a bug), not written.
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    throw new FatalError(`cannot write ${what} to ${shownAs}: ${writeFailure(error)}`);
  }
}

/** Removes a file if it is there; a path that cannot hold one (its parent is a file) holds nothing to remove. */
export function removeIfPresent(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
  }
}

/**
 * Standard error with every line made safe (spec §6: messages name files and config keys): control and bidi
 * characters escaped, and no line that GitHub Actions, which reads standard error too, would run as a workflow
 * command. Messages put outside text through `escapeControl` themselves so that its line breaks cannot start a
 * line either; this is the net under all of them.
 */
export function safeErrorOutput(stream: Output): Output {
  return { write: (text: string) => stream.write(safeLines(text)) };
}

/** Clean-up to run when a signal ends the run: removes what must not outlive it (a stale report). */
const onInterrupt = new Set<() => void>();

/** Registers `cleanUp` for an interrupted run; call the returned function when it is no longer needed. */
export function whenInterrupted(cleanUp: () => void): () => void {
  onInterrupt.add(cleanUp);
  return () => onInterrupt.delete(cleanUp);
}

/** Runs the registered clean-ups (each at most once; a failing one does not stop the others). */
export function cleanUpInterrupted(): void {
  for (const cleanUp of [...onInterrupt]) {
    onInterrupt.delete(cleanUp);
    try {
      cleanUp();
    } catch {
      // Removing a stale report is best effort: the run is ending either way.
    }
  }
}
