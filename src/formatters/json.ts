import { displayPath } from '../paths.js';
import { countDynamic, countFindings } from '../results.js';
import type { Formatter } from './types.js';

/** Spec §7 `json`: version 1, files by path, findings by line, column and rule id. */
export const formatJson: Formatter = (results, { cwd, tool }) => {
  const { errors, warnings } = countFindings(results.files);
  const output = {
    version: 1,
    tool,
    // The spec's finding shape: the fingerprint is for baselines and code-quality reports.
    // A finding's `fix` and `suggestions` are edits by UTF-16 offset into the file's text (spec §10); with
    // --fix-dry-run a file's `output` is its fixed text (ESLint's).
    files: results.files.map((file) => ({
      path: displayPath(file.path, cwd),
      findings: file.findings.map(({ fingerprint: _, legacyFingerprint: __, related, ...rest }) => ({
        ...rest,
        // A related place in another file (the checks across files) is named by its path as the report names files.
        ...(related && { related: related.map(({ path, ...place }) => ({ ...place, ...(path !== undefined && { path: displayPath(path, cwd) }) })) }),
      })),
      ...(file.output !== undefined && { output: file.output }),
    })),
    summary: {
      files: results.filesLinted,
      annotations: results.files.reduce((sum, file) => sum + file.annotations, 0),
      dynamic: countDynamic(results.files),
      errors,
      warnings,
    },
  };
  return `${JSON.stringify(output, null, 2)}\n`;
};
