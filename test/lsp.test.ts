/**
 * The language server, spoken to as an editor would: the built `axag lsp --stdio` process and a real protocol
 * client (test/lsp-client.ts). Diagnostics are compared with `axag lint --format json` on the same file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { assertBuilt, assertCleanTempAncestors, axag, project, removeProjects } from './cli-helpers.js';
import { LspClient, positionOf, uriOf } from './lsp-client.js';

const MANIFEST = `version: 1.0.0
generated_at: "2025-11-20T09:30:00Z"
source: { url: https://shop.example.com, paths: ["*"], tool: hand-written, tool_version: "1" }
conformance: intermediate
actions:
  - { intent: cart.add_item, entity: cart, action_type: write, description: Add to the cart., risk_level: low, idempotent: false }
  - { intent: cart.remove_item, entity: cart, action_type: delete, description: Remove from the cart., risk_level: low, idempotent: true }
`;

const FILES: Record<string, { languageId: string; text: string }> = {
  // An emoji (two UTF-16 code units) and CJK (one each) before the attribute: LSP characters are UTF-16 units.
  'page.html': {
    languageId: 'html',
    text: '<main>\n  <p>😀漢字</p><button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="writ" axag-risk-level="low" axag-idempotent="false">Add</button>\n</main>\n',
  },
  'App.tsx': {
    languageId: 'typescriptreact',
    text: [
      'export function App() {',
      '  return (',
      '    <div>',
      '      <button',
      '        onClick={() => add(1)}',
      '        axag-intent="cart.add_item"',
      '        axag-entity="cart"',
      '        axag-action-type="write"',
      '        axag-risk-level="hihg"',
      '        axag-idempotent="false"',
      '      >',
      '        Add',
      '      </button>',
      '    </div>',
      '  );',
      '}',
      '',
    ].join('\n'),
  },
  'Solo.jsx': {
    languageId: 'javascriptreact',
    text: 'export const Solo = () => (\n  <button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="hihg" axag-idempotent="false">Add</button>\n);\n',
  },
  'Comp.vue': {
    languageId: 'vue',
    text: '<template>\n  <button axag="delete:cart.remove_item!high?idempotent">Remove</button>\n</template>\n',
  },
  'Comp.svelte': {
    languageId: 'svelte',
    text: '<script>\n  let count = 0;\n</script>\n\n<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-scope="customer" axag-idempotent="false">Add</button>\n',
  },
  'doc.md': {
    languageId: 'markdown',
    text: '# Doc\n\n```html\n<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="maybe">Add</button>\n```\n',
  },
};

/** What `axag lint --format json <file>` reports, as the server should publish it. */
async function cliDiagnostics(dir: string, file: string) {
  const run = await axag(['lint', '--format', 'json', file], { cwd: dir });
  const report = JSON.parse(run.stdout) as { files: { path: string; findings: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] }[] };
  return (report.files.find((entry) => entry.path === file)?.findings ?? []).map((finding) => ({
    code: finding.ruleId,
    severity: finding.severity === 'error' ? 1 : 2,
    message: finding.message,
    range: { start: { line: finding.line - 1, character: finding.column - 1 }, end: { line: finding.endLine - 1, character: finding.endColumn - 1 } },
  }));
}

const shape = (diagnostics: Diagnostic[]) => diagnostics.map(({ code, severity, message, range }) => ({ code, severity, message, range }));

/** The edits of a code action for one document. */
function editsOf(action: CodeAction, path: string): TextEdit[] {
  return action.edit!.changes![uriOf(path)]!;
}

describe('axag lsp', () => {
  let dir: string;
  let client: LspClient;
  const path = (name: string) => join(dir, name);

  beforeAll(async () => {
    assertBuilt();
    assertCleanTempAncestors();
    dir = project({ '.axag-lint.json': '{}\n', 'axag-manifest.yaml': MANIFEST, ...Object.fromEntries(Object.entries(FILES).map(([name, file]) => [name, file.text])) });
    client = await LspClient.start(dir);
    for (const [name, file] of Object.entries(FILES)) await client.open(path(name), file.languageId, file.text);
  });
  afterAll(() => {
    client?.kill();
    removeProjects();
  });

  it('publishes for each language what axag lint reports on the file, at the same ranges, with a link to the rule', async () => {
    for (const name of Object.keys(FILES)) {
      const diagnostics = await client.diagnostics(path(name));
      const expected = await cliDiagnostics(dir, name);
      expect(expected.length, name).toBeGreaterThan(0);
      expect(shape(diagnostics), name).toEqual(expected);
      for (const diagnostic of diagnostics) {
        expect(diagnostic.source).toBe('axag');
        expect(diagnostic.codeDescription?.href).toMatch(/^https:\/\//);
      }
    }
  });

  it('gives a finding whose cause sits on a fragment the fragment\'s place as related information', async () => {
    const name = 'transfer.html';
    const text =
      '<form axag-intent="funds.transfer" axag-entity="transfer" axag-action-type="write" axag-idempotent="false" axag-scope="user">\n' +
      '  <button type="submit" axag-risk-level="critical">Send</button>\n' +
      '</form>\n';
    writeFileSync(path(name), text);
    await client.open(path(name), 'html', text);
    const confirmation = (await client.diagnostics(path(name))).find((d) => d.code === 'AXAG-LINT-006');
    const start = text.split('\n')[1]!.indexOf('critical');
    expect(confirmation?.range.start).toEqual({ line: 0, character: 1 });
    expect(confirmation?.relatedInformation).toEqual([
      {
        location: { uri: uriOf(path(name)), range: { start: { line: 1, character: start }, end: { line: 1, character: start + 'critical'.length } } },
        message: 'axag-risk-level "critical" on this <button> applies to Action "funds.transfer" (<form>)',
      },
    ]);
    // A quick fix names the diagnostic as it was published.
    const actions = await client.codeActions(path(name), confirmation!.range, [confirmation!]);
    expect(actions.find((action) => action.title === 'Add axag-confirmation-required="true"')?.diagnostics).toEqual([confirmation]);

    // A client that does not show related information gets none.
    const plain = await LspClient.start(dir, {}, { relatedInformation: false });
    try {
      await plain.open(path(name), 'html', text);
      const diagnostics = await plain.diagnostics(path(name));
      expect(diagnostics.map((d) => d.code)).toContain('AXAG-LINT-006');
      for (const diagnostic of diagnostics) expect(diagnostic).not.toHaveProperty('relatedInformation');
    } finally {
      plain.kill();
    }
  });

  it('counts columns in UTF-16 code units after an emoji and CJK text', async () => {
    const [diagnostic] = (await client.diagnostics(path('page.html'))).filter((d) => d.code === 'AXAG-LINT-004');
    const line = FILES['page.html']!.text.split('\n')[1]!;
    const start = line.indexOf('"writ"') + 1;
    expect(diagnostic!.range).toEqual({ start: { line: 1, character: start }, end: { line: 1, character: start + 'writ'.length } });
  });

  it('lints the edited text and publishes the new version', async () => {
    const before = client.published.length;
    await client.change(path('page.html'), FILES['page.html']!.text.replace('"writ"', '"write"'));
    const diagnostics = await client.diagnostics(path('page.html'), before);
    expect(diagnostics.map((d) => d.code)).not.toContain('AXAG-LINT-004');
    expect(shape(diagnostics)).toEqual([]);
  });

  it('never lets an older version\'s result replace a newer one', async () => {
    const name = 'Solo.jsx';
    const before = client.published.length;
    const original = client.text(path(name));
    for (const risk of ['lo', 'l', 'low', 'lowe', 'hihg']) await client.change(path(name), original.replace(/axag-risk-level="[^"]*"/, `axag-risk-level="${risk}"`));
    const last = await client.diagnostics(path(name), before);
    expect(last.filter((d) => d.code === 'AXAG-LINT-005').map((d) => d.message)).toEqual([expect.stringContaining('"hihg"')]);
    const versions = client.published.slice(before).filter((params) => params.uri === uriOf(path(name))).map((params) => params.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.at(-1)).toBe(Math.max(...versions));
  });

  it('offers "disable <rule> for this element" in the comment syntax of the place, and the finding goes', async () => {
    const cases = [
      { name: 'App.tsx', rule: 'AXAG-LINT-005', inserted: '      {/* axag-disable-next AXAG-LINT-005 */}\n      <button' },
      { name: 'Solo.jsx', rule: 'AXAG-LINT-005', inserted: '  // axag-disable-next AXAG-LINT-005\n  <button' },
      { name: 'Comp.vue', rule: 'AXAG-LINT-006', inserted: '  <!-- axag-disable-next AXAG-LINT-006 -->\n  <button' },
      { name: 'Comp.svelte', rule: 'axag/scope-value', inserted: '<!-- axag-disable-next axag/scope-value -->\n<button' },
      { name: 'doc.md', rule: 'axag/boolean-value', inserted: '```html\n<!-- axag-disable-next axag/boolean-value -->\n<button' },
    ];
    for (const { name, rule, inserted } of cases) {
      const diagnostics = await client.diagnostics(path(name));
      const target = diagnostics.find((d) => d.code === rule);
      expect(target, `${name}: ${rule}`).toBeDefined();
      const actions = await client.codeActions(path(name), target!.range, [target!]);
      const disable = actions.find((action) => action.title === `Disable ${rule} for this element`);
      expect(disable, `${name}: ${actions.map((a) => a.title).join(', ')}`).toBeDefined();
      expect(disable!.kind).toBe('quickfix');
      const before = client.published.length;
      const text = await client.applyEdits(path(name), editsOf(disable!, path(name)));
      expect(text, name).toContain(inserted);
      const after = await client.diagnostics(path(name), before);
      expect(after.map((d) => d.code), name).not.toContain(rule);
      expect(after.map((d) => d.code), name).not.toContain('axag/parse-error');
    }
  });

  it('puts the comment just before an element that does not start its line', async () => {
    const name = 'inline.html';
    const text = '<p>😀漢字</p><button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="writ" axag-risk-level="low" axag-idempotent="false">Add</button>\n';
    writeFileSync(path(name), text);
    await client.open(path(name), 'html', text);
    const target = (await client.diagnostics(path(name))).find((d) => d.code === 'AXAG-LINT-004')!;
    const actions = await client.codeActions(path(name), target.range, [target]);
    const disable = actions.find((action) => action.title === 'Disable AXAG-LINT-004 for this element')!;
    const before = client.published.length;
    expect(await client.applyEdits(path(name), editsOf(disable, path(name)))).toContain('<p>😀漢字</p><!-- axag-disable-next AXAG-LINT-004 --><button');
    expect((await client.diagnostics(path(name), before)).map((d) => d.code)).toEqual([]);
  });

  it('explains an attribute on hover, and a macro with its longhand and its findings', async () => {
    const app = client.text(path('App.tsx'));
    const attribute = await client.hover(path('App.tsx'), positionOf(app, 'axag-risk-level', 3));
    const attributeText = JSON.stringify(attribute?.contents);
    expect(attributeText).toContain('axag-risk-level');
    expect(attributeText).toContain('`none`, `low`, `medium`, `high`, `critical`');

    const vue = client.text(path('Comp.vue'));
    const macro = await client.hover(path('Comp.vue'), positionOf(vue, 'cart.remove_item'));
    const macroText = (macro?.contents as { value: string }).value;
    expect(macroText).toContain('axag-action-type="delete"');
    expect(macroText).toContain('axag-intent="cart.remove_item"');
    expect(macroText).toContain('axag-risk-level="high"');
    expect(macroText).toContain('axag-idempotent="true"');
    // AXAG-LINT-006 was disabled above; the macro's risk still differs from the manifest's.
    expect(macroText).toMatch(/axag found on this element:\n\n- axag\/manifest-drift: .*"!high"/);
  });

  it('completes attribute names on any line of a multi-line JSX tag, enum values, intents and macro parts', async () => {
    const name = 'Form.tsx';
    const lines = [
      'export const Form = () => (',
      '  <button',
      '    onClick={() => go(a > b)}',
      '    axag-entity="cart"',
      '    ',
      '    axag-risk-level=""',
      '    axag-intent=""',
      '  >Go</button>',
      ');',
    ];
    const text = lines.join('\n');
    await client.open(path(name), 'typescriptreact', text);

    const names = (await client.completion(path(name), { line: 4, character: 4 })).map((item) => item.label);
    expect(names).toContain('axag-intent');
    expect(names).toContain('axag-action-type');
    expect(names).toContain('axag');
    expect(names).not.toContain('axag-entity');

    const risks = await client.completion(path(name), positionOf(text, 'axag-risk-level="', 'axag-risk-level="'.length));
    expect(risks.map((item) => item.label)).toEqual(['none', 'low', 'medium', 'high', 'critical']);

    const intents = await client.completion(path(name), positionOf(text, 'axag-intent="', 'axag-intent="'.length));
    expect(intents.map((item) => item.label)).toEqual(['cart.add_item', 'cart.remove_item']);

    const macro = (typed: string) => text.replace('\n    \n', `\n    axag="${typed}"\n`);
    await client.change(path(name), macro(''));
    const types = await client.completion(path(name), { line: 4, character: '    axag="'.length });
    expect(types.map((item) => item.textEdit?.newText)).toEqual(['read:', 'write:', 'delete:', 'navigate:']);
    await client.change(path(name), macro('write:cart.add_item!'));
    const macroRisks = await client.completion(path(name), { line: 4, character: '    axag="write:cart.add_item!'.length });
    expect(macroRisks.map((item) => item.label)).toEqual(['none', 'low', 'medium', 'high', 'critical']);
    await client.change(path(name), macro('write:cart.'));
    const macroIntents = await client.completion(path(name), { line: 4, character: '    axag="write:cart.'.length });
    expect(macroIntents.map((item) => item.label)).toEqual(['cart.add_item', 'cart.remove_item']);
    expect(macroIntents[0]!.textEdit).toMatchObject({ range: { start: { line: 4, character: '    axag="write:'.length } } });
    await client.change(path(name), macro('write:cart.add_item?idempotent&scope='));
    const scopes = await client.completion(path(name), { line: 4, character: '    axag="write:cart.add_item?idempotent&scope='.length });
    expect(scopes.map((item) => item.label)).toEqual(['public', 'user', 'tenant', 'global']);
  });

  it('lints a file outside every workspace folder with the config of its own directory', async () => {
    const outside = project({ '.axag-lint.json': '{ "rules": { "AXAG-LINT-005": "off" } }\n', 'Solo.jsx': FILES['Solo.jsx']!.text });
    await client.open(join(outside, 'Solo.jsx'), 'javascriptreact', FILES['Solo.jsx']!.text);
    const diagnostics = await client.diagnostics(join(outside, 'Solo.jsx'));
    expect(shape(diagnostics)).toEqual(await cliDiagnostics(outside, 'Solo.jsx'));
    expect(diagnostics.map((d) => d.code)).not.toContain('AXAG-LINT-005');
    // The same text under the workspace folder's config has it.
    expect((await cliDiagnostics(dir, 'Solo.jsx')).map((d) => d.code)).toContain('AXAG-LINT-005');
  });

  it('reports a file that does not parse as a diagnostic and keeps serving', async () => {
    const name = 'Broken.tsx';
    const text = 'export const B = () => <button axag-intent="cart.add_item">Add</button;\n';
    writeFileSync(path(name), text);
    await client.open(path(name), 'typescriptreact', text);
    const diagnostics = await client.diagnostics(path(name));
    expect(shape(diagnostics)).toEqual(await cliDiagnostics(dir, name));
    expect(diagnostics.map((d) => d.code)).toContain('axag/parse-error');
    expect(await client.hover(path(name), positionOf(text, 'axag-intent', 2))).not.toBeNull();
  });

  it('re-lints open files when the config changes on disk', async () => {
    expect(client.registrations.map((registration) => registration.method)).toContain('workspace/didChangeWatchedFiles');
    const before = client.published.length;
    writeFileSync(path('.axag-lint.json'), '{ "rules": { "AXAG-LINT-005": "off" } }\n');
    await client.filesChanged([path('.axag-lint.json')]);
    const diagnostics = await client.diagnostics(path('Solo.jsx'), before);
    expect(diagnostics.map((d) => d.code)).not.toContain('AXAG-LINT-005');
    expect(shape(diagnostics)).toEqual(await cliDiagnostics(dir, 'Solo.jsx'));
  });

  it('reports a broken config on the file instead of failing', async () => {
    const before = client.published.length;
    writeFileSync(path('.axag-lint.json'), '{ "rules": { "no-such-rule": "error" } }\n');
    await client.filesChanged([path('.axag-lint.json')]);
    const [diagnostic, ...rest] = await client.diagnostics(path('Solo.jsx'), before);
    expect(rest).toEqual([]);
    expect(diagnostic!.severity).toBe(1);
    expect(diagnostic!.message).toMatch(/^axag cannot lint this file: invalid config file\n\.axag-lint\.json:1:\d+: .*no-such-rule/);
  });

  it('shuts down and exits with code 0', async () => {
    expect(await client.shutdown()).toBe(0);
  });
});

describe('axag lsp limits', () => {
  afterAll(removeProjects);

  it('skips a file over the size limit with one diagnostic that says so', async () => {
    const dir = project({ 'big.html': '' });
    const client = await LspClient.start(dir, { maxFileSize: 200 });
    try {
      const text = `<button axag-intent="cart.add_item">${'x'.repeat(300)}</button>\n`;
      await client.open(join(dir, 'big.html'), 'html', text);
      const diagnostics = await client.diagnostics(join(dir, 'big.html'));
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]!.severity).toBe(3);
      expect(diagnostics[0]!.message).toContain('axag did not lint this file');
      expect(diagnostics[0]!.message).toContain('more than the limit of 200 bytes');
      expect(await client.shutdown()).toBe(0);
    } finally {
      client.kill();
    }
  });

  it('skips a file whose linting takes longer than the time limit, says so, and lints the next change again', async () => {
    const dir = project({ 'slow.html': '' });
    // 1 ms: no lint (a worker thread starting, a parser loading) finishes in time.
    const client = await LspClient.start(dir, { lintTimeout: 1 });
    try {
      const text = '<button axag-intent="cart.add_item">Add</button>\n';
      await client.open(join(dir, 'slow.html'), 'html', text);
      const [diagnostic, ...rest] = await client.diagnostics(join(dir, 'slow.html'));
      expect(rest).toEqual([]);
      expect(diagnostic).toMatchObject({ severity: 3, message: expect.stringContaining('linting it took longer than 0.001 s; it is linted again after the next change') });
      expect((await client.waitForMessage(/took longer/)).type).toBe(2);
      const before = client.published.length;
      await client.change(join(dir, 'slow.html'), text.replace('Add', 'Add it'));
      expect((await client.diagnostics(join(dir, 'slow.html'), before))[0]!.message).toContain('took longer');
      expect(await client.shutdown()).toBe(0);
    } finally {
      client.kill();
    }
  });
});
