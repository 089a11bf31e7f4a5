import { RULES } from '../../rules/index.js';
import type { ResolvedConfig } from '../config/settings.js';
import type { SourceDocument, SyntaxProblem } from '../model.js';
import { findingFingerprint } from '../fingerprint.js';
import { compareFindings, type Finding } from '../results.js';
import type { ParameterItems } from '../parameter-list.js';
import type { ManifestIndex, Severity } from '../rule.js';
import { applyDirectives } from './directives.js';
import { ACTION_TYPES } from '../vocabulary.js';
import { buildModel } from './element-model.js';

export interface DocumentOptions {
  config: Pick<ResolvedConfig, 'rules' | 'identity'>;
  manifest: ManifestIndex | undefined;
  /** `--quiet`: rules at warning severity do not run. */
  errorsOnly?: boolean;
  /** `--report-unused-disable-directives[-severity]`: report directives that silenced nothing, at this severity. */
  reportUnusedDirectives?: Severity;
}

export const PARSE_ERROR_RULE = 'axag/parse-error';

/** What linting one document gives: its findings and how many annotations it holds. */
export interface DocumentResult {
  findings: Finding[];
  /** Annotated elements checked (outside `axag-skip` subtrees). */
  annotations: number;
  /** Of those, the ones whose `axag` macro is computed at run time, so not checked (spec §8.1). */
  dynamic: number;
}

/** Runs every enabled rule over one parsed document, after expanding its macros and reporting what did not parse. Pure. */
export function lintDocument(document: SourceDocument, options: DocumentOptions): DocumentResult {
  const model = buildModel(document, options.config.identity);
  const findings: Finding[] = document.syntaxErrors.map(parseErrorFinding);
  const actionTypes = (options.config.rules['AXAG-LINT-004']?.options.allowed as string[] | undefined) ?? ACTION_TYPES;
  const parameterItems = (options.config.rules['AXAG-LINT-009']?.options.parameterItems as ParameterItems | undefined) ?? 'objects';
  // Messages name the manifest relative to the working directory; fingerprints must not depend on where axag ran.
  const manifestPath = options.manifest?.displayPath;
  const withoutManifestPath = (message: string) => (manifestPath ? message.split(manifestPath).join('<manifest>') : message);
  const unjudged = new Set<string>();
  for (const rule of RULES) {
    const setting = options.config.rules[rule.id];
    if (!setting || setting.severity === 'off') continue;
    if (options.errorsOnly && setting.severity !== 'error') {
      unjudged.add(rule.id);
      continue;
    }
    const severity = setting.severity;
    for (const report of rule.check({ model, manifest: options.manifest, options: setting.options, actionTypes, parameterItems })) {
      findings.push({
        ruleId: rule.id,
        severity,
        message: report.message,
        ...report.range,
        element: { name: report.element.tag, ...report.element.start },
        ...(report.suggestion !== undefined && { suggestion: report.suggestion }),
        fingerprint: findingFingerprint(rule.id, withoutManifestPath(report.message), report.element),
      });
    }
  }
  const directed = applyDirectives(findings, document.comments, document.elements, {
    unjudged,
    ...(options.reportUnusedDirectives && { reportUnused: options.reportUnusedDirectives }),
  });
  const reported = options.errorsOnly ? directed.filter((finding) => finding.severity === 'error') : directed;
  const dynamic = model.elements.filter(({ element }) => element.macro?.form === 'bound').length;
  return { findings: reported.sort(compareFindings), annotations: model.elements.length, dynamic };
}

/**
 * How deep each parser follows markup, measured with bench/limits.mjs on Node's default stack: parse5 and Vue's
 * parser keep their own stacks; Babel and Svelte's parser recurse, Svelte's several calls per element or block.
 */
const NESTING_LIMITS = 'axag follows about 600 levels in Svelte, 5,000 in JSX and TypeScript, and any depth in HTML and Vue';

/** A syntax error is always reported: the annotations in that part of the file went unchecked. */
function parseErrorFinding(problem: SyntaxProblem): Finding {
  const source = problem.source.charAt(0).toUpperCase() + problem.source.slice(1);
  const message = problem.limit
    ? `${source} nests deeper than its parser can follow, so its annotations were not checked; nest fewer levels or split it into smaller parts (${NESTING_LIMITS})`
    : `${source} does not parse: ${problem.message.replace(/\.$/, '')}; fix the syntax so axag can check its annotations`;
  return { ruleId: PARSE_ERROR_RULE, severity: 'error', message, ...problem.range, fingerprint: findingFingerprint(PARSE_ERROR_RULE, message) };
}
