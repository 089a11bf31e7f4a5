/**
 * The axag extension: starts the axag language server (`axag lsp`, shipped inside the extension) for the languages
 * axag reads, passes it the settings, and adds the commands the server cannot offer by itself.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { RuleDocuments, showRuleDocumentation } from './rule-documentation';
import { serverSettings } from './settings';

/** VS Code's ids of the languages axag reads (spec §3); `mdx` and `svelte` come from their extensions. */
const LANGUAGES = ['html', 'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'vue', 'svelte', 'markdown', 'mdx'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const documents = new RuleDocuments();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(RuleDocuments.scheme, documents),
    vscode.commands.registerCommand('axag.restartServer', restart),
    vscode.commands.registerCommand('axag.lintWorkspace', lintWorkspace),
    vscode.commands.registerCommand('axag.showRuleDocumentation', (ruleId?: string) => showRuleDocumentation(running(), documents, ruleId)),
    vscode.workspace.onDidChangeConfiguration((change) => {
      if (change.affectsConfiguration('axag.enable')) void restart();
    }),
  );
  if (enabled()) await start(context);

  async function restart(): Promise<void> {
    await stop();
    if (enabled()) await start(context);
  }
}

export function deactivate(): Promise<void> {
  return stop();
}

function enabled(): boolean {
  return vscode.workspace.getConfiguration('axag').get<boolean>('enable', true);
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('server/node_modules/axag-lint/bin/axag.js');
  // `--stdio` is added by the client for TransportKind.stdio.
  const serverOptions: ServerOptions = {
    run: { module, args: ['lsp'], transport: TransportKind.stdio },
    debug: { module, args: ['lsp'], transport: TransportKind.stdio, options: { execArgv: ['--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    initializationOptions: serverSettings(),
    synchronize: {
      configurationSection: 'axag',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{.axag-lint.json,.axag-lint.yaml,.axag-lint.yml,.axaglintrc.json,package.json,*manifest*.json,*manifest*.yaml,*manifest*.yml}'),
    },
  };
  client = new LanguageClient('axag', 'axag', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

async function stop(): Promise<void> {
  const stopping = client;
  client = undefined;
  if (stopping?.isRunning()) await stopping.stop();
}

function running(): LanguageClient {
  if (!client) throw new Error('axag is disabled: set "axag.enable" to true to start its language server');
  return client;
}

async function lintWorkspace(): Promise<void> {
  const linted = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'axag: linting the workspace' },
    () => running().sendRequest<{ files: number; problems: number }>('axag/lintWorkspace'),
  );
  void vscode.window.showInformationMessage(`axag linted ${linted.files} files: ${linted.problems} problems, in the Problems panel.`);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}
