import { main } from './main.js';
import { cleanUpInterrupted, writeFailure } from './io.js';

/** Exit codes of a run ended by a signal: 128 plus the signal number, as shells report it. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Runs `axag` as the process: the CLI on the real streams, plus what only a process has. A reader that goes away
 * (`axag lint | head -1`, quitting `less`) ends the run quietly with its own exit code; a standard output that
 * cannot be written (a full disk) is one line and exit 2, never a stack trace; SIGINT and SIGTERM end the run
 * with 130 and 143, after removing report files this run did not finish.
 */
export async function runProcess(): Promise<void> {
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
