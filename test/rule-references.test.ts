/**
 * The rule numbers of the other AXAG linter (spec §5), through every reader of rule references: a config's
 * `rules`, `--rule` (its parser, then the resolver) and inline directives. An alias whose target is a rule of this
 * build reaches that rule; every other number of that linter is a warning and changes nothing.
 *
 * This build has the macro checks (027, 028, 033); the others are issue 10's, and warn until they exist.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PEER_RULE_NUMBERS, RULES, RULES_BY_ID } from '../rules/index.js';
import { parseRuleOption } from '../src/cli/options.js';
import { ConfigResolver } from '../src/config/resolve.js';
import { applyDirectives, DIRECTIVE_RULE } from '../src/engine/directives.js';
import type { Finding } from '../src/results.js';

/** Spec §5, written out: the aliases and the numbers that have no check in axag. */
const SPEC_ALIASES: Record<string, string> = {
  'AXAG-LINT-023': 'axag/risk-level-required',
  'AXAG-LINT-027': 'axag/macro-syntax',
  'AXAG-LINT-028': 'axag/macro-conflict',
  'AXAG-LINT-033': 'axag/dynamic-annotation',
  'AXAG-LINT-034': 'axag/intent-format',
  'AXAG-LINT-035': 'axag/entity-format',
  'AXAG-LINT-036': 'axag/tenant-parameter',
};
const SPEC_OTHERS = [13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 24, 25, 26, 29, 30, 31, 32, 37].map((n) => `AXAG-LINT-0${n}`);

/** The aliases whose checks this build has: stated, so that a check that went missing fails here. */
const LIVE = ['AXAG-LINT-027', 'AXAG-LINT-028', 'AXAG-LINT-033'];
const ALIASES = Object.entries(SPEC_ALIASES).filter(([number]) => LIVE.includes(number));
const IGNORED: { number: string; message: string }[] = [
  ...Object.entries(SPEC_ALIASES)
    .filter(([number]) => !LIVE.includes(number))
    .map(([number, target]) => ({ number, message: `${number} stands for ${target}, which this version of axag does not have; ignored` })),
  ...SPEC_OTHERS.map((number) => ({ number, message: `${number} is not a check of axag; ignored` })),
];

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A directory holding `.axag-lint.json` with `rules`, one entry per line (an entry's key at line 3 + i, column 5). */
function configWithRules(entries: [string, string][]): string {
  const dir = mkdtempSync(join(tmpdir(), 'axag-references-'));
  dirs.push(dir);
  const lines = entries.map(([key, severity]) => `    ${JSON.stringify(key)}: ${JSON.stringify(severity)}`);
  writeFileSync(join(dir, '.axag-lint.json'), `{\n  "rules": {\n${lines.join(',\n')}\n  }\n}\n`);
  return dir;
}

/** The severity that differs from the rule's default, so that reaching the rule shows. */
const notDefault = (id: string) => (RULES_BY_ID.get(id)!.severity === 'off' ? 'error' : 'off');

const at = { line: 1, column: 1, endLine: 1, endColumn: 30 };
const finding = (ruleId: string): Finding => ({ ruleId, severity: 'error', message: 'm', line: 2, column: 2, endLine: 2, endColumn: 8, fingerprint: 'f' });
const directives = (text: string, findings: Finding[], reportUnused = false) =>
  applyDirectives(findings, [{ text: ` ${text} `, range: at }], [], { unjudged: new Set(), ...(reportUnused && { reportUnused: 'warning' as const }) }).findings;

describe('the table of the other linter’s numbers', () => {
  it('is spec §5: seven aliases and eighteen numbers without a check, nothing else', () => {
    expect(PEER_RULE_NUMBERS).toEqual({ ...SPEC_ALIASES, ...Object.fromEntries(SPEC_OTHERS.map((number) => [number, null])) });
    expect(ALIASES.length + IGNORED.length).toBe(25);
  });

  it('names no number that is a rule id of axag itself', () => {
    for (const rule of RULES) expect(Object.keys(PEER_RULE_NUMBERS)).not.toContain(rule.id);
  });
});

describe.each(ALIASES)('alias %s → %s', (alias, target) => {
  it('in a config’s rules, sets the target’s severity; no warning', () => {
    const dir = configWithRules([[alias, notDefault(target)]]);
    const resolver = new ConfigResolver({ cwd: dir });
    expect(resolver.forFile(join(dir, 'a.html')).rules[target]!.severity).toBe(notDefault(target));
    expect(resolver.notices).toEqual([]);
  });

  it('in --rule, sets the target’s severity; no warning', () => {
    const dir = configWithRules([]);
    const resolver = new ConfigResolver({ cwd: dir, ruleOverrides: parseRuleOption(`${alias}:${notDefault(target)}`), ruleOverridesName: '--rule' });
    expect(resolver.forFile(join(dir, 'a.html')).rules[target]!.severity).toBe(notDefault(target));
    expect(resolver.notices).toEqual([]);
  });

  it('in a directive, silences the target’s findings (and only those); an unused one is named as written', () => {
    expect(directives(`axag-disable-file ${alias}`, [finding(target), finding('AXAG-LINT-001')])).toEqual([finding('AXAG-LINT-001')]);
    const unused = directives(`axag-disable-file ${alias}`, [finding('AXAG-LINT-001')], true);
    expect(unused.map((f) => [f.ruleId, f.message])).toEqual([
      ['AXAG-LINT-001', 'm'],
      [DIRECTIVE_RULE, `Unused axag-disable-file directive for ${alias} (nothing to silence); remove it`],
    ]);
  });
});

describe.each(IGNORED)('$number', ({ number, message }) => {
  it('in a config’s rules: a warning at the key, and nothing else changes', () => {
    const dir = configWithRules([['AXAG-LINT-007', 'off'], [number, 'error']]);
    const resolver = new ConfigResolver({ cwd: dir });
    const config = resolver.forFile(join(dir, 'a.html'));
    expect(config.rules['AXAG-LINT-007']!.severity).toBe('off');
    const defaults = new ConfigResolver({ cwd: dir, noConfig: true }).forFile(join(dir, 'a.html')).rules;
    expect({ ...config.rules, 'AXAG-LINT-007': defaults['AXAG-LINT-007'] }).toEqual(defaults);
    expect(resolver.notices).toEqual([{ message, location: { path: join(dir, '.axag-lint.json'), line: 4, column: 5 } }]);
  });

  it('in --rule: accepted, a warning naming --rule, and nothing else changes', () => {
    const dir = configWithRules([]);
    const resolver = new ConfigResolver({ cwd: dir, ruleOverrides: parseRuleOption(`${number}:off`), ruleOverridesName: '--rule' });
    const config = resolver.forFile(join(dir, 'a.html'));
    expect(config.rules).toEqual(new ConfigResolver({ cwd: dir }).forFile(join(dir, 'a.html')).rules);
    expect(resolver.notices).toEqual([{ message: `--rule: ${message}` }]);
  });

  it('in a directive: an axag/directive warning at the directive, which silences nothing', () => {
    const kept = directives(`axag-disable-file ${number}`, [finding('AXAG-LINT-001')]);
    expect(kept).toEqual([finding('AXAG-LINT-001'), expect.objectContaining({ ruleId: DIRECTIVE_RULE, severity: 'warning', message, ...at })]);
  });
});

describe('references that are nobody’s rule stay errors', () => {
  it('in --rule and the library’s overrides, an unknown number is refused, as before', () => {
    expect(() => parseRuleOption('AXAG-LINT-038:off')).toThrow(/unknown rule "AXAG-LINT-038"/);
    const dir = configWithRules([]);
    const resolver = new ConfigResolver({ cwd: dir, ruleOverrides: { 'AXAG-LINT-038': 'off' } });
    expect(() => resolver.forFile(join(dir, 'a.html'))).toThrow(/unknown rule "AXAG-LINT-038" in the rule overrides/);
  });

  it('in a directive, an unknown number is the unknown-rule warning, not the "ignored" one', () => {
    const [, warning] = directives('axag-disable-file AXAG-LINT-038', [finding('AXAG-LINT-001')]);
    expect(warning!.message).toMatch(/^Unknown rule "AXAG-LINT-038" in axag-disable-file; rule ids are/);
  });
});
