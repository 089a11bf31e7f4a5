import { invalidEnumValues, type Rule } from '../src/rule.js';
import { ACTION_TYPE_SYNONYMS, ACTION_TYPES, DEPRECATED_ACTION_TYPES } from '../src/vocabulary.js';

export interface Options {
  /** The action types this project accepts: AXAG 1.1's four by default; a team may restrict or extend them. */
  allowed: string[];
}

/** How an action type a team adds must look: a lower-case word, as every value of the standard's enums. */
export const ACTION_TYPE_WORD = '^[a-z][a-z_]*$';

export const rule: Rule<Options> = {
  id: 'AXAG-LINT-004',
  name: 'invalid-action-type',
  severity: 'error',
  strictSeverity: 'error',
  description: 'axag-action-type is one of the allowed action types.',
  docs: {
    what:
      'Reports an `axag-action-type` whose trimmed value is not an allowed action type: by default AXAG 1.1\'s `read`, ' +
      '`write`, `delete` or `navigate` (values are case-sensitive). `create` and `mutate`, which AXAG 1.1 dropped, are ' +
      'left to `axag/deprecated-value`. The option `allowed` restricts the set (`["read", "navigate"]` for a read-only ' +
      'site) or extends it with a team\'s own lower-case types. An empty value is invalid. When a valid value is close ' +
      '(a case or spelling slip), or a word people use for one (`update` → `write`, `remove` → `delete`), the finding ' +
      'suggests it.',
    why:
      'Agents and tool generators switch on the action type to decide how carefully to treat an action; an unknown ' +
      'type is treated as unknown risk.',
    failing: '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="Write" axag-risk-level="low" axag-idempotent="false">Add</button>',
    passing: '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="false">Add</button>',
  },
  optionsSchema: {
    type: 'object',
    properties: {
      allowed: { type: 'array', items: { type: 'string', pattern: ACTION_TYPE_WORD }, minItems: 1, uniqueItems: true },
    },
    additionalProperties: false,
  },
  defaultOptions: { allowed: [...ACTION_TYPES] },
  check({ model, options }) {
    return invalidEnumValues(model, 'axag-action-type', options.allowed, { synonyms: ACTION_TYPE_SYNONYMS, leftToOthers: DEPRECATED_ACTION_TYPES });
  },
};
