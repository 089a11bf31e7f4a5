import type { PerformanceEntry } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what a full collection kept before it collects again, fitted to what is kept.
 * A run keeps every file's result to its end, while parsing makes much short-lived garbage. V8's own rule (up to
 * four times what was kept) took a 10,000-file run with a worker past 300 MB; a flat half kept a 100,000-file run
 * within 600 MB, but made a 10,000-file run, which keeps some 30 MB, collect in full every third of a second.
 * So the heap may grow by HEADROOM_BYTES while little is kept, and by half of what is kept once that is more:
 * a 10,000-file run on one thread makes 16 full collections instead of 40.
 */
const HEADROOM_BYTES = 48 * 1024 * 1024;
const LEAST_PERCENT = 50;
const MOST_PERCENT = 300;

/** Runs shorter than this keep too little to matter: they need not load the observer of collections. */
const OBSERVE_AFTER_MS = 1000;

/** The growth, in per cent of what is kept, for `kept` bytes; in steps of 10, so that small changes set no flag. */
export function heapGrowingPercent(kept: number): number {
  const percent = Math.floor((HEADROOM_BYTES / Math.max(kept, 1)) * 10) * 10;
  return Math.min(MOST_PERCENT, Math.max(LEAST_PERCENT, percent));
}

/**
 * Sets the growth for this process now, and again after each full collection of this thread's heap, from what the
 * heap holds then: what the collection kept, plus the young generation (some 5–15 MB), so the headroom left is that
 * much less than HEADROOM_BYTES. V8 has set its next limit by then: each setting counts from the collection after.
 * Flags are the process's: the workers' heaps grow by the same rule, which keeps the most in the main thread.
 */
export function fitHeapGrowth(): void {
  let current = 0;
  const fit = () => {
    const percent = heapGrowingPercent(getHeapStatistics().used_heap_size);
    if (percent === current) return;
    current = percent;
    setFlagsFromString(`--heap-growing-percent=${percent}`);
  };
  fit();
  setTimeout(async () => {
    const { constants, PerformanceObserver } = await import('node:perf_hooks');
    const full = (entry: PerformanceEntry) => (entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
    new PerformanceObserver((list) => {
      if (list.getEntries().some(full)) fit();
    }).observe({ entryTypes: ['gc'] });
  }, OBSERVE_AFTER_MS).unref();
}
