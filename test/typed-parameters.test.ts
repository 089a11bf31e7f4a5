/**
 * Typed parameter objects (spec §8.2): the exact messages and corrected values (`suggestion`) of AXAG-LINT-008,
 * AXAG-LINT-009 and axag/parameter-object, which the fixtures do not state. Each case lints one button whose
 * parameter lists are given; the suggestions are worked out by hand from the value written.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
afterAll(() => rmSync(namesOnly, { recursive: true, force: true }));

async function findings(lists: { required?: string; optional?: string }, project?: string): Promise<Pick<Finding, 'ruleId' | 'message' | 'suggestion'>[]> {
  const cwd = project ?? '/virtual';
  const results = await lint([{ path: join(cwd, 'page.html'), text: button(lists) }], { cwd, noConfig: project === undefined });
  expect(results.failures).toEqual([]);
  return results.files[0]!.findings.map(({ ruleId, message, suggestion }) => ({ ruleId, message, ...(suggestion !== undefined && { suggestion }) }));
}

const LINT_009 = 'AXAG-LINT-009';
const LINT_008 = 'AXAG-LINT-008';
const OBJECT = 'axag/parameter-object';

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

  it('with parameterItems "names", lists holding objects are neither compared (008) nor looked into (parameter-object)', async () => {
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

describe('axag/parameter-object', () => {
  /** The findings of axag/parameter-object for one required list. */
  const objectFindings = async (required: string) => (await findings({ required })).filter((finding) => finding.ruleId === OBJECT);

  it.each([
    // [required list, message after the item label, corrected list or undefined]
    ['[{"name":"quantity","type":"int"}]', 'unknown type "int"; did you mean "integer"?', '[{"name":"quantity","type":"integer"}]'],
    ['[{"name":"quantity","type":"Integer"}]', 'unknown type "Integer"; did you mean "integer"?', '[{"name":"quantity","type":"integer"}]'],
    ['[{"name":"quantity","type":"double"}]', 'unknown type "double"; did you mean "number"?', '[{"name":"quantity","type":"number"}]'],
    ['[{"name":"quantity","type":"nmber"}]', 'unknown type "nmber"; did you mean "number"?', '[{"name":"quantity","type":"number"}]'],
    ['[{"name":"quantity","type":"money"}]', 'unknown type "money"; use one of string, number, integer, boolean, array, object', undefined],
    ['[{"name":"quantity","type":"datetime"}]', 'unknown type "datetime"; write "type": "string" with "format": "datetime"', '[{"name":"quantity","type":"string","format":"datetime"}]'],
    // The object already has another format: which one is meant is the author's choice.
    ['[{"name":"quantity","type":"date","format":"email"}]', 'unknown type "date"; write "type": "string" with "format": "date"', undefined],
    ['[{"name":"quantity","type":"enum","enum":["a"]}]', 'unknown type "enum"; write "type": "string" with an "enum" array of the allowed values', '[{"name":"quantity","type":"string","enum":["a"]}]'],
    // No enum to keep: the allowed values are the author's to write.
    ['[{"name":"quantity","type":"enum"}]', 'unknown type "enum"; write "type": "string" with an "enum" array of the allowed values', undefined],
  ])('type: %s', async (required, problem, suggestion) => {
    expect(await objectFindings(required)).toEqual([
      { ruleId: OBJECT, message: `axag-required-parameters[0] ("quantity"): ${problem}`, ...(suggestion && { suggestion }) },
    ]);
  });

  it.each([
    ['[{"name":"quantity","minlength":1}]', 'unknown key "minlength"; did you mean "minLength"?', '[{"name":"quantity","minLength":1}]'],
    ['[{"name":"quantity","maximum":9,"min":1}]', 'unknown key "maximum"; did you mean "max"?', '[{"name":"quantity","max":9,"min":1}]'],
    // Renaming would overwrite the key already there.
    ['[{"name":"quantity","minLength":1,"minlength":2}]', 'unknown key "minlength"; did you mean "minLength"?', undefined],
    [
      '[{"name":"quantity","colour":"red"}]',
      'unknown key "colour"; a parameter object takes name, type, description, enum, min, max, minLength, maxLength, pattern, format, default, items, properties',
      undefined,
    ],
    [
      '[{"name":"quantity","required":true}]',
      '"required" is not a key of a parameter object; the parameter is already required because it is in axag-required-parameters: remove the key',
      '[{"name":"quantity"}]',
    ],
    ['[{"name":"quantity","required":false}]', '"required" is not a key of a parameter object; list the parameter in axag-optional-parameters instead', undefined],
  ])('key: %s', async (required, problem, suggestion) => {
    expect(await objectFindings(required)).toEqual([
      { ruleId: OBJECT, message: `axag-required-parameters[0] ("quantity"): ${problem}`, ...(suggestion && { suggestion }) },
    ]);
  });

  it('"required" in the optional list asks to move the parameter, or to drop a redundant false', async () => {
    expect(await findings({ optional: '[{"name":"gift","required":true},{"name":"note","required":false}]' })).toEqual([
      { ruleId: OBJECT, message: 'axag-optional-parameters[0] ("gift"): "required" is not a key of a parameter object; list the parameter in axag-required-parameters instead' },
      {
        ruleId: OBJECT,
        message: 'axag-optional-parameters[1] ("note"): "required" is not a key of a parameter object; the parameter is already optional because it is in axag-optional-parameters: remove the key',
        suggestion: '[{"name":"gift","required":true},{"name":"note"}]',
      },
    ]);
  });

  it.each([
    ['[{"name":"quantity","format":"date-time"}]', 'unknown format "date-time"; did you mean "datetime"?', '[{"name":"quantity","format":"datetime"}]'],
    ['[{"name":"quantity","format":"phone"}]', 'unknown format "phone"; use one of email, url, date, datetime, uuid, or a "pattern"', undefined],
    ['[{"name":"quantity","min":5,"max":1}]', '"min" (5) is greater than "max" (1); no value can satisfy both', undefined],
    ['[{"name":"quantity","minLength":5,"maxLength":1}]', '"minLength" (5) is greater than "maxLength" (1); no value can satisfy both', undefined],
    ['[{"name":"quantity","enum":"a,b"}]', '"enum" must be an array of the allowed values; got "a,b"', undefined],
    ['[{"name":"quantity","min":"1"}]', '"min" must be a number; got "1"', '[{"name":"quantity","min":1}]'],
    ['[{"name":"quantity","max":"lots"}]', '"max" must be a number; got "lots"', undefined],
    ['[{"name":"quantity","maxLength":"20"}]', '"maxLength" must be an integer ≥ 0; got "20"', '[{"name":"quantity","maxLength":20}]'],
    ['[{"name":"quantity","minLength":"-1"}]', '"minLength" must be an integer ≥ 0; got "-1"', undefined],
    ['[{"name":"quantity","pattern":"[0-9"}]', '"pattern" is not a valid regular expression: Unterminated character class', undefined],
    ['[{"name":"quantity","pattern":"\\\\d+\\\\-\\\\d+"}]', '"pattern" is not a valid regular expression with the "u" flag that JSON Schema validators use: Invalid escape', undefined],
    ['[{"name":"quantity","pattern":5}]', '"pattern" must be a string holding a regular expression; got 5', undefined],
    ['[{"name":"quantity","description":["a"]}]', '"description" must be a string; got ["a"]', undefined],
    ['[{"name":"quantity","items":"string"}]', '"items" must be an object describing each item, e.g. {"type":"string"}; got "string"', undefined],
    ['[{"name":"quantity","properties":[]}]', '"properties" must be an object that describes each property by name, e.g. {"city":{"type":"string"}}; got []', undefined],
  ])('value: %s', async (required, problem, suggestion) => {
    expect(await objectFindings(required)).toEqual([
      { ruleId: OBJECT, message: `axag-required-parameters[0] ("quantity"): ${problem}`, ...(suggestion && { suggestion }) },
    ]);
  });

  it('one finding per problem, each corrected value fixing only its own problem, items named by index', async () => {
    expect(await objectFindings('["sku",{"name":"quantity","type":"int","minlength":1}]')).toEqual([
      {
        ruleId: OBJECT,
        message: 'axag-required-parameters[1] ("quantity"): unknown key "minlength"; did you mean "minLength"?',
        suggestion: '["sku",{"name":"quantity","type":"int","minLength":1}]',
      },
      {
        ruleId: OBJECT,
        message: 'axag-required-parameters[1] ("quantity"): unknown type "int"; did you mean "integer"?',
        suggestion: '["sku",{"name":"quantity","type":"integer","minlength":1}]',
      },
    ]);
  });
});
