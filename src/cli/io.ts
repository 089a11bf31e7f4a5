import { closeSync, constants, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FatalError } from '../errors.js';
import { safeLines } from '../text/safe-text.js';

/** Where the CLI writes text: the process's streams, or a test's. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  /** A terminal's width in columns. */
  columns?: number;
  /** Whether a path leads to where this output goes, so that a report file there would mix with it. */
  leadsHere?(path: string): boolean;
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
  ENXIO: 'nothing reads it (a FIFO is read by a process started first)',
};

/** Why a write failed, in words: `the disk is full`. */
export function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return Object.hasOwn(WRITE_ERRORS, code) ? WRITE_ERRORS[code]! : code;
}

/**
 * Writes a report file (or the cache), creating its directory; `shownAs` is the path as the user gave it. The text
 * (whole, or in the pieces a report writer makes) goes to a temporary file beside the file that is then renamed
 * over it, so the file is at every moment either the whole new report or absent/old, never half written, whatever
 * stops the run (a signal, a full disk, a crash). A symbolic link stays one: the file it points to (or would point
 * to) is the one replaced. What is not a file (`/dev/null`, a FIFO another process reads) and what names one of the
 * process's open descriptors (`/dev/stdout`) is written to as it is: a rename would put a file in its place.
 */
export function writeOutputFile(path: string, shownAs: string, text: string | Iterable<string>, what = 'the report'): void {
  let temporary: string | undefined;
  let target: ReturnType<typeof outputTarget> | undefined;
  try {
    // A descriptor's name (`/proc/<pid>/fd/3`) has no directory to make: its process holds it, or there is none.
    if (!namedDescriptor(path)) makeDirectory(dirname(path));
    target = outputTarget(path);
    if (target.kind === 'stream') {
      const descriptor = namedDescriptor(target.path);
      if (descriptor && !handedDescriptor(descriptor)) throw new FatalError(`cannot write ${what} to ${shownAs}: ${notOpen(path, target.path, descriptor.fd)}`);
      writeStream(path, text);
      return;
    }
    temporary = join(dirname(target.path), `.${basename(target.path)}.${process.pid}.axag-tmp`);
    writePieces(openSync(temporary, 'w'), text);
    renameSync(temporary, target.path);
  } catch (error) {
    if (temporary !== undefined) removeIfPresent(temporary);
    // What the file system refused; anything else was thrown while the report was made (a bug), not written.
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    const { code } = error as NodeJS.ErrnoException;
    const descriptor = target?.kind === 'stream' ? namedDescriptor(target.path) : undefined;
    const why =
      code === 'ENXIO' && isSocket(path)
        ? SOCKET
        : code === 'ENOENT' && descriptor
          ? descriptor.process === undefined
            ? notOpen(path, target!.path, descriptor.fd)
            : notOpenElsewhere(descriptor.process, descriptor.fd)
          : writeFailure(error);
    throw new FatalError(`cannot write ${what} to ${shownAs}: ${why}`);
  }
}

/**
 * Why a report path that leads to `named` (`/dev/fd/3`, `/dev/stdout`, `/proc/self/fd/3`) cannot be written:
 * descriptor `fd` was not handed to axag to write to.
 */
function notOpen(path: string, named: string, fd: number): string {
  // POSIX shells open descriptors 0 to 9 by number; bash and zsh any.
  const why = `descriptor ${fd} was not opened for axag to write to (${fd < 10 ? 'a shell opens it' : 'bash opens it'} with ${fd}>report.txt)`;
  return named === path ? why : `it leads to ${named}, and ${why}`;
}

/** Why another process's descriptor (`/proc/<pid>/fd/N`) cannot be written: it or the process is gone. */
function notOpenElsewhere(pid: number, fd: number): string {
  return existsSync(`/proc/${pid}`) ? `process ${pid} has no descriptor ${fd} open` : `no process ${pid} is running`;
}

/**
 * A directory and the ones above it that are missing, made one at a time: Node.js's own `recursive` mkdir never
 * returns on a path where making a directory fails with ENOENT below one that exists (`/proc/<no such pid>/fd`),
 * taking the failure for a missing parent and making that parent again, for ever. Here the first failure ends it.
 */
function makeDirectory(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; !existsSync(at); at = dirname(at)) {
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      mkdirSync(missing[i]!);
    } catch (error) {
      // Made by another process meanwhile, or a dangling link: the next level's own failure says what is wrong.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Whether the descriptor a name reaches (`/dev/fd/5`) can be one handed to axag by the program that started it.
 * Node.js holds descriptors of its own (its event loop's), which a name reaches just as well: a report written to
 * one is lost, and may upset the event loop. On Linux they show in /proc/self/fd: epoll and event descriptors
 * (`anon_inode:`), pipes whose reading end the process holds, which no reader elsewhere would drain, and files
 * open only to read (as no report destination is).
 * Elsewhere, or for another process's descriptors, any descriptor is taken as handed.
 */
function handedDescriptor({ fd, process: other }: NamedDescriptor): boolean {
  if (fd <= 2 || other !== undefined) return true;
  const open = descriptorsOpen();
  if (!open) return true;
  const what = open.get(fd);
  if (what === undefined || what.startsWith('anon_inode:') || accessMode(fd) === O_RDONLY) return false;
  if (!what.startsWith('pipe:')) return true;
  for (const [any, same] of open) if (same === what && accessMode(any) !== O_WRONLY) return false;
  return true;
}

/** This process's descriptors and what each is open on (`pipe:[123]`, a path), or undefined without /proc. */
function descriptorsOpen(): Map<number, string> | undefined {
  let names: string[];
  try {
    names = readdirSync('/proc/self/fd');
  } catch {
    return undefined;
  }
  const open = new Map<number, string>();
  for (const name of names) {
    try {
      open.set(Number(name), readlinkSync(`/proc/self/fd/${name}`));
    } catch {
      // Closed in the meantime (the one readdir itself had open).
    }
  }
  return open;
}

const O_RDONLY = 0;
const O_WRONLY = 1;

/** How descriptor `fd` was opened: O_RDONLY, O_WRONLY or O_RDWR (from its flags, octal in /proc/self/fdinfo). */
function accessMode(fd: number): number | undefined {
  try {
    const flags = /^flags:\s*([0-7]+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
    return flags === undefined ? undefined : parseInt(flags, 8) & 3;
  } catch {
    return undefined;
  }
}

/** Why a socket cannot be a report path: `/dev/stdout` is one when the program that runs axag reads it so. */
const SOCKET = 'it is a socket, which cannot be opened by name (leave out -o to write the report to standard output)';

function isSocket(path: string): boolean {
  try {
    return statSync(path).isSocket();
  } catch {
    return false;
  }
}

/**
 * Appends to what is not a file. Appending truncates nothing that `/dev/stdout` names; to a device or a FIFO it is
 * the same as writing. A FIFO that nobody reads yet is refused (ENXIO) rather than waited for: the wait would be
 * inside the kernel, where not even Ctrl-C reaches the run.
 */
function writeStream(path: string, text: string | Iterable<string>): void {
  const probe = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_NONBLOCK);
  // Written through a blocking descriptor, so that a reader slower than the report does not make a write fail with
  // EAGAIN; the probe stays open until then, or a FIFO's reader would see its only writer go (an end of file).
  let fd;
  try {
    fd = openSync(path, 'a');
  } finally {
    closeSync(probe);
  }
  writePieces(fd, text);
}

function writePieces(fd: number, text: string | Iterable<string>): void {
  try {
    for (const piece of typeof text === 'string' ? [text] : text) writeFileSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}

/** Links followed before giving up, as the system does (Linux's own limit is 40). */
const MAX_LINKS = 40;

/**
 * Where a report path leads: through its symbolic links, one at a time (a link to nothing yet leads to the file
 * it names), either a file to replace or to create, or something to write to as it is.
 */
function outputTarget(path: string): { kind: 'file' | 'stream'; path: string } {
  let current = path;
  for (let links = 0; links <= MAX_LINKS; links++) {
    if (namedDescriptor(current)) return { kind: 'stream', path: current };
    let stats;
    try {
      stats = lstatSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'file', path: current };
      throw error;
    }
    if (!stats.isSymbolicLink()) return { kind: stats.isFile() ? 'file' : 'stream', path: current };
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw Object.assign(new Error(`too many symbolic links: ${path}`), { code: 'ELOOP' });
}

/** A descriptor a path names, and for another process's (`/proc/<pid>/fd/N`), that process's id. */
interface NamedDescriptor {
  fd: number;
  process?: number;
}

/**
 * `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`: one of a process's open descriptors, which may be a file the
 * shell opened (to append to, say) and must be written to as it is, never replaced or removed.
 */
function namedDescriptor(path: string): NamedDescriptor | undefined {
  const standard = ['/dev/stdin', '/dev/stdout', '/dev/stderr'].indexOf(path);
  if (standard !== -1) return { fd: standard };
  const [, owner, fd] = /^\/(?:dev|proc\/(self|thread-self|\d+))\/fd\/(\d+)$/.exec(path) ?? [];
  if (fd === undefined) return undefined;
  const pid = owner === undefined || !/^\d+$/.test(owner) ? process.pid : Number(owner);
  return pid === process.pid ? { fd: Number(fd) } : { fd: Number(fd), process: pid };
}

/**
 * Whether `path` leads to the file that descriptor `fd` is open on: `/dev/stdout` for 1, or the file a shell's `>`
 * opened. Not `/dev/null`, which keeps nothing that two writers could mix.
 */
export function leadsToDescriptor(fd: number, path: string): boolean {
  try {
    const open = fstatSync(fd);
    const named = statSync(path);
    if (open.dev !== named.dev || open.ino !== named.ino) return false;
    const nothing = statSync('/dev/null');
    return named.dev !== nothing.dev || named.ino !== nothing.ino;
  } catch {
    // No such path yet, or the descriptor is closed: nothing is there to mix with.
    return false;
  }
}

/**
 * Removes the file a report path leads to (through a symbolic link: the file it points to), if there is one.
 * Anything else there (a device, a FIFO, a directory, an open descriptor) is left alone. Best effort: it clears
 * what a failed run leaves, and the run's own error is the one to report.
 */
export function removeIfPresent(path: string): void {
  try {
    const target = outputTarget(path);
    if (target.kind === 'file') rmSync(target.path, { force: true });
  } catch {
    // Nothing that can be removed is there (a parent is a file, a loop of links, no permission to look).
  }
}

/**
 * Standard error with every line made safe (spec §6: messages name files and config keys): control and bidi
 * characters escaped, and no line that GitHub Actions, which reads standard error too, would run as a workflow
 * command. Messages put outside text through `escapeControl` themselves so that its line breaks cannot start a
 * line either; this is the net under all of them.
 */
export function safeErrorOutput(stream: Output): Output {
  return { write: (text: string) => stream.write(safeLines(text)), ...(stream.leadsHere && { leadsHere: stream.leadsHere }) };
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
