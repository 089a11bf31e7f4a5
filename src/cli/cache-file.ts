/**
 * The `--cache` file: the results of earlier runs (src/engine/result-cache.ts) as JSON, for this axag version
 * only. A file that is not one (corrupt, cut short, another tool's) is ignored with a note and rewritten; the
 * run never fails because of it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CachedFile } from '../engine/result-cache.js';
import { absolute } from '../paths.js';
import { fileSystemReason } from '../text-file.js';
import { writeOutputFile } from './io.js';
import { isRecord } from '../is-record.js';

export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/axag/';
/** Changes when the shape of the file does. */
const FORMAT = 2;

interface CacheData {
  tool: 'axag';
  format: typeof FORMAT;
  version: string;
  files: Record<string, CachedFile>;
}

/**
 * ESLint's reading of `--cache-location`: a directory (one that exists, or a path ending in a slash) holds a
 * file named after the working directory, so that runs from different directories keep their own; any other
 * path is the file.
 */
export function cacheFilePath(location: string, cwd: string): string {
  const path = absolute(location, cwd);
  if (!/[\\/]$/.test(location) && !isDirectory(path)) return path;
  return join(path, `lint-${createHash('sha1').update(cwd).digest('hex').slice(0, 8)}.json`);
}

export interface LoadedCache {
  entries: Map<string, CachedFile>;
  /** Why the file was ignored, when it is not an axag cache: a note for the user. */
  problem?: string;
  /** Why its entries were dropped though it is one (another version of axag): for --debug. */
  outdated?: string;
}

export function readCacheFile(path: string, version: string): LoadedCache {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return { entries: new Map(), outdated: 'there is no cache file yet' };
    return { entries: new Map(), problem: `cannot read it: ${fileSystemReason(error)}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { entries: new Map(), problem: `it is not valid JSON (${(error as Error).message.split('\n')[0]}), perhaps cut short` };
  }
  if (!isRecord(data) || data.tool !== 'axag' || data.format !== FORMAT || typeof data.version !== 'string' || !isRecord(data.files)) {
    return { entries: new Map(), problem: 'it is not an axag cache file' };
  }
  if (data.version !== version) return { entries: new Map(), outdated: `it was written by axag ${data.version}` };
  const entries = new Map<string, CachedFile>();
  for (const [path, entry] of Object.entries(data.files)) {
    if (!isCachedFile(entry)) return { entries: new Map(), problem: `its entry for ${path} is damaged` };
    entries.set(path, entry);
  }
  return { entries };
}

/** Writes the cache whole, or not at all (a temporary file renamed over it); throws FatalError saying why not. */
export function writeCacheFile(path: string, shownAs: string, version: string, entries: ReadonlyMap<string, CachedFile>): void {
  const data: CacheData = { tool: 'axag', format: FORMAT, version, files: Object.fromEntries(entries) };
  writeOutputFile(path, shownAs, JSON.stringify(data), 'the cache');
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
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
    Array.isArray(result.intents) &&
    Array.isArray(result.directives)
  );
}
