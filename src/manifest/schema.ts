/**
 * The Semantic Manifest schemas (spec §4). The JSON Schemas themselves are `schemas/manifest-<version>.json`,
 * shipped for editors and compiled at build time into the validators the linter uses.
 */

export const MANIFEST_SCHEMA_VERSIONS = ['v1', 'v1.1'] as const;
export type ManifestSchemaVersion = (typeof MANIFEST_SCHEMA_VERSIONS)[number];

/** Every manifest the AXAG 1.1 tools generate uses v1.1, and v1.1 accepts every valid v1 manifest. */
export const DEFAULT_MANIFEST_SCHEMA: ManifestSchemaVersion = 'v1.1';

/** How messages describe each `pattern` of the schemas (a test checks that every pattern has a name). */
export const MANIFEST_PATTERN_NAMES: Readonly<Record<string, string>> = {
  '^[a-z_]+\\.[a-z_]+$': 'an intent of the form entity.action (lower-case letters and _, e.g. "cart.add_item")',
  '^[a-z_]+$': 'an entity name (lower-case letters and _, e.g. "cart")',
  // semver.org's recommended expression.
  '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$':
    'a semantic version such as "1.0.0"',
};

/** The objects of a manifest whose keys the schemas list. */
export type ManifestObject = 'manifest' | 'action' | 'parameter';

/** What manifest v1.1 allows and v1 rejects, by the object that holds it (a test checks this against the schemas). */
export const V1_1_ADDITIONS: {
  keys: Readonly<Record<ManifestObject, readonly string[]>>;
  /** Enum values, by the key that holds them. */
  values: Readonly<Partial<Record<ManifestObject, Readonly<Record<string, readonly string[]>>>>>;
} = {
  keys: {
    manifest: ['dynamic_actions'],
    action: ['async', 'tenant_boundary', 'required_roles'],
    parameter: ['minLength', 'pattern', 'items', 'properties', 'source'],
  },
  values: {
    action: { scope: ['public'] },
    parameter: { type: ['integer'] },
  },
};
