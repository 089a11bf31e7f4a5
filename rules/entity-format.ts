import type { Rule } from '../src/rule.js';
import { quote } from '../src/text/suggest.js';
import { ENTITY_PATTERN, normalizedEntity } from '../src/vocabulary.js';

export const rule: Rule = {
  id: 'axag/entity-format',
  name: 'entity-format',
  severity: 'error',
  strictSeverity: 'error',
  description: 'A static axag-entity is one word of lower-case letters and _.',
  docs: {
    what:
      'Reports a static `axag-entity` whose trimmed value does not match `^[a-z_]+$`: lower-case letters and `_`, no ' +
      'dot, space or `-`. It suggests the entity written that way when there is one (`Shopping Cart` → ' +
      '`shopping_cart`, `LineItem` → `line_item`). An empty entity is AXAG-LINT-002\'s; a computed one is not checked. ' +
      'The entity the `axag` macro derives from its intent always has this form.',
    why:
      'The entity names the resource an action works on, and it is the part of the intent before the dot: tools group ' +
      'actions by it and compare it with the manifest\'s `entity`, character for character.',
    failing:
      '<button axag-intent="shopping_cart.clear" axag-entity="Shopping Cart" axag-action-type="delete" axag-risk-level="low" axag-idempotent="true">Clear</button>',
    passing:
      '<button axag-intent="shopping_cart.clear" axag-entity="shopping_cart" axag-action-type="delete" axag-risk-level="low" axag-idempotent="true">Clear</button>',
  },
  defaultOptions: {},
  check({ model }) {
    return model.elements.flatMap(({ element, own }) => {
      const attribute = own.get('axag-entity');
      if (!attribute || attribute.value === null || attribute.macroKey !== undefined) return [];
      const value = attribute.value.trim();
      if (value === '' || ENTITY_PATTERN.test(value)) return [];
      const suggestion = normalizedEntity(value);
      const fix = suggestion ? `did you mean "${suggestion}"?` : 'write one word such as "cart" or "line_item"';
      const message = `axag-entity ${quote(value)} is not one word of lower-case letters and _; ${fix}`;
      return [{ message, range: attribute.valueRange, element, ...(suggestion && { suggestion }) }];
    });
  },
};
