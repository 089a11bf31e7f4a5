/** The AXAG attribute vocabulary of spec §1.1–1.3, the synonyms of §9.3 that suggestions offer, and the vocabulary of typed parameter objects (§8.2). */
import type { AxagAttribute } from './model.js';

/** AXAG 1.1's action types (spec §1.2). */
export const ACTION_TYPES = ['read', 'write', 'delete', 'navigate'] as const;
/** Dropped by AXAG 1.1 ("use write for both"): still write-class, so 1.0 pages lint as before. */
export const DEPRECATED_ACTION_TYPES: ReadonlyMap<string, string> = new Map([
  ['create', 'write'],
  ['mutate', 'write'],
]);
export const WRITE_CLASS = new Set(['write', 'create', 'mutate']);
export const RISK_LEVELS = ['none', 'low', 'medium', 'high', 'critical'] as const;
export const SCOPES = ['public', 'user', 'tenant', 'global'] as const;
export const TENANT_BOUNDARIES = ['strict', 'relaxed'] as const;

export const INTENT_PATTERN = /^[a-z_]+\.[a-z_]+$/;
export const ENTITY_PATTERN = /^[a-z_]+$/;

/** Attributes whose value is the string `true` or `false` (spec §9.1, `axag/boolean-value`). */
export const BOOLEAN_ATTRIBUTES = [
  'axag-idempotent',
  'axag-confirmation-required',
  'axag-approval-required',
  'axag-async',
  'axag-cross-tenant',
  'axag-role-escalation',
  'axag-deprecated',
  'axag-visible',
  'axag-operable',
  'axag-parameter-required',
  'axag-skip',
] as const;

/** Words people write for a boolean, lower-case, to the boolean they mean. */
export const BOOLEAN_WORDS: ReadonlyMap<string, 'true' | 'false'> = new Map([
  ['true', 'true'],
  ['yes', 'true'],
  ['y', 'true'],
  ['on', 'true'],
  ['1', 'true'],
  ['false', 'false'],
  ['no', 'false'],
  ['n', 'false'],
  ['off', 'false'],
  ['0', 'false'],
]);

const synonyms = (groups: Record<string, string[]>): ReadonlyMap<string, string> =>
  new Map(Object.entries(groups).flatMap(([meant, words]) => words.map((word) => [word, meant] as const)));

/** Words people write for an action type (spec §9.3), lower-case, to the type they mean. */
export const ACTION_TYPE_SYNONYMS = synonyms({
  write: ['update', 'edit', 'modify', 'save', 'submit', 'post', 'put', 'patch', 'add', 'insert', 'upsert', 'set', 'execute', 'run', 'invoke', 'trigger', 'send'],
  delete: ['remove', 'destroy', 'del', 'erase', 'purge', 'drop'],
  read: ['get', 'list', 'search', 'view', 'query', 'fetch', 'find', 'show', 'export', 'download'],
  navigate: ['nav', 'navigation', 'link', 'goto', 'go', 'open', 'redirect'],
});

/** Words people write for a risk level (spec §9.3). */
export const RISK_LEVEL_SYNONYMS = synonyms({
  critical: ['extreme', 'severe', 'very_high', 'highest', 'dangerous', 'fatal'],
  high: ['major', 'elevated'],
  medium: ['moderate', 'med', 'normal'],
  low: ['minor', 'minimal'],
  none: ['zero', 'safe', 'no', 'null'],
});

/** Scopes seen in the wild (spec §9.1, `axag/scope-value`). */
export const SCOPE_SYNONYMS = synonyms({
  public: ['catalog', 'anonymous', 'guest'],
  user: ['customer', 'session', 'personal'],
  tenant: ['organization', 'org', 'workspace', 'company'],
  global: ['platform', 'all'],
});

/**
 * Every attribute name of the vocabulary (spec §1.1), legacy and "known, not checked" names included, and the
 * macro `axag` itself: what `axag/unknown-attribute` accepts. `axag-x-*` extensions are not listed: they are exempt.
 */
export const KNOWN_ATTRIBUTES: ReadonlySet<string> = new Set([
  'axag',
  'axag-intent',
  'axag-entity',
  'axag-action-type',
  'axag-description',
  'axag-risk-level',
  'axag-idempotent',
  'axag-required-parameters',
  'axag-optional-parameters',
  'axag-preconditions',
  'axag-postconditions',
  'axag-side-effects',
  'axag-confirmation-required',
  'axag-approval-required',
  'axag-approval-roles',
  'axag-approval-count',
  'axag-scope',
  'axag-tenant-boundary',
  'axag-tenant-context',
  'axag-tenant-id',
  'axag-cross-tenant',
  'axag-role-escalation',
  'axag-required-roles',
  'axag-async',
  'axag-operation-id',
  'axag-version',
  'axag-since',
  'axag-deprecated',
  'axag-deprecated-replacement',
  'axag-visible',
  'axag-operable',
  'axag-operability-reason',
  'axag-confirmation-message',
  'axag-rate-limit',
  'axag-cooldown',
  'axag-workflow-id',
  'axag-workflow-step',
  'axag-workflow-total-steps',
  'axag-workflow-next',
  'axag-workflow-previous',
  'axag-constraints',
  'axag-parameter',
  'axag-parameter-type',
  'axag-parameter-required',
  'axag-parameter-description',
  'axag-parameter-format',
  'axag-parameter-enum',
  'axag-parameter-min',
  'axag-parameter-max',
  'axag-parameter-min-length',
  'axag-parameter-max-length',
  'axag-parameter-pattern',
  'axag-skip',
  'axag-schema',
  'axag-params-from',
  'axag-widget-type',
  'axag-widget-provider',
  'axag-async-polling-endpoint',
  'axag-async-estimated-duration',
]);

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

/**
 * The intent an author most likely meant, in the intent grammar: `Cart.AddItem` → `cart.add_item`,
 * `navigation.goto-about-us` → `navigation.goto_about_us`. Undefined when no such form exists.
 */
export function normalizedIntent(value: string): string | undefined {
  const candidate = snakeCase(value);
  return candidate !== value && INTENT_PATTERN.test(candidate) ? candidate : undefined;
}

/** The entity an author most likely meant, in the entity grammar: `Shopping Cart` → `shopping_cart`. Undefined when no such form exists. */
export function normalizedEntity(value: string): string | undefined {
  const candidate = snakeCase(value);
  return candidate !== value && ENTITY_PATTERN.test(candidate) ? candidate : undefined;
}

/** camelCase and PascalCase words split, lower-cased, `-` and spaces as `_`: `AddItem` → `add_item`, `goto-about us` → `goto_about_us`. */
function snakeCase(value: string): string {
  return value
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[-\s]+/g, '_');
}

/** Parameter types of typed parameter objects (spec §8.2) and of `axag-parameter-type`. */
export const PARAMETER_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object'] as const;

/** Values of a typed parameter object's `format` and of `axag-parameter-format`. */
export const PARAMETER_FORMATS = ['email', 'url', 'date', 'datetime', 'uuid'] as const;

/** The keys a typed parameter object may have (spec §8.2). */
export const PARAMETER_OBJECT_KEYS = [
  'name', 'type', 'description', 'enum', 'min', 'max', 'minLength', 'maxLength', 'pattern', 'format', 'default', 'items', 'properties',
] as const;

/** What to write instead of a parameter type that is not one, keyed by the lower-cased type written (spec §8.2). */
export interface ParameterTypeReplacement {
  type: (typeof PARAMETER_TYPES)[number];
  /** A value that is really a format: write it as `"format"` beside `"type": "string"`. */
  format?: (typeof PARAMETER_FORMATS)[number];
  /** `enum` written as a type: the allowed values belong in an `"enum"` array. */
  enum?: true;
}

export const PARAMETER_TYPE_REPLACEMENTS: ReadonlyMap<string, ParameterTypeReplacement> = new Map<string, ParameterTypeReplacement>([
  ['int', { type: 'integer' }],
  ['float', { type: 'number' }],
  ['double', { type: 'number' }],
  ['bool', { type: 'boolean' }],
  ['list', { type: 'array' }],
  ['str', { type: 'string' }],
  ['text', { type: 'string' }],
  ['dict', { type: 'object' }],
  ['enum', { type: 'string', enum: true }],
  ...PARAMETER_FORMATS.map((format): [string, ParameterTypeReplacement] => [format, { type: 'string', format }]),
]);

/** Spec §1.1: a value counts as given when it is dynamic or not empty after trimming; an empty one counts as missing. */
export function isPresent(attribute: AxagAttribute | undefined): attribute is AxagAttribute {
  return attribute !== undefined && (attribute.value === null || attribute.value.trim() !== '');
}
