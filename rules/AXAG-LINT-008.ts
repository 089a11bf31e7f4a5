import type { Rule } from '../src/rule.js';
import { parseStringArray } from '../src/text/json-value.js';
import { quote } from '../src/text/suggest.js';

export const rule: Rule = {
  id: 'AXAG-LINT-008',
  name: 'parameter-overlap',
  severity: 'error',
  strictSeverity: 'error',
  description: 'No parameter is both required and optional.',
  docs: {
    what:
      'Reports each name that appears in both `axag-required-parameters` and `axag-optional-parameters` of the same ' +
      'element, once per shared name, at the optional list.',
    why:
      'A parameter is either needed or not. Listed as both, tool generators produce contradictory schemas and ' +
      'agents do not know whether they may leave it out.',
    failing:
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write"\n' +
      '        axag-required-parameters=\'["product_id","quantity"]\' axag-optional-parameters=\'["quantity"]\'>Add</button>',
    passing:
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write"\n' +
      '        axag-required-parameters=\'["product_id"]\' axag-optional-parameters=\'["quantity"]\'>Add</button>',
  },
  defaultOptions: {},
  check({ model }) {
    return model.elements.flatMap(({ element, own }) => {
      const requiredAttribute = own.get('axag-required-parameters');
      const optionalAttribute = own.get('axag-optional-parameters');
      const required = parseStringArray(requiredAttribute?.value);
      const optional = parseStringArray(optionalAttribute?.value);
      if (!required || !optional) return [];
      const shared = [...new Set(optional)].filter((name) => required.includes(name));
      return shared.map((name) => ({
        message: `Parameter ${quote(name)} is both required and optional; remove it from axag-optional-parameters or from axag-required-parameters`,
        range: optionalAttribute!.valueRange,
        element,
      }));
    });
  },
};
