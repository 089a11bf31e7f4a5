import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Baseline, BaselineChanges } from '../baseline.js';
import { ConfigResolver } from '../config/resolve.js';
import type { SeverityLevel } from '../config/settings.js';
import { lint, type LintInput, type LintOptions } from '../engine/lint.js';
import { FatalError, located, type Notice } from '../errors.js';
import { expandPaths, ignoreRules, isDirectory, isInNodeModules, isLintable, pathFilter } from '../files.js';
import { loadFormatters } from '../formatters/load.js';
import { REPORTS_FATAL } from '../formatters/names.js';
import type { FormatContext } from '../formatters/types.js';
import { reportedPath } from '../formatters/repository.js';
import { absolute, displayPath, isInside } from '../paths.js';
import { countFindings, type LintResults } from '../results.js';
import { plural } from '../text/plural.js';
import { escapeControl } from '../text/safe-text.js';
import { removeIfPresent, whenInterrupted, writeOutputFile, type Io, type Output } from './io.js';
import { planOutputs, type Destination, type OutputRequest } from './outputs.js';
import { ProgressLine, showsProgress } from './progress.js';
import { enclosingRepository, repositoryRoot } from './repository-root.js';
import type { Shard } from '../shard.js';
import { outputWidth, useColor } from './terminal.js';
import { TOOL } from './tool.js';
import { cacheFilePath, DEFAULT_CACHE_LOCATION, readCacheFile, writeCacheFile } from './cache-file.js';
import type { Concurrency } from '../engine/concurrency.js';
import type { ResultCache } from '../engine/result-cache.js';
import { decodeText, UnreadableFileError } from '../text-file.js';
import { guessSourceType, HTML_GUESS } from '../sources/guess-type.js';
import { monotonicMs } from '../clock.js';

export interface LintCommandOptions {
  format?: OutputRequest[];
  outputFile?: string;
  config?: string | false;
  manifest?: string;
  rule?: Record<string, SeverityLevel>;
  maxWarnings?: number;
  maxFileSize?: number;
  quiet?: boolean;
  color?: boolean;
  verbose?: boolean;
  debug?: boolean;
  reportUnusedDisableDirectives?: boolean;
  reportUnusedDisableDirectivesSeverity?: SeverityLevel;
  stdin?: boolean;
  stdinFilename?: string;
  baseline?: string;
  updateBaseline?: boolean;
  staged?: boolean;
  changedSince?: string;
  printConfig?: string;
  ignorePattern?: string[];
  ignore?: boolean;
  errorOnUnmatchedPattern?: boolean;
  concurrency?: Concurrency;
  cache?: boolean;
  cacheLocation?: string;
  shard?: Shard;
  fix?: boolean;
  fixDryRun?: boolean;
}

/** `axag lint`: returns the exit code (spec §6), the same whatever the formats. */
export async function runLint(patterns: string[], options: LintCommandOptions, io: Io): Promise<number> {
  const { cwd } = io;
  checkCombinations(patterns, options);
  const fixing = options.fix === true || options.fixDryRun === true;
  const fixingStdin = fixing && options.stdin === true;
  const destination = (name: string, output: Output): Destination => ({ name, leadsHere: (path) => output.leadsHere?.(path) ?? false });
  const outputs = planOutputs(
    options.format,
    options.outputFile,
    cwd,
    // `--stdin --fix`: standard output is the fixed input, so the report goes to standard error.
    fixingStdin
      ? { unnamed: destination('standard error', io.stderr), taken: { ...destination('standard output', io.stdout), holds: 'the fixed input' } }
      : { unnamed: destination('standard output', io.stdout) },
  );
  const formatters = await loadFormatters(outputs.map(({ format }) => format));
  const debug = (message: string) => {
    if (options.debug) io.stderr.write(`axag debug: ${message}\n`);
  };
  const started = monotonicMs();
  const elapsed = () => `${Math.round(monotonicMs() - started)} ms`;

  const resolver = new ConfigResolver({
    cwd,
    ...(typeof options.config === 'string' && { configFile: options.config }),
    noConfig: options.config === false,
    ...(options.manifest !== undefined && { manifest: options.manifest }),
    ...(options.rule && { ruleOverrides: options.rule, ruleOverridesName: '--rule' }),
  });
  // Warnings about the configuration never change the exit code; they are shown whatever stops the run.
  let noticesShown = false;
  const showNotices = () => {
    if (noticesShown) return;
    noticesShown = true;
    for (const notice of resolver.notices) io.stderr.write(`axag: warning: ${escapeControl(noticeText(notice, cwd))}\n`);
  };
  // What only some runs do (print the config, fix, use a cache, a baseline, a shard or git) is imported by those.
  if (options.printConfig !== undefined) {
    const { printConfig } = await import('./print-config.js');
    try {
      io.stdout.write(printConfig(resolver.forFile(absolute(options.printConfig, cwd)), cwd));
    } finally {
      showNotices();
    }
    return 0;
  }

  // Report files are replaced whole, or removed: one left from an earlier run must never pass for this run's.
  const reportFiles = outputs.flatMap(({ file }) => (file === undefined ? [] : [absolute(file, cwd)]));
  const written = new Set<string>();
  let stdoutWritten = false;
  const removeStaleReports = () => {
    for (const path of reportFiles) if (!written.has(path)) removeIfPresent(path);
  };
  const report = (results: LintResults, root: string, fatal?: FormatContext['fatal']) => {
    for (const { format, file } of outputs) {
      if (fatal && (!REPORTS_FATAL.has(format) || (file === undefined && stdoutWritten))) continue;
      const context: FormatContext = {
        cwd,
        root,
        // Colour is for terminals: never in a report file, whatever FORCE_COLOR says.
        color: file === undefined && useColor(options.color, io.stdout.isTTY === true, io.env),
        // A report file is laid out as for a pipe: COLUMNS, else 80.
        width: outputWidth(file === undefined ? io.stdout : {}, io.env),
        verbose: options.verbose ?? false,
        tool: TOOL,
        ...(options.shard && { shard: options.shard }),
        ...(fatal && { fatal }),
      };
      const pieces = formatters.get(format)!(results, context);
      if (file === undefined) {
        // `--stdin --fix`: standard output is the fixed input, so the report goes to standard error.
        for (const piece of pieces) (fixingStdin ? io.stderr : io.stdout).write(piece);
        stdoutWritten = true;
      } else {
        writeOutputFile(absolute(file, cwd), file, pieces);
        written.add(absolute(file, cwd));
      }
    }
  };
  const stopWatching = whenInterrupted(removeStaleReports);

  const terminal = io.terminal;
  const progress = terminal && new ProgressLine(terminal, () => showsProgress(terminal, io.env, options.debug ?? false), progressDelay(io.env));
  const stopProgress = whenInterrupted(() => progress?.clear());

  let results: LintResults;
  let stale = 0;
  try {
    const found = await inputsToLint(patterns, options, resolver, io, debug);
    const { problems } = found;
    const inputs = options.shard ? await shardOf(found.inputs, options.shard, cwd) : found.inputs;
    if (options.shard) debug(`shard ${options.shard.index}/${options.shard.count}: ${inputs.length} of ${plural(found.inputs.length, 'file')}`);
    debug(`${plural(inputs.length, 'file')} to lint, found in ${elapsed()}`);
    for (const input of inputs) debug(`  ${escapeControl(displayPath(typeof input === 'string' ? input : input.path, cwd))}`);
    const unusedSeverity = options.reportUnusedDisableDirectivesSeverity ?? (options.reportUnusedDisableDirectives ? 'warning' : 'off');
    const cache = options.cache ? await openCache(options.cacheLocation ?? DEFAULT_CACHE_LOCATION, walkedDirectories(patterns, options, cwd), io, debug) : undefined;
    const lintOptions: LintOptions = {
      cwd,
      resolver,
      errorsOnly: options.quiet ?? false,
      ...(unusedSeverity !== 'off' && { reportUnusedDirectives: unusedSeverity }),
      ...(options.maxFileSize !== undefined && { maxFileSize: options.maxFileSize }),
      concurrency: options.concurrency ?? 'auto',
      ...(cache && { cache: cache.results }),
      debug,
      ...(progress && { onProgress: (done: number, total: number) => progress.update(done, total) }),
    };
    if (fixing) {
      const { lintAndFix } = await import('./fix-files.js');
      results = await lintAndFix(inputs, lintOptions, { write: options.fix === true && !options.stdin, cwd });
    } else {
      results = await lint(inputs, lintOptions);
    }
    progress?.clear();
    if (cache) {
      debug(`cache: reused the results of ${plural(cache.results.reused, 'file')}, linted ${plural(cache.results.linted, 'file')}`);
      cache.save();
    }
    // Paths that could not be read fail the run like files that could not be: the run did not do all its job.
    results.failures.unshift(...problems);
    debug(`linted in ${elapsed()}`);
    const root = repositoryRoot(cwd, results.files.map((file) => file.path));
    if (options.baseline !== undefined) {
      const counted = await useBaseline(options.baseline, results, options.updateBaseline ?? false, io);
      // Under --quiet the warning rules did not run: their entries cannot be judged stale.
      stale = options.quiet ? 0 : counted;
    }
    // Standard output is the fixed input: the report, on standard error, need not carry it too.
    const fixedInput = fixingStdin ? takeFixedStdin(inputs, results) : undefined;
    showNotices();
    report(results, root);
    if (fixedInput !== undefined) io.stdout.write(fixedInput);
    debug(`reported in ${elapsed()}`);
  } catch (error) {
    // CI reads SARIF, JUnit and workflow commands even from a run that could not do its job: those formats say
    // why it stopped; the others have nothing true to say, so no file of theirs is left.
    progress?.clear();
    showNotices();
    const fatal = error instanceof FatalError ? error : { message: `internal error: ${internalMessage(error)}; please report it`, locations: [] };
    const paths = fatal.locations.map((location) => location.path);
    try {
      report({ files: [], filesLinted: 0, failures: [], internalErrors: [], notices: resolver.notices }, repositoryRoot(cwd, paths), fatal);
    } catch (reportError) {
      // The problem that stopped the run is the one to show; a report that could not be written (again) comes second.
      if (reportError instanceof FatalError && reportError.message !== fatal.message) io.stderr.write(`axag: ${reportError.message}\n`);
    }
    removeStaleReports();
    throw error;
  } finally {
    stopWatching();
    stopProgress();
  }

  if (stale > 0) {
    io.stderr.write(`axag: ${stale} baseline entr${stale === 1 ? 'y no longer occurs' : 'ies no longer occur'}; run with --update-baseline to drop ${stale === 1 ? 'it' : 'them'}\n`);
  }
  for (const failure of results.failures) io.stderr.write(`axag: ${escapeControl(failure)}\n`);
  for (const failure of results.internalErrors) {
    io.stderr.write(`axag: internal error: ${failure.check} failed on ${escapeControl(displayPath(failure.path, cwd))}: ${escapeControl(failure.message)}\n`);
    if (options.debug) io.stderr.write(`${failure.stack}\n`);
  }
  if (results.internalErrors.length > 0) {
    const how = options.debug ? 'with the stack traces above' : 'run again with --debug for the stack traces';
    io.stderr.write(`axag: the other checks and files were linted; this is a bug in axag: please report it (${how})\n`);
  }
  if (results.failures.length > 0 || results.internalErrors.length > 0) return 2;
  const { errors, warnings } = countFindings(results.files);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`axag: too many warnings (${warnings}); --max-warnings allows ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** The directories a run walks whole (a pre-commit hook's list of files walks none): `.` when no path is given. */
function walkedDirectories(patterns: readonly string[], options: LintCommandOptions, cwd: string): string[] {
  if (options.stdin || options.staged || options.changedSince !== undefined) return [];
  return (patterns.length > 0 ? patterns : ['.']).map((pattern) => absolute(pattern, cwd)).filter(isDirectory);
}

/**
 * The `--cache` file's results, and how to write them back. A cache that cannot be used, read or written costs
 * the run its speed, never its result: one line on stderr says so.
 */
async function openCache(location: string, walked: readonly string[], io: Io, debug: (message: string) => void): Promise<{ results: ResultCache; save(): void }> {
  const { path, namedByAxag } = cacheFilePath(location, io.cwd);
  // Shown as the user wrote it: an absolute location stays absolute, not `../../var/cache/…`.
  const shownAs = isAbsolute(location) ? path : displayPath(path, io.cwd);
  const loaded = readCacheFile(path, TOOL.version);
  // A file the user named that holds something else may be theirs (`--cache-location index.html`): never replaced.
  const kept = loaded.foreign === true && !namedByAxag;
  if (loaded.problem) {
    const then = kept ? 'it is left as it is, and no cache is written; give --cache-location a file of its own, or a directory' : 'it will be rewritten';
    io.stderr.write(`axag: note: ignored the cache file ${escapeControl(shownAs)}: ${escapeControl(loaded.problem)}; ${then}\n`);
  }
  debug(`cache: ${escapeControl(shownAs)}, ${loaded.outdated ? `not used: ${loaded.outdated}` : `${loaded.entries.size} cached ${loaded.entries.size === 1 ? 'result' : 'results'}`}`);
  const results = new (await import('../engine/result-cache.js')).ResultCache(loaded.entries, loaded.sites, loaded.intents);
  const save = () => {
    if (kept) return;
    // Only below the directories this run walked: there, a file it did not meet is gone or now ignored.
    results.forgetGone((file) => walked.some((dir) => isInside(file, dir)) && !existsSync(file));
    if (!results.changed && !loaded.problem && !loaded.outdated) return;
    try {
      writeCacheFile(path, shownAs, TOOL.version, results);
    } catch (error) {
      if (!(error instanceof FatalError)) throw error;
      io.stderr.write(`axag: warning: ${escapeControl(error.message)}; the next run lints every file again\n`);
    }
  };
  return { results, save };
}

/** The inputs of one shard, by their path relative to the repository of the working directory (else to it). */
async function shardOf(inputs: LintInput[], shard: Shard, cwd: string): Promise<LintInput[]> {
  const { inShard } = await import('../shard.js');
  const root = enclosingRepository(cwd) ?? cwd;
  return inputs.filter((input) => inShard(typeof input === 'string' ? input : input.path, root, shard));
}

/** `AXAG_PROGRESS_AFTER_MS` shortens the wait before the progress line (the tests show it at once). */
function progressDelay(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.AXAG_PROGRESS_AFTER_MS;
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** `--stdin --fix`: standard input with its fixes applied, or as it came when nothing was fixed (or it was not linted). */
function takeFixedStdin(inputs: readonly LintInput[], results: LintResults): string {
  const input = inputs[0];
  if (input === undefined || typeof input === 'string') return '';
  const result = results.files.find((file) => file.path === input.path);
  const fixed = result?.output ?? input.text;
  if (result) {
    delete result.output;
    delete result.outputFrom;
  }
  return fixed;
}

/** An error that is not axag's report of a problem: its first line. */
function internalMessage(error: unknown): string {
  return escapeControl((error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '');
}

/** `file:line:col: message`, the file relative to the working directory. */
function noticeText(notice: Notice, cwd: string): string {
  const { location } = notice;
  return location ? `${located(displayPath(location.path, cwd), location)}: ${notice.message}` : notice.message;
}

/** Flags that choose the files are exclusive of each other; the ones that refine them need theirs. */
function checkCombinations(patterns: string[], options: LintCommandOptions): void {
  const sources = [options.stdin && '--stdin', options.staged && '--staged', options.changedSince !== undefined && '--changed-since'].filter(Boolean);
  if (sources.length > 1) throw new FatalError(`${sources.join(' and ')} cannot be combined; choose one`);
  if (options.stdin && options.shard) throw new FatalError('--shard splits the files of a run, and --stdin lints one text: drop one of them');
  if (options.stdin && patterns.length > 0) throw new FatalError(`--stdin lints standard input, so it takes no paths (got ${patterns.join(' ')})`);
  if (options.stdinFilename !== undefined && !options.stdin) throw new FatalError('--stdin-filename names standard input; add --stdin');
  if (options.fix && options.fixDryRun) throw new FatalError('--fix and --fix-dry-run cannot be combined; choose one');
  if ((options.fix || options.fixDryRun) && options.staged) {
    throw new FatalError(`--${options.fix ? 'fix' : 'fix-dry-run'} cannot be combined with --staged: it lints what is staged, which is not the file on disk; fix the files themselves, e.g. axag lint --fix <paths>`);
  }
  if (options.updateBaseline && options.quiet) {
    throw new FatalError('--update-baseline cannot be combined with --quiet: warning rules would not run, and their findings would be left out of the baseline');
  }
  // An empty path (an unset variable in a CI script) would put the cache file in the working directory.
  if (options.cacheLocation === '') throw new FatalError('--cache-location needs a path: a file, or a directory for it ending in /, e.g. --cache-location .axagcache');
  if (options.updateBaseline && options.baseline === undefined) {
    throw new FatalError('--update-baseline needs --baseline <file> to know where to write, e.g. --baseline axag-baseline.json');
  }
}

/**
 * The files of this run: standard input, staged or changed files, or the paths and globs given; and the paths
 * that could not be read (as messages).
 */
async function inputsToLint(
  patterns: string[],
  options: LintCommandOptions,
  resolver: ConfigResolver,
  io: Io,
  debug: (message: string) => void,
): Promise<{ inputs: LintInput[]; problems: string[] }> {
  const { cwd } = io;
  const rules = ignoreRules(resolver, { cwd, ...(options.ignorePattern && { ignorePatterns: options.ignorePattern }), noIgnore: options.ignore === false });
  const skip = (path: string, reason: string) => io.stderr.write(`axag: not linted: ${escapeControl(displayPath(path, cwd))} (${reason})\n`);

  if (options.stdin) {
    debug('reading standard input');
    const text = await readAll(io.stdin);
    if (options.stdinFilename === undefined) {
      const guess = guessSourceType(text);
      // HTML is the documented default; another parser is named, so that a wrong guess is seen.
      if (guess !== HTML_GUESS) io.stderr.write(`axag: standard input linted as ${guess.label} (${guess.because}); --stdin-filename <path> names its type\n`);
      else debug('standard input linted as HTML; --stdin-filename <path> names its type');
      return { inputs: [{ path: join(cwd, '<stdin>'), text, parseAs: guess.parseAs }], problems: [] };
    }
    const path = absolute(options.stdinFilename, cwd);
    const reason = isInNodeModules(path, cwd) ? 'inside node_modules' : rules.ignores(path) ? 'matched by ignorePatterns' : undefined;
    if (reason) {
      skip(path, reason);
      return { inputs: [], problems: [] };
    }
    return { inputs: [{ path, text }], problems: [] };
  }
  // Paths and globs narrow the staged or changed files; one that does not exist and covers none of them is a typo.
  const filters = patterns.map((pattern) => ({ pattern, covered: false, ...pathFilter(pattern, cwd) }));
  const within = (path: string) => {
    const covering = filters.filter((filter) => filter.covers(path));
    for (const filter of covering) filter.covered = true;
    return filters.length === 0 || covering.length > 0;
  };
  const wanted = (path: string) => within(path) && isLintable(path, resolver, rules, cwd);
  const checkPaths = () => {
    const typo = filters.find((filter) => filter.missing && !filter.covered);
    if (typo && (options.errorOnUnmatchedPattern ?? true)) throw new FatalError(`no such file or directory: ${typo.pattern}`);
  };
  if (options.staged) {
    const { stagedFiles } = await import('./git.js');
    const { files, problems } = stagedFiles(cwd, wanted);
    checkPaths();
    return { inputs: files, problems };
  }
  if (options.changedSince !== undefined) {
    const { changedFiles } = await import('./git.js');
    const changed = changedFiles(cwd, options.changedSince);
    if (changed.note) io.stderr.write(`axag: note: ${escapeControl(changed.note)}\n`);
    const inputs = changed.files.filter((path) => existsSync(path) && wanted(path));
    checkPaths();
    return { inputs, problems: [] };
  }

  const { files, skipped, problems } = await expandPaths(patterns.length > 0 ? patterns : ['.'], resolver, {
    cwd,
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern ?? true,
    ...(options.ignorePattern && { ignorePatterns: options.ignorePattern }),
    noIgnore: options.ignore === false,
  });
  for (const { path, reason } of skipped) io.stderr.write(`axag: not linted: ${escapeControl(path)} (${reason})\n`);
  return { inputs: files, problems };
}

/** Standard input as text, decoded as files are (UTF-16 by its byte-order mark); bytes that are not text are a FatalError. */
async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  try {
    return decodeText(Buffer.concat(chunks));
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new FatalError(`cannot read standard input: ${error.reason}`);
    throw error;
  }
}

/**
 * Applies (and with `update`, first rewrites) the baseline; returns the number
 * of stale entries. Paths in it are relative to the repository of the linted
 * files, or outside git to the baseline's own directory, so that running from
 * another directory finds the same entries.
 */
async function useBaseline(file: string, results: LintResults, update: boolean, io: Io): Promise<number> {
  const { applyBaseline, baselineChanges, loadBaseline, recordBaseline } = await import('../baseline.js');
  const path = absolute(file, io.cwd);
  const root = repositoryRoot(dirname(path), results.files.map((result) => result.path));
  const context = { cwd: io.cwd, root, color: false, verbose: false, tool: TOOL };
  const pathOf = (result: { path: string }) => reportedPath(result.path, context);
  const previous = existsSync(path) ? loadBaseline(path, file) : undefined;
  if (update) {
    // Entries of files that no longer exist go; those of files not linted in this run stay.
    const kept = previous && { ...previous, files: Object.fromEntries(Object.entries(previous.files).filter(([key]) => existsSync(resolve(root, key)))) };
    const baseline = recordBaseline(results.files, kept, pathOf);
    writeOutputFile(path, file, `${JSON.stringify(baseline, null, 2)}\n`);
    io.stderr.write(`axag: ${baselineWritten(file, previous, baselineChanges(previous, baseline))}\n`);
    applyBaseline(results.files, baseline, pathOf);
    return 0;
  }
  if (!previous) throw new FatalError(`baseline not found: ${file}; create it with --update-baseline`);
  return applyBaseline(results.files, previous, pathOf).stale;
}

/** `wrote axag-baseline.json: 12 findings in 4 files (3 added, 1 removed)`. */
function baselineWritten(shownAs: string, previous: Baseline | undefined, changes: BaselineChanges): string {
  const what = `wrote ${escapeControl(shownAs)}: ${plural(changes.findings, 'finding')} in ${plural(changes.files, 'file')}`;
  if (!previous) return `${what} (a new baseline)`;
  if (changes.added === undefined) return `${what} (converted to fingerprints that survive rewordings of messages)`;
  return `${what} (${changes.added} added, ${changes.removed} removed)`;
}
