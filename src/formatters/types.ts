import type { FileLocation } from '../errors.js';
import type { LintResults } from '../results.js';
import type { Shard } from '../shard.js';

export interface FormatContext {
  /** Paths in pretty and json output are relative to this directory. */
  cwd: string;
  /**
   * The repository root (the nearest directory holding `.git`, else the working
   * directory): sarif, github, junit and gitlab paths are relative to it, so CI
   * systems can match them to the checkout. Defaults to `cwd`.
   */
  root?: string;
  /** Emit ANSI colours. */
  color: boolean;
  /** Terminal columns the pretty format fits its lines in (default 80); the other formats ignore it. */
  width?: number;
  /** Say so when there is nothing to report. */
  verbose: boolean;
  tool: { name: string; version: string; informationUri: string };
  /** `--shard`: the run lints this part of the files; SARIF gives each part a category of its own. */
  shard?: Shard;
  /** A configuration or manifest problem that stopped the run, for the formats that can carry one. */
  fatal?: { message: string; locations: readonly FileLocation[] };
}

/** A formatter turns results into text; it does no I/O. */
export type Formatter = (results: LintResults, context: FormatContext) => string;
