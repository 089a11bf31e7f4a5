import type { LintResults } from '../results.js';

/** What the server asks its lint worker (src/lsp/lint-worker.ts). Plain data: it crosses the thread boundary. */
export type WorkerRequest =
  | { id: number; kind: 'lint'; path: string; text: string; parseAs: string; cwd: string; maxFileSize: number }
  | { id: number; kind: 'intents'; path: string; cwd: string }
  | { id: number; kind: 'forget-configs' };

export type WorkerReply =
  | { id: number; kind: 'results'; results: LintResults }
  /** The file is matched by ignorePatterns or sits in node_modules: axag lint would not lint it either. */
  | { id: number; kind: 'ignored'; reason: string }
  /** A broken config or manifest: what `axag lint` would print before exiting with code 2. */
  | { id: number; kind: 'fatal'; message: string }
  | { id: number; kind: 'intents'; intents: string[] }
  | { id: number; kind: 'done' };
