import { setFlagsFromString } from 'node:v8';
import { main } from './main.js';
import { cleanUpInterrupted, writeFailure } from './io.js';

const HEAP_GROWING_PERCENT = 50;

/** Exit codes of a run ended by a signal: 128 plus the signal number, as shells report it. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Runs `axag` as the process: the CLI on the real streams, plus what only a process has. A reader that goes away
 * (`axag lint | head -1`, quitting `less`) ends the run quietly with its own exit code; a standard output that
 * cannot be written (a full disk) is one line and exit 2, never a stack trace; SIGINT and SIGTERM end the run
 * with 130 and 143, after removing report files this run did not finish.
 */
export async function runProcess(): Promise<void> {
  // A run keeps every file's result until its end, while parsing makes much short-lived garbage. V8's default
  // lets the heap grow to up to four times what the last full collection kept; half as much again is enough, and
  // costs some 40 more quick full collections on 10,000 files. Flags are the process's: the workers' heaps too.
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  let stdoutFailed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (stdoutFailed) return;
    stdoutFailed = true;
    if (error.code === 'EPIPE') return;
    process.stderr.write(`axag: cannot write to standard output: ${writeFailure(error)}\n`);
    process.exitCode = 2;
  });
  // Nobody left to read standard error either: nothing to say, and no reason to crash.
  process.stderr.on('error', () => {});
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.once(signal, () => {
      cleanUpInterrupted();
      process.stderr.write(`axag: interrupted by ${signal}\n`);
      process.exit(code);
    });
  }

  const code = await main(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: { write: (text: string) => stdoutFailed || process.stdout.write(text), isTTY: process.stdout.isTTY, columns: process.stdout.columns },
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
  // A write error that came first (the disk filled up) decides the exit code.
  if (process.exitCode === undefined || process.exitCode === 0) process.exitCode = code;
}
