/** The AXAG attribute vocabulary of spec §1.1–1.3. */

export const ACTION_TYPES = ['read', 'write', 'create', 'mutate', 'delete', 'navigate'] as const;
export const WRITE_CLASS = new Set(['write', 'create', 'mutate']);
export const RISK_LEVELS = ['none', 'low', 'medium', 'high', 'critical'] as const;

/** Inherited by descendants (spec §1.3). */
export function isContextKey(name: string): boolean {
  return CONTEXT_KEYS.has(name) || name.startsWith('axag-workflow-');
}
const CONTEXT_KEYS = new Set([
  'axag-scope',
  'axag-tenant-boundary',
  'axag-tenant-context',
  'axag-tenant-id',
  'axag-cross-tenant',
  'axag-required-roles',
  'axag-role-escalation',
  'axag-version',
]);

export function isParameterKey(name: string): boolean {
  return name === 'axag-parameter' || name.startsWith('axag-parameter-');
}

/** User extensions: never validated, never part of an element's identity. */
export function isExtension(name: string): boolean {
  return name.startsWith('axag-x-');
}

/** `parameter-list`: names or typed parameter objects (spec §8.2). */
export type JsonShape = 'string-array' | 'object' | 'parameter-list';

/** Attributes whose value is JSON, with the shape it must have (rule 009). */
export const JSON_ATTRIBUTES: ReadonlyMap<string, JsonShape> = new Map([
  ['axag-required-parameters', 'parameter-list'],
  ['axag-optional-parameters', 'parameter-list'],
  ['axag-preconditions', 'string-array'],
  ['axag-postconditions', 'string-array'],
  ['axag-side-effects', 'string-array'],
  ['axag-approval-roles', 'string-array'],
  ['axag-required-roles', 'string-array'],
  ['axag-parameter-enum', 'string-array'],
  ['axag-constraints', 'object'],
]);
