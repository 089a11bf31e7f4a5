/**
 * The names of the output formats, apart from the formatters themselves: the command line lists and checks them
 * without loading a formatter (the SARIF one loads every rule's documentation), so `axag --version` stays fast.
 */
export const FORMAT_NAMES = ['pretty', 'json', 'sarif', 'github', 'junit', 'gitlab'] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

/** Formats that can report a configuration or manifest problem that stopped the run. */
export const REPORTS_FATAL: ReadonlySet<string> = new Set<FormatName>(['sarif', 'github', 'junit']);

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}
