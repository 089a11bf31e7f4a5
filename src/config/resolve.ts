import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RULES, resolveRuleReference } from '../../rules/index.js';
import { FatalError, type Notice } from '../errors.js';
import { DEFAULT_MANIFEST_SCHEMA } from '../manifest/schema.js';
import { absolute, displayPath } from '../paths.js';
import { DEFAULT_INCLUDE } from '../sources/index.js';
import { readRequiredFile } from '../structured/document.js';
import { loadConfigFile, packageJsonHasConfig, type ConfigFile, type RawRuleSetting } from './load.js';
import { PRESETS } from './presets.js';
import { normalizeSeverity, type ResolvedConfig, type RuleSetting, type SeverityLevel } from './settings.js';

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
const DEFAULT_PRESET = 'axag-lint/recommended';

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

/** Finds and resolves the config of each linted file (spec §5), caching per directory and per file. */
export class ConfigResolver {
  private readonly nearest = new Map<string, string | undefined>();
  private readonly resolved = new Map<string | undefined, ResolvedConfig>();
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

  /** What was ignored in the rule overrides and in every config resolved so far, each once. */
  get notices(): Notice[] {
    return [...this.ruleOverrides().notices, ...[...this.resolved.values()].flatMap((config) => config.notices)];
  }

  private findNearest(dir: string): string | undefined {
    if (this.nearest.has(dir)) return this.nearest.get(dir);
    const parent = dirname(dir);
    const found = configSourceIn(dir) ?? (parent === dir ? undefined : this.findNearest(parent));
    this.nearest.set(dir, found);
    return found;
  }

  private resolve(path: string | undefined): ResolvedConfig {
    const { cwd, manifest } = this.options;
    const file: ConfigFile = path ? loadConfigFile(path, displayPath(path, cwd)) : { path: '', dir: cwd, notices: [] };
    const presets = [file.extends ?? DEFAULT_PRESET].flat().map((name) => PRESETS[name]!);

    const rules: Record<string, RuleSetting> = {};
    for (const rule of RULES) rules[rule.id] = { severity: rule.severity, options: { ...rule.defaultOptions } };
    for (const preset of presets) {
      for (const [id, severity] of Object.entries(preset.rules)) rules[id]!.severity = severity;
      for (const [id, options] of Object.entries(preset.options)) Object.assign(rules[id]!.options, options);
    }
    for (const [id, setting] of Object.entries(file.rules ?? {})) applySetting(rules[id]!, setting);
    for (const [id, severity] of this.ruleOverrides().severities) rules[id]!.severity = severity;

    const identity = file.identity ?? presets.at(-1)?.identity ?? 'default';
    const manifestPath = manifest !== undefined ? absolute(manifest, cwd) : manifestFor(file);
    const manifestFrom =
      manifest !== undefined ? 'option' : file.manifestPath !== undefined ? 'config' : manifestPath ? 'discovery' : undefined;
    return {
      configFile: path,
      baseDir: file.dir,
      rules,
      include: file.include ?? DEFAULT_INCLUDE,
      // The other linter's `exclude` means the same; a config that gives both gets both.
      ignorePatterns: [...(file.ignorePatterns ?? []), ...(file.exclude ?? [])],
      manifestPath,
      manifestFrom,
      manifestSchema: file.manifestSchema ?? DEFAULT_MANIFEST_SCHEMA,
      identity,
      notices: file.notices,
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

function applySetting(target: RuleSetting, setting: RawRuleSetting): void {
  const [severity, options] = Array.isArray(setting) ? setting : [setting];
  target.severity = normalizeSeverity(severity);
  if (options) Object.assign(target.options, options);
}

/** `manifestPath` relative to the config file, else the first of MANIFEST_FILENAMES beside it (or in the cwd). */
function manifestFor(file: ConfigFile): string | undefined {
  if (file.manifestPath !== undefined) return resolve(file.dir, file.manifestPath);
  return MANIFEST_FILENAMES.map((name) => join(file.dir, name)).find((candidate) => existsSync(candidate));
}
