import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RULES, RULES_BY_ID, resolveRuleReference } from '../../rules/index.js';
import { FatalError, located, type Notice } from '../errors.js';
import { DEFAULT_MANIFEST_SCHEMA } from '../manifest/schema.js';
import { absolute, displayPath } from '../paths.js';
import { DEFAULT_INCLUDE } from '../sources/index.js';
import { readRequiredFile } from '../structured/document.js';
import { resolveExtends } from './extends.js';
import { emptyConfig, loadConfigFile, packageJsonHasConfig, type ConfigFile, type RawRuleSetting } from './load.js';
import { PRESETS, type Preset } from './presets.js';
import {
  normalizeSeverity,
  type IgnorePatterns,
  type ResolvedConfig,
  type RuleSetting,
  type SettingSource,
  type SeverityLevel,
} from './settings.js';

/** Names of config files, in the order they are looked for in a directory; a package.json with the `axag-lint` key comes after them. */
export const CONFIG_FILENAMES = ['.axag-lint.json', '.axag-lint.yaml', '.axag-lint.yml', '.axaglintrc.json'];
/** Manifests looked for beside the config in use, in this order; 1.1 build tools write the `.well-known` ones. */
const MANIFEST_FILENAMES = [
  'axag-manifest.json',
  'axag-manifest.yaml',
  'axag-manifest.yml',
  '.well-known/axag-manifest.json',
  'public/.well-known/axag-manifest.json',
];

export interface ConfigOptions {
  cwd: string;
  /** `--config`: one file for every linted file. */
  configFile?: string;
  /** `--no-config`: ignore config files. */
  noConfig?: boolean;
  /** `--manifest`: overrides manifestPath and discovery. */
  manifest?: string;
  /** `--rule`: severities that override every config, by rule reference (an id, a rule's name, or another linter's number). */
  ruleOverrides?: Record<string, SeverityLevel>;
  /** How messages name `ruleOverrides` (the CLI: `--rule`). */
  ruleOverridesName?: string;
}

/**
 * The config source of a directory itself, if it has one: the first of CONFIG_FILENAMES, else a package.json whose
 * top-level object has the `axag-lint` key (one without it is passed over, as ESLint does with `eslintConfig`).
 */
export function configSourceIn(dir: string): string | undefined {
  const file = CONFIG_FILENAMES.map((name) => join(dir, name)).find((candidate) => existsSync(candidate));
  if (file) return file;
  const packageJson = join(dir, 'package.json');
  if (!existsSync(packageJson)) return undefined;
  return packageJsonHasConfig(readRequiredFile(packageJson, packageJson, 'package.json', 'check the file')) ? packageJson : undefined;
}

interface Overrides {
  severities: [id: string, severity: SeverityLevel][];
  notices: Notice[];
}

/**
 * One step of the cascade, in the order applied: a preset, or the settings of one config file. `globBase` is the
 * directory its `include` and `ignorePatterns` are relative to: its own for a config found in a directory or given
 * with --config, that of the config extending it for an extended one (a shared config describes the project that
 * uses it, as in ESLint).
 */
type Layer = { preset: Preset; source: SettingSource } | { file: ConfigFile; globBase: string };

/**
 * Finds and resolves the config of each linted file (spec §5, issue 13), caching per directory and per file. The
 * nearest config merges over those of the directories above it up to one that says `"root": true` (or the
 * filesystem root), each after what it extends; `--config` applies one file (and what it extends) alone.
 */
export class ConfigResolver {
  private readonly nearest = new Map<string, string | undefined>();
  private readonly resolved = new Map<string | undefined, ResolvedConfig>();
  /** Every config file read, once, by absolute path. */
  private readonly files = new Map<string, ConfigFile>();
  private overrides: Overrides | undefined;

  constructor(private readonly options: ConfigOptions) {}

  /** The configuration that applies to a file. */
  forFile(path: string): ResolvedConfig {
    return this.forDirectory(dirname(path));
  }

  /** The configuration that applies to files directly in `dir`. */
  forDirectory(dir: string): ResolvedConfig {
    const { configFile, noConfig, cwd } = this.options;
    const file = configFile !== undefined ? absolute(configFile, cwd) : noConfig ? undefined : this.findNearest(dir);
    let config = this.resolved.get(file);
    if (!config) {
      config = this.resolve(file);
      this.resolved.set(file, config);
    }
    return config;
  }

  /** What was ignored in the rule overrides and in every config file read so far, each once. */
  get notices(): Notice[] {
    return [...this.ruleOverrides().notices, ...[...this.files.values()].flatMap((file) => file.notices)];
  }

  private findNearest(dir: string): string | undefined {
    if (this.nearest.has(dir)) return this.nearest.get(dir);
    const parent = dirname(dir);
    const found = configSourceIn(dir) ?? (parent === dir ? undefined : this.findNearest(parent));
    this.nearest.set(dir, found);
    return found;
  }

  private load(path: string): ConfigFile {
    let file = this.files.get(path);
    if (!file) {
      file = loadConfigFile(path, displayPath(path, this.options.cwd));
      this.files.set(path, file);
    }
    return file;
  }

  /** The config files found for `nearest`, farthest first: up to one that says root, or the filesystem root. */
  private cascade(nearest: string): ConfigFile[] {
    const chain: ConfigFile[] = [];
    for (let path: string | undefined = nearest; path !== undefined; ) {
      const file = this.load(path);
      chain.unshift(file);
      if (file.root || this.options.configFile !== undefined) break;
      const parent = dirname(file.dir);
      path = parent === file.dir ? undefined : this.findNearest(parent);
    }
    return chain;
  }

  /** A config file's layers: what it extends, in order (each flattened the same way), then its own settings. */
  private layers(file: ConfigFile, globBase: string, extending: readonly string[] = []): Layer[] {
    const layers: Layer[] = [];
    const entries = [file.extends ?? []].flat();
    for (let index = 0; index < entries.length; index++) {
      const target = resolveExtends(file, index, this.options.cwd);
      const at = { path: file.path, ...file.at(Array.isArray(file.extends) ? ['extends', index] : ['extends']) };
      if (target.kind === 'preset') {
        layers.push({ preset: PRESETS[target.name]!, source: { kind: 'preset', name: target.name, extendedAt: at } });
        continue;
      }
      const chain = [...extending, file.path];
      if (chain.includes(target.path)) {
        const cycle = [...chain.slice(chain.indexOf(target.path)), target.path].map((path) => displayPath(path, this.options.cwd));
        throw new FatalError(
          `${located(file.displayPath, at)}: extends "${entries[index]}" makes a cycle: ${cycle.join(' → ')}; remove one of these extends`,
          [at],
        );
      }
      layers.push(...this.layers(this.load(target.path), globBase, chain));
    }
    layers.push({ file, globBase });
    return layers;
  }

  private resolve(nearest: string | undefined): ResolvedConfig {
    const { cwd, manifest } = this.options;
    const chain = nearest ? this.cascade(nearest) : [emptyConfig('', '', cwd)];
    const fileSource = (file: ConfigFile, key: string, ...rest: string[]): SettingSource => ({
      kind: 'file',
      at: { path: file.path, ...file.at([key, ...rest]) },
    });
    const defaultSource: SettingSource = { kind: 'default' };

    const rules: Record<string, RuleSetting> = {};
    const ruleSources: ResolvedConfig['sources']['rules'] = {};
    for (const rule of RULES) {
      rules[rule.id] = { severity: rule.severity, options: { ...rule.defaultOptions } };
      ruleSources[rule.id] = { severity: defaultSource, options: defaultSource };
    }
    const nearestFile = chain.at(-1)!;
    let include: { globs: string[]; base: string; source: SettingSource } = { globs: DEFAULT_INCLUDE, base: nearestFile.dir, source: defaultSource };
    const ignorePatterns: IgnorePatterns[] = [];
    let manifestSchema: { value: ResolvedConfig['manifestSchema']; source: SettingSource } = { value: DEFAULT_MANIFEST_SCHEMA, source: defaultSource };
    let identity: { value: ResolvedConfig['identity']; source: SettingSource } = { value: 'default', source: defaultSource };
    /** The manifest of the nearest config that names or finds one. */
    let found: { path: string; source: SettingSource; declaredIn: string | undefined } | undefined;
    const configFiles: string[] = [];

    for (const config of chain) {
      let own: typeof found;
      for (const layer of config.path ? this.layers(config, config.dir) : []) {
        if ('preset' in layer) {
          const { preset, source } = layer;
          for (const [id, severity] of Object.entries(preset.rules)) {
            rules[id]!.severity = severity;
            ruleSources[id]!.severity = source;
          }
          for (const [id, options] of Object.entries(preset.options)) {
            Object.assign(rules[id]!.options, options);
            ruleSources[id]!.options = source;
          }
          identity = { value: preset.identity, source };
          continue;
        }
        const { file, globBase } = layer;
        configFiles.push(file.path);
        for (const [id, setting] of Object.entries(file.rules ?? {})) {
          const source = fileSource(file, 'rules', file.ruleReferences?.[id] ?? id);
          if (applySetting(id, rules[id]!, setting)) ruleSources[id]!.options = source;
          ruleSources[id]!.severity = source;
        }
        if (file.include) include = { globs: file.include, base: globBase, source: fileSource(file, 'include') };
        for (const key of ['ignorePatterns', 'exclude'] as const) {
          const patterns = file[key];
          if (patterns?.length) ignorePatterns.push({ baseDir: globBase, patterns, source: fileSource(file, key) });
        }
        if (file.manifestPath !== undefined) {
          own = { path: resolve(file.dir, file.manifestPath), source: fileSource(file, 'manifestPath'), declaredIn: file.path };
        }
        if (file.manifestSchema) manifestSchema = { value: file.manifestSchema, source: fileSource(file, 'manifestSchema') };
        if (file.identity) identity = { value: file.identity, source: fileSource(file, 'identity') };
      }
      const discovered = own ? undefined : discoverManifest(config.dir);
      if (discovered) own = { path: discovered, source: { kind: 'discovery', besideConfig: config.path || undefined }, declaredIn: undefined };
      found = own ?? found;
    }
    for (const [id, severity] of this.ruleOverrides().severities) {
      rules[id]!.severity = severity;
      ruleSources[id]!.severity = { kind: 'option', option: 'rule' };
    }
    if (manifest !== undefined) found = { path: absolute(manifest, cwd), source: { kind: 'option', option: 'manifest' }, declaredIn: undefined };

    const manifestFrom = found === undefined ? undefined : found.source.kind === 'option' ? 'option' : found.declaredIn ? 'config' : 'discovery';
    return {
      configFile: nearest,
      configFiles,
      baseDir: include.base,
      rules,
      include: include.globs,
      ignorePatterns,
      manifestPath: found?.path,
      manifestFrom,
      manifestConfigFile: found?.declaredIn,
      manifestSchema: manifestSchema.value,
      identity: identity.value,
      sources: {
        rules: ruleSources,
        include: include.source,
        manifestPath: found?.source,
        manifestSchema: manifestSchema.source,
        identity: identity.source,
      },
      notices: nearest ? chain.flatMap((file) => file.notices) : [],
    };
  }
  /** The overrides by rule id, resolved once: an unknown reference is a FatalError, another linter's number a notice. */
  private ruleOverrides(): Overrides {
    if (this.overrides) return this.overrides;
    const name = this.options.ruleOverridesName ?? 'the rule overrides';
    const overrides: Overrides = { severities: [], notices: [] };
    for (const [reference, severity] of Object.entries(this.options.ruleOverrides ?? {})) {
      const resolved = resolveRuleReference(reference);
      if (resolved.kind === 'unknown') throw new FatalError(`unknown rule "${reference}" in ${name}; ${resolved.hint}`);
      if (resolved.kind === 'ignored') overrides.notices.push({ message: `${name}: ${resolved.reason}; ignored` });
      else overrides.severities.push([resolved.id, severity]);
    }
    this.overrides = overrides;
    return overrides;
  }
}

/**
 * Applies a config's setting of a rule, as ESLint merges them: a severity alone (or `[severity]`) keeps the options
 * set before it; `[severity, options]` replaces them (options it leaves out are the rule's defaults). Whether the
 * options were set.
 */
function applySetting(id: string, target: RuleSetting, setting: RawRuleSetting): boolean {
  const [severity, options] = Array.isArray(setting) ? setting : [setting];
  target.severity = normalizeSeverity(severity);
  if (!options) return false;
  target.options = { ...RULES_BY_ID.get(id)!.defaultOptions, ...options };
  return true;
}

/** The first of MANIFEST_FILENAMES in a config's directory (or the working directory, without a config). */
function discoverManifest(dir: string): string | undefined {
  return MANIFEST_FILENAMES.map((name) => join(dir, name)).find((candidate) => existsSync(candidate));
}
