import { invalidEnumValues, type Rule } from '../src/rule.js';
import { SCOPE_SYNONYMS, SCOPES } from '../src/vocabulary.js';

/** How a scope a team adds must look: lower-case words joined by `_`, as the standard's own. */
export const SCOPE_WORD = '^[a-z]+(_[a-z]+)*$';

export interface Options {
  /** The scopes this project accepts: AXAG 1.1's four by default; a team may restrict or extend them. */
  allowed: string[];
}

export const rule: Rule<Options> = {
  id: 'axag/scope-value',
  name: 'scope-value',
  severity: 'warning',
  strictSeverity: 'error',
  description: 'axag-scope is one of the allowed scopes (by default public, user, tenant, global).',
  docs: {
    what:
      'Reports an `axag-scope` whose trimmed value is not an allowed scope: by default AXAG 1.1\'s `public`, `user`, ' +
      '`tenant` and `global` (case-sensitive; an empty value is invalid). The option `allowed` restricts the set or ' +
      'extends it with a team\'s own lower-case scopes. The finding suggests the scope meant: the same word in another ' +
      'case, the scope a word seen in the wild stands for (`catalog`, `anonymous`, `guest` → `public`; `customer`, ' +
      '`session`, `personal` → `user`; `organization`, `org`, `workspace`, `company` → `tenant`; `platform`, `all` → ' +
      '`global`), or the closest. A scope in the `axag` macro outside the four is `axag/macro-syntax`\'s; one the ' +
      'option leaves out is reported here, in the macro\'s terms.',
    why:
      'AXAG 1.1 made the scope a closed set so that agents know whose data an action touches. A scope they do not ' +
      'know (`organization`) tells them nothing, and an agent acting for one tenant may act on another\'s data.',
    failing:
      '<section axag-scope="organization">\n' +
      '  <button axag-intent="member.invite" axag-entity="member" axag-action-type="write" axag-risk-level="medium" axag-idempotent="false">Invite</button>\n' +
      '</section>',
    passing:
      '<section axag-scope="tenant">\n' +
      '  <button axag-intent="member.invite" axag-entity="member" axag-action-type="write" axag-risk-level="medium" axag-idempotent="false">Invite</button>\n' +
      '</section>',
  },
  optionsSchema: {
    type: 'object',
    properties: {
      allowed: { type: 'array', items: { type: 'string', pattern: SCOPE_WORD }, minItems: 1, uniqueItems: true },
    },
    additionalProperties: false,
  },
  defaultOptions: { allowed: [...SCOPES] },
  check({ model, options }) {
    return invalidEnumValues(model, 'axag-scope', options.allowed, { synonyms: SCOPE_SYNONYMS });
  },
};
