import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FatalError } from '../errors.js';

/** What the CLI writes to; tests and the binary pass the real streams. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function writeOutputFile(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (error) {
    throw new FatalError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}
