import { Chalk } from 'chalk';
import { displayPath } from '../paths.js';
import { countDynamic, countFindings } from '../results.js';
import { plural } from '../text/plural.js';
import { escapeControl, inertLine } from '../text/safe-text.js';
import type { Formatter } from './types.js';

/**
 * Rule ids line up in a column after messages up to this long; a longer message (one that quotes a huge tag name,
 * say) is not padded to, or every other row of its file would carry its length and the report could outgrow the
 * longest string JavaScript can hold.
 */
const ALIGNED_MESSAGE = 200;

/**
 * Spec §7 `pretty`: findings grouped by file, `line:column  severity  message  rule-id`,
 * then a summary line; nothing when clean (unless verbose), except a note of the
 * annotations computed at run time, so that a run never looks fully checked when it is not.
 */
export const formatPretty: Formatter = (results, { cwd, color, verbose }) => {
  const paint = new Chalk({ level: color ? 1 : 0 });
  const { errors, warnings } = countFindings(results.files);
  const dynamic = countDynamic(results.files);
  const unchecked =
    dynamic > 0 ? `${paint.blue('ℹ')} ${plural(dynamic, 'annotation')} computed at run time ${dynamic === 1 ? 'was' : 'were'} not checked\n` : '';
  const fixable = results.files.filter((file) => file.output !== undefined).length;
  const notWritten =
    fixable > 0 ? `${paint.blue('ℹ')} --fix-dry-run: ${plural(fixable, 'file')} would be fixed (not written); the json format carries the fixed text as "output"\n` : '';
  if (errors + warnings === 0) {
    return (verbose ? `${paint.green('✔')} ${plural(results.filesLinted, 'file')} linted, no problems\n` : '') + unchecked + notWritten;
  }

  let out = '';
  for (const file of results.files) {
    if (file.findings.length === 0) continue;
    out += `\n${paint.underline(inertLine(escapeControl(displayPath(file.path, cwd))))}\n`;
    const rows = file.findings.map((finding) => [
      `${finding.line}:${finding.column}`,
      finding.severity,
      escapeControl(finding.message),
      finding.ruleId,
    ]);
    const positionWidth = widest(rows.map((row) => row[0]!));
    const messageWidth = widest(rows.map((row) => row[2]!).filter((message) => message.length <= ALIGNED_MESSAGE));
    for (const [position, severity, message, ruleId] of rows) {
      const level = severity === 'error' ? paint.red('error  ') : paint.yellow('warning');
      out += `${inertLine(`  ${paint.dim(position!.padEnd(positionWidth))}  ${level}  ${message!.padEnd(messageWidth)}  ${paint.dim(ruleId!)}`)}\n`;
    }
  }
  const total = errors + warnings;
  const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  out += `\n${errors > 0 ? paint.red.bold(summary) : paint.yellow.bold(summary)}\n`;
  return out + unchecked + notWritten;
};


/** The length of the longest text, 0 for none; no spread, which fails on very many findings. */
function widest(texts: readonly string[]): number {
  let width = 0;
  for (const text of texts) width = Math.max(width, text.length);
  return width;
}
