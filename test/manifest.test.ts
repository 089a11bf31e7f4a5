import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { MANIFEST_PATTERN_NAMES } from '../src/manifest/schema.js';
import { FatalError, loadManifest, MANIFEST_SCHEMA } from '../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function manifestFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'axag-manifest-')), name);
  writeFileSync(path, text);
  return path;
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

describe('the shipped manifest schema (schemas/manifest-v1.json)', () => {
  it('is a strict draft-07 schema that compiles, with its $id, title and description', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    addFormats.default(ajv);
    expect(ajv.validateSchema(MANIFEST_SCHEMA), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(MANIFEST_SCHEMA)).not.toThrow();
    expect(MANIFEST_SCHEMA).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'https://axag.dev/schemas/manifest-v1.json',
      title: 'AXAG Semantic Manifest v1',
      description: expect.any(String),
    });
    expect(MANIFEST_SCHEMA).toEqual(JSON.parse(readFileSync(join(ROOT, 'schemas', 'manifest-v1.json'), 'utf8')));
  });

  it('every pattern has a name for messages', () => {
    const patterns = patternsOf(MANIFEST_SCHEMA);
    expect(patterns.length).toBe(3);
    for (const pattern of patterns) expect([pattern, MANIFEST_PATTERN_NAMES[pattern]]).toEqual([pattern, expect.any(String)]);
  });
});
