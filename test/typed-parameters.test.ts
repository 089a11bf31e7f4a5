/**
 * Typed parameter objects (spec §8.2): the exact messages and corrected values (`suggestion`) of AXAG-LINT-008 and
 * AXAG-LINT-009, which the fixtures do not state. Each case lints one button whose
 * parameter lists are given; the suggestions are worked out by hand from the value written.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type Finding } from '../src/index.js';

/** A read action (so that only the rules under test have anything to say) with the given parameter lists. */
function button(lists: { required?: string; optional?: string }): string {
  const attribute = (name: string, value: string | undefined) => (value === undefined ? '' : ` axag-${name}-parameters='${value}'`);
  return (
    '<button axag-intent="product.search" axag-entity="product" axag-action-type="read"' +
    `${attribute('required', lists.required)}${attribute('optional', lists.optional)}>Search</button>\n`
  );
}

/** A project whose config restores AXAG 1.0's names-only parameter lists. */
const namesOnly = mkdtempSync(join(tmpdir(), 'axag-names-'));
writeFileSync(join(namesOnly, '.axag-lint.json'), JSON.stringify({ rules: { 'AXAG-LINT-009': ['error', { parameterItems: 'names' }] } }));

async function findings(lists: { required?: string; optional?: string }, project?: string): Promise<Pick<Finding, 'ruleId' | 'message' | 'suggestion'>[]> {
  const cwd = project ?? '/virtual';
  const results = await lint([{ path: join(cwd, 'page.html'), text: button(lists) }], { cwd, noConfig: project === undefined });
  expect(results.failures).toEqual([]);
  return results.files[0]!.findings.map(({ ruleId, message, suggestion }) => ({ ruleId, message, ...(suggestion !== undefined && { suggestion }) }));
}

const LINT_009 = 'AXAG-LINT-009';
const LINT_008 = 'AXAG-LINT-008';

describe('AXAG-LINT-009 on parameter lists', () => {
  it('accepts typed objects and mixed arrays', async () => {
    expect(await findings({ required: '[{"name":"quantity","type":"integer","min":1}]', optional: '["note",{"name":"gift","type":"boolean"}]' })).toEqual([]);
  });

  it('names the first bad item by index and shows it, once per value', async () => {
    expect(await findings({ required: '["query", 3]' })).toEqual([
      { ruleId: LINT_009, message: 'axag-required-parameters item 1 must be a parameter name or an object with a "name"; got 3' },
    ]);
    expect(await findings({ optional: '[["a"], null, {"type":"string"}]' })).toEqual([
      { ruleId: LINT_009, message: 'axag-optional-parameters item 0 must be a parameter name or an object with a "name"; got ["a"] (also items 1, 2)' },
    ]);
    expect(await findings({ required: '[{"name":""}]' })).toEqual([
      { ruleId: LINT_009, message: 'axag-required-parameters item 0 must be a parameter name or an object with a "name"; got {"name":""}' },
    ]);
  });

  it('repairs single quotes in lists of typed objects', async () => {
    expect(await findings({ required: `[{"name":"a"}]`.replace(/"/g, '&#39;') })).toEqual([
      {
        ruleId: LINT_009,
        message: `axag-required-parameters is not valid JSON: "[{'name':'a'}]"; JSON strings need double quotes: axag-required-parameters='[{"name":"a"}]'`,
        suggestion: '[{"name":"a"}]',
      },
    ]);
  });

  it('puts a lone parameter object in an array', async () => {
    expect(await findings({ required: '{"name":"q","type":"integer"}' })).toEqual([
      {
        ruleId: LINT_009,
        message:
          'axag-required-parameters must be a JSON array of parameter names or typed parameter objects, not an object; ' +
          `put the parameter object in an array: axag-required-parameters='[{"name":"q","type":"integer"}]'`,
        suggestion: '[{"name":"q","type":"integer"}]',
      },
    ]);
  });

  it('with parameterItems "names", offers the names-only array for typed objects (shown when short)', async () => {
    expect(await findings({ required: '["sku",{"name":"quantity","type":"integer"}]' }, namesOnly)).toEqual([
      {
        ruleId: LINT_009,
        message:
          'axag-required-parameters holds typed parameter objects, but parameter lists hold names only here ' +
          `(AXAG-LINT-009 option parameterItems: "names"); write the names only: axag-required-parameters='["sku","quantity"]'`,
        suggestion: '["sku","quantity"]',
      },
    ]);
    const long = JSON.stringify(['product_id', 'variant_id', 'warehouse_id', 'quantity', 'gift_note'].map((name) => ({ name, type: 'string' })));
    expect(await findings({ optional: long }, namesOnly)).toEqual([
      {
        ruleId: LINT_009,
        message:
          'axag-optional-parameters holds typed parameter objects, but parameter lists hold names only here ' +
          '(AXAG-LINT-009 option parameterItems: "names"); write the names only, as a JSON array of strings',
        suggestion: '["product_id","variant_id","warehouse_id","quantity","gift_note"]',
      },
    ]);
  });

  it('with parameterItems "names", repairs single quotes into the names', async () => {
    expect(await findings({ required: `[{"name":"a"},"b"]`.replace(/"/g, '&#39;') }, namesOnly)).toEqual([
      {
        ruleId: LINT_009,
        message: `axag-required-parameters is not valid JSON: "[{'name':'a'},'b']"; JSON strings need double quotes, and parameter lists hold names only here: axag-required-parameters='["a","b"]'`,
        suggestion: '["a","b"]',
      },
    ]);
  });

  it('with parameterItems "names", an item that is not a name is reported without a corrected value', async () => {
    expect(await findings({ required: '["sku",{"type":"integer"}]' }, namesOnly)).toEqual([
      { ruleId: LINT_009, message: 'axag-required-parameters item 1 must be a parameter name (a non-empty string); got {"type":"integer"}' },
    ]);
  });

  it('with parameterItems "names", lists holding objects are not compared (008)', async () => {
    const result = await findings({ required: '[{"name":"q","type":"int"}]', optional: '["q"]' }, namesOnly);
    expect(result.map((finding) => finding.ruleId)).toEqual([LINT_009]);
  });
});

describe('AXAG-LINT-008 with typed objects', () => {
  it('compares names across both forms, once per shared name, at the optional list', async () => {
    expect(await findings({ required: '[{"name":"quantity","type":"integer"}]', optional: '["quantity",{"name":"quantity"}]' })).toEqual([
      { ruleId: LINT_008, message: 'Parameter "quantity" is listed twice in axag-optional-parameters; remove one' },
      { ruleId: LINT_008, message: 'Parameter "quantity" is both required and optional; remove it from axag-optional-parameters or from axag-required-parameters' },
    ]);
  });

  it('reports a name listed twice or more in one list, once', async () => {
    expect(await findings({ required: '["quantity",{"name":"quantity","min":1}]' })).toEqual([
      { ruleId: LINT_008, message: 'Parameter "quantity" is listed twice in axag-required-parameters; remove one' },
    ]);
    expect(await findings({ optional: '["page","page","page"]' })).toEqual([
      { ruleId: LINT_008, message: 'Parameter "page" is listed 3 times in axag-optional-parameters; remove all but one' },
    ]);
  });
});
