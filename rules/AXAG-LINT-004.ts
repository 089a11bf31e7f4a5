import { invalidEnumValues, type Rule } from '../src/rule.js';
import { ACTION_TYPES } from '../src/vocabulary.js';

export interface Options {
  /** The action types this project accepts; all six by default. */
  allowed: string[];
}

export const rule: Rule<Options> = {
  id: 'AXAG-LINT-004',
  name: 'invalid-action-type',
  severity: 'error',
  strictSeverity: 'error',
  description: 'axag-action-type is one of the allowed action types.',
  docs: {
    what:
      'Reports an `axag-action-type` whose trimmed value is not an allowed action type: by default `read`, `write`, ' +
      '`create`, `mutate`, `delete` or `navigate` (values are case-sensitive). The option `allowed` restricts the set, ' +
      'for example to the manifest schema\'s `["read", "write", "delete", "navigate"]`. An empty value is invalid. ' +
      'When a valid value is close (a case or spelling slip), the finding suggests it.',
    why:
      'Agents and tool generators switch on the action type to decide how carefully to treat an action; an unknown ' +
      'type is treated as unknown risk.',
    failing: '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="Write">Add</button>',
    passing: '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write">Add</button>',
  },
  optionsSchema: {
    type: 'object',
    properties: {
      allowed: { type: 'array', items: { enum: [...ACTION_TYPES] }, minItems: 1, uniqueItems: true },
    },
    additionalProperties: false,
  },
  defaultOptions: { allowed: [...ACTION_TYPES] },
  check({ model, options }) {
    return invalidEnumValues(model, 'axag-action-type', options.allowed);
  },
};
