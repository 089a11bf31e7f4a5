import { ALL_CHECKS, type CheckInfo } from '../engine/checks.js';
import { FatalError } from '../errors.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { lookUpCheck } from '../rule-lookup.js';
import { closestKeepingNumbers } from '../text/suggest.js';
import type { Io } from './io.js';

/** `axag rules`: the table of checks; `axag rules <id>`: one check's documentation. */
export function runRules(id: string | undefined, io: Io): number {
  if (id === undefined) {
    io.stdout.write(rulesTable());
    return 0;
  }
  const { written, check, direct, reference } = lookUpCheck(id);
  if (!check) {
    if (reference?.kind === 'ignored') throw new FatalError(`${reference.reason} (axag rules lists axag's checks)`);
    // Every check is documented, rules or not (axag/parse-error): matched among all their ids and names, a
    // number only as the same number.
    const near = closestKeepingNumbers(written, ALL_CHECKS.flatMap((candidate) => [candidate.id, candidate.name]), 3);
    const hint = near ? `did you mean "${near}"?` : reference?.kind === 'unknown' ? reference.hint : 'axag rules lists them all';
    throw new FatalError(`unknown rule "${id}"; ${hint}`);
  }
  const { what, why, failing, passing } = check.docs;
  const indent = (code: string) => code.replace(/^/gm, '    ');
  if (!direct) io.stdout.write(`${written.toUpperCase()} is the number another AXAG linter gives ${check.id}.\n\n`);
  io.stdout.write(
    `${check.id}  ${check.name}  (recommended: ${check.severity}, strict: ${check.strictSeverity})\n\n${check.description}\n\n${what}\n\nWhy: ${why}\n\n` +
      `Failing:\n${indent(failing)}\n\nPassing:\n${indent(passing)}\n\nMore: ${ruleDocsUrl(check.id)}\n`,
  );
  return 0;
}

/** The groups `axag rules` lists, in order: the standard's twelve, then the checks axag adds (spec §9). */
const GROUPS: { heading: string; checks: readonly CheckInfo[] }[] = [
  { heading: 'The AXAG standard\'s rules', checks: ALL_CHECKS.filter((check) => check.id.startsWith('AXAG-LINT-')) },
  { heading: 'axag\'s own checks', checks: ALL_CHECKS.filter((check) => !check.id.startsWith('AXAG-LINT-')) },
];

const HEADER = ['ID', 'NAME', 'RECOMMENDED', 'STRICT', 'DESCRIPTION'];

/** Every check, grouped under a heading each, with its severity in each preset; the columns line up across the groups. */
function rulesTable(): string {
  const row = (check: CheckInfo) => [check.id, check.name, check.severity, check.strictSeverity, check.description];
  const rows = ALL_CHECKS.map(row);
  const widths = HEADER.slice(0, -1).map((title, column) => Math.max(title.length, ...rows.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => `${cells.map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]!) : cell)).join('  ')}\n`;
  return GROUPS.map(({ heading, checks }) => `${heading}\n\n${line(HEADER)}${checks.map((check) => line(row(check))).join('')}`).join('\n');
}
