/**
 * Linting one source file: read it, skip it when it cannot hold an annotation, parse it, run the rules, and, when
 * asked, apply its fixes. The same code runs in the main thread and in worker threads; its inputs and outcome are
 * plain data, so both cross a thread boundary, and a result can sit in a cache.
 */
import { extname } from 'node:path';
import type { ResolvedConfig } from '../config/settings.js';
import type { SourceDocument } from '../model.js';
import { compareFindings, hasFix, withoutAnnotations, type FileResult } from '../results.js';
import type { ManifestIndex, Rule, Severity } from '../rule.js';
import { mayContainAnnotations, parseSource } from '../sources/index.js';
import { contentHash } from '../text/content-hash.js';
import { stripBom } from '../text/line-index.js';
import { readTextFile, tooLarge, UnreadableFileError } from '../text-file.js';
import { fixText } from './apply-fixes.js';
import { internalErrorFinding, internalFailure, lintDocument, type DocumentOptions, type DocumentResult, type InternalFailure } from './lint-document.js';

/** A file to lint: read from `path`, or `text` already in hand; `parseAs` names the file whose extension picks the parser. */
export interface FileTask {
  path: string;
  parseAs: string;
  text?: string;
  /** Also return the hash of the text read (for the cache). */
  hash?: boolean;
  /** The hash of the text a cached result was made from: a text that still hashes to it is not linted again. */
  cachedHash?: string;
}

/** What applies to a file besides its text: the same for every file under one config and manifest. */
export interface FileSettings {
  config: Pick<ResolvedConfig, 'rules' | 'identity'>;
  manifest: ManifestIndex | undefined;
  errorsOnly: boolean;
  reportUnusedDirectives?: Severity;
  maxFileSize: number;
  /** Functions: these settings then cannot cross to a worker thread. */
  extraRules?: readonly Rule<any>[];
  /** Apply the file's fixes (LintOptions.fix). */
  fix?: boolean;
}

export type FileOutcome =
  /** The file was not linted: why, in words (`cannot read the file: permission denied`). */
  | { kind: 'not-linted'; reason: string }
  /** Its text still hashes to `cachedHash`. */
  | { kind: 'unchanged' }
  /**
   * Its result, with the parts of axag that threw on it (each also an `axag/internal-error` finding in it). When its
   * fixes changed it, `result` is the fixed text's and `unfixed` the result of the file as it was read, for the cache.
   */
  | { kind: 'linted'; result: FileResult; internalErrors: InternalFailure[]; hash?: string; unfixed?: FileResult };

export async function lintFile(task: FileTask, settings: FileSettings): Promise<FileOutcome> {
  const { path, parseAs } = task;
  let text: string;
  try {
    text = task.text ?? readTextFile(path, settings.maxFileSize);
    const large = task.text === undefined ? undefined : tooLarge(Buffer.byteLength(text), settings.maxFileSize);
    if (large) throw new UnreadableFileError(large);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return { kind: 'not-linted', reason: `cannot read the file: ${error.reason}` };
  }
  const hash = task.hash || task.cachedHash !== undefined ? contentHash(text) : undefined;
  if (hash !== undefined && hash === task.cachedHash) return { kind: 'unchanged' };
  const linted = (result: FileResult, internalErrors: InternalFailure[] = []): FileOutcome => ({
    kind: 'linted',
    result,
    internalErrors,
    ...(hash !== undefined && { hash }),
  });
  if (!mayContainAnnotations(text)) return linted(withoutAnnotations(path));

  // A parser or the engine that throws is a bug, in this file only: an internal-error finding.
  const failed = (failure: InternalFailure) => linted(withoutAnnotations(path, [internalErrorFinding(failure, 'no check ran on it')]), [failure]);
  let document: SourceDocument;
  const unmarked = stripBom(text);
  try {
    document = await parseSource(parseAs, unmarked);
  } catch (error) {
    // A parser reports what it cannot parse as a syntax error; one that throws is a bug.
    return failed(internalFailure(`the parser of ${extname(parseAs) || 'these'} files`, error));
  }
  const documentOptions = (text: string): DocumentOptions => ({
    config: settings.config,
    manifest: settings.manifest,
    errorsOnly: settings.errorsOnly,
    text,
    ...(settings.reportUnusedDirectives && { reportUnusedDirectives: settings.reportUnusedDirectives }),
    ...(settings.extraRules && settings.extraRules.length > 0 && { extraRules: settings.extraRules }),
  });
  let first: DocumentResult;
  try {
    first = lintDocument(document, documentOptions(unmarked));
  } catch (error) {
    return failed(internalFailure('the rule engine', error));
  }
  const { internalErrors, ...counts } = first;
  const unfixed = { path, ...counts };
  let fixed: Awaited<ReturnType<typeof fixedDocument>>;
  try {
    fixed = settings.fix ? await fixedDocument(unmarked, first, parseAs, documentOptions) : undefined;
  } catch (error) {
    // A pass of fixing that throws is a bug: the file keeps what its lint found, unfixed, and says so.
    const failure = internalFailure('fixing', error);
    const findings = [...unfixed.findings, internalErrorFinding(failure, 'its fixes were not applied')].sort(compareFindings);
    return linted({ ...unfixed, findings }, [...internalErrors, failure]);
  }
  if (!fixed) return linted(unfixed, internalErrors);
  // A second byte-order mark (reading drops the first, the parse skips this one) stays in front of the fixed text.
  const output = text.slice(0, text.length - unmarked.length) + fixed.text;
  const { internalErrors: fixingErrors, ...fixedCounts } = fixed.result;
  return { ...linted({ path, ...fixedCounts, output, outputFrom: contentHash(text) }, fixingErrors), ...(hash !== undefined && { unfixed }) };
}

/**
 * Spec §10: the document's fixes applied until none is left (fixText), each pass parsed and linted again in this
 * thread; the fixed text with its result, or undefined when no fix changes the text.
 */
async function fixedDocument(
  text: string,
  first: DocumentResult,
  parseAs: string,
  options: (text: string) => DocumentOptions,
): Promise<{ text: string; result: DocumentResult } | undefined> {
  if (!hasFix(first.findings)) return undefined;
  const results = new Map<string, DocumentResult>();
  const fixed = await fixText(text, first.findings, async (next) => {
    const result = lintDocument(await parseSource(parseAs, next), options(next));
    results.set(next, result);
    return result.findings;
  });
  return fixed === text ? undefined : { text: fixed, result: results.get(fixed)! };
}
