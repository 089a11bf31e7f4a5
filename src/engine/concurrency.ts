import { availableParallelism } from 'node:os';

/** ESLint's `--concurrency`: a number of threads that lint (the main thread and workers), `auto`, or `off` (the main thread alone). */
export type Concurrency = number | 'auto' | 'off';

/**
 * The bytes of source a worker must have to lint for `auto` to start it. A worker loads the engine and the
 * parsers it needs again: on the 2-core machine axag is developed on, about 1 s of CPU with all five parsers,
 * which is what linting about 0.5 MB of annotated markup costs (300 generated files of 5 KB: 3.5 s of CPU in the
 * main thread, 5.5 s with two workers). Twice that per worker keeps `auto` from losing on a small run.
 */
export const AUTO_BYTES_PER_WORKER = 2 * 1024 * 1024;

/**
 * How many worker threads lint `files` files of `bytes` bytes in all, besides the main thread, which lints too:
 * `concurrency` counts the threads that lint, the main one included (so 1 is the main thread alone, as `off`).
 */
export function workerCount(concurrency: Concurrency, files: number, bytes: number): number {
  if (concurrency === 'off') return 0;
  const threads = concurrency === 'auto' ? Math.min(availableParallelism(), 1 + Math.floor(bytes / AUTO_BYTES_PER_WORKER)) : concurrency;
  return Math.max(0, Math.min(threads - 1, files - 1));
}

/** The bytes `auto` needs to see before it would start every worker it may: counting further changes nothing. */
export function autoBytesEnough(): number {
  return (availableParallelism() - 1) * AUTO_BYTES_PER_WORKER;
}
