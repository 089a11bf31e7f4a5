import { replaceValue } from '../src/fixes.js';
import { fixOf, type Rule } from '../src/rule.js';
import { quote } from '../src/text/suggest.js';
import { DEPRECATED_ACTION_TYPES } from '../src/vocabulary.js';

export const rule: Rule = {
  id: 'axag/deprecated-value',
  name: 'deprecated-value',
  severity: 'warning',
  strictSeverity: 'error',
  description: 'axag-action-type does not use create or mutate, which AXAG 1.1 replaced with write.',
  docs: {
    what:
      'Reports an `axag-action-type` of `create` or `mutate`: AXAG 1.1 dropped both ("use `write` for both"). They ' +
      'still count as write-class actions for every other check, so an AXAG 1.0 page keeps its findings.',
    why:
      'Tools written for AXAG 1.1 know four action types; an agent built on them treats `create` as unknown, and so ' +
      'as a risk it cannot judge.',
    failing: '<button axag-intent="order.place" axag-entity="order" axag-action-type="create" axag-risk-level="low" axag-idempotent="false">Place order</button>',
    passing: '<button axag-intent="order.place" axag-entity="order" axag-action-type="write" axag-risk-level="low" axag-idempotent="false">Place order</button>',
  },
  defaultOptions: {},
  check({ model }) {
    return model.elements.flatMap(({ element, own }) => {
      const attribute = own.get('axag-action-type');
      const value = attribute?.value?.trim();
      const replacement = value === undefined ? undefined : DEPRECATED_ACTION_TYPES.get(value);
      if (!attribute || replacement === undefined) return [];
      return [
        {
          message: `axag-action-type ${quote(value!)} is deprecated: AXAG 1.1 merged create and mutate into "${replacement}"; use "${replacement}"`,
          range: attribute.valueRange,
          element,
          suggestion: replacement,
          ...fixOf(replaceValue(attribute, replacement)),
        },
      ];
    });
  },
};
