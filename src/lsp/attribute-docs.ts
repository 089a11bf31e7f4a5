/** What each attribute of the vocabulary means and which values it takes (spec §1.1, §8), for hovers and completions. */
import { ACTION_TYPES, BOOLEAN_ATTRIBUTES, isContextKey, isExtension, JSON_ATTRIBUTES, PARAMETER_FORMATS, PARAMETER_TYPES, RISK_LEVELS, SCOPES, TENANT_BOUNDARIES } from '../vocabulary.js';

const MEANINGS: Record<string, string> = {
  axag: 'The AXAG 1.1 macro: `type:intent[!risk][?key=value&…]` in one attribute, expanded to the longhand attributes before any check.',
  'axag-intent': 'What the action does, as `entity.action` (lower case and `_`, e.g. `cart.add_item`): the key agents and the manifest know it by.',
  'axag-entity': 'The kind of thing the action works on (`cart`, `order`): lower case and `_`.',
  'axag-action-type': 'Whether the action reads, writes, deletes or navigates.',
  'axag-description': 'What the action does, in words, for the agent.',
  'axag-risk-level': 'How much harm a mistaken call can do; required for write and delete actions.',
  'axag-idempotent': 'Whether calling the action twice has the same effect as once (agents retry only idempotent actions).',
  'axag-required-parameters': 'The parameters the action needs: a JSON array of names or typed parameter objects.',
  'axag-optional-parameters': 'The parameters the action may take: a JSON array of names or typed parameter objects.',
  'axag-preconditions': 'What must hold before the action: a JSON array of strings.',
  'axag-postconditions': 'What holds after the action: a JSON array of strings.',
  'axag-side-effects': 'What else the action causes (an e-mail sent): a JSON array of strings.',
  'axag-confirmation-required': 'Whether the agent must ask the user before the action; must be `true` at high or critical risk.',
  'axag-approval-required': 'Whether someone must approve the action first; then `axag-approval-roles` says who.',
  'axag-approval-roles': 'Who may approve the action: a JSON array of role names.',
  'axag-approval-count': 'How many approvals the action needs: an integer of at least 1.',
  'axag-scope': 'Whose data the action touches; inherited by descendants.',
  'axag-tenant-boundary': 'Whether the action stays within one tenant; inherited by descendants.',
  'axag-tenant-context': 'The tenant the action runs in (legacy); inherited by descendants.',
  'axag-tenant-id': 'The tenant id the action runs in; inherited by descendants.',
  'axag-cross-tenant': 'Whether the action reaches across tenants (legacy); inherited by descendants.',
  'axag-role-escalation': 'Whether the action grants more rights; inherited by descendants.',
  'axag-required-roles': 'The roles a caller needs: a JSON array of role names; inherited by descendants.',
  'axag-async': 'Whether the action completes later rather than at once.',
  'axag-skip': 'Leaves this element and everything inside it out of every check.',
  'axag-schema': 'Binds the parameters to a schema: `zod:<file>[#<export>]` or `openapi:[<file>#]<operationId>`.',
  'axag-params-from': 'The form whose controls supply the parameters: `#<id>` of an element of this file.',
  'axag-constraints': 'Constraints on the action: a JSON object.',
  'axag-parameter': 'Marks a form control as the parameter of this name of the enclosing action.',
  'axag-parameter-type': "The parameter's type.",
  'axag-parameter-format': "The parameter's format.",
  'axag-parameter-enum': "The parameter's allowed values: a JSON array.",
};

/** Allowed values of the attributes that take a fixed set. */
export function allowedValues(name: string): readonly string[] | undefined {
  if ((BOOLEAN_ATTRIBUTES as readonly string[]).includes(name)) return ['true', 'false'];
  switch (name) {
    case 'axag-action-type':
      return ACTION_TYPES;
    case 'axag-risk-level':
      return RISK_LEVELS;
    case 'axag-scope':
      return SCOPES;
    case 'axag-tenant-boundary':
      return TENANT_BOUNDARIES;
    case 'axag-parameter-type':
      return PARAMETER_TYPES;
    case 'axag-parameter-format':
      return PARAMETER_FORMATS;
    default:
      return undefined;
  }
}

/** Markdown for an attribute: what it means, and what it takes. */
export function attributeDoc(name: string): string {
  if (isExtension(name)) return `**${name}**: an extension attribute of your own (\`axag-x-*\`): never validated.`;
  const meaning =
    MEANINGS[name] ??
    (name.startsWith('axag-workflow-')
      ? 'A step of a multi-step workflow; inherited by descendants.'
      : name.startsWith('axag-parameter-')
        ? 'A detail of the parameter this form control supplies.'
        : 'Part of the AXAG vocabulary; axag knows it but does not check its value.');
  const values = allowedValues(name);
  const shape = JSON_ATTRIBUTES.get(name);
  const takes = values
    ? `Values: ${values.map((value) => `\`${value}\``).join(', ')}.`
    : shape === 'parameter-list'
      ? 'Value: a JSON array, e.g. `["product_id",{"name":"quantity","type":"integer"}]`.'
      : shape === 'string-array'
        ? 'Value: a JSON array of strings, e.g. `["a","b"]`.'
        : shape === 'object'
          ? 'Value: a JSON object.'
          : undefined;
  const inherited = isContextKey(name) && !meaning.includes('inherited') ? ' Inherited by descendants.' : '';
  return [`**${name}**: ${meaning}${inherited}`, takes].filter(Boolean).join('\n\n');
}
