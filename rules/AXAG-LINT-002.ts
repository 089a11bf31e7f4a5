import { setAttribute } from '../src/fixes.js';
import { actionLabel, hasEmptyMacro, hasUnreadableMacro, missing, misspelling, fixOf, type Rule } from '../src/rule.js';

export const rule: Rule = {
  id: 'AXAG-LINT-002',
  name: 'missing-entity',
  severity: 'error',
  strictSeverity: 'error',
  description: 'Every action has an axag-entity, its own, from a fragment or from an enclosing entity container.',
  docs: {
    what:
      'Reports an action whose effective annotation has no `axag-entity`: not on the element or derived from its `axag` ' +
      'macro\'s intent, not on one of its ' +
      'fragments, and not on an enclosing entity container (a non-interactive element whose only identity attribute ' +
      'is `axag-entity`, such as a `<table>` or `<section>`). When the element carries a misspelling of the attribute ' +
      '(`axag-entiy`, see `axag/unknown-attribute`), the message names it.',
    why:
      'The entity says which kind of object the action works on. Agents group actions by entity and tool generators ' +
      'derive the types of their parameters from it.',
    failing: '<button axag-intent="cart.add_item" axag-action-type="write" axag-risk-level="low">Add to cart</button>',
    passing:
      '<section axag-entity="cart">\n  <button axag-intent="cart.add_item" axag-action-type="write" axag-risk-level="low">Add to cart</button>\n</section>',
  },
  defaultOptions: {},
  check({ model }) {
    return model.actions
      .filter((action) => !action.open && !hasUnreadableMacro(action) && !action.effective.has('axag-entity'))
      .map((action) => {
        const intent = action.effective.get('axag-intent')?.attribute.value;
        const namespace = intent?.trim().match(/^([a-z_]+)\./)?.[1];
        const example = namespace ?? 'entity';
        const typo = misspelling(action, 'axag-entity');
        const report = missing(
          action,
          hasEmptyMacro(action)
            ? `${actionLabel(action)} has an empty axag attribute and no axag-entity; write the macro, whose intent gives the entity, or add axag-entity="${example}"`
            : `${actionLabel(action)} has no axag-entity; ${typo ?? `add axag-entity="${example}" here or on an enclosing container`}`,
        );
        // Spec §10: the intent's namespace is the entity meant; a misspelt axag-entity is renamed by its own fix instead.
        return namespace !== undefined && typo === undefined ? { ...report, ...fixOf(setAttribute(action.element, 'axag-entity', namespace)) } : report;
      });
  },
};
