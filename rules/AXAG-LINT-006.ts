import { actionLabel, missing, type Rule } from '../src/rule.js';

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
      '`axag-confirmation-required` is not exactly `true`: missing, empty and `false` all count.',
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
      const risk = action.effective.get('axag-risk-level')?.attribute.value?.trim();
      if (action.open || risk === undefined || !HIGH_RISK.has(risk)) return [];
      const confirmation = action.effective.get('axag-confirmation-required')?.attribute.value;
      if (confirmation === null || confirmation?.trim() === 'true') return [];
      const seen = confirmation === undefined ? 'is missing' : `is "${confirmation.trim()}"`;
      return [
        missing(
          action,
          `${actionLabel(action)} has axag-risk-level "${risk}" but axag-confirmation-required ${seen}; set axag-confirmation-required="true"`,
        ),
      ];
    });
  },
};
