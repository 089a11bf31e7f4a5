import { adviseOnName, isKnownAttribute } from '../src/attribute-names.js';
import { renameAttribute } from '../src/fixes.js';
import { fixOf, type Rule } from '../src/rule.js';

export const rule: Rule = {
  id: 'axag/unknown-attribute',
  name: 'unknown-attribute',
  severity: 'warning',
  strictSeverity: 'error',
  description: 'Every axag-* attribute is one of the AXAG vocabulary (axag-x-* extensions excepted).',
  docs: {
    what:
      'Reports an attribute whose name starts with `axag-` but is not in the AXAG vocabulary (the standard\'s ' +
      'attributes, the legacy `axag-tenant-context` and `axag-cross-tenant`, the names known but not checked, and the ' +
      'macro `axag`), at the name. User extensions `axag-x-*` are never reported. The message says what was meant: ' +
      'the usual wrong names first (`axag-required-params` → `axag-required-parameters`, `axag-confirm` → ' +
      '`axag-confirmation-required`, `axag-risk` → `axag-risk-level`, `axag-type` → `axag-action-type`, `axag-macro` → ' +
      '`axag`, `axag-undo-supported` → an `axag-x-…` extension), then the same name in another case or with `_` ' +
      'for `-`, then the closest name within two edits (`axag-intnet` → `axag-intent`). An attribute whose value ' +
      'is computed at run time is reported too: its name is written in the source. Names are compared as the source ' +
      'keeps them: HTML, Vue and Svelte lower-case them, JSX does not (`axag-Intent` is not `axag-intent` there).',
    why:
      'A misspelt attribute is silently dropped by every tool that reads annotations: `axag-required-params` on a ' +
      'button means the agent never learns the parameters, and `axag-confirm` means it never asks before acting.',
    failing:
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low"\n' +
      '        axag-idempotent="false" axag-required-params=\'["product_id"]\'>Add to cart</button>',
    passing:
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low"\n' +
      '        axag-idempotent="false" axag-required-parameters=\'["product_id"]\'>Add to cart</button>',
  },
  defaultOptions: {},
  check({ model }) {
    return model.elements.flatMap(({ element }) =>
      element.attributes
        .filter((attribute) => attribute.macroKey === undefined && !isKnownAttribute(attribute.name))
        .map((attribute) => {
          const advice = adviseOnName(attribute.name);
          return {
            message: `Unknown AXAG attribute ${attribute.name}; ${advice.text}`,
            range: attribute.nameRange,
            element,
            ...(advice.meant.length === 1 && { suggestion: advice.meant[0], ...fixOf(renameAttribute(element, attribute, advice.meant[0]!)) }),
          };
        }),
    );
  },
};
