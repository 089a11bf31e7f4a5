/**
 * The results of files linted before, to reuse while a file's content and everything else its result depends on
 * (the config that applies to it, the manifest, the options that change findings) stay the same. Plain data in a
 * map by absolute path: the CLI reads and writes it as a file (src/cli/cache-file.ts), the core only consults it.
 */
import { createHash } from 'node:crypto';
import type { FileResult } from '../results.js';
import type { Stats } from 'node:fs';
import type { FileOutcome, FileSettings, FileTask } from './lint-file.js';

export interface CachedFile {
  /** Size and modification time when it was read: when both still match, the file is not even read. */
  size: number;
  mtimeMs: number;
  /** Hash of its text: a file touched but not changed is still not linted again. */
  hash: string;
  /** settingsKey() of what it was linted under. */
  settings: string;
  /** Its own result, before the checks across files (they run again on every run). */
  result: Omit<FileResult, 'path'>;
}

export class ResultCache {
  /** Files whose cached result this run reused, and files it linted. */
  reused = 0;
  linted = 0;
  /** Whether an entry was added, replaced or dropped: else there is nothing to write back. */
  changed = false;

  constructor(readonly entries: Map<string, CachedFile> = new Map()) {}

  private readonly keys = new WeakMap<FileSettings, string>();

  /**
   * Before a file is linted: its cached result when its size and modification time still match, else asks the
   * task for the hash of the text it reads (and to compare it with the cached one). `stats`: undefined when the
   * file cannot be stat'ed (reading it will say why).
   */
  lookup(task: FileTask, settings: FileSettings, stats: Stats | undefined): CacheLookup {
    let key = this.keys.get(settings);
    if (key === undefined) {
      key = settingsKey(settings);
      this.keys.set(settings, key);
    }
    const lookup: CacheLookup = { key, ...(stats && { size: stats.size, mtimeMs: stats.mtimeMs }) };
    const entry = this.entries.get(task.path);
    if (stats && entry?.settings === key) {
      if (entry.size === stats.size && entry.mtimeMs === stats.mtimeMs) {
        this.reused++;
        return { ...lookup, reused: { kind: 'linted', result: { path: task.path, ...entry.result }, internalErrors: [] } };
      }
      task.cachedHash = entry.hash;
    }
    task.hash = true;
    return lookup;
  }

  /**
   * After a file was linted: the cached result of a file whose text did not change, and the outcome of one that
   * was linted, now cached unless a part of axag threw on it (a bug: its result is not one to keep).
   */
  settle(task: FileTask, outcome: FileOutcome, lookup: CacheLookup | undefined): Exclude<FileOutcome, { kind: 'unchanged' }> {
    const { path } = task;
    const entry = this.entries.get(path);
    if (outcome.kind === 'unchanged' && entry && lookup?.size !== undefined) {
      this.reused++;
      this.set(path, { ...entry, size: lookup.size, mtimeMs: lookup.mtimeMs! });
      return { kind: 'linted', result: { path, ...entry.result }, internalErrors: [] };
    }
    if (outcome.kind === 'unchanged') throw new Error(`${path} has no cached result to reuse`);
    if (outcome.kind === 'linted') this.linted++;
    if (outcome.kind === 'linted' && outcome.internalErrors.length === 0 && outcome.hash !== undefined && lookup?.size !== undefined) {
      const { path: _, ...result } = outcome.result;
      this.set(path, { size: lookup.size, mtimeMs: lookup.mtimeMs!, hash: outcome.hash, settings: lookup.key, result });
    } else {
      this.delete(path);
    }
    return outcome;
  }

  private set(path: string, entry: CachedFile): void {
    this.entries.set(path, entry);
    this.changed = true;
  }

  private delete(path: string): void {
    if (this.entries.delete(path)) this.changed = true;
  }
}

/** What the cache knew of a file before it was linted. */
export interface CacheLookup {
  /** settingsKey() of its settings. */
  key: string;
  /** Its size and modification time before it was read (undefined when it could not be stat'ed). */
  size?: number;
  mtimeMs?: number;
  /** Its cached result, still valid: it is not linted. */
  reused?: Extract<FileOutcome, { kind: 'linted' }>;
}

/**
 * What a file's own result depends on besides its text, as one string: the rule settings and identity of its
 * config (resolved, so an edit of an extended preset or a `--rule` counts), the manifest's contents as the rules
 * read them, and the options that change findings. The axag version is the cache file's business.
 */
export function settingsKey(settings: FileSettings): string {
  const { manifest } = settings;
  const key = JSON.stringify({
    rules: settings.config.rules,
    identity: settings.config.identity,
    manifest: manifest && {
      displayPath: manifest.displayPath,
      schema: manifest.schema,
      intents: [...manifest.intents].sort(),
      actions: [...manifest.actions.values()],
    },
    errorsOnly: settings.errorsOnly,
    reportUnusedDirectives: settings.reportUnusedDirectives ?? 'off',
    maxFileSize: settings.maxFileSize,
  });
  return createHash('sha1').update(key).digest('base64');
}
