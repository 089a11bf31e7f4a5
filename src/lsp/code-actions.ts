import type { CodeAction, CodeActionParams, Diagnostic, Range as LspRange, TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES_BY_ID } from '../../rules/index.js';
import { PARSE_ERROR_RULE } from '../engine/lint-document.js';
import { hasFix, type Finding, type TextEdit } from '../results.js';
import { lspRange, toDiagnostic } from './diagnostics.js';
import { applyEdits, disableCommentEdits } from './disable-comment.js';
import type { LintedDocument } from './document-linting.js';

export const QUICK_FIX = 'quickfix';
export const FIX_ALL = 'source.fixAll.axag';
const FIX_ALL_TITLE = 'Fix all axag problems in this file';

export interface CodeActionOptions {
  /** Lints a text as the document would be linted, for checking an edit before it is offered. */
  lintText(text: string): Promise<Finding[] | undefined>;
  /** The client takes related information on diagnostics: the diagnostics of actions are the ones published. */
  relatedInformation: boolean;
}

/**
 * The code actions for a range of a document, from its findings at the version the editor shows: each fix
 * (preferred) and suggestion of a finding there, "disable <rule> for this element", and fix-all for the file.
 */
export async function codeActions(params: CodeActionParams, document: TextDocument, linted: LintedDocument, options: CodeActionOptions): Promise<CodeAction[]> {
  const asked = (kind: string) => params.context.only?.some((only) => kind === only || kind.startsWith(`${only}.`)) === true;
  // Quick fixes unless the client asked for other kinds; the source action only when asked for (on save).
  const wanted = (kind: string) => (kind === FIX_ALL ? asked(kind) : !params.context.only || asked(kind));
  const { uri } = document;
  const change = (edits: readonly TextEdit[]) => ({ changes: { [uri]: edits.map(lspEdit(document, linted.text)) } });
  const actions: CodeAction[] = [];
  const here = linted.findings.filter((finding) => overlaps(lspRange(finding), params.range));
  const quickFix = (title: string, edits: readonly TextEdit[], diagnostic: Diagnostic, isPreferred: boolean): CodeAction => ({
    title,
    kind: QUICK_FIX,
    diagnostics: [diagnostic],
    isPreferred,
    edit: change(edits),
  });

  if (wanted(QUICK_FIX)) {
    for (const finding of here) {
      const diagnostic = toDiagnostic(finding, uri, options.relatedInformation);
      if (finding.fix) actions.push(quickFix(`Fix this ${finding.ruleId} problem`, finding.fix.edits, diagnostic, true));
      for (const suggestion of finding.suggestions ?? []) actions.push(quickFix(suggestion.label, suggestion.edits, diagnostic, false));
    }
  }
  const fixAll = fixAllEdits(linted.findings);
  if (fixAll.length > 0) {
    // A quick fix where a fixable finding is, and the source action that editors run on save.
    if (wanted(QUICK_FIX) && hasFix(here)) actions.push({ title: FIX_ALL_TITLE, kind: QUICK_FIX, edit: change(fixAll) });
    if (wanted(FIX_ALL)) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL, edit: change(fixAll) });
  }
  if (wanted(QUICK_FIX)) {
    for (const finding of here) {
      const edit = await disableEdit(finding, linted, options.lintText);
      if (edit) actions.push(quickFix(`Disable ${finding.ruleId} for this element`, [edit], toDiagnostic(finding, uri, options.relatedInformation), false));
    }
  }
  return actions;
}

/** Every fix of the file that overlaps no earlier one, as `--fix` applies them in one pass. */
export function fixAllEdits(findings: readonly Finding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const fixes = findings.flatMap((finding) => (finding.fix && finding.fix.edits.length > 0 ? [finding.fix.edits] : []));
  fixes.sort((a, b) => a[0]!.start - b[0]!.start);
  let end = -1;
  for (const fix of fixes) {
    if (fix[0]!.start < end) continue;
    edits.push(...fix);
    end = Math.max(...fix.map((edit) => edit.end));
  }
  return edits;
}

/**
 * The `axag-disable-next` comment for the finding's element, in the first of the file's comment syntaxes that
 * parses there and silences the finding; none for what a directive cannot silence (a parse error, a finding with
 * no element).
 */
async function disableEdit(finding: Finding, linted: LintedDocument, lintText: CodeActionOptions['lintText']): Promise<TextEdit | undefined> {
  if (!finding.element || !RULES_BY_ID.has(finding.ruleId)) return undefined;
  const { text } = withoutBom(linted.text);
  const parseErrors = (findings: readonly Finding[]) => findings.filter((other) => other.ruleId === PARSE_ERROR_RULE).length;
  const before = parseErrors(linted.findings);
  for (const edit of disableCommentEdits(text, finding.element, finding.ruleId, linted.target.parseAs)) {
    const after = await lintText(applyEdits(text, [edit]));
    if (!after || parseErrors(after) > before) continue;
    if (!after.some((other) => other.ruleId === finding.ruleId && other.fingerprint === finding.fingerprint)) return edit;
  }
  return undefined;
}

/** Offsets of the model and of edits count from after a byte-order mark (the engine strips it); the editor's from the start. */
function withoutBom(text: string): { text: string; shift: number } {
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), shift: 1 } : { text, shift: 0 };
}

function lspEdit(document: TextDocument, linted: string): (edit: TextEdit) => LspTextEdit {
  const { shift } = withoutBom(linted);
  return (edit) => ({ range: { start: document.positionAt(edit.start + shift), end: document.positionAt(edit.end + shift) }, newText: edit.text });
}

function overlaps(a: LspRange, b: LspRange): boolean {
  const before = (x: LspRange['start'], y: LspRange['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
