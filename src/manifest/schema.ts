/**
 * The Semantic Manifest schema v1 (spec §4). The JSON Schema itself is `schemas/manifest-v1.json`, shipped for
 * editors and compiled at build time into the validator the linter uses.
 */

/** How messages describe each `pattern` of the schema (a test checks that every pattern has a name). */
export const MANIFEST_PATTERN_NAMES: Readonly<Record<string, string>> = {
  '^[a-z_]+\\.[a-z_]+$': 'an intent of the form entity.action (lower-case letters and _, e.g. "cart.add_item")',
  '^[a-z_]+$': 'an entity name (lower-case letters and _, e.g. "cart")',
  // semver.org's recommended expression.
  '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$':
    'a semantic version such as "1.0.0"',
};
