/** JSON Schema of the AXAG Semantic Manifest, version 1 (spec §4). */

const INTENT = '^[a-z_]+\\.[a-z_]+$';
const ENTITY = '^[a-z_]+$';
// semver.org's recommended expression.
const SEMVER =
  '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$';

/** How messages describe each pattern. */
export const MANIFEST_PATTERN_NAMES: Readonly<Record<string, string>> = {
  [INTENT]: 'an intent of the form entity.action (lower-case letters and _, e.g. "cart.add_item")',
  [ENTITY]: 'an entity name (lower-case letters and _, e.g. "cart")',
  [SEMVER]: 'a semantic version such as "1.0.0"',
};

const stringArray = { type: 'array', items: { type: 'string' } };

const parameter = {
  type: 'object',
  required: ['name', 'type'],
  additionalProperties: false,
  properties: {
    name: { type: 'string' },
    type: { enum: ['string', 'number', 'boolean', 'array', 'object'] },
    description: { type: 'string' },
    enum: { type: 'array' },
    min: { type: 'number' },
    max: { type: 'number' },
    maxLength: { type: 'integer' },
    format: { enum: ['email', 'url', 'date', 'datetime', 'uuid'] },
    default: {},
  },
};

const action = {
  type: 'object',
  required: ['intent', 'entity', 'action_type', 'description'],
  additionalProperties: false,
  properties: {
    intent: { type: 'string', pattern: INTENT },
    entity: { type: 'string', pattern: ENTITY },
    action_type: { enum: ['read', 'write', 'delete', 'navigate'] },
    description: { type: 'string' },
    operation_id: { type: 'string' },
    required_parameters: { type: 'array', items: { $ref: '#/definitions/parameter' } },
    optional_parameters: { type: 'array', items: { $ref: '#/definitions/parameter' } },
    risk_level: { enum: ['none', 'low', 'medium', 'high', 'critical'] },
    confirmation_required: { type: 'boolean' },
    approval_required: { type: 'boolean' },
    idempotent: { type: 'boolean' },
    approval_roles: stringArray,
    side_effects: stringArray,
    preconditions: stringArray,
    postconditions: stringArray,
    scope: { enum: ['user', 'tenant', 'global'] },
    element_selector: { type: 'string' },
    source_file: { type: 'string' },
    source_line: { type: 'integer', minimum: 1 },
  },
};

export const MANIFEST_SCHEMA = {
  $id: 'https://axag.dev/schemas/manifest-v1.json',
  title: 'AXAG Semantic Manifest v1',
  type: 'object',
  required: ['version', 'generated_at', 'source', 'conformance', 'actions'],
  additionalProperties: false,
  properties: {
    version: { type: 'string', pattern: SEMVER },
    generated_at: { type: 'string', format: 'date-time' },
    source: {
      type: 'object',
      additionalProperties: false,
      properties: {
        url: { type: 'string' },
        paths: stringArray,
        tool: { type: 'string' },
        tool_version: { type: 'string' },
      },
    },
    conformance: { enum: ['basic', 'intermediate', 'full'] },
    actions: { type: 'array', items: { $ref: '#/definitions/action' } },
  },
  definitions: { action, parameter },
};
