import type { Identity } from '../engine/element-model.js';
import type { SeverityLevel } from './settings.js';

export interface Preset {
  rules: Record<string, SeverityLevel>;
  identity?: Identity;
}

const recommended: Preset = { rules: {} };
const strict: Preset = {
  rules: { 'AXAG-LINT-006': 'error', 'AXAG-LINT-007': 'error', 'AXAG-LINT-010': 'error', 'AXAG-LINT-011': 'error' },
  identity: 'strict',
};

/** Presets by the names `extends` accepts. The recommended preset is every rule at its default severity. */
export const PRESETS: Readonly<Record<string, Preset>> = {
  'axag-lint/recommended': recommended,
  '@axag/lint/recommended': recommended,
  'axag-lint/strict': strict,
};
