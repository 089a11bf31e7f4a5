import { RULE_REFERENCES, RULES_BY_ID, resolveRuleReference } from '../../rules/index.js';
import { MANIFEST_SCHEMA_VERSIONS } from '../manifest/schema.js';
import { PRESETS } from './presets.js';
import { SEVERITY_SPELLINGS } from './settings.js';

const severity = { enum: [...SEVERITY_SPELLINGS] };
const globs = (description: string) => ({ description, type: 'array', items: { type: 'string', minLength: 1 } });
/** A preset, a relative path or a package: which one is decided when the config is resolved (src/config/extends.ts). */
const extendsEntry = { type: 'string', minLength: 1, examples: Object.keys(PRESETS) };

/** `"error"` or `["error", { …options }]`, with the rule's own options schema. */
function ruleSetting(description: string, optionsSchema: object | undefined): object {
  const tuple = optionsSchema ? [severity, optionsSchema] : [severity];
  return {
    description,
    if: { type: 'array' },
    then: { type: 'array', items: tuple, minItems: 1, maxItems: tuple.length, additionalItems: false },
    else: severity,
  };
}

/** What `rules` accepts under a reference: its rule's setting, or anything for a number that is ignored. */
function settingFor(reference: string): object | boolean {
  const resolved = resolveRuleReference(reference);
  if (resolved.kind !== 'rule') return true;
  const rule = RULES_BY_ID.get(resolved.id)!;
  const alias = reference === rule.id ? '' : ` (${reference} is another name of ${rule.id})`;
  return ruleSetting(`${rule.id} ${rule.name}: ${rule.description}${alias}`, rule.optionsSchema);
}

/**
 * Keys of the other AXAG linter's config (spec §5) that only serve checks axag does not have: a config copied from
 * the AXAG docs keeps running, with a warning that they are ignored.
 */
export const IGNORED_KEYS: Readonly<Record<string, string>> = {
  enforcedIntentsPath: 'enforcedIntentsPath is read by AXAG-LINT-037 of another AXAG linter, which is not a check of axag; ignored',
};

/** Where the package ships the config schema, for `"$schema"` (written by `axag init`) and editors. */
export const CONFIG_SCHEMA_FILE = 'schemas/axag-lint-config.schema.json';

/**
 * JSON Schema of `.axag-lint.json` (spec §5), built from the registered rules. It is shipped as CONFIG_SCHEMA_FILE
 * (`npm run build` writes it; a test checks it is current), and that file is what the build compiles
 * into the validator (scripts/standalone-validators.ts): editors and axag check configs with the same schema.
 */
export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'axag config (.axag-lint.json, .axag-lint.yaml, .axaglintrc.json, package.json#axag-lint)',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { description: 'The JSON Schema of this file, for editors; axag itself ignores it.', type: 'string' },
    extends: {
      description:
        'Configs this one builds on, applied in order before its own settings: a preset (axag-lint/recommended, axag-lint/strict), a path relative to this file (./base.json), or an npm package (axag-config-foo, or foo for short; @scope/axag-config, or @scope).',
      if: { type: 'array' },
      then: { type: 'array', items: extendsEntry },
      else: extendsEntry,
    },
    rules: {
      description: 'Severity of each rule ("off", "warn", "error"), or [severity, options]; a severity alone keeps the options set before it.',
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(RULE_REFERENCES.map((reference) => [reference, settingFor(reference)])),
    },
    include: globs('Globs of the files to lint when a directory is linted, relative to this file (the nearest config that sets include decides).'),
    ignorePatterns: globs('Globs of files never to lint, relative to this file; added to those of the configs above; "!glob" takes files back.'),
    exclude: globs('Another AXAG linter\'s name for ignorePatterns.'),
    manifestPath: { description: 'The Semantic Manifest, relative to this file.', type: 'string', minLength: 1 },
    manifestSchema: { description: 'The manifest schema the manifest is validated against.', enum: [...MANIFEST_SCHEMA_VERSIONS] },
    identity: { description: 'How strictly elements are identified (the strict preset sets "strict").', enum: ['default', 'strict'] },
    root: {
      description: 'true: configs in the directories above this one do not apply (by default this config merges over theirs).',
      type: 'boolean',
    },
    ...Object.fromEntries(Object.keys(IGNORED_KEYS).map((key) => [key, true])),
  },
};
