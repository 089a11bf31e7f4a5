import { actionLabel, inherited, missing, usesMacro, type Rule } from '../src/rule.js';
import { parseJson } from '../src/text/json-value.js';

export const rule: Rule = {
  id: 'AXAG-LINT-012',
  name: 'approval-roles',
  severity: 'error',
  strictSeverity: 'error',
  description: 'An action that requires approval lists who may approve it in axag-approval-roles.',
  docs: {
    what:
      'Reports an action whose effective `axag-approval-required` is `true` and whose `axag-approval-roles` is ' +
      'missing, empty or an empty JSON array. A value that is not valid JSON is left to AXAG-LINT-009. On an element ' +
      'written with the `axag` macro, the fix is `roles=…` in the macro.',
    why:
      'An approval that nobody is allowed to give blocks the action forever, or invites an agent to ask anyone. ' +
      'The roles tell the agent whom to route the approval to.',
    failing:
      '<button axag-intent="refund.issue" axag-entity="refund" axag-action-type="write" axag-risk-level="low" axag-idempotent="false" axag-approval-required="true">Refund</button>',
    passing:
      '<button axag-intent="refund.issue" axag-entity="refund" axag-action-type="write" axag-risk-level="low" axag-idempotent="false" axag-approval-required="true"\n' +
      '        axag-approval-roles=\'["finance_manager"]\'>Refund</button>',
  },
  defaultOptions: {},
  check({ model }) {
    return model.actions.flatMap((action) => {
      const approval = action.effective.get('axag-approval-required');
      if (action.open || approval?.attribute.value?.trim() !== 'true') return [];
      const rolesSource = action.effective.get('axag-approval-roles');
      const roles = rolesSource?.attribute;
      if (roles?.value === null) return [];
      const parsed = roles ? parseJson(roles.value) : undefined;
      if (roles && (!parsed || !Array.isArray(parsed.value) || parsed.value.length > 0)) return [];
      const seen = roles ? 'is an empty list' : 'is missing';
      const message =
        !roles && usesMacro(action)
          ? `${actionLabel(action)} requires approval but names no approver roles; add "roles=…" to the axag macro, e.g. "roles=admin"`
          : `${actionLabel(action)} requires approval but axag-approval-roles ${seen}; list the approver roles, e.g. axag-approval-roles='["admin"]'`;
      return [{ ...missing(action, message), ...inherited(action, [approval, rolesSource]) }];
    });
  },
};
