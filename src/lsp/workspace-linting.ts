/** `axag/lintWorkspace`: every file of every workspace folder linted as `axag lint` run there, into the Problems panel. */
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { toDiagnostic } from './diagnostics.js';
import type { Linter } from './linter.js';
import type { Workspace } from './workspace.js';

export const LINT_WORKSPACE = 'axag/lintWorkspace';

export interface WorkspaceLintingOutput {
  /** Open documents keep the diagnostics of their in-editor text. */
  isOpen(uri: string): boolean;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  warn(message: string): void;
  /** The client shows related information (`publishDiagnostics.relatedInformation`). */
  relatedInformation: boolean;
}

/**
 * Lints each folder from disk and publishes the findings of every file that is not open; files published by the
 * last run (`previous`) and clean or gone now are cleared. Counts the files linted and their findings.
 */
export async function lintWorkspace(
  linter: Linter,
  workspace: Workspace,
  output: WorkspaceLintingOutput,
  previous: ReadonlySet<string>,
  maxFileSize: number,
): Promise<{ files: number; problems: number; published: Set<string> }> {
  const published = new Set<string>();
  let files = 0;
  let problems = 0;
  for (const folder of workspace.allFolders()) {
    const outcome = await linter.lintFolder({ ...folder, maxFileSize });
    if (outcome.kind !== 'results') {
      const why = outcome.kind === 'fatal' ? outcome.message : outcome.kind === 'timeout' ? `it took longer than ${outcome.seconds} s` : outcome.kind;
      output.warn(`axag could not lint ${folder.cwd}: ${why}`);
      continue;
    }
    const { results } = outcome;
    // A file of a folder nested in this one is that folder's, linted with its config.
    const own = results.files.filter((file) => (workspace.folderOf(file.path) ?? folder.cwd) === folder.cwd);
    files += results.filesLinted - (results.files.length - own.length);
    for (const file of own) {
      problems += file.findings.length;
      const uri = pathToFileURL(file.path).href;
      if (output.isOpen(uri)) continue;
      output.publish(uri, file.findings.map((finding) => toDiagnostic(finding, uri, output.relatedInformation)));
      published.add(uri);
    }
    if (results.failures.length > 0) output.warn(`axag could not lint every file of ${folder.cwd}: ${results.failures.join('; ')}`);
  }
  for (const uri of previous) if (!published.has(uri) && !output.isOpen(uri)) output.publish(uri, []);
  return { files, problems, published };
}
