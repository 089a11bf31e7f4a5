import type { Output } from './io.js';
import { monotonicMs } from '../clock.js';

/** Erases the terminal line the cursor is on and returns to its start. */
const CLEAR_LINE = '\r\x1b[2K';

/** How long a run goes before it shows progress: a quick run stays quiet. */
export const PROGRESS_DELAY_MS = 1000;
/** Redraw at most this often: a terminal is slow, and a number changing faster is unreadable. */
const REDRAW_MS = 100;

/**
 * Whether a run may draw a progress line on standard error: only on a terminal (never into a pipe or a file), never
 * in CI (the `CI` variable, which GitHub Actions, GitLab CI, CircleCI, Travis and others set: their logs keep every
 * redraw), never on a terminal that cannot erase a line (`TERM=dumb`), and not with `--debug`, whose lines it
 * would cut.
 */
export function showsProgress(stderr: { isTTY?: boolean }, env: NodeJS.ProcessEnv, debug: boolean): boolean {
  const ci = env.CI !== undefined && !['', '0', 'false'].includes(env.CI.trim().toLowerCase());
  return stderr.isTTY === true && !ci && env.TERM !== 'dumb' && !debug;
}

/**
 * One line on standard error, redrawn in place: `axag: linting 120/5000 files`. Nothing is drawn before `delayMs`
 * have passed, and only if `shows()` says so then: asking whether standard error is a terminal makes the stream,
 * which a quick run need not pay for. `clear` erases the line, so the report that follows starts on a clean line.
 */
export class ProgressLine {
  private readonly started = monotonicMs();
  private drawnAt: number | undefined;
  private shown: boolean | undefined;

  constructor(
    private readonly terminal: Output,
    private readonly shows: () => boolean,
    private readonly delayMs = PROGRESS_DELAY_MS,
  ) {}

  update(done: number, total: number): void {
    const now = monotonicMs();
    if (now - this.started < this.delayMs || (this.drawnAt !== undefined && now - this.drawnAt < REDRAW_MS)) return;
    if (!(this.shown ??= this.shows())) return;
    this.drawnAt = now;
    this.terminal.write(`${CLEAR_LINE}axag: linting ${done}/${total} files`);
  }

  clear(): void {
    if (this.drawnAt === undefined) return;
    this.drawnAt = undefined;
    this.terminal.write(CLEAR_LINE);
  }
}
