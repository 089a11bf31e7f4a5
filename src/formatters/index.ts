import { formatJson } from './json.js';
import { formatPretty } from './pretty.js';
import type { Formatter } from './types.js';

export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  pretty: formatPretty,
  json: formatJson,
};

export type { FormatContext, Formatter } from './types.js';
