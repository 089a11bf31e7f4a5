import { ConfigResolver } from '../config/resolve.js';
import type { SeverityLevel } from '../config/settings.js';
import { lint } from '../engine/lint.js';
import { expandPaths } from '../files.js';
import { FORMATTERS } from '../formatters/index.js';
import { absolute } from '../paths.js';
import { countFindings } from '../results.js';
import { writeOutputFile, type Io } from './io.js';
import { useColor } from './options.js';
import { TOOL } from './tool.js';

export interface LintCommandOptions {
  format: string;
  outputFile?: string;
  config?: string | false;
  manifest?: string;
  rule?: Record<string, SeverityLevel>;
  maxWarnings?: number;
  quiet?: boolean;
  color?: boolean;
  verbose?: boolean;
}

/** `axag lint`: returns the exit code (spec §6). */
export async function runLint(patterns: string[], options: LintCommandOptions, io: Io): Promise<number> {
  const { cwd } = io;
  const resolver = new ConfigResolver({
    cwd,
    ...(typeof options.config === 'string' && { configFile: options.config }),
    noConfig: options.config === false,
    ...(options.manifest !== undefined && { manifest: options.manifest }),
    ...(options.rule && { ruleOverrides: options.rule }),
  });
  const { files, skipped } = await expandPaths(patterns.length > 0 ? patterns : ['.'], resolver, {
    cwd,
    errorOnUnmatchedPattern: true,
  });
  for (const { path, reason } of skipped) io.stderr.write(`axag: not linted: ${path} (${reason})\n`);
  const results = await lint(files, { cwd, resolver, errorsOnly: options.quiet ?? false });

  const toFile = options.outputFile !== undefined;
  const text = FORMATTERS[options.format]!(results, {
    cwd,
    color: useColor(options.color, !toFile && io.stdout.isTTY === true, io.env),
    verbose: options.verbose ?? false,
    tool: TOOL,
  });
  if (toFile) writeOutputFile(absolute(options.outputFile!, cwd), options.outputFile!, text);
  else io.stdout.write(text);

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
