import { RULES } from '../../rules/index.js';
import type { ResolvedConfig } from '../config/settings.js';
import type { SourceDocument, SyntaxProblem } from '../model.js';
import { findingFingerprint, fingerprintOf, legacyFingerprints } from '../fingerprint.js';
import { compareFindings, type FileResult, type Finding } from '../results.js';
import type { ParameterItems } from '../parameter-list.js';
import { isRunRule, type ManifestIndex, type Report, type Rule, type Severity } from '../rule.js';
import { applyDirectives } from './directives.js';
import { intentIndex } from './intent-index.js';
import { packIntents } from './packed-intents.js';
import { ACTION_TYPES } from '../vocabulary.js';
import { buildModel } from './element-model.js';
import { toFix, toSuggestions } from './text-edits.js';
import { LineIndex } from '../text/line-index.js';

export interface DocumentOptions {
  config: Pick<ResolvedConfig, 'rules' | 'identity'>;
  manifest: ManifestIndex | undefined;
  /** `--quiet`: rules at warning severity do not run. */
  errorsOnly?: boolean;
  /** `--report-unused-disable-directives[-severity]`: report directives that silenced nothing, at this severity. */
  reportUnusedDirectives?: Severity;
  /** Rules to run after the built-in ones, at their own default severity and options (see LintOptions.rules). */
  extraRules?: readonly Rule<any>[];
  /**
   * The document's text (without a byte-order mark), to turn the rules' fixes and suggestions into offsets into it
   * (spec §10); without it findings carry none.
   */
  text?: string;
}

export const PARSE_ERROR_RULE = 'axag/parse-error';
export const INTERNAL_ERROR_RULE = 'axag/internal-error';

/** A part of axag that threw on a document: a bug, reported as an `axag/internal-error` finding and kept here with its stack. */
export interface InternalFailure {
  /** What failed, as the finding names it: `the check AXAG-LINT-007 (idempotent-declared)`, `the HTML parser`. */
  check: string;
  /** The error's first line. */
  message: string;
  /** The stack trace, for `--debug`. */
  stack: string;
}

/**
 * What linting one document gives: its findings, how many annotations it holds, what the checks across files read,
 * and the checks that threw on it (each also an `axag/internal-error` finding).
 */
export type DocumentResult = Omit<FileResult, 'path'> & { internalErrors: InternalFailure[] };

/** Runs every enabled rule over one parsed document, after expanding its macros and reporting what did not parse. Pure. */
export function lintDocument(document: SourceDocument, options: DocumentOptions): DocumentResult {
  const model = buildModel(document, options.config.identity);
  const findings: Finding[] = document.syntaxErrors.map(parseErrorFinding);
  const actionTypes = (options.config.rules['AXAG-LINT-004']?.options.allowed as string[] | undefined) ?? ACTION_TYPES;
  const parameterItems = (options.config.rules['AXAG-LINT-009']?.options.parameterItems as ParameterItems | undefined) ?? 'objects';
  // Messages named the manifest relative to the working directory; version 1 fingerprints replaced it.
  const manifestPath = options.manifest?.displayPath;
  const withoutManifestPath = (message: string) => (manifestPath ? message.split(manifestPath).join('<manifest>') : message);
  const unjudged = new Set<string>();
  const internalErrors: InternalFailure[] = [];
  const extraRules = options.extraRules ?? [];
  const { text } = options;
  // Built for the first fix or suggestion only: most findings have none, most files none with one.
  let built: LineIndex | undefined;
  const lines = () => (built ??= new LineIndex(text!));
  for (const rule of [...RULES, ...extraRules]) {
    if (isRunRule(rule)) continue;
    const setting = options.config.rules[rule.id] ?? (extraRules.includes(rule) ? { severity: rule.severity, options: rule.defaultOptions } : undefined);
    if (!setting || setting.severity === 'off') continue;
    if (options.errorsOnly && setting.severity !== 'error') {
      unjudged.add(rule.id);
      continue;
    }
    const severity = setting.severity;
    let reports: Report[];
    try {
      reports = rule.check({ model, manifest: options.manifest, options: setting.options, actionTypes, parameterItems });
    } catch (error) {
      // One broken check must not cost the file its other checks, nor the run its other files.
      const failure = internalFailure(`the check ${rule.id} (${rule.name})`, error);
      internalErrors.push(failure);
      findings.push(internalErrorFinding(failure));
      continue;
    }
    for (const report of reports) {
      const fix = text !== undefined && report.fix ? toFix(report.fix, lines(), text) : undefined;
      const suggestions = text !== undefined && report.suggestions ? toSuggestions(report.suggestions, lines(), text) : undefined;
      findings.push({
        ruleId: rule.id,
        severity,
        message: report.message,
        ...report.range,
        element: { name: report.element.tag, ...report.element.start },
        ...(report.suggestion !== undefined && { suggestion: report.suggestion }),
        fingerprint: findingFingerprint(rule.id, report.range, report.element, withoutManifestPath(report.message)),
        legacyFingerprint: legacyFingerprints.finding(rule.id, withoutManifestPath(report.message), report.element),
        ...(fix && { fix }),
        ...(suggestions && { suggestions }),
        ...(report.related && { related: report.related.map(({ message, range }) => ({ message, ...range })) }),
      });
    }
  }
  const directed = applyDirectives(findings, document.comments, document.elements, {
    unjudged,
    ...(options.reportUnusedDirectives && { reportUnused: options.reportUnusedDirectives }),
  });
  const reported = options.errorsOnly ? directed.findings.filter((finding) => finding.severity === 'error') : directed.findings;
  const dynamic = model.elements.filter(({ element }) => element.macro?.form === 'bound').length;
  return {
    findings: reported.sort(compareFindings),
    annotations: model.elements.length,
    dynamic,
    intents: packIntents(intentIndex(model, parameterItems)),
    directives: directed.directives,
    internalErrors,
  };
}

/** What a thrown value says, for the finding and `--debug`. */
export function internalFailure(check: string, error: unknown): InternalFailure {
  const thrown = error instanceof Error ? error : new Error(String(error));
  const message = (thrown.message.split('\n')[0] ?? '').slice(0, 200);
  return { check, message: `${thrown.name}${message ? `: ${message}` : ''}`, stack: thrown.stack ?? String(thrown) };
}

/**
 * The finding for a part of axag that threw on the file: at its start, since the failure has no position of its
 * own, never silenced by a directive, and at error severity, so a run with a bug never passes as clean.
 */
export function internalErrorFinding({ check, message }: InternalFailure, lost = 'its findings on this file are missing'): Finding {
  const text =
    `Internal error: ${check} failed on this file (${message}), so ${lost}; ` +
    'this is a bug in axag: please report it (run axag with --debug for the stack trace)';
  return {
    ruleId: INTERNAL_ERROR_RULE,
    severity: 'error',
    message: text,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    fingerprint: fingerprintOf(INTERNAL_ERROR_RULE, undefined, text),
  };
}

/** A syntax error is always reported: the annotations in that part of the file went unchecked. */
function parseErrorFinding(problem: SyntaxProblem): Finding {
  const source = problem.source.charAt(0).toUpperCase() + problem.source.slice(1);
  const message = problem.limit
    ? `${source} nests deeper than its parser can follow, so its annotations were not checked; nest fewer levels, split it into smaller parts, or give the parser a larger stack with the environment variable AXAG_PARSER_STACK_MB (the default, 256, follows 100,000 levels)`
    : `${source} does not parse: ${problem.message.replace(/\.$/, '')}; fix the syntax so axag can check its annotations`;
  return { ruleId: PARSE_ERROR_RULE, severity: 'error', message, ...problem.range, fingerprint: fingerprintOf(PARSE_ERROR_RULE, undefined, message) };
}
