import { isFormatName, type FormatName } from './names.js';
import type { LintResults } from '../results.js';
import type { FormatContext, Formatter } from './types.js';

/**
 * A report as the CLI writes it: in pieces, written as they come (the pretty report, a file at a time), or
 * whole (the other formats, one JSON or XML document each).
 */
export type ReportWriter = (results: LintResults, context: FormatContext) => Iterable<string>;

const whole =
  (formatter: Formatter): ReportWriter =>
  (results, context) => [formatter(results, context)];

/** Each formatter's module, imported when a run asks for its format: a run writes one or two of the six. */
const MODULES: Record<FormatName, () => Promise<ReportWriter>> = {
  pretty: async () => (await import('./pretty.js')).prettyReport,
  json: async () => whole((await import('./json.js')).formatJson),
  sarif: async () => whole((await import('./sarif.js')).formatSarif),
  github: async () => whole((await import('./github.js')).formatGithub),
  junit: async () => whole((await import('./junit.js')).formatJunit),
  gitlab: async () => whole((await import('./gitlab.js')).formatGitlab),
};

/** The report writers of these formats (names the command line has checked), by name. */
export async function loadFormatters(names: readonly string[]): Promise<ReadonlyMap<string, ReportWriter>> {
  const unique = [...new Set(names)];
  const loaded = await Promise.all(
    unique.map((name) => {
      if (!isFormatName(name)) throw new Error(`no formatter named "${name}"`);
      return MODULES[name]();
    }),
  );
  return new Map(unique.map((name, i) => [name, loaded[i]!]));
}
