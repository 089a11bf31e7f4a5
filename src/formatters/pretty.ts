import { Chalk } from 'chalk';
import { displayPath } from '../paths.js';
import { countDynamic, countFindings } from '../results.js';
import { plural } from '../text/plural.js';
import type { Formatter } from './types.js';

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
  if (errors + warnings === 0) {
    return (verbose ? `${paint.green('✔')} ${plural(results.filesLinted, 'file')} linted, no problems\n` : '') + unchecked;
  }

  let out = '';
  for (const file of results.files) {
    if (file.findings.length === 0) continue;
    out += `\n${paint.underline(escapeControl(displayPath(file.path, cwd)))}\n`;
    const rows = file.findings.map((finding) => [
      `${finding.line}:${finding.column}`,
      finding.severity,
      escapeControl(finding.message),
      finding.ruleId,
    ]);
    const positionWidth = Math.max(...rows.map((row) => row[0]!.length));
    const messageWidth = Math.max(...rows.map((row) => row[2]!.length));
    for (const [position, severity, message, ruleId] of rows) {
      const level = severity === 'error' ? paint.red('error  ') : paint.yellow('warning');
      out += `  ${paint.dim(position!.padEnd(positionWidth))}  ${level}  ${message!.padEnd(messageWidth)}  ${paint.dim(ruleId!)}\n`;
    }
  }
  const total = errors + warnings;
  const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  out += `\n${errors > 0 ? paint.red.bold(summary) : paint.yellow.bold(summary)}\n`;
  return out + unchecked;
};


/** Control and bidirectional-override characters from linted sources, made visible and harmless. */
export function escapeControl(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
