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
    files: results.files.map((file) => ({ path: displayPath(file.path, cwd), findings: file.findings.map(({ fingerprint: _, legacyFingerprint: __, ...rest }) => rest) })),
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
