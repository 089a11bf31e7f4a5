/**
 * Files of the package, by URLs that hold from this module as tsc writes it (dist/src/) and from any file of the
 * CLI's bundle (dist/cli/, scripts/bundle-cli.ts): both folders sit side by side in dist/. Under the test runner
 * this module is TypeScript source in src/, and the files are still the built ones.
 */
const DIST = new URL(import.meta.url.endsWith('.ts') ? '../dist/' : '../', import.meta.url);

/**
 * package.json, read as a file: resolving `#package.json` (Node's package imports) cost every start of the CLI
 * 5–20 ms, and the CLI reads it on every run (its version and home page).
 */
export const PACKAGE_JSON = new URL('../package.json', DIST);

/*
 * The worker threads are entries of the CLI's bundle, so that a thread loads a few bundled files rather than the
 * many modules of dist/src/. The library (dist/src/) starts the same threads.
 */

/** A thread of a run with `concurrency` (src/engine/lint-worker.ts). */
export const LINT_WORKER = new URL('cli/lint-worker.js', DIST);

/** The language server's linting thread (src/lsp/lint-worker.ts). */
export const LSP_LINT_WORKER = new URL('cli/lsp-lint-worker.js', DIST);

/** The thread with a large stack for deeply nested files (src/sources/large-stack-thread.ts). */
export const LARGE_STACK_THREAD = new URL('cli/large-stack-thread.js', DIST);
