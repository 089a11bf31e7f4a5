import { choices, setAttribute } from '../src/fixes.js';
import { actionLabel, hasEmptyMacro, hasUnreadableMacro, missing, misspelling, type Rule } from '../src/rule.js';

export const rule: Rule = {
  id: 'AXAG-LINT-003',
  name: 'missing-action-type',
  severity: 'error',
  strictSeverity: 'error',
  description: 'Every action declares axag-action-type, on the element or on one of its fragments.',
  docs: {
    what:
      'Reports an action with no `axag-action-type` of its own (written, or from its `axag` macro) or from one of its ' +
      'fragments. The action type is never inherited from enclosing elements. When the element carries a misspelling ' +
      'of the attribute (`axag-type`, `axag-action_type`, see `axag/unknown-attribute`), the message names it.',
    why:
      'Agents decide whether an action is safe to try from its type: a `read` can be retried freely, a `delete` needs ' +
      'care. Without a type an agent must assume the worst or guess.',
    failing: '<button axag-intent="order.cancel" axag-entity="order" axag-risk-level="low" axag-idempotent="true">Cancel order</button>',
    passing: '<button axag-intent="order.cancel" axag-entity="order" axag-action-type="write" axag-risk-level="low" axag-idempotent="true">Cancel order</button>',
  },
  defaultOptions: {},
  check({ model, actionTypes }) {
    return model.actions
      .filter((action) => !action.open && !hasUnreadableMacro(action) && !action.effective.has('axag-action-type'))
      .map((action) => {
        const typo = misspelling(action, 'axag-action-type');
        const report = missing(
          action,
          hasEmptyMacro(action)
            ? `${actionLabel(action)} has an empty axag attribute and no axag-action-type; write the macro, e.g. axag="write:cart.add_item", or add axag-action-type (one of ${actionTypes.join(', ')})`
            : `${actionLabel(action)} has no axag-action-type; ${typo ?? `add one of ${actionTypes.join(', ')}`}`,
        );
        if (typo !== undefined) return report;
        // Spec §10: which type the action is, only its author knows: one suggestion per type.
        return { ...report, suggestions: choices(actionTypes, (type) => [`Add axag-action-type="${type}"`, setAttribute(action.element, 'axag-action-type', type)]) };
      });
  },
};
