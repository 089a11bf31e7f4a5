/**
 * A problem that stops the run from doing its job: bad usage, a broken config,
 * an unreadable manifest or path. The CLI prints the message (no stack) and exits 2.
 */
export class FatalError extends Error {
  override readonly name = 'FatalError';

  constructor(
    message: string,
    /** Where the problem is, when it is in a file (a config or manifest): absolute path, 1-based line and column. */
    readonly locations: readonly FileLocation[] = [],
  ) {
    super(message);
  }
}

export interface FileLocation {
  path: string;
  line: number;
  column: number;
}

/** `file:line:col` when a position is known, else the file alone. */
export function located(file: string, position?: { line: number; column: number }): string {
  return position ? `${file}:${position.line}:${position.column}` : file;
}

/**
 * A problem in the configuration that does not stop the run (a rule number of another linter, ignored). The
 * library returns notices as data; the CLI prints each once as a warning, and SARIF carries them.
 */
export interface Notice {
  message: string;
  /** Where it is, when it is in a file. */
  location?: FileLocation;
}
