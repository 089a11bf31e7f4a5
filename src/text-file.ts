import { mayContainAnnotations } from './sources/documents.js';
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';

/**
 * A file that cannot be read as text, with the reason in words ("permission denied", "it is a directory").
 * Callers add the path and what the file was for.
 */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';

  constructor(
    readonly reason: string,
    /** The errno code when the file system refused, e.g. ENOENT. */
    readonly code?: string,
  ) {
    super(reason);
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links (a symbolic link loop?)',
  ENOTDIR: 'a part of the path is a file, not a directory',
  ENAMETOOLONG: 'the name is too long',
  EISDIR: 'it is a directory',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENOMEM: 'out of memory',
  EBUSY: 'the file is busy',
  ETIMEDOUT: 'the file system timed out',
};

/** The reason a file system call failed, in words, with the code for the unusual ones. */
export function fileSystemReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code && REASONS[code]) return REASONS[code];
  return code ? `${code}: ${message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')}` : String(message ?? error);
}

/** Why a path that exists is not a regular file, or undefined when it is one. */
export function notRegularFile(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'it is a directory, not a file';
  if (stats.isFIFO()) return 'it is a named pipe (FIFO), not a regular file';
  if (stats.isCharacterDevice()) return 'it is a character device, not a regular file';
  if (stats.isBlockDevice()) return 'it is a block device, not a regular file';
  if (stats.isSocket()) return 'it is a socket, not a regular file';
  return 'it is not a regular file';
}

/**
 * The largest source file axag lints unless told otherwise: parsing takes time linear in the size, but the parsers'
 * trees take about 60 times the file's size in memory, so a 50 MB page would need some 3 GB.
 */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** A size in the units people read: `52.4 MB`, `900 KB`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Why a file of `size` bytes is not linted under the limit `maxBytes` (0: none), or undefined when it is. */
export function tooLarge(size: number, maxBytes: number): string | undefined {
  if (maxBytes <= 0 || size <= maxBytes) return undefined;
  const enough = Math.ceil(size / 1024 / 1024);
  return (
    `it is ${formatSize(size)}, more than the limit of ${formatSize(maxBytes)} on files to lint (the parsers need about 60 times ` +
    `a file's size in memory); to lint it, raise the limit: --max-file-size ${enough}MB (0 for none)`
  );
}

/**
 * Reads a regular file as text. Anything else (a directory, a FIFO, a device such as /dev/zero, also behind a
 * symbolic link) is refused without being read, so that a committed link cannot block or exhaust the run; so is
 * a file larger than `maxBytes` (0: no limit). Throws UnreadableFileError.
 */
export function readTextFile(path: string, maxBytes = 0): string {
  let fd: number;
  try {
    // Opened before it is known to be a regular file, which saves a lookup of the path per file: O_NONBLOCK so
    // that a FIFO returns at once instead of waiting for a writer, O_NOCTTY so that a terminal never becomes the
    // process's own. Nothing is read before the check.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    // Some special files cannot even be opened (a socket): say what they are rather than how the open failed.
    const special = MISSING.has((error as NodeJS.ErrnoException).code ?? '') ? undefined : specialFileReason(path);
    throw new UnreadableFileError(special ?? fileSystemReason(error), special ? undefined : (error as NodeJS.ErrnoException).code);
  }
  try {
    const stats = fstatSync(fd);
    const special = notRegularFile(stats);
    if (special) throw new UnreadableFileError(special);
    const large = tooLarge(stats.size, maxBytes);
    if (large) throw new UnreadableFileError(large);
    return decodeText(readFileSync(fd));
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(fileSystemReason(error), (error as NodeJS.ErrnoException).code);
  } finally {
    closeSync(fd);
  }
}

/** Failures that say there is no file there at all, so nothing to name. */
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'ELOOP', 'ENAMETOOLONG']);

function specialFileReason(path: string): string | undefined {
  try {
    return notRegularFile(statSync(path));
  } catch {
    return undefined;
  }
}

/**
 * The text of a file's bytes: UTF-16 (what PowerShell's `>` writes) when a byte-order mark says so, else UTF-8;
 * the byte-order mark is dropped. UTF-16 without a byte-order mark, and bytes that are not text (NULs, as git
 * judges a binary file) around the word `axag`, throw UnreadableFileError: read as UTF-8 they would pass the lint
 * as clean. A NUL where no annotation can be (a binary asset, a NUL in a string) is harmless: such a file is read
 * like any other, and the `axag` pre-check skips it. Malformed UTF-8 is decoded with U+FFFD, as editors and
 * browsers show it: the file is still linted.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2))).swap16().toString('utf16le');
  if (bytes.indexOf(0) !== -1) {
    if (looksLikeUtf16(bytes)) {
      throw new UnreadableFileError('it looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a byte-order mark)');
    }
    if (mayContainAnnotations(bytes.toString('latin1'))) throw new UnreadableFileError('it is not a text file (it contains NUL bytes)');
  }
  return bytes.toString('utf8', bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
}

/** Most ASCII text in UTF-16 has a NUL in every other byte. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? even++ : odd++;
  return sample.length >= 8 && Math.max(even, odd) >= sample.length / 4 && Math.min(even, odd) <= Math.max(even, odd) / 10;
}
