import { closeSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
  ENOENT: 'a directory on its path does not exist',
  ELOOP: 'its symbolic links form a loop',
  ENXIO: 'nothing can be written there',
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
 * run (a signal, a full disk, a crash). A path that names something other than a file (`/dev/null`, a FIFO a
 * reader waits on, `/dev/stdout`) is written to as it is: a rename would put a file in its place. A symbolic link
 * stays one: the file it points to is replaced.
 */
export function writeOutputFile(path: string, shownAs: string, text: string | Iterable<string>, what = 'the report'): void {
  let temporary: string | undefined;
  try {
    mkdirSync(dirname(path), { recursive: true });
    const target = existingTarget(path);
    if (target?.isFile === false) {
      // Appending truncates nothing that `/dev/stdout` names; to a device or a FIFO it is the same as writing.
      writePieces(path, text, 'a');
      return;
    }
    const real = target?.realPath ?? path;
    temporary = join(dirname(real), `.${basename(real)}.${process.pid}.axag-tmp`);
    writePieces(temporary, text, 'w');
    renameSync(temporary, real);
  } catch (error) {
    if (temporary !== undefined) removeIfPresent(temporary);
    // What the file system refused; anything else was thrown while the report was made (a bug), not written.
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    throw new FatalError(`cannot write ${what} to ${shownAs}: ${writeFailure(error)}`);
  }
}

function writePieces(path: string, text: string | Iterable<string>, flags: 'a' | 'w'): void {
  const fd = openSync(path, flags);
  try {
    for (const piece of typeof text === 'string' ? [text] : text) writeFileSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}

/**
 * What `path` names, through any symbolic links; undefined when nothing is there. A link to nothing counts as
 * something other than a file: writing through it creates the file it names, as a shell's `>` does.
 */
function existingTarget(path: string): { isFile: boolean; realPath: string } | undefined {
  if (namesAStream(path)) return { isFile: false, realPath: path };
  try {
    return { isFile: statSync(path).isFile(), realPath: realpathSync(path) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return isSymbolicLink(path) ? { isFile: false, realPath: path } : undefined;
  }
}

/**
 * `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`: what the process already has open, where a file (say one the shell
 * opened to append to) must be written to as it is, never replaced or removed.
 */
function namesAStream(path: string): boolean {
  return path.startsWith('/dev/') || path.startsWith('/proc/');
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Removes the file at `path` (through a symbolic link: the file it points to) if there is one. Anything else there
 * (a device, a FIFO, a directory, what `/dev/stdout` names) is left alone, and a path that cannot hold a file (its
 * parent is a file) holds nothing to remove.
 */
export function removeIfPresent(path: string): void {
  if (namesAStream(path)) return;
  try {
    if (statSync(path).isFile()) rmSync(realpathSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
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
