import { pathToFileURL } from 'node:url';
import { ALL_CHECKS, NAMESPACED_CHECKS, type CheckInfo } from '../engine/checks.js';
import type { FileLocation } from '../errors.js';
import type { Range } from '../model.js';
import type { Finding, TextEdit } from '../results.js';
import { fenced, ruleDocsUrl } from '../rule-docs.js';
import { shardCategory } from '../shard.js';
import { reportedPath, repositoryPath, rootOf, stableFingerprints } from './repository.js';
import type { Formatter } from './types.js';

const SRCROOT = '%SRCROOT%';
const RULE_INDEX = new Map(ALL_CHECKS.map((check, index) => [check.id, index]));

/**
 * Spec §7 `sarif`: one SARIF 2.1.0 run for GitHub code scanning and other
 * consumers. Every check the run can report is in `tool.driver.rules`, in a
 * fixed order; artifact URIs are relative to the repository root (`%SRCROOT%`).
 */
export const formatSarif: Formatter = (results, context) => {
  const artifact = (path: string) => {
    const relative = repositoryPath(path, context);
    return relative === undefined
      ? { uri: pathToFileURL(path).href }
      : { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  };
  const location = (path: string, region: object) => ({ physicalLocation: { artifactLocation: artifact(path), region } });

  const sarifResults = results.files.flatMap((file) => {
    const fingerprints = stableFingerprints(file, reportedPath(file.path, context));
    return file.findings.map((finding, i) => ({
      ruleId: finding.ruleId,
      ruleIndex: RULE_INDEX.get(finding.ruleId)!,
      level: finding.severity,
      message: { text: finding.message },
      locations: [location(file.path, region(finding))],
      partialFingerprints: { 'axagFinding/v2': fingerprints[i]! },
      // SARIF §3.27.22: where the cause sits when it is elsewhere (a risk level a fragment gives the action).
      ...(finding.related && {
        relatedLocations: finding.related.map((place, id) => ({ id, ...location(place.path ?? file.path, region(place)), message: { text: place.message } })),
      }),
      ...(hasEdits(finding) && { fixes: fixesOf(finding, artifact(file.path)) }),
    }));
  });
  const notification = (message: string, locations: readonly FileLocation[] = [], level = 'error') => ({
    level,
    message: { text: message },
    ...(locations.length > 0 && { locations: locations.map((at) => location(at.path, { startLine: at.line, startColumn: at.column })) }),
  });

  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: context.tool.name,
            version: context.tool.version,
            semanticVersion: context.tool.version,
            informationUri: context.tool.informationUri,
            rules: ALL_CHECKS.map(ruleDescriptor),
          },
        },
        // GitHub code scanning keeps the analyses of different categories apart: each shard replaces only its own.
        ...(context.shard && { automationDetails: { id: shardCategory(context.tool.name, context.shard) } }),
        invocations: [
          {
            executionSuccessful: results.failures.length === 0 && results.internalErrors.length === 0 && context.fatal === undefined,
            // What the configuration named that axag ignored, then the problem that stopped the run.
            toolConfigurationNotifications: [
              ...results.notices.map((notice) => notification(notice.message, notice.location && [notice.location], 'warning')),
              ...(context.fatal ? [notification(context.fatal.message, context.fatal.locations)] : []),
            ],
            toolExecutionNotifications: results.failures.map((failure) => notification(failure)),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(rootOf(context)).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        // SARIF §3.14.23: no `results` means the run did not analyse, where [] would mean it found nothing.
        ...(context.fatal === undefined && { results: sarifResults }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function hasEdits(finding: Finding): boolean {
  return finding.fix !== undefined || (finding.suggestions?.length ?? 0) > 0;
}

/**
 * SARIF §3.55: the fix, then each suggestion, as replacements of character ranges (UTF-16 code units, as
 * `columnKind` says, from the start of the file's text after any byte-order mark).
 */
function fixesOf(finding: Finding, artifactLocation: object) {
  const change = (edits: readonly TextEdit[]) => [
    {
      artifactLocation,
      replacements: edits.map((edit) => ({
        deletedRegion: { charOffset: edit.start, charLength: edit.end - edit.start },
        insertedContent: { text: edit.text },
      })),
    },
  ];
  return [
    ...(finding.fix ? [{ description: { text: 'The fix axag lint --fix applies' }, artifactChanges: change(finding.fix.edits) }] : []),
    ...(finding.suggestions ?? []).map((suggestion) => ({ description: { text: suggestion.label }, artifactChanges: change(suggestion.edits) })),
  ];
}

function region(range: Range) {
  return { startLine: range.line, startColumn: range.column, endLine: range.endLine, endColumn: range.endColumn };
}

function ruleDescriptor(check: CheckInfo) {
  const { what, why, failing, passing, language = 'html' } = check.docs;
  return {
    id: check.id,
    name: check.name,
    shortDescription: { text: check.description },
    fullDescription: { text: what },
    helpUri: ruleDocsUrl(check.id),
    help: {
      text: `${what}\n\nWhy: ${why}\n\nFailing:\n${failing}\n\nPassing:\n${passing}`,
      markdown: `${what}\n\n**Why:** ${why}\n\nFailing:\n\n${fenced(failing, language)}\n\nPassing:\n\n${fenced(passing, language)}`,
    },
    // A check that is off by default still reports at warning level once a config turns it on.
    defaultConfiguration: check.severity === 'off' ? { level: 'warning', enabled: false } : { level: check.severity },
    properties: { tags: tagsOf(check), precision: 'very-high' },
  };
}

/** Code scanning filters by tag: rules check annotations; each namespaced check is its own kind of problem. */
function tagsOf(check: CheckInfo): string[] {
  return NAMESPACED_CHECKS.includes(check) ? ['axag', check.name] : ['axag', 'annotations'];
}
