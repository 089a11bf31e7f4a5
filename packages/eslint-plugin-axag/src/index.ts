/**
 * eslint-plugin-axag: axag's checks of AXAG annotations as ESLint rules (flat config, ESLint 9 and 10), linted by
 * axag's engine with its own readers of HTML, JSX/TSX, Vue, Svelte and Markdown, whatever parser ESLint uses.
 */
import { createRequire } from 'node:module';
import { PRESETS, type Preset } from 'axag-lint';
import type { ESLint, Linter } from 'eslint';
import { OFFERED, rules } from './rules.js';

export { ESLINT_RULE_NAMES, NOT_OFFERED } from './rule-names.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

const SEVERITY = { error: 'error', warning: 'warn', off: 'off' } as const;

/**
 * A preset of axag as ESLint rule settings: each rule at the preset's severity, with the options it sets where they
 * are not the defaults (the recommended preset's restore the defaults, which would hide the options of the project's
 * axag config). The namespaced checks (parse errors, directives, internal errors) are on in both, as in axag.
 */
function rulesOf(preset: Preset): Linter.RulesRecord {
  return Object.fromEntries(
    OFFERED.map((check) => {
      const severity = SEVERITY[preset.rules[check.id] ?? check.severity];
      const options = preset.options[check.id];
      const defaults = 'defaultOptions' in check ? JSON.stringify(check.defaultOptions) : undefined;
      const setting: Linter.RuleEntry = options && severity !== 'off' && JSON.stringify(options) !== defaults ? [severity, options] : severity;
      return [`axag/${check.eslintName}`, setting];
    }),
  );
}

const plugin = {
  meta: { name, version },
  rules,
  configs: {} as Record<'recommended' | 'strict', Linter.Config>,
} satisfies ESLint.Plugin;

plugin.configs.recommended = {
  name: 'axag/recommended',
  plugins: { axag: plugin },
  rules: rulesOf(PRESETS['axag-lint/recommended']!),
};

plugin.configs.strict = {
  name: 'axag/strict',
  plugins: { axag: plugin },
  rules: rulesOf(PRESETS['axag-lint/strict']!),
  // The strict preset also counts any element with an AXAG attribute as an action (spec §1.3).
  settings: { axag: { identity: 'strict' } },
};

export default plugin;
