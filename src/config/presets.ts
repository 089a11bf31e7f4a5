import { RULES } from '../../rules/index.js';
import type { Identity } from '../engine/element-model.js';
import type { SeverityLevel } from './settings.js';

export interface Preset {
  rules: Record<string, SeverityLevel>;
  identity: Identity;
}

/** Every rule at its default severity: applied after strict, it undoes strict. */
const recommended: Preset = {
  rules: Object.fromEntries(RULES.map((rule) => [rule.id, rule.severity])),
  identity: 'default',
};

const strict: Preset = {
  rules: Object.fromEntries(RULES.map((rule) => [rule.id, rule.strictSeverity])),
  identity: 'strict',
};

/** Presets by the names `extends` accepts, applied in the order listed. */
export const PRESETS: Readonly<Record<string, Preset>> = {
  'axag-lint/recommended': recommended,
  '@axag/lint/recommended': recommended,
  'axag-lint/strict': strict,
};
