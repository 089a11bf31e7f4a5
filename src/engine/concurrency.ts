import { availableParallelism } from 'node:os';

/** ESLint's `--concurrency`: a number of worker threads, `auto`, or `off` (lint in the main thread). */
export type Concurrency = number | 'auto' | 'off';

/**
 * The bytes of source a worker must have to lint for `auto` to start it. A worker loads the engine and the
 * parsers it needs again: on the 2-core machine axag is developed on, about 1 s of CPU with all five parsers,
 * which is what linting about 0.5 MB of annotated markup costs (300 generated files of 5 KB: 3.5 s of CPU in the
 * main thread, 5.5 s with two workers). Twice that per worker keeps `auto` from losing on a small run.
 */
export const AUTO_BYTES_PER_WORKER = 2 * 1024 * 1024;

/**
 * How many worker threads lint `files` files of `bytes` bytes in all; 0 for none (the main thread lints). One
 * worker is never worth it: the main thread would wait for it, doing nothing.
 */
export function workerCount(concurrency: Concurrency, files: number, bytes: number): number {
  if (concurrency === 'off') return 0;
  const wanted = concurrency === 'auto' ? Math.min(availableParallelism(), Math.floor(bytes / AUTO_BYTES_PER_WORKER)) : concurrency;
  const workers = Math.min(wanted, files);
  return workers >= 2 ? workers : 0;
}

/** The bytes `auto` needs to see before it would start every worker it may: counting further changes nothing. */
export function autoBytesEnough(): number {
  return availableParallelism() * AUTO_BYTES_PER_WORKER;
}
