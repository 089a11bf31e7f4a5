/**
 * The checks across files (spec §9.1): axag/duplicate-intent and axag/manifest-unused run after every file is
 * linted, on the intent index of each file's result. Through the built CLI and the library's lint(): the finding
 * lands on the right file, at the right place, with the severity of that file's config, its directives and the
 * baseline applied.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint, NO_INTENTS, unpackIntents, type IntentDeclaration } from '../src/index.js';
import { packIntents } from '../src/engine/packed-intents.js';
import { assertBuilt, axag, project, removeProjects, writeFiles } from './cli-helpers.js';

beforeAll(() => assertBuilt());
afterAll(() => removeProjects());

const MANIFEST_HEAD = 'version: "1.1.0"\ngenerated_at: "2026-01-01T00:00:00Z"\nsource: {}\nconformance: basic\nactions:\n';
const action = (intent: string, extra = '') => `  - { intent: ${intent}, entity: ${intent.split('.')[0]}, action_type: read, description: d${extra} }\n`;
/** A read action, complete for the recommended preset; `extra` adds attributes. The manifest's actions are at column 7 (`  - { intent`). */
const button = (intent: string, extra = '') =>
  `<button axag-intent="${intent}" axag-entity="${intent.split('.')[0]}" axag-action-type="read"${extra}>Go</button>`;

interface JsonReport {
  files: { path: string; findings: { ruleId: string; severity: string; message: string; line: number; column: number }[] }[];
}

/** `path: [line, column, ruleId, severity]` of every finding of a JSON report. */
function findingsOf(stdout: string): Record<string, [number, number, string, string][]> {
  const report = JSON.parse(stdout) as JsonReport;
  return Object.fromEntries(
    report.files
      .filter((file) => file.findings.length > 0)
      .map((file) => [file.path, file.findings.map((f) => [f.line, f.column, f.ruleId, f.severity] as [number, number, string, string])]),
  );
}

describe('axag/duplicate-intent through the CLI', () => {
  it('reports the later declarations (path order, then position) on their own file, naming the first; identical repeats pass', async () => {
    const cwd = project({
      '.axag-lint.json': '{ "extends": "axag-lint/recommended" }\n',
      'b/page.html': `${button('cart.view')}\n${button('cart.view', ' axag-scope="user"')}\n`,
      'a/page.html': `${button('cart.view')}\n${button('cart.view')}\n`,
      'c/deep/page.html': `${button('cart.view', ' axag-risk-level="none"')}\n`,
    });
    const result = await axag(['lint', '-f', 'json'], { cwd });
    expect(findingsOf(result.stdout)).toEqual({
      'b/page.html': [[2, 22, 'axag/duplicate-intent', 'warning']],
      'c/deep/page.html': [[1, 22, 'axag/duplicate-intent', 'warning']],
    });
    const report = JSON.parse(result.stdout) as JsonReport;
    const messages = report.files.flatMap((file) => file.findings.map((finding) => finding.message));
    expect(messages[0]).toBe(
      'Intent "cart.view" is already declared at a/page.html:1:22 with another annotation (scope "user" here, not declared there); ' +
        'generators keep the first declaration and drop this one, so make them agree or give this action an intent of its own',
    );
    expect(messages[1]).toContain('at a/page.html:1:22 with another annotation (risk level "none" here, not declared there)');
    expect(result.code).toBe(0);
  });

  it('points at the first declaration as a related place: with its path when it is in another file', async () => {
    const cwd = project({
      '.axag-lint.json': '{ "extends": "axag-lint/recommended" }\n',
      'a/page.html': `${button('cart.view')}\n`,
      'b/page.html': `${button('cart.view', ' axag-scope="user"')}\n${button('cart.view', ' axag-scope="tenant"')}\n`,
    });
    const json = await axag(['lint', '-f', 'json'], { cwd });
    const report = JSON.parse(json.stdout) as { files: { path: string; findings: { line: number; related?: unknown }[] }[] };
    const first = { message: 'The first declaration of "cart.view"', line: 1, column: 22, endLine: 1, endColumn: 31 };
    expect(report.files.find((file) => file.path === 'b/page.html')?.findings.map((f) => [f.line, f.related])).toEqual([
      [1, [{ ...first, path: 'a/page.html' }]],
      [2, [{ ...first, path: 'a/page.html' }]],
    ]);
    const sarif = await axag(['lint', '-f', 'sarif'], { cwd });
    const results = (JSON.parse(sarif.stdout) as { runs: { results: { relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }).runs[0]!.results;
    expect(results.map((r) => r.relatedLocations?.map((place) => place.physicalLocation.artifactLocation.uri))).toEqual([['a/page.html'], ['a/page.html']]);

    // Within one file the related place has no path: it is the finding's file.
    const alone = await lint([join(cwd, 'b/page.html')], { cwd });
    expect(alone.files[0]!.findings.map((f) => [f.line, f.related])).toEqual([[2, [first]]]);
  });

  it('compares within a site: packages with their own configs and no manifest are separate; files that share a manifest are one', async () => {
    const cwd = project({
      'packages/shop/.axag-lint.json': '{}\n',
      'packages/shop/a.html': `${button('order.view')}\n`,
      'packages/admin/.axag-lint.json': '{}\n',
      'packages/admin/a.html': `${button('order.view', ' axag-scope="tenant"')}\n`,
      'site/axag-manifest.yaml': MANIFEST_HEAD + action('order.view'),
      'site/.axag-lint.json': '{ "rules": { "axag/manifest-drift": "off" } }\n',
      'site/a.html': `${button('order.view')}\n`,
      'site/legacy/.axag-lint.json': '{ "manifestPath": "../axag-manifest.yaml", "rules": { "axag/manifest-drift": "off", "axag/duplicate-intent": "error" } }\n',
      'site/legacy/b.html': `${button('order.view', ' axag-scope="user"')}\n`,
    });
    const result = await axag(['lint', '-f', 'json'], { cwd });
    expect(findingsOf(result.stdout)).toEqual({ 'site/legacy/b.html': [[1, 22, 'axag/duplicate-intent', 'error']] });
    expect(result.code).toBe(1);
  });

  it('takes its severity from the config of the file the finding is on, honours --quiet, and is off where that config turns it off', async () => {
    const cwd = project({
      'axag-manifest.yaml': MANIFEST_HEAD + action('order.view'),
      '.axag-lint.json': '{ "rules": { "axag/manifest-drift": "off" } }\n',
      'a.html': `${button('order.view')}\n`,
      'quiet/.axag-lint.json': '{ "manifestPath": "../axag-manifest.yaml", "rules": { "axag/manifest-drift": "off", "axag/duplicate-intent": "off" } }\n',
      'quiet/b.html': `${button('order.view', ' axag-scope="user"')}\n`,
      'z.html': `${button('order.view', ' axag-scope="tenant"')}\n`,
    });
    expect(findingsOf((await axag(['lint', '-f', 'json'], { cwd })).stdout)).toEqual({ 'z.html': [[1, 22, 'axag/duplicate-intent', 'warning']] });
    expect(findingsOf((await axag(['lint', '-f', 'json', '--quiet'], { cwd })).stdout)).toEqual({});
    const raised = await axag(['lint', '-f', 'json', '--quiet', '--rule', 'axag/duplicate-intent:error'], { cwd });
    // --rule applies to every config: quiet/ too.
    expect(findingsOf(raised.stdout)).toEqual({
      'quiet/b.html': [[1, 22, 'axag/duplicate-intent', 'error']],
      'z.html': [[1, 22, 'axag/duplicate-intent', 'error']],
    });
  });

  it('honours the directives of the file the finding lands on; a bare directive it uses is not reported unused', async () => {
    const cwd = project({
      'a.html': `${button('cart.view')}\n`,
      'b.html': [
        '<!-- axag-disable-next axag/duplicate-intent -->',
        button('cart.view', ' axag-scope="user"'),
        '<!-- axag-disable-next -->',
        button('cart.view', ' axag-scope="tenant"'),
        '<!-- axag-disable-next -->',
        button('cart.open'),
        button('cart.view', ' axag-scope="public"'),
        '',
      ].join('\n'),
    });
    const result = await axag(['lint', '-f', 'json', '--report-unused-disable-directives'], { cwd });
    expect(findingsOf(result.stdout)).toEqual({
      'b.html': [
        [5, 1, 'axag/directive', 'warning'],
        [7, 22, 'axag/duplicate-intent', 'warning'],
      ],
    });
  });

  it('is baselined like any finding, and the baseline survives lines inserted above the first declaration', async () => {
    const cwd = project({ 'a.html': `${button('cart.view')}\n`, 'b.html': `${button('cart.view', ' axag-scope="user"')}\n` });
    expect((await axag(['lint', '--baseline', 'base.json', '--update-baseline'], { cwd })).code).toBe(0);
    writeFiles(cwd, { 'a.html': `<p>intro</p>\n<p>more</p>\n${button('cart.view')}\n` });
    expect(await axag(['lint', '--baseline', 'base.json'], { cwd })).toEqual({ code: 0, stdout: '', stderr: '' });
    writeFiles(cwd, { 'b.html': `${button('cart.view', ' axag-scope="tenant"')}\n` });
    const changed = await axag(['lint', '--baseline', 'base.json', '-f', 'json'], { cwd });
    expect(findingsOf(changed.stdout)).toEqual({ 'b.html': [[1, 22, 'axag/duplicate-intent', 'warning']] });
  });
});

describe('axag/manifest-unused through the CLI', () => {
  it('reports each manifest action no linted file declares, on the manifest at its intent, when turned on', async () => {
    const cwd = project({
      'axag-manifest.yaml': MANIFEST_HEAD + action('cart.view') + action('order.view') + action('wishlist.view'),
      'a.html': `${button('cart.view')}\n`,
      'sub/b.jsx': `export const B = () => ${button('order.view')};\n`,
    });
    expect(findingsOf((await axag(['lint', '-f', 'json'], { cwd })).stdout)).toEqual({});
    const on = await axag(['lint', '-f', 'json', '--rule', 'axag/manifest-unused:error'], { cwd });
    expect(findingsOf(on.stdout)).toEqual({ 'axag-manifest.yaml': [[8, 7, 'axag/manifest-unused', 'error']] });
    expect(on.code).toBe(1);
    const message = (JSON.parse(on.stdout) as JsonReport).files.find((file) => file.path === 'axag-manifest.yaml')!.findings[0]!.message;
    expect(message).toBe(
      'Manifest action "wishlist.view" is declared by no annotation linted with this manifest (2 files); ' +
        'regenerate the manifest, or annotate the element that performs it',
    );
  });

  it("takes its severity from the config that applies to the manifest file, and counts the files of every config that uses it", async () => {
    const cwd = project({
      'shop/.axag-lint.json': '{ "rules": { "axag/manifest-unused": "warn" } }\n',
      'shop/axag-manifest.yaml': MANIFEST_HEAD + action('cart.view') + action('order.view'),
      'shop/a.html': `${button('cart.view')}\n`,
      'shop/legacy/.axag-lint.json': '{ "manifestPath": "../axag-manifest.yaml" }\n',
      'shop/legacy/b.html': `${button('order.view')}\n`,
      'other/axag-manifest.yaml': MANIFEST_HEAD + action('cart.view') + action('order.view'),
      'other/.axag-lint.json': '{}\n',
      'other/a.html': `${button('cart.view')}\n`,
    });
    expect(findingsOf((await axag(['lint', '-f', 'json'], { cwd })).stdout)).toEqual({});
    // Without the legacy page, order.view is unused in shop/; other/ has the check off.
    const partial = await axag(['lint', 'shop/a.html', 'other', '-f', 'json'], { cwd });
    expect(findingsOf(partial.stdout)).toEqual({ 'shop/axag-manifest.yaml': [[7, 7, 'axag/manifest-unused', 'warning']] });
  });
});

describe('a packed intent index', () => {
  it('unpacks to the declarations packed: null and absent fields apart, any text, in order', () => {
    const declaration = (intent: string, fields: Record<string, string | null>): IntentDeclaration => ({
      intent,
      range: { line: 3, column: 7, endLine: 3, endColumn: 7 + intent.length },
      element: { name: 'button', line: 3, column: 1, digest: '0123456789abcdef0123456789abcdef' },
      fields,
    });
    const declarations = [
      declaration('cart.add_item', { 'axag-action-type': 'write', 'axag-entity': null, 'axag-risk-level': 'low' }),
      declaration('say "hi" \\ ü', { 'axag-entity': 'Zürich', 'axag-scope': null }),
      declaration('order.view → 🧾', { 'axag-entity': 'order' }),
    ];
    const packed = packIntents(declarations);
    expect(unpackIntents(packed)).toEqual(declarations);
    expect(unpackIntents(packed).map((d) => Object.keys(d.fields))).toEqual(declarations.map((d) => Object.keys(d.fields)));
    expect(unpackIntents(packIntents([]))).toEqual([]);
    expect(packIntents([])).toBe(NO_INTENTS);
  });
});

describe('the checks across files in the library', () => {
  it('give the same findings whatever order the files come in, from the plain data of each result', async () => {
    const cwd = project({
      '.axag-lint.json': '{ "rules": { "axag/manifest-unused": "warn", "axag/manifest-drift": "off" } }\n',
      'axag-manifest.yaml': MANIFEST_HEAD + action('cart.view') + action('order.view'),
      'a.html': `${button('cart.view')}\n`,
      'b.html': `${button('cart.view', ' axag-scope="user"')}\n`,
    });
    const forward = await lint(['a.html', 'b.html'], { cwd });
    const backward = await lint(['b.html', 'a.html'], { cwd });
    const shape = (results: typeof forward) => results.files.map((file) => [file.path, file.findings.map((f) => [f.line, f.ruleId, f.message])]);
    expect(shape(backward)).toEqual(shape(forward));
    expect(shape(forward)).toEqual([
      [join(cwd, 'a.html'), []],
      [join(cwd, 'axag-manifest.yaml'), [[7, 'axag/manifest-unused', expect.stringContaining('"order.view"')]]],
      [join(cwd, 'b.html'), [[1, 'axag/duplicate-intent', expect.stringContaining('a.html:1:22')]]],
    ]);
    // What the checks read is plain data on each result, packed in one string (for a worker, a cache).
    const a = forward.files.find((file) => file.path === join(cwd, 'a.html'))!;
    expect(typeof a.intents).toBe('string');
    const intents = unpackIntents(a.intents);
    expect(intents).toEqual([
      expect.objectContaining({
        intent: 'cart.view',
        range: { line: 1, column: 22, endLine: 1, endColumn: 31 },
        fields: expect.objectContaining({ 'axag-action-type': 'read', 'axag-entity': 'cart' }),
      }),
    ]);
    // Not declared, so left out (its default, false, applies when compared).
    expect(intents[0]!.fields).not.toHaveProperty('axag-confirmation-required');
  });
});
