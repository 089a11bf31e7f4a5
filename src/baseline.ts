import type { FileResult, Finding } from './results.js';
import { RULES_BY_ID } from '../rules/index.js';
import { FatalError, located } from './errors.js';
import { parseStructured, readRequiredFile, type DataPath } from './structured/document.js';
import { isRecord } from './is-record.js';

/**
 * A baseline records the findings a project accepts for now, so that only new
 * ones are reported: per repository-relative path, each rule and element
 * fingerprint with how many copies were recorded. Lines are not recorded, so
 * moving code does not revive a finding; a copy beyond the count is new.
 *
 * Version 2 records fingerprints that leave the message out, so that a rewording
 * in a new version of axag revives nothing. A version 1 baseline (axag 0.1, whose
 * fingerprints hashed the message) is still read: its entries are matched by the
 * findings' version 1 fingerprints. `--update-baseline` writes version 2; entries
 * it keeps for files not linted in that run stay version 1, marked so.
 */
export interface Baseline {
  version: 2;
  files: Record<string, BaselineEntry[]>;
}

export interface BaselineEntry {
  ruleId: string;
  fingerprint: string;
  count: number;
  /** For the reader of the file only: what the finding said when it was recorded. */
  message: string;
  /** 1 for an entry carried over from a version 1 baseline; absent for version 2. */
  fingerprintVersion?: 1;
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
  if (!isRecord(data)) return fail([], 'expected an object with "version": 2 and "files"');
  if (data.version !== 1 && data.version !== 2) fail(['version'], '"version" must be 2 (or 1, from axag 0.1)');
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
      if (entry.fingerprintVersion !== undefined && entry.fingerprintVersion !== 1) {
        fail([...at, 'fingerprintVersion'], '"fingerprintVersion" must be 1 when present');
      }
    });
  }
  if (data.version === 2) return data as unknown as Baseline;
  // Version 1: every entry has a fingerprint of version 1.
  const files = data.files as Record<string, BaselineEntry[]>;
  return { version: 2, files: Object.fromEntries(Object.entries(files).map(([file, entries]) => [file, entries.map((entry) => ({ ...entry, fingerprintVersion: 1 as const }))])) };
}

/** The fingerprint a baseline entry is matched by: version 1 entries by the finding's version 1 fingerprint. */
const entryKey = (entry: BaselineEntry) => `${entry.ruleId}\0${entry.fingerprintVersion ?? 2}\0${entry.fingerprint}`;
const findingKeys = (finding: Finding) => [
  `${finding.ruleId}\0${2}\0${finding.fingerprint}`,
  ...(finding.legacyFingerprint === undefined ? [] : [`${finding.ruleId}\0${1}\0${finding.legacyFingerprint}`]),
];


/** Only rule findings are baselined: a syntax error or a bad directive is not a state to accept. */
const baselinable = (ruleId: string) => RULES_BY_ID.has(ruleId);

/** Drops the findings the baseline records; returns how many recorded findings did not occur (stale). */
export function applyBaseline(files: FileResult[], baseline: Baseline, pathOf: (file: FileResult) => string): { stale: number } {
  let stale = 0;
  for (const file of files) {
    const entries = baseline.files[pathOf(file)];
    if (!entries) continue;
    const remaining = new Map<string, number>();
    for (const entry of entries) remaining.set(entryKey(entry), (remaining.get(entryKey(entry)) ?? 0) + entry.count);
    file.findings = file.findings.filter((finding) => {
      if (!baselinable(finding.ruleId)) return true;
      const key = findingKeys(finding).find((candidate) => (remaining.get(candidate) ?? 0) > 0);
      if (key === undefined) return true;
      remaining.set(key, remaining.get(key)! - 1);
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
    const entries = new Map<string, BaselineEntry>();
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
  return { version: 2, files: sorted };
}

/** What `--update-baseline` wrote: findings and files recorded, and the copies added and removed since `previous`. */
export interface BaselineChanges {
  findings: number;
  files: number;
  /** Undefined when there was no baseline, or when it was of version 1 (its fingerprints cannot be compared). */
  added?: number;
  removed?: number;
}

export function baselineChanges(previous: Baseline | undefined, next: Baseline): BaselineChanges {
  const counts = (baseline: Baseline) => {
    const map = new Map<string, number>();
    for (const [file, entries] of Object.entries(baseline.files)) {
      for (const entry of entries) map.set(`${file}\0${entryKey(entry)}`, (map.get(`${file}\0${entryKey(entry)}`) ?? 0) + entry.count);
    }
    return map;
  };
  const now = counts(next);
  let findings = 0;
  for (const count of now.values()) findings += count;
  const changes: BaselineChanges = { findings, files: Object.keys(next.files).length };
  const comparable = previous && !Object.values(previous.files).some((entries) => entries.some((entry) => entry.fingerprintVersion === 1));
  if (!comparable) return changes;
  const before = counts(previous);
  let added = 0;
  let removed = 0;
  for (const [key, count] of now) added += Math.max(0, count - (before.get(key) ?? 0));
  for (const [key, count] of before) removed += Math.max(0, count - (now.get(key) ?? 0));
  return { ...changes, added, removed };
}
