import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatPretty } from './pretty.js';
import { formatSarif } from './sarif.js';
import type { Formatter } from './types.js';

export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  pretty: formatPretty,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  gitlab: formatGitlab,
};

/** Formats that can report a configuration or manifest problem that stopped the run. */
export const REPORTS_FATAL: ReadonlySet<string> = new Set(['sarif', 'github', 'junit']);

export type { FormatContext, Formatter } from './types.js';
