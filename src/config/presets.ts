import { RULES } from '../../rules/index.js';
import type { Identity } from '../engine/element-model.js';
import type { SeverityLevel } from './settings.js';

export interface Preset {
  rules: Record<string, SeverityLevel>;
  /** Rule options the preset sets, by rule id. */
  options: Record<string, Record<string, unknown>>;
  identity: Identity;
}

const withStrictOptions = RULES.filter((rule) => rule.strictOptions !== undefined);

/** Every rule at its default severity and options: applied after strict, it undoes strict. */
const recommended: Preset = {
  rules: Object.fromEntries(RULES.map((rule) => [rule.id, rule.severity])),
  options: Object.fromEntries(withStrictOptions.map((rule) => [rule.id, { ...rule.defaultOptions }])),
  identity: 'default',
};

const strict: Preset = {
  rules: Object.fromEntries(RULES.map((rule) => [rule.id, rule.strictSeverity])),
  options: Object.fromEntries(withStrictOptions.map((rule) => [rule.id, { ...rule.strictOptions }])),
  identity: 'strict',
};

/** Presets by the names `extends` accepts, applied in the order listed. */
export const PRESETS: Readonly<Record<string, Preset>> = {
  'axag-lint/recommended': recommended,
  '@axag/lint/recommended': recommended,
  'axag-lint/strict': strict,
};
