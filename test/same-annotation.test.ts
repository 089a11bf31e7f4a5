/**
 * Spec §3: every source produces the same neutral model, so the same annotation
 * gives the same findings whatever it is written in. Expected positions are
 * found in each text by searching for the marked spots, not taken from the
 * linter: a Markdown block shifts lines and columns, multi-byte characters come
 * before the values (columns are UTF-16 code units), and one form uses CRLF.
 */
import { describe, expect, it } from 'vitest';
import { lint, type Finding } from '../src/index.js';

const PAGE = [
  '<div axag-entity="cart">',
  '  <span>🛒 é</span><button axag-intent="cart.add_item" axag-action-type="Write" axag-risk-level="high"',
  `      axag-idempotent="false" axag-required-parameters="['sku']" axag-optional-parameters='["gift"]'>Add</button>`,
  '</div>',
  '<section axag-scope="tenant">',
  '  <a axag-intent="admin.purge_cart" axag-entity="cart" axag-action-type="delete" axag-idempotent="true" axag-risk-level="severe">Purge</a>',
  '</section>',
  '<button axag-intent="cart.clear" axag-action-type="delete" axag-idempotent="true" axag-approval-required="true" axag-risk-level="medium">Clear</button>',
];

const indent = (lines: string[], prefix: string) => lines.map((line) => prefix + line);

const FORMS: Record<string, { path: string; text: string }> = {
  html: { path: 'page.html', text: ['<!doctype html>', '<title>Cart</title>', ...PAGE, ''].join('\n') },
  jsx: {
    path: 'Cart.jsx',
    text: ['export function Cart() {', '  return (', '    <>', ...indent(PAGE, '      '), '    </>', '  );', '}', ''].join('\n'),
  },
  vue: {
    path: 'Cart.vue',
    text: ['<script setup>', 'const limit = 1 < 2;', '</script>', '', '<template>', ...indent(PAGE, '  '), '</template>', ''].join('\r\n'),
  },
  svelte: { path: 'Cart.svelte', text: ['<script lang="ts">', '  let open: boolean = true;', '</script>', '', '{#if open}', ...PAGE, '{/if}', ''].join('\n') },
  markdown: {
    path: 'guide.md',
    text: ['# Cart', '', '- The cart page:', '', '  > ```html', ...indent(PAGE, '  > '), '  > ```', ''].join('\n'),
  },
};

/** What spec §2 requires of PAGE: a rule id, the text its finding points at (first occurrence), and some messages. */
const EXPECTED: { ruleId: string; at: string; message?: string }[] = [
  { ruleId: 'AXAG-LINT-004', at: 'Write"', message: 'Invalid axag-action-type "Write"; expected one of read, write, delete, navigate; did you mean "write"?' },
  { ruleId: 'AXAG-LINT-006', at: 'button axag-intent="cart.add_item"', message: 'Action "cart.add_item" (<button>) has axag-risk-level "high" but axag-confirmation-required is missing; set axag-confirmation-required="true"' },
  { ruleId: 'AXAG-LINT-009', at: `['sku']` },
  { ruleId: 'AXAG-LINT-005', at: 'severe' },
  { ruleId: 'AXAG-LINT-002', at: 'button axag-intent="cart.clear"' },
  { ruleId: 'AXAG-LINT-012', at: 'button axag-intent="cart.clear"' },
];

function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`not in the text: ${needle}`);
  const before = text.slice(0, offset);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line: before.split(/\r\n|\r|\n/).length, column: offset - lineStart + 1 };
}

async function findingsOf(form: { path: string; text: string }): Promise<Finding[]> {
  const results = await lint([{ path: `/virtual/${form.path}`, text: form.text }], { cwd: '/virtual', noConfig: true });
  expect(results.failures).toEqual([]);
  return results.files[0]!.findings;
}

const reference = await findingsOf(FORMS.html!);

describe('the same annotation in HTML, JSX, Vue, Svelte and a Markdown block', () => {
  it('HTML gives the findings spec §2 requires', () => {
    expect(reference.map((f) => f.ruleId).sort()).toEqual(EXPECTED.map((e) => e.ruleId).sort());
    for (const { ruleId, message } of EXPECTED) {
      if (message === undefined) continue;
      expect(reference.find((f) => f.ruleId === ruleId)?.message).toBe(message);
    }
  });

  it.each(Object.keys(FORMS))('%s: same rule ids and messages, each at its spot in that file', async (name) => {
    const form = FORMS[name]!;
    const findings = await findingsOf(form);
    const strip = (f: Finding) => ({ ruleId: f.ruleId, message: f.message, severity: f.severity });
    expect(findings.map(strip).sort(byRule)).toEqual(reference.map(strip).sort(byRule));
    for (const { ruleId, at } of EXPECTED) {
      const finding = findings.find((f) => f.ruleId === ruleId)!;
      expect({ ruleId, ...positionOf(form.text, at) }).toEqual({ ruleId, line: finding.line, column: finding.column });
    }
  });
});

function byRule(a: { ruleId: string }, b: { ruleId: string }): number {
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}
