import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RULES, unknownRuleHint } from '../../rules/index.js';
import { FatalError } from '../errors.js';
import { DEFAULT_MANIFEST_SCHEMA } from '../manifest/schema.js';
import { absolute, displayPath } from '../paths.js';
import { DEFAULT_INCLUDE } from '../sources/index.js';
import { loadConfigFile, type ConfigFile, type RawRuleSetting } from './load.js';
import { PRESETS } from './presets.js';
import { normalizeSeverity, type ResolvedConfig, type RuleSetting, type SeverityLevel } from './settings.js';

/** Names of config files, in the order they are looked for in a directory. */
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
  /** `--rule`: severities that override every config. */
  ruleOverrides?: Record<string, SeverityLevel>;
}

/** Finds and resolves the config of each linted file (spec §5), caching per directory and per file. */
export class ConfigResolver {
  private readonly nearest = new Map<string, string | undefined>();
  private readonly resolved = new Map<string | undefined, ResolvedConfig>();

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

  private findNearest(dir: string): string | undefined {
    if (this.nearest.has(dir)) return this.nearest.get(dir);
    const here = CONFIG_FILENAMES.map((name) => join(dir, name)).find((candidate) => existsSync(candidate));
    const parent = dirname(dir);
    const found = here ?? (parent === dir ? undefined : this.findNearest(parent));
    this.nearest.set(dir, found);
    return found;
  }

  private resolve(path: string | undefined): ResolvedConfig {
    const { cwd, manifest, ruleOverrides } = this.options;
    const file: ConfigFile = path ? loadConfigFile(path, displayPath(path, cwd)) : { path: '', dir: cwd };
    const presets = [file.extends ?? DEFAULT_PRESET].flat().map((name) => PRESETS[name]!);

    const rules: Record<string, RuleSetting> = {};
    for (const rule of RULES) rules[rule.id] = { severity: rule.severity, options: { ...rule.defaultOptions } };
    for (const preset of presets) {
      for (const [id, severity] of Object.entries(preset.rules)) rules[id]!.severity = severity;
    }
    for (const [id, setting] of Object.entries(file.rules ?? {})) applySetting(rules[id]!, setting);
    for (const [id, severity] of Object.entries(ruleOverrides ?? {})) {
      if (!Object.hasOwn(rules, id)) throw new FatalError(`unknown rule "${id}" in the rule overrides; ${unknownRuleHint(id)}`);
      rules[id]!.severity = severity;
    }

    const identity = file.identity ?? presets.at(-1)?.identity ?? 'default';
    const manifestPath = manifest !== undefined ? absolute(manifest, cwd) : manifestFor(file);
    const manifestFrom =
      manifest !== undefined ? 'option' : file.manifestPath !== undefined ? 'config' : manifestPath ? 'discovery' : undefined;
    return {
      configFile: path,
      baseDir: file.dir,
      rules,
      include: file.include ?? DEFAULT_INCLUDE,
      ignorePatterns: file.ignorePatterns ?? [],
      manifestPath,
      manifestFrom,
      manifestSchema: file.manifestSchema ?? DEFAULT_MANIFEST_SCHEMA,
      identity,
    };
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
