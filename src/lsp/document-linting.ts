import type { Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../results.js';
import { fileDiagnostic, toDiagnostic } from './diagnostics.js';
import type { Linter } from './linter.js';
import type { LintTarget } from './workspace.js';

/** The findings of a document at the version they were computed for: what code actions and hovers read. */
export interface LintedDocument {
  version: number;
  text: string;
  target: LintTarget;
  findings: Finding[];
}

export interface DocumentLintingOptions {
  documents: TextDocuments<TextDocument>;
  linter: Linter;
  targetOf(document: TextDocument): LintTarget | undefined;
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  /** Tell the user once, beyond the file's diagnostic (a skipped file). */
  warn(message: string): void;
  maxFileSize: number;
  /** Quiet time after the last change before a document is linted. */
  delayMs: number;
  /** The client shows `relatedInformation` on diagnostics (`textDocument.publishDiagnostics.relatedInformation`). */
  relatedInformation: boolean;
}

/**
 * Lints open documents as they change: debounced, queued in order, and dropped or discarded when a newer version
 * exists, so a stale result never replaces a newer one.
 */
export class DocumentLinting {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly linted = new Map<string, LintedDocument>();

  constructor(private readonly options: DocumentLintingOptions) {}

  /** Lints the document after the quiet time (at once for a document just opened). */
  schedule(uri: string, delayMs = this.options.delayMs): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.run(uri);
      }, delayMs),
    );
  }

  relintAll(): void {
    for (const document of this.options.documents.all()) this.schedule(document.uri, 0);
  }

  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.linted.delete(uri);
  }

  /** The findings of the document's current version; undefined while it is being linted again. */
  current(document: TextDocument): LintedDocument | undefined {
    const linted = this.linted.get(document.uri);
    return linted?.version === document.version ? linted : undefined;
  }

  /** Lints a text that is not (yet) the document's, with the document's config: for checking an edit before offering it. */
  async lintText(target: LintTarget, text: string): Promise<Finding[] | undefined> {
    const outcome = await this.options.linter.lint({ ...target, text, maxFileSize: this.options.maxFileSize }, () => false);
    return outcome.kind === 'results' ? (outcome.results.files.find((file) => file.path === target.path)?.findings ?? []) : undefined;
  }

  private async run(uri: string): Promise<void> {
    const { documents, linter, publish } = this.options;
    const document = documents.get(uri);
    if (!document) return;
    const { version } = document;
    const stale = () => documents.get(uri)?.version !== version;
    const target = this.options.targetOf(document);
    if (!target) {
      publish(uri, version, []);
      return;
    }
    const text = document.getText();
    const outcome = await linter.lint({ ...target, text, maxFileSize: this.options.maxFileSize }, stale);
    if (outcome.kind === 'cancelled' || stale()) return;
    switch (outcome.kind) {
      case 'results': {
        const findings = outcome.results.files.find((file) => file.path === target.path)?.findings ?? [];
        this.linted.set(uri, { version, text, target, findings });
        const failures = outcome.results.failures.map((failure) => fileDiagnostic(`axag did not lint this file: ${failure}`, 'information'));
        publish(uri, version, [...failures, ...findings.map((finding) => toDiagnostic(finding, uri, this.options.relatedInformation))]);
        return;
      }
      case 'ignored':
        this.linted.delete(uri);
        publish(uri, version, []);
        return;
      case 'fatal':
        this.linted.delete(uri);
        publish(uri, version, [fileDiagnostic(`axag cannot lint this file: ${outcome.message}`, 'error')]);
        return;
      case 'timeout': {
        this.linted.delete(uri);
        const message = `axag skipped ${target.path}: linting it took longer than ${outcome.seconds} s`;
        publish(uri, version, [fileDiagnostic(`${message}; it is linted again after the next change`, 'information')]);
        this.options.warn(message);
        return;
      }
    }
  }
}
