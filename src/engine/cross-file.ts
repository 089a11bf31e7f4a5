/**
 * The checks across files (spec §9.1): they run after every file is linted, on the intent index each file's
 * result carries, and their findings then go through what a file's own findings went through: the severity the
 * config of the file they land on sets (the manifest's own config for a finding on the manifest), `--quiet`, and
 * that file's inline directives. Baselines apply later to every finding alike.
 */
import { RULES } from '../../rules/index.js';
import type { ConfigResolver } from '../config/resolve.js';
import { fingerprintOf, legacyFingerprints } from '../fingerprint.js';
import { displayPath } from '../paths.js';
import { compareFindings, compareStrings, type FileResult, type Finding } from '../results.js';
import { isRunRule, type RunSite } from '../rule.js';
import { applyDirectivesLater } from './directives.js';
import { unpackIntents } from './packed-intents.js';
import type { LoadedManifest } from '../manifest/load.js';

/** The linted files of one site, and its manifest (spec: a site is one manifest, or one config file without a manifest). */
export interface SiteFiles {
  manifest: LoadedManifest | undefined;
  files: FileResult[];
}

export interface CrossFileOptions {
  resolver: ConfigResolver;
  cwd: string;
  errorsOnly: boolean;
  /** The result of a file that is not a linted source (a manifest): made when a finding first lands on it. */
  resultFor(path: string): FileResult;
}

/**
 * Adds their findings to the files' results (a directive they use is no longer reported as unused), and returns
 * the findings of each file this changed, by path: what the cache keeps of the run (see ResultCache.sites).
 */
export function runCrossFileChecks(sites: readonly SiteFiles[], options: CrossFileOptions): Map<string, Finding[]> {
  const runSites: RunSite[] = sites.map(({ manifest, files }) => ({
    ...(manifest && {
      manifest: {
        path: manifest.path,
        actions: manifest.actions,
        locateIntent: manifest.locateIntent,
      },
    }),
    files: [...files]
      .sort((a, b) => compareStrings(a.path, b.path))
      .map(({ path, intents }) => ({
        path,
        displayPath: displayPath(path, options.cwd),
        // Unpacked when a check reads it, and let go of after: a run's every declaration at once would not be small.
        get intents() {
          return unpackIntents(intents);
        },
      })),
  }));
  const linted = new Map(sites.flatMap((site) => site.files.map((file) => [file.path, file] as const)));
  const landed = new Map<FileResult, Finding[]>();

  for (const rule of RULES) {
    if (!isRunRule(rule)) continue;
    for (const report of rule.checkRun({ sites: runSites })) {
      const severity = options.resolver.forFile(report.path).rules[rule.id]?.severity ?? 'off';
      if (severity === 'off' || (options.errorsOnly && severity !== 'error')) continue;
      const file = linted.get(report.path) ?? options.resultFor(report.path);
      const { element } = report;
      const finding: Finding = {
        ruleId: rule.id,
        severity,
        message: report.message,
        ...report.range,
        ...(element && { element: { name: element.name, line: element.line, column: element.column } }),
        fingerprint: fingerprintOf(rule.id, element?.digest, report.subject),
        legacyFingerprint: legacyFingerprints.run(rule.id, report.stableMessage, element?.digest),
        ...(report.related && {
          related: report.related.map(({ path, message, range }) => ({ message, ...range, ...(path !== report.path && { path }) })),
        }),
      };
      landed.set(file, [...(landed.get(file) ?? []), finding]);
    }
  }
  const changed = new Map<string, Finding[]>();
  for (const [file, findings] of landed) {
    const kept = applyDirectivesLater(findings, file);
    file.findings = [...file.findings, ...kept].sort(compareFindings);
    changed.set(file.path, file.findings);
  }
  return changed;
}
