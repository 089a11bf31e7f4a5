/**
 * Every check's documentation page, docs/rules/<id>.md, written by `npm run docs` from the check's own
 * documentation (the `docs` of the rule), and the URL where it is read: SARIF's `helpUri`, `axag rules <id>`,
 * and a language server's `codeDescription.href` all point there.
 */
import { createRequire } from 'node:module';
import type { CheckInfo } from './engine/checks.js';

const pkg = createRequire(import.meta.url)('#package.json') as { version: string; repository: { url: string } };

/** The repository's web address, from package.json `repository` (`git+https://github.com/o/r.git` → `https://github.com/o/r`). */
export const REPOSITORY_URL = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** A check's page, relative to the repository root: `docs/rules/AXAG-LINT-007.md`, `docs/rules/axag/macro-syntax.md`. */
export function ruleDocsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

/**
 * The web address of a check's page, at the tag of this version (`v0.1.0`): the page that documents the check as
 * the running version reports it, which a later rename or rewording on the main branch does not break.
 */
export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/v${pkg.version}/${ruleDocsPath(ruleId)}`;
}

/** The Markdown of a check's page. */
export function rulePage(check: CheckInfo & { optionsSchema?: object; defaultOptions?: object; strictOptions?: object }): string {
  const { what, why, failing, passing, language = 'html' } = check.docs;
  const isRule = check.defaultOptions !== undefined;
  // Pages of namespaced checks sit one folder deeper (docs/rules/axag/…).
  const readme = `${'../'.repeat(ruleDocsPath(check.id).split('/').length - 1)}README.md`;
  const config = (setting: string) => fenced(`{ "rules": { "${check.id}": ${setting} } }`, 'json');
  const onSeverity = check.severity === 'off' ? 'warning' : check.severity;
  const sections = [
    `<!-- Written by \`npm run docs\` from this check's documentation in the source; edit that, then run it. -->\n# ${check.id}: ${check.name}`,
    check.description,
    `| Preset | Severity |\n|---|---|\n| \`axag-lint/recommended\` (the default) | ${check.severity} |\n| \`axag-lint/strict\` | ${check.strictSeverity} |`,
    `## What it checks\n\n${what}`,
    `## Why\n\n${why}`,
    `## Examples\n\nReported:\n\n${fenced(failing, language)}\n\nNot reported (the same snippet, fixed):\n\n${fenced(passing, language)}`,
  ];
  if (check.optionsSchema) {
    const strict = check.strictOptions ? `\n\nThe strict preset sets \`${JSON.stringify(check.strictOptions)}\`.` : '';
    sections.push(
      `## Options\n\nGiven in a config as \`[severity, options]\`, merged over the defaults, which are:\n\n` +
        `${config(`["${onSeverity}", ${JSON.stringify(check.defaultOptions).replaceAll(',', ', ')}]`)}${strict}\n\n` +
        `See [Rule options](${readme}#rule-options).`,
    );
  }
  sections.push(
    isRule
      ? `## Configuring it\n\n${check.severity === 'off' ? 'Off by default; to turn it on' : 'To turn it off'}, in a config file (\`.axag-lint.json\`):\n\n` +
          `${config(check.severity === 'off' ? '"warning"' : '"off"')}\n\n` +
          `For one run: \`axag lint --rule ${check.id}:${check.severity === 'off' ? 'warning' : 'off'}\`. ` +
          `For one element or file: an [inline directive](${readme}#inline-directives).`
      : `## Configuring it\n\nThis check is not a rule: it is always on, at the same severity in both presets, and a config cannot turn it off.`,
    `In the terminal: \`axag rules ${check.id}\`. All checks: [Rules](${readme}#rules).`,
  );
  return `${sections.join('\n\n')}\n`;
}

/** A Markdown code block: the rule pages and SARIF's rule help show examples alike. */
export function fenced(code: string, language: string): string {
  return `\`\`\`${language}\n${code}\n\`\`\``;
}
