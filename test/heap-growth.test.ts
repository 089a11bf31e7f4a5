/** How far the CLI lets V8's heap grow past what a full collection kept (src/cli/heap-growth.ts). */
import { describe, expect, it } from 'vitest';
import { heapGrowingPercent } from '../src/cli/heap-growth.js';

const MB = 1024 * 1024;

describe('heap growth', () => {
  it('is 48 MB while little is kept, at most three times what is kept, and half of it once that is more than 96 MB', () => {
    expect(heapGrowingPercent(0)).toBe(300);
    expect(heapGrowingPercent(8 * MB)).toBe(300);
    expect(heapGrowingPercent(24 * MB)).toBe(200);
    expect(heapGrowingPercent(48 * MB)).toBe(100);
    expect(heapGrowingPercent(96 * MB)).toBe(50);
    expect(heapGrowingPercent(400 * MB)).toBe(50);
  });

  it('never grows as what is kept grows, in steps of 10 per cent', () => {
    let last = Infinity;
    for (let kept = 0; kept <= 200 * MB; kept += MB / 4) {
      const percent = heapGrowingPercent(kept);
      expect(percent % 10).toBe(0);
      expect(percent).toBeLessThanOrEqual(last);
      last = percent;
    }
  });
});
