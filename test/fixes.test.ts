/**
 * Fixes and suggestions (spec §10) through the real engine and parsers: each suggestion's edits, applied, give the
 * text stated here and answer their finding; values written by src/fixes.ts read back exactly in every source
 * language; a pass that would break parsing is never kept.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { addAttribute, replaceValue } from '../src/fixes.js';
import { fixText, lint, type Finding } from '../src/index.js';
import type { Rule } from '../src/rule.js';
import type { TextEdit } from '../src/results.js';

const DIR = join(tmpdir(), 'axag-fixes-test');

async function findingsOf(name: string, text: string, rules: Rule<any>[] = []): Promise<Finding[]> {
  const results = await lint([{ path: join(DIR, name), text }], { cwd: DIR, noConfig: true, rules });
  return results.files[0]!.findings;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

interface SuggestionCase {
  name: string;
  file: string;
  ruleId: string;
  text: string;
  /** Per suggestion, in order: its label and the text it makes (the source with one replacement). */
  expected: [label: string, from: string, to: string][];
}

const CASES: SuggestionCase[] = [
  {
    name: '006, longhand: adds the confirmation beside the other AXAG attributes',
    file: 'page.html',
    ruleId: 'AXAG-LINT-006',
    text: '<button type="button" axag-intent="account.close" axag-entity="account" axag-action-type="delete" axag-risk-level="high" axag-idempotent="true">Close</button>\n',
    expected: [['Add axag-confirmation-required="true"', 'type="button" axag-intent', 'type="button" axag-confirmation-required="true" axag-intent']],
  },
  {
    name: '006, longhand "false": sets it to "true"',
    file: 'page.vue',
    ruleId: 'AXAG-LINT-006',
    text: '<template>\n  <button axag-intent="account.close" axag-entity="account" axag-action-type="delete" axag-risk-level="critical" axag-idempotent="true" axag-confirmation-required=\'false\'>Close</button>\n</template>\n',
    expected: [['Set axag-confirmation-required="true"', "axag-confirmation-required='false'", "axag-confirmation-required='true'"]],
  },
  {
    name: '006, macro: adds "confirm" to the macro',
    file: 'page.html',
    ruleId: 'AXAG-LINT-006',
    text: '<button axag="delete:account.close!high?idempotent">Close</button>\n',
    expected: [['Add "confirm" to the axag macro', '?idempotent"', '?idempotent&confirm"']],
  },
  {
    name: '006, macro "confirm=false": writes "confirm"',
    file: 'Page.jsx',
    ruleId: 'AXAG-LINT-006',
    text: 'export const P = () => <button axag={"delete:account.close!critical?confirm=false&idempotent"}>Close</button>;\n',
    expected: [['Change it to "confirm" in the axag macro', '?confirm=false&', '?confirm&']],
  },
  {
    name: '007, JSX: "true" or "false"',
    file: 'Page.tsx',
    ruleId: 'AXAG-LINT-007',
    text: 'export const P = () => <button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low">Add</button>;\n',
    expected: [
      ['Add axag-idempotent="true"', '<button axag-intent', '<button axag-idempotent="true" axag-intent'],
      ['Add axag-idempotent="false"', '<button axag-intent', '<button axag-idempotent="false" axag-intent'],
    ],
  },
  {
    name: '007, a macro without "?": starts its keys',
    file: 'page.vue',
    ruleId: 'AXAG-LINT-007',
    text: '<template>\n  <button axag="write:cart.add_item!low">Add</button>\n</template>\n',
    expected: [
      ['Add "idempotent" to the axag macro', '!low"', '!low?idempotent"'],
      ['Add "idempotent=false" to the axag macro', '!low"', '!low?idempotent=false"'],
    ],
  },
  {
    name: '011, Svelte: each scope',
    file: 'Page.svelte',
    ruleId: 'AXAG-LINT-011',
    text: '<button axag-intent="org.switch" axag-entity="org" axag-action-type="navigate">Switch</button>\n',
    expected: ['public', 'user', 'tenant', 'global'].map((scope) => [
      `Add axag-scope="${scope}"`,
      '<button axag-intent',
      `<button axag-scope="${scope}" axag-intent`,
    ]),
  },
  {
    name: '011, macro with keys: adds "&scope=…"',
    file: 'page.html',
    ruleId: 'AXAG-LINT-011',
    text: '<button axag="write:org.rename!low?idempotent">Rename</button>\n',
    expected: ['public', 'user', 'tenant', 'global'].map((scope) => [`Add "scope=${scope}" to the axag macro`, '?idempotent"', `?idempotent&scope=${scope}"`]),
  },
  {
    name: '003, Markdown block in a list: each action type',
    file: 'doc.md',
    ruleId: 'AXAG-LINT-003',
    text: '# Doc\n\n- Item:\n\n  ```html\n  <button axag-intent="cart.view" axag-entity="cart">View</button>\n  ```\n',
    expected: ['read', 'write', 'delete', 'navigate'].map((type) => [
      `Add axag-action-type="${type}"`,
      '<button axag-intent',
      `<button axag-action-type="${type}" axag-intent`,
    ]),
  },
  {
    name: 'macro-conflict: keep either value',
    file: 'page.html',
    ruleId: 'axag/macro-conflict',
    text: '<button axag="write:cart.add_item!low?idempotent" axag-risk-level="high">Add</button>\n',
    expected: [
      ['Keep axag-risk-level "high": write "!high" in the axag macro', '!low?', '!high?'],
      ['Keep "!low" of the axag macro: set axag-risk-level to "low"', 'axag-risk-level="high"', 'axag-risk-level="low"'],
    ],
  },
  {
    name: '004, the closest value is a guess: a suggestion, not a fix',
    file: 'page.html',
    ruleId: 'AXAG-LINT-004',
    text: '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="wirte" axag-risk-level="low" axag-idempotent="false">Add</button>\n',
    expected: [['Change axag-action-type to "write"', '"wirte"', '"write"']],
  },
  {
    name: 'macro-syntax, the closest risk is a guess',
    file: 'page.html',
    ruleId: 'axag/macro-syntax',
    text: '<button axag="write:cart.add_item!loww?idempotent">Add</button>\n',
    expected: [['Write "low" in the axag macro', '!loww?', '!low?']],
  },
];

describe('suggestions: each, applied, gives the stated text and answers its finding', () => {
  it.each(CASES.map((testCase) => [testCase.name, testCase]))('%s', async (_name, { file, ruleId, text, expected }) => {
    const findings = (await findingsOf(file, text)).filter((finding) => finding.ruleId === ruleId);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.fix).toBeUndefined();
    expect(finding!.suggestions!.map((suggestion) => suggestion.label)).toEqual(expected.map(([label]) => label));
    for (const [i, [, from, to]] of expected.entries()) {
      expect(text.split(from)).toHaveLength(2);
      const applied = applyEdits(text, finding!.suggestions![i]!.edits);
      expect(applied).toBe(text.replace(from, to));
      const after = await findingsOf(file, applied);
      expect(after.filter((other) => other.ruleId === ruleId && other.line === finding!.line)).toEqual([]);
      expect(after.filter((other) => other.ruleId === 'axag/parse-error')).toEqual([]);
    }
  });
});

/** A rule for a test, by its id and its check. */
function testRule(id: string, check: Rule['check'], severity: 'error' | 'warning' = 'error'): Rule {
  return { id, name: id.replace(/^test\//, ''), severity, strictSeverity: severity, description: 'test', docs: { what: '', why: '', failing: '', passing: '' }, defaultOptions: {}, check };
}

/** Values no fix of a check writes today, but that any value a fix writes must survive. */
const TRICKY = ['say "hi"', "it's", `both " and '`, 'a & b &amp; c', 'back\\slash `tick` ${x}', 'emoji 🛒 and 購物車'];

/** Sets every axag-description to TRICKY[i] through replaceValue, and records what the parser reads back. */
function roundTrip(value: string): { rules: Rule<any>[]; read: (string | null)[] } {
  const read: (string | null)[] = [];
  const write = testRule(
    'test/write-description',
    ({ model }) =>
      model.elements.flatMap(({ element, own }) => {
        const attribute = own.get('axag-description');
        const fix = attribute && replaceValue(attribute, value);
        return attribute && fix && attribute.value !== value ? [{ message: 'set', range: attribute.valueRange, element, fix }] : [];
      }),
    'warning',
  );
  const readBack = testRule(
    'test/read-description',
    ({ model }) => {
      for (const { own } of model.elements) if (own.has('axag-description')) read.push(own.get('axag-description')!.value);
      return [];
    },
    'warning',
  );
  return { rules: [write, readBack], read };
}

const SOURCES: [file: string, text: string][] = [
  ['page.html', '<button axag-description="old">A</button>\n<button axag-description=\'old\'>B</button>\n<button axag-description=old>C</button>\n<button axag-description>D</button>\n'],
  ['Page.jsx', 'export const P = () => <>\n  <b axag-description="old" />\n  <b axag-description={\'old\'} />\n  <b axag-description={"old"} />\n  <b axag-description={`old`} />\n  <b axag-description={true} />\n</>;\n'],
  ['page.vue', '<template>\n  <b axag-description="old" />\n  <b axag-description=\'old\' />\n  <b axag-description />\n</template>\n'],
  ['Page.svelte', '<b axag-description="old"></b>\n<b axag-description={"old"}></b>\n<b axag-description={`old`}></b>\n<b axag-description></b>\n'],
  ['doc.md', '> ```html\n> <b axag-description="old"></b>\n> ```\n\n1. List\n\n   ```jsx\n   <b axag-description={\'old\'} />\n   ```\n'],
];

describe('replaceValue writes a value the source reads back exactly', () => {
  it.each(SOURCES.flatMap(([file, text]) => TRICKY.map((value) => [file, value, text])))('%s: %s', async (file, value, text) => {
    const { rules, read } = roundTrip(value);
    const before = await findingsOf(file, text, rules);
    const fixed = await fixText(text, before, (next) => findingsOf(file, next, rules));
    read.length = 0;
    const after = await findingsOf(file, fixed, rules);
    expect(after.filter((finding) => finding.ruleId === 'axag/parse-error')).toEqual([]);
    expect(read.length).toBeGreaterThan(0);
    expect(read).toEqual(read.map(() => value));
  });
});

describe('the fixer', () => {
  it('drops a pass that would break parsing, and keeps the text', async () => {
    const breaking = testRule('test/break', ({ model }) =>
      model.elements.flatMap(({ element }) => [
        { message: 'break it', range: element.nameRange, element, fix: addAttribute(element, 'x', 'y')!.map((edit) => ({ ...edit, text: '{' })) },
      ]),
    );
    const text = 'export const P = () => <b axag-intent="cart.view" axag-entity="cart" axag-action-type="read">x</b>;\n';
    const before = await findingsOf('P.jsx', text, [breaking]);
    expect(before.some((finding) => finding.ruleId === 'test/break' && finding.fix)).toBe(true);
    expect(await fixText(text, before, (next) => findingsOf('P.jsx', next, [breaking]))).toBe(text);
  });

  it('lint() with fix: a pass that throws leaves the text unfixed, with the findings of its lint and an internal error saying so', async () => {
    // A report without an element breaks the engine itself (a check that throws is caught per check), on the
    // fixed text only: the first lint works.
    const throwsOnFixed = testRule('test/throws-on-fixed', ({ model }) => {
      const fixed = model.elements.some(({ own }) => own.get('axag-action-type')?.value === 'read');
      return fixed ? [{ message: 'no element', range: model.elements[0]!.element.nameRange, element: undefined as never }] : [];
    });
    const text = '<button axag-intent="cart.view" axag-entity="cart" axag-action-type="Read">x</button>\n';
    const path = join(tmpdir(), 'page.html');
    const [file] = (await lint([{ path, text }], { noConfig: true, fix: true, rules: [throwsOnFixed] })).files;
    expect(file!.output).toBeUndefined();
    expect(file!.findings.map((finding) => finding.ruleId)).toEqual(['axag/internal-error', 'AXAG-LINT-004']);
    expect(file!.findings[0]!.message).toMatch(/^Internal error: fixing failed on this file \(TypeError: .*\), so its fixes were not applied;/);
  });

  it('renames only the name after a Vue binding prefix, and refuses to rename onto an attribute the element has', async () => {
    const text = '<template>\n  <b :axag-risk="level" axag-intent="a.b" />\n  <i axag-risk="low" axag-risk-level="low" />\n</template>\n';
    const findings = (await findingsOf('page.vue', text)).filter((finding) => finding.ruleId === 'axag/unknown-attribute');
    expect(findings).toHaveLength(2);
    expect(applyEdits(text, findings[0]!.fix!.edits)).toBe(text.replace(':axag-risk=', ':axag-risk-level='));
    expect(findings[1]!.fix).toBeUndefined();
  });
});
