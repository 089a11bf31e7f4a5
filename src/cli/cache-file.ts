/**
 * The `--cache` file: the results of earlier runs (src/engine/result-cache.ts) as JSON, for this axag version
 * only. A file that is not one (corrupt, cut short, another tool's) is ignored with a note; the run never fails
 * because of it. It is rewritten when it is axag's to rewrite: one axag named (in a directory given as the
 * location), or an axag cache however damaged. Another file that `--cache-location` names (a typo for a source
 * file, `package.json`) is left as it is, and no cache is written.
 *
 * Two lines of JSON: the files' results and the sites' findings, then the files' intent indexes, which only the
 * checks across files of a changed site read. Those are most of the file, so the second line is parsed only
 * when needed; a hash of it in the first tells at once whether it is whole.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CachedFile, CachedSite } from '../engine/result-cache.js';
import { NO_INTENTS, type PackedIntents } from '../results.js';
import { isDirectory } from '../files.js';
import { absolute } from '../paths.js';
import { contentHash } from '../text/content-hash.js';
import { fileSystemReason } from '../text-file.js';
import { writeOutputFile } from './io.js';
import { isRecord } from '../is-record.js';

export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/axag/';
/** Changes when the shape of the file does. */
const FORMAT = 4;

interface CacheData {
  tool: 'axag';
  format: typeof FORMAT;
  version: string;
  files: Record<string, CachedFile>;
  sites: Record<string, CachedSite>;
  /** Hash of the second line: the intent indexes by path. */
  intents: string;
}

/**
 * ESLint's reading of `--cache-location`: a directory (one that exists, or a path ending in a slash) holds a
 * file named after the working directory, so that runs from different directories keep their own; any other
 * path is the file.
 */
export function cacheFilePath(location: string, cwd: string): { path: string; namedByAxag: boolean } {
  const path = absolute(location, cwd);
  if (!/[\\/]$/.test(location) && !isDirectory(path)) return { path, namedByAxag: false };
  return { path: join(path, `lint-${createHash('sha1').update(cwd).digest('hex').slice(0, 8)}.json`), namedByAxag: true };
}

/** How every cache file axag writes begins (`tool` is the first key written), even one cut short. */
const SIGNATURE = Buffer.from('{"tool":"axag"');

export interface LoadedCache {
  entries: Map<string, CachedFile>;
  sites: Map<string, CachedSite>;
  /** Parses the intent indexes of the files. */
  intents(): Map<string, PackedIntents>;
  /** Why the file was ignored, when it is not an axag cache: a note for the user. */
  problem?: string;
  /** Whether the file holds something else than an axag cache, whole or damaged: not axag's to replace. */
  foreign?: boolean;
  /** Why its entries were dropped though it is one (another version of axag): for --debug. */
  outdated?: string;
}

export function readCacheFile(path: string, version: string): LoadedCache {
  const empty = (why: Pick<LoadedCache, 'problem' | 'outdated' | 'foreign'>): LoadedCache => ({ entries: new Map(), sites: new Map(), intents: () => new Map(), ...why });
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return empty({ outdated: 'there is no cache file yet' });
    return empty({ problem: `cannot read it: ${fileSystemReason(error)}` });
  }
  // Compared as far as either goes: a cache cut short within its first bytes is still axag's.
  const length = Math.min(bytes.length, SIGNATURE.length);
  if (!bytes.subarray(0, length).equals(SIGNATURE.subarray(0, length))) {
    return empty({ problem: 'it is not an axag cache file', foreign: true });
  }
  // Bytes until needed: decoding the intent indexes would cost more than the rest of a run that needs none.
  const newline = bytes.indexOf(10);
  const intentsLine = newline === -1 ? Buffer.alloc(0) : bytes.subarray(newline + 1);
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8', 0, newline === -1 ? bytes.length : newline));
  } catch (error) {
    return empty({ problem: `it is not valid JSON (${(error as Error).message.split('\n')[0]}), perhaps cut short` });
  }
  if (!isRecord(data) || data.tool !== 'axag' || typeof data.format !== 'number' || typeof data.version !== 'string') {
    return empty({ problem: 'it is not an axag cache file' });
  }
  if (data.version !== version) return empty({ outdated: `it was written by axag ${data.version}` });
  if (data.format !== FORMAT) return empty({ outdated: `it has the layout of another axag (${data.format})` });
  if (!isRecord(data.files) || !isRecord(data.sites) || typeof data.intents !== 'string') return empty({ problem: 'it is not an axag cache file' });
  if (contentHash(intentsLine) !== data.intents) return empty({ problem: 'its intent indexes are damaged or cut short' });
  const entries = new Map<string, CachedFile>();
  for (const [path, entry] of Object.entries(data.files)) {
    if (!isCachedFile(entry)) return empty({ problem: `its entry for ${path} is damaged` });
    entries.set(path, entry);
  }
  const sites = new Map<string, CachedSite>();
  for (const [id, site] of Object.entries(data.sites)) {
    if (!isCachedSite(site)) return empty({ problem: `its findings across files for ${id} are damaged` });
    sites.set(id, site);
  }
  // Written by this axag and whole (its hash matches): parsing it cannot fail.
  const intents = () => new Map(Object.entries(JSON.parse(intentsLine.toString('utf8')) as Record<string, PackedIntents>));
  return { entries, sites, intents };
}

/** Writes the cache whole, or not at all (a temporary file renamed over it); throws FatalError saying why not. */
export function writeCacheFile(
  path: string,
  shownAs: string,
  version: string,
  cache: { entries: ReadonlyMap<string, CachedFile>; sites: ReadonlyMap<string, CachedSite>; intents(): ReadonlyMap<string, PackedIntents> },
): void {
  const intents = cache.intents();
  const intentsLine = JSON.stringify(Object.fromEntries([...cache.entries.keys()].map((path) => [path, intents.get(path) ?? NO_INTENTS])));
  const data: CacheData = {
    tool: 'axag',
    format: FORMAT,
    version,
    files: Object.fromEntries(cache.entries),
    sites: Object.fromEntries(cache.sites),
    intents: contentHash(intentsLine),
  };
  writeOutputFile(path, shownAs, `${JSON.stringify(data)}\n${intentsLine}`, 'the cache');
}

/** The shape the formatters and the checks across files rely on; the rest is as axag wrote it. */
function isCachedFile(entry: unknown): entry is CachedFile {
  if (!isRecord(entry) || !isRecord(entry.result)) return false;
  const { result } = entry;
  return (
    typeof entry.size === 'number' &&
    typeof entry.mtimeMs === 'number' &&
    typeof entry.hash === 'string' &&
    typeof entry.settings === 'string' &&
    Array.isArray(result.findings) &&
    result.findings.every((finding) => isRecord(finding) && typeof finding.ruleId === 'string' && typeof finding.message === 'string' && typeof finding.line === 'number') &&
    typeof result.annotations === 'number' &&
    typeof result.dynamic === 'number' &&
    Array.isArray(result.directives)
  );
}

function isCachedSite(site: unknown): site is CachedSite {
  return (
    isRecord(site) &&
    typeof site.key === 'string' &&
    Array.isArray(site.findings) &&
    site.findings.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && Array.isArray(entry[1]))
  );
}
