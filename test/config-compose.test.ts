/**
 * Configs that compose (issue 13, spec §5): nested configs merge over those above them unless one says `root`;
 * `extends` by path and by package (a real Node resolution in a temp project); JSON configs with comments and
 * trailing commas; `$schema`; the shipped config schema. Through the built CLI, as a user runs it, except where a
 * resolved config (rule options, ignore sets) is checked as data through the library's ConfigResolver.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { globby } from 'globby';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { configSchemaText, CONFIG_SCHEMA_PATH } from '../scripts/standalone-validators.js';
import { isIgnored } from '../src/files.js';
import { ConfigResolver } from '../src/index.js';
import { assertBuilt, assertCleanTempAncestors, axag, project, removeProjects, ROOT, rowsByFile } from './cli-helpers.js';

beforeAll(() => {
  assertBuilt();
  assertCleanTempAncestors();
});
afterAll(removeProjects);

/** AXAG-LINT-001 (error): no intent. */
const ERR = '<button axag-entity="cart" axag-action-type="read">View</button>';
/** AXAG-LINT-007 (warning): a write without axag-idempotent. */
const WARN = '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low">Add</button>';
const MANIFEST = `version: "1.1.0"
generated_at: "2026-03-02T09:30:00Z"
source: { tool: "axag-compiler" }
conformance: basic
actions:
  - { intent: cart.view, entity: cart, action_type: read, description: Show the cart, scope: public }
`;

function resolveIn(dir: string, file: string) {
  return new ConfigResolver({ cwd: dir }).forFile(join(dir, file));
}

/** Line and column (1-based) of the first `needle` in `text`, as `line:col`. */
function positionOf(text: string, needle: string): string {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

describe.concurrent('nested configs', () => {
  const ROOT_CONFIG = '{\n  "rules": { "AXAG-LINT-007": "off" },\n  "ignorePatterns": ["legacy/"],\n  "manifestPath": "api/axag-manifest.yaml"\n}\n';
  const FILES = {
    '.axag-lint.json': ROOT_CONFIG,
    'api/axag-manifest.yaml': MANIFEST,
    'legacy/old.html': `${ERR}\n`,
    // AXAG-LINT-007 is off above; the intent is not in the manifest above (AXAG-LINT-010); 001 is a warning here.
    'app/page.html': `${WARN}\n${ERR}\n`,
    'app/gen/out.html': `${ERR}\n`,
    // Not ignored: legacy/ is relative to the root config, so it names the root's legacy/ only.
    'app/legacy/kept.html': `${ERR}\n`,
  };

  it('a nested config merges over its parent: the parent\'s rules, ignore patterns (relative to it) and manifest still apply', async () => {
    const cwd = project({ ...FILES, 'app/.axag-lint.json': '{ "rules": { "AXAG-LINT-001": "warn" }, "ignorePatterns": ["gen/"] }\n' });
    const result = await axag(['lint', '--format', 'json', '.'], { cwd });
    expect(result.stderr).toBe('');
    const { files } = JSON.parse(result.stdout) as { files: { path: string; findings: { ruleId: string; severity: string }[] }[] };
    const byFile = Object.fromEntries(files.map((file) => [file.path, file.findings.map((f) => `${f.ruleId}:${f.severity}`).sort()]));
    // Not linted: legacy/old.html (the root's legacy/), app/gen/out.html (the nested gen/).
    expect(byFile).toEqual({
      'app/legacy/kept.html': ['AXAG-LINT-001:warning'],
      'app/page.html': ['AXAG-LINT-001:warning', 'AXAG-LINT-010:warning'],
    });
    expect(result.code).toBe(0);
  });

  it('a nested config that says "root": true applies alone: no rule, pattern or manifest of the parent', async () => {
    const cwd = project({ ...FILES, 'app/.axag-lint.yaml': 'root: true\nrules:\n  AXAG-LINT-001: warn\n' });
    const result = await axag(['lint', 'app'], { cwd });
    expect(result.stderr).toBe('');
    expect(rowsByFile(result.stdout)).toEqual({
      'app/gen/out.html': [[1, 2, 'warning', 'AXAG-LINT-001']],
      'app/legacy/kept.html': [[1, 2, 'warning', 'AXAG-LINT-001']],
      'app/page.html': [
        [1, 2, 'warning', 'AXAG-LINT-007'],
        [2, 2, 'warning', 'AXAG-LINT-001'],
      ],
    });
    expect(result.code).toBe(0);
  });

  it('a severity alone keeps the options set above it; [severity, options] replaces them; a later "!glob" takes back a file ignored above', () => {
    const dir = project({
      '.axag-lint.json': JSON.stringify({
        rules: { 'AXAG-LINT-004': ['error', { allowed: ['read', 'publish'] }], 'axag/scope-value': ['warn', { allowed: ['public', 'partner'] }] },
        ignorePatterns: ['vendor/'],
      }),
      'site/.axag-lint.json': JSON.stringify({
        rules: { 'AXAG-LINT-004': 'warn', 'axag/scope-value': ['error', {}] },
        ignorePatterns: ['!keep.html'],
      }),
    });
    const config = resolveIn(dir, 'site/page.html');
    expect(config.rules['AXAG-LINT-004']).toEqual({ severity: 'warning', options: { allowed: ['read', 'publish'] } });
    expect(config.rules['axag/scope-value']).toEqual({ severity: 'error', options: resolveIn(project({}), 'a.html').rules['axag/scope-value']!.options });
    expect(isIgnored(join(dir, 'vendor/a.html'), config.ignorePatterns)).toBe(true);
    expect(isIgnored(join(dir, 'vendor/keep.html'), config.ignorePatterns)).toBe(true); // !keep.html is relative to site/
    expect(isIgnored(join(dir, 'site/keep.html'), config.ignorePatterns)).toBe(false);
    const site = project({ '.axag-lint.json': '{ "ignorePatterns": ["site/vendor/"] }', 'site/.axag-lint.json': '{ "ignorePatterns": ["!vendor/keep.html"] }' });
    const taken = resolveIn(site, 'site/vendor/keep.html');
    expect(isIgnored(join(site, 'site/vendor/keep.html'), taken.ignorePatterns)).toBe(false);
    expect(isIgnored(join(site, 'site/vendor/other.html'), taken.ignorePatterns)).toBe(true);
  });

  it('a manifest found beside the nearest config wins over the one named above it; without one, the manifest above applies', () => {
    const dir = project({
      '.axag-lint.json': '{ "manifestPath": "api/axag-manifest.yaml" }',
      'a/.axag-lint.json': '{}',
      'a/axag-manifest.json': '{}',
      'b/.axag-lint.json': '{}',
    });
    expect(resolveIn(dir, 'a/x.html')).toMatchObject({ manifestPath: join(dir, 'a/axag-manifest.json'), manifestFrom: 'discovery' });
    expect(resolveIn(dir, 'b/x.html')).toMatchObject({
      manifestPath: join(dir, 'api/axag-manifest.yaml'),
      manifestFrom: 'config',
      manifestConfigFile: join(dir, '.axag-lint.json'),
    });
  });
});

describe.concurrent('extends', () => {
  it('by relative path (JSON and YAML, chained): applied in order before the config\'s own settings; --print-config names each source', async () => {
    const site = '{ "root": true, "extends": ["../configs/axag.yaml"], "rules": { "AXAG-LINT-011": "warn" } }\n';
    const base = '{\n  // shared by every site\n  "extends": "axag-lint/strict",\n  "rules": { "AXAG-LINT-006": "warn", },\n}\n';
    const cwd = project({
      'configs/base.json': base,
      'configs/axag.yaml': 'extends: ./base.json\nrules:\n  AXAG-LINT-011: off\n',
      'site/.axag-lint.json': site,
      'site/page.html': `${ERR}\n`,
    });
    const result = await axag(['lint', '--print-config', 'site/page.html'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { configFiles: string[]; rules: Record<string, unknown>; identity: string; sources: { rules: Record<string, string>; identity: string } };
    expect(printed.configFiles).toEqual(['configs/base.json', 'configs/axag.yaml', 'site/.axag-lint.json']);
    expect(printed.rules['AXAG-LINT-007']).toBe('error'); // strict
    expect(printed.rules['AXAG-LINT-006']).toBe('warning'); // base.json over strict
    expect(printed.rules['AXAG-LINT-011']).toEqual(['warning', { approvalIsRoleBased: false }]); // the site's own, over axag.yaml's off
    expect(printed.identity).toBe('strict');
    expect(printed.sources.rules['AXAG-LINT-007']).toBe(`axag-lint/strict (extends at configs/base.json:${positionOf(base, '"extends"')})`);
    expect(printed.sources.rules['AXAG-LINT-006']).toBe(`configs/base.json:${positionOf(base, '"AXAG-LINT-006"')}`);
    // A severity alone: the options stay the rule's defaults.
    expect(printed.sources.rules['AXAG-LINT-011']).toBe(`site/.axag-lint.json:${positionOf(site, '"AXAG-LINT-011"')}; options: default`);
    expect(printed.sources.identity).toBe('axag-lint/strict (extends at configs/base.json:3:3)');
  });

  it('by npm package, found from the config file as Node finds it: full name, shorthand, scoped, and a file inside a package', async () => {
    const cwd = project({
      'node_modules/axag-config-shop/package.json': '{ "name": "axag-config-shop", "main": "axag.json" }\n',
      'node_modules/axag-config-shop/axag.json': '{ "rules": { "AXAG-LINT-001": "warn" }, "ignorePatterns": ["generated/"] }\n',
      'node_modules/axag-config-shop/quiet.yaml': 'rules:\n  AXAG-LINT-001: off\n',
      'node_modules/@acme/axag-config/package.json': '{ "name": "@acme/axag-config", "exports": { ".": "./config.yaml" } }\n',
      'node_modules/@acme/axag-config/config.yaml': 'rules:\n  AXAG-LINT-007: off\n',
      'node_modules/@acme/axag-config-strict/package.json': '{ "name": "@acme/axag-config-strict", "main": "index.json" }\n',
      'node_modules/@acme/axag-config-strict/index.json': '{ "extends": "axag-lint/strict" }\n',
      '.axag-lint.json': '{ "root": true, "extends": ["shop", "@acme"] }\n',
      'a/.axag-lint.json': '{ "extends": ["axag-config-shop/quiet.yaml", "@acme/strict"] }\n',
      'page.html': `${ERR}\n${WARN}\n`,
      // Ignored: the package's ignorePatterns are relative to the config that extends it.
      'generated/page.html': `${ERR}\n`,
      'a/page.html': `${WARN}\n`,
    });
    const result = await axag(['lint', '.'], { cwd });
    expect(result.stderr).toBe('');
    expect(rowsByFile(result.stdout)).toEqual({
      'page.html': [[1, 2, 'warning', 'AXAG-LINT-001']],
      // @acme/strict (strict preset) sets AXAG-LINT-007 to error again.
      'a/page.html': [[1, 2, 'error', 'AXAG-LINT-007']],
    });
    expect(result.code).toBe(1);
  });

  it('a package that is not installed: exit 2 at the entry\'s line and column, saying what to install; no stack', async () => {
    const config = '{\n  "extends": [\n    "axag-lint/recommended",\n    "shop"\n  ]\n}\n';
    const cwd = project({ '.axag-lint.json': config, 'page.html': `${ERR}\n` });
    const result = await axag(['lint', '.'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `axag: .axag-lint.json:${positionOf(config, '"shop"')}: extends "shop" (axag-config-shop): cannot find the package axag-config-shop from .; install it (npm install --save-dev axag-config-shop), or fix the name\n`,
    );
  });

  it('a missing file, and a cycle: exit 2, located at the entry, naming the files', async () => {
    const missing = project({ '.axag-lint.yaml': 'extends:\n  - ./configs/base.json\n', 'page.html': `${ERR}\n` });
    const first = await axag(['lint', '.'], { cwd: missing });
    expect(first.code).toBe(2);
    expect(first.stderr).toBe('axag: .axag-lint.yaml:2:5: extends "./configs/base.json": no such file (configs/base.json); fix the path, which is relative to this config file\n');

    const cycle = project({
      '.axag-lint.json': '{ "extends": "./a.json" }',
      'a.json': '{ "extends": "./b.yaml" }',
      'b.yaml': '# back to the start\nextends: [axag-lint/strict, ./a.json]\n',
      'page.html': `${ERR}\n`,
    });
    const second = await axag(['lint', '.'], { cwd: cycle });
    expect(second.code).toBe(2);
    expect(second.stderr).toBe('axag: b.yaml:2:29: extends "./a.json" makes a cycle: a.json → b.yaml → a.json; remove one of these extends\n');
  });
});

describe.concurrent('JSON with comments, $schema', () => {
  it('.axag-lint.json and .axaglintrc.json may hold comments and trailing commas, and "$schema"', async () => {
    const cwd = project({
      '.axag-lint.json': '{\n  "$schema": "./node_modules/axag-lint/schemas/axag-lint-config.schema.json",\n  // quiet for now\n  "rules": {\n    "AXAG-LINT-007": "off", /* until the API settles */\n  },\n}\n',
      'docs/.axaglintrc.json': '/* the docs\' format */ { "rules": { "AXAG-LINT-001": "info", }, }',
      'page.html': `${WARN}\n`,
      'docs/page.html': `${ERR}\n`,
    });
    const result = await axag(['lint', '.'], { cwd });
    expect(result.stderr).toBe('');
    expect(rowsByFile(result.stdout)).toEqual({ 'docs/page.html': [[1, 2, 'warning', 'AXAG-LINT-001']] });
    expect(result.code).toBe(0);
  });

  it('broken JSONC: exit 2 naming the file, line and column and what is wrong; package.json stays strict JSON', async () => {
    const cwd = project({ '.axag-lint.json': '{\n  // a comment is fine\n  "rules": { "AXAG-LINT-007" "off" }\n}\n', 'page.html': `${ERR}\n` });
    const result = await axag(['lint', '.'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('axag: .axag-lint.json:3:30: invalid JSON: expected ":", found "\\""\n');

    const strict = project({ 'package.json': '{\n  "name": "shop",\n  // no comments here\n  "axag-lint": {}\n}\n', 'page.html': `${ERR}\n` });
    const refused = await axag(['lint', '.'], { cwd: strict });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^axag: cannot read the "axag-lint" config: package\.json:3:3: invalid JSON: /);
  });
});

describe('the shipped config schema', () => {
  it('is the schema the registered rules build (the build writes it, and compiles the validator from it)', () => {
    expect(readFileSync(CONFIG_SCHEMA_PATH, 'utf8') === configSchemaText(), 'schemas/axag-lint-config.schema.json is stale: run `npm run build`').toBe(true);
  });

  it('compiles with ajv (strict) and accepts every config of fixtures/ and examples/', async () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'axag-lint-config.schema.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: true, strictTuples: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const paths = await globby(['{fixtures,examples}/**/.axag-lint.{json,yaml,yml}', '{fixtures,examples}/**/.axaglintrc.json'], { cwd: ROOT, dot: true });
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      const text = readFileSync(join(ROOT, path), 'utf8');
      const errors: ParseError[] = [];
      const data: unknown = path.endsWith('.json') ? parseJsonc(text, errors, { allowTrailingComma: true }) : YAML.parse(text);
      expect(errors, path).toEqual([]);
      expect([path, validate(data ?? {}) ? null : validate.errors]).toEqual([path, null]);
    }
    expect(validate({ $schema: 'x', root: true, extends: ['./base.json', 'shop'], rules: { 'AXAG-LINT-007': 'off' } })).toBe(true);
    expect(validate({ root: 'yes' })).toBe(false);
  });
});

describe.concurrent('axag init', () => {
  it('writes "$schema" (relative to the axag-lint installed here or above) and "root": true when no config is above', async () => {
    const cwd = project({ 'node_modules/axag-lint/schemas/axag-lint-config.schema.json': '{}', 'site/page.html': `${WARN}\n` });
    const result = await axag(['init'], { cwd: join(cwd, 'site') });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const written = JSON.parse(readFileSync(join(cwd, 'site', '.axag-lint.json'), 'utf8')) as Record<string, unknown>;
    expect(written.$schema).toBe('../node_modules/axag-lint/schemas/axag-lint-config.schema.json');
    expect(written.root).toBe(true);
  });

  it('under a directory with a config: no root (it merges over that one, and says so); $schema where npm install puts it', async () => {
    const cwd = project({ '.axag-lint.json': '{ "rules": { "AXAG-LINT-007": "off" } }\n', 'packages/app/page.html': `${WARN}\n` });
    const app = join(cwd, 'packages', 'app');
    const result = await axag(['init'], { cwd: app });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('✔ wrote .axag-lint.json: the recommended preset, every rule at its default severity, merged over ../../.axag-lint.json\n');
    const written = JSON.parse(readFileSync(join(app, '.axag-lint.json'), 'utf8')) as Record<string, unknown>;
    expect(written.$schema).toBe('./node_modules/axag-lint/schemas/axag-lint-config.schema.json');
    expect(written).not.toHaveProperty('root');
  });
});
