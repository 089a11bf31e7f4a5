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
  rules: {
    ...recommended.rules,
    'AXAG-LINT-006': 'error',
    'AXAG-LINT-007': 'error',
    'AXAG-LINT-010': 'error',
    'AXAG-LINT-011': 'error',
  },
  identity: 'strict',
};

/** Presets by the names `extends` accepts, applied in the order listed. */
export const PRESETS: Readonly<Record<string, Preset>> = {
  'axag-lint/recommended': recommended,
  '@axag/lint/recommended': recommended,
  'axag-lint/strict': strict,
};
