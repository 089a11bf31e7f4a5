import type { LintResults } from '../results.js';

/** What `axag lint --config` / `--manifest` would set for a file: the editor's settings, absolute or relative to `cwd`. */
export interface ResolverSettings {
  configFile?: string;
  manifest?: string;
}

/** What the server asks its lint worker (src/lsp/lint-worker.ts). Plain data: it crosses the thread boundary. */
export type WorkerRequest =
  | ({ id: number; kind: 'lint'; path: string; text: string; parseAs: string; cwd: string; maxFileSize: number } & ResolverSettings)
  | ({ id: number; kind: 'intents'; path: string; cwd: string } & ResolverSettings)
  /** Every file `axag lint` run in `cwd` would lint, read from disk. */
  | ({ id: number; kind: 'lint-folder'; cwd: string; maxFileSize: number } & ResolverSettings)
  | { id: number; kind: 'forget-configs' };

export type WorkerReply =
  | { id: number; kind: 'results'; results: LintResults }
  /** The file is matched by ignorePatterns or sits in node_modules: axag lint would not lint it either. */
  | { id: number; kind: 'ignored'; reason: string }
  /** A broken config or manifest: what `axag lint` would print before exiting with code 2. */
  | { id: number; kind: 'fatal'; message: string }
  | { id: number; kind: 'intents'; intents: string[] }
  | { id: number; kind: 'done' };
