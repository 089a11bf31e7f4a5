import { resolveRuleReference } from '../../rules/index.js';
import { ALL_CHECKS } from '../engine/checks.js';
import { FatalError } from '../errors.js';
import { closest } from '../text/suggest.js';
import type { Io } from './io.js';

/** `axag rules`: the table of checks; `axag rules <id>`: one check's documentation. */
export function runRules(id: string | undefined, io: Io): number {
  if (id === undefined) {
    const rows = ALL_CHECKS.map((check) => [check.id, check.name, check.severity, check.description]);
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length), ['ID', 'NAME', 'SEVERITY'][column]!.length));
    const line = (row: string[]) => `${row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ')}\n`;
    io.stdout.write(line(['ID', 'NAME', 'SEVERITY', 'DESCRIPTION']) + rows.map(line).join(''));
    return 0;
  }
  const direct = ALL_CHECKS.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase() || candidate.name === id);
  // The other AXAG linter's number for one of our checks (spec §5) leads to that check.
  const alias = direct ? undefined : resolveRuleReference(id.toUpperCase());
  const check = direct ?? (alias?.kind === 'rule' ? ALL_CHECKS.find((candidate) => candidate.id === alias.id) : undefined);
  if (!check) {
    const byName = closest(id, ALL_CHECKS.map((candidate) => candidate.name), 3);
    const meant = byName ?? closest(id, ALL_CHECKS.map((candidate) => candidate.id), 3);
    throw new FatalError(`unknown rule "${id}"${meant ? `; did you mean ${meant}?` : ''} (axag rules lists them all)`);
  }
  const { what, why, failing, passing } = check.docs;
  const indent = (code: string) => code.replace(/^/gm, '    ');
  if (!direct) io.stdout.write(`${id.toUpperCase()} is the number another AXAG linter gives ${check.id}.\n\n`);
  io.stdout.write(
    `${check.id}  ${check.name}  (default: ${check.severity})\n\n${check.description}\n\n${what}\n\nWhy: ${why}\n\n` +
      `Failing:\n${indent(failing)}\n\nPassing:\n${indent(passing)}\n`,
  );
  return 0;
}
