/**
 * What the manifest's actions say, as plain data: the fields `axag/manifest-drift` compares with the annotations,
 * and where each action is, for `axag/manifest-unused`. Read leniently: a manifest that breaks the schema still
 * yields every action with a string intent, and a field of the wrong type is only marked unreadable (the schema
 * check reports it), so one bad value does not hide the others.
 */
import { isRecord } from '../is-record.js';

/** A parameter of a manifest action: its name, and where it came from when the annotation did not declare it. */
export interface ManifestParameter {
  name: string;
  /** v1.1: `harvested:html`, `zod`, `openapi` — a parameter the annotation is not expected to list. */
  source?: string;
}

/** The keys of a manifest action that say what an annotation also says. */
export interface ManifestActionFields {
  entity: string;
  action_type: string;
  risk_level: string;
  confirmation_required: boolean;
  approval_required: boolean;
  idempotent: boolean;
  scope: string;
  tenant_boundary: string;
  approval_roles: string[];
  required_parameters: ManifestParameter[];
  optional_parameters: ManifestParameter[];
}

export type ManifestActionKey = keyof ManifestActionFields;

export interface ManifestAction extends Partial<ManifestActionFields> {
  intent: string;
  /** Its index in the manifest's `actions`. */
  index: number;
  /** Keys present with a value of the wrong type: not compared. */
  unreadable: ManifestActionKey[];
}

const STRING_KEYS = ['entity', 'action_type', 'risk_level', 'scope', 'tenant_boundary'] as const;
const BOOLEAN_KEYS = ['confirmation_required', 'approval_required', 'idempotent'] as const;
const PARAMETER_KEYS = ['required_parameters', 'optional_parameters'] as const;

/** The actions of a manifest's `actions` list that have a string intent, by intent; the first of a repeated intent wins, as generators keep it. */
export function readManifestActions(data: unknown): Map<string, ManifestAction> {
  const actions = new Map<string, ManifestAction>();
  const list = (data as { actions?: unknown } | null)?.actions;
  if (!Array.isArray(list)) return actions;
  list.forEach((item: unknown, index) => {
    if (!isRecord(item) || typeof item.intent !== 'string') return;
    const intent = item.intent.trim();
    if (!actions.has(intent)) actions.set(intent, readAction(item, intent, index));
  });
  return actions;
}

function readAction(item: Record<string, unknown>, intent: string, index: number): ManifestAction {
  const action: ManifestAction = { intent, index, unreadable: [] };
  const has = (key: string) => Object.hasOwn(item, key) && item[key] !== undefined;
  for (const key of STRING_KEYS) {
    if (!has(key)) continue;
    if (typeof item[key] === 'string') action[key] = (item[key] as string).trim();
    else action.unreadable.push(key);
  }
  for (const key of BOOLEAN_KEYS) {
    if (!has(key)) continue;
    if (typeof item[key] === 'boolean') action[key] = item[key] as boolean;
    else action.unreadable.push(key);
  }
  if (has('approval_roles')) {
    const roles = item.approval_roles;
    if (Array.isArray(roles) && roles.every((role) => typeof role === 'string')) action.approval_roles = roles.map((role) => role.trim());
    else action.unreadable.push('approval_roles');
  }
  for (const key of PARAMETER_KEYS) {
    if (!has(key)) continue;
    const parameters = readParameters(item[key]);
    if (parameters) action[key] = parameters;
    else action.unreadable.push(key);
  }
  return action;
}

function readParameters(value: unknown): ManifestParameter[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const parameters: ManifestParameter[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.name !== 'string' || item.name.trim() === '') return undefined;
    parameters.push({ name: item.name.trim(), ...(typeof item.source === 'string' && { source: item.source }) });
  }
  return parameters;
}

