import { invalidEnumValues, type Rule } from '../src/rule.js';
import { RISK_LEVEL_SYNONYMS, RISK_LEVELS } from '../src/vocabulary.js';

export const rule: Rule = {
  id: 'AXAG-LINT-005',
  name: 'invalid-risk-level',
  severity: 'error',
  strictSeverity: 'error',
  description: 'axag-risk-level is one of none, low, medium, high, critical.',
  docs: {
    what:
      'Reports an `axag-risk-level` whose trimmed value is not `none`, `low`, `medium`, `high` or `critical` ' +
      '(case-sensitive). An empty value is invalid. The finding suggests the level meant: the same word in another ' +
      'case, the level a common word stands for (`extreme` → `critical`, `moderate` → `medium`), or the closest.',
    why:
      'Agents use the risk level to decide whether to ask a person before acting. A level they do not recognise ' +
      'gives them nothing to decide on.',
    failing: '<button axag-intent="account.delete" axag-entity="account" axag-action-type="delete" axag-risk-level="severe"\n        axag-confirmation-required="true" axag-idempotent="true">Delete</button>',
    passing: '<button axag-intent="account.delete" axag-entity="account" axag-action-type="delete" axag-risk-level="critical"\n        axag-confirmation-required="true" axag-idempotent="true">Delete</button>',
  },
  defaultOptions: {},
  check({ model }) {
    return invalidEnumValues(model, 'axag-risk-level', RISK_LEVELS, { synonyms: RISK_LEVEL_SYNONYMS });
  },
};
