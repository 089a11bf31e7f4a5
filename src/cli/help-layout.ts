import { Help } from 'commander';
import { wrapAfter } from '../text/columns.js';

/**
 * Descriptions start after at most this many columns of option terms: the longest term
 * (`--report-unused-disable-directives-severity <level>`) would otherwise push every description so far right
 * that commander stops wrapping them, and at 80 columns each line of help ran past the edge.
 */
const TERM_COLUMN = 28;
/** Descriptions keep at least this many columns, on narrow terminals too (the term column gives way). */
const DESCRIPTION_COLUMNS = 30;
/** Help is laid out for at least this width: narrower, a line holds too few words to read. */
const NARROWEST = 40;

/**
 * commander's help fitted to `width` columns: a term longer than the term column stands on its own line, its
 * description below it in the description column, and descriptions wrap down to narrow widths.
 */
export function helpLayout(width: number): Partial<Help> {
  const helpWidth = Math.max(width, NARROWEST);
  const termColumn = Math.max(8, Math.min(TERM_COLUMN, helpWidth - 4 - DESCRIPTION_COLUMNS));
  return {
    helpWidth,
    minWidthToWrap: 20,
    padWidth(this: Help, command, helper) {
      return Math.min(termColumn, Help.prototype.padWidth.call(this, command, helper));
    },
    formatItem(this: Help, term, termWidth, description, helper) {
      if (!description || helper.displayWidth(term) <= termWidth) return Help.prototype.formatItem.call(this, term, termWidth, description, helper);
      return `  ${term}\n${Help.prototype.formatItem.call(this, '', termWidth, description, helper)}`;
    },
  };
}

/** Lines of `label  text` items (exit codes), each text wrapped under itself. */
export function helpItems(heading: string, items: readonly [label: string, text: string][], width: number): string {
  const lines = items.flatMap(([label, text]) => wrapAfter(`  ${label}  `, text, width));
  return `\n${heading}\n${lines.join('\n')}`;
}
