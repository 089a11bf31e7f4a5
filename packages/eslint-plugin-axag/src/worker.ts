/**
 * The engine's thread: ESLint rules are synchronous and axag's source readers are not (parsers load on first use,
 * deep files are parsed on a thread with a large stack), so the rules wait here for each file's findings (synckit).
 * Configs and manifests are found and read as `axag lint` does, and kept until their files change.
 */
import { statSync } from 'node:fs';
import { runAsWorker } from 'synckit';
import { ConfigResolver, displayPath, FatalError, lintFile, loadManifest, manifestIndex, RULES, type ManifestIndex, type ResolvedConfig } from 'axag-lint';
import type { LintReply, LintRequest } from './protocol.js';

interface CachedResolver {
  resolver: ConfigResolver;
  /** Every config file it read, with what it was when read. */
  stamps: Map<string, string>;
}

interface CachedManifest {
  stamp: string;
  index: ManifestIndex;
}

const resolvers = new Map<string, CachedResolver>();
const manifests = new Map<string, CachedManifest>();

/**
 * The last files linted, for a text linted again unchanged under the same config and manifest: `eslint --fix` lints
 * the fixed text once more, an editor lints the same text on open and on save.
 */
const recent = new Map<string, { config: ResolvedConfig; manifest: ManifestIndex | undefined; reply: LintReply }>();
const RECENT_FILES = 8;

/** What changes when a file is edited (or removed): its size and time of modification. */
function stampOf(path: string): string {
  try {
    const stats = statSync(path);
    return `${stats.size} ${stats.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** The resolver of a working directory and manifest setting, made again when a config file it read has changed. */
function resolverFor(cwd: string, manifest: string | undefined): CachedResolver {
  const key = JSON.stringify([cwd, manifest]);
  const cached = resolvers.get(key);
  if (cached && [...cached.stamps].every(([path, stamp]) => stampOf(path) === stamp)) return cached;
  const fresh = { resolver: new ConfigResolver({ cwd, ...(manifest !== undefined && { manifest }) }), stamps: new Map<string, string>() };
  resolvers.set(key, fresh);
  return fresh;
}

function configFor(request: LintRequest): ResolvedConfig {
  const cached = resolverFor(request.cwd, request.manifest);
  const config = cached.resolver.forFile(request.physicalFilename);
  // A manifest found by discovery is the resolver's too: one that goes (or changes) makes it look again.
  const read = config.manifestFrom === 'discovery' ? [...config.configFiles, config.manifestPath!] : config.configFiles;
  for (const file of read) if (!cached.stamps.has(file)) cached.stamps.set(file, stampOf(file));
  return config;
}

function manifestFor(config: ResolvedConfig, cwd: string): ManifestIndex | undefined {
  const { manifestPath, manifestSchema } = config;
  if (manifestPath === undefined) return undefined;
  const key = `${manifestSchema} ${manifestPath} ${cwd}`;
  const stamp = stampOf(manifestPath);
  const cached = manifests.get(key);
  if (cached?.stamp === stamp) return cached.index;
  const shown = displayPath(manifestPath, cwd);
  const hint = config.manifestConfigFile
    ? `fix manifestPath in ${displayPath(config.manifestConfigFile, cwd)}, or remove it to lint without a manifest`
    : config.manifestFrom === 'option'
      ? 'fix settings.axag.manifest in your ESLint config'
      : 'fix or remove the manifest';
  // Its schema problems are findings on the manifest, which ESLint does not lint: `axag lint` reports them.
  const index = manifestIndex(loadManifest(manifestPath, shown, hint, manifestSchema), shown);
  manifests.set(key, { stamp, index });
  return index;
}

async function lintRequest(request: LintRequest): Promise<LintReply> {
  let config: ResolvedConfig;
  let manifest: ManifestIndex | undefined;
  try {
    config = configFor(request);
    manifest = manifestFor(config, request.cwd);
  } catch (error) {
    if (error instanceof FatalError) return { kind: 'fatal', message: error.message };
    throw error;
  }
  const key = JSON.stringify(request);
  const hit = recent.get(key);
  // A config or manifest read again (it changed) is another object.
  if (hit && hit.config === config && hit.manifest === manifest) return hit.reply;
  // ESLint decides which checks run; their options are ESLint's merged over the axag config's (or the defaults).
  // Every rule gets its options even when off: other rules read those of AXAG-LINT-004 and AXAG-LINT-009.
  const rules = Object.fromEntries(
    RULES.map((rule) => {
      const asked = Object.hasOwn(request.checks, rule.id);
      const options = { ...config.rules[rule.id]?.options, ...request.checks[rule.id] };
      return [rule.id, { severity: asked ? ('error' as const) : ('off' as const), options }];
    }),
  );
  const outcome = await lintFile(
    { path: request.physicalFilename, parseAs: request.filename, text: request.text },
    // ESLint already read the file and chose to lint it: no size limit of axag's own.
    { config: { rules, identity: request.identity ?? config.identity }, manifest, errorsOnly: false, maxFileSize: 0 },
  );
  if (outcome.kind !== 'linted') throw new Error(`axag did not lint ${request.physicalFilename}: ${outcome.kind === 'not-linted' ? outcome.reason : outcome.kind}`);
  const reply: LintReply = { kind: 'findings', findings: outcome.result.findings.filter((finding) => Object.hasOwn(request.checks, finding.ruleId)) };
  recent.delete(key);
  recent.set(key, { config, manifest, reply });
  if (recent.size > RECENT_FILES) recent.delete(recent.keys().next().value!);
  return reply;
}

runAsWorker(lintRequest);
