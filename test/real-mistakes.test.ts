/**
 * Issue 10's "done when": a page with each mistake real annotations are made with (a misspelt attribute, a
 * misspelt identity attribute, a non-boolean boolean, a scope synonym, a malformed intent and entity, a write
 * action without a risk level, an annotation that drifted from its manifest) gets each reported once, at the
 * attribute (or the tag, for what is missing), with the fix in its message; the clean page stays clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, axag, project, removeProjects } from './cli-helpers.js';

beforeAll(() => assertBuilt());
afterAll(() => removeProjects());

const MANIFEST = `version: "1.1.0"
generated_at: "2026-01-01T00:00:00Z"
source: {}
conformance: basic
actions:
  - { intent: cart.add_item, entity: cart, action_type: write, risk_level: low, idempotent: false, description: d }
  - { intent: cart.save, entity: cart, action_type: write, risk_level: low, idempotent: true, description: d }
  - { intent: cart.share, entity: cart, action_type: read, scope: tenant, description: d }
  - { intent: cart.view, entity: cart, action_type: read, description: d }
  - { intent: cart.empty, entity: cart, action_type: write, idempotent: true, description: d }
  - { intent: product.search, entity: product, action_type: read, idempotent: false, description: d }
  - { intent: order.view, entity: order, action_type: read, description: d, required_parameters: [{ name: order_id, type: string }] }
`;

/** One mistake per line; the comment after each names what must be reported (line numbers are the array's + 2). */
const PAGE = [
  '<main>',
  `  <button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="false" axag-required-params='["product_id"]'>Add</button>`,
  '  <button axag-intnet="cart.clear" axag-entity="cart" axag-action-type="delete" axag-risk-level="medium" axag-idempotent="true">Clear</button>',
  '  <button axag-intent="cart.save" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="yes">Save</button>',
  '  <button axag-intent="cart.share" axag-entity="cart" axag-action-type="read" axag-scope="organization">Share</button>',
  '  <button axag-intent="Cart.AddItem" axag-entity="cart" axag-action-type="read">Add</button>',
  '  <button axag-intent="cart.view" axag-entity="Shopping Cart" axag-action-type="read">View</button>',
  '  <button axag-intent="cart.empty" axag-entity="cart" axag-action-type="write" axag-idempotent="true">Empty</button>',
  '  <button axag-intent="product.search" axag-entity="product" axag-action-type="read">Search</button>',
  '  <button axag-intent="order.view" axag-entity="order" axag-action-type="read">Order</button>',
  '</main>',
].join('\n');

const column = (line: number, text: string) => PAGE.split('\n')[line - 1]!.indexOf(text) + 1;

interface Report {
  files: { findings: { ruleId: string; line: number; column: number; message: string }[] }[];
}

describe('the mistakes people make, on one page with its manifest', () => {
  it('reports each once, where it is, with the fix', async () => {
    const cwd = project({ '.axag-lint.json': '{ "extends": "axag-lint/recommended" }\n', 'axag-manifest.yaml': MANIFEST, 'page.html': `${PAGE}\n` });
    const result = await axag(['lint', '--format', 'json', 'page.html'], { cwd });
    const findings = (JSON.parse(result.stdout) as Report).files.flatMap((file) => file.findings);
    const tag = 4; // `  <button`: the name of the start tag
    expect(findings.map((f) => [f.line, f.column, f.ruleId])).toEqual([
      [2, column(2, 'axag-required-params'), 'axag/unknown-attribute'],
      [3, tag, 'AXAG-LINT-001'],
      [3, column(3, 'axag-intnet'), 'axag/unknown-attribute'],
      [4, column(4, 'yes'), 'axag/boolean-value'],
      [5, column(5, 'organization'), 'axag/scope-value'],
      [6, column(6, 'Cart.AddItem'), 'axag/intent-format'],
      [7, column(7, 'Shopping Cart'), 'axag/entity-format'],
      [8, tag, 'axag/risk-level-required'],
      [9, tag, 'axag/manifest-drift'],
      [10, tag, 'axag/manifest-drift'],
    ]);
    const fixes = [
      'did you mean axag-required-parameters?',
      'found axag-intnet; did you mean axag-intent?',
      'did you mean axag-intent?',
      'did you mean "true"?',
      'did you mean "tenant"?',
      'did you mean "cart.add_item"?',
      'did you mean "shopping_cart"?',
      'add axag-risk-level',
      'regenerate the manifest or add axag-idempotent="false"',
      `regenerate the manifest or add axag-required-parameters='["order_id"]'`,
    ];
    findings.forEach((finding, i) => expect(finding.message).toContain(fixes[i]));
    expect(result.code).toBe(1);
  });

  it('stays clean once each is fixed', async () => {
    const fixed = PAGE.replace('axag-required-params', 'axag-required-parameters')
      .replace('axag-intnet', 'axag-intent')
      .replace('"yes"', '"true"')
      .replace('"organization"', '"tenant"')
      .replace('Cart.AddItem', 'cart.view')
      .replace('Shopping Cart', 'cart')
      .replace('axag-action-type="write" axag-idempotent="true">Empty', 'axag-action-type="write" axag-risk-level="low" axag-idempotent="true">Empty')
      .replace('axag-action-type="read">Search', 'axag-action-type="read" axag-idempotent="false">Search')
      .replace('axag-action-type="read">Order', `axag-action-type="read" axag-required-parameters='["order_id"]'>Order`);
    const manifest = MANIFEST.replace('action_type: write, risk_level: low, idempotent: false, description: d }', `action_type: write, risk_level: low, idempotent: false, description: d, required_parameters: [{ name: product_id, type: string }] }`)
      .replace('action_type: write, idempotent: true, description: d }', 'action_type: write, risk_level: low, idempotent: true, description: d }')
      .concat('  - { intent: cart.clear, entity: cart, action_type: delete, risk_level: medium, idempotent: true, description: d }\n');
    const cwd = project({ '.axag-lint.json': '{ "extends": "axag-lint/recommended" }\n', 'axag-manifest.yaml': manifest, 'page.html': `${fixed}\n` });
    const result = await axag(['lint', 'page.html'], { cwd });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
