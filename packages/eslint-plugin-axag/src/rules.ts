import { NAMESPACED_CHECKS, RULES, ruleDocsUrl, type CheckInfo, type Finding } from 'axag-lint';
import type { Rule } from 'eslint';
import { findingsOf, readerName, register } from './file-findings.js';
import { ESLINT_RULE_NAMES, FIXABLE, SUGGESTING } from './rule-names.js';

/** What the plugin needs to know of an axag check. */
type Check = CheckInfo & { optionsSchema?: object };

const CHECKS: readonly Check[] = [...RULES, ...NAMESPACED_CHECKS];

/** The axag checks the plugin offers, in axag's order, each with its ESLint name. */
export const OFFERED: readonly (Check & { eslintName: string })[] = CHECKS.flatMap((check) => {
  const eslintName = ESLINT_RULE_NAMES[check.id];
  return eslintName === undefined ? [] : [{ ...check, eslintName }];
});

/** An ESLint rule that reports the findings of one axag check. */
function eslintRule(check: Check): Rule.RuleModule {
  const fixable = FIXABLE.has(check.id);
  const suggesting = SUGGESTING.has(check.id);
  return {
    meta: {
      // A check that is an error by default reports what breaks the annotation; the others, what could be better.
      type: check.severity === 'error' ? 'problem' : 'suggestion',
      docs: {
        description: check.description,
        recommended: check.severity !== 'off',
        url: ruleDocsUrl(check.id),
      },
      ...(fixable && { fixable: 'code' as const }),
      ...(suggesting && { hasSuggestions: true }),
      // Options merge over those of the axag config (or the defaults), so ESLint gives none of its own (no defaultOptions).
      schema: check.optionsSchema ? [check.optionsSchema as never] : [],
    },
    create(context) {
      if (readerName(context.filename) === undefined) return {};
      register(context, check.id);
      // Every rule of the file is created before ESLint walks it: by its root, all of them have registered.
      return {
        [context.sourceCode.ast.type]() {
          for (const finding of findingsOf(context, check.id)) context.report(report(finding, fixable, suggesting));
        },
      };
    },
  };
}

function report(finding: Finding, fixable: boolean, suggesting: boolean): Rule.ReportDescriptor {
  const edits = (edits: readonly { start: number; end: number; text: string }[]): Rule.ReportFixer =>
    (fixer) => edits.map(({ start, end, text }) => fixer.replaceTextRange([start, end], text));
  return {
    // axag's lines and columns are 1-based, ESLint's columns 0-based; both count UTF-16 code units.
    loc: { start: { line: finding.line, column: finding.column - 1 }, end: { line: finding.endLine, column: finding.endColumn - 1 } },
    message: finding.message,
    ...(fixable && finding.fix && { fix: edits(finding.fix.edits) }),
    ...(suggesting && finding.suggestions && { suggest: finding.suggestions.map(({ label, edits: suggested }) => ({ desc: label, fix: edits(suggested) })) }),
  };
}

/** The plugin's rules by their ESLint names (without the `axag/` prefix). */
export const rules: Record<string, Rule.RuleModule> = Object.fromEntries(OFFERED.map((check) => [check.eslintName, eslintRule(check)]));
