/**
 * `axag lsp`: the language server. Diagnostics as `axag lint` reports them (same engine, config and manifest
 * resolution, per workspace folder), quick fixes, hovers and completions, over stdio.
 */
import lsp from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TOOL } from '../cli/tool.js';
import { DEFAULT_MAX_FILE_SIZE } from '../text-file.js';
import { codeActions, FIX_ALL, QUICK_FIX } from './code-actions.js';
import { completions } from './completion.js';
import { DocumentLinting } from './document-linting.js';
import { hover } from './hover.js';
import { Linter } from './linter.js';
import { ruleDocumentation, ruleSummaries, RULE_DOCUMENTATION, RULES } from './rule-requests.js';
import { lintWorkspace, LINT_WORKSPACE } from './workspace-linting.js';
import { Workspace, type PathSettings } from './workspace.js';

/** What a client may set in `initializationOptions`. */
interface ServerOptions extends Partial<Settings> {
  /** The largest file to lint, in bytes (as `--max-file-size`; 0 for no limit). */
  maxFileSize?: number;
  /** Quiet time after the last change before linting, in milliseconds. */
  lintDelay?: number;
  /** A file whose linting takes longer is skipped with a message, in milliseconds. */
  lintTimeout?: number;
}

/** What the editor's `axag` settings change while the server runs (`workspace/didChangeConfiguration`). */
interface Settings extends PathSettings {
  /** Lint open documents as they change, or only when opened and saved. */
  run: 'onType' | 'onSave';
}

/** The settings as the client sent them: anything missing or malformed is the default. */
function readSettings(sent: unknown): Settings {
  const value = (typeof sent === 'object' && sent !== null ? sent : {}) as Record<string, unknown>;
  const path = (key: string) => (typeof value[key] === 'string' ? value[key].trim() : '');
  return { run: value.run === 'onSave' ? 'onSave' : 'onType', configPath: path('configPath'), manifestPath: path('manifestPath') };
}

const DEFAULT_DELAY_MS = 200;
const DEFAULT_TIMEOUT_MS = 20_000;
/** Configs (`.axag-lint.*`, package.json) and manifests are all JSON or YAML: any of them changing re-lints. */
const WATCHED = '**/*.{json,yaml,yml}';

export function startLanguageServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): void {
  const connection = lsp.createConnection(lsp.ProposedFeatures.all, input, output);
  const documents = new lsp.TextDocuments(TextDocument);
  const workspace = new Workspace();
  const log = (message: string) => connection.console.error(message);
  /** A message to the client that fails (the client refused it, the connection is closing) is logged, never a crash. */
  const settle = (sent: Promise<unknown>) => void sent.catch((error: unknown) => log(`axag: ${error instanceof Error ? error.message : String(error)}`));
  // The last net: whatever a handler lets through is logged; an editor's server must not die of one request.
  process.on('unhandledRejection', (error) => log(`axag: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  let linter: Linter | undefined;
  let linting: DocumentLinting | undefined;
  let snippets = false;
  let watchDynamically = false;
  let folderChanges = false;
  let settings = readSettings({});
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  const applySettings = (next: Settings) => {
    settings = next;
    workspace.setPathSettings(next);
  };
  /** Files whose diagnostics came from the last `axag/lintWorkspace` and not from an open document. */
  let workspaceUris = new Set<string>();
  let relatedInformation = false;

  connection.onInitialize((params) => {
    const options = (params.initializationOptions ?? {}) as ServerOptions;
    applySettings(readSettings(options));
    maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    workspace.setFolders(params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []));
    const { capabilities } = params;
    snippets = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    watchDynamically = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folderChanges = capabilities.workspace?.workspaceFolders === true;
    relatedInformation = capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
    linter = new Linter(options.lintTimeout ?? DEFAULT_TIMEOUT_MS, log);
    linting = new DocumentLinting({
      documents,
      linter,
      targetOf: (document) => workspace.targetOf(document),
      publish: (uri, version, diagnostics) => settle(connection.sendDiagnostics({ uri, version, diagnostics })),
      // A notification, not window/showMessageRequest: nothing to answer, and a client without it is no failure.
      warn: (message) => settle(connection.sendNotification(lsp.ShowMessageNotification.type, { type: lsp.MessageType.Warning, message })),
      maxFileSize,
      delayMs: options.lintDelay ?? DEFAULT_DELAY_MS,
      relatedInformation,
    });
    return {
      capabilities: {
        // Saves are asked for whatever the setting: `axag.run` may become onSave while the server runs.
        textDocumentSync: { openClose: true, change: lsp.TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [QUICK_FIX, FIX_ALL] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '"', "'", ':', '!', '?', '&', '=', '\n'] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: TOOL.name, version: TOOL.version },
    };
  });

  connection.onInitialized(() => {
    if (watchDynamically) settle(connection.client.register(lsp.DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED }] }));
    if (folderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders(async ({ added, removed }) => {
        workspace.changeFolders(
          added.map((folder) => folder.uri),
          removed.map((folder) => folder.uri),
        );
        await configsChanged();
      });
    }
  });

  const configsChanged = async () => {
    await linter?.forgetConfigs();
    linting?.relintAll();
  };
  connection.onDidChangeWatchedFiles(configsChanged);

  connection.onDidChangeConfiguration(async ({ settings: sent }) => {
    const axag = typeof sent === 'object' && sent !== null ? (sent as Record<string, unknown>).axag : undefined;
    // A client that pulls settings instead sends no value: nothing to apply.
    if (axag === undefined) return;
    applySettings(readSettings(axag));
    await configsChanged();
  });

  // In onSave mode a document is linted when opened and saved; in onType mode its content events include the opening.
  documents.onDidOpen(({ document }) => {
    if (settings.run === 'onSave') linting?.schedule(document.uri, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    if (settings.run === 'onType') linting?.schedule(document.uri);
  });
  documents.onDidSave(({ document }) => {
    if (settings.run === 'onSave') linting?.schedule(document.uri, 0);
  });
  documents.onDidClose(({ document }) => {
    workspaceUris.delete(document.uri);
    linting?.forget(document.uri);
    settle(connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }));
  });

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const linted = document && linting?.current(document);
    if (!document || !linted || !linting) return [];
    const current = linting;
    return codeActions(params, document, linted, { lintText: (text) => current.lintText(linted.target, text), relatedInformation });
  });

  connection.onHover(async ({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    const target = document && workspace.targetOf(document);
    if (!document || !target) return null;
    try {
      return (await hover(document, document.offsetAt(position), target.parseAs, linting?.current(document)?.findings)) ?? null;
    } catch (error) {
      // A parser that throws on a half-typed file must cost the hover, not the server.
      log(`axag: no hover: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  });

  connection.onCompletion(async ({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    const target = document && workspace.targetOf(document);
    if (!document || !target) return [];
    return completions(document, document.offsetAt(position), {
      snippets,
      intents: async () => (linter ? linter.intents({ ...target }) : []),
    });
  });

  connection.onRequest(LINT_WORKSPACE, async () => {
    if (!linter) return { files: 0, problems: 0 };
    const linted = await lintWorkspace(linter, workspace, {
      isOpen: (uri) => documents.get(uri) !== undefined,
      publish: (uri, diagnostics) => settle(connection.sendDiagnostics({ uri, diagnostics })),
      warn: (message) => settle(connection.sendNotification(lsp.ShowMessageNotification.type, { type: lsp.MessageType.Warning, message })),
      relatedInformation,
    }, workspaceUris, maxFileSize);
    workspaceUris = linted.published;
    return { files: linted.files, problems: linted.problems };
  });
  connection.onRequest(RULES, () => ruleSummaries());
  connection.onRequest(RULE_DOCUMENTATION, (params: { ruleId?: unknown } | undefined) => ruleDocumentation(params?.ruleId));

  connection.onShutdown(() => linter?.dispose());
  documents.listen(connection);
  connection.listen();
}
