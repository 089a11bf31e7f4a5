/** JSON-valued attribute helpers shared by the rules that read such values. */

/** The value parsed as JSON, or undefined when it is not valid JSON. */
export function parseJson(value: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(value) };
  } catch {
    return undefined;
  }
}

/** The value as an array of strings, or undefined when it is dynamic, absent or of another shape. */
export function parseStringArray(value: string | null | undefined): string[] | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed = parseJson(value);
  return isStringArray(parsed?.value) ? parsed.value : undefined;
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** A value as JSON text for a message, cut to `max` characters. */
export function shortJson(value: unknown, max = 40): string {
  const json = JSON.stringify(value);
  return json.length > max ? `${json.slice(0, max - 1)}…` : json;
}
