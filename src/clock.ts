/**
 * Milliseconds on a clock that only goes forward, for timing a run. Not `performance.now()`: on Node 20 the first
 * use of the global `performance` loads `perf_hooks`, some 1.5 ms of every start-up.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
