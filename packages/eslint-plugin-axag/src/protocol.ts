import type { Finding, Identity } from 'axag-lint';

/** How a file is identified by the project: a setting's identity overrides the axag config's. */
export type { Identity };

/** One file to lint, as ESLint gave it to the plugin's rules. Plain data: it crosses to the engine's thread. */
export interface LintRequest {
  /** ESLint's `context.filename`: its extension picks the source reader (a Markdown code block's is `README.md/0.tsx`). */
  filename: string;
  /** ESLint's `context.physicalFilename`: the file on disk, from which the axag config is found. */
  physicalFilename: string;
  text: string;
  cwd: string;
  /** `settings.axag.manifest`: the manifest, relative to `cwd`, as `axag lint --manifest`. */
  manifest?: string;
  /** `settings.axag.identity`. */
  identity?: Identity;
  /** The axag checks ESLint runs on this file, by axag id, each with the options its ESLint config gives (or null). */
  checks: Record<string, Record<string, unknown> | null>;
}

export type LintReply =
  /** The findings of the checks asked for, in axag's order. */
  | { kind: 'findings'; findings: Finding[] }
  /** The axag config or the manifest cannot be read: what `axag lint` would say before exiting 2. */
  | { kind: 'fatal'; message: string };
