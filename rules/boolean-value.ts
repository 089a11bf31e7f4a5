import type { AxagAttribute, Range } from '../src/model.js';
import { replaceValue } from '../src/fixes.js';
import { fixOf, type Report, type Rule } from '../src/rule.js';
import { quote } from '../src/text/suggest.js';
import { BOOLEAN_ATTRIBUTES, BOOLEAN_WORDS } from '../src/vocabulary.js';

export const rule: Rule = {
  id: 'axag/boolean-value',
  name: 'boolean-value',
  severity: 'warning',
  strictSeverity: 'error',
  description: 'Boolean AXAG attributes are exactly "true" or "false".',
  docs: {
    what:
      'Reports a static value other than `true` or `false` (after trimming, lower-case) of `axag-idempotent`, ' +
      '`axag-confirmation-required`, `axag-approval-required`, `axag-async`, `axag-cross-tenant`, ' +
      '`axag-role-escalation`, `axag-deprecated`, `axag-visible`, `axag-operable`, `axag-parameter-required` and ' +
      '`axag-skip`. A bare or empty attribute suggests `"true"`; `True`, `yes`, `on` and `1` suggest `"true"`, `no`, ' +
      '`off` and `0` suggest `"false"`. The other rules read these values as before (AXAG-LINT-006 still wants ' +
      '`axag-confirmation-required` to be exactly `true`). In JSX a bare attribute is `true` already, and a boolean ' +
      'in the `axag` macro is checked by `axag/macro-syntax`.',
    why:
      'Agents and tool generators compare these values with the string `true`. `yes`, `1` or a bare attribute read as ' +
      'not true: the page says an action is idempotent or needs confirmation, and the agent hears the opposite.',
    failing:
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="yes">Add</button>',
    passing:
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="true">Add</button>',
  },
  defaultOptions: {},
  check({ model }) {
    return model.elements.flatMap(({ element, own }) =>
      BOOLEAN_ATTRIBUTES.flatMap((name): Report[] => {
        const attribute = own.get(name);
        if (!attribute || attribute.value === null) return [];
        const value = attribute.value.trim();
        if (value === 'true' || value === 'false') return [];
        const { message, suggestion } = problem(attribute, value);
        // Spec §10: only a bare attribute is fixed (to "true", what its author meant); other words are the author's to check.
        const fix = isBare(attribute) ? fixOf(replaceValue(attribute, 'true')) : {};
        return [{ message, range: attribute.valueRange, element, ...(suggestion && { suggestion }), ...fix }];
      }),
    );
  },
};

/** What is wrong with a boolean's value, in the words of the attribute as written, and the boolean meant. */
function problem(attribute: AxagAttribute, value: string): { message: string; suggestion?: string } {
  const { name } = attribute;
  if (value === '') {
    const how = isBare(attribute) ? 'is written without a value, which AXAG does not read as true' : 'is empty';
    return { message: `${name} ${how}; write ${name}="true" (or "false")`, suggestion: 'true' };
  }
  const meant = BOOLEAN_WORDS.get(value.toLowerCase());
  const expected = `${name} is ${quote(value)}, but AXAG booleans are exactly "true" or "false"`;
  return meant ? { message: `${expected}; did you mean "${meant}"?`, suggestion: meant } : { message: `${expected}; write one of them` };
}

/** A bare attribute has no value text: its value range is its name. */
function isBare(attribute: AxagAttribute): boolean {
  const same = (a: Range, b: Range) => a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
  return same(attribute.nameRange, attribute.valueRange);
}
