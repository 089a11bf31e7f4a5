/**
 * How the language server turns a finding's fix and suggestions (spec §10: text edits by UTF-16 offset into the
 * whole text) into code actions: positions after CRLF line ends and surrogate pairs, preferred fixes, fix-all.
 * No rule has fixes on this branch yet; test/lsp.test.ts covers the rest of the code actions end to end.
 */
import { describe, expect, it } from 'vitest';
import type { CodeActionParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, fixAllEdits } from '../src/lsp/code-actions.js';
import type { Finding } from '../src/results.js';

const TEXT = '<main>\r\n  <p>😀</p><button axag-scope="Customer" axag-action-type="Write">Go</button>\r\n</main>\r\n';
const at = (needle: string) => TEXT.indexOf(needle);
const scope = at('Customer');
const type = at('Write');

const finding = (ruleId: string, start: number, length: number, extra: Partial<Finding>): Finding => ({
  ruleId,
  severity: 'warning',
  message: `${ruleId} problem`,
  line: 2,
  column: start - at('  <p>') + 1,
  endLine: 2,
  endColumn: start - at('  <p>') + 1 + length,
  fingerprint: ruleId,
  ...extra,
});

const FINDINGS: Finding[] = [
  finding('axag/scope-value', scope, 8, {
    suggestions: [
      { label: 'Set axag-scope="user"', edits: [{ start: scope, end: scope + 8, text: 'user' }] },
      { label: 'Set axag-scope="tenant"', edits: [{ start: scope, end: scope + 8, text: 'tenant' }] },
    ],
  }),
  finding('AXAG-LINT-004', type, 5, { fix: { edits: [{ start: type, end: type + 5, text: 'write' }] } }),
  // A second fix over the same text: fix-all applies the first only, as one pass of --fix would.
  finding('axag/deprecated-value', type, 5, { fix: { edits: [{ start: type, end: type + 5, text: 'read' }] } }),
];

const document = TextDocument.create('file:///p/page.html', 'html', 3, TEXT);
const linted = { version: 3, text: TEXT, target: { path: '/p/page.html', parseAs: '/p/page.html', cwd: '/p' }, findings: FINDINGS };
const params = (line: number, character: number, only?: string[]): CodeActionParams => ({
  textDocument: { uri: document.uri },
  range: { start: { line, character }, end: { line, character } },
  context: { diagnostics: [], ...(only && { only }) },
});
/** No lint needed: these findings have no element, so no disable comment is checked. */
const options = { lintText: async () => undefined, relatedInformation: true, informationUri: 'https://example.com/axag' };

describe('code actions from fixes and suggestions', () => {
  it('offers the fix as the preferred quick fix, at UTF-16 positions after CRLF and an emoji', async () => {
    // Line 1 (0-based) is `  <p>😀</p><button …`: the emoji counts two.
    const character = '  <p>😀</p><button axag-scope="Customer" axag-action-type="'.length;
    const actions = await codeActions(params(1, character + 1), document, linted, options);
    const fix = actions.find((action) => action.title === 'Fix this AXAG-LINT-004 problem')!;
    expect(fix.kind).toBe('quickfix');
    expect(fix.isPreferred).toBe(true);
    expect(fix.diagnostics?.[0]).toMatchObject({ code: 'AXAG-LINT-004', source: 'axag' });
    expect(fix.edit!.changes![document.uri]).toEqual([{ range: { start: { line: 1, character }, end: { line: 1, character: character + 5 } }, newText: 'write' }]);
    expect(TextDocument.applyEdits(document, fix.edit!.changes![document.uri]!)).toBe(TEXT.replace('"Write"', '"write"'));
  });

  it('offers each suggestion under its label, not preferred', async () => {
    const character = '  <p>😀</p><button axag-scope="'.length;
    const actions = await codeActions(params(1, character), document, linted, options);
    const suggestions = actions.filter((action) => action.title.startsWith('Set axag-scope'));
    expect(suggestions.map((action) => [action.title, action.isPreferred])).toEqual([
      ['Set axag-scope="user"', false],
      ['Set axag-scope="tenant"', false],
    ]);
    expect(TextDocument.applyEdits(document, suggestions[1]!.edit!.changes![document.uri]!)).toBe(TEXT.replace('Customer', 'tenant'));
    // No fixable finding here: fix-all is not a quick fix at this place.
    expect(actions.map((action) => action.title)).not.toContain('Fix all axag problems in this file');
  });

  it('fixes all with non-overlapping fixes, as a quick fix and as source.fixAll.axag', async () => {
    expect(fixAllEdits(FINDINGS)).toEqual([{ start: type, end: type + 5, text: 'write' }]);
    const character = '  <p>😀</p><button axag-scope="Customer" axag-action-type="'.length;
    const here = await codeActions(params(1, character), document, linted, options);
    expect(here.filter((action) => action.title === 'Fix all axag problems in this file').map((action) => action.kind)).toEqual(['quickfix']);
    const onSave = await codeActions(params(0, 0, ['source.fixAll']), document, linted, options);
    expect(onSave.map((action) => [action.title, action.kind])).toEqual([['Fix all axag problems in this file', 'source.fixAll.axag']]);
    expect(TextDocument.applyEdits(document, onSave[0]!.edit!.changes![document.uri]!)).toBe(TEXT.replace('"Write"', '"write"'));
  });
});
