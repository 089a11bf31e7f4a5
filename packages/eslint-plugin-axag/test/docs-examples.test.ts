/**
 * Every rule of the plugin on its check's own documented examples, under ESLint 10's and ESLint 9's RuleTester:
 * the passing example is valid, the failing one reports exactly what `axag lint` reports on it (message, range),
 * with the same fix output and suggestions.
 */
import { join } from 'node:path';
import { RuleTester } from 'eslint';
import { RuleTester as RuleTester9 } from 'eslint-v9';
import { afterAll, describe, it } from 'vitest';
import plugin from '../dist/index.js';
import { OFFERED } from '../dist/rules.js';
import { engineExpectations, LANGUAGES, projectDir, type ExpectedError, type Language } from './helpers.js';

for (const Tester of [RuleTester, RuleTester9]) {
  Object.assign(Tester, { describe, it, itOnly: it.only, afterAll });
}

/**
 * Checks whose documented failing example ESLint's parser cannot read or that no text can trigger, with a failing
 * example of their own. The Vue parser reads a template with a stray end tag, which axag's reader (Vue's compiler) rejects.
 */
const OWN_EXAMPLES: Record<string, { language: Language; failing: string; passing: string }> = {
  'axag/parse-error': {
    language: 'vue',
    failing: '<template>\n  <button axag-intent="cart.add_item">Add</div>\n</template>\n',
    passing: '<template>\n  <button axag-intent="cart.add_item">Add</button>\n</template>\n',
  },
};

interface Case {
  name: string;
  language: Language;
  filename: string;
  passing: string;
  failing: string;
  expected: { errors: ExpectedError[]; output?: string };
}

const cases: Case[] = [];
for (const check of OFFERED) {
  const own = OWN_EXAMPLES[check.id];
  const language = own?.language ?? check.docs.language ?? 'html';
  // axag/internal-error has no example: only a bug in axag triggers it (its docs say so in words).
  if (!Object.hasOwn(LANGUAGES, language)) continue;
  const filename = join(projectDir, `${check.eslintName}${LANGUAGES[language as Language].extension}`);
  const failing = own?.failing ?? check.docs.failing;
  const expected = await engineExpectations(check.id, filename, failing);
  cases.push({ name: check.eslintName, language: language as Language, filename, passing: own?.passing ?? check.docs.passing, failing, expected });
}

describe('the documented examples of every check', () => {
  it('cover every rule but axag/internal-error, each failing example reporting at least once', () => {
    const covered = new Set(cases.filter((testCase) => testCase.expected.errors.length > 0).map((testCase) => testCase.name));
    const missing = OFFERED.map((check) => check.eslintName).filter((name) => !covered.has(name) && name !== 'internal-error');
    if (missing.length > 0) throw new Error(`no reported example for ${missing.join(', ')}`);
  });
});

for (const [version, Tester] of [['ESLint 10', RuleTester], ['ESLint 9', RuleTester9]] as const) {
  describe(version, () => {
    const tester = new Tester();
    for (const { name, language, filename, passing, failing, expected } of cases) {
      const { languageOptions } = LANGUAGES[language];
      tester.run(name, plugin.rules[name] as never, {
        valid: [{ code: passing, filename, languageOptions } as never],
        invalid: [{ code: failing, filename, languageOptions, errors: expected.errors, output: expected.output ?? null } as never],
      });
    }
  });
}
