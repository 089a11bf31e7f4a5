import type { Action } from '../src/engine/element-model.js';
import { actionLabel, inherited, missing, usesMacro, type Rule } from '../src/rule.js';
import { RISK_LEVELS, WRITE_CLASS } from '../src/vocabulary.js';

const LEVELS = `${RISK_LEVELS.slice(0, -1).join(', ')} or ${RISK_LEVELS.at(-1)}`;

export const rule: Rule = {
  id: 'axag/risk-level-required',
  name: 'risk-level-required',
  severity: 'warning',
  strictSeverity: 'error',
  description: 'A write-class or delete action declares its axag-risk-level.',
  docs: {
    what:
      'Reports an action whose effective `axag-action-type` is `write` or `delete` (or the deprecated `create` and ' +
      '`mutate`) and whose effective annotation has no `axag-risk-level`: not its own, not a fragment\'s (such as the ' +
      'submit button of a form), and not `!level` in its `axag` macro. An empty value counts as none (AXAG-LINT-005 ' +
      'reports it as well); a level the macro could not read (`!High`) is left to `axag/macro-syntax`; a value computed ' +
      'at run time counts as given, and an element with a spread is not reported (the level may arrive with it). ' +
      'Reported at the action\'s tag, like the other missing-attribute findings. Read and navigate actions may go ' +
      'without one.',
    why:
      'The standard says a write or delete action MUST declare its risk level: it is what tells an agent whether it ' +
      'may act on its own or must ask a person first. Without it an agent has to guess how much harm the action can do.',
    failing:
      '<button axag-intent="cart.clear" axag-entity="cart" axag-action-type="delete" axag-idempotent="true">Empty cart</button>',
    passing:
      '<button axag-intent="cart.clear" axag-entity="cart" axag-action-type="delete" axag-risk-level="low" axag-idempotent="true">Empty cart</button>',
  },
  defaultOptions: {},
  check({ model }) {
    return model.actions.flatMap((action) => {
      const typeSource = action.effective.get('axag-action-type');
      const type = typeSource?.attribute.value?.trim();
      if (action.open || type === undefined || !(WRITE_CLASS.has(type) || type === 'delete')) return [];
      if (action.effective.has('axag-risk-level') || macroRiskUnread(action)) return [];
      const message = usesMacro(action)
        ? `${actionLabel(action)} is a "${type}" action but has no risk level, which write and delete actions must declare; add it after the intent in the axag macro, "${macroHead(action)}!<level>", with <level> one of ${LEVELS}`
        : `${actionLabel(action)} has axag-action-type "${type}" but no axag-risk-level, which write and delete actions must declare; add axag-risk-level (${LEVELS})`;
      return [{ ...missing(action, message), ...inherited(action, [typeSource]) }];
    });
  },
};

/** The macro has a "!" in its head that gave no risk level: `axag/macro-syntax` reports that token, and it is the whole story. */
function macroRiskUnread(action: Action): boolean {
  const macro = action.element.macro;
  if (macro?.form !== 'static' || !macro.applied) return false;
  return (macro.attribute.value ?? '').split('?')[0]!.includes('!') && !macro.fields.some((field) => field.key === '!');
}

/** The head of the action's macro as written, `type:intent`. */
function macroHead(action: Action): string {
  const fields = action.element.macro?.fields ?? [];
  const value = (key: string) => fields.find((field) => field.key === key)?.value;
  return `${value('type')}:${value('intent')}`;
}
