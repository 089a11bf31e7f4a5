import type { FileResult } from './results.js';
import { RULES_BY_ID } from '../rules/index.js';
import { FatalError, located } from './errors.js';
import { parseStructured, readRequiredFile, type DataPath } from './structured/document.js';

/**
 * A baseline records the findings a project accepts for now, so that only new
 * ones are reported: per repository-relative path, each rule and element
 * fingerprint with how many copies were recorded. Lines are not recorded, so
 * moving code does not revive a finding; a copy beyond the count is new.
 */
export interface Baseline {
  version: 1;
  files: Record<string, { ruleId: string; fingerprint: string; count: number; message: string }[]>;
}

/**
 * Reads and checks a baseline file: every entry needs a string `ruleId` and `fingerprint` and a `count` that is a
 * whole number of at least 1 (a negative count would hide every copy of its finding). A problem is a FatalError
 * naming the file, line and column.
 */
export function loadBaseline(path: string, shownAs: string): Baseline {
  const document = parseStructured(readRequiredFile(path, shownAs, 'baseline', 'create it with --update-baseline'), 'json', path, shownAs);
  const fail = (at: DataPath, problem: string): never => {
    const position = document.locate(at);
    throw new FatalError(`${located(shownAs, position)}: not an axag baseline: ${problem}; fix it, or delete the file and run with --update-baseline`, [
      { path, line: position.line, column: position.column },
    ]);
  };
  const data = document.data as Record<string, unknown> | null;
  if (!isRecord(data)) return fail([], 'expected an object with "version": 1 and "files"');
  if (data.version !== 1) fail(['version'], '"version" must be 1');
  if (!isRecord(data.files)) return fail(['files'], '"files" must be an object of paths to lists of entries');
  for (const [file, entries] of Object.entries(data.files)) {
    if (!Array.isArray(entries)) fail(['files', file], `the entries of "${file}" must be a list`);
    (entries as unknown[]).forEach((entry, index) => {
      const at: DataPath = ['files', file, index];
      if (!isRecord(entry)) return fail(at, 'an entry must be an object with ruleId, fingerprint and count');
      if (typeof entry.ruleId !== 'string') fail([...at, 'ruleId'], '"ruleId" must be a string');
      if (typeof entry.fingerprint !== 'string') fail([...at, 'fingerprint'], '"fingerprint" must be a string');
      if (!Number.isInteger(entry.count) || (entry.count as number) < 1) {
        fail([...at, 'count'], `"count" must be a whole number of at least 1, not ${JSON.stringify(entry.count)}`);
      }
    });
  }
  return data as unknown as Baseline;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only rule findings are baselined: a syntax error or a bad directive is not a state to accept. */
const baselinable = (ruleId: string) => RULES_BY_ID.has(ruleId);

/** Drops the findings the baseline records; returns how many recorded findings did not occur (stale). */
export function applyBaseline(files: FileResult[], baseline: Baseline, pathOf: (file: FileResult) => string): { stale: number } {
  let stale = 0;
  for (const file of files) {
    const entries = baseline.files[pathOf(file)];
    if (!entries) continue;
    const remaining = new Map(entries.map((entry) => [`${entry.ruleId}\0${entry.fingerprint}`, entry.count]));
    file.findings = file.findings.filter((finding) => {
      const key = `${finding.ruleId}\0${finding.fingerprint}`;
      const left = remaining.get(key) ?? 0;
      if (left === 0 || !baselinable(finding.ruleId)) return true;
      remaining.set(key, left - 1);
      return false;
    });
    for (const left of remaining.values()) stale += left;
  }
  return { stale };
}

/** The baseline of these results, keeping what an earlier baseline recorded for files not linted now. */
export function recordBaseline(files: readonly FileResult[], previous: Baseline | undefined, pathOf: (file: FileResult) => string): Baseline {
  const recorded: Baseline['files'] = { ...(previous?.files ?? {}) };
  for (const file of files) {
    const path = pathOf(file);
    const entries = new Map<string, Baseline['files'][string][number]>();
    for (const finding of file.findings) {
      if (!baselinable(finding.ruleId)) continue;
      const key = `${finding.ruleId}\0${finding.fingerprint}`;
      const entry = entries.get(key);
      if (entry) entry.count++;
      else entries.set(key, { ruleId: finding.ruleId, fingerprint: finding.fingerprint, count: 1, message: finding.message });
    }
    if (entries.size > 0) recorded[path] = [...entries.values()];
    else delete recorded[path];
  }
  const sorted = Object.fromEntries(Object.entries(recorded).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { version: 1, files: sorted };
}
