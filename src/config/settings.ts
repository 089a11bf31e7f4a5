import type { Identity } from '../engine/element-model.js';
import type { Notice } from '../errors.js';
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

/** The configuration that applies to one linted file. Plain data, printable as JSON. */
export interface ResolvedConfig {
  /** The config file, or undefined for the built-in recommended preset. */
  configFile: string | undefined;
  /** Directory that `include` and `ignorePatterns` are relative to. */
  baseDir: string;
  rules: Record<string, RuleSetting>;
  include: string[];
  ignorePatterns: string[];
  /** Absolute path of the manifest in use, if any. */
  manifestPath: string | undefined;
  /** What named it: `--manifest`, `manifestPath` of the config file, or discovery beside the config. */
  manifestFrom: 'option' | 'config' | 'discovery' | undefined;
  /** The manifest schema the manifest is validated against. */
  manifestSchema: ManifestSchemaVersion;
  identity: Identity;
  /** What in the config file was ignored (another linter's rule numbers), to show as warnings. */
  notices: Notice[];
}
