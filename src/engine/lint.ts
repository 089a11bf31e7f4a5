import { statSync, type Stats } from 'node:fs';
import { ConfigResolver, type ConfigOptions } from '../config/resolve.js';
import type { ResolvedConfig } from '../config/settings.js';
import { loadManifest, manifestIndex, type LoadedManifest } from '../manifest/load.js';
import { fingerprintOf } from '../fingerprint.js';
import { absolute, displayPath } from '../paths.js';
import { compareFindings, compareStrings, hasFix, withoutAnnotations, type FileResult, type Finding, type InternalError, type LintResults } from '../results.js';
import type { ManifestIndex, Rule, Severity } from '../rule.js';
import { RULES_BY_ID } from '../../rules/index.js';
import { FatalError } from '../errors.js';
import { isSourceFile } from '../sources/index.js';
import { plural } from '../text/plural.js';
import { DEFAULT_MAX_FILE_SIZE } from '../text-file.js';
import { autoBytesEnough, workerCount, type Concurrency } from './concurrency.js';
import { runCrossFileChecks, type SiteFiles } from './cross-file.js';
import { lintFile, type FileOutcome, type FileSettings, type FileTask } from './lint-file.js';
import type { CacheLookup, ResultCache } from './result-cache.js';
import type { WorkerPool } from './worker-pool.js';
import { monotonicMs } from '../clock.js';

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
   * Worker threads to lint in (default `off`: in the calling thread): a number, or `auto` for as many as the
   * cores when there is enough to lint to pay for starting them. Results are the same whatever it is. Needs
   * the built package (the workers run `dist/`); with extra `rules`, files are linted in the calling thread.
   */
  concurrency?: Concurrency;
  /**
   * Results of earlier runs to reuse for files that did not change, and to update (see ResultCache). Not used
   * with extra `rules`.
   */
  cache?: ResultCache;
  /** Told what the run does that a user may want to know when it is slow (`--debug`). */
  debug?: (message: string) => void;
  /**
   * The largest source file to lint, in bytes (default DEFAULT_MAX_FILE_SIZE, 10 MB; 0 for no limit): a larger one
   * is a failure that says so, never a silent skip.
   */
  maxFileSize?: number;
  /** Called as the run goes: `done` of `total` inputs read and linted (for a progress line). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Spec §10: apply each file's fixes, re-linting it until none is left (fixText), and report what remains; a file
   * its fixes change carries the fixed text as `output`. Nothing is written.
   */
  fix?: boolean;
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
  // The rules of a plugin are functions: they cannot cross to a worker thread, nor be told apart in a cache.
  const concurrency = extraRules.length > 0 ? 'off' : (options.concurrency ?? 'off');
  const cache = extraRules.length > 0 ? undefined : options.cache;
  const yieldNow = yielder();

  // First, in input order: what each file is linted under, and which cached results still hold.
  const settingsList: FileSettings[] = [];
  const settingsIds = new Map<string, number>();
  const planned: Planned[] = [];
  /** What is left to lint, in input order; with workers, each is handed to them as soon as it is planned. */
  const toLint: PlannedFile[] = [];
  let done = 0;
  const fileDone = () => options.onProgress?.(++done, inputs.length);
  options.onProgress?.(0, inputs.length);
  let pool: WorkerPool | undefined;
  let bytes = 0;
  const enoughBytes = concurrency === 'auto' ? autoBytesEnough() : 0;
  try {
    for (const input of inputs) {
      await yieldNow();
      const path = absolute(typeof input === 'string' ? input : input.path, cwd);
      const parseAs = typeof input === 'string' ? path : (input.parseAs ?? path);
      if (!isSourceFile(parseAs)) {
        planned.push({ path, failure: 'not a file type axag reads' });
        continue;
      }
      const config = resolver.forFile(path);
      const { manifestPath, manifestSchema } = config;
      const manifestKey = `${manifestSchema} ${manifestPath}`;
      let manifest = manifestPath === undefined ? undefined : manifests.get(manifestKey);
      if (manifestPath !== undefined && !manifest) {
        const shown = displayPath(manifestPath, cwd);
        const loaded = loadManifest(manifestPath, shown, missingManifestHint(config, cwd), manifestSchema);
        manifest = { loaded, index: manifestIndex(loaded, shown) };
        manifests.set(manifestKey, manifest);
      }
      const settingsKey = `${config.configFile ?? ''}\n${manifestKey}`;
      let settingsId = settingsIds.get(settingsKey);
      if (settingsId === undefined) {
        settingsId = settingsList.push({
          config: { rules: config.rules, identity: config.identity },
          manifest: manifest?.index,
          errorsOnly: options.errorsOnly ?? false,
          ...(options.reportUnusedDirectives && { reportUnusedDirectives: options.reportUnusedDirectives }),
          maxFileSize,
          ...(options.fix && { fix: true }),
          ...(extraRules.length > 0 && { extraRules }),
        }) - 1;
        settingsIds.set(settingsKey, settingsId);
      }
      const task: FileTask = typeof input === 'string' ? { path, parseAs } : { path, parseAs, text: input.text };
      const file: PlannedFile = {
        path,
        siteKey: manifestPath !== undefined ? `manifest ${manifestPath}` : `config ${config.configFile ?? ''}`,
        manifest: manifest?.loaded,
        task,
        settingsId,
      };
      planned.push(file);
      if (task.text !== undefined) {
        bytes += task.text.length;
      } else if (cache || bytes < enoughBytes) {
        const stats = statIfPresent(path);
        // A cached result with fixes to apply is no result of a run that fixes: the file is linted, and fixed.
        if (cache) file.cached = cache.lookup(task, settingsList[settingsId]!, stats, options.fix ? (result) => !hasFix(result.findings) : undefined);
        // Only what is left to lint counts for `auto`.
        if (!file.cached?.reused) bytes += stats?.size ?? 0;
      }
      if (file.cached?.reused !== undefined) continue;
      toLint.push(file);
      // Workers start as soon as the run is known to need them, and lint while the rest is planned.
      const workers = workerCount(concurrency, toLint.length, bytes);
      if (workers === 0) continue;
      if (!pool) {
        pool = (await import('./worker-pool.js')).startWorkerPool(settingsList, fileDone);
        for (const earlier of toLint.slice(0, -1)) pool.add(earlier.task, earlier.settingsId);
      }
      pool.add(file.task, file.settingsId);
      pool.grow(workers);
    }
  } catch (error) {
    // A broken config or manifest ends the run: the workers already started must not keep the process alive.
    pool?.cancel();
    throw error;
  }

  // Then the files left to lint, in the main thread and by the workers if any; then every result, in input order again.
  done += inputs.length - toLint.length;
  options.debug?.(`linting ${plural(toLint.length, 'file')} in the main thread${pool ? ` and ${plural(pool.size, 'worker thread')}` : ''}`);
  const outcomes = pool ? await lintAlongside(pool, toLint, settingsList) : await lintHere(toLint, settingsList, yieldNow, fileDone);
  toLint.forEach((file, index) => (file.outcome = outcomes[index]));

  /** The files of each site, for the checks across files: by manifest path, else by config file. */
  const sites = new Map<string, SiteFiles>();
  /**
   * Sites with a result that is not of the file on disk, given as text (standard input, a staged blob) or fixed
   * (`fix`): the cache knows the file on disk under that path, so their checks across files neither come from it
   * nor go into it.
   */
  const sitesNotOnDisk = new Set<string>();
  for (const file of planned) {
    if ('failure' in file) {
      failures.push(`${displayPath(file.path, cwd)}: ${file.failure}`);
      continue;
    }
    const outcome = file.cached?.reused ?? (cache && file.cached ? cache.settle(file.task, file.outcome!, file.cached) : file.outcome!);
    // Only a task given a cached hash (by the cache) can come back unchanged.
    if (outcome.kind === 'unchanged') throw new Error(`${file.path} has no cached result to reuse`);
    if (outcome.kind === 'not-linted') {
      failures.push(`${displayPath(file.path, cwd)}: ${outcome.reason}`);
      continue;
    }
    const { result } = outcome;
    for (const failure of outcome.internalErrors) internalErrors.push({ path: file.path, ...failure });
    files.push(result);
    const site = sites.get(file.siteKey) ?? { manifest: file.manifest, files: [] };
    site.files.push(result);
    sites.set(file.siteKey, site);
    if (file.task.text !== undefined || result.output !== undefined) sitesNotOnDisk.add(file.siteKey);
  }

  options.onProgress?.(inputs.length, inputs.length);
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
  const crossFile = { resolver, cwd, errorsOnly: options.errorsOnly ?? false, resultFor: manifestResult };
  for (const [siteId, site] of sites) {
    const { manifest } = site;
    const key = sitesNotOnDisk.has(siteId) ? undefined : cache?.siteKey(
      site.files.map((file) => file.path),
      manifest && { path: manifest.path, digest: manifest.digest, settings: resolver.forFile(manifest.path).rules },
      { cwd, errorsOnly: crossFile.errorsOnly },
    );
    const cached = key === undefined ? undefined : cache!.site(siteId, key);
    if (cached) {
      const byPath = new Map(site.files.map((file) => [file.path, file] as const));
      for (const [path, findings] of cached.findings) (byPath.get(path) ?? manifestResult(path)).findings = [...findings];
      continue;
    }
    const changed = runCrossFileChecks([site], crossFile);
    if (key !== undefined) cache!.rememberSite(siteId, { key, findings: [...changed] });
  }
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

/** A file of the run that cannot be linted (not a source file): why. */
interface Unlintable {
  path: string;
  failure: string;
}

/** A file of the run to lint, or to take from the cache. */
interface PlannedFile {
  path: string;
  /** The site whose checks across files it takes part in. */
  siteKey: string;
  manifest: LoadedManifest | undefined;
  task: FileTask;
  settingsId: number;
  cached?: CacheLookup;
  outcome?: FileOutcome;
}

type Planned = Unlintable | PlannedFile;

/** Lints the files one after the other in this thread. */
async function lintHere(files: readonly PlannedFile[], settings: readonly FileSettings[], yieldNow: () => Promise<void>, fileDone: () => void): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    await yieldNow();
    outcomes.push(await lintFile(file.task, settings[file.settingsId]!));
    fileDone();
  }
  return outcomes;
}

/** The main thread's share of a run with workers: files from the back, while the workers take them from the front. */
async function lintAlongside(pool: WorkerPool, files: readonly PlannedFile[], settings: readonly FileSettings[]): Promise<FileOutcome[]> {
  for (let index = pool.claim(); index !== undefined; index = pool.claim()) {
    const file = files[index]!;
    pool.answerHere(index, await lintFile(file.task, settings[file.settingsId]!));
    // A turn of the event loop after each file: the workers' outcomes arrive, and they get their next files.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return pool.finish();
}

/**
 * Long runs are synchronous work between awaits that settle at once: this gives signal handlers (Ctrl-C) a
 * turn every 50 ms.
 */
function yielder(): () => Promise<void> {
  let yielded = monotonicMs();
  return async () => {
    if (monotonicMs() - yielded <= 50) return;
    await new Promise((resolve) => setImmediate(resolve));
    yielded = monotonicMs();
  };
}

function statIfPresent(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    // Reading it will say why it cannot be read.
    return undefined;
  }
}

function missingManifestHint(config: ResolvedConfig, cwd: string): string {
  return config.manifestConfigFile
    ? `fix manifestPath in ${displayPath(config.manifestConfigFile, cwd)}, or remove it to lint without a manifest`
    : 'fix the --manifest path';
}
