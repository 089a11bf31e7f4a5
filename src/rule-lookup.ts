import { resolveRuleReference, type RuleReference } from '../rules/index.js';
import { ALL_CHECKS, type CheckInfo } from './engine/checks.js';

/** What a rule reference a person typed stands for: `axag rules <id>` and the language server's rule pages read it alike. */
export interface CheckLookup {
  /** The reference as read: `7` and `007` become AXAG-LINT-007. */
  written: string;
  check: CheckInfo | undefined;
  /** False when `check` was found through the other AXAG linter's number for it. */
  direct: boolean;
  reference: RuleReference | undefined;
}

/** Finds a check by id, name (in any case) or the other AXAG linter's number (spec §5). */
export function lookUpCheck(id: string): CheckLookup {
  // `7` and `007` are AXAG-LINT-007; ids and names are read in any case here, as a person types them.
  const written = /^\d+$/.test(id) ? `AXAG-LINT-${id.replace(/^0+(?=\d)/, '').padStart(3, '0')}` : id;
  const lower = written.toLowerCase();
  const direct = ALL_CHECKS.find((candidate) => candidate.id.toLowerCase() === lower || candidate.name === lower);
  if (direct) return { written, check: direct, direct: true, reference: undefined };
  // Otherwise the other AXAG linter's number for one of our checks, resolved as everywhere else.
  const reference = resolveRuleReference(written.toUpperCase());
  const check = reference.kind === 'rule' ? ALL_CHECKS.find((candidate) => candidate.id === reference.id) : undefined;
  return { written, check, direct: false, reference };
}
