import { RULES } from '../../rules/index.js';
import { MANIFEST_SCHEMA_VERSIONS } from '../manifest/schema.js';
import { PRESETS } from './presets.js';
import { SEVERITY_SPELLINGS } from './settings.js';

const severity = { enum: [...SEVERITY_SPELLINGS] };
const globs = { type: 'array', items: { type: 'string', minLength: 1 } };
const presetName = { enum: Object.keys(PRESETS) };

/** `"error"` or `["error", { …options }]`, with the rule's own options schema. */
function ruleSetting(optionsSchema: object | undefined): object {
  const tuple = optionsSchema ? [severity, optionsSchema] : [severity];
  return {
    if: { type: 'array' },
    then: { type: 'array', items: tuple, minItems: 1, maxItems: tuple.length, additionalItems: false },
    else: severity,
  };
}

/** JSON Schema of `.axag-lint.json` (spec §5), compiled at build time into a validator (scripts/standalone-validators.ts). */
export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    extends: { if: { type: 'array' }, then: { type: 'array', items: presetName }, else: presetName },
    rules: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(RULES.map((rule) => [rule.id, ruleSetting(rule.optionsSchema)])),
    },
    include: globs,
    ignorePatterns: globs,
    manifestPath: { type: 'string', minLength: 1 },
    manifestSchema: { enum: [...MANIFEST_SCHEMA_VERSIONS] },
    identity: { enum: ['default', 'strict'] },
  },
};
