import { isFormatName, type FormatName } from './names.js';
import type { Formatter } from './types.js';

/** Each formatter's module, imported when a run asks for its format: a run writes one or two of the six. */
const MODULES: Record<FormatName, () => Promise<Formatter>> = {
  pretty: async () => (await import('./pretty.js')).formatPretty,
  json: async () => (await import('./json.js')).formatJson,
  sarif: async () => (await import('./sarif.js')).formatSarif,
  github: async () => (await import('./github.js')).formatGithub,
  junit: async () => (await import('./junit.js')).formatJunit,
  gitlab: async () => (await import('./gitlab.js')).formatGitlab,
};

/** The formatters of these formats (names the command line has checked), by name. */
export async function loadFormatters(names: readonly string[]): Promise<ReadonlyMap<string, Formatter>> {
  const unique = [...new Set(names)];
  const loaded = await Promise.all(
    unique.map((name) => {
      if (!isFormatName(name)) throw new Error(`no formatter named "${name}"`);
      return MODULES[name]();
    }),
  );
  return new Map(unique.map((name, i) => [name, loaded[i]!]));
}
