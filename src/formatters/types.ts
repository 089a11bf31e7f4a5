import type { LintResults } from '../results.js';

export interface FormatContext {
  /** Paths are shown relative to this directory. */
  cwd: string;
  /** Emit ANSI colours. */
  color: boolean;
  /** Say so when there is nothing to report. */
  verbose: boolean;
  tool: { name: string; version: string; informationUri: string };
}

/** A formatter turns results into text; it does no I/O. */
export type Formatter = (results: LintResults, context: FormatContext) => string;
