/**
 * The ESLint name of each axag check the plugin offers, by axag's id: the check's own kebab-case name, which
 * `axag lint --rule`, configs and inline directives also accept. Written out rather than derived, because these
 * names are the plugin's interface: users write them in their ESLint configs and `eslint-disable` comments.
 */
export const ESLINT_RULE_NAMES: Readonly<Record<string, string>> = {
  'AXAG-LINT-001': 'missing-intent',
  'AXAG-LINT-002': 'missing-entity',
  'AXAG-LINT-003': 'missing-action-type',
  'AXAG-LINT-004': 'invalid-action-type',
  'AXAG-LINT-005': 'invalid-risk-level',
  'AXAG-LINT-006': 'confirmation-for-high-risk',
  'AXAG-LINT-007': 'idempotent-declared',
  'AXAG-LINT-008': 'parameter-overlap',
  'AXAG-LINT-009': 'invalid-json',
  'AXAG-LINT-010': 'intent-in-manifest',
  'AXAG-LINT-011': 'scope-for-tenant-sensitive',
  'AXAG-LINT-012': 'approval-roles',
  'axag/macro-syntax': 'macro-syntax',
  'axag/macro-conflict': 'macro-conflict',
  'axag/unknown-attribute': 'unknown-attribute',
  'axag/intent-format': 'intent-format',
  'axag/entity-format': 'entity-format',
  'axag/boolean-value': 'boolean-value',
  'axag/scope-value': 'scope-value',
  'axag/attribute-value': 'attribute-value',
  'axag/deprecated-value': 'deprecated-value',
  'axag/risk-level-required': 'risk-level-required',
  'axag/parameter-object': 'parameter-object',
  'axag/parameter-type': 'parameter-type',
  'axag/params-from': 'params-from',
  'axag/schema-ref': 'schema-ref',
  'axag/manifest-drift': 'manifest-drift',
  'axag/dynamic-annotation': 'dynamic-annotation',
  'axag/tenant-parameter': 'tenant-parameter',
  'axag/parse-error': 'parse-error',
  'axag/directive': 'directive',
  'axag/internal-error': 'internal-error',
};

/**
 * The checks of axag that ESLint cannot run, and why: ESLint lints one file at a time, and these need every file
 * of the run, or report on the manifest, which is not a file ESLint lints. `axag lint` runs them.
 */
export const NOT_OFFERED: Readonly<Record<string, string>> = {
  'axag/duplicate-intent': 'compares the intents of every file of the run',
  'axag/manifest-unused': 'needs every file of the run to know that no action uses a manifest action',
  'axag/manifest-schema': 'reports on the manifest file, which ESLint does not lint',
};

/** The checks whose findings may carry a fix (spec §10): ESLint's `meta.fixable`. */
export const FIXABLE: ReadonlySet<string> = new Set([
  'AXAG-LINT-002',
  'AXAG-LINT-004',
  'AXAG-LINT-005',
  'AXAG-LINT-009',
  'AXAG-LINT-010',
  'axag/macro-syntax',
  'axag/unknown-attribute',
  'axag/intent-format',
  'axag/boolean-value',
  'axag/scope-value',
  'axag/attribute-value',
  'axag/deprecated-value',
]);

/** The checks whose findings may offer suggestions, choices for the author: ESLint's `meta.hasSuggestions`. */
export const SUGGESTING: ReadonlySet<string> = new Set([
  'AXAG-LINT-003',
  'AXAG-LINT-004',
  'AXAG-LINT-005',
  'AXAG-LINT-006',
  'AXAG-LINT-007',
  'AXAG-LINT-011',
  'axag/macro-syntax',
  'axag/macro-conflict',
  'axag/scope-value',
  'axag/attribute-value',
]);
