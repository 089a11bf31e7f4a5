import { RULE_REFERENCES, RULES_BY_ID, resolveRuleReference } from '../../rules/index.js';
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

/** What `rules` accepts under a reference: its rule's setting, or anything for a number that is ignored. */
function settingFor(reference: string): object | boolean {
  const resolved = resolveRuleReference(reference);
  return resolved.kind === 'rule' ? ruleSetting(RULES_BY_ID.get(resolved.id)!.optionsSchema) : true;
}

/**
 * Keys of the other AXAG linter's config (spec §5) that only serve checks axag does not have: a config copied from
 * the AXAG docs keeps running, with a warning that they are ignored.
 */
export const IGNORED_KEYS: Readonly<Record<string, string>> = {
  enforcedIntentsPath: 'enforcedIntentsPath is read by AXAG-LINT-037 of another AXAG linter, which is not a check of axag; ignored',
};

/** JSON Schema of `.axag-lint.json` (spec §5), compiled at build time into a validator (scripts/standalone-validators.ts). */
export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    extends: { if: { type: 'array' }, then: { type: 'array', items: presetName }, else: presetName },
    rules: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(RULE_REFERENCES.map((reference) => [reference, settingFor(reference)])),
    },
    include: globs,
    ignorePatterns: globs,
    /** The other linter's name for ignorePatterns. */
    exclude: globs,
    manifestPath: { type: 'string', minLength: 1 },
    manifestSchema: { enum: [...MANIFEST_SCHEMA_VERSIONS] },
    identity: { enum: ['default', 'strict'] },
    ...Object.fromEntries(Object.keys(IGNORED_KEYS).map((key) => [key, true])),
  },
};
