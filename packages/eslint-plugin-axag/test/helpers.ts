import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import htmlParser from '@html-eslint/parser';
import { lint, RULES_BY_ID, type Finding, type TextEdit } from 'axag-lint';
import * as svelteParser from 'svelte-eslint-parser';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
/** A project with an `.axag-lint.json` and the manifest found beside it. */
export const projectDir = join(packageDir, 'test', 'fixtures', 'project');

/** How ESLint reads each language of the tests: the parser a project configures for such files. */
export const LANGUAGES = {
  html: { extension: '.html', languageOptions: { parser: htmlParser } },
  jsx: { extension: '.jsx', languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  tsx: { extension: '.tsx', languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
  vue: { extension: '.vue', languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser } } },
  svelte: { extension: '.svelte', languageOptions: { parser: svelteParser } },
} as const;

export type Language = keyof typeof LANGUAGES;

/** One error as ESLint's RuleTester expects it (1-based lines and columns, as in ESLint's lint messages). */
export interface ExpectedError {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  suggestions?: { desc: string; output: string }[];
}

/**
 * What `axag lint` reports for one check on a text, as RuleTester's expected errors and fix output: the plugin must
 * carry the engine's findings into ESLint unchanged (message, range, fix, suggestions).
 */
export async function engineExpectations(check: string, path: string, text: string): Promise<{ errors: ExpectedError[]; output?: string }> {
  const ruleOverrides = RULES_BY_ID.has(check) ? { [check]: 'warning' as const } : {};
  const results = await lint([{ path, text }], { cwd: packageDir, ruleOverrides });
  const findings = results.files.find((file) => file.path === path)?.findings.filter((finding) => finding.ruleId === check) ?? [];
  const errors = findings.map((finding) => ({
    message: finding.message,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    ...(finding.suggestions && { suggestions: finding.suggestions.map(({ label, edits }) => ({ desc: label, output: applyEdits(text, edits) })) }),
  }));
  const fixed = fixOutput(text, findings);
  return { errors, ...(fixed !== text && { output: fixed }) };
}

/** A text with non-overlapping edits applied. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((result, { start, end, text: inserted }) => result.slice(0, start) + inserted + result.slice(end), text);
}

/**
 * One pass of fixes as ESLint applies them: each finding's edits make one fix spanning them; fixes in order of their
 * start, one that starts at or before the end of the previous one left for a later pass.
 */
function fixOutput(text: string, findings: readonly Finding[]): string {
  const fixes = findings
    .flatMap((finding) => (finding.fix ? [finding.fix.edits] : []))
    .map((edits) => ({ start: Math.min(...edits.map((edit) => edit.start)), end: Math.max(...edits.map((edit) => edit.end)), edits }))
    .sort((a, b) => a.start - b.start);
  const applied: TextEdit[] = [];
  let last = -Infinity;
  for (const fix of fixes) {
    if (fix.start <= last) continue;
    applied.push(...fix.edits);
    last = fix.end;
  }
  return applyEdits(text, applied);
}
