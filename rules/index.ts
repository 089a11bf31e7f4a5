import type { AnyRule } from '../src/rule.js';
import { closestKeepingNumbers } from '../src/text/suggest.js';
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
import { rule as attributeValue } from './attribute-value.js';
import { rule as booleanValue } from './boolean-value.js';
import { rule as deprecatedValue } from './deprecated-value.js';
import { rule as duplicateIntent } from './duplicate-intent.js';
import { rule as dynamicAnnotation } from './dynamic-annotation.js';
import { rule as entityFormat } from './entity-format.js';
import { rule as intentFormat } from './intent-format.js';
import { rule as macroConflict } from './macro-conflict.js';
import { rule as macroSyntax } from './macro-syntax.js';
import { rule as manifestDrift } from './manifest-drift.js';
import { rule as manifestUnused } from './manifest-unused.js';
import { rule as parameterObject } from './parameter-object.js';
import { rule as parameterType } from './parameter-type.js';
import { rule as paramsFrom } from './params-from.js';
import { rule as riskLevelRequired } from './risk-level-required.js';
import { rule as schemaRef } from './schema-ref.js';
import { rule as scopeValue } from './scope-value.js';
import { rule as tenantParameter } from './tenant-parameter.js';
import { rule as unknownAttribute } from './unknown-attribute.js';

/**
 * Every rule: the standard's twelve in id order, then axag's own checks in the order of spec §9.1.
 * Options types differ per rule; the engine passes each its own.
 */
export const RULES: readonly AnyRule[] = [
  rule001, rule002, rule003, rule004, rule005, rule006,
  rule007, rule008, rule009, rule010, rule011, rule012,
  macroSyntax, macroConflict, unknownAttribute, intentFormat, entityFormat, booleanValue, scopeValue,
  attributeValue, deprecatedValue, riskLevelRequired, parameterObject, parameterType, paramsFrom, schemaRef,
  duplicateIntent, manifestDrift, manifestUnused, dynamicAnnotation, tenantParameter,
];

export const RULES_BY_ID: ReadonlyMap<string, AnyRule> = new Map(RULES.map((rule) => [rule.id, rule]));

/** Rules by their kebab-case name (`idempotent-declared`, `unknown-attribute`), which every reference accepts. */
const RULES_BY_NAME: ReadonlyMap<string, AnyRule> = new Map(RULES.map((rule) => [rule.name, rule]));

const NUMBERED = RULES.filter((rule) => rule.id.startsWith('AXAG-LINT-'));

/**
 * The rule numbers of the other AXAG linter, the one the AXAG 1.1 docs describe (spec §5), beyond the twelve it
 * shares with axag: the check of axag each stands for, or null where axag has none. Configs copied from those docs
 * name them, so they must never stop a run.
 */
export const PEER_RULE_NUMBERS: Readonly<Record<string, string | null>> = {
  'AXAG-LINT-013': null,
  'AXAG-LINT-014': null,
  'AXAG-LINT-015': null,
  'AXAG-LINT-016': null,
  'AXAG-LINT-017': null,
  'AXAG-LINT-018': null,
  'AXAG-LINT-019': null,
  'AXAG-LINT-020': null,
  'AXAG-LINT-021': null,
  'AXAG-LINT-022': null,
  'AXAG-LINT-023': 'axag/risk-level-required',
  'AXAG-LINT-024': null,
  'AXAG-LINT-025': null,
  'AXAG-LINT-026': null,
  'AXAG-LINT-027': 'axag/macro-syntax',
  'AXAG-LINT-028': 'axag/macro-conflict',
  'AXAG-LINT-029': null,
  'AXAG-LINT-030': null,
  'AXAG-LINT-031': null,
  'AXAG-LINT-032': null,
  'AXAG-LINT-033': 'axag/dynamic-annotation',
  'AXAG-LINT-034': 'axag/intent-format',
  'AXAG-LINT-035': 'axag/entity-format',
  'AXAG-LINT-036': 'axag/tenant-parameter',
  'AXAG-LINT-037': null,
};

/** What a config, `--rule`, the library's `ruleOverrides`, an inline directive or `axag rules` names. */
export type RuleReference =
  /** A rule of axag, by its id, its name or an alias of it. */
  | { kind: 'rule'; id: string }
  /** A number of the other AXAG linter that axag has no check for: say `reason` (and that it is ignored), and go on. */
  | { kind: 'ignored'; reason: string }
  /** Not a rule anywhere: the caller's error, with `hint` saying what was meant. */
  | { kind: 'unknown'; hint: string };

/** Every reference that is not unknown: the ids of axag's rules, their names, then the other linter's numbers. */
export const RULE_REFERENCES: readonly string[] = [...RULES_BY_ID.keys(), ...RULES_BY_NAME.keys(), ...Object.keys(PEER_RULE_NUMBERS)];

/**
 * The one place that decides what a rule reference means (spec §5, issue 10): a rule's id or its name, or a number
 * of the other AXAG linter; every reader of rule references uses it. Findings always carry the id.
 */
export function resolveRuleReference(reference: string): RuleReference {
  if (RULES_BY_ID.has(reference)) return { kind: 'rule', id: reference };
  const named = RULES_BY_NAME.get(reference);
  if (named) return { kind: 'rule', id: named.id };
  if (Object.hasOwn(PEER_RULE_NUMBERS, reference)) {
    const target = PEER_RULE_NUMBERS[reference];
    // The alias applies once its target is a rule of this build; until then it is one more number to skip.
    if (target && RULES_BY_ID.has(target)) return { kind: 'rule', id: target };
    const reason = target
      ? `${reference} stands for ${target}, which this version of axag does not have`
      : `${reference} is not a check of axag`;
    return { kind: 'ignored', reason };
  }
  return { kind: 'unknown', hint: unknownRuleHint(reference) };
}

/** What to tell a user who named a rule axag does not have: the rule meant, or where the ids are listed. */
function unknownRuleHint(reference: string): string {
  const near = nearestRule(reference);
  if (near) return `did you mean "${near}"?`;
  const peer = samePeerNumber(reference);
  return `${peer ? `${peer} is not a check of axag; ` : ''}rule ids are ${NUMBERED[0]!.id} … ${NUMBERED.at(-1)!.id} and the axag/… checks that axag rules lists (each also by its name)`;
}

/** The other linter's number a reference writes another way (`AXAG-LINT-13` → `AXAG-LINT-013`), if it is one. */
function samePeerNumber(reference: string): string | undefined {
  const number = /^AXAG-LINT-0*(\d+)$/i.exec(reference)?.[1];
  const padded = number === undefined ? undefined : `AXAG-LINT-${number.padStart(3, '0')}`;
  return padded !== undefined && padded !== reference && Object.hasOwn(PEER_RULE_NUMBERS, padded) ? padded : undefined;
}

/**
 * The id or name closest to a reference that is neither, never with another number (rule numbers are not typos of
 * each other); `axag/missing-intent`, ESLint's plugin form, means the name.
 */
function nearestRule(reference: string): string | undefined {
  const references = [...RULES_BY_ID.keys(), ...RULES_BY_NAME.keys()];
  const bare = /^axag\/(.+)$/i.exec(reference)?.[1];
  return (
    closestKeepingNumbers(reference, references, 3) ??
    (bare === undefined ? undefined : RULES_BY_NAME.has(bare) ? bare : closestKeepingNumbers(bare, RULES_BY_NAME.keys(), 3))
  );
}
