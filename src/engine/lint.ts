import { extname } from 'node:path';
import { ConfigResolver, type ConfigOptions } from '../config/resolve.js';
import type { ResolvedConfig } from '../config/settings.js';
import { loadManifest, type LoadedManifest } from '../manifest/load.js';
import { fingerprintOf } from '../fingerprint.js';
import { absolute, displayPath } from '../paths.js';
import { compareFindings, compareStrings, withoutAnnotations, type FileResult, type Finding, type InternalError, type LintResults } from '../results.js';
import type { ManifestIndex, Rule, Severity } from '../rule.js';
import { RULES_BY_ID } from '../../rules/index.js';
import { FatalError } from '../errors.js';
import type { SourceDocument } from '../model.js';
import { isSourceFile, mayContainAnnotations, parseSource } from '../sources/index.js';
import { stripBom } from '../text/line-index.js';
import { DEFAULT_MAX_FILE_SIZE, readTextFile, tooLarge, UnreadableFileError } from '../text-file.js';
import { runCrossFileChecks, type SiteFiles } from './cross-file.js';
import { internalErrorFinding, internalFailure, lintDocument, type DocumentResult, type InternalFailure } from './lint-document.js';

export const MANIFEST_SCHEMA_RULE = 'axag/manifest-schema';

export interface LintOptions extends Partial<ConfigOptions> {
  /** `--quiet`: only error-severity rules run. */
  errorsOnly?: boolean;
  /** Report inline directives that silenced nothing, at this severity. */
  reportUnusedDirectives?: Severity;
  /** Reuse a resolver (the CLI's, which already expanded the paths with it). */
  resolver?: ConfigResolver;
  /**
   * Rules to run after the built-in ones, for tests and plugins. Each runs at its own `severity` and
   * `defaultOptions`: configs, `ruleOverrides` and inline directives know only the built-in rules. Ids must differ
   * from the built-in ones.
   */
  rules?: readonly Rule<any>[];
  /**
   * The largest source file to lint, in bytes (default DEFAULT_MAX_FILE_SIZE, 10 MB; 0 for no limit): a larger one
   * is a failure that says so, never a silent skip.
   */
  maxFileSize?: number;
}

/**
 * A file to lint: a path to read, or a path with its text already in hand
 * (`parseAs`, a file name whose extension picks the parser, for text whose own
 * name has none, such as standard input).
 */
export type LintInput = string | { path: string; text: string; parseAs?: string };

/**
 * Lints files against their configs and manifests. Throws FatalError for a broken
 * config or an unreadable manifest; an unreadable source file is a failure in the
 * results and the other files are still linted. The results carry the notices of
 * every config the resolver read.
 */
export async function lint(inputs: readonly LintInput[], options: LintOptions = {}): Promise<LintResults> {
  const cwd = options.cwd ?? process.cwd();
  const resolver = options.resolver ?? new ConfigResolver({ ...options, cwd });
  /** By path and schema: files under configs with different `manifestSchema` may share one manifest. */
  const manifests = new Map<string, { loaded: LoadedManifest; index: ManifestIndex }>();
  const files: FileResult[] = [];
  const failures: string[] = [];
  const internalErrors: InternalError[] = [];
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const extraRules = options.rules ?? [];
  for (const rule of extraRules) {
    if (RULES_BY_ID.has(rule.id) || extraRules.filter((other) => other.id === rule.id).length > 1) {
      throw new FatalError(`the extra rule ${rule.id} has the id of another rule; give it an id of its own`);
    }
  }
  let yielded = performance.now();
  /** The files of each site, for the checks across files: by manifest path, else by config file. */
  const sites = new Map<string, SiteFiles>();

  for (const input of inputs) {
    // Long runs are synchronous work between awaits that settle at once: give signal handlers (Ctrl-C) a turn.
    if (performance.now() - yielded > 50) {
      await new Promise((resolve) => setImmediate(resolve));
      yielded = performance.now();
    }
    const path = absolute(typeof input === 'string' ? input : input.path, cwd);
    const parseAs = typeof input === 'string' ? path : (input.parseAs ?? path);
    if (!isSourceFile(parseAs)) {
      failures.push(`${displayPath(path, cwd)}: not a file type axag reads`);
      continue;
    }
    let text: string;
    try {
      text = typeof input === 'string' ? readTextFile(path, maxFileSize) : input.text;
      const large = typeof input === 'string' ? undefined : tooLarge(Buffer.byteLength(text), maxFileSize);
      if (large) throw new UnreadableFileError(large);
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      failures.push(`${displayPath(path, cwd)}: cannot read the file: ${error.reason}`);
      continue;
    }
    const config = resolver.forFile(path);
    const { manifestPath, manifestSchema } = config;
    const manifestKey = `${manifestSchema} ${manifestPath}`;
    let manifest = manifestPath === undefined ? undefined : manifests.get(manifestKey);
    if (manifestPath !== undefined && !manifest) {
      const loaded = loadManifest(manifestPath, displayPath(manifestPath, cwd), missingManifestHint(config, cwd), manifestSchema);
      const index: ManifestIndex = { displayPath: displayPath(manifestPath, cwd), intents: loaded.intents, schema: loaded.schema, actions: loaded.actions };
      manifest = { loaded, index };
      manifests.set(manifestKey, manifest);
    }
    const result = mayContainAnnotations(text) ? await lintText(path, parseAs, text) : withoutAnnotations(path);
    files.push(result);
    const siteKey = manifestPath !== undefined ? `manifest ${manifestPath}` : `config ${config.configFile ?? ''}`;
    const site = sites.get(siteKey) ?? { manifest: manifest?.loaded, files: [] };
    site.files.push(result);
    sites.set(siteKey, site);

    /** The file's result; a parser or the engine that throws is a bug, in this file only: an internal-error finding. */
    async function lintText(path: string, parseAs: string, text: string): Promise<FileResult> {
      const failed = (failure: InternalFailure) => {
        internalErrors.push({ path, ...failure });
        return withoutAnnotations(path, [internalErrorFinding(failure, 'no check ran on it')]);
      };
      let document: SourceDocument;
      try {
        document = await parseSource(parseAs, stripBom(text));
      } catch (error) {
        // A parser reports what it cannot parse as a syntax error; one that throws is a bug.
        return failed(internalFailure(`the parser of ${extname(parseAs) || 'these'} files`, error));
      }
      let result: DocumentResult;
      try {
        result = lintDocument(document, {
          config,
          manifest: manifest?.index,
          errorsOnly: options.errorsOnly ?? false,
          ...(options.reportUnusedDirectives && { reportUnusedDirectives: options.reportUnusedDirectives }),
          ...(extraRules.length > 0 && { extraRules }),
        });
      } catch (error) {
        return failed(internalFailure('the rule engine', error));
      }
      const { internalErrors: failedChecks, ...counts } = result;
      for (const failure of failedChecks) internalErrors.push({ path, ...failure });
      return { path, ...counts };
    }
  }

  const filesLinted = files.length;
  const manifestResults = new Map<string, FileResult>();
  const manifestResult = (path: string) => {
    const result = manifestResults.get(path) ?? withoutAnnotations(path);
    manifestResults.set(path, result);
    return result;
  };
  for (const { loaded } of manifests.values()) {
    if (loaded.problems.length === 0) continue;
    const result = manifestResult(loaded.path);
    result.findings = uniqueFindings([...result.findings, ...manifestFindings(loaded)]);
  }
  runCrossFileChecks([...sites.values()], { resolver, cwd, errorsOnly: options.errorsOnly ?? false, resultFor: manifestResult });
  files.push(...manifestResults.values());
  files.sort((a, b) => compareStrings(a.path, b.path));
  return { files, filesLinted, failures, internalErrors, notices: resolver.notices };
}

export function manifestFindings(manifest: LoadedManifest): Finding[] {
  return manifest.problems.map((problem) => {
    const message = `Manifest: ${problem.message}`;
    return { ruleId: MANIFEST_SCHEMA_RULE, severity: 'error' as const, message, ...problem.range, fingerprint: fingerprintOf(MANIFEST_SCHEMA_RULE, undefined, message) };
  });
}

/** One manifest validated against both schemas: a problem of both is reported once. */
function uniqueFindings(findings: Finding[]): Finding[] {
  const unique = new Map(findings.map((finding) => [`${finding.line}:${finding.column}:${finding.message}`, finding]));
  return [...unique.values()].sort(compareFindings);
}

function missingManifestHint(config: ResolvedConfig, cwd: string): string {
  return config.manifestFrom === 'config' && config.configFile
    ? `fix manifestPath in ${displayPath(config.configFile, cwd)}, or remove it to lint without a manifest`
    : 'fix the --manifest path';
}
