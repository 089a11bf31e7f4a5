import { countFindings } from '../results.js';
import { reportedPath } from './repository.js';
import type { Formatter } from './types.js';

/**
 * Spec §7 `junit`: JUnit XML for CI dashboards. One testsuite per linted file
 * (path relative to the repository root), one failed testcase per finding,
 * errors and warnings alike as ESLint's junit format does (the `type` says
 * which); a file without findings has one passing testcase, so it still counts.
 * Testcases are named by rule and message, not position, so dashboards that
 * match tests by name across runs do not see moved findings as new ones. A
 * file that could not be read, or a run stopped by its config, is an `<error>`.
 */
export const formatJunit: Formatter = (results, context) => {
  const { errors, warnings } = countFindings(results.files);
  let suites = '';
  let tests = 0;
  for (const file of results.files) {
    const path = reportedPath(file.path, context);
    // Jenkins reads the part after the last dot of a classname as the class: leave the extension out.
    const classname = path.replace(/\.[^./]*$/, '');
    const cases = file.findings.map((finding) => {
      const text = `${path}:${finding.line}:${finding.column}: ${finding.severity}: ${finding.message} (${finding.ruleId})`;
      return (
        `    <testcase name="${xml(`${finding.ruleId}: ${finding.message}`)}" classname="${xml(classname)}" file="${xml(path)}" line="${finding.line}" time="0">\n` +
        `      <failure type="${finding.severity}" message="${xml(finding.message)}">${xml(text)}</failure>\n` +
        `    </testcase>\n`
      );
    });
    if (cases.length === 0) cases.push(`    <testcase name="no problems" classname="${xml(classname)}" file="${xml(path)}" time="0"/>\n`);
    tests += cases.length;
    suites +=
      `  <testsuite name="${xml(path)}" tests="${cases.length}" failures="${file.findings.length}" errors="0" skipped="0" time="0">\n` +
      cases.join('') +
      `  </testsuite>\n`;
  }
  const problems = [...(context.fatal ? [context.fatal.message] : []), ...results.failures];
  if (problems.length > 0) {
    const cases = problems.map((problem) => `    <testcase name="${xml(problem.split('\n')[0]!)}" classname="axag" time="0">\n      <error message="${xml(problem)}">${xml(problem)}</error>\n    </testcase>\n`);
    suites += `  <testsuite name="axag" tests="${cases.length}" failures="0" errors="${cases.length}" skipped="0" time="0">\n${cases.join('')}  </testsuite>\n`;
    tests += cases.length;
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="${xml(context.tool.name)}" tests="${tests}" failures="${errors + warnings}" errors="${problems.length}" time="0">\n` +
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
