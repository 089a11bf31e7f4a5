/**
 * What the VS Code extension (editors/vscode) asks of the language server, spoken to the built `axag lsp --stdio`
 * process: the `axag.*` settings (initializationOptions and workspace/didChangeConfiguration), the custom requests
 * axag/lintWorkspace, axag/rules and axag/ruleDocumentation, and quick fixes from real rules' fixes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { assertBuilt, assertCleanTempAncestors, axag, project, removeProjects, ROOT } from './cli-helpers.js';
import { LspClient, uriOf } from './lsp-client.js';

const MANIFEST = `version: 1.0.0
generated_at: "2025-11-20T09:30:00Z"
source: { url: https://shop.example.com, paths: ["*"], tool: hand-written, tool_version: "1" }
conformance: intermediate
actions:
  - { intent: cart.add_item, entity: cart, action_type: write, description: Add to the cart., risk_level: low, idempotent: false }
`;

const button = (attributes: string) => `<main>\n  <button ${attributes}>Add</button>\n</main>\n`;
/** AXAG-LINT-004 (fixable: the value in lower case) and AXAG-LINT-010 once a manifest applies. */
const PAGE = button('axag-intent="cart.nope" axag-entity="cart" axag-action-type="Write" axag-risk-level="low" axag-idempotent="false"');

type CliFinding = { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number };
type CliReport = { files: { path: string; findings: CliFinding[] }[]; summary: { files: number } };

async function cliReport(dir: string, args: string[]): Promise<CliReport> {
  const run = await axag(['lint', '--format', 'json', ...args], { cwd: dir });
  return JSON.parse(run.stdout) as CliReport;
}

/** `axag lint --format json … <file>`'s findings, as the server should publish them. */
async function cliDiagnostics(dir: string, file: string, args: string[] = []) {
  const report = await cliReport(dir, [...args, file]);
  return (report.files.find((entry) => entry.path === file)?.findings ?? []).map(asDiagnostic);
}

const asDiagnostic = (finding: CliFinding) => ({
  code: finding.ruleId,
  severity: finding.severity === 'error' ? 1 : 2,
  message: finding.message,
  range: { start: { line: finding.line - 1, character: finding.column - 1 }, end: { line: finding.endLine - 1, character: finding.endColumn - 1 } },
});

const shape = (diagnostics: Diagnostic[]) => diagnostics.map(({ code, severity, message, range }) => ({ code, severity, message, range }));
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code).sort();

beforeAll(() => {
  assertBuilt();
  assertCleanTempAncestors();
});
afterAll(() => removeProjects());

describe('axag lsp: the axag.* settings', () => {
  let dir: string;
  let client: LspClient;
  const path = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = project({
      '.axag-lint.json': '{}\n',
      'configs/lenient.json': '{ "rules": { "AXAG-LINT-004": "off" } }\n',
      'spec/shop.yaml': MANIFEST,
      'page.html': PAGE,
      'other.html': PAGE,
    });
    // No quiet time: a change would be linted as soon as the next document opened, if it were linted at all.
    client = await LspClient.start(dir, { run: 'onSave', configPath: 'configs/lenient.json', manifestPath: '', lintDelay: 0 });
  });
  afterAll(() => client?.kill());

  it('asks for save notifications', () => {
    expect(client.capabilities.textDocumentSync).toMatchObject({ openClose: true, save: expect.anything() });
  });

  it('reads configPath from initializationOptions as axag lint --config does', async () => {
    await client.open(path('page.html'), 'html', PAGE);
    const diagnostics = await client.diagnostics(path('page.html'));
    expect(shape(diagnostics)).toEqual(await cliDiagnostics(dir, 'page.html', ['--config', 'configs/lenient.json']));
    expect(codes(diagnostics)).not.toContain('AXAG-LINT-004');
  });

  it('run onSave: lints on open and on save, not on change', async () => {
    const fixed = PAGE.replace('axag-intent="cart.nope" ', '');
    await client.change(path('page.html'), fixed);
    // Linting is in order: had the change been linted, its diagnostics would come before those of the opening.
    await client.open(path('other.html'), 'html', PAGE);
    await client.diagnostics(path('other.html'));
    expect(client.published.filter((params) => params.uri === uriOf(path('page.html')) && params.version === 2)).toEqual([]);
    const before = client.published.length;
    await client.save(path('page.html'));
    expect(codes(await client.diagnostics(path('page.html'), before))).toContain('AXAG-LINT-001');
  });

  it('a settings change re-lints open documents: manifestPath as --manifest, relative or absolute, and run onType', async () => {
    await client.change(path('page.html'), PAGE);
    let before = client.published.length;
    await client.configure({ enable: true, run: 'onType', configPath: 'configs/lenient.json', manifestPath: 'spec/shop.yaml' });
    const withManifest = await client.diagnostics(path('page.html'), before);
    expect(shape(withManifest)).toEqual(await cliDiagnostics(dir, 'page.html', ['--config', 'configs/lenient.json', '--manifest', 'spec/shop.yaml']));
    expect(codes(withManifest)).toContain('AXAG-LINT-010');

    before = client.published.length;
    await client.configure({ run: 'onType', configPath: '', manifestPath: path('spec/shop.yaml') });
    const absolute = await client.diagnostics(path('page.html'), before);
    expect(shape(absolute)).toEqual(await cliDiagnostics(dir, 'page.html', ['--manifest', path('spec/shop.yaml')]));
    // The empty configPath is no config setting: the folder's .axag-lint.json applies again, with AXAG-LINT-004.
    expect(codes(absolute)).toEqual(expect.arrayContaining(['AXAG-LINT-004', 'AXAG-LINT-010']));

    // onType again: a change is linted without a save.
    before = client.published.length;
    await client.change(path('page.html'), PAGE.replace('"Write"', '"write"'));
    expect(codes(await client.diagnostics(path('page.html'), before))).not.toContain('AXAG-LINT-004');
  });

  it('a configPath that names no file is a diagnostic naming it, not a crash', async () => {
    const before = client.published.length;
    await client.configure({ run: 'onType', configPath: 'configs/missing.json', manifestPath: '' });
    const [diagnostic] = await client.diagnostics(path('page.html'), before);
    expect(diagnostic!.message).toMatch(/cannot lint this file: .*config file not found: configs\/missing\.json/);
    await client.configure({ run: 'onType', configPath: '', manifestPath: '' });
  });
});

describe('axag lsp: requests of the extension', () => {
  let dir: string;
  let client: LspClient;
  const path = (name: string) => join(dir, name);
  const TSX = [
    'export const Add = () => (',
    '  <button',
    '    axag-intnet="cart.add_item"',
    '    axag-entity="cart"',
    '    axag-action-type="Write"',
    '    axag-risk-level="low"',
    '    axag-idempotent="false"',
    '  >',
    '    Add',
    '  </button>',
    ');',
    '',
  ].join('\n');
  const HTML = button('axag-intnet="cart.add_item" axag-entity="cart" axag-action-type="Write" axag-risk-level="low" axag-idempotent="false"');

  beforeAll(async () => {
    dir = project({
      '.axag-lint.json': '{ "ignorePatterns": ["generated/**"] }\n',
      'axag-manifest.yaml': MANIFEST,
      'page.html': PAGE,
      'src/Add.tsx': TSX,
      'src/fine.html': button('axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="false"'),
      'generated/skip.html': PAGE,
      'node_modules/lib/skip.html': PAGE,
      'notes.txt': PAGE,
    });
    client = await LspClient.start(dir);
  });
  afterAll(() => client?.kill());

  it('axag/lintWorkspace lints the files axag lint would, publishes them, and leaves open documents their own results', async () => {
    // Open and edited: its in-editor diagnostics stay, whatever the file on disk says.
    await client.open(path('page.html'), 'html', PAGE.replace('"cart.nope"', '"cart.add_item"').replace('"Write"', '"write"'));
    expect(await client.diagnostics(path('page.html'))).toEqual([]);
    const before = client.published.length;
    const answer = await client.connection.sendRequest<{ files: number; problems: number }>('axag/lintWorkspace');
    const report = await cliReport(dir, []);
    expect(report.files.map((file) => file.path).sort()).toEqual(['page.html', 'src/Add.tsx', 'src/fine.html']);
    expect(answer).toEqual({ files: report.summary.files, problems: report.files.reduce((sum, file) => sum + file.findings.length, 0) });
    const tsx = client.unversioned(path('src/Add.tsx'), before);
    expect(shape(tsx!)).toEqual(report.files.find((file) => file.path === 'src/Add.tsx')!.findings.map(asDiagnostic));
    expect(client.unversioned(path('src/fine.html'), before)).toEqual([]);
    expect(client.unversioned(path('page.html'), before)).toBeUndefined();
    for (const skipped of ['generated/skip.html', 'node_modules/lib/skip.html', 'notes.txt']) expect(client.unversioned(path(skipped), before)).toBeUndefined();
  });

  it('axag/rules lists every check, each documented in docs/rules', async () => {
    const rules = await client.connection.sendRequest<{ id: string; name?: string; description: string }[]>('axag/rules');
    const listed = (await axag(['rules'], { cwd: dir })).stdout;
    expect(rules.length).toBeGreaterThan(20);
    for (const rule of rules) {
      expect(listed).toContain(rule.id);
      expect(rule.description.length).toBeGreaterThan(0);
      expect(readFileSync(join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8')).toContain(rule.description);
    }
    expect(rules.find((rule) => rule.id === 'AXAG-LINT-004')).toMatchObject({ name: expect.any(String) });
  });

  it('axag/ruleDocumentation gives the rule page by id, name or the other linter\'s number; null for no rule', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const page = (ruleId: unknown) => client.connection.sendRequest<{ markdown: string; url: string } | null>('axag/ruleDocumentation', { ruleId });
    const byId = await page('AXAG-LINT-004');
    expect(byId!.markdown).toBe(readFileSync(join(ROOT, 'docs/rules/AXAG-LINT-004.md'), 'utf8'));
    expect(byId!.url).toMatch(new RegExp(`/blob/v${pkg.version.replaceAll('.', '\\.')}/docs/rules/AXAG-LINT-004\\.md$`));
    const byName = await page('unknown-attribute');
    expect(byName!.markdown).toBe(readFileSync(join(ROOT, 'docs/rules/axag/unknown-attribute.md'), 'utf8'));
    expect(byName!.url).toMatch(/\/docs\/rules\/axag\/unknown-attribute\.md$/);
    // `axag rules AXAG-LINT-023` says which check the other linter's number is.
    const alias = (await axag(['rules', 'AXAG-LINT-023'], { cwd: dir })).stdout.match(/gives (\S+)\./)![1]!;
    expect((await page('AXAG-LINT-023'))!.markdown).toBe(readFileSync(join(ROOT, 'docs', 'rules', `${alias}.md`), 'utf8'));
    expect(await page('no-such-rule')).toBeNull();
    expect(await page(42)).toBeNull();
  });

  const preferredFix = (actions: CodeAction[], code: string) =>
    actions.find((action) => action.kind === 'quickfix' && action.isPreferred && action.diagnostics?.some((diagnostic) => diagnostic.code === code));

  it.each([
    ['fix.html', 'html', HTML],
    ['Fix.tsx', 'typescriptreact', TSX],
  ])('the preferred quick fix of a real rule removes its finding (%s)', async (name, languageId, text) => {
    await client.open(path(name), languageId, text);
    const diagnostics = await client.diagnostics(path(name));
    expect(codes(diagnostics)).toEqual(expect.arrayContaining(['AXAG-LINT-004', 'axag/unknown-attribute']));
    for (const [code, fixed] of [
      ['AXAG-LINT-004', '"write"'],
      ['axag/unknown-attribute', 'axag-intent='],
    ] as const) {
      const current = await client.diagnostics(path(name));
      const diagnostic = current.find((candidate) => candidate.code === code)!;
      const fix = preferredFix(await client.codeActions(path(name), diagnostic.range, [diagnostic]), code);
      expect(fix, `a preferred quick fix for ${code}`).toBeDefined();
      const before = client.published.length;
      const after = await client.applyEdits(path(name), fix!.edit!.changes![uriOf(path(name))]!);
      expect(after).toContain(fixed);
      expect(codes(await client.diagnostics(path(name), before))).not.toContain(code);
    }
    // The misspelt axag-intent was also why AXAG-LINT-001 fired: nothing is left.
    expect(await client.diagnostics(path(name))).toEqual([]);
  });

  it.each([
    ['all.html', 'html', HTML],
    ['All.tsx', 'typescriptreact', TSX],
  ])('source.fixAll.axag removes every fixable finding (%s)', async (name, languageId, text) => {
    await client.open(path(name), languageId, text);
    const diagnostics = await client.diagnostics(path(name));
    const actions = await client.codeActions(path(name), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    expect(actions.map((action) => action.kind)).toEqual(['source.fixAll.axag']);
    const before = client.published.length;
    const after = await client.applyEdits(path(name), actions[0]!.edit!.changes![uriOf(path(name))]!);
    expect(after).toBe(text.replace('axag-intnet', 'axag-intent').replace('"Write"', '"write"'));
    expect(codes(diagnostics).length).toBeGreaterThan(0);
    expect(await client.diagnostics(path(name), before)).toEqual([]);
  });
});
