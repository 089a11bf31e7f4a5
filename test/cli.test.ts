/**
 * End-to-end tests of the command line (spec §4–§7): each case runs the BUILT
 * binary `node bin/axag.js` in its own fresh temporary project and checks the
 * exit code, standard output, standard error and files written.
 *
 * Expected positions are worked out by hand from the HTML written here; they are
 * noted next to each snippet. `npm test` compiles before vitest runs; this file
 * does not build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import {
  ANSI,
  PACKAGE_VERSION,
  assertBuilt,
  assertCleanTempAncestors,
  axag,
  parsePretty,
  project,
  removeProjects,
  rowsByFile,
  type RunResult,
} from './cli-helpers.js';

beforeAll(() => {
  assertBuilt();
  assertCleanTempAncestors();
});
afterAll(() => removeProjects());

// ---------------------------------------------------------------------------
// Snippets. Each is one line; placed at line N, column 1, the <button> tag name
// starts at column 2, where "missing attribute" findings are reported.

/** No findings. */
const GOOD =
  '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-idempotent="false" axag-risk-level="low">Add</button>\n';
/** AXAG-LINT-007 (warning) at the tag name: write without axag-idempotent. */
const WARN_007 = '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low">Add</button>\n';
const WARN_007_B = '<button axag-intent="cart.checkout" axag-entity="cart" axag-action-type="delete" axag-risk-level="medium">Buy</button>\n';
/** AXAG-LINT-001 (error) at the tag name: no axag-intent (read, so no 007). */
const ERR_001 = '<button axag-entity="cart" axag-action-type="read">View</button>\n';

/** A valid v1 manifest listing cart.add_item and cart.remove_item. */
const MANIFEST_YAML = `version: "1.0.0"
generated_at: "2024-01-01T00:00:00Z"
source:
  url: "https://shop.example"
  paths: ["site"]
  tool: "hand"
  tool_version: "1.0.0"
conformance: basic
actions:
  - intent: cart.add_item
    entity: cart
    action_type: write
    description: Add an item to the cart
  - intent: cart.remove_item
    entity: cart
    action_type: delete
    description: Remove an item from the cart
`;

const MANIFEST_JSON = JSON.stringify(
  {
    version: '1.0.0',
    generated_at: '2024-01-01T00:00:00Z',
    source: { url: 'https://shop.example' },
    conformance: 'basic',
    actions: [{ intent: 'cart.add_item', entity: 'cart', action_type: 'write', description: 'Add to cart' }],
  },
  null,
  2,
);

/**
 * A valid manifest v1.1 (the default schema) that uses what v1 rejects, each at a place worked out by hand:
 *   10:5   scope "public"            (enum: at the key)
 *   11:5   async                     (unknown key)
 *   13:38  minLength, 13:52 source   (unknown keys: `      - { ` is 10 characters, then `name: query, ` 13,
 *                                    `type: string, ` 14 and `minLength: 2, ` 14)
 *   14:23  type "integer"            (enum: at the key; `      - { name: page, ` is 22 characters)
 *   15:1   dynamic_actions           (unknown key)
 */
const MANIFEST_V1_1_YAML = `version: "1.1.0"
generated_at: "2026-03-02T09:30:00Z"
source: { url: "https://shop.example", tool: "axag-compiler", tool_version: "1.1.0" }
conformance: full
actions:
  - intent: product.search
    entity: product
    action_type: read
    description: Search the catalogue
    scope: public
    async: false
    required_parameters:
      - { name: query, type: string, minLength: 2, source: "harvested:html" }
      - { name: page, type: integer }
dynamic_actions:
  - { source_file: src/Widget.tsx, source_line: 42, reason: computed at run time }
`;
const MANIFEST_V1_1_ROWS_UNDER_V1: [number, number, string, string][] = [
  [10, 5, 'error', 'axag/manifest-schema'],
  [11, 5, 'error', 'axag/manifest-schema'],
  [13, 38, 'error', 'axag/manifest-schema'],
  [13, 52, 'error', 'axag/manifest-schema'],
  [14, 23, 'error', 'axag/manifest-schema'],
  [15, 1, 'error', 'axag/manifest-schema'],
];

/**
 * Parses, breaks the schema in four places:
 *   1:1   version "1.0" is not semver (reported at the key)
 *   9:5   action_type "update" not in the enum (at the key)
 *   11:5  unknown key "colour"
 *   12:5  second action lacks "description" (reported at the action mapping)
 * Intents found anyway: cart.add_item, cart.remove_item.
 */
const BROKEN_MANIFEST_YAML = `version: "1.0"
generated_at: "2024-01-01T00:00:00Z"
source:
  url: "https://shop.example"
conformance: basic
actions:
  - intent: cart.add_item
    entity: cart
    action_type: update
    description: Add an item
    colour: red
  - intent: cart.remove_item
    entity: cart
    action_type: delete
`;
const BROKEN_MANIFEST_ROWS: [number, number, string, string][] = [
  [1, 1, 'error', 'axag/manifest-schema'],
  [9, 5, 'error', 'axag/manifest-schema'],
  [11, 5, 'error', 'axag/manifest-schema'],
  [12, 5, 'error', 'axag/manifest-schema'],
];

/** YAML syntax error: a nested mapping in a compact mapping, starting at 3:14 ("basic"). */
const UNPARSABLE_YAML = 'version: "1.0.0"\ngenerated_at: x\nconformance: basic: full\n';

function expectNoStack(result: RunResult): void {
  expect(result.stderr).not.toContain('    at ');
  expect(result.stderr).not.toMatch(/internal error/i);
}

// ---------------------------------------------------------------------------

describe.concurrent('pretty output and exit codes', () => {
  it('clean run: exit 0, nothing on stdout or stderr', async ({ expect }) => {
    const cwd = project({ 'index.html': GOOD });
    const result = await axag(['lint'], { cwd });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('clean run with --verbose prints a success line', async ({ expect }) => {
    const cwd = project({ 'index.html': GOOD });
    const result = await axag(['lint', '--verbose'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✔ .*1 file\b.*no problems/m);
    expect(result.stdout).not.toContain('✖');
    expect(result.stderr).toBe('');
  });

  it('warnings only: exit 0, warnings listed with a summary', async ({ expect }) => {
    const cwd = project({ 'w.html': WARN_007 + WARN_007_B });
    const result = await axag(['lint', '.'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(rowsByFile(result.stdout)).toEqual({
      'w.html': [
        [1, 2, 'warning', 'AXAG-LINT-007'],
        [2, 2, 'warning', 'AXAG-LINT-007'],
      ],
    });
    const report = parsePretty(result.stdout);
    expect(report.malformed).toEqual([]);
    expect(report.summary).toBe('✖ 2 problems (0 errors, 2 warnings)');
  });

  it('errors: exit 1, `line:column  severity  message  rule-id` grouped under the relative path', async ({ expect }) => {
    const html = [
      '<!doctype html>',
      '<main>',
      // 3:4 AXAG-LINT-001 (tag name after two spaces and "<")
      '  <button axag-entity="cart" axag-action-type="read">View cart</button>',
      // 4:76 AXAG-LINT-004 on the value "Delete": 2 + 7 + 1 + 26 + 1 + 19 + 1 + 18 = 75 characters precede it
      '  <button axag-intent="order.cancel" axag-entity="order" axag-action-type="Delete" axag-idempotent="true">Cancel</button>',
      // 5:4 AXAG-LINT-007 (write, no axag-idempotent)
      '  <button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low">Add</button>',
      '</main>',
      '',
    ].join('\n');
    const cwd = project({ 'pages/errors.html': html });
    const result = await axag(['lint', 'pages'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const report = parsePretty(result.stdout);
    expect(report.malformed).toEqual([]);
    expect(report.files.map((file) => file.path)).toEqual(['pages/errors.html']);
    const rows = report.files[0]!.rows;
    expect(rows.map((row) => [row.line, row.column, row.severity, row.ruleId])).toEqual([
      [3, 4, 'error', 'AXAG-LINT-001'],
      [4, 76, 'error', 'AXAG-LINT-004'],
      [5, 4, 'warning', 'AXAG-LINT-007'],
    ]);
    expect(rows[0]!.message).toContain('axag-intent');
    expect(rows[1]!.message).toBe('Invalid axag-action-type "Delete"; expected one of read, write, delete, navigate; did you mean "delete"?');
    expect(rows[2]!.message).toContain('axag-idempotent');
    expect(report.summary).toBe('✖ 3 problems (2 errors, 1 warning)');
    // Each finding starts with its path:line:column; the summary is last.
    expect(result.stdout).toMatch(/(^|\n)pages\/errors\.html:3:4 {2}/);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 3 problems (2 errors, 1 warning)');
  });

  it('a single error: singular nouns in the summary, clean files not listed', async ({ expect }) => {
    const cwd = project({ 'a.html': ERR_001, 'b.html': GOOD });
    const result = await axag(['lint'], { cwd });
    expect(result.code).toBe(1);
    expect(rowsByFile(result.stdout)).toEqual({ 'a.html': [[1, 2, 'error', 'AXAG-LINT-001']] });
    expect(parsePretty(result.stdout).summary).toBe('✖ 1 problem (1 error, 0 warnings)');
  });

  it('--max-warnings 0 with warnings: exit 1 and a note on stderr', async ({ expect }) => {
    const cwd = project({ 'w.html': WARN_007 + WARN_007_B });
    const result = await axag(['lint', '--max-warnings', '0'], { cwd });
    expect(result.code).toBe(1);
    expect(parsePretty(result.stdout).summary).toBe('✖ 2 problems (0 errors, 2 warnings)');
    expect(result.stderr).toMatch(/max-warnings/);
    expect(result.stderr).toMatch(/\b2\b/);
    expectNoStack(result);
  });

  it('--max-warnings 5 (and 2) with 2 warnings: exit 0', async ({ expect }) => {
    const cwd = project({ 'w.html': WARN_007 + WARN_007_B });
    const five = await axag(['lint', '--max-warnings', '5'], { cwd });
    expect(five.code).toBe(0);
    expect(five.stderr).toBe('');
    expect(parsePretty(five.stdout).summary).toBe('✖ 2 problems (0 errors, 2 warnings)');
    const two = await axag(['lint', '--max-warnings', '2'], { cwd });
    expect(two.code).toBe(0);
    expect(two.stderr).toBe('');
  });
});

describe.concurrent('broken config: exit 2, the file and key named, no stack trace', () => {
  it('invalid JSON names file:line:col', async ({ expect }) => {
    // A trailing comma is allowed (JSON with comments); the missing comma makes the key at 4:5 unexpected.
    const config = '{\n  "rules": {\n    "AXAG-LINT-007": "off"\n    "AXAG-LINT-006": "off"\n  }\n}\n';
    const cwd = project({ '.axag-lint.json': config, 'index.html': GOOD });
    const result = await axag(['lint'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('axag: .axag-lint.json:4:5: invalid JSON: expected "," between entries, found "\\""\n');
    expectNoStack(result);
  });

  it('invalid JSON (an unquoted value) names file:line:col of the bad token', async ({ expect }) => {
    // `off` starts at 3:22: 4 spaces, "AXAG-LINT-007" (15), ":", " ".
    const config = '{\n  "rules": {\n    "AXAG-LINT-007": off\n  }\n}\n';
    const cwd = project({ '.axag-lint.json': config, 'index.html': GOOD });
    const result = await axag(['lint'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('axag: .axag-lint.json:3:22: invalid JSON: unexpected "o"\n');
    expectNoStack(result);
  });

  it('an unknown key', async ({ expect }) => {
    const config = '{\n  "extends": "axag-lint/recommended",\n  "colour": true\n}\n';
    const cwd = project({ '.axag-lint.json': config, 'index.html': GOOD });
    const result = await axag(['lint'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('.axag-lint.json:3:3');
    expect(result.stderr).toContain('"colour"');
    expectNoStack(result);
  });

  it('an unknown rule id (config in a subdirectory, named relative to the cwd)', async ({ expect }) => {
    // Not AXAG-LINT-013 … 037: those are the other AXAG linter's numbers, a warning (test/rule-references.test.ts).
    const config = '{\n  "rules": {\n    "AXAG-LINT-038": "off"\n  }\n}\n';
    const cwd = project({ 'site/.axag-lint.json': config, 'site/index.html': GOOD });
    const result = await axag(['lint', 'site'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('site/.axag-lint.json:3:5');
    expect(result.stderr).toContain('AXAG-LINT-038');
    expectNoStack(result);
  });

  it('an invalid severity', async ({ expect }) => {
    // The entry's key "AXAG-LINT-007" starts at 3:5, after 4 spaces.
    const config = '{\n  "rules": {\n    "AXAG-LINT-007": "fatal"\n  }\n}\n';
    const cwd = project({ '.axag-lint.json': config, 'index.html': GOOD });
    const result = await axag(['lint'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('.axag-lint.json:3:5');
    expect(result.stderr).toContain('AXAG-LINT-007');
    expect(result.stderr).toContain('fatal');
    expectNoStack(result);
  });

  it('-c naming a missing file', async ({ expect }) => {
    const cwd = project({ 'index.html': GOOD });
    const result = await axag(['lint', '-c', 'missing.json'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('missing.json');
    expectNoStack(result);
  });
});

describe.concurrent('manifest loading', () => {
  it('manifestPath pointing nowhere: exit 2', async ({ expect }) => {
    const cwd = project({
      '.axag-lint.json': '{ "manifestPath": "nowhere/axag-manifest.yaml" }\n',
      'index.html': GOOD,
    });
    const result = await axag(['lint'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('nowhere/axag-manifest.yaml');
    expectNoStack(result);
  });

  it('-m pointing nowhere: exit 2', async ({ expect }) => {
    const cwd = project({ 'index.html': GOOD });
    const result = await axag(['lint', '-m', 'nowhere.json'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('nowhere.json');
    expectNoStack(result);
  });

  it('YAML syntax error: exit 2, file:line:col on stderr', async ({ expect }) => {
    const cwd = project({ 'manifests/broken.yaml': UNPARSABLE_YAML, 'index.html': GOOD });
    const result = await axag(['lint', 'index.html', '-m', 'manifests/broken.yaml'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('manifests/broken.yaml:3:14');
    expectNoStack(result);
  });

  it('JSON syntax error: exit 2, file:line:col on stderr', async ({ expect }) => {
    // Unterminated array: the "}" at 4:1 is unexpected.
    const cwd = project({ 'm.json': '{\n  "version": "1.0.0",\n  "actions": [\n}\n', 'index.html': GOOD });
    const result = await axag(['lint', '-m', 'm.json'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('m.json:4:1');
    expectNoStack(result);
  });

  it('schema-invalid manifest: axag/manifest-schema errors on the manifest, HTML still linted against its intents', async ({ expect }) => {
    const page = [
      GOOD.trimEnd(), // cart.add_item: in the manifest (in an action that breaks the schema)
      '<button axag-intent="cart.remove_item" axag-entity="cart" axag-action-type="delete" axag-idempotent="true" axag-risk-level="medium">Remove</button>',
      // 3:22 AXAG-LINT-010: `<button axag-intent="` is 21 characters
      '<button axag-intent="wishlist.add_item" axag-entity="wishlist" axag-action-type="write" axag-idempotent="false" axag-risk-level="low">Save</button>',
      '',
    ].join('\n');
    const cwd = project({
      // Drift from the manifest is another check's (axag/manifest-drift): off in the tests of which manifest is used.
      '.axag-lint.json': '{ "manifestPath": "manifests/broken.yaml", "rules": { "axag/manifest-drift": "off" } }\n',
      'manifests/broken.yaml': BROKEN_MANIFEST_YAML,
      'page.html': page,
    });
    const result = await axag(['lint'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const report = parsePretty(result.stdout);
    expect(report.malformed).toEqual([]);
    expect(rowsByFile(result.stdout)).toEqual({
      'manifests/broken.yaml': BROKEN_MANIFEST_ROWS,
      'page.html': [[3, 22, 'warning', 'AXAG-LINT-010']],
    });
    const manifestRows = report.files[0]!.rows;
    expect(manifestRows[0]!.message).toContain('version');
    expect(manifestRows[1]!.message).toContain('action_type');
    expect(manifestRows[2]!.message).toContain('colour');
    expect(manifestRows[3]!.message).toContain('description');
    expect(report.files[1]!.rows[0]!.message).toContain('wishlist.add_item');
    expect(report.summary).toBe('✖ 5 problems (4 errors, 1 warning)');
  });

  it('axag-manifest.yaml next to the config is discovered (010 fires for an unknown intent)', async ({ expect }) => {
    const page = GOOD + '<button axag-intent="cart.add_itme" axag-entity="cart" axag-action-type="read">Add</button>\n';
    const cwd = project({
      'site/.axag-lint.json': '{ "rules": { "axag/manifest-drift": "off" } }\n',
      'site/axag-manifest.yaml': MANIFEST_YAML,
      'site/index.html': page,
    });
    const result = await axag(['lint', 'site'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    // 2:22: the value of axag-intent on line 2.
    expect(rowsByFile(result.stdout)).toEqual({ 'site/index.html': [[2, 22, 'warning', 'AXAG-LINT-010']] });
    const message = parsePretty(result.stdout).files[0]!.rows[0]!.message;
    expect(message).toContain('cart.add_itme');
    expect(message).toContain('"cart.add_item"');
  });

  it('axag-manifest.json in the working directory is used when there is no config', async ({ expect }) => {
    const cwd = project({
      'axag-manifest.json': MANIFEST_JSON,
      'index.html': '<a axag-intent="nav.home" axag-entity="nav" axag-action-type="navigate" href="/">Home</a>\n',
    });
    const result = await axag(['lint'], { cwd });
    expect(result.code).toBe(0);
    // `<a axag-intent="` is 16 characters: the value starts at 1:17.
    expect(rowsByFile(result.stdout)).toEqual({ 'index.html': [[1, 17, 'warning', 'AXAG-LINT-010']] });
  });

  it('public/.well-known/axag-manifest.json beside the config is discovered, and validated as v1.1', async ({ expect }) => {
    const page = GOOD + '<button axag-intent="product.serch" axag-entity="product" axag-action-type="read">Search</button>\n';
    const cwd = project({
      'site/.axag-lint.json': '{}\n',
      'site/public/.well-known/axag-manifest.json': JSON.stringify(YAML.parse(MANIFEST_V1_1_YAML)),
      'site/index.html': page,
    });
    const result = await axag(['lint', 'site'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // 1:22 cart.add_item is not in this manifest; 2:22 product.serch is a near miss of product.search.
    expect(rowsByFile(result.stdout)).toEqual({ 'site/index.html': [[1, 22, 'warning', 'AXAG-LINT-010'], [2, 22, 'warning', 'AXAG-LINT-010']] });
    const message = parsePretty(result.stdout).files[0]!.rows[1]!.message;
    expect(message).toContain('site/public/.well-known/axag-manifest.json');
    expect(message).toContain('"product.search"');
  });

  it('manifestPath is relative to the config file, not the working directory', async ({ expect }) => {
    const page = GOOD + '<button axag-intent="order.track" axag-entity="order" axag-action-type="read">Track</button>\n';
    const cwd = project({
      'site/.axag-lint.json': '{ "manifestPath": "meta/actions.json", "rules": { "axag/manifest-drift": "off" } }\n',
      'site/meta/actions.json': MANIFEST_JSON,
      'site/index.html': page,
    });
    const result = await axag(['lint', 'site'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(rowsByFile(result.stdout)).toEqual({ 'site/index.html': [[2, 22, 'warning', 'AXAG-LINT-010']] });
    expect(parsePretty(result.stdout).files[0]!.rows[0]!.message).toContain('site/meta/actions.json');
  });
});

describe.concurrent('usage errors: exit 2', () => {
  it('unknown format -f xml names the valid formats', async ({ expect }) => {
    const cwd = project({ 'index.html': GOOD });
    const result = await axag(['lint', '-f', 'xml'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('xml');
    expect(result.stderr).toContain('pretty');
    expect(result.stderr).toContain('json');
    expectNoStack(result);
  });

  it('unknown --rule id, unknown --rule severity, malformed --rule', async ({ expect }) => {
    const cwd = project({ 'index.html': WARN_007 });
    const unknownId = await axag(['lint', '--rule', 'AXAG-LINT-099:off'], { cwd });
    expect(unknownId.code).toBe(2);
    expect(unknownId.stdout).toBe('');
    expect(unknownId.stderr).toContain('AXAG-LINT-099');
    expectNoStack(unknownId);
    const badSeverity = await axag(['lint', '--rule', 'AXAG-LINT-007:loud'], { cwd });
    expect(badSeverity.code).toBe(2);
    expect(badSeverity.stdout).toBe('');
    expect(badSeverity.stderr).toContain('loud');
    expectNoStack(badSeverity);
    const noColon = await axag(['lint', '--rule', 'AXAG-LINT-007'], { cwd });
    expect(noColon.code).toBe(2);
    expect(noColon.stdout).toBe('');
  });

  it('--max-warnings that is not a number', async ({ expect }) => {
    const cwd = project({ 'index.html': GOOD });
    const result = await axag(['lint', '--max-warnings', 'many'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expectNoStack(result);
  });

  it('a path that matches nothing: missing file, empty directory, glob matching nothing', async ({ expect }) => {
    const cwd = project({ 'index.html': GOOD });
    mkdirSync(join(cwd, 'empty'));
    const missing = await axag(['lint', 'missing.html'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('missing.html');
    expectNoStack(missing);
    const empty = await axag(['lint', 'empty'], { cwd });
    expect(empty.code).toBe(2);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toContain('empty');
    const glob = await axag(['lint', 'nothing/**/*.html'], { cwd });
    expect(glob.code).toBe(2);
    expect(glob.stdout).toBe('');
    expect(glob.stderr).toContain('nothing/**/*.html');
  });
});

describe.concurrent('json format and output file', () => {
  const B_HTML = [
    '<div>',
    // 2:2-2:8 (the tag name "button"): 001, 002, 007 at one position, ordered by rule id
    '<button axag-action-type="write" axag-risk-level="low">X</button>',
    // 3:63-3:68 AXAG-LINT-004 on "Write": `<a axag-intent="nav.home" axag-entity="nav" axag-action-type="` is 62 characters
    '<a axag-intent="nav.home" axag-entity="nav" axag-action-type="Write" axag-idempotent="true" href="/">Home</a>',
    '</div>',
    '',
  ].join('\n');
  const Z_HTML = [
    '<section axag-entity="cart">',
    // 2:4-2:10 AXAG-LINT-006: risk high without confirmation; entity from the section
    '  <button axag-intent="cart.clear" axag-action-type="delete" axag-risk-level="high" axag-idempotent="true">Clear</button>',
    '</section>',
    '',
  ].join('\n');
  const files = { 'b.html': B_HTML, 'a/z.html': Z_HTML, 'c.html': GOOD };

  it('has the spec shape, relative paths, stable order, identical on a second run', async ({ expect }) => {
    const cwd = project(files);
    const first = await axag(['lint', '-f', 'json'], { cwd });
    expect(first.code).toBe(1);
    expect(first.stderr).toBe('');
    const report = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(Object.keys(report).sort()).toEqual(['files', 'summary', 'tool', 'version']);
    expect(report.version).toBe(1);
    expect(report.tool).toEqual({
      name: expect.any(String),
      version: PACKAGE_VERSION,
      informationUri: expect.stringMatching(/^https?:\/\//),
    });
    const button2 = { name: 'button', line: 2, column: 1 };
    expect(report.files).toEqual([
      {
        path: 'a/z.html',
        findings: [
          {
            ruleId: 'AXAG-LINT-006',
            severity: 'warning',
            message: expect.stringContaining('axag-confirmation-required'),
            line: 2,
            column: 4,
            endLine: 2,
            endColumn: 10,
            element: { name: 'button', line: 2, column: 3 },
            // Offset 39: after '<section axag-entity="cart">\n' (29) and '  <button ' (10), before axag-intent.
            suggestions: [{ label: 'Add axag-confirmation-required="true"', edits: [{ start: 39, end: 39, text: 'axag-confirmation-required="true" ' }] }],
          },
        ],
      },
      {
        path: 'b.html',
        findings: [
          { ruleId: 'AXAG-LINT-001', severity: 'error', message: expect.stringContaining('axag-intent'), line: 2, column: 2, endLine: 2, endColumn: 8, element: button2 },
          { ruleId: 'AXAG-LINT-002', severity: 'error', message: expect.stringContaining('axag-entity'), line: 2, column: 2, endLine: 2, endColumn: 8, element: button2 },
          {
            ruleId: 'AXAG-LINT-007',
            severity: 'warning',
            message: expect.stringContaining('axag-idempotent'),
            line: 2,
            column: 2,
            endLine: 2,
            endColumn: 8,
            element: button2,
            // Offset 14: after '<div>\n' (6) and '<button ' (8), before axag-action-type.
            suggestions: ['true', 'false'].map((value) => ({
              label: `Add axag-idempotent="${value}"`,
              edits: [{ start: 14, end: 14, text: `axag-idempotent="${value}" ` }],
            })),
          },
          {
            ruleId: 'AXAG-LINT-004',
            severity: 'error',
            message: expect.stringContaining('"Write"'),
            line: 3,
            column: 63,
            endLine: 3,
            endColumn: 68,
            element: { name: 'a', line: 3, column: 1 },
            suggestion: 'write',
            // Line 3 starts at offset 72; "Write" is at its columns 63-68.
            fix: { edits: [{ start: 134, end: 139, text: 'write' }] },
          },
        ],
      },
      { path: 'c.html', findings: [] },
    ]);
    // 5 annotated elements: b.html <button>, <a>; a/z.html <section>, <button>; c.html <button>.
    expect(report.summary).toEqual({ files: 3, annotations: 5, dynamic: 0, errors: 3, warnings: 2 });

    const second = await axag(['lint', '-f', 'json'], { cwd });
    expect(second).toEqual(first);
  });

  it('-o out/report.json writes the report (creating the directory), prints nothing, keeps the exit code', async ({ expect }) => {
    const cwd = project(files);
    const result = await axag(['lint', '-f', 'json', '-o', 'out/report.json'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
    const path = join(cwd, 'out', 'report.json');
    expect(existsSync(path)).toBe(true);
    const report = JSON.parse(readFileSync(path, 'utf8')) as { summary: unknown; files: { path: string }[] };
    expect(report.summary).toEqual({ files: 3, annotations: 5, dynamic: 0, errors: 3, warnings: 2 });
    expect(report.files.map((file) => file.path)).toEqual(['a/z.html', 'b.html', 'c.html']);
  });

  it('files without the text "axag" (and data-axag-*) give no findings', async ({ expect }) => {
    const cwd = project({
      'plain.html': '<div><p>Unclosed <b>bold</div>\n<button onclick="go()">Go</button>\n<<<>>>\n',
      'data.html': '<button data-axag-intent="Not An Intent" data-axag-action-type="Bogus">Go</button>\n',
    });
    const result = await axag(['lint', '-f', 'json'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { files: unknown; summary: unknown };
    expect(report.files).toEqual([
      { path: 'data.html', findings: [] },
      { path: 'plain.html', findings: [] },
    ]);
    expect(report.summary).toEqual({ files: 2, annotations: 0, dynamic: 0, errors: 0, warnings: 0 });
  });
});

describe.concurrent('options that change what is reported', () => {
  it('--quiet drops warnings', async ({ expect }) => {
    const cwd = project({ 'a.html': ERR_001 + WARN_007 });
    const result = await axag(['lint', '--quiet'], { cwd });
    expect(result.code).toBe(1);
    expect(rowsByFile(result.stdout)).toEqual({ 'a.html': [[1, 2, 'error', 'AXAG-LINT-001']] });
    expect(parsePretty(result.stdout).summary).toBe('✖ 1 problem (1 error, 0 warnings)');
    const onlyWarnings = project({ 'w.html': WARN_007 });
    const quietWarnings = await axag(['lint', '--quiet'], { cwd: onlyWarnings });
    expect(quietWarnings).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--rule AXAG-LINT-007:off removes its findings; :error makes them errors', async ({ expect }) => {
    const cwd = project({ 'w.html': WARN_007 });
    const off = await axag(['lint', '--rule', 'AXAG-LINT-007:off'], { cwd });
    expect(off).toEqual({ code: 0, stdout: '', stderr: '' });
    const error = await axag(['lint', '--rule', 'AXAG-LINT-007:error'], { cwd });
    expect(error.code).toBe(1);
    expect(rowsByFile(error.stdout)).toEqual({ 'w.html': [[1, 2, 'error', 'AXAG-LINT-007']] });
  });

  it('--no-config ignores a config that would change the results', async ({ expect }) => {
    const cwd = project({
      '.axag-lint.json': '{ "rules": { "AXAG-LINT-001": "off" } }\n',
      'a.html': ERR_001,
    });
    const withConfig = await axag(['lint'], { cwd });
    expect(withConfig).toEqual({ code: 0, stdout: '', stderr: '' });
    const noConfig = await axag(['lint', '--no-config'], { cwd });
    expect(noConfig.code).toBe(1);
    expect(rowsByFile(noConfig.stdout)).toEqual({ 'a.html': [[1, 2, 'error', 'AXAG-LINT-001']] });
  });

  it('-c other.json applies one config to every file, ignoring the discovered ones', async ({ expect }) => {
    const cwd = project({
      '.axag-lint.json': '{ "rules": { "AXAG-LINT-007": "error" } }\n',
      'sub/.axag-lint.json': '{ "rules": { "AXAG-LINT-001": "off" } }\n',
      'configs/other.json': '{ "rules": { "AXAG-LINT-007": "off" } }\n',
      'a.html': WARN_007,
      'sub/b.html': ERR_001 + WARN_007,
    });
    const result = await axag(['lint', '-c', 'configs/other.json'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(rowsByFile(result.stdout)).toEqual({ 'sub/b.html': [[1, 2, 'error', 'AXAG-LINT-001']] });
  });
});

describe.concurrent('config discovery', () => {
  it('each file uses the nearest .axag-lint.json', async ({ expect }) => {
    const cwd = project({
      '.axag-lint.json': '{ "rules": { "AXAG-LINT-007": "error" } }\n',
      'sub/.axag-lint.json': '{ "rules": { "AXAG-LINT-007": "off" } }\n',
      'a.html': WARN_007,
      'sub/b.html': WARN_007,
      'sub/deeper/c.html': WARN_007,
    });
    const result = await axag(['lint', '.'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(rowsByFile(result.stdout)).toEqual({ 'a.html': [[1, 2, 'error', 'AXAG-LINT-007']] });
    expect(parsePretty(result.stdout).summary).toBe('✖ 1 problem (1 error, 0 warnings)');
  });

  it('.axag-lint.yaml works', async ({ expect }) => {
    const cwd = project({
      '.axag-lint.yaml': 'rules:\n  AXAG-LINT-007: error\n',
      'a.html': WARN_007,
    });
    const result = await axag(['lint'], { cwd });
    expect(result.code).toBe(1);
    expect(rowsByFile(result.stdout)).toEqual({ 'a.html': [[1, 2, 'error', 'AXAG-LINT-007']] });
  });

  it('ignorePatterns are relative to the config file', async ({ expect }) => {
    const cwd = project({
      'site/.axag-lint.json': '{ "ignorePatterns": ["legacy"] }\n',
      'site/legacy/old.html': ERR_001,
      'site/index.html': ERR_001,
      'legacy/old.html': ERR_001, // not under site/: not ignored
    });
    const result = await axag(['lint', '.'], { cwd });
    expect(result.code).toBe(1);
    expect(rowsByFile(result.stdout)).toEqual({
      'legacy/old.html': [[1, 2, 'error', 'AXAG-LINT-001']],
      'site/index.html': [[1, 2, 'error', 'AXAG-LINT-001']],
    });
  });

  it('a file named outright that ignorePatterns exclude is not linted, with a note on stderr; exit 0', async ({ expect }) => {
    const cwd = project({ '.axag-lint.json': '{ "ignorePatterns": ["legacy/"] }\n', 'legacy/old.html': ERR_001 });
    const result = await axag(['lint', 'legacy/old.html'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('axag: not linted: legacy/old.html (matched by ignorePatterns)\n');
    const walked = await axag(['lint', 'legacy'], { cwd });
    expect(walked.code).toBe(2);
    expect(walked.stderr).toContain('no files to lint match "legacy": ignorePatterns exclude every file it matches (1)');
  });

  it('an empty .axag-lint.json is an empty config: the recommended preset', async ({ expect }) => {
    const cwd = project({ '.axag-lint.json': '\n', 'w.html': WARN_007 });
    const result = await axag(['lint'], { cwd });
    expect(result.code).toBe(0);
    expect(rowsByFile(result.stdout)).toEqual({ 'w.html': [[1, 2, 'warning', 'AXAG-LINT-007']] });
  });

  it('include limits the files a directory walk lints', async ({ expect }) => {
    const cwd = project({
      '.axag-lint.json': '{ "include": ["pages/**/*.html"] }\n',
      'pages/a.html': ERR_001,
      'pages/deep/b.html': ERR_001,
      'other/c.html': ERR_001,
      'root.html': ERR_001,
    });
    const result = await axag(['lint', '.'], { cwd });
    expect(result.code).toBe(1);
    expect(rowsByFile(result.stdout)).toEqual({
      'pages/a.html': [[1, 2, 'error', 'AXAG-LINT-001']],
      'pages/deep/b.html': [[1, 2, 'error', 'AXAG-LINT-001']],
    });
  });

  it('"extends": "axag-lint/strict" makes AXAG-LINT-007 an error', async ({ expect }) => {
    const cwd = project({ '.axag-lint.json': '{ "extends": "axag-lint/strict" }\n', 'a.html': WARN_007 });
    const result = await axag(['lint'], { cwd });
    expect(result.code).toBe(1);
    expect(rowsByFile(result.stdout)).toEqual({ 'a.html': [[1, 2, 'error', 'AXAG-LINT-007']] });
    expect(parsePretty(result.stdout).summary).toBe('✖ 1 problem (1 error, 0 warnings)');
  });
});

describe.concurrent('directory walking', () => {
  it('skips .gitignored directories and node_modules at any depth; a gitignored file named explicitly is linted', async ({ expect }) => {
    const cwd = project({
      '.gitignore': 'build/\n',
      'build/out.html': ERR_001,
      'src/index.html': ERR_001,
      'node_modules/pkg/x.html': ERR_001,
      'src/node_modules/y.html': ERR_001,
      'packages/a/node_modules/z/deep.html': ERR_001,
    });
    const git = spawnSync('git', ['init', '-q'], { cwd });
    expect(git.status).toBe(0);
    const walked = await axag(['lint', '.'], { cwd });
    expect(walked.code).toBe(1);
    expect(walked.stderr).toBe('');
    expect(rowsByFile(walked.stdout)).toEqual({ 'src/index.html': [[1, 2, 'error', 'AXAG-LINT-001']] });
    const named = await axag(['lint', 'build/out.html'], { cwd });
    expect(named.code).toBe(1);
    expect(rowsByFile(named.stdout)).toEqual({ 'build/out.html': [[1, 2, 'error', 'AXAG-LINT-001']] });
  });
});

describe.concurrent('colours', () => {
  it('--color forces ANSI escapes on a pipe', async ({ expect }) => {
    const cwd = project({ 'w.html': WARN_007 });
    const result = await axag(['lint', '--color'], { cwd, env: { NO_COLOR: undefined } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(ANSI);
  });

  it('FORCE_COLOR=1 gives ANSI escapes on a pipe', async ({ expect }) => {
    const cwd = project({ 'w.html': WARN_007 });
    const result = await axag(['lint'], { cwd, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(ANSI);
  });

  it('NO_COLOR=1 or --no-color: no escapes', async ({ expect }) => {
    const cwd = project({ 'w.html': WARN_007 });
    const noColorEnv = await axag(['lint'], { cwd, env: { NO_COLOR: '1' } });
    expect(noColorEnv.code).toBe(0);
    expect(noColorEnv.stdout).toContain('AXAG-LINT-007');
    expect(noColorEnv.stdout).not.toMatch(ANSI);
    const flag = await axag(['lint', '--no-color'], { cwd, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(flag.code).toBe(0);
    expect(flag.stdout).toContain('AXAG-LINT-007');
    expect(flag.stdout).not.toMatch(ANSI);
  });

  it('piped output (not a TTY) has no escapes by default', async ({ expect }) => {
    const cwd = project({ 'w.html': WARN_007 });
    const result = await axag(['lint'], { cwd, env: { NO_COLOR: undefined, FORCE_COLOR: undefined } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('AXAG-LINT-007');
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stderr).not.toMatch(ANSI);
  });
});

describe.concurrent('axag manifest check', () => {
  it('a valid manifest: exit 0 and a success line', async ({ expect }) => {
    const cwd = project({ 'm.yaml': MANIFEST_YAML });
    const result = await axag(['manifest', 'check', 'm.yaml'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^✔ m\.yaml is a valid AXAG manifest v1\.1 \(2 actions\)\n$/);
  });

  it('a manifest v1.1 (dynamic_actions, scope public, typed parameters with source): valid by default', async ({ expect }) => {
    const cwd = project({ 'm.yaml': MANIFEST_V1_1_YAML });
    const result = await axag(['manifest', 'check', 'm.yaml'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('✔ m.yaml is a valid AXAG manifest v1.1 (1 action)\n');
    expect(result.code).toBe(0);
  });

  it('--schema v1: exit 1, a finding at each use of what v1.1 added', async ({ expect }) => {
    const cwd = project({ 'm.yaml': MANIFEST_V1_1_YAML });
    const result = await axag(['manifest', 'check', 'm.yaml', '--schema', 'v1'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(rowsByFile(result.stdout)).toEqual({ 'm.yaml': MANIFEST_V1_1_ROWS_UNDER_V1 });
    const messages = parsePretty(result.stdout).files[0]!.rows.map((row) => row.message);
    expect(messages[1]).toBe('Manifest: unknown key "async" in actions[0]; "async" is new in manifest v1.1, and this manifest is checked against v1');
  });

  it('manifestSchema "v1" in the config that applies to the manifest is used; --schema overrides it', async ({ expect }) => {
    const cwd = project({ 'site/.axag-lint.json': '{ "manifestSchema": "v1" }\n', 'site/api/m.yaml': MANIFEST_V1_1_YAML });
    const underConfig = await axag(['manifest', 'check', 'site/api/m.yaml'], { cwd });
    expect(underConfig.stderr).toBe('');
    expect(underConfig.code).toBe(1);
    expect(rowsByFile(underConfig.stdout)).toEqual({ 'site/api/m.yaml': MANIFEST_V1_1_ROWS_UNDER_V1 });
    const overridden = await axag(['manifest', 'check', 'site/api/m.yaml', '--schema', 'v1.1'], { cwd });
    expect(overridden.stdout).toBe('✔ site/api/m.yaml is a valid AXAG manifest v1.1 (1 action)\n');
    expect(overridden.code).toBe(0);
    const v1Project = project({ '.axag-lint.json': '{ "manifestSchema": "v1" }\n', 'm.yaml': MANIFEST_YAML });
    const v1Manifest = await axag(['manifest', 'check', 'm.yaml'], { cwd: v1Project });
    expect(v1Manifest.stdout).toBe('✔ m.yaml is a valid AXAG manifest v1 (2 actions)\n');
    expect(v1Manifest.code).toBe(0);
  });

  it('--schema v2 is a usage error naming the choices; an invalid manifestSchema is a config error', async ({ expect }) => {
    const cwd = project({ 'm.yaml': MANIFEST_V1_1_YAML });
    const usage = await axag(['manifest', 'check', 'm.yaml', '--schema', 'v2'], { cwd });
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
    expect(usage.stderr).toContain("argument 'v2' is invalid");
    expect(usage.stderr).toContain('v1, v1.1');
    expectNoStack(usage);
    const configured = project({ '.axag-lint.json': '{\n  "manifestSchema": "1.1"\n}\n', 'm.yaml': MANIFEST_V1_1_YAML });
    const config = await axag(['manifest', 'check', 'm.yaml'], { cwd: configured });
    expect(config.code).toBe(2);
    expect(config.stderr).toBe('axag: invalid config file\n.axag-lint.json:2:3: manifestSchema must be one of "v1", "v1.1"; got "1.1"\n');
  });

  it('a valid manifest with one action: singular in the success line', async ({ expect }) => {
    const cwd = project({ 'm.json': MANIFEST_JSON });
    const result = await axag(['manifest', 'check', 'm.json'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(1 action)');
  });

  it('an invalid manifest: exit 1, each problem at its line and column', async ({ expect }) => {
    const cwd = project({ 'manifests/broken.yaml': BROKEN_MANIFEST_YAML });
    const result = await axag(['manifest', 'check', 'manifests/broken.yaml'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(parsePretty(result.stdout).malformed).toEqual([]);
    expect(rowsByFile(result.stdout)).toEqual({ 'manifests/broken.yaml': BROKEN_MANIFEST_ROWS });
    expect(parsePretty(result.stdout).summary).toBe('✖ 4 problems (4 errors, 0 warnings)');
  });

  it('a bad version reads as "not a semantic version", not as the raw semver regex', async ({ expect }) => {
    const cwd = project({ 'manifests/broken.yaml': BROKEN_MANIFEST_YAML });
    const result = await axag(['manifest', 'check', 'manifests/broken.yaml'], { cwd });
    expect(result.code).toBe(1);
    const version = parsePretty(result.stdout).files[0]!.rows[0]!;
    expect([version.line, version.column]).toEqual([1, 1]);
    expect(version.message).toContain('"1.0"');
    expect(version.message).toMatch(/semver|semantic version/i);
    expect(version.message).not.toContain('[1-9]');
  });

  it('a missing or unparsable manifest: exit 2', async ({ expect }) => {
    const cwd = project({ 'bad.yaml': UNPARSABLE_YAML });
    const missing = await axag(['manifest', 'check', 'nope.yaml'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('nope.yaml');
    expectNoStack(missing);
    const unparsable = await axag(['manifest', 'check', 'bad.yaml'], { cwd });
    expect(unparsable.code).toBe(2);
    expect(unparsable.stdout).toBe('');
    expect(unparsable.stderr).toContain('bad.yaml:3:14');
    expectNoStack(unparsable);
  });
});

describe.concurrent('version and help', () => {
  it('--version prints the package.json version', async ({ expect }) => {
    const cwd = project();
    const result = await axag(['--version'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(PACKAGE_VERSION);
  });

  it('--help and lint --help exit 0 and explain the exit codes', async ({ expect }) => {
    const cwd = project();
    for (const args of [['--help'], ['lint', '--help']]) {
      const result = await axag(args, { cwd });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/exit codes/i);
      expect(result.stdout).toMatch(/^\s*0\s+\S/m);
      expect(result.stdout).toMatch(/^\s*1\s+\S/m);
      expect(result.stdout).toMatch(/^\s*2\s+\S/m);
    }
  });
});

describe.concurrent('choosing the files to lint', () => {
  it('a negated include glob leaves files out of a directory walk; non-HTML matches are not linted', async ({ expect }) => {
    const cwd = project({
      '.axag-lint.json': '{ "include": ["**/*.html", "!drafts/**", "pages/**"] }\n',
      'drafts/d.html': ERR_001,
      'pages/p.html': ERR_001,
      'pages/notes.txt': 'axag notes\n',
      'a.html': ERR_001,
    });
    const result = await axag(['lint'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(Object.keys(rowsByFile(result.stdout))).toEqual(['a.html', 'pages/p.html']);
  });

  it('a negated ignore pattern takes a file back', async ({ expect }) => {
    const cwd = project({
      '.axag-lint.json': '{ "ignorePatterns": ["vendor/", "!vendor/keep.html"] }\n',
      'vendor/skip.html': ERR_001,
      'vendor/keep.html': ERR_001,
      'a.html': ERR_001,
    });
    const result = await axag(['lint'], { cwd });
    expect(result.code).toBe(1);
    expect(Object.keys(rowsByFile(result.stdout))).toEqual(['a.html', 'vendor/keep.html']);
  });

  it('a named file of another type is skipped with a note, not a failure', async ({ expect }) => {
    const cwd = project({ 'a.html': ERR_001, 'style.css': '.axag {}\n' });
    const result = await axag(['lint', 'a.html', 'style.css'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('axag: not linted: style.css (not a file type axag reads)\n');
    expect(Object.keys(rowsByFile(result.stdout))).toEqual(['a.html']);
  });

  it('a project that itself lives inside node_modules is linted; node_modules below it is not', async ({ expect }) => {
    const root = project({ 'node_modules/site/index.html': ERR_001, 'node_modules/site/node_modules/dep/x.html': ERR_001 });
    const cwd = join(root, 'node_modules', 'site');
    const named = await axag(['lint', 'index.html'], { cwd });
    expect(named.code).toBe(1);
    const walked = await axag(['lint'], { cwd });
    expect(Object.keys(rowsByFile(walked.stdout))).toEqual(['index.html']);
  });

  it('a symbolic link loop does not lint a file twice; upper-case extensions are walked', async ({ expect }) => {
    const cwd = project({ 'd/a.html': ERR_001, 'd/B.HTML': ERR_001 });
    symlinkSync('..', join(cwd, 'd', 'loop'));
    const result = await axag(['lint'], { cwd });
    expect(result.code).toBe(1);
    expect(Object.keys(rowsByFile(result.stdout))).toEqual(['d/B.HTML', 'd/a.html']); // code-unit order: 'B' < 'a'
  });
});

describe.concurrent('errors that name their cause', () => {
  it('-o into a path under a file: exit 2, the path as given and why', async ({ expect }) => {
    const cwd = project({ 'a.html': ERR_001, 'taken': 'a file\n' });
    const result = await axag(['lint', 'a.html', '-o', 'taken/report.txt'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('axag: cannot write the report to taken/report.txt: a parent of it is a file\n');
  });

  it('a missing manifest named by a config names that config', async ({ expect }) => {
    const cwd = project({ 'site/.axag-lint.json': '{ "manifestPath": "gone.yaml" }\n', 'site/a.html': GOOD });
    const result = await axag(['lint', 'site'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'axag: manifest not found: site/gone.yaml; fix manifestPath in site/.axag-lint.json, or remove it to lint without a manifest\n',
    );
  });

  it('manifest check accepts --debug and says to check the path of a missing file', async ({ expect }) => {
    const cwd = project({});
    const result = await axag(['manifest', 'check', 'nope.yaml', '--debug'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('axag: manifest not found: nope.yaml; check the path\n');
  });
});

describe.concurrent('sources other than HTML', () => {
  /** ERR_001 as JSX, at line 1: `<button` starts at column 25, its name at 26. */
  const JSX_001 = `export const A = () => (${ERR_001.trim()});\n`;

  it('a directory walk reads HTML, JSX/TSX, JS/TS, Vue and Svelte by default, not Markdown', async ({ expect }) => {
    const files: Record<string, string> = {};
    for (const ext of ['html', 'htm', 'vue', 'svelte']) files[`src/a.${ext}`] = ext === 'vue' ? `<template>${ERR_001}</template>\n` : ERR_001;
    for (const ext of ['jsx', 'tsx', 'js', 'mjs', 'cjs']) files[`src/a.${ext}`] = JSX_001;
    // TypeScript without JSX: `<string>x` is a type assertion. No element, but it is parsed: the syntax error shows it.
    for (const ext of ['ts', 'mts', 'cts']) files[`src/a.${ext}`] = 'const axag = <string>value;\nconst broken = ;\n';
    files['docs/guide.md'] = `\`\`\`html\n${ERR_001}\`\`\`\n`;
    files['docs/page.mdx'] = `\`\`\`html\n${ERR_001}\`\`\`\n`;
    const result = await axag(['lint', '--format', 'json'], { cwd: project(files) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: { path: string; findings: { ruleId: string; line: number; column: number }[] }[] };
    const found = Object.fromEntries(report.files.map((f) => [f.path, f.findings.map((x) => `${x.ruleId}@${x.line}:${x.column}`)]));
    expect(found).toEqual({
      'src/a.cjs': ['AXAG-LINT-001@1:26'],
      'src/a.cts': ['axag/parse-error@2:16'],
      'src/a.htm': ['AXAG-LINT-001@1:2'],
      'src/a.html': ['AXAG-LINT-001@1:2'],
      'src/a.js': ['AXAG-LINT-001@1:26'],
      'src/a.jsx': ['AXAG-LINT-001@1:26'],
      'src/a.mjs': ['AXAG-LINT-001@1:26'],
      'src/a.mts': ['axag/parse-error@2:16'],
      'src/a.svelte': ['AXAG-LINT-001@1:2'],
      'src/a.ts': ['axag/parse-error@2:16'],
      'src/a.tsx': ['AXAG-LINT-001@1:26'],
      'src/a.vue': ['AXAG-LINT-001@1:12'],
    });
  });

  it('files without the text "axag" are not parsed: a broken script without it gives nothing', async ({ expect }) => {
    const cwd = project({ 'broken.js': 'const = ;\n', 'broken.vue': '<template><div></template>\n', 'a.html': GOOD });
    const result = await axag(['lint', '--verbose'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/3 files/);
  });

  it('Markdown is linted when named, globbed by its extension, or included by config', async ({ expect }) => {
    const md = `# Guide\n\n- Step one:\n\n  \`\`\`jsx\n  ${ERR_001}  \`\`\`\n`; // the <button> at line 6, column 3; its name at 4
    const cwd = project({ 'docs/guide.md': md, 'docs/notes.mdx': md, 'docs/a.html': GOOD });
    const named = await axag(['lint', 'docs/guide.md'], { cwd });
    expect(named.code).toBe(1);
    expect(rowsByFile(named.stdout)).toEqual({ 'docs/guide.md': [[6, 4, 'error', 'AXAG-LINT-001']] });

    const globbed = await axag(['lint', 'docs/*.{md,mdx}'], { cwd });
    expect(Object.keys(rowsByFile(globbed.stdout))).toEqual(['docs/guide.md', 'docs/notes.mdx']);

    const walked = await axag(['lint', 'docs'], { cwd });
    expect(walked.code).toBe(0);
    const everything = await axag(['lint', 'docs/**'], { cwd });
    expect(everything.code).toBe(0);

    const included = project({ 'docs/guide.md': md, '.axag-lint.json': '{ "include": ["**/*.html", "docs/**/*.md"] }\n' });
    const configured = await axag(['lint'], { cwd: included });
    expect(configured.code).toBe(1);
    expect(Object.keys(rowsByFile(configured.stdout))).toEqual(['docs/guide.md']);
  });

  it('--rule cannot turn axag/parse-error off: exit 2, saying why', async ({ expect }) => {
    const result = await axag(['lint', '--rule', 'axag/parse-error:off'], { cwd: project({ 'a.html': GOOD }) });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('axag/parse-error is always reported and cannot be configured');
  });

  it('a syntax error is an axag/parse-error finding at its position; the other files are still linted', async ({ expect }) => {
    const cwd = project({
      // An unclosed <button>: Babel reports "Unterminated JSX contents" where the contents begin, after the start tag (2:77).
      'Broken.jsx': 'export const B = () => (\n  <button axag-intent="cart.add" axag-entity="cart" axag-action-type="read">\n);\n',
      'Broken.vue': '<template>\n  <div axag-entity="cart">\n</template>\n', // the <div> has no end tag: Vue reports it at the <div>, line 2 column 3
      'Broken.svelte': '{#if open}\n<p axag-entity="cart">x</p>\n', // the {#if} block is never closed: Svelte reports it at its start
      'a.html': ERR_001,
    });
    const result = await axag(['lint', '--quiet'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const rows = Object.fromEntries(parsePretty(result.stdout).files.map((file) => [file.path, file.rows]));
    expect(Object.keys(rows)).toEqual(['Broken.jsx', 'Broken.svelte', 'Broken.vue', 'a.html']);
    expect(rows['Broken.jsx']).toEqual([
      { line: 2, column: 77, severity: 'error', ruleId: 'axag/parse-error', message: 'JSX does not parse: Unterminated JSX contents; fix the syntax so axag can check its annotations' },
    ]);
    expect(rows['Broken.vue']).toEqual([
      { line: 2, column: 3, severity: 'error', ruleId: 'axag/parse-error', message: 'The Vue template does not parse: Element is missing end tag; fix the syntax so axag can check its annotations' },
    ]);
    expect(rows['Broken.svelte']).toEqual([
      { line: 1, column: 1, severity: 'error', ruleId: 'axag/parse-error', message: 'The Svelte component does not parse: Block was left open; fix the syntax so axag can check its annotations' },
    ]);
    expect(rows['a.html']).toEqual([expect.objectContaining({ ruleId: 'AXAG-LINT-001' })]);
  });
});

describe.concurrent('several reports in one run', () => {
  const FORMATS = ['pretty', 'json', 'sarif', 'github', 'junit', 'gitlab'];

  it('--format pretty --format sarif=axag.sarif: pretty on stdout, SARIF written; comma-separated works the same', async ({ expect }) => {
    const cwd = project({ 'a.html': ERR_001, 'b.html': WARN_007 });
    const repeated = await axag(['lint', '--format', 'pretty', '--format', 'sarif=axag.sarif'], { cwd });
    expect(repeated.code).toBe(1);
    expect(Object.keys(rowsByFile(repeated.stdout))).toEqual(['a.html', 'b.html']);
    const sarif = JSON.parse(readFileSync(join(cwd, 'axag.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(['AXAG-LINT-001', 'AXAG-LINT-007']);

    const comma = await axag(['lint', '-f', 'json,sarif=r/axag.sarif,junit=r/axag.xml'], { cwd });
    expect(comma.code).toBe(1);
    expect((JSON.parse(comma.stdout) as { summary: { errors: number } }).summary.errors).toBe(1);
    expect(readFileSync(join(cwd, 'r', 'axag.sarif'), 'utf8')).toBe(readFileSync(join(cwd, 'axag.sarif'), 'utf8'));
    expect(readFileSync(join(cwd, 'r', 'axag.xml'), 'utf8')).toMatch(/^<\?xml/);
  });

  it.for(FORMATS)('-f %s: exit 1 with errors, 0 with warnings, 1 past --max-warnings', async (format, { expect }) => {
    const errors = project({ 'a.html': ERR_001 });
    const warnings = project({ 'a.html': WARN_007 });
    expect((await axag(['lint', '-f', format], { cwd: errors })).code).toBe(1);
    expect((await axag(['lint', '-f', format], { cwd: warnings })).code).toBe(0);
    expect((await axag(['lint', '-f', format, '--max-warnings', '0'], { cwd: warnings })).code).toBe(1);
  });

  it('every format at once: the same exit code, and a comma inside a file name stays in it', async ({ expect }) => {
    const errors = project({ 'a.html': ERR_001 });
    const named = await axag(['lint', '-f', 'sarif=a,b.sarif'], { cwd: errors });
    expect(named.code).toBe(1);
    expect(readFileSync(join(errors, 'a,b.sarif'), 'utf8')).toMatch(/"version": "2.1.0"/);
    const all = await axag(['lint', '-f', `pretty,${FORMATS.slice(1).map((f) => `${f}=out/${f}`).join(',')}`], { cwd: errors });
    expect(all.code).toBe(1);
  });

  it('-o takes the report that has no file of its own', async ({ expect }) => {
    const cwd = project({ 'a.html': ERR_001 });
    const result = await axag(['lint', '-o', 'report.txt', '-f', 'pretty', '-f', 'gitlab=gl.json'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(Object.keys(rowsByFile(readFileSync(join(cwd, 'report.txt'), 'utf8')))).toEqual(['a.html']);
    expect(JSON.parse(readFileSync(join(cwd, 'gl.json'), 'utf8'))).toHaveLength(1);
  });

  it('usage errors exit 2 and say what to do', async ({ expect }) => {
    const cwd = project({ 'a.html': ERR_001 });
    const cases: [string[], string][] = [
      [['-f', 'pretty', '-f', 'json'], 'only one report can go to standard output, not pretty and json; give the others a file, e.g. -f json=report.txt'],
      [['-f', 'sarif=a.out', '-f', 'gitlab=a.out'], 'sarif and gitlab reports would both be written to a.out; give each its own file'],
      [['-f', 'sarif=a.sarif', '-o', 'b.txt'], '-o b.txt has no report to take: every -f format here names its own file'],
      [['-f', 'sarif='], 'no file after "sarif="; write sarif=<file>, or sarif alone for standard output'],
      [['-f', 'json,xml'], 'unknown format "xml"; expected one of pretty, json, sarif, github, junit, gitlab'],
    ];
    for (const [args, message] of cases) {
      const result = await axag(['lint', ...args], { cwd });
      expect([args, result.code, result.stdout]).toEqual([args, 2, '']);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
