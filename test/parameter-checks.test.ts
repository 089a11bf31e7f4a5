/**
 * The exact messages and suggested values of axag/parameter-type, axag/params-from, axag/schema-ref and
 * axag/tenant-parameter, which the fixtures do not state: each says what is wrong, where, and how to fix it, in the
 * author's terms (the macro's keys on a macro). Every expected text is worked out from the value written.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';

const RULES = ['axag/parameter-type', 'axag/params-from', 'axag/schema-ref', 'axag/tenant-parameter'];

/** The findings of the four rules on one HTML page, with tenant-parameter turned on as strict has it. */
async function findings(html: string, path = '/virtual/page.html') {
  const results = await lint([{ path, text: html }], { cwd: '/virtual', noConfig: true, ruleOverrides: { 'axag/tenant-parameter': 'error' } });
  expect(results.failures).toEqual([]);
  return results.files[0]!.findings
    .filter((finding) => RULES.includes(finding.ruleId))
    .map(({ ruleId, message, suggestion }) => ({ ruleId, message, ...(suggestion !== undefined && { suggestion }) }));
}

const PARAMETER_TYPE = 'axag/parameter-type';
const PARAMS_FROM = 'axag/params-from';
const SCHEMA_REF = 'axag/schema-ref';
const TENANT_PARAMETER = 'axag/tenant-parameter';
const TYPES = 'string, number, integer, boolean, array, object';
const FORMATS = 'email, url, date, datetime, uuid';
const input = (attributes: string) => `<input name="x" axag-parameter="x" ${attributes}>\n`;

describe('axag/parameter-type', () => {
  it('suggests the type meant: a synonym, a case slip, the closest type', async () => {
    expect(await findings(input('axag-parameter-type="int"'))).toEqual([
      { ruleId: PARAMETER_TYPE, message: `Invalid axag-parameter-type "int"; expected one of ${TYPES}; did you mean "integer"?`, suggestion: 'integer' },
    ]);
    expect(await findings(input('axag-parameter-type=" Boolean "'))).toEqual([
      { ruleId: PARAMETER_TYPE, message: `Invalid axag-parameter-type "Boolean"; expected one of ${TYPES}; did you mean "boolean"?`, suggestion: 'boolean' },
    ]);
    expect(await findings(input('axag-parameter-type="strng"'))).toEqual([
      { ruleId: PARAMETER_TYPE, message: `Invalid axag-parameter-type "strng"; expected one of ${TYPES}; did you mean "string"?`, suggestion: 'string' },
    ]);
    expect(await findings(input('axag-parameter-type="money"'))).toEqual([{ ruleId: PARAMETER_TYPE, message: `Invalid axag-parameter-type "money"; expected one of ${TYPES}` }]);
    expect(await findings(input('axag-parameter-type=""'))).toEqual([{ ruleId: PARAMETER_TYPE, message: `axag-parameter-type is empty; set it to one of ${TYPES}` }]);
  });

  it('a format written as a type asks for "string" with the format; the type alone is the fix once the format is there', async () => {
    expect(await findings(input('axag-parameter-type="datetime"'))).toEqual([
      {
        ruleId: PARAMETER_TYPE,
        message: 'Invalid axag-parameter-type "datetime": "datetime" is a format of strings; write axag-parameter-type="string" with axag-parameter-format="datetime"',
      },
    ]);
    expect(await findings(input('axag-parameter-type="date" axag-parameter-format="date"'))).toEqual([
      { ruleId: PARAMETER_TYPE, message: 'Invalid axag-parameter-type "date": "date" is a format of strings; write axag-parameter-type="string"', suggestion: 'string' },
    ]);
  });

  it('"enum" as a type asks for "string" with axag-parameter-enum', async () => {
    expect(await findings(input('axag-parameter-type="enum"'))).toEqual([
      {
        ruleId: PARAMETER_TYPE,
        message: 'Invalid axag-parameter-type "enum": an enum is a string with a list of allowed values; write axag-parameter-type="string" and list the allowed values in axag-parameter-enum',
      },
    ]);
    expect(await findings(input(`axag-parameter-type="enum" axag-parameter-enum='["s","m"]'`))).toEqual([
      { ruleId: PARAMETER_TYPE, message: 'Invalid axag-parameter-type "enum": an enum is a string with a list of allowed values; write axag-parameter-type="string"', suggestion: 'string' },
    ]);
  });

  it('suggests the format meant, or a pattern for any other format', async () => {
    expect(await findings(input('axag-parameter-format="date-time"'))).toEqual([
      { ruleId: PARAMETER_TYPE, message: `Invalid axag-parameter-format "date-time"; expected one of ${FORMATS}; did you mean "datetime"?`, suggestion: 'datetime' },
    ]);
    expect(await findings(input('axag-parameter-format="phone"'))).toEqual([
      { ruleId: PARAMETER_TYPE, message: `Invalid axag-parameter-format "phone"; expected one of ${FORMATS}; for any other format, describe it with axag-parameter-pattern` },
    ]);
  });
});

const action = (attributes: string) =>
  `<button axag-intent="order.place" axag-entity="order" axag-action-type="write" axag-risk-level="low" axag-idempotent="false" ${attributes}>Go</button>\n`;

describe('axag/params-from', () => {
  it('says what a malformed reference is, with the reference meant', async () => {
    const form = '<form id="checkout"></form>\n';
    expect(await findings(form + action('axag-params-from="checkout"'))).toEqual([
      { ruleId: PARAMS_FROM, message: 'axag-params-from "checkout" lacks the "#"; did you mean "#checkout"?', suggestion: '#checkout' },
    ]);
    expect(await findings(form + action('axag-params-from="form#checkout"'))).toEqual([
      { ruleId: PARAMS_FROM, message: 'axag-params-from "form#checkout" is a CSS selector, not "#" and an id; did you mean "#checkout"?', suggestion: '#checkout' },
    ]);
    expect(await findings(form + action('axag-params-from=".checkout"'))).toEqual([
      { ruleId: PARAMS_FROM, message: 'axag-params-from ".checkout" is not "#" and an id; write "#" and the id of the form whose controls supply the parameters' },
    ]);
    expect(await findings(form + action('axag-params-from=""'))).toEqual([
      { ruleId: PARAMS_FROM, message: 'axag-params-from is empty; write "#" and the id of the form whose controls supply the parameters' },
    ]);
  });

  it('names the id that is missing, with the id meant (a slip, or the one id that extends it), else the ids the file has', async () => {
    const forms = '<form id="checkout-form"></form><div id="shipping"></div>\n';
    expect(await findings(forms + action('axag-params-from="#shiping"'))).toEqual([
      { ruleId: PARAMS_FROM, message: 'axag-params-from "#shiping" names no element of this file: none has id="shiping"; did you mean "#shipping"?', suggestion: '#shipping' },
    ]);
    expect(await findings(forms + action('axag-params-from="#checkout"'))).toEqual([
      { ruleId: PARAMS_FROM, message: 'axag-params-from "#checkout" names no element of this file: none has id="checkout"; did you mean "#checkout-form"?', suggestion: '#checkout-form' },
    ]);
    expect(await findings(forms + action('axag-params-from="#payment"'))).toEqual([
      {
        ruleId: PARAMS_FROM,
        message:
          'axag-params-from "#payment" names no element of this file: none has id="payment"; give the form whose controls supply the parameters that id, or name one the file has ("#checkout-form", "#shipping")',
      },
    ]);
    expect(await findings(action('axag-params-from="#payment"'))).toEqual([
      { ruleId: PARAMS_FROM, message: 'axag-params-from "#payment" names no element of this file: none has id="payment"; give the form whose controls supply the parameters that id' },
    ]);
  });
});

describe('axag/schema-ref', () => {
  it.each([
    ['zod:', 'axag-schema "zod:" names no file; write "zod:", the file that exports the schema, and "#" and the export if it is not the default one'],
    ['zod:cart.ts#', 'axag-schema "zod:cart.ts#" has nothing after "#"; did you mean "zod:cart.ts"?', 'zod:cart.ts'],
    ['zod:cart.ts#add-item', 'axag-schema "zod:cart.ts#add-item" names the export "add-item", which is not a JavaScript identifier; write "#" and the name the file exports the schema under'],
    ['zod:api.yaml#addItem', 'axag-schema "zod:api.yaml#addItem" names a YAML or JSON file, which holds no Zod schema; did you mean "openapi:api.yaml#addItem"?', 'openapi:api.yaml#addItem'],
    ['openapi:api.yaml', 'axag-schema "openapi:api.yaml" names a file but no operation; add "#" and the operationId: "openapi:api.yaml#<operationId>"'],
    ['openapi:#addItem', 'axag-schema "openapi:#addItem" has "#" but no file before it; did you mean "openapi:addItem"?', 'openapi:addItem'],
    ['cart.ts#AddItem', 'axag-schema "cart.ts#AddItem" has no "zod:" or "openapi:" prefix; did you mean "zod:cart.ts#AddItem"?', 'zod:cart.ts#AddItem'],
    ['ZOD:cart.ts', 'axag-schema "ZOD:cart.ts" has the prefix "ZOD:", not "zod:"; did you mean "zod:cart.ts"?', 'zod:cart.ts'],
    ['swagger:addItem', 'axag-schema "swagger:addItem" has the prefix "swagger:", not "openapi:"; did you mean "openapi:addItem"?', 'openapi:addItem'],
    ['yup:cart.ts', 'axag-schema "yup:cart.ts" names a yup schema; axag-schema takes Zod schemas and OpenAPI operations only; write "zod:<file>[#<export>]" or "openapi:[<file>#]<operationId>"'],
    ['', 'axag-schema is empty; write "zod:<file>[#<export>]" or "openapi:[<file>#]<operationId>"'],
  ])('%j', async (value, message, suggestion?: string) => {
    expect(await findings(action(`axag-schema="${value}"`))).toEqual([{ ruleId: SCHEMA_REF, message, ...(suggestion !== undefined && { suggestion }) }]);
  });
});

describe('axag/tenant-parameter', () => {
  it('names the action, why it is tenant-scoped, the list and the parameter, in longhand terms', async () => {
    expect(await findings(`<section axag-scope="tenant">${action(`axag-required-parameters='["item_id","tenant_id"]'`)}</section>`)).toEqual([
      {
        ruleId: TENANT_PARAMETER,
        message:
          'Action "order.place" (<button>) is tenant-scoped (axag-scope "tenant") but axag-required-parameters lets the agent choose the tenant with ' +
          '"tenant_id"; the server must take the tenant from the session: remove "tenant_id" from the list',
      },
    ]);
  });

  it('in the macro\'s terms on a macro: the scope and the req/opt key as written', async () => {
    expect(await findings('<button axag="write:order.place!low?idempotent=false&tenant=strict&opt=orgId">Go</button>\n')).toEqual([
      {
        ruleId: TENANT_PARAMETER,
        message:
          'Action "order.place" (<button>) is tenant-scoped ("tenant=strict" in the axag macro) but "opt" in the axag macro lets the agent choose the tenant ' +
          'with "orgId"; the server must take the tenant from the session: remove "orgId" from "opt"',
      },
    ]);
  });

  it('says nothing in the recommended preset', async () => {
    const results = await lint([{ path: '/virtual/page.html', text: action(`axag-scope="tenant" axag-required-parameters='["tenant_id"]'`) }], { cwd: '/virtual', noConfig: true });
    expect(results.files[0]!.findings).toEqual([]);
  });
});
