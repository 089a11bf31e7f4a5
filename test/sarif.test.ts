/**
 * SARIF through its real consumers' eyes: the OASIS 2.1.0 schema (ajv, draft-04),
 * and Microsoft's SARIF Multitool with GitHub's ingestion rules. Runs the built
 * CLI on a project with findings in several files and directories, on a clean
 * project, on the bundled example and on every fixture directory.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import addFormatsPlugin from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATTERS, lint } from '../src/index.js';
import { isSourceFile } from '../src/sources/index.js';
import { assertBuilt, axag, project, removeProjects, ROOT, PACKAGE_VERSION } from './cli-helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
// Both are CommonJS: under NodeNext their default imports are the module objects.
const Ajv = AjvDraft04 as unknown as typeof AjvDraft04.default;
const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { homepage: string };
const TOOL = { name: 'axag', version: PACKAGE_VERSION, informationUri: PACKAGE.homepage };

const MULTITOOL = join(ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');

/** The shared project: findings in several files and directories, a manifest problem and a syntax error. */
const SHARED: Record<string, string> = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  'site/.axag-lint.json': '{ "manifestPath": "axag-manifest.yaml" }\n',
  'site/axag-manifest.yaml': 'version: "1.0.0"\ngenerated_at: "2024-01-01T00:00:00Z"\nsource: { url: "https://x.example", paths: ["."], tool: t, tool_version: "1" }\nconformance: basic\nactions:\n  - intent: cart.add_item\n    entity: cart\n    action_type: write\n',
  'site/index.html': '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="Write">Add</button>\n',
  'site/admin/users é.html': '<button axag-entity="user" axag-action-type="read">List</button>\n',
  'site/components/Cart.jsx': 'export const Cart = () => <button axag-intent="cart.clear" axag-entity="cart" axag-action-type="delete" axag-risk-level="medium" />;\n',
  'site/components/Broken.vue': '<template>\n  <div axag-entity="cart">\n</template>\n',
};

interface SarifLog {
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; name: string; helpUri: string; help: { text: string; markdown: string }; defaultConfiguration: { level: string; enabled?: boolean }; properties: { tags: string[] } }[] } };
    invocations: { executionSuccessful: boolean; toolConfigurationNotifications: { message: { text: string }; locations?: unknown[] }[] }[];
    originalUriBaseIds: Record<string, { uri: string }>;
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[] }[];
  }[];
}

let shared: string;
beforeAll(() => {
  assertBuilt();
  shared = project(SHARED);
});
afterAll(removeProjects);

async function sarifOf(args: string[], cwd: string): Promise<{ log: SarifLog; code: number | null; text: string }> {
  const result = await axag(['lint', '-f', 'sarif', ...args], { cwd });
  return { log: JSON.parse(result.stdout) as SarifLog, code: result.code, text: result.stdout };
}

describe('sarif', () => {
  it('validates against the OASIS SARIF 2.1.0 schema, with and without findings', async () => {
    const withFindings = await sarifOf(['site'], shared);
    expect(withFindings.code).toBe(1);
    expect(validate(withFindings.log), ajv.errorsText(validate.errors)).toBe(true);
    // A shard's run carries automationDetails (its category).
    const sharded = await sarifOf(['--shard', '2/2', 'site'], shared);
    expect(sharded.log.runs[0]).toHaveProperty('automationDetails', { id: 'axag/shard-2-of-2/' });
    expect(validate(sharded.log), ajv.errorsText(validate.errors)).toBe(true);
    const clean = await sarifOf(['--no-config', 'ok.html'], project({ 'ok.html': '<p>no annotations</p>\n' }));
    expect(clean.code).toBe(0);
    expect(validate(clean.log), ajv.errorsText(validate.errors)).toBe(true);
    expect(clean.log.runs[0]!.results).toEqual([]);
  });

  it('lists every check in a stable order with the documentation GitHub shows', async () => {
    const { log } = await sarifOf(['site'], shared);
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('axag');
    expect(driver.version).toBe(PACKAGE_VERSION);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    // The rules in id order (spec §2), the namespaced rules (§9), then the checks that are not rules.
    const numbered = Array.from({ length: 12 }, (_, i) => `AXAG-LINT-${String(i + 1).padStart(3, '0')}`);
    const own = [
      'axag/macro-syntax',
      'axag/macro-conflict',
      'axag/unknown-attribute',
      'axag/intent-format',
      'axag/entity-format',
      'axag/boolean-value',
      'axag/scope-value',
      'axag/attribute-value',
      'axag/deprecated-value',
      'axag/risk-level-required',
      'axag/parameter-object',
      'axag/parameter-type',
      'axag/params-from',
      'axag/schema-ref',
      'axag/duplicate-intent',
      'axag/manifest-drift',
      'axag/manifest-unused',
      'axag/dynamic-annotation',
      'axag/tenant-parameter',
    ];
    const offByDefault = ['axag/manifest-unused', 'axag/dynamic-annotation', 'axag/tenant-parameter'];
    expect(driver.rules.map((rule) => rule.id)).toEqual([...numbered, ...own, 'axag/parse-error', 'axag/directive', 'axag/manifest-schema', 'axag/internal-error']);
    for (const rule of driver.rules) {
      expect(rule.help.text.length).toBeGreaterThan(40);
      expect(rule.help.markdown).toContain('```');
      expect(['error', 'warning']).toContain(rule.defaultConfiguration.level);
      // A check that is off by default is not enabled, and says at which level it reports once turned on.
      expect(rule.defaultConfiguration.enabled).toBe(offByDefault.includes(rule.id) ? false : undefined);
      expect(rule.properties.tags).toContain('axag');
      // Each rule's own page, generated into docs/rules/ from the same documentation (test/rule-pages.test.ts).
      expect(rule.helpUri).toBe(`https://github.com/axag/axag-lint/blob/v${PACKAGE_VERSION}/docs/rules/${rule.id}.md`);
      expect(existsSync(join(ROOT, 'docs', 'rules', ...`${rule.id}.md`.split('/')))).toBe(true);
    }
    expect(driver.rules[6]).toMatchObject({ id: 'AXAG-LINT-007', name: 'idempotent-declared', defaultConfiguration: { level: 'warning' } });
  });

  it('gives each result its rule index, level, message and a repository-relative location with a full region', async () => {
    const { log } = await sarifOf(['site'], shared);
    const run = log.runs[0]!;
    expect(run.originalUriBaseIds['%SRCROOT%']!.uri).toBe(`${pathToFileURL(shared).href}/`);
    const rows = run.results.map((r) => {
      const { artifactLocation, region } = r.locations[0]!.physicalLocation;
      expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      return `${artifactLocation.uri} ${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn} ${r.level} ${r.ruleId}`;
    });
    expect(rows).toEqual([
      // <button at column 1, its name at 2–8: no axag-intent.
      'site/admin/users%20%C3%A9.html 1:2-1:8 error AXAG-LINT-001',
      // The manifest action lacks `description` (required): reported at the action object, lines 6–8.
      'site/axag-manifest.yaml 6:5-9:1 error axag/manifest-schema',
      // Vue reports the unclosed <div> at its start.
      'site/components/Broken.vue 2:3-2:4 error axag/parse-error',
      // `<button` starts at column 27 of the arrow function: a delete without axag-idempotent, and an intent the
      // manifest does not list (at the value, inside the quotes).
      'site/components/Cart.jsx 1:28-1:34 warning AXAG-LINT-007',
      'site/components/Cart.jsx 1:48-1:58 warning AXAG-LINT-010',
      // `Write` after `<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="` (73 characters).
      'site/index.html 1:74-1:79 error AXAG-LINT-004',
    ]);
    expect(run.invocations[0]!.executionSuccessful).toBe(true);
  });

  it('gives the place of a cause on another element as a related location with an id and a message', async () => {
    const text =
      '<form axag-intent="funds.transfer" axag-entity="transfer" axag-action-type="write" axag-idempotent="false" axag-scope="user">\n' +
      '  <button type="submit" axag-risk-level="critical">Send</button>\n' +
      '</form>\n';
    const cwd = project({ '.git/HEAD': 'ref: refs/heads/main\n', 'pages/transfer.html': text });
    const { log } = await sarifOf(['--no-config', 'pages'], cwd);
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
    const results = log.runs[0]!.results as (SarifLog['runs'][0]['results'][0] & { relatedLocations?: unknown[] })[];
    const column = text.split('\n')[1]!.indexOf('critical') + 1;
    expect(results.find((r) => r.ruleId === 'AXAG-LINT-006')?.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: { artifactLocation: { uri: 'pages/transfer.html', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: column, endLine: 2, endColumn: column + 8 } },
        message: { text: 'axag-risk-level "critical" on this <button> applies to Action "funds.transfer" (<form>)' },
      },
    ]);
    // Only where the cause is elsewhere.
    expect(results.filter((r) => r.relatedLocations).map((r) => r.ruleId)).toEqual(['AXAG-LINT-006']);
  });

  it('gives the same repository-relative URIs from a subdirectory and from outside the repository', async () => {
    const fromRoot = (await sarifOf(['site'], shared)).log.runs[0]!;
    const fromSubdirectory = (await sarifOf(['.'], join(shared, 'site'))).log.runs[0]!;
    const fromOutside = (await sarifOf([join(shared, 'site')], dirname(shared))).log.runs[0]!;
    const uris = (run: typeof fromRoot) => run.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris(fromSubdirectory)).toEqual(uris(fromRoot));
    expect(uris(fromOutside)).toEqual(uris(fromRoot));
    expect(fromOutside.originalUriBaseIds).toEqual(fromRoot.originalUriBaseIds);
  });

  it('a broken config still yields SARIF: executionSuccessful false and a located configuration notification; exit 2', async () => {
    const cwd = project({ '.git/HEAD': 'x\n', '.axag-lint.json': '{ "rules": { "AXAG-LINT-099": "error" } }\n', 'a.html': '<p></p>\n' });
    const result = await axag(['lint', '-f', 'sarif=out/axag.sarif', '-f', 'pretty'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('AXAG-LINT-099');
    const log = JSON.parse(readFileSync(join(cwd, 'out', 'axag.sarif'), 'utf8')) as SarifLog;
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
    const invocation = log.runs[0]!.invocations[0]!;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolConfigurationNotifications[0]!.message.text).toContain('AXAG-LINT-099');
    expect(invocation.toolConfigurationNotifications[0]!.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: '.axag-lint.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 14 } } }, // the key "AXAG-LINT-099" after `{ "rules": { `
    ]);
  });

  it('what the configuration named and axag ignored: warning notifications, at the key when in a file; the run succeeds', async () => {
    // `{ "rules": { ` is 13 characters: the key "AXAG-LINT-025" is at 1:14.
    const cwd = project({ ...PEER_CONFIG_PROJECT });
    const result = await axag(['lint', '-f', 'sarif', '--rule', 'AXAG-LINT-024:off'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'axag: warning: --rule: AXAG-LINT-024 is not a check of axag; ignored\n' +
        'axag: warning: .axaglintrc.json:1:14: AXAG-LINT-025 is not a check of axag; ignored\n',
    );
    const log = JSON.parse(result.stdout) as SarifLog;
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
    const invocation = log.runs[0]!.invocations[0]!;
    expect(invocation.executionSuccessful).toBe(true);
    expect(invocation.toolConfigurationNotifications).toEqual([
      { level: 'warning', message: { text: '--rule: AXAG-LINT-024 is not a check of axag; ignored' } },
      {
        level: 'warning',
        message: { text: 'AXAG-LINT-025 is not a check of axag; ignored' },
        locations: [{ physicalLocation: { artifactLocation: { uri: '.axaglintrc.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 14 } } }],
      },
    ]);
    expect(log.runs[0]!.results.map((r) => r.ruleId)).toEqual(['AXAG-LINT-007']);
  });

  it('a run stopped by a broken config still carries the warnings found before it', async () => {
    const cwd = project({ ...PEER_CONFIG_PROJECT, 'sub/.axag-lint.json': '{ "identity": "loose" }\n', 'sub/b.html': '<p></p>\n' });
    const result = await axag(['lint', '-f', 'sarif', 'a.html', 'sub/b.html'], { cwd });
    expect(result.code).toBe(2);
    const log = JSON.parse(result.stdout) as SarifLog;
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
    const notifications = log.runs[0]!.invocations[0]!.toolConfigurationNotifications as { level: string; message: { text: string } }[];
    expect(notifications.map((n) => [n.level, n.message.text.split('\n')[0]])).toEqual([
      ['warning', 'AXAG-LINT-025 is not a check of axag; ignored'],
      ['error', 'invalid config file'],
    ]);
    expect(result.stderr).toMatch(/^axag: warning: \.axaglintrc\.json:1:14: AXAG-LINT-025 is not a check of axag; ignored\naxag: invalid config file\n/);
  });
});

/** A config with a rule number of the other AXAG linter, and a file with one warning (007). */
const PEER_CONFIG_PROJECT: Record<string, string> = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  '.axaglintrc.json': '{ "rules": { "AXAG-LINT-025": "off", "AXAG-LINT-001": "info" } }\n',
  'a.html': '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low">Add</button>\n',
};

describe('the SARIF Multitool with GitHub ingestion rules', () => {
  // CI installs it (a devDependency): there a missing binary must fail the test, not skip it.
  const installed = existsSync(MULTITOOL) || process.env.CI !== undefined;

  it.runIf(installed)('reports no error on the example, the shared project and every fixture directory', async () => {
    try {
      accessSync(MULTITOOL, constants.X_OK);
    } catch {
      chmodSync(MULTITOOL, 0o755); // npm does not run the package's postinstall, which does this
    }
    const out = project();
    // The example and the shared project through the CLI; the fixture directories (about thirty) through the same
    // library calls and formatter the CLI makes, which keeps this test fast.
    for (const [name, target, cwd] of [['example', 'examples/storefront', ROOT], ['shared', 'site', shared]] as const) {
      const run = await axag(['lint', '-f', `sarif=${join(out, `${name}.sarif`)}`, target], { cwd });
      expect([name, run.code, run.stderr]).toEqual([name, 1, '']);
    }
    // A shard's run, with its automationDetails.
    const shard = await axag(['lint', '-f', `sarif=${join(out, 'shard.sarif')}`, '--shard', '1/2', 'site'], { cwd: shared });
    expect(shard.stderr).toBe('');
    // Configuration notifications, with and without a location.
    const notices = await axag(['lint', '-f', `sarif=${join(out, 'notices.sarif')}`, '--rule', 'AXAG-LINT-024:off'], { cwd: project(PEER_CONFIG_PROJECT) });
    expect(notices.code).toBe(0);
    const directories = fixtureDirectories();
    for (const dir of directories) {
      const files = readdirSync(dir)
        .filter((f) => f !== 'README.md' && statSync(join(dir, f)).isFile() && isSourceFile(f))
        .map((f) => join(dir, f));
      const results = await lint(files, { cwd: ROOT });
      const text = FORMATTERS.sarif!(results, { cwd: ROOT, root: ROOT, color: false, verbose: false, tool: TOOL });
      writeFileSync(join(out, `fixtures_${relative(join(ROOT, 'fixtures'), dir).replaceAll('/', '_')}.sarif`), text);
    }
    const report = join(project(), 'report.sarif');
    const validated = spawnSync(MULTITOOL, ['validate', join(out, '*.sarif'), '--rule-kind', 'Gh;Sarif', '-o', report], { encoding: 'utf8', env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
    expect(validated.status, validated.stdout + validated.stderr).toBe(0);
    const findings = (JSON.parse(readFileSync(report, 'utf8')) as { runs: { results?: { level?: string; ruleId: string; message: unknown; locations?: unknown }[] }[] }).runs.flatMap((r) => r.results ?? []);
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
    expect(findings.length, JSON.stringify(findings.slice(0, 5))).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.sarif')).length).toBe(directories.length + 4);
  }, 120_000);
});

function fixtureDirectories(): string[] {
  const dirs: string[] = [];
  const walk = (dir: string) => {
    dirs.push(dir);
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) walk(join(dir, entry.name));
  };
  walk(join(ROOT, 'fixtures'));
  return dirs;
}

