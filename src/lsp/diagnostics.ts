import { pathToFileURL } from 'node:url';
import type { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range as LspRange } from 'vscode-languageserver';
import { ALL_CHECKS } from '../engine/checks.js';
import type { Range } from '../model.js';
import type { Finding, RelatedLocation } from '../results.js';
import { ruleDocsUrl } from '../rule-docs.js';

const DOCUMENTED = new Set(ALL_CHECKS.map((check) => check.id));
const ERROR: DiagnosticSeverity = 1;
const WARNING: DiagnosticSeverity = 2;
const INFORMATION: DiagnosticSeverity = 3;

/** The model's 1-based lines and UTF-16 columns as LSP's 0-based lines and UTF-16 characters (the default encoding). */
export function lspRange(range: Range): LspRange {
  return {
    start: { line: range.line - 1, character: range.column - 1 },
    end: { line: range.endLine - 1, character: range.endColumn - 1 },
  };
}

/**
 * What the editor shows for a finding of the document at `uri`, linking to its rule's page; with `related`, where
 * its cause sits when that is elsewhere (a risk level a fragment gives the action).
 */
export function toDiagnostic(finding: Finding, uri: string, related: boolean): Diagnostic {
  const relatedInformation = related && finding.related ? finding.related.map((place) => relatedInformationOf(place, uri)) : [];
  return {
    range: lspRange(finding),
    severity: finding.severity === 'error' ? ERROR : WARNING,
    code: finding.ruleId,
    ...(DOCUMENTED.has(finding.ruleId) && { codeDescription: { href: ruleDocsUrl(finding.ruleId) } }),
    source: 'axag',
    message: finding.message,
    ...(relatedInformation.length > 0 && { relatedInformation }),
  };
}

function relatedInformationOf(place: RelatedLocation, uri: string): DiagnosticRelatedInformation {
  return { location: { uri: place.path === undefined ? uri : pathToFileURL(place.path).href, range: lspRange(place) }, message: place.message };
}

/** One diagnostic at the top of the file, for what kept the whole file from being linted. */
export function fileDiagnostic(message: string, severity: 'error' | 'information'): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: severity === 'error' ? ERROR : INFORMATION,
    source: 'axag',
    message,
  };
}
