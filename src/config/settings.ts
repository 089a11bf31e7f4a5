import type { Identity } from '../engine/element-model.js';
import type { FileLocation, Notice } from '../errors.js';
import type { ManifestSchemaVersion } from '../manifest/schema.js';
import type { SeverityLevel } from '../rule.js';

export type { SeverityLevel };

/** How a config may write a severity; `info` is the spelling of the linter the AXAG 1.1 docs describe (spec §5). */
export const SEVERITY_SPELLINGS = ['off', 'warn', 'warning', 'info', 'error', 0, 1, 2] as const;

export function normalizeSeverity(value: (typeof SEVERITY_SPELLINGS)[number]): SeverityLevel {
  if (value === 'off' || value === 0) return 'off';
  if (value === 'error' || value === 2) return 'error';
  return 'warning';
}

export interface RuleSetting {
  severity: SeverityLevel;
  options: Record<string, unknown>;
}

/** Where a setting came from, for `--print-config`. */
export type SettingSource =
  /** Axag's own default (what the recommended preset sets). */
  | { kind: 'default' }
  /** A preset, named by the `extends` entry at `extendedAt`. */
  | { kind: 'preset'; name: string; extendedAt: FileLocation }
  /** The key of a config file. */
  | { kind: 'file'; at: FileLocation }
  /** A command-line option (the library's `ruleOverrides` and `manifest`). */
  | { kind: 'option'; option: 'rule' | 'manifest' }
  /** A manifest found beside a config file (or in the working directory, without one). */
  | { kind: 'discovery'; besideConfig: string | undefined };

/** Globs of one config's `ignorePatterns` (and `exclude`), relative to `baseDir`. */
export interface IgnorePatterns {
  baseDir: string;
  patterns: string[];
  source: SettingSource;
}

/** The configuration that applies to one linted file. Plain data, printable as JSON. */
export interface ResolvedConfig {
  /** The nearest config file, or undefined for the built-in recommended preset. */
  configFile: string | undefined;
  /**
   * Every config file that applies, in the order applied: the configs found from the farthest ancestor directory
   * (or the one that says `root`) to the nearest, each after the files it extends.
   */
  configFiles: string[];
  /** Directory that `include` is relative to: that of the config that set it. */
  baseDir: string;
  rules: Record<string, RuleSetting>;
  include: string[];
  /** Those of every config that applies, farthest first: a later `!glob` takes back what an earlier one ignores. */
  ignorePatterns: IgnorePatterns[];
  /** Absolute path of the manifest in use, if any. */
  manifestPath: string | undefined;
  /** What named it: `--manifest`, `manifestPath` of a config file, or discovery beside a config. */
  manifestFrom: 'option' | 'config' | 'discovery' | undefined;
  /** The config file whose `manifestPath` names the manifest, when one does. */
  manifestConfigFile: string | undefined;
  /** Where each setting came from. */
  sources: {
    rules: Record<string, { severity: SettingSource; options: SettingSource }>;
    include: SettingSource;
    manifestPath: SettingSource | undefined;
    manifestSchema: SettingSource;
    identity: SettingSource;
  };
  /** The manifest schema the manifest is validated against. */
  manifestSchema: ManifestSchemaVersion;
  identity: Identity;
  /** What in the config file was ignored (another linter's rule numbers), to show as warnings. */
  notices: Notice[];
}
