import { countFindings } from '../results.js';
import { plural } from '../text/plural.js';
import { escapeControlKeepingBreaks } from '../text/safe-text.js';
import { reportedPath } from './repository.js';
import type { Formatter } from './types.js';

/** GitHub shows at most this many annotations of each level from one step. */
const ANNOTATIONS_PER_LEVEL = 10;

/**
 * Spec §7 `github`: one workflow command per finding, which GitHub Actions
 * turns into an annotation on the file, then a one-line summary of the totals
 * (the step log is the only place that lists annotations beyond GitHub's cap).
 */
export const formatGithub: Formatter = (results, context) => {
  let out = '';
  for (const file of results.files) {
    for (const finding of file.findings) {
      const properties = {
        file: reportedPath(file.path, context),
        line: finding.line,
        col: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
        title: finding.ruleId,
      };
      out += command(finding.severity, properties, finding.message);
    }
  }
  if (context.fatal) {
    const [at] = context.fatal.locations;
    const properties: Record<string, string | number> = at ? { file: reportedPath(at.path, context), line: at.line, col: at.column, title: 'axag' } : { title: 'axag' };
    out += command('error', properties, context.fatal.message);
  }
  for (const failure of results.failures) out += command('error', { title: 'axag' }, failure);

  if (context.fatal) return `${out}axag: stopped before linting; fix the error above\n`;
  const { errors, warnings } = countFindings(results.files);
  const over = errors > ANNOTATIONS_PER_LEVEL || warnings > ANNOTATIONS_PER_LEVEL;
  const cap = over ? `; GitHub annotates at most ${ANNOTATIONS_PER_LEVEL} of each level per step, so this log lists them all` : '';
  const totals = errors + warnings === 0 ? 'no problems' : `${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  return `${out}axag: ${totals} in ${plural(results.filesLinted, 'file')}${cap}\n`;
};

function command(level: string, properties: Record<string, string | number>, message: string): string {
  const list = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${level} ${list}::${escapeData(message)}\n`;
}

/**
 * GitHub's escaping for a command's message (%, CR, LF), after making every other control, line-separator and bidi
 * character visible: GitHub passes those through to the log and the annotation, where they could restyle or
 * reorder what a reviewer reads.
 */
export function escapeData(text: string): string {
  return escapeControlKeepingBreaks(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping for a command's property values, where `:` and `,` are separators. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
