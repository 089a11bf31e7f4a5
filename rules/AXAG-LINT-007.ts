import { addToMacro, choices, macroToken, setAttribute } from '../src/fixes.js';
import { quote } from '../src/text/suggest.js';
import { actionLabel, inherited, missing, usesMacro, type Rule } from '../src/rule.js';
import { WRITE_CLASS } from '../src/vocabulary.js';

export const rule: Rule = {
  id: 'AXAG-LINT-007',
  name: 'idempotent-declared',
  severity: 'warning',
  strictSeverity: 'error',
  description: 'A write-class or delete action declares axag-idempotent.',
  docs: {
    what:
      'Reports an action whose effective `axag-action-type` is `write` or `delete` (or `create` or `mutate`, which AXAG ' +
      '1.1 dropped but which still count as writes) and whose ' +
      'effective annotation has no `axag-idempotent` (an empty value counts as none). On an element written with the ' +
      '`axag` macro, the fix is `idempotent` or `idempotent=false` in the macro.',
    why:
      'An agent whose request timed out must know whether it may safely try again. `axag-idempotent="true"` says a ' +
      'repeat does no further harm; `"false"` says it might (a second order, a second payment).',
    failing: '<button axag-intent="order.place" axag-entity="order" axag-action-type="write" axag-risk-level="low">Place order</button>',
    passing:
      '<button axag-intent="order.place" axag-entity="order" axag-action-type="write" axag-risk-level="low" axag-idempotent="false">Place order</button>',
  },
  defaultOptions: {},
  check({ model }) {
    return model.actions.flatMap((action) => {
      const typeSource = action.effective.get('axag-action-type');
      const type = typeSource?.attribute.value?.trim();
      if (action.open || type === undefined || !(WRITE_CLASS.has(type) || type === 'delete')) return [];
      if (action.effective.has('axag-idempotent')) return [];
      const message = usesMacro(action)
        ? `${actionLabel(action)} is a "${type}" action but does not say whether it is idempotent; add "idempotent" or "idempotent=false" to the axag macro`
        : `${actionLabel(action)} has axag-action-type "${type}" but does not declare axag-idempotent; add axag-idempotent="true" or "false"`;
      // Spec §10: whether it is idempotent, only its author knows: both are suggested.
      const macro = usesMacro(action) ? action.element.macro : undefined;
      const suggestions = choices(['true', 'false'], (value) =>
        macro
          ? [`Add ${quote(macroToken('idempotent', value))} to the axag macro`, addToMacro(macro, macroToken('idempotent', value))]
          : [`Add axag-idempotent="${value}"`, setAttribute(action.element, 'axag-idempotent', value)],
      );
      return [{ ...missing(action, message), suggestions, ...inherited(action, [typeSource]) }];
    });
  },
};
