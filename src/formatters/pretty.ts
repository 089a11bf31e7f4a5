import { createRequire } from 'node:module';
import { displayPath } from '../paths.js';
import { countDynamic, countFindings, type FileResult, type Finding, type LintResults } from '../results.js';
import { columnsOf, DEFAULT_WIDTH, wrapIndented } from '../text/columns.js';
import { plural } from '../text/plural.js';
import { escapeControl, inertLine } from '../text/safe-text.js';
import type { FormatContext, Formatter } from './types.js';

/** Narrower than this, a line holds too few words to read; lines are laid out for this width instead. */
const NARROWEST = 40;
/** Continuation lines of a finding (its message, when it does not fit beside the rule id) start here. */
const INDENT = '  ';
const SEPARATOR = '  ';
/**
 * The characters of findings gathered into one piece of the report before it is handed on: each piece is a system
 * call to write it, and a piece per file made one per file with findings.
 */
const PIECE_LENGTH = 64 * 1024;
/** `warning`, the longer severity: severities are padded to it so that rule ids line up. */
const SEVERITY_WIDTH = 7;

type Paint = InstanceType<typeof import('chalk').Chalk>;

/** chalk, required when there is something to print: a clean run prints nothing and loads none of it. */
function painter(color: boolean): Paint {
  const { Chalk } = createRequire(import.meta.url)('chalk') as typeof import('chalk');
  return new Chalk({ level: color ? 1 : 0 });
}

/**
 * Spec §7 `pretty`, laid out to fit the terminal (issue 13). Each finding starts with `path:line:column` (so
 * terminals and editors make it a link), its severity and rule id; the message follows on the same line when the
 * whole fits, else on the lines below, wrapped at word boundaries with a hanging indent. Within a file the columns
 * line up when they fit; files are separated by a blank line; then the summary line. Widths are terminal columns
 * (wide and combining characters counted as displayed); no line is padded past the width, and only a word wider
 * than the whole line (a long path) makes a line longer. Nothing is printed when clean (unless verbose), except a
 * note of the annotations computed at run time, so that a run never looks fully checked when it is not.
 */
export const formatPretty: Formatter = (results, context) => [...prettyReport(results, context)].join('');

/**
 * The same report in pieces of whole files' findings: the CLI writes each as it comes, so that a run over
 * 100,000 files need not hold its whole report (some 30 million characters, and more again in the pieces of a
 * string built by concatenation). A report file and a synchronous standard output (a file, a pipe on Linux) take
 * each piece at once; where standard output is asynchronous, Node queues them.
 */
export function* prettyReport(results: LintResults, { cwd, color, verbose, width }: FormatContext): Generator<string, void, undefined> {
  const { errors, warnings } = countFindings(results.files);
  const dynamic = countDynamic(results.files);
  const fixable = results.files.filter((file) => file.output !== undefined).length;
  if (errors + warnings + dynamic + fixable === 0 && !verbose) return;
  const paint = painter(color);
  const columns = Math.max(width ?? DEFAULT_WIDTH, NARROWEST);
  const unchecked =
    dynamic > 0 ? `${paint.blue('ℹ')} ${plural(dynamic, 'annotation')} computed at run time ${dynamic === 1 ? 'was' : 'were'} not checked\n` : '';
  const notWritten =
    fixable > 0 ? `${paint.blue('ℹ')} --fix-dry-run: ${plural(fixable, 'file')} would be fixed (not written); the json format carries the fixed text as "output"\n` : '';
  if (errors + warnings === 0) {
    yield (verbose ? `${paint.green('✔')} ${plural(results.filesLinted, 'file')} linted, no problems\n` : '') + unchecked + notWritten;
    return;
  }

  let piece = '';
  for (const file of results.files) {
    if (file.findings.length === 0) continue;
    piece += `\n${fileLines(file, cwd, columns, paint)
      .map((line) => `${inertLine(line)}\n`)
      .join('')}`;
    if (piece.length < PIECE_LENGTH) continue;
    yield piece;
    piece = '';
  }
  const total = errors + warnings;
  const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  yield `${piece}\n${errors > 0 ? paint.red.bold(summary) : paint.yellow.bold(summary)}\n${unchecked}${notWritten}`;
}

/** The lines of one file's findings. */
function fileLines(file: FileResult, cwd: string, columns: number, paint: Paint): string[] {
  const path = escapeControl(displayPath(file.path, cwd));
  const places = file.findings.map((finding) => `${path}:${finding.line}:${finding.column}`);
  // The path is the same in every place: measuring it once keeps a file of many findings linear.
  const pathColumns = columnsOf(path);
  const placeWidth = pathColumns + widest(file.findings.map((finding) => `:${finding.line}:${finding.column}`));
  const ruleWidth = widest(file.findings.map((finding) => finding.ruleId));
  const headWidth = placeWidth + SEPARATOR.length + SEVERITY_WIDTH + SEPARATOR.length + ruleWidth;
  // Aligned columns when place, severity and rule id fit on one line; else each head is as short as it can be.
  const aligned = headWidth <= columns;

  const lines: string[] = [];
  file.findings.forEach((finding, index) => {
    const place = places[index]!;
    const severity = severityLabel(finding, paint);
    const message = escapeControl(finding.message);
    if (aligned) {
      const head = `${place}${' '.repeat(placeWidth - (pathColumns + place.length - path.length))}${SEPARATOR}${severity}${SEPARATOR}`;
      if (headWidth + SEPARATOR.length + columnsOf(message) <= columns) {
        lines.push(`${head}${paint.dim(finding.ruleId.padEnd(ruleWidth))}${SEPARATOR}${message}`);
        return;
      }
      lines.push(`${head}${paint.dim(finding.ruleId)}`);
    } else {
      const rest = `${severity}${SEPARATOR}${paint.dim(finding.ruleId)}`;
      const fits = columnsOf(place) + SEPARATOR.length + SEVERITY_WIDTH + SEPARATOR.length + finding.ruleId.length <= columns;
      if (fits) lines.push(`${place}${SEPARATOR}${rest}`);
      else lines.push(place, `${INDENT}${rest}`);
    }
    lines.push(...wrapIndented(message, columns, INDENT));
  });
  return lines;
}

/** The severity word in its colour, padded (outside the colour) to the width of the longer one. */
function severityLabel(finding: Finding, paint: Paint): string {
  return finding.severity === 'error' ? `${paint.red('error')}  ` : paint.yellow('warning');
}

/** The width of the widest of these ASCII texts, 0 for none; no spread, which fails on very many findings. */
function widest(texts: readonly string[]): number {
  let width = 0;
  for (const text of texts) width = Math.max(width, text.length);
  return width;
}
