/**
 * An action's effective annotation read field by field, in one canonical form, so that `axag/manifest-drift`
 * (an action against its manifest action) and `axag/duplicate-intent` (two declarations of one intent) agree
 * on what a field says: trimmed values, deprecated action types as `write`, lists as sets, the defaults of the
 * standard applied (confirmation and approval are `false` unless declared, an absent list is empty).
 */
import type { ManifestActionKey } from '../manifest/actions.js';
import { parameterNames, type ParameterItems } from '../parameter-list.js';
import { parseStringArray } from '../text/json-value.js';
import { ACTION_TYPES, DEPRECATED_ACTION_TYPES, ENTITY_PATTERN, RISK_LEVELS, SCOPES, TENANT_BOUNDARIES } from '../vocabulary.js';
import type { Action, EffectiveAttribute } from './element-model.js';

export interface FieldSpec {
  attribute: string;
  /** How messages name the field when the author's form does not matter. */
  label: string;
  kind: 'enum' | 'text' | 'boolean' | 'list' | 'parameters';
  /** An enum's values: any other value is another check's finding, so it is not compared. */
  allowed?: readonly string[];
  /** A text's form: any other value is another check's finding (`axag/entity-format`), so it is not compared. */
  pattern?: RegExp;
  /** What an absent field means. Without one, absent is a value of its own. */
  absentMeans?: string;
  /** The manifest action's key for the same field, when the manifest has one. */
  manifestKey?: ManifestActionKey;
  /** The `axag` macro's key that sets it, for messages in the macro's terms (`!` for the risk level). */
  macroKey?: string;
}

/** The fields of an action as agents and manifest generators read them, in the order messages list them. */
export const ACTION_FIELDS: readonly FieldSpec[] = [
  { attribute: 'axag-action-type', label: 'action type', kind: 'enum', allowed: ACTION_TYPES, manifestKey: 'action_type', macroKey: 'type' },
  { attribute: 'axag-entity', label: 'entity', kind: 'text', pattern: ENTITY_PATTERN, manifestKey: 'entity' },
  { attribute: 'axag-risk-level', label: 'risk level', kind: 'enum', allowed: RISK_LEVELS, manifestKey: 'risk_level', macroKey: '!' },
  { attribute: 'axag-confirmation-required', label: 'confirmation', kind: 'boolean', absentMeans: 'false', manifestKey: 'confirmation_required', macroKey: 'confirm' },
  { attribute: 'axag-approval-required', label: 'approval', kind: 'boolean', absentMeans: 'false', manifestKey: 'approval_required', macroKey: 'approval' },
  { attribute: 'axag-idempotent', label: 'idempotency', kind: 'boolean', manifestKey: 'idempotent', macroKey: 'idempotent' },
  { attribute: 'axag-scope', label: 'scope', kind: 'enum', allowed: SCOPES, manifestKey: 'scope', macroKey: 'scope' },
  { attribute: 'axag-tenant-boundary', label: 'tenant boundary', kind: 'enum', allowed: TENANT_BOUNDARIES, manifestKey: 'tenant_boundary', macroKey: 'tenant' },
  { attribute: 'axag-approval-roles', label: 'approval roles', kind: 'list', absentMeans: '[]', manifestKey: 'approval_roles', macroKey: 'roles' },
  { attribute: 'axag-required-parameters', label: 'required parameters', kind: 'parameters', absentMeans: '[]', manifestKey: 'required_parameters', macroKey: 'req' },
  { attribute: 'axag-optional-parameters', label: 'optional parameters', kind: 'parameters', absentMeans: '[]', manifestKey: 'optional_parameters', macroKey: 'opt' },
  { attribute: 'axag-async', label: 'async', kind: 'boolean', absentMeans: 'false', macroKey: 'async' },
  { attribute: 'axag-required-roles', label: 'required roles', kind: 'list', absentMeans: '[]' },
  { attribute: 'axag-side-effects', label: 'side effects', kind: 'list', absentMeans: '[]', macroKey: 'effects' },
];

/** What an action says of one field. */
export type FieldReading =
  /** Not declared, and the field has no default. */
  | { kind: 'absent' }
  /** Declared, but what it says cannot be known here: computed at run time, or a value another check reports. */
  | { kind: 'unknown' }
  /** `value` is canonical (lists: sorted names as JSON); `from` is absent when the value is the field's default. */
  | { kind: 'value'; value: string; from?: EffectiveAttribute };

export function readField(action: Action, field: FieldSpec, parameterItems: ParameterItems): FieldReading {
  const from = action.effective.get(field.attribute);
  if (!from) return field.absentMeans === undefined ? { kind: 'absent' } : { kind: 'value', value: field.absentMeans };
  const raw = from.attribute.value;
  if (raw === null) return { kind: 'unknown' };
  const value = canonical(field, raw.trim(), parameterItems);
  return value === undefined ? { kind: 'unknown' } : { kind: 'value', value, from };
}

function canonical(field: FieldSpec, value: string, parameterItems: ParameterItems): string | undefined {
  switch (field.kind) {
    case 'text':
      return field.pattern && !field.pattern.test(value) ? undefined : value;
    case 'enum': {
      const meant = field.attribute === 'axag-action-type' ? (DEPRECATED_ACTION_TYPES.get(value) ?? value) : value;
      return field.allowed!.includes(meant) ? meant : undefined;
    }
    case 'boolean':
      return value === 'true' || value === 'false' ? value : undefined;
    case 'list':
      return asSet(parseStringArray(value)?.map((item) => item.trim()));
    case 'parameters':
      return asSet(parameterNames(value, parameterItems)?.map((name) => name.trim()));
  }
}

/** A list as a set, in canonical form: sorted distinct items, as JSON. */
export function asSet(items: readonly string[] | undefined): string | undefined {
  return items && JSON.stringify([...new Set(items)].sort());
}

/** The items of a list field's canonical value. */
export function setItems(value: string): string[] {
  return JSON.parse(value) as string[];
}
