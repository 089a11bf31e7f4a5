/**
 * The rule numbers of the other AXAG linter (spec §5), through every reader of rule references: a config's
 * `rules`, `--rule` (its parser, then the resolver) and inline directives. An alias whose target is a rule of this
 * build reaches that rule; every other number of that linter is a warning and changes nothing.
 *
 * This build has the macro checks (027, 028, 033), risk-level-required (023), the intent and entity formats
 * (034, 035) and axag/tenant-parameter (036); the others are issue 10's, and warn until they exist.
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
import { isRunRule } from '../src/rule.js';

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
const LIVE = ['AXAG-LINT-023', 'AXAG-LINT-027', 'AXAG-LINT-028', 'AXAG-LINT-033', 'AXAG-LINT-034', 'AXAG-LINT-035', 'AXAG-LINT-036'];
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

/** Spec §2's names of the standard's twelve; a namespaced check's name is its id after `axag/` (spec §9.1). */
const SPEC_NAMES: Record<string, string> = {
  'AXAG-LINT-001': 'missing-intent',
  'AXAG-LINT-002': 'missing-entity',
  'AXAG-LINT-003': 'missing-action-type',
  'AXAG-LINT-004': 'invalid-action-type',
  'AXAG-LINT-005': 'invalid-risk-level',
  'AXAG-LINT-006': 'confirmation-for-high-risk',
  'AXAG-LINT-007': 'idempotent-declared',
  'AXAG-LINT-008': 'parameter-overlap',
  'AXAG-LINT-009': 'invalid-json',
  'AXAG-LINT-010': 'intent-in-manifest',
  'AXAG-LINT-011': 'scope-for-tenant-sensitive',
  'AXAG-LINT-012': 'approval-roles',
};
const NAMES = RULES.map((rule): [string, string] => [SPEC_NAMES[rule.id] ?? rule.id.replace(/^axag\//, ''), rule.id]);

describe('a rule’s kebab-case name is a reference to it everywhere an id is (issue 10)', () => {
  it('every rule has the name of spec §2 or §9.1', () => {
    expect(RULES.map((rule) => [rule.name, rule.id])).toEqual(NAMES);
  });

  describe.each(NAMES)('%s → %s', (name, id) => {
    it('in a config’s rules, sets the rule’s severity; no warning', () => {
      const dir = configWithRules([[name, notDefault(id)]]);
      const resolver = new ConfigResolver({ cwd: dir });
      expect(resolver.forFile(join(dir, 'a.html')).rules[id]!.severity).toBe(notDefault(id));
      expect(resolver.notices).toEqual([]);
    });

    it('in --rule and the library’s overrides, sets the rule’s severity; no warning', () => {
      const dir = configWithRules([]);
      const resolver = new ConfigResolver({ cwd: dir, ruleOverrides: parseRuleOption(`${name}:${notDefault(id)}`), ruleOverridesName: '--rule' });
      expect(resolver.forFile(join(dir, 'a.html')).rules[id]!.severity).toBe(notDefault(id));
      expect(resolver.notices).toEqual([]);
    });

    it('in a directive, silences the rule’s findings (and only those); an unused one is named as written', () => {
      expect(directives(`axag-disable-file ${name}`, [finding(id), finding('axag/parse-error')])).toEqual([finding('axag/parse-error')]);
      const unused = directives(`axag-disable-file ${name}`, [], true);
      // Whether a check across files fires on a file depends on the other files of the run: never "unused" (spec §9.1).
      const expected = isRunRule(RULES_BY_ID.get(id)!) ? [] : [`Unused axag-disable-file directive for ${name} (nothing to silence); remove it`];
      expect(unused.map((f) => f.message)).toEqual(expected);
    });
  });
});

describe('the same rule named twice', () => {
  it('in one config’s rules, by id and by name: the later entry applies, with a warning at it', () => {
    const dir = configWithRules([
      ['AXAG-LINT-007', 'off'],
      ['idempotent-declared', 'error'],
    ]);
    const resolver = new ConfigResolver({ cwd: dir });
    expect(resolver.forFile(join(dir, 'a.html')).rules['AXAG-LINT-007']!.severity).toBe('error');
    expect(resolver.notices).toEqual([
      {
        message: 'idempotent-declared and AXAG-LINT-007 name the same rule, AXAG-LINT-007; the later entry, idempotent-declared, applies: remove one',
        location: { path: join(dir, '.axag-lint.json'), line: 4, column: 5 },
      },
    ]);
  });

  it('in one config’s rules, by name and by the other linter’s number: the later entry applies', () => {
    const dir = configWithRules([
      ['macro-syntax', 'warn'],
      ['AXAG-LINT-027', 'off'],
    ]);
    const resolver = new ConfigResolver({ cwd: dir });
    expect(resolver.forFile(join(dir, 'a.html')).rules['axag/macro-syntax']!.severity).toBe('off');
    expect(resolver.notices.map((notice) => notice.message)).toEqual([
      'AXAG-LINT-027 and macro-syntax name the same rule, axag/macro-syntax; the later entry, AXAG-LINT-027, applies: remove one',
    ]);
  });

  it('in --rule: the last one given applies, whichever name it uses', () => {
    const dir = configWithRules([]);
    const given = ['AXAG-LINT-007:off', 'idempotent-declared:error', 'AXAG-LINT-007:warn'].reduce<Record<string, 'off' | 'warning' | 'error'>>(
      (previous, value) => parseRuleOption(value, previous),
      {},
    );
    const resolver = new ConfigResolver({ cwd: dir, ruleOverrides: given, ruleOverridesName: '--rule' });
    expect(resolver.forFile(join(dir, 'a.html')).rules['AXAG-LINT-007']!.severity).toBe('warning');
  });
});

describe('an unknown name gets a did-you-mean among ids and names, in every place', () => {
  it('in a config’s rules: a fatal error at the key', () => {
    const dir = configWithRules([['idempotent-declard', 'off']]);
    expect(() => new ConfigResolver({ cwd: dir }).forFile(join(dir, 'a.html'))).toThrow(
      /:3:5: unknown key "idempotent-declard" in rules; did you mean "idempotent-declared"\?/,
    );
  });

  it('in --rule and the library’s overrides', () => {
    expect(() => parseRuleOption('unknown-atribute:off')).toThrow('unknown rule "unknown-atribute"; did you mean "unknown-attribute"?');
    const dir = configWithRules([]);
    const resolver = new ConfigResolver({ cwd: dir, ruleOverrides: { 'missing-intnet': 'off' } });
    expect(() => resolver.forFile(join(dir, 'a.html'))).toThrow('unknown rule "missing-intnet" in the rule overrides; did you mean "missing-intent"?');
  });

  it('in a directive: the unknown-rule warning, which silences nothing', () => {
    const [kept, warning] = directives('axag-disable-file idempotent-declard', [finding('AXAG-LINT-007')]);
    expect(kept).toEqual(finding('AXAG-LINT-007'));
    expect(warning!.message).toBe('Unknown rule "idempotent-declard" in axag-disable-file; did you mean "idempotent-declared"?');
  });

  it('ESLint’s plugin form of a standard rule’s name means the name', () => {
    expect(() => parseRuleOption('axag/missing-intent:off')).toThrow('unknown rule "axag/missing-intent"; did you mean "missing-intent"?');
  });
});
