import { hasEmptyMacro, hasUnreadableMacro, missing, misspelling, type Rule } from '../src/rule.js';

export const rule: Rule = {
  id: 'AXAG-LINT-001',
  name: 'missing-intent',
  severity: 'error',
  strictSeverity: 'error',
  description: 'Every action element declares what it does with a non-empty axag-intent.',
  docs: {
    what:
      'Reports an action element (an element with AXAG attributes beyond context and parameter keys) that is not a ' +
      'fragment of an enclosing action and has no non-empty `axag-intent`, its own or from its `axag` macro. An element ' +
      'whose macro cannot be read is left to `axag/macro-syntax`. When the element carries a misspelling of ' +
      'the attribute (`axag-intnet`, see `axag/unknown-attribute`), the message names it.',
    why:
      'The intent is the name under which agents call the action. Without it the element cannot be listed in the ' +
      'Semantic Manifest, matched against it or invoked.',
    failing: '<button axag-entity="cart" axag-action-type="write" axag-risk-level="low">Add to cart</button>',
    passing: '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low">Add to cart</button>',
  },
  defaultOptions: {},
  check({ model }) {
    return model.actions
      .filter((action) => !action.open && !hasUnreadableMacro(action) && !action.effective.has('axag-intent'))
      .map((action) => {
        const typo = misspelling(action, 'axag-intent');
        return missing(
          action,
          hasEmptyMacro(action)
            ? `<${action.element.tag}> has an empty axag attribute and no axag-intent; write the macro, e.g. axag="write:cart.add_item", or add axag-intent="entity.action"`
            : `<${action.element.tag}> has AXAG attributes but no axag-intent; ${typo ?? 'add axag-intent="entity.action" naming what it does'}`,
        );
      });
  },
};
