import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatPretty } from './pretty.js';
import { formatSarif } from './sarif.js';
import type { FormatName } from './names.js';
import type { Formatter } from './types.js';

/** Every format of ./names.js, and no other. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  pretty: formatPretty,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  gitlab: formatGitlab,
} satisfies Record<FormatName, Formatter>;

export type { FormatContext, Formatter } from './types.js';
