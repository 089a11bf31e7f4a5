import { replaceValue } from '../src/fixes.js';
import { fixOf, type Rule } from '../src/rule.js';
import { quote } from '../src/text/suggest.js';
import { INTENT_PATTERN, normalizedIntent } from '../src/vocabulary.js';

export const rule: Rule = {
  id: 'axag/intent-format',
  name: 'intent-format',
  severity: 'error',
  strictSeverity: 'error',
  description: 'A static axag-intent is entity.action in lower-case letters and _.',
  docs: {
    what:
      'Reports a static `axag-intent` whose trimmed value does not match `^[a-z_]+\\.[a-z_]+$`: an entity and an ' +
      'action of lower-case letters and `_`, joined by one dot. It suggests the intent written that way when there is ' +
      'one: camelCase and PascalCase split into words, `-` and spaces as `_`, all lower-case (`Cart.AddItem` → ' +
      '`cart.add_item`, `navigation.goto-about-us` → `navigation.goto_about_us`). An empty intent is ' +
      'AXAG-LINT-001\'s; a computed one is not checked; an intent in the `axag` macro is `axag/macro-syntax`\'s.',
    why:
      'Tool generators turn the intent into a function name and match it against the Semantic Manifest character for ' +
      'character. `Cart.AddItem` and `cart.add_item` are two different actions to them, so the page and the manifest ' +
      'silently disagree.',
    failing:
      '<button axag-intent="Wishlist.AddItem" axag-entity="wishlist" axag-action-type="write" axag-risk-level="low" axag-idempotent="true">Save</button>',
    passing:
      '<button axag-intent="wishlist.add_item" axag-entity="wishlist" axag-action-type="write" axag-risk-level="low" axag-idempotent="true">Save</button>',
  },
  defaultOptions: {},
  check({ model }) {
    return model.elements.flatMap(({ element, own }) => {
      const attribute = own.get('axag-intent');
      // The macro's intent is read by the macro, which reports a bad one itself.
      if (!attribute || attribute.value === null || attribute.macroKey !== undefined) return [];
      const value = attribute.value.trim();
      if (value === '' || INTENT_PATTERN.test(value)) return [];
      const suggestion = normalizedIntent(value);
      const fix = suggestion ? `did you mean "${suggestion}"?` : 'write it as entity.action, e.g. "cart.add_item"';
      const message = `axag-intent ${quote(value)} is not of the form entity.action (lower-case letters and _, one dot); ${fix}`;
      return [{ message, range: attribute.valueRange, element, ...(suggestion && { suggestion, ...fixOf(replaceValue(attribute, suggestion)) }) }];
    });
  },
};
