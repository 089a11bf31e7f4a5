import type { Finding, TextEdit } from '../results.js';
import { PARSE_ERROR_RULE } from './lint-document.js';

/** At most this many passes of fixing and re-linting (spec §10): fixes that keep making fixes stop here. */
export const MAX_FIX_PASSES = 10;

/**
 * Applies the findings' fixes to `text`, ESLint's way: in order of position, each fix whole or not at all, and a
 * fix that overlaps or touches one already applied waits for the next pass (its finding may be gone by then).
 * Pure. Returns the new text and how many fixes went in.
 */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const fixes = findings
    .flatMap((finding) => (finding.fix && finding.fix.edits.length > 0 ? [finding.fix.edits] : []))
    .map((edits) => ({ edits, start: edits[0]!.start, end: Math.max(...edits.map((edit) => edit.end)) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: TextEdit[] = [];
  let applied = 0;
  let lastEnd = -1;
  for (const fix of fixes) {
    if (fix.start <= lastEnd || fix.end > text.length) continue;
    chosen.push(...fix.edits);
    lastEnd = fix.end;
    applied++;
  }
  let result = '';
  let at = 0;
  for (const edit of chosen) {
    result += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return { text: result + text.slice(at), applied };
}

/** What re-linting a text of the same file finds. */
export type Relint = (text: string) => Promise<readonly Finding[]>;

/**
 * Fixes a file's text until no fix is left or changes it (at most MAX_FIX_PASSES passes), re-linting after each
 * pass. A pass whose text no longer parses (more `axag/parse-error` findings than before) is dropped, and fixing
 * stops there: a fix must never break a file. Returns the fixed text, the same text when nothing changed.
 */
export async function fixText(text: string, findings: readonly Finding[], relint: Relint): Promise<string> {
  const parseErrors = (list: readonly Finding[]) => list.filter((finding) => finding.ruleId === PARSE_ERROR_RULE).length;
  const allowed = parseErrors(findings);
  let current = text;
  let currentFindings = findings;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const next = applyFixes(current, currentFindings);
    if (next.applied === 0 || next.text === current) break;
    const after = await relint(next.text);
    if (parseErrors(after) > allowed) break;
    current = next.text;
    currentFindings = after;
  }
  return current;
}
