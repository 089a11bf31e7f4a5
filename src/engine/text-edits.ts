import type { RangeEdit, RangeSuggestion } from '../fixes.js';
import type { Position } from '../model.js';
import type { Fix, SuggestedFix, TextEdit } from '../results.js';
import type { LineIndex } from '../text/line-index.js';

/**
 * A rule's edits as offsets into the document's text, sorted; undefined when they overlap or point outside the
 * text (a position that does not exist there), so that a broken fix is never offered.
 */
export function textEdits(edits: readonly RangeEdit[], lines: LineIndex, text: string): TextEdit[] | undefined {
  const converted: TextEdit[] = [];
  for (const { range, text: replacement } of edits) {
    const start = offsetOf(range, lines, text);
    const end = offsetOf({ line: range.endLine, column: range.endColumn }, lines, text);
    if (start === undefined || end === undefined || end < start) return undefined;
    converted.push({ start, end, text: replacement });
  }
  converted.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < converted.length; i++) if (converted[i]!.start < converted[i - 1]!.end) return undefined;
  return converted;
}

export function toFix(edits: readonly RangeEdit[] | undefined, lines: LineIndex, text: string): Fix | undefined {
  const converted = edits && edits.length > 0 ? textEdits(edits, lines, text) : undefined;
  return converted && { edits: converted };
}

export function toSuggestions(suggestions: readonly RangeSuggestion[] | undefined, lines: LineIndex, text: string): SuggestedFix[] | undefined {
  const converted = (suggestions ?? []).flatMap(({ label, edits }) => {
    const offsets = textEdits(edits, lines, text);
    return offsets && offsets.length > 0 ? [{ label, edits: offsets }] : [];
  });
  return converted.length > 0 ? converted : undefined;
}

/** The offset of a 1-based line and UTF-16 column; undefined past the line's end (the line break is not part of it). */
function offsetOf({ line, column }: Position, lines: LineIndex, text: string): number | undefined {
  const lineStart = lines.lineStart(line);
  const offset = lineStart + column - 1;
  if (column < 1 || offset > text.length) return undefined;
  const lineText = text.slice(lineStart, lines.lineStart(line + 1));
  const length = lineText.replace(/\r?\n$|\r$/, '').length;
  return column - 1 <= length ? offset : undefined;
}
