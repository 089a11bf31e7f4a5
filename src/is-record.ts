/** A JSON or YAML object (not an array, not null): what a cache, a baseline or a manifest entry must be read as. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
