/**
 * The AXAG 1.1 macro (spec §8.1): what the reader takes from a macro, the errors it
 * reports with their tokens and suggestions, and the messages other rules give on
 * a macro element. Positions in sources are covered by the fixtures under fixtures/macro.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { readMacro } from '../src/macro/read-macro.js';

/** The fields a macro sets, as `name=value`. */
function fieldsOf(macro: string): string[] {
  return readMacro(macro).fields.map((field) => `${field.name}=${field.value}`);
}

/** Each problem as the text of its token, its message and its suggestion. */
function problemsOf(macro: string): { token: string; message: string; suggestion?: string }[] {
  return readMacro(macro).problems.map(({ span, message, suggestion }) => ({
    token: macro.slice(span.start, span.end),
    message,
    ...(suggestion !== undefined && { suggestion }),
  }));
}

describe('the macro reader: the worked examples of spec §8.1', () => {
  it('write:user.deactivate!critical?approval&roles=security_admin', () => {
    const macro = 'write:user.deactivate!critical?approval&roles=security_admin';
    expect(readMacro(macro).problems).toEqual([]);
    expect(fieldsOf(macro)).toEqual([
      'axag-action-type=write',
      'axag-intent=user.deactivate',
      'axag-entity=user',
      'axag-risk-level=critical',
      'axag-approval-required=true',
      'axag-approval-roles=["security_admin"]',
    ]);
  });

  it('read:product.search!none?idempotent&req=query&opt=category,price_max', () => {
    const macro = 'read:product.search!none?idempotent&req=query&opt=category,price_max';
    expect(readMacro(macro).problems).toEqual([]);
    expect(fieldsOf(macro)).toEqual([
      'axag-action-type=read',
      'axag-intent=product.search',
      'axag-entity=product',
      'axag-risk-level=none',
      'axag-idempotent=true',
      'axag-required-parameters=["query"]',
      'axag-optional-parameters=["category","price_max"]',
    ]);
  });

  it('navigate:settings.open?scope=user has no risk level, which is allowed', () => {
    expect(readMacro('navigate:settings.open?scope=user').problems).toEqual([]);
    expect(fieldsOf('navigate:settings.open?scope=user')).toEqual([
      'axag-action-type=navigate',
      'axag-intent=settings.open',
      'axag-entity=settings',
      'axag-scope=user',
    ]);
  });

  it('every key: booleans bare or explicit, scope and tenant values, lists; the value is trimmed first', () => {
    const macro = '  delete:account.close!high?confirm=false&approval=true&idempotent&async&scope=tenant&tenant=strict&roles=owner,admin&effects=email_sent&req=reason  ';
    expect(readMacro(macro).problems).toEqual([]);
    expect(fieldsOf(macro)).toEqual([
      'axag-action-type=delete',
      'axag-intent=account.close',
      'axag-entity=account',
      'axag-risk-level=high',
      'axag-confirmation-required=false',
      'axag-approval-required=true',
      'axag-idempotent=true',
      'axag-async=true',
      'axag-scope=tenant',
      'axag-tenant-boundary=strict',
      'axag-approval-roles=["owner","admin"]',
      'axag-side-effects=["email_sent"]',
      'axag-required-parameters=["reason"]',
    ]);
  });

  it('each field carries the span of the token that produced it', () => {
    const macro = 'write:cart.add_item!low?confirm&req=sku,qty';
    const spans = readMacro(macro).fields.map((field) => [field.key, macro.slice(field.keySpan.start, field.keySpan.end), macro.slice(field.valueSpan.start, field.valueSpan.end)]);
    expect(spans).toEqual([
      ['type', 'write', 'write'],
      ['intent', 'cart.add_item', 'cart.add_item'],
      ['entity', 'cart', 'cart'],
      ['!', '!low', 'low'],
      ['confirm', 'confirm', 'confirm'],
      ['req', 'req', 'sku,qty'],
    ]);
  });
});

describe('the macro reader: grammar errors at the failing token, with did-you-mean', () => {
  it.each([
    ['no ":"', 'cart.add_item!low', 'cart.add_item', /has no ":"; start it with the action type and ":", e\.g\. "write:cart\.add_item"/, undefined],
    ['no ":" after a bare type', 'write', 'write', /add ":" and the intent after it/, undefined],
    ['a deprecated action type', 'mutate:cart.add_item', 'mutate', /AXAG 1\.1 merged create and mutate into "write"; use "write"/, 'write'],
    ['create', 'create:order.place', 'create', /use "write"/, 'write'],
    ['execute, a synonym of write', 'execute:report.run', 'execute', /Unknown action type "execute".*did you mean "write"\?/, 'write'],
    ['an upper-case action type', 'Write:cart.add_item', 'Write', /did you mean "write"\?/, 'write'],
    ['a misspelt action type', 'wrtie:cart.add_item', 'wrtie', /did you mean "write"\?/, 'write'],
    ['no action type', ':cart.add_item', ':', /no action type before ":"/, undefined],
    ['no intent', 'write:', ':', /no intent after ":"/, undefined],
    ['an intent off the grammar', 'write:Cart.AddItem', 'Cart.AddItem', /not of the form entity\.action.*did you mean "cart\.add_item"\?/, 'cart.add_item'],
    ['an intent with a hyphen', 'navigate:navigation.goto-about-us', 'navigation.goto-about-us', /did you mean "navigation\.goto_about_us"\?/, 'navigation.goto_about_us'],
    ['an intent without a dot', 'write:checkout', 'checkout', /not of the form entity\.action \(lower-case letters and _\)$/, undefined],
    ['an upper-case risk', 'write:cart.add_item!High', 'High', /Unknown risk level "High".*did you mean "high"\?/, 'high'],
    ['a synonym of a risk level', 'delete:account.close!extreme', 'extreme', /did you mean "critical"\?/, 'critical'],
    ['an empty risk', 'write:cart.add_item!', '!', /"!" in the axag macro needs a risk level/, undefined],
    ['a misspelt key', 'write:cart.add_item?idempotant', 'idempotant', /Unknown key "idempotant".*did you mean "idempotent"\?/, 'idempotent'],
    ['a key people write for another', 'write:cart.add_item?required=sku', 'required', /did you mean "req"\?/, 'req'],
    ['a key that belongs in the head', 'write:cart.add_item?risk=high', 'risk', /the risk level goes in the head after "!"/, undefined],
    ['an unknown key, far from any', 'write:cart.add_item?colour=red', 'colour', /the keys are confirm, approval, idempotent, async, scope, tenant, roles, effects, req or opt/, undefined],
    ['a repeated key (the first applies)', 'write:cart.add_item?confirm&confirm=false', 'confirm=false', /appears twice.*the first one applies/, undefined],
    ['a boolean key with another value', 'write:cart.add_item?idempotent=yes', 'yes', /true or false.*not "yes"; did you mean "true"\?/, 'true'],
    ['a boolean key with an empty value', 'write:cart.add_item?idempotent=', 'idempotent=', /has an empty value/, undefined],
    ['a scope outside its set', 'write:team.rename?scope=organization', 'organization', /Unknown scope "organization".*did you mean "tenant"\?/, 'tenant'],
    ['a tenant boundary outside its set', 'write:team.rename?tenant=loose', 'loose', /Unknown tenant boundary "loose" in the axag macro; expected strict or relaxed$/, undefined],
    ['scope without a value', 'write:team.rename?scope', 'scope', /"scope" in the axag macro needs a value: public, user, tenant or global/, undefined],
    ['a list without a value', 'write:cart.add_item?req=', 'req=', /"req" in the axag macro needs a value: a comma-separated list of names/, undefined],
    ['an empty list item', 'write:cart.add_item?req=sku,,qty', ',', /Empty item in "req"/, undefined],
    ['a trailing comma', 'write:cart.add_item?opt=sku,', ',', /Empty item in "opt"/, undefined],
    ['a quoted list item', "write:cart.add_item?req='sku'", "'sku'", /is not a plain name.*write it bare: "sku"/, 'sku'],
    ['nothing after "?"', 'write:cart.add_item?', '?', /Nothing follows "\?"/, undefined],
    ['an extra "&"', 'write:cart.add_item?confirm&&idempotent', '&', /Empty pair in the axag macro/, undefined],
    ['an empty head before "?"', '?idempotent', '?', /must start with "type:intent", e\.g\. "write:cart\.add_item", not with "\?"$/, undefined],
    ['an empty head before "!"', '!high', '!', /not with "!"$/, undefined],
    ['"=" without a key', 'write:cart.add_item?=true', '=', /"=" without a key before it/, undefined],
    ['keys after "&" without "?"', 'write:cart.add_item&idempotent', 'cart.add_item&idempotent', /keys come after "\?": did you mean "cart\.add_item\?idempotent"\?$/, 'cart.add_item?idempotent'],
  ])('%s', (_name, macro, token, message, suggestion) => {
    const problems = problemsOf(macro);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.token).toBe(token);
    expect(problems[0]!.message).toMatch(message);
    expect(problems[0]!.suggestion).toBe(suggestion);
  });

  it('an extra separator at the end is reported once', () => {
    expect(problemsOf('write:cart.add_item?&').map((problem) => problem.token)).toEqual(['&']);
    expect(problemsOf('write:cart.add_item?idempotent&&').map((problem) => problem.token)).toEqual(['&', '&']);
    expect(readMacro('write:cart.add_item?idempotent&&').problems.map((problem) => problem.span.start)).toEqual([30, 31]);
    expect(problemsOf('write:cart.add_item?req=,').map((problem) => problem.token)).toEqual([',']);
    expect(readMacro('write:cart.add_item?req=a,,').problems.map((problem) => problem.span.start)).toEqual([25, 26]);
  });

  it('a repeated key says which one applies', () => {
    expect(problemsOf('read:product.list?scope=bogus&scope=user').map((problem) => problem.message)).toEqual([
      'Unknown scope "bogus" in the axag macro; expected public, user, tenant or global',
      'Key "scope" appears twice in the axag macro; write it once',
    ]);
  });

  it('an empty or blank value is no macro at all', () => {
    expect(readMacro('')).toEqual({ headValid: false, fields: [], problems: [] });
    expect(readMacro(' \n\t ')).toEqual({ headValid: false, fields: [], problems: [] });
  });

  it('a token split by whitespace is not applied, and the whitespace is its only finding', () => {
    expect(problemsOf('write:cart.add_item!hi gh?idempotent').map((problem) => problem.token)).toEqual([' ']);
    expect(fieldsOf('write:cart.add_item!hi gh?idempotent')).not.toContain('axag-risk-level=high');
    const list = readMacro('write:cart.add_item?idempotent&req=sku quantity');
    expect(list.problems).toEqual([
      { message: 'Whitespace inside "req" of the axag macro; separate the names with ","', span: { start: 38, end: 39 }, suggestion: ',' },
    ]);
    expect(list.fields.map((field) => field.name)).not.toContain('axag-required-parameters');
    expect(readMacro('wri te:cart.add_item').headValid).toBe(false);
    expect(problemsOf('wri te:cart.add_item')).toHaveLength(1);
  });

  it('whitespace between tokens is an error of its own, and the rest is still read', () => {
    const macro = 'write: cart.add_item !high';
    expect(problemsOf(macro)).toEqual([
      { token: ' ', message: 'Whitespace inside the axag macro; remove it' },
      { token: ' ', message: 'Whitespace inside the axag macro; remove it' },
    ]);
    expect(readMacro(macro).problems.map((problem) => problem.span.start)).toEqual([6, 20]);
    expect(fieldsOf(macro)).toContain('axag-risk-level=high');
  });

  it('a failed head applies nothing, though the rest is still checked', () => {
    const read = readMacro('mutate:cart.add_item!High?idempotant');
    expect(read.headValid).toBe(false);
    expect(read.fields).toEqual([]);
    expect(read.problems.map((problem) => problem.suggestion)).toEqual(['write', 'high', 'idempotent']);
  });

  it('a failed part leaves the valid parts applied', () => {
    const read = readMacro('write:cart.add_item!extreme?idempotent&scope=org');
    expect(read.headValid).toBe(true);
    expect(fieldsOf('write:cart.add_item!extreme?idempotent&scope=org')).toEqual([
      'axag-action-type=write',
      'axag-intent=cart.add_item',
      'axag-entity=cart',
      'axag-idempotent=true',
    ]);
  });
});

describe('messages on a macro element speak the macro', () => {
  const findings = async (html: string) => {
    const results = await lint([{ path: '/virtual/page.html', text: html }], { noConfig: true, cwd: '/virtual' });
    return results.files[0]!.findings.map((finding) => `${finding.ruleId}: ${finding.message}`);
  };

  it('006, 007 and 012 say what to add to the macro', async () => {
    expect(await findings('<button axag="write:user.deactivate!critical?approval">Deactivate</button>')).toEqual([
      'AXAG-LINT-006: Action "user.deactivate" (<button>) has "!critical" in the axag macro but no confirmation; add "confirm" to the axag macro',
      'AXAG-LINT-007: Action "user.deactivate" (<button>) is a "write" action but does not say whether it is idempotent; add "idempotent" or "idempotent=false" to the axag macro',
      'AXAG-LINT-012: Action "user.deactivate" (<button>) requires approval but names no approver roles; add "roles=…" to the axag macro, e.g. "roles=admin"',
    ]);
  });

  it('006 names a confirm=false in the macro, and a longhand value in its own terms', async () => {
    expect(await findings('<button axag="delete:account.close!high?confirm=false&idempotent">Close</button>')).toEqual([
      'AXAG-LINT-006: Action "account.close" (<button>) has "!high" in the axag macro but "confirm=false"; change it to "confirm"',
    ]);
    expect(await findings('<button axag="delete:account.close!high?idempotent" axag-confirmation-required="false">Close</button>')).toEqual([
      'AXAG-LINT-006: Action "account.close" (<button>) has "!high" in the axag macro but axag-confirmation-required is "false"; set axag-confirmation-required="true"',
    ]);
  });

  it('011 asks for scope=… in the macro and names a macro signal as written', async () => {
    expect(await findings('<button axag="write:team.rename!low?idempotent&tenant=strict">Rename</button>')).toEqual([
      'AXAG-LINT-011: Action "team.rename" (<button>) is tenant-sensitive ("tenant=strict" in the axag macro) but has no axag-scope; add "scope=…" to the axag macro (e.g. "scope=tenant"), or axag-scope on an enclosing element',
    ]);
  });

  it('longhand elements keep their longhand messages', async () => {
    expect(await findings('<button axag-intent="cart.clear" axag-entity="cart" axag-action-type="delete" axag-risk-level="high">Clear</button>')).toEqual([
      'AXAG-LINT-006: Action "cart.clear" (<button>) has axag-risk-level "high" but axag-confirmation-required is missing; set axag-confirmation-required="true"',
      'AXAG-LINT-007: Action "cart.clear" (<button>) has axag-action-type "delete" but does not declare axag-idempotent; add axag-idempotent="true" or "false"',
    ]);
  });

  it('001–003 on an empty macro mention it; a macro with a failed head gets none of them', async () => {
    expect(await findings('<button axag="">Add</button>')).toEqual([
      'AXAG-LINT-001: <button> has an empty axag attribute and no axag-intent; write the macro, e.g. axag="write:cart.add_item", or add axag-intent="entity.action"',
      'AXAG-LINT-002: <button> has an empty axag attribute and no axag-entity; write the macro, whose intent gives the entity, or add axag-entity="entity"',
      'AXAG-LINT-003: <button> has an empty axag attribute and no axag-action-type; write the macro, e.g. axag="write:cart.add_item", or add axag-action-type (one of read, write, delete, navigate)',
    ]);
    expect(await findings('<button axag="write-cart.add_item">Add</button>')).toEqual([
      'axag/macro-syntax: The axag macro must start with "type:intent", and "write-cart.add_item" has no ":"; write the action type, ":" and the intent, e.g. "write:cart.add_item"',
    ]);
  });

  it('004 and 005 suggest what a synonym stands for (spec §9.3), and name a macro value as written', async () => {
    expect(await findings('<button axag-intent="a.b" axag-entity="a" axag-action-type="update" axag-risk-level="extreme" axag-idempotent="true">x</button>')).toEqual([
      'AXAG-LINT-004: Invalid axag-action-type "update"; expected one of read, write, delete, navigate; did you mean "write"?',
      'AXAG-LINT-005: Invalid axag-risk-level "extreme"; expected one of none, low, medium, high, critical; did you mean "critical"?',
    ]);
  });

  it('macro-conflict shows a longhand list as written', async () => {
    expect(await findings(`<button axag="write:a.b!low?idempotent&req=a" axag-required-parameters='["b"]'>x</button>`)).toEqual([
      'axag/macro-conflict: axag-required-parameters ["b"] conflicts with "req=a" in the axag macro; the longhand value is the one used, so remove one of them or make them agree',
    ]);
  });

  it('macro-conflict names both values and says the longhand one is used', async () => {
    expect(await findings('<button axag="write:cart.add_item!low?idempotent&roles=a,b" axag-risk-level="high" axag-approval-roles=\'["b","a"]\'>Add</button>')).toEqual([
      'AXAG-LINT-006: Action "cart.add_item" (<button>) has axag-risk-level "high" but no confirmation; add "confirm" to the axag macro',
      'axag/macro-conflict: axag-risk-level "high" conflicts with "!low" in the axag macro; the longhand value is the one used, so remove one of them or make them agree',
    ]);
  });
});

describe('findings about lists the macro gave name its keys', () => {
  it('008 on req and opt', async () => {
    const results = await lint([{ path: '/virtual/page.html', text: '<button axag="read:product.search?idempotent&req=query&opt=query,page,page">Go</button>' }], {
      noConfig: true,
      cwd: '/virtual',
    });
    expect(results.files[0]!.findings.map((finding) => finding.message)).toEqual([
      'Parameter "page" is listed twice in "opt" in the axag macro; remove one',
      'Parameter "query" is both required and optional; remove it from "opt" in the axag macro or from "req" in the axag macro',
    ]);
  });
});
