import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end test runs the eslint and axag binaries, several times: on a loaded 2-core machine that takes a while.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
