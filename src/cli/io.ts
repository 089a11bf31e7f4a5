import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FatalError } from '../errors.js';

/** What the CLI writes to; tests and the binary pass the real streams. */
export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
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
  EROFS: 'the file system is read-only',
};

/** Writes a report file, creating its directory; `shownAs` is the path as the user gave it. */
export function writeOutputFile(path: string, shownAs: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new FatalError(`cannot write the report to ${shownAs}: ${WRITE_ERRORS[code] ?? code}`);
  }
}
