import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { globby } from 'globby';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { printConfig } from '../src/cli/print-config.js';
import { MANIFEST_PATTERN_NAMES, V1_1_ADDITIONS, type ManifestObject } from '../src/manifest/schema.js';
import {
  ConfigResolver,
  DEFAULT_MANIFEST_SCHEMA,
  FatalError,
  lint,
  loadManifest,
  MANIFEST_SCHEMA_RULE,
  MANIFEST_SCHEMA_VERSIONS,
  MANIFEST_SCHEMAS,
} from '../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function manifestFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'axag-manifest-')), name);
  writeFileSync(path, text);
  return path;
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'axag-manifest-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const VALID = `version: "1.0.0"
generated_at: "2026-11-01T10:00:00Z"
source: { url: "https://shop.example", paths: ["src"], tool: "axag-gen", tool_version: "1.2.0" }
conformance: basic
actions:
  - intent: cart.add_item
    entity: cart
    action_type: write
    description: Add a product to the cart
    required_parameters:
      - { name: product_id, type: string }
`;

describe('manifest loading', () => {
  it('accepts a valid YAML manifest and indexes its intents', () => {
    const manifest = loadManifest(manifestFile('m.yaml', VALID), 'm.yaml');
    expect(manifest.problems).toEqual([]);
    expect([...manifest.intents]).toEqual(['cart.add_item']);
    expect(manifest.actionCount).toBe(1);
  });

  it('locates each schema problem at the offending key', () => {
    const text = VALID.replace('action_type: write', 'action_type: update\n    colour: red').replace('conformance: basic\n', '');
    const { problems } = loadManifest(manifestFile('m.yaml', text), 'm.yaml');
    expect(problems.map((p) => [p.range.line, p.range.column, p.message])).toEqual([
      [1, 1, 'the manifest is missing the required key "conformance"'],
      [7, 5, 'actions[0].action_type must be one of "read", "write", "delete", "navigate"; got "update"'],
      [8, 5, 'unknown key "colour" in actions[0]'],
    ]);
  });

  it('keeps every intent of a schema-invalid manifest for rule 010', () => {
    const { intents, problems } = loadManifest(
      manifestFile('m.json', '{"actions": [{"intent": "cart.add_item"}], "extra": {"intent": "order.cancel"}}'),
      'm.json',
    );
    expect(problems.length).toBeGreaterThan(0);
    expect([...intents].sort()).toEqual(['cart.add_item', 'order.cancel']);
  });

  it('stops with file:line:col for a YAML syntax error', () => {
    const path = manifestFile('m.yaml', 'version: "1.0.0"\nactions:\n  - intent: [cart.add\n');
    expect(() => loadManifest(path, 'shop/m.yaml')).toThrow(FatalError);
    expect(() => loadManifest(path, 'shop/m.yaml')).toThrow(/^shop\/m\.yaml:\d+:\d+: invalid YAML: /);
  });

  it('stops with file:line:col for a JSON syntax error', () => {
    const path = manifestFile('m.json', '{\n  "version": "1.0.0",\n}');
    expect(() => loadManifest(path, 'm.json')).toThrow(/^m\.json:3:1: invalid JSON: /);
  });

  it('stops on a duplicate key in JSON, as YAML does', () => {
    const path = manifestFile('m.json', '{"version": "1.0.0",\n "version": "2.0.0"}');
    expect(() => loadManifest(path, 'm.json')).toThrow(/^m\.json:2:2: invalid JSON: duplicate key "version"$/);
  });

  it('stops, without a crash, on nesting too deep to read', () => {
    const path = manifestFile('m.json', `${'['.repeat(50_000)}${']'.repeat(50_000)}`);
    expect(() => loadManifest(path, 'm.json')).toThrow(/^m\.json:1:1: invalid JSON: nested too deeply to read$/);
  });

  it('stops when the manifest does not exist', () => {
    expect(() => loadManifest('/nonexistent/axag-manifest.yaml', 'axag-manifest.yaml')).toThrow(
      /manifest not found: axag-manifest\.yaml/,
    );
  });
});

/** Every `pattern` keyword of a schema (a property named "pattern" is a subschema, not a string). */
function patternsOf(node: unknown): string[] {
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => (key === 'pattern' && typeof value === 'string' ? [value] : patternsOf(value)));
}

type Schema = { properties: Record<string, { enum?: string[] }>; definitions: Record<string, Schema> };
const SHIPPED = MANIFEST_SCHEMA_VERSIONS.map((version) => [version, MANIFEST_SCHEMAS[version] as unknown as Schema] as const);

describe('the shipped manifest schemas (schemas/manifest-v1.json, schemas/manifest-v1.1.json)', () => {
  it.each(SHIPPED)('%s is a strict draft-07 schema that compiles, with its $id, title and description', (version, schema) => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    addFormats.default(ajv);
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
    expect(schema).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: `https://axag.dev/schemas/manifest-${version}.json`,
      title: `AXAG Semantic Manifest ${version}`,
      description: expect.any(String),
    });
    expect(MANIFEST_SCHEMAS[version]).toEqual(JSON.parse(readFileSync(join(ROOT, 'schemas', `manifest-${version}.json`), 'utf8')));
  });

  it.each(SHIPPED)('every pattern of %s has a name for messages', (_version, schema) => {
    const patterns = patternsOf(schema);
    expect(patterns.length).toBe(3);
    for (const pattern of patterns) expect([pattern, MANIFEST_PATTERN_NAMES[pattern]]).toEqual([pattern, expect.any(String)]);
  });

  it('v1.1 adds exactly what the v1-mode messages call new in v1.1, and keeps v1 otherwise', () => {
    const [v1, v11] = [MANIFEST_SCHEMAS.v1 as unknown as Schema, MANIFEST_SCHEMAS['v1.1'] as unknown as Schema];
    const objects: [ManifestObject, Schema, Schema][] = [
      ['manifest', v1, v11],
      ['action', v1.definitions.action!, v11.definitions.action!],
      ['parameter', v1.definitions.parameter!, v11.definitions.parameter!],
    ];
    for (const [kind, old, current] of objects) {
      const added = Object.keys(current.properties).filter((key) => !(key in old.properties));
      expect([kind, added.sort()]).toEqual([kind, [...V1_1_ADDITIONS.keys[kind]].sort()]);
      for (const [key, property] of Object.entries(old.properties)) {
        const newValues = (current.properties[key]!.enum ?? []).filter((value) => !property.enum?.includes(value));
        expect([kind, key, newValues]).toEqual([kind, key, V1_1_ADDITIONS.values[kind]?.[key] ?? []]);
      }
    }
  });

  it('every v1 manifest of this repository is valid under v1.1, the default', async () => {
    const paths = await globby('**/axag-manifest.{json,yaml,yml}', { cwd: ROOT, absolute: true, ignore: ['node_modules/**', 'dist/**'] });
    const validV1 = paths.filter((path) => loadManifest(path, relative(ROOT, path), undefined, 'v1').problems.length === 0);
    expect(validV1.length).toBeGreaterThanOrEqual(4);
    for (const path of validV1) expect([relative(ROOT, path), loadManifest(path, path).problems]).toEqual([relative(ROOT, path), []]);
    expect(DEFAULT_MANIFEST_SCHEMA).toBe('v1.1');
  });

  it('the v1.1 fixture checked as v1 is the same manifest as the valid one', () => {
    const read = (dir: string) => YAML.parse(readFileSync(join(ROOT, 'fixtures', 'manifest', dir, 'axag-manifest.yaml'), 'utf8')) as unknown;
    expect(read('v1.1-as-v1')).toEqual(read('v1.1'));
  });
});

describe('manifest v1 and v1.1', () => {
  const V1_1_FEATURES = VALID.replace('    action_type: write\n', '    action_type: write\n    scope: public\n    async: true\n').replace(
    '      - { name: product_id, type: string }\n',
    '      - { name: product_id, type: string, source: zod }\n      - { name: quantity, type: integer, minLength: 1 }\n',
  );

  it('v1.1 (the default) accepts what v1 reports, and v1 says each is new in v1.1', () => {
    const path = manifestFile('m.yaml', V1_1_FEATURES);
    expect(loadManifest(path, 'm.yaml').problems).toEqual([]);
    const { schema, problems } = loadManifest(path, 'm.yaml', undefined, 'v1');
    expect(schema).toBe('v1');
    const newInV11 = 'is new in manifest v1.1, and this manifest is checked against v1';
    expect(problems.map((p) => [p.range.line, p.range.column, p.message])).toEqual([
      [9, 5, `actions[0].scope must be one of "user", "tenant", "global"; got "public"; "public" ${newInV11}`],
      [10, 5, `unknown key "async" in actions[0]; "async" ${newInV11}`],
      // `      - { ` is 10 characters; then `name: product_id, ` 18 and `type: string, ` 14.
      [13, 43, `unknown key "source" in actions[0].required_parameters[0]; "source" ${newInV11}`],
      // `      - { name: quantity, ` is 26 characters; then `type: integer, ` 15.
      [14, 27, `actions[0].required_parameters[1].type must be one of "string", "number", "boolean", "array", "object"; got "integer"; "integer" ${newInV11}`],
      [14, 42, `unknown key "minLength" in actions[0].required_parameters[1]; "minLength" ${newInV11}`],
    ]);
  });

  it('v1 problems that v1.1 does not solve get no such note', () => {
    const text = VALID.replace('    action_type: write\n', '    action_type: write\n    scope: team\n    colour: red\n');
    const { problems } = loadManifest(manifestFile('m.yaml', text), 'm.yaml', undefined, 'v1');
    expect(problems.map((p) => p.message)).toEqual([
      'actions[0].scope must be one of "user", "tenant", "global"; got "team"',
      'unknown key "colour" in actions[0]',
    ]);
  });

  it('a manifest shared by configs with different schemas: checked against each, each problem reported once', async () => {
    const dir = project({
      'm.yaml': V1_1_FEATURES.replace('conformance: basic', 'conformance: partial'),
      'old/.axag-lint.json': '{ "manifestPath": "../m.yaml", "manifestSchema": "v1" }',
      'old/a.html': '<a axag-intent="cart.add_item" axag-entity="cart" axag-action-type="navigate" href="/">Cart</a>\n',
      'new/.axag-lint.json': '{ "manifestPath": "../m.yaml" }',
      'new/b.html': '<a axag-intent="cart.add_item" axag-entity="cart" axag-action-type="navigate" href="/">Cart</a>\n',
    });
    const results = await lint([join(dir, 'old', 'a.html'), join(dir, 'new', 'b.html')], { cwd: dir });
    const manifest = results.files.filter((file) => file.path === join(dir, 'm.yaml'));
    expect(manifest).toHaveLength(1);
    const findings = manifest[0]!.findings;
    expect(findings.every((finding) => finding.ruleId === MANIFEST_SCHEMA_RULE)).toBe(true);
    // conformance under both schemas (once), and the five v1.1 uses under v1.
    expect(findings.map((finding) => `${finding.line}:${finding.column}`)).toEqual(['4:1', '9:5', '10:5', '13:43', '14:27', '14:42']);
  });
});

describe('manifest discovery and the manifestSchema key', () => {
  const MANIFEST_JSON = JSON.stringify(YAML.parse(VALID));

  it('after axag-manifest.{json,yaml,yml}: .well-known/axag-manifest.json, then public/.well-known/axag-manifest.json', () => {
    const manifestOf = (files: Record<string, string>) => {
      const dir = project({ '.axag-lint.json': '{}', ...files });
      const path = new ConfigResolver({ cwd: dir }).forFile(join(dir, 'src', 'page.html')).manifestPath;
      return path && relative(dir, path).split('\\').join('/');
    };
    expect(manifestOf({ 'public/.well-known/axag-manifest.json': MANIFEST_JSON })).toBe('public/.well-known/axag-manifest.json');
    expect(manifestOf({ 'public/.well-known/axag-manifest.json': MANIFEST_JSON, '.well-known/axag-manifest.json': MANIFEST_JSON })).toBe(
      '.well-known/axag-manifest.json',
    );
    expect(manifestOf({ '.well-known/axag-manifest.json': MANIFEST_JSON, 'axag-manifest.yml': VALID })).toBe('axag-manifest.yml');
    // Beside the config, not beside the linted file.
    expect(manifestOf({ 'src/.well-known/axag-manifest.json': MANIFEST_JSON })).toBeUndefined();
  });

  it('a .well-known manifest is used by lint() without a config, from the working directory', async () => {
    const dir = project({ '.well-known/axag-manifest.json': MANIFEST_JSON });
    const results = await lint(
      [{ path: join(dir, 'page.html'), text: '<a axag-intent="cart.add_itme" axag-entity="cart" axag-action-type="navigate" href="/">Cart</a>' }],
      { cwd: dir, noConfig: true },
    );
    expect(results.files[0]!.findings.map((finding) => [finding.ruleId, finding.suggestion])).toEqual([['AXAG-LINT-010', 'cart.add_item']]);
  });

  it('manifestSchema: v1.1 by default, v1 when the config says so; --print-config shows it', () => {
    const dir = project({ 'legacy/.axag-lint.json': '{ "manifestSchema": "v1" }', 'current/.axag-lint.yaml': 'manifestSchema: v1.1\n' });
    const resolver = new ConfigResolver({ cwd: dir });
    const printed = (file: string) => JSON.parse(printConfig(resolver.forFile(join(dir, file)), dir)) as { manifestSchema: unknown };
    expect(printed('page.html').manifestSchema).toBe('v1.1');
    expect(printed('legacy/page.html').manifestSchema).toBe('v1');
    expect(printed('current/page.html').manifestSchema).toBe('v1.1');
  });

  it('an unknown manifestSchema is a config error at the key, naming the versions', () => {
    const dir = project({ '.axag-lint.json': '{\n  "manifestSchema": "v2"\n}' });
    expect(() => new ConfigResolver({ cwd: dir }).forFile(join(dir, 'page.html'))).toThrow(
      'invalid config file\n.axag-lint.json:2:3: manifestSchema must be one of "v1", "v1.1"; got "v2"',
    );
  });
});
