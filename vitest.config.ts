import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the built binary, several per test: on a 2-core machine under load a test can take
    // tens of seconds, so give them room, and cap how many concurrent tests (each spawning node) run at once.
    testTimeout: 60_000,
    maxConcurrency: 3,
  },
});
