/**
 * Linting files in worker threads. Loaded only when a run uses them. Files are added while the run still plans
 * the rest, so workers start early; each worker, once it has loaded, is sent files from the front ahead of its
 * answers and lints them in the order sent; outcomes come back in that order, so the file a worker is busy with is
 * always the first one it has not answered. The main thread, once it has planned the run, lints too, taking files
 * from the back. A worker that dies (a crash, or running out of memory) costs that file only: it becomes an
 * `axag/internal-error` finding, and the files it was sent but had not started go to the next thread free.
 */
import { Worker } from 'node:worker_threads';
import { withoutAnnotations } from '../results.js';
import { LINT_WORKER } from '../package-files.js';
import { internalErrorFinding, internalFailure } from './lint-document.js';
import type { FileOutcome, FileSettings, FileTask } from './lint-file.js';

/**
 * Files sent to a loaded worker ahead of its answers. The main thread lints too, and sends more only between its
 * own files: while it parses a 60 KB page (5–10 ms), a worker lints a dozen small components. Before the worker
 * has loaded, it is sent one, which the main thread could otherwise have taken; near the end of the run, no more
 * than its share of what is left.
 */
const AHEAD = 16;

export interface WorkerRequest {
  /** The file's place in the run. */
  index: number;
  task: FileTask;
  settingsId: number;
  /** The settings, the first time a worker needs them. */
  settings?: FileSettings;
}

export interface WorkerReply {
  index: number;
  outcome: FileOutcome;
}

/**
 * Worker threads that lint the files added to them while the run still plans the rest: a worker starts (loads the
 * engine, about a second) while the main thread resolves configs. `settings` may grow as files are added; each
 * file's settings must be in it when the file is.
 */
export interface WorkerPool {
  /** Lints a file: its outcome is at this index, in the order added. */
  add(task: FileTask, settingsId: number): void;
  /** Runs at least this many workers (never more than the files added). */
  grow(workers: number): void;
  /** A file for the main thread to lint (after the last add): the last one no worker took; undefined when none is left. */
  claim(): number | undefined;
  /** The outcome of a file the main thread claimed and linted. */
  answerHere(index: number, outcome: FileOutcome): void;
  /** The workers running. */
  readonly size: number;
  /** Stops every worker: the run failed. */
  cancel(): void;
  /** No more files: the outcomes of all, in the order added; `fileDone` was called as each was linted. */
  finish(): Promise<FileOutcome[]>;
}

export function startWorkerPool(settings: readonly FileSettings[], fileDone: () => void): WorkerPool {
  const files: { task: FileTask; settingsId: number }[] = [];
  const outcomes: FileOutcome[] = [];
  let answered = 0;
  let next = 0;
  /** Files claimed by the main thread, from the back. */
  let claimed = 0;
  /** Whether the main thread has begun to claim files: every file has been added. */
  let claiming = false;
  let closed = false;
  /** Files a dead worker had been sent but had not started: the next worker takes them first. */
  const retry: number[] = [];
  const running = new Set<Worker>();
  const feeders = new Map<Worker, () => void>();
  let resolve!: (outcomes: FileOutcome[]) => void;
  let reject!: (error: Error) => void;
  const finished = new Promise<FileOutcome[]>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  // A failure to start is reported by finish(); until then it must not count as unhandled.
  finished.catch(() => {});
  const stopAll = () => {
    for (const worker of running) void worker.terminate();
    running.clear();
  };
  const settle = () => {
    if (!closed || answered < files.length) return;
    stopAll();
    resolve(outcomes);
  };
  const feedAll = () => {
    for (const worker of [...running]) feeders.get(worker)?.();
  };

  const take = () => (retry.length > 0 ? retry.shift() : next < files.length - claimed ? next++ : undefined);
  /** Files no thread has been sent or has claimed yet. */
  const unsent = () => retry.length + files.length - claimed - next;
  const answer = (index: number, outcome: FileOutcome) => {
    outcomes[index] = outcome;
    answered++;
    fileDone();
    settle();
  };

  const start = () => {
    const worker = new Worker(LINT_WORKER);
    running.add(worker);
    const sent = new Set<number>();
    /** Sent and not answered, in the order sent: the first is the file it is linting. */
    const pending: number[] = [];
    /** Whether it loaded the engine: a worker that dies before is not a file's fault. */
    let ready = false;
    const feed = () => {
      // Once the main thread lints too, a worker holds no more than its share of what is left, so all end together.
      const ahead = !ready ? 1 : claiming ? Math.min(AHEAD, Math.ceil((pending.length + unsent()) / (running.size + 1))) : AHEAD;
      while (pending.length < ahead) {
        const index = take();
        if (index === undefined) break;
        const { task, settingsId } = files[index]!;
        const request: WorkerRequest = { index, task, settingsId, ...(!sent.has(settingsId) && { settings: settings[settingsId]! }) };
        sent.add(settingsId);
        pending.push(index);
        worker.postMessage(request);
      }
      if (closed && pending.length === 0 && running.delete(worker)) void worker.terminate();
    };
    feeders.set(worker, feed);
    worker.on('message', (reply: WorkerReply | 'ready') => {
      if (reply === 'ready') {
        ready = true;
        feed();
        return;
      }
      const { index, outcome } = reply;
      pending.shift();
      answer(index, outcome);
      feed();
    });
    let dead = false;
    const died = (error: Error) => {
      if (dead || !running.delete(worker)) return;
      dead = true;
      if (!ready) {
        // Then no worker would start.
        stopAll();
        reject(new Error(`cannot start a worker thread: ${error.message}`));
        return;
      }
      const [lost, ...waiting] = pending;
      retry.unshift(...waiting);
      if (lost !== undefined) {
        const failure = internalFailure('a worker thread', error);
        const { path } = files[lost]!.task;
        answer(lost, { kind: 'linted', result: withoutAnnotations(path, [internalErrorFinding(failure, 'no check ran on it')]), internalErrors: [failure] });
      }
      if ((!closed || answered < files.length) && (retry.length > 0 || next < files.length - claimed || running.size === 0)) start();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`the worker thread stopped with exit code ${code}`)));
    feed();
  };

  return {
    add(task, settingsId) {
      files.push({ task, settingsId });
      feedAll();
    },
    grow(workers) {
      while (running.size < Math.min(workers, files.length)) start();
    },
    claim() {
      claiming = true;
      if (retry.length > 0) return retry.pop();
      return next < files.length - claimed ? files.length - ++claimed : undefined;
    },
    answerHere: answer,
    cancel: stopAll,
    get size() {
      return running.size;
    },
    finish() {
      closed = true;
      feedAll();
      settle();
      return finished;
    },
  };
}
