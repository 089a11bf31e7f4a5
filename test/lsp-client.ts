/**
 * A real language client for test/lsp*.test.ts: starts the BUILT `node bin/axag.js lsp --stdio` and speaks the
 * protocol to it with vscode-languageserver-protocol over the child's standard input and output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  CodeActionRequest,
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidSaveTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type FileEvent,
  type Hover,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type ServerCapabilities,
  type ShowMessageParams,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BIN } from './cli-helpers.js';

export const uriOf = (path: string) => pathToFileURL(path).href;

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly registrations: Registration[] = [];
  readonly stderr: string[] = [];
  /** What the server answered to initialize. */
  capabilities: ServerCapabilities = {};
  private readonly texts = new Map<string, TextDocument>();
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  /**
   * Starts the server and initializes it with `root` as the only workspace folder, as a client that shows
   * related information on diagnostics unless `relatedInformation` is false.
   */
  static async start(root: string, initializationOptions: object = {}, { relatedInformation = true } = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [BIN, 'lsp', '--stdio', `--clientProcessId=${process.pid}`], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => client.stderr.push(chunk));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      client.published.push(params);
      client.wake();
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      client.messages.push(params);
      client.wake();
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      client.registrations.push(...params.registrations);
    });
    connection.listen();
    const initialized = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(root),
      workspaceFolders: [{ uri: uriOf(root), name: 'project' }],
      initializationOptions,
      capabilities: {
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, relatedInformation },
          completion: { completionItem: { snippetSupport: false } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        },
      },
    });
    client.capabilities = initialized.capabilities;
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves when `condition` holds, checked after every notification; fails after `ms`. */
  private async until<T>(condition: () => T | undefined, what: string, ms = 40_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = condition();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; server said: ${this.stderr.join('')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 500);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The next diagnostics published for `path` at the document's current version after `after` publications. */
  async diagnostics(path: string, after = 0): Promise<Diagnostic[]> {
    const uri = uriOf(path);
    const version = this.texts.get(uri)?.version;
    const found = await this.until(
      () => this.published.slice(after).find((params) => params.uri === uri && params.version === version),
      `diagnostics of ${path} at version ${version}`,
    );
    return found.diagnostics;
  }

  async waitForMessage(pattern: RegExp): Promise<ShowMessageParams> {
    return this.until(() => this.messages.find((message) => pattern.test(message.message)), `a message matching ${pattern}`);
  }

  async open(path: string, languageId: string, text: string): Promise<void> {
    const uri = uriOf(path);
    this.texts.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  text(path: string): string {
    return this.texts.get(uriOf(path))!.getText();
  }

  /** Replaces the whole text (a new version). */
  async change(path: string, text: string): Promise<void> {
    const uri = uriOf(path);
    const old = this.texts.get(uri)!;
    const next = TextDocument.create(uri, old.languageId, old.version + 1, text);
    this.texts.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: next.version },
      contentChanges: [{ text }],
    });
  }

  /** Tells the server the document was saved (as it is: the tests write the file themselves when it matters). */
  async save(path: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: uriOf(path) } });
  }

  /** The `axag` settings changed, as vscode-languageclient sends them with `synchronize.configurationSection: 'axag'`. */
  async configure(axag: object): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { axag } });
  }

  /** Diagnostics published for `path` without a version (not of an open document) after `after` publications. */
  unversioned(path: string, after = 0): Diagnostic[] | undefined {
    return this.published.slice(after).findLast((params) => params.uri === uriOf(path) && params.version === undefined)?.diagnostics;
  }

  /** Applies edits for this document (as a client applies a workspace edit) and sends the change. */
  async applyEdits(path: string, edits: readonly TextEdit[]): Promise<string> {
    const text = TextDocument.applyEdits(this.texts.get(uriOf(path))!, [...edits]);
    await this.change(path, text);
    return text;
  }

  async codeActions(path: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uriOf(path) },
      range,
      context: { diagnostics, ...(only && { only }) },
    });
    return (result ?? []) as CodeAction[];
  }

  async hover(path: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(path) }, position });
  }

  async completion(path: string, position: Position): Promise<CompletionItem[]> {
    const result = (await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uriOf(path) }, position })) as
      | CompletionItem[]
      | CompletionList
      | null;
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  async filesChanged(paths: readonly string[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: paths.map((path): FileEvent => ({ uri: uriOf(path), type: FileChangeType.Changed })),
    });
  }

  /** shutdown, then exit: resolves with the server's exit code. */
  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** The position of the `index`-th (0-based) occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`${needle} not found`);
  }
  return TextDocument.create('x:', 'x', 0, text).positionAt(at + delta);
}
