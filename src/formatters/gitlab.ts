import { reportedPath, stableFingerprints } from './repository.js';
import type { Formatter } from './types.js';

/**
 * Spec §7 `gitlab`: a GitLab Code Quality report. Paths are relative to the
 * repository root; fingerprints are built from the finding's own (rule, element
 * and the part of it the finding is about), never its line nor its message, so
 * merge requests compare findings across edits and across versions of axag.
 */
export const formatGitlab: Formatter = (results, context) => {
  const issues = results.files.flatMap((file) => {
    const path = reportedPath(file.path, context);
    const fingerprints = stableFingerprints(file, path);
    return file.findings.map((finding, i) => ({
      type: 'issue',
      check_name: finding.ruleId,
      description: finding.message,
      categories: ['Bug Risk'],
      severity: finding.severity === 'error' ? 'major' : 'minor',
      fingerprint: fingerprints[i]!,
      location: { path, lines: { begin: finding.line, end: finding.endLine } },
    }));
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};
