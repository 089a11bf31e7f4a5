import { countFindings } from '../results.js';
import { repositoryPath } from './repository.js';
import type { Formatter } from './types.js';

/**
 * Spec §7 `junit`: JUnit XML for CI dashboards. One testsuite per linted file
 * (path relative to the repository root), one failed testcase per finding,
 * errors and warnings alike as ESLint's junit format does (the `type` says
 * which); a file without findings has one passing testcase, so it still counts.
 */
export const formatJunit: Formatter = (results, context) => {
  const { errors, warnings } = countFindings(results.files);
  let suites = '';
  let tests = 0;
  for (const file of results.files) {
    const path = repositoryPath(file.path, context) ?? file.path;
    const cases = file.findings.map((finding) => {
      const text = `${path}:${finding.line}:${finding.column}: ${finding.severity}: ${finding.message} (${finding.ruleId})`;
      return (
        `    <testcase name="${xml(`${finding.ruleId} at ${finding.line}:${finding.column}`)}" classname="${xml(path)}" file="${xml(path)}" line="${finding.line}" time="0">\n` +
        `      <failure type="${finding.severity}" message="${xml(finding.message)}">${xml(text)}</failure>\n` +
        `    </testcase>\n`
      );
    });
    if (cases.length === 0) cases.push(`    <testcase name="no problems" classname="${xml(path)}" file="${xml(path)}" time="0"/>\n`);
    tests += cases.length;
    suites +=
      `  <testsuite name="${xml(path)}" tests="${cases.length}" failures="${file.findings.length}" errors="0" skipped="0" time="0">\n` +
      cases.join('') +
      `  </testsuite>\n`;
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="${xml(context.tool.name)}" tests="${tests}" failures="${errors + warnings}" errors="0" time="0">\n` +
    suites +
    `</testsuites>\n`
  );
};

/**
 * Text for XML attributes and content: the five special characters as entities,
 * and characters XML 1.0 cannot carry at all (most control characters, lone
 * surrogates) as U+FFFD.
 */
export function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}
