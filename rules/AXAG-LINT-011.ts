import { SCOPES } from '../src/vocabulary.js';
import { addToMacro, choices, setAttribute } from '../src/fixes.js';
import type { Action, EffectiveAttribute } from '../src/engine/element-model.js';
import { actionLabel, inherited, missing, named, usesMacro, type Rule } from '../src/rule.js';
import { quote } from '../src/text/suggest.js';

export interface Options {
  /** Treat approval-gated actions (T4) as tenant-sensitive too. */
  approvalIsRoleBased: boolean;
}

const TENANT_ATTRIBUTES = ['axag-tenant-boundary', 'axag-tenant-context', 'axag-tenant-id', 'axag-cross-tenant'];
const ROLE_ATTRIBUTES = ['axag-required-roles', 'axag-role-escalation'];
const TENANT_NAMESPACES = new Set(['admin', 'tenant', 'organization', 'org']);
const TENANT_ENTITIES = new Set(['tenant', 'organization', 'org']);

export const rule: Rule<Options> = {
  id: 'AXAG-LINT-011',
  name: 'scope-for-tenant-sensitive',
  severity: 'warning',
  strictSeverity: 'error',
  description: 'A tenant-sensitive action has an axag-scope, its own or inherited.',
  docs: {
    what:
      'Reports a tenant-sensitive action with no `axag-scope` of its own or from an enclosing element. An action is ' +
      'tenant-sensitive when its effective annotation has a tenant attribute (`axag-tenant-boundary`, ' +
      '`axag-tenant-context`, `axag-tenant-id`, `axag-cross-tenant`), a role attribute (`axag-required-roles`, ' +
      '`axag-role-escalation`), an intent in the `admin`, `tenant`, `organization` or `org` namespace, or the entity ' +
      '`tenant`, `organization`, `org` or `tenant_*`. With the option `approvalIsRoleBased: true`, an action that ' +
      'requires approval or lists approval roles is tenant-sensitive as well. On an element written with the `axag` ' +
      'macro, the fix is `scope=…` in the macro (or `axag-scope` on an enclosing element).',
    why:
      'Whether an action touches one user, a team or a whole tenant decides who may ask an agent to run it. In a ' +
      'multi-tenant application an unscoped admin action is an authorisation question left open.',
    failing:
      '<button axag-intent="org.invite_member" axag-entity="member" axag-action-type="write" axag-risk-level="low" axag-idempotent="false">Invite</button>',
    passing:
      '<section axag-scope="tenant">\n' +
      '  <button axag-intent="org.invite_member" axag-entity="member" axag-action-type="write" axag-risk-level="low" axag-idempotent="false">Invite</button>\n' +
      '</section>',
  },
  optionsSchema: {
    type: 'object',
    properties: { approvalIsRoleBased: { type: 'boolean' } },
    additionalProperties: false,
  },
  defaultOptions: { approvalIsRoleBased: false },
  check({ model, options }) {
    return model.actions.flatMap((action) => {
      if (action.open || action.effective.has('axag-scope')) return [];
      const tenant = tenantSignal(action, options);
      if (!tenant) return [];
      const { signal, source } = tenant;
      const fix = usesMacro(action)
        ? 'add "scope=…" to the axag macro (e.g. "scope=tenant"), or axag-scope on an enclosing element'
        : 'add axag-scope (e.g. "tenant") here or on an enclosing element';
      // Spec §10: which scope the action has, only its author knows: one suggestion per scope.
      const macro = usesMacro(action) ? action.element.macro : undefined;
      const suggestions = choices(SCOPES, (scope) =>
        macro
          ? [`Add "scope=${scope}" to the axag macro`, addToMacro(macro, `scope=${scope}`)]
          : [`Add axag-scope="${scope}"`, setAttribute(action.element, 'axag-scope', scope)],
      );
      return [{ ...missing(action, `${actionLabel(action)} is tenant-sensitive (${signal}) but has no axag-scope; ${fix}`), suggestions, ...inherited(action, [source]) }];
    });
  },
};

/** Why the action is tenant-sensitive (spec §2, T1–T4), and where that is written; undefined if it is not. */
function tenantSignal({ effective }: Action, options: Options): { signal: string; source: EffectiveAttribute } | undefined {
  const attribute = [...TENANT_ATTRIBUTES, ...ROLE_ATTRIBUTES].map((name) => effective.get(name)).find(Boolean);
  if (attribute) return { signal: named(attribute.attribute), source: attribute };
  const intent = effective.get('axag-intent');
  const namespace = intent?.attribute.value?.trim().split('.')[0];
  if (intent && namespace !== undefined && TENANT_NAMESPACES.has(namespace)) return { signal: `intent namespace "${namespace}"`, source: intent };
  const entitySource = effective.get('axag-entity');
  const entity = entitySource?.attribute.value?.trim();
  if (entitySource && entity !== undefined && (TENANT_ENTITIES.has(entity) || entity.startsWith('tenant_'))) {
    return { signal: `entity ${quote(entity)}`, source: entitySource };
  }
  if (options.approvalIsRoleBased) {
    const approval = effective.get('axag-approval-required');
    if (approval?.attribute.value?.trim() === 'true') return { signal: named(approval.attribute), source: approval };
    const roles = effective.get('axag-approval-roles');
    if (roles) return { signal: named(roles.attribute), source: roles };
  }
  return undefined;
}
