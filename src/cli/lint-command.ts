import { rmSync } from 'node:fs';
import { ConfigResolver } from '../config/resolve.js';
import type { SeverityLevel } from '../config/settings.js';
import { lint } from '../engine/lint.js';
import { FatalError } from '../errors.js';
import { expandPaths } from '../files.js';
import { FORMATTERS, REPORTS_FATAL, type FormatContext } from '../formatters/index.js';
import { absolute } from '../paths.js';
import { countFindings, type LintResults } from '../results.js';
import { writeOutputFile, type Io } from './io.js';
import { useColor } from './options.js';
import { planOutputs, type OutputRequest } from './outputs.js';
import { repositoryRoot } from './repository-root.js';
import { TOOL } from './tool.js';

export interface LintCommandOptions {
  format?: OutputRequest[];
  outputFile?: string;
  config?: string | false;
  manifest?: string;
  rule?: Record<string, SeverityLevel>;
  maxWarnings?: number;
  quiet?: boolean;
  color?: boolean;
  verbose?: boolean;
  reportUnusedDisableDirectives?: boolean;
  reportUnusedDisableDirectivesSeverity?: SeverityLevel;
}

/** `axag lint`: returns the exit code (spec §6), the same whatever the formats. */
export async function runLint(patterns: string[], options: LintCommandOptions, io: Io): Promise<number> {
  const { cwd } = io;
  const outputs = planOutputs(options.format, options.outputFile, cwd);
  const report = (results: LintResults, root: string, fatal?: FatalError) => {
    for (const { format, file } of outputs) {
      if (fatal && !REPORTS_FATAL.has(format)) {
        // A report from an earlier run must not pass for this one's.
        if (file !== undefined) rmSync(absolute(file, cwd), { force: true });
        continue;
      }
      const context: FormatContext = {
        cwd,
        root,
        // Colour is for terminals: never in a report file, whatever FORCE_COLOR says.
        color: file === undefined && useColor(options.color, io.stdout.isTTY === true, io.env),
        verbose: options.verbose ?? false,
        tool: TOOL,
        ...(fatal && { fatal }),
      };
      const text = FORMATTERS[format]!(results, context);
      if (file === undefined) io.stdout.write(text);
      else writeOutputFile(absolute(file, cwd), file, text);
    }
  };

  const resolver = new ConfigResolver({
    cwd,
    ...(typeof options.config === 'string' && { configFile: options.config }),
    noConfig: options.config === false,
    ...(options.manifest !== undefined && { manifest: options.manifest }),
    ...(options.rule && { ruleOverrides: options.rule }),
  });
  let results: LintResults;
  try {
    const { files, skipped } = await expandPaths(patterns.length > 0 ? patterns : ['.'], resolver, { cwd, errorOnUnmatchedPattern: true });
    for (const { path, reason } of skipped) io.stderr.write(`axag: not linted: ${path} (${reason})\n`);
    const unusedSeverity = options.reportUnusedDisableDirectivesSeverity ?? (options.reportUnusedDisableDirectives ? 'warning' : 'off');
    results = await lint(files, {
      cwd,
      resolver,
      errorsOnly: options.quiet ?? false,
      ...(unusedSeverity !== 'off' && { reportUnusedDirectives: unusedSeverity }),
    });
  } catch (error) {
    // CI reads SARIF and workflow commands even from a run that could not do its job.
    if (error instanceof FatalError) {
      const located = error.locations.map((location) => location.path);
      try {
        report({ files: [], filesLinted: 0, failures: [] }, repositoryRoot(cwd, located), error);
      } catch (reportError) {
        // The problem that stopped the run is the one to show; a report that could not be written comes second.
        if (!(reportError instanceof FatalError)) throw reportError;
        io.stderr.write(`axag: ${reportError.message}\n`);
      }
    }
    throw error;
  }
  report(results, repositoryRoot(cwd, results.files.map((file) => file.path)));

  for (const failure of results.failures) io.stderr.write(`axag: ${failure}\n`);
  if (results.failures.length > 0) return 2;
  const { errors, warnings } = countFindings(results.files);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`axag: too many warnings (${warnings}); --max-warnings allows ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}
