/**
 * The code of each worker thread. The threads are entries of the CLI's bundle (dist/cli/, scripts/bundle-cli.ts),
 * so that a thread loads a few bundled files rather than the many modules of dist/src/. The library (dist/src/)
 * starts the same threads: dist/src/ and dist/cli/ are siblings, so one relative URL finds them from this module
 * unbundled and from any bundled file. Under the test runner this module is TypeScript source in src/: the threads
 * are still the built ones.
 */
const BUNDLE = new URL(import.meta.url.endsWith('.ts') ? '../dist/cli/' : '../cli/', import.meta.url);

/** A thread of a run with `concurrency` (src/engine/lint-worker.ts). */
export const LINT_WORKER = new URL('lint-worker.js', BUNDLE);

/** The language server's linting thread (src/lsp/lint-worker.ts). */
export const LSP_LINT_WORKER = new URL('lsp-lint-worker.js', BUNDLE);

/** The thread with a large stack for deeply nested files (src/sources/large-stack-thread.ts). */
export const LARGE_STACK_THREAD = new URL('large-stack-thread.js', BUNDLE);
