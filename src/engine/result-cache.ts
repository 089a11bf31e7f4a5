/**
 * The results of files linted before, to reuse while a file's content and everything else its result depends on
 * (the config that applies to it, the manifest, the options that change findings) stay the same. Plain data in a
 * map by absolute path: the CLI reads and writes it as a file (src/cli/cache-file.ts), the core only consults it.
 */
import { contentHash } from '../text/content-hash.js';
import { NO_INTENTS, type FileResult, type Finding, type PackedIntents } from '../results.js';
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
  /** Its own result, before the checks across files, without its intent index: the cache keeps those apart (see intents()). */
  result: Omit<FileResult, 'path' | 'intents'>;
}

/** What the checks across files gave one site, reused while everything they read is unchanged. */
export interface CachedSite {
  /** siteKey() of what they read. */
  key: string;
  /** The findings of each file they changed, by path: the file's own and theirs. */
  findings: [path: string, findings: Finding[]][];
}

export class ResultCache {
  /** Files whose cached result this run reused, and files it linted. */
  reused = 0;
  linted = 0;
  /** Whether an entry was added, replaced or dropped: else there is nothing to write back. */
  changed = false;

  /**
   * `readIntents` reads the intent index of each cached file, which only the checks across files need: a run whose
   * sites all come from the cache never reads them (they are most of a cache's size).
   */
  constructor(
    readonly entries: Map<string, CachedFile> = new Map(),
    readonly sites: Map<string, CachedSite> = new Map(),
    private readonly readIntents: () => Map<string, PackedIntents> = () => new Map(),
  ) {}

  private intentIndexes: Map<string, PackedIntents> | undefined;

  /** The intent index of every cached file, by path. */
  intents(): Map<string, PackedIntents> {
    return (this.intentIndexes ??= this.readIntents());
  }

  /** A cached file's result; its intent index is read when first asked for. */
  private resultOf(path: string, entry: CachedFile): FileResult {
    const result = { path, ...entry.result } as FileResult;
    Object.defineProperty(result, 'intents', { enumerable: true, configurable: true, get: () => this.intents().get(path) ?? NO_INTENTS });
    return result;
  }

  private readonly keys = new WeakMap<FileSettings, string>();

  /** The paths this run looked up: their entries are current; the others belong to files not linted this time. */
  private readonly looked = new Set<string>();

  /**
   * Drops the entries of files this run did not look up and `gone` says no longer exist (deleted or renamed
   * since), which would otherwise stay in the cache for ever. Files of another shard or left out of this run keep
   * theirs. `gone` is asked only about those entries.
   */
  forgetGone(gone: (path: string) => boolean): void {
    for (const path of this.entries.keys()) if (!this.looked.has(path) && gone(path)) this.delete(path);
  }

  /**
   * Before a file is linted: its cached result when its size and modification time still match, else asks the
   * task for the hash of the text it reads (and to compare it with the cached one). `stats`: undefined when the
   * file cannot be stat'ed (reading it will say why). A cached result that is not `reusable` is never reused.
   */
  lookup(task: FileTask, settings: FileSettings, stats: Stats | undefined, reusable?: (result: CachedFile['result']) => boolean): CacheLookup {
    let key = this.keys.get(settings);
    if (key === undefined) {
      key = settingsKey(settings);
      this.keys.set(settings, key);
    }
    const lookup: CacheLookup = { key, ...(stats && { size: stats.size, mtimeMs: stats.mtimeMs }) };
    this.looked.add(task.path);
    const entry = this.entries.get(task.path);
    if (stats && entry?.settings === key && (!reusable || reusable(entry.result))) {
      if (entry.size === stats.size && entry.mtimeMs === stats.mtimeMs) {
        this.reused++;
        return { ...lookup, reused: { kind: 'linted', result: this.resultOf(task.path, entry), internalErrors: [] } };
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
      return { kind: 'linted', result: this.resultOf(path, entry), internalErrors: [] };
    }
    if (outcome.kind === 'unchanged') throw new Error(`${path} has no cached result to reuse`);
    if (outcome.kind === 'linted') this.linted++;
    if (outcome.kind === 'linted' && outcome.internalErrors.length === 0 && outcome.hash !== undefined && lookup?.size !== undefined) {
      // A fixed file's own result is kept, not its fixed text's.
      const { path: _, intents, ...result } = outcome.unfixed ?? outcome.result;
      this.set(path, { size: lookup.size, mtimeMs: lookup.mtimeMs!, hash: outcome.hash, settings: lookup.key, result });
      this.intents().set(path, intents);
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

  /**
   * The cached findings of a site's checks across files, when `key` (siteKey()) says they read what they read
   * then; else undefined, and rememberSite() keeps this run's for the next.
   */
  site(siteId: string, key: string): CachedSite | undefined {
    const cached = this.sites.get(siteId);
    return cached?.key === key ? cached : undefined;
  }

  rememberSite(siteId: string, site: CachedSite): void {
    this.sites.set(siteId, site);
    this.changed = true;
  }

  /**
   * What the checks across files of a site read, as one string: each file's path, text and settings (so its
   * findings, directives and intent index), the manifest's text and the settings of its own config (findings land
   * on it), and the options of the run. Undefined when a file of the site has no cached result (it could not be
   * linted, or a part of axag threw on it): then its checks run every time.
   */
  siteKey(paths: readonly string[], manifest: { path: string; digest: string; settings: unknown } | undefined, options: unknown): string | undefined {
    const files: [string, string, string][] = [];
    for (const path of [...paths].sort()) {
      const entry = this.entries.get(path);
      if (!entry) return undefined;
      files.push([path, entry.hash, entry.settings]);
    }
    return contentHash(JSON.stringify({ files, manifest, options }));
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
  return contentHash(key);
}
