/**
 * Parameter lists (spec §8.2): the values of `axag-required-parameters` and `axag-optional-parameters`, JSON arrays
 * whose items are parameter names or typed parameter objects (`{"name": "quantity", "type": "integer"}`).
 * AXAG-LINT-009 judges their shape; the other rules read them through here, so they agree on what a list holds.
 */
import { parseJson } from './text/json-value.js';

/** The two attributes that hold parameter lists. */
export const PARAMETER_LIST_ATTRIBUTES = ['axag-required-parameters', 'axag-optional-parameters'] as const;

/** AXAG-LINT-009's option `parameterItems`: typed parameter objects allowed (AXAG 1.1), or names only (AXAG 1.0). */
export type ParameterItems = 'names' | 'objects';

/** A valid item of a parameter list: a name written as a string, or a typed parameter object. */
export interface ParameterEntry {
  /** Position in the array, from 0. */
  index: number;
  name: string;
  /** The typed parameter object; absent for a name written as a string. */
  object?: Readonly<Record<string, unknown>>;
}

export interface ParameterList {
  /** The valid items, in order. */
  entries: ParameterEntry[];
  /** The other items: neither a non-empty string nor an object with a non-empty string `name`. */
  invalid: { index: number; item: unknown }[];
}

/** A JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A typed parameter object: an object whose `name` is a non-empty string. */
export function isParameterObject(value: unknown): value is Record<string, unknown> & { name: string } {
  return isPlainObject(value) && isName(value.name);
}

/** Sorts the items of a parsed JSON array into valid entries and invalid items. */
export function readParameterItems(items: readonly unknown[]): ParameterList {
  const list: ParameterList = { entries: [], invalid: [] };
  items.forEach((item, index) => {
    if (isName(item)) list.entries.push({ index, name: item });
    else if (isParameterObject(item)) list.entries.push({ index, name: item.name, object: item });
    else list.invalid.push({ index, item });
  });
  return list;
}

/** The parameter list an attribute value holds; undefined when the value is dynamic, absent, not JSON or not an array. */
export function parseParameterList(value: string | null | undefined): ParameterList | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed = parseJson(value);
  return Array.isArray(parsed?.value) ? readParameterItems(parsed.value) : undefined;
}

/**
 * The names a parameter list declares, in order and with any repeats, when the value is a valid list: every item
 * valid and, under `names`, every item a string. Undefined otherwise (dynamic, absent, or AXAG-LINT-009's to report).
 */
export function parameterNames(value: string | null | undefined, items: ParameterItems): string[] | undefined {
  const list = parseParameterList(value);
  if (!list || list.invalid.length > 0) return undefined;
  if (items === 'names' && list.entries.some((entry) => entry.object)) return undefined;
  return list.entries.map((entry) => entry.name);
}

/** A parameter name: a string that is not empty or only whitespace. */
function isName(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
