/**
 * axag/unknown-attribute (spec §9.1, §9.2): the advice each unknown name gets, which the fixtures do not state, and
 * the messages of 001–003 when the element carries a misspelling of the identity attribute they miss. Expected
 * advice is the alias table of §9.2 written out, then the did-you-mean steps in the spec's order.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type Finding } from '../src/index.js';

const RULE = 'axag/unknown-attribute';

async function findings(path: string, text: string): Promise<Pick<Finding, 'ruleId' | 'message' | 'suggestion' | 'line' | 'column'>[]> {
  const results = await lint([{ path: join('/virtual', path), text }], { cwd: '/virtual', noConfig: true });
  expect(results.failures).toEqual([]);
  return results.files[0]!.findings.map(({ ruleId, message, suggestion, line, column }) => ({
    ruleId,
    message,
    line,
    column,
    ...(suggestion !== undefined && { suggestion }),
  }));
}

/** The unknown-attribute finding for one attribute on an otherwise complete read action. */
async function adviceFor(attribute: string): Promise<Pick<Finding, 'message' | 'suggestion'> | undefined> {
  const html = `<button axag-intent="product.search" axag-entity="product" axag-action-type="read" ${attribute}="x">Search</button>\n`;
  const found = (await findings('page.html', html)).filter((finding) => finding.ruleId === RULE);
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0] && { message: found[0].message, ...(found[0].suggestion !== undefined && { suggestion: found[0].suggestion }) };
}

const renamed = (name: string, meant: string) => ({ message: `Unknown AXAG attribute ${name}; did you mean ${meant}?`, suggestion: meant });

describe('the alias table (spec §9.2)', () => {
  it.each([
    ['axag-required-params', 'axag-required-parameters'],
    ['axag-optional-params', 'axag-optional-parameters'],
    ['axag-req', 'axag-required-parameters'],
    ['axag-opt', 'axag-optional-parameters'],
    ['axag-requires-confirmation', 'axag-confirmation-required'],
    ['axag-confirm', 'axag-confirmation-required'],
    ['axag-confirmation', 'axag-confirmation-required'],
    ['axag-approval', 'axag-approval-required'],
    ['axag-effects', 'axag-side-effects'],
    ['axag-risk', 'axag-risk-level'],
    ['axag-type', 'axag-action-type'],
    ['axag-action', 'axag-action-type'],
    ['axag-actiontype', 'axag-action-type'],
    ['axag-idempotency', 'axag-idempotent'],
    ['axag-idempotence', 'axag-idempotent'],
    ['axag-macro', 'axag'],
    ['axag-shorthand', 'axag'],
  ])('%s → %s, the one name meant (so it is the suggestion)', async (name, meant) => {
    expect(await adviceFor(name)).toEqual(renamed(name, meant));
  });

  it('axag-params: either list, so no single suggestion', async () => {
    expect(await adviceFor('axag-params')).toEqual({
      message: 'Unknown AXAG attribute axag-params; did you mean axag-required-parameters or axag-optional-parameters?',
    });
  });

  it.each([
    ['axag-roles', 'axag-approval-roles', 'axag-required-roles'],
    ['axag-tenant', 'axag-tenant-boundary', 'axag-scope'],
    ['axag-tenant-scope', 'axag-tenant-boundary', 'axag-scope'],
  ])('%s → %s (or %s): no single suggestion', async (name, meant, other) => {
    expect(await adviceFor(name)).toEqual({ message: `Unknown AXAG attribute ${name}; did you mean ${meant} (or ${other})?` });
  });

  it('axag-parameter-schema → typed parameter objects or axag-schema', async () => {
    expect(await adviceFor('axag-parameter-schema')).toEqual({
      message:
        'Unknown AXAG attribute axag-parameter-schema; describe the parameters with typed parameter objects in ' +
        'axag-required-parameters / axag-optional-parameters (e.g. [{"name":"quantity","type":"integer"}]), or bind them to a schema with axag-schema',
    });
  });

  it.each(['axag-undo-supported', 'axag-auth-required'])('%s has no equivalent: an axag-x-… extension', async (name) => {
    expect(await adviceFor(name)).toEqual({
      message: `Unknown AXAG attribute ${name}; AXAG has no equivalent; use an axag-x-… extension attribute such as axag-x-${name.slice(5)}`,
    });
  });

  it('finds an alias written with "_" or without a "-" as well', async () => {
    expect(await adviceFor('axag-required_params')).toEqual(renamed('axag-required_params', 'axag-required-parameters'));
    expect(await adviceFor('axag-requiresconfirmation')).toEqual(renamed('axag-requiresconfirmation', 'axag-confirmation-required'));
  });
});

describe('did-you-mean beyond the alias table', () => {
  it('ignoring case, "-" and "_" first, however many characters that is', async () => {
    expect(await adviceFor('axag-confirmation_required')).toEqual(renamed('axag-confirmation_required', 'axag-confirmation-required'));
    expect(await adviceFor('axag-parameterminlength')).toEqual(renamed('axag-parameterminlength', 'axag-parameter-min-length'));
  });

  it('then the closest name within two edits', async () => {
    expect(await adviceFor('axag-intnet')).toEqual(renamed('axag-intnet', 'axag-intent'));
    expect(await adviceFor('axag-descriptoin')).toEqual(renamed('axag-descriptoin', 'axag-description'));
    expect(await adviceFor('axag-tenant-boundry')).toEqual(renamed('axag-tenant-boundry', 'axag-tenant-boundary'));
  });

  it('else no name: check the spelling, or an extension', async () => {
    expect(await adviceFor('axag-priority')).toEqual({
      message: 'Unknown AXAG attribute axag-priority; check the spelling against the AXAG vocabulary, or name data of your own axag-x-priority',
    });
  });

  it('a mistyped extension prefix: the extension meant', async () => {
    expect(await adviceFor('axag-x_owner')).toEqual({
      message: 'Unknown AXAG attribute axag-x_owner; extension attributes start with axag-x-; did you mean axag-x-owner?',
      suggestion: 'axag-x-owner',
    });
  });

  it('never reports a name of the vocabulary, the macro, an extension, or a name that is no AXAG attribute', async () => {
    for (const name of ['axag-tenant-context', 'axag-cross-tenant', 'axag-widget-provider', 'axag-params-from', 'axag-x-undo-supported', 'data-axag-foo']) {
      expect(await adviceFor(name)).toBeUndefined();
    }
  });
});

describe('001–003 name a misspelt identity attribute on the element (spec §9.1)', () => {
  it('instead of the usual advice, each naming the attribute found and the one meant', async () => {
    const html = [
      '<button axag-intnet="order.track" axag-entity="order" axag-action-type="read">Track</button>',
      '<button axag-intent="order.print" axag-Entiy="order" axag-action-type="read">Print</button>',
      '<button axag-intent="order.export" axag-entity="order" axag-type="read">Export</button>',
      '',
    ].join('\n');
    const identity = (await findings('page.html', html)).filter((finding) => finding.ruleId !== RULE);
    expect(identity).toEqual([
      { ruleId: 'AXAG-LINT-001', message: '<button> has AXAG attributes but no axag-intent; found axag-intnet; did you mean axag-intent?', line: 1, column: 2 },
      { ruleId: 'AXAG-LINT-002', message: 'Action "order.print" (<button>) has no axag-entity; found axag-entiy; did you mean axag-entity?', line: 2, column: 2 },
      { ruleId: 'AXAG-LINT-003', message: 'Action "order.export" (<button>) has no axag-action-type; found axag-type; did you mean axag-action-type?', line: 3, column: 2 },
    ]);
  });

  it('only when the misspelling stands for the attribute missing: other unknown names leave the usual message', async () => {
    const html = '<button axag-entity="order" axag-action-type="read" axag-descripton="Track" axag-macro="read:order.track">Track</button>\n';
    const [missingIntent] = (await findings('page.html', html)).filter((finding) => finding.ruleId === 'AXAG-LINT-001');
    expect(missingIntent!.message).toBe('<button> has AXAG attributes but no axag-intent; add axag-intent="entity.action" naming what it does');
  });

  it('in JSX, where names keep their case: axag-Intent is not axag-intent', async () => {
    const jsx = 'export const A = () => <button axag-Intent="order.track" axag-entity="order" axag-action-type="read">Track</button>;\n';
    expect(await findings('a.jsx', jsx)).toEqual([
      { ruleId: 'AXAG-LINT-001', message: '<button> has AXAG attributes but no axag-intent; found axag-Intent; did you mean axag-intent?', line: 1, column: 25 },
      { ruleId: RULE, message: 'Unknown AXAG attribute axag-Intent; did you mean axag-intent?', line: 1, column: 32, suggestion: 'axag-intent' },
    ]);
  });
});

describe('names computed at run time', () => {
  it('a bound value under an unknown name is reported at the name as written (Vue)', async () => {
    const vue = '<template>\n  <button axag-intent="order.track" axag-entity="order" axag-action-type="read" :axag-req="fields">Track</button>\n</template>\n';
    expect(await findings('a.vue', vue)).toEqual([
      { ruleId: RULE, message: 'Unknown AXAG attribute axag-req; did you mean axag-required-parameters?', line: 2, column: 81, suggestion: 'axag-required-parameters' },
    ]);
  });
});
