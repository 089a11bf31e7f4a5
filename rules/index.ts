import type { Rule } from '../src/rule.js';
import { closest } from '../src/text/suggest.js';
import { rule as rule001 } from './AXAG-LINT-001.js';
import { rule as rule002 } from './AXAG-LINT-002.js';
import { rule as rule003 } from './AXAG-LINT-003.js';
import { rule as rule004 } from './AXAG-LINT-004.js';
import { rule as rule005 } from './AXAG-LINT-005.js';
import { rule as rule006 } from './AXAG-LINT-006.js';
import { rule as rule007 } from './AXAG-LINT-007.js';
import { rule as rule008 } from './AXAG-LINT-008.js';
import { rule as rule009 } from './AXAG-LINT-009.js';
import { rule as rule010 } from './AXAG-LINT-010.js';
import { rule as rule011 } from './AXAG-LINT-011.js';
import { rule as rule012 } from './AXAG-LINT-012.js';
import { rule as parameterObject } from './parameter-object.js';

/** Every rule: the twelve in id order, then the namespaced checks. Options types differ per rule; the engine passes each its own. */
export const RULES: readonly Rule<any>[] = [
  rule001, rule002, rule003, rule004, rule005, rule006,
  rule007, rule008, rule009, rule010, rule011, rule012,
  parameterObject,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule<any>> = new Map(RULES.map((rule) => [rule.id, rule]));

const NUMBERED = RULES.filter((rule) => rule.id.startsWith('AXAG-LINT-'));

/** What to tell a user who named a rule axag does not have: the rule meant, or where the ids are listed. */
export function unknownRuleHint(reference: string): string {
  // Rule numbers are not typos of each other: only suggest for a name-like slip ("axag-lint-7", "axag/macro-syntx").
  const near = /^AXAG-LINT-\d+$/.test(reference) ? undefined : closest(reference, RULES_BY_ID.keys(), 3);
  return near
    ? `did you mean "${near}"?`
    : `rule ids are ${NUMBERED[0]!.id} … ${NUMBERED.at(-1)!.id} and the axag/… checks that axag rules lists`;
}
