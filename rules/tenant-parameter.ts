import type { Action } from '../src/engine/element-model.js';
import { parameterNames, PARAMETER_LIST_ATTRIBUTES } from '../src/parameter-list.js';
import type { AxagAttribute } from '../src/model.js';
import { actionLabel, named, setIn, written, type Report, type Rule } from '../src/rule.js';
import { quote } from '../src/text/suggest.js';

/** Parameters that choose the tenant (spec §9.1), compared without case, `-` and `_` (`tenantId`, `ORG-ID`). */
const TENANT_PARAMETERS = new Set(['tenantid', 'orgid', 'organizationid', 'workspaceid', 'accountid']);
/** Attributes that give an action a tenant boundary: AXAG 1.1's, and the legacy ones that name the tenant. */
const BOUNDARY_ATTRIBUTES = ['axag-tenant-boundary', 'axag-tenant-context', 'axag-tenant-id'];

export const rule: Rule = {
  id: 'axag/tenant-parameter',
  name: 'tenant-parameter',
  severity: 'off',
  strictSeverity: 'error',
  description: 'A tenant-scoped action does not let the agent choose the tenant through a parameter.',
  docs: {
    what:
      'Reports a tenant-scoped action that declares `tenant_id`, `org_id`, `organization_id`, `workspace_id` or ' +
      '`account_id` (in any case, with `-`, `_` or neither: `tenantId`) as a required or optional parameter, by name or ' +
      'as a typed parameter object, in the longhand lists or in the `req`/`opt` keys of the `axag` macro. An action is ' +
      'tenant-scoped when its effective annotation (its own, its fragments\', inherited from enclosing elements) has ' +
      '`axag-scope` `tenant`, or a tenant boundary: `axag-tenant-boundary` (`strict` or `relaxed`), or the legacy ' +
      '`axag-tenant-context` or `axag-tenant-id`. An action with `axag-cross-tenant="true"` is meant to act on other ' +
      'tenants and is left alone, as is one scoped `global`, `user` or `public` without a boundary. One finding per ' +
      'parameter, at the list. Off in the recommended preset, an error in strict.',
    why:
      'In a tenant-scoped action the tenant comes from the signed-in session, never from the caller. A parameter that ' +
      'names it invites an agent (or a prompt injected into it) to fill in another tenant, and a server that trusts ' +
      'the parameter leaks data across tenants.',
    failing:
      '<section axag-scope="tenant">\n' +
      '  <button axag-intent="project.archive" axag-entity="project" axag-action-type="write" axag-risk-level="medium"\n' +
      '          axag-idempotent="true" axag-required-parameters=\'["project_id","tenant_id"]\'>Archive</button>\n' +
      '</section>',
    passing:
      '<section axag-scope="tenant">\n' +
      '  <button axag-intent="project.archive" axag-entity="project" axag-action-type="write" axag-risk-level="medium"\n' +
      '          axag-idempotent="true" axag-required-parameters=\'["project_id"]\'>Archive</button>\n' +
      '</section>',
  },
  defaultOptions: {},
  check({ model, parameterItems }) {
    const reports: Report[] = [];
    for (const action of model.actions) {
      const scoped = tenantScope(action);
      if (!scoped) continue;
      for (const listName of PARAMETER_LIST_ATTRIBUTES) {
        const list = action.effective.get(listName);
        if (!list) continue;
        const { attribute, element } = list;
        const names = parameterNames(attribute.value, parameterItems) ?? [];
        const from = attribute.macroKey === undefined ? 'the list' : `"${attribute.macroKey}"`;
        for (const name of new Set(names.filter(choosesTenant))) {
          reports.push({
            message:
              `${actionLabel(action)} is tenant-scoped (${scoped}) but ${setIn(attribute)} lets the agent choose the tenant ` +
              `with ${quote(name)}; the server must take the tenant from the session: remove ${quote(name)} from ${from}`,
            range: attribute.valueRange,
            element,
          });
        }
      }
    }
    return reports;
  },
};

/** A parameter name that picks the tenant, however it is cased or joined. */
function choosesTenant(name: string): boolean {
  return TENANT_PARAMETERS.has(name.toLowerCase().replace(/[-_]/g, ''));
}

/** Why the action is tenant-scoped, as the author wrote it; undefined when it is not (or cannot be told). */
function tenantScope({ effective }: Action): string | undefined {
  const crossTenant = effective.get('axag-cross-tenant')?.attribute;
  // Crossing tenants is its purpose, or may be: a dynamic value could say so.
  if (crossTenant && crossTenant.value?.trim() !== 'false') return undefined;
  const scope = effective.get('axag-scope')?.attribute;
  if (scope?.value?.trim() === 'tenant') return written(scope);
  const boundary = BOUNDARY_ATTRIBUTES.map((name) => effective.get(name)?.attribute).find(Boolean);
  return boundary && shown(boundary);
}

/** An attribute and its value as written; a value computed at run time by the attribute's name alone. */
function shown(attribute: AxagAttribute): string {
  return attribute.value === null ? named(attribute) : written(attribute);
}
