import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface RuleSummary {
  id: string;
  name?: string;
  description: string;
}

/** Rule pages as read-only Markdown documents (`axag-rule:AXAG-LINT-007.md`), from the server's copy of the docs. */
export class RuleDocuments implements vscode.TextDocumentContentProvider {
  static readonly scheme = 'axag-rule';
  private readonly pages = new Map<string, string>();

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.pages.get(uri.path) ?? '';
  }

  uriOf(ruleId: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: RuleDocuments.scheme, path: `${ruleId}.md` });
    this.pages.set(uri.path, markdown);
    return uri;
  }
}

/** Asks for a rule when none is given (a quick pick of every check), then opens its page in Markdown preview. */
export async function showRuleDocumentation(client: LanguageClient, documents: RuleDocuments, ruleId?: string): Promise<void> {
  let id = ruleId;
  if (!id) {
    const rules = await client.sendRequest<RuleSummary[]>('axag/rules');
    const picked = await vscode.window.showQuickPick(
      rules.map((rule) => ({ label: rule.id, description: rule.name, detail: rule.description })),
      { title: 'axag: show the documentation of a rule', matchOnDescription: true, matchOnDetail: true },
    );
    id = picked?.label;
  }
  if (!id) return;
  const page = await client.sendRequest<{ markdown: string } | null>('axag/ruleDocumentation', { ruleId: id });
  if (!page) {
    void vscode.window.showWarningMessage(`axag has no rule ${id}`);
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreview', documents.uriOf(id, page.markdown));
}
