import { actionLabel, missing, type Rule } from '../src/rule.js';

export const rule: Rule = {
  id: 'AXAG-LINT-003',
  name: 'missing-action-type',
  severity: 'error',
  strictSeverity: 'error',
  description: 'Every action declares axag-action-type, on the element or on one of its fragments.',
  docs: {
    what:
      'Reports an action with no `axag-action-type` of its own or from one of its fragments. The action type is never ' +
      'inherited from enclosing elements.',
    why:
      'Agents decide whether an action is safe to try from its type: a `read` can be retried freely, a `delete` needs ' +
      'care. Without a type an agent must assume the worst or guess.',
    failing: '<button axag-intent="order.cancel" axag-entity="order">Cancel order</button>',
    passing: '<button axag-intent="order.cancel" axag-entity="order" axag-action-type="mutate">Cancel order</button>',
  },
  defaultOptions: {},
  check({ model, actionTypes }) {
    return model.actions
      .filter((action) => !action.open && !action.effective.has('axag-action-type'))
      .map((action) =>
        missing(action, `${actionLabel(action)} has no axag-action-type; add one of ${actionTypes.join(', ')}`),
      );
  },
};
