/**
 * axag lints each file once for all of its ESLint rules. ESLint creates every rule of a file (each `create`
 * registers its check and options here) before it walks the file; the first rule to report then has the file
 * linted with every check registered, and the others read the same findings.
 */
import { basename } from 'node:path';
import { createSyncFn } from 'synckit';
import { isSourceFile, type Finding } from 'axag-lint';
import type { Rule, SourceCode } from 'eslint';
import type { Identity, LintReply, LintRequest } from './protocol.js';

/** A check's ESLint options; null, not undefined, for none: the request and its cache key are JSON, which drops undefined. */
type Options = Record<string, unknown> | null;

interface FileState {
  checks: Map<string, Options>;
  /** The findings by check, and the checks they answer (a check registered later means linting again). */
  linted?: { key: string; byCheck: Map<string, Finding[]> };
}

const files = new WeakMap<SourceCode, FileState>();

let lintInWorker: ((request: LintRequest) => LintReply) | undefined;

/** The thread starts on the first file to lint, not when a config imports the plugin. */
function engine(): (request: LintRequest) => LintReply {
  return (lintInWorker ??= createSyncFn<(request: LintRequest) => Promise<LintReply>>(new URL('./worker.js', import.meta.url)));
}

/**
 * The name whose extension picks axag's reader for the file, or undefined for a file axag does not read. Text
 * without a file name (`<input>`, `<text>`: ESLint's stdin and API) is read as JavaScript with JSX, as ESLint reads it.
 */
export function readerName(filename: string): string | undefined {
  if (isSourceFile(filename)) return filename;
  return /^<[^<>]*>$/.test(basename(filename)) ? `${filename}.jsx` : undefined;
}

/** Registers a check with its ESLint options for the file being linted. */
export function register(context: Rule.RuleContext, check: string): void {
  let state = files.get(context.sourceCode);
  if (!state) {
    state = { checks: new Map() };
    files.set(context.sourceCode, state);
  }
  state.checks.set(check, (context.options[0] as Options | undefined) ?? null);
}

/** The findings of a check on the file being linted. */
export function findingsOf(context: Rule.RuleContext, check: string): Finding[] {
  const state = files.get(context.sourceCode);
  const filename = readerName(context.filename);
  if (!state || filename === undefined) return [];
  const request: LintRequest = {
    filename,
    physicalFilename: context.physicalFilename,
    text: context.sourceCode.text,
    cwd: context.cwd,
    ...settingsOf(context),
    checks: Object.fromEntries([...state.checks].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
  const key = JSON.stringify(request.checks);
  if (state.linted?.key !== key) state.linted = { key, byCheck: lint(request) };
  return state.linted.byCheck.get(check) ?? [];
}

function lint(request: LintRequest): Map<string, Finding[]> {
  const reply = engine()(request);
  if (reply.kind === 'fatal') throw new SettingsError(`axag cannot lint ${request.physicalFilename}: ${reply.message}`);
  const byCheck = new Map<string, Finding[]>();
  for (const finding of reply.findings) {
    const found = byCheck.get(finding.ruleId);
    if (found) found.push(finding);
    else byCheck.set(finding.ruleId, [finding]);
  }
  return byCheck;
}

/** `settings.axag` of the ESLint config: `manifest` (a path relative to the working directory) and `identity`. */
function settingsOf(context: Rule.RuleContext): Pick<LintRequest, 'manifest' | 'identity'> {
  const settings: unknown = context.settings['axag'];
  if (settings === undefined) return {};
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new SettingsError(`settings.axag in your ESLint config must be an object (such as { manifest: "axag-manifest.json" }), not ${JSON.stringify(settings)}`);
  }
  const { manifest, identity, ...unknown } = settings as Record<string, unknown>;
  const extra = Object.keys(unknown);
  if (extra.length > 0) throw new SettingsError(`settings.axag in your ESLint config has unknown keys: ${extra.join(', ')}; it takes manifest and identity`);
  if (manifest !== undefined && (typeof manifest !== 'string' || manifest === '')) {
    throw new SettingsError(`settings.axag.manifest in your ESLint config must be the manifest's path, relative to the working directory, not ${JSON.stringify(manifest)}`);
  }
  if (identity !== undefined && identity !== 'default' && identity !== 'strict') {
    throw new SettingsError(`settings.axag.identity in your ESLint config must be "default" or "strict", not ${JSON.stringify(identity)}`);
  }
  return { ...(manifest !== undefined && { manifest }), ...(identity !== undefined && { identity: identity as Identity }) };
}

/**
 * A mistake in the user's settings, axag config or manifest: it ends the ESLint run (exit code 2), as a broken
 * config ends `axag lint`, and ESLint prints its message without a stack trace, since no code of ours failed.
 */
class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AxagSettingsError';
    this.stack = `${this.name}: ${message}`;
  }
}
