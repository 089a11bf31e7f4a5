import { fitHeapGrowth } from './heap-growth.js';
import { main } from './main.js';
import { cleanUpInterrupted, leadsToDescriptor, writeFailure } from './io.js';

/** Exit codes of a run ended by a signal: 128 plus the signal number, as shells report it. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Runs `axag` as the process: the CLI on the real streams, plus what only a process has. A reader that goes away
 * (`axag lint | head -1`, quitting `less`) ends the run quietly with its own exit code; a standard output that
 * cannot be written (a full disk) is one line and exit 2, never a stack trace; SIGINT and SIGTERM end the run
 * with 130 and 143, after removing report files this run did not finish.
 */
export async function runProcess(): Promise<void> {
  fitHeapGrowth();
  // Standard input and standard error are made when first used: making one for a pipe loads Node's stream and
  // socket modules (some 5 ms of a start-up), which a clean run that reads nothing and says nothing need not pay.
  // Standard output is made at once: every run reads its width (for help), and its error handler must be there
  // before anything, the language server included, writes to it.
  let stderr: NodeJS.WriteStream | undefined;
  const standardError = () => {
    if (stderr !== undefined) return stderr;
    stderr = process.stderr;
    // Nobody left to read standard error either: nothing to say, and no reason to crash.
    stderr.on('error', () => {});
    return stderr;
  };
  let stdoutFailed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (stdoutFailed) return;
    stdoutFailed = true;
    if (error.code === 'EPIPE') return;
    standardError().write(`axag: cannot write to standard output: ${writeFailure(error)}\n`);
    process.exitCode = 2;
  });
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.once(signal, () => {
      cleanUpInterrupted();
      standardError().write(`axag: interrupted by ${signal}\n`);
      process.exit(code);
    });
  }

  const code = await main(process.argv.slice(2), {
    get stdin() {
      return process.stdin;
    },
    stdout: {
      write: (text: string) => stdoutFailed || process.stdout.write(text),
      isTTY: process.stdout.isTTY,
      columns: process.stdout.columns,
      // A terminal shows what it is sent one text after the other, as a command asking for both wants.
      leadsHere: (path: string) => !process.stdout.isTTY && leadsToDescriptor(1, path),
    },
    stderr: {
      write: (text: string) => standardError().write(text),
      get isTTY() {
        return standardError().isTTY;
      },
      leadsHere: (path: string) => !standardError().isTTY && leadsToDescriptor(2, path),
    },
    env: process.env,
    cwd: process.cwd(),
  });
  // A write error that came first (the disk filled up) decides the exit code.
  if (process.exitCode === undefined || process.exitCode === 0) process.exitCode = code;
}
