import { addToMacro, replaceValue, setAttribute, type RangeSuggestion } from '../src/fixes.js';
import type { Action } from '../src/engine/element-model.js';
import type { AxagAttribute } from '../src/model.js';
import { quote } from '../src/text/suggest.js';
import { actionLabel, inherited, macroText, missing, usesMacro, written, type Rule } from '../src/rule.js';

const HIGH_RISK = new Set(['high', 'critical']);

export const rule: Rule = {
  id: 'AXAG-LINT-006',
  name: 'confirmation-for-high-risk',
  severity: 'warning',
  strictSeverity: 'error',
  description: 'A high or critical risk action sets axag-confirmation-required="true".',
  docs: {
    what:
      'Reports an action whose effective `axag-risk-level` is `high` or `critical` while its effective ' +
      '`axag-confirmation-required` is not exactly `true`: missing, empty and `false` all count. On an element written ' +
      'with the `axag` macro (`!critical`), the fix is `confirm` in the macro.',
    why:
      'The standard requires that agents obtain a person\'s confirmation before a high-risk action. The attribute is ' +
      'how the page tells them; without it an agent may delete an account on a guess.',
    failing:
      '<button axag-intent="account.delete" axag-entity="account" axag-action-type="delete" axag-risk-level="critical">Delete account</button>',
    passing:
      '<button axag-intent="account.delete" axag-entity="account" axag-action-type="delete" axag-risk-level="critical"\n' +
      '        axag-confirmation-required="true">Delete account</button>',
  },
  defaultOptions: {},
  check({ model }) {
    return model.actions.flatMap((action) => {
      const riskSource = action.effective.get('axag-risk-level');
      const risk = riskSource?.attribute;
      const level = risk?.value?.trim();
      if (action.open || !risk || level === undefined || !HIGH_RISK.has(level)) return [];
      const confirmationSource = action.effective.get('axag-confirmation-required');
      const confirmation = confirmationSource?.attribute;
      if (confirmation?.value === null || confirmation?.value?.trim() === 'true') return [];
      const problem = confirmationProblem(confirmation, usesMacro(action), risk.macroKey !== undefined);
      const report = { ...missing(action, `${actionLabel(action)} has ${written(risk)} but ${problem}`), ...inherited(action, [riskSource, confirmationSource]) };
      // Spec §10: a suggestion, not a fix: a lower risk level may be what the author meant.
      const suggestion = confirm(action, confirmation);
      return [suggestion ? { ...report, suggestions: [suggestion] } : report];
    });
  },
};

/** What is wrong with the confirmation and how to fix it, in the form the author used; the macro is named once. */
function confirmationProblem(confirmation: AxagAttribute | undefined, macro: boolean, riskInMacro: boolean): string {
  if (confirmation?.macroKey !== undefined) {
    return `${riskInMacro ? macroText(confirmation) : written(confirmation)}; change it to "confirm"`;
  }
  if (confirmation) return `axag-confirmation-required is ${quote(confirmation.value!.trim())}; set axag-confirmation-required="true"`;
  return macro ? 'no confirmation; add "confirm" to the axag macro' : 'axag-confirmation-required is missing; set axag-confirmation-required="true"';
}

/** Requiring confirmation, where and as the author writes it: the macro's own key, the longhand, or a new one. */
function confirm(action: Action, confirmation: AxagAttribute | undefined): RangeSuggestion | undefined {
  if (confirmation) {
    const edits = replaceValue(confirmation, 'true');
    const label = confirmation.macroKey === undefined ? 'Set axag-confirmation-required="true"' : 'Change it to "confirm" in the axag macro';
    return edits && { label, edits };
  }
  const macro = action.element.macro;
  if (usesMacro(action) && macro) {
    const edits = addToMacro(macro, 'confirm');
    return edits && { label: 'Add "confirm" to the axag macro', edits };
  }
  const edits = setAttribute(action.element, 'axag-confirmation-required', 'true');
  return edits && { label: 'Add axag-confirmation-required="true"', edits };
}
