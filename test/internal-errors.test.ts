/**
 * Issue 12, internal failures: a check or parser that throws on a file is a bug in axag. It becomes an
 * `axag/internal-error` finding on that file naming what failed and asking for a bug report; the file's other
 * checks and the other files are still linted; the run exits 2; the stack trace only with --debug. A failure
 * outside any file stops the run: then the CI formats say the run failed and no stale report is left behind.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { ALL_CHECKS } from '../src/engine/checks.js';
import type { Rule } from '../src/rule.js';
import { assertBuilt, axag, parsePretty, project, removeProjects, ROOT } from './cli-helpers.js';

beforeAll(assertBuilt);
afterAll(removeProjects);

const INJECT = pathToFileURL(join(ROOT, 'test', 'support', 'inject-failures.mjs')).href;

/** AXAG-LINT-002 (no entity) on both lines, AXAG-LINT-007 (a write without axag-idempotent) on the first. */
const PAGE =
  '<button axag-intent="cart.add_item" axag-action-type="write" axag-risk-level="low">Add</button>\n' +
  '<button axag-intent="cart.view" axag-action-type="read">View</button>\n';

/** A rule of a test or plugin that throws on elements named <marquee>, and reports nothing otherwise. */
const throwing: Rule = {
  id: 'test/throws',
  name: 'throws',
  severity: 'error',
  strictSeverity: 'error',
  description: 'Throws on <marquee>.',
  docs: { what: 'w', why: 'w', failing: '<marquee>', passing: '<p>' },
  defaultOptions: {},
  check: ({ model }) => {
    if (model.elements.some(({ element }) => element.tag === 'marquee')) throw new RangeError('boom in a test rule');
    return [];
  },
};

describe('the library: a throwing check', () => {
  it('is an axag/internal-error finding on that file; its other checks and the other files still run', async () => {
    const cwd = project({ 'a.html': `${PAGE}<marquee axag-entity="x">!</marquee>\n`, 'b.html': PAGE });
    const results = await lint(['a.html', 'b.html'], { cwd, rules: [throwing] });
    const [a, b] = results.files;
    const rows = (file: typeof a) => file!.findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}`);
    expect(rows(a)).toEqual(['1:1 axag/internal-error', '1:2 AXAG-LINT-002', '1:2 AXAG-LINT-007', '2:2 AXAG-LINT-002']);
    expect(rows(b)).toEqual(['1:2 AXAG-LINT-002', '1:2 AXAG-LINT-007', '2:2 AXAG-LINT-002']);
    const internal = a!.findings[0]!;
    expect(internal).toMatchObject({ severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 1 });
    expect(internal.message).toBe(
      'Internal error: the check test/throws (throws) failed on this file (RangeError: boom in a test rule), so its findings on this file are missing; ' +
        'this is a bug in axag: please report it (run axag with --debug for the stack trace)',
    );
    expect(b!.findings.map((finding) => finding.ruleId)).not.toContain('axag/internal-error');
    expect(results.internalErrors).toHaveLength(1);
    expect(results.internalErrors[0]).toMatchObject({ path: join(cwd, 'a.html'), check: 'the check test/throws (throws)', message: 'RangeError: boom in a test rule' });
    expect(results.internalErrors[0]!.stack).toContain('boom in a test rule');
  });

  it('an extra rule that does not throw reports at its own severity; one with a built-in id is refused', async () => {
    const cwd = project({ 'a.html': '<marquee axag-entity="x">!</marquee>\n' });
    const flagging: Rule = { ...throwing, id: 'test/flags', severity: 'warning', check: ({ model }) => model.elements.map(({ element }) => ({ message: 'flagged', range: element.nameRange, element })) };
    const { files } = await lint(['a.html'], { cwd, rules: [flagging] });
    expect(files[0]!.findings.map((finding) => [finding.ruleId, finding.severity, finding.message])).toEqual([['test/flags', 'warning', 'flagged']]);
    await expect(lint(['a.html'], { cwd, rules: [{ ...throwing, id: 'AXAG-LINT-007' }] })).rejects.toThrow('the extra rule AXAG-LINT-007 has the id of another rule');
  });

  it('axag/internal-error is a known check: in SARIF rules and axag rules, at error severity', () => {
    expect(ALL_CHECKS.find((check) => check.id === 'axag/internal-error')).toMatchObject({ name: 'internal-error', severity: 'error' });
  });
});

describe('the binary: a check or a parser that throws', () => {
  it('a check: a finding in every report, stderr names the check and file, exit 2, no stack without --debug', async () => {
    const cwd = project({ 'a.html': PAGE, 'b.vue': `<template>${PAGE}</template>\n` });
    const env = { AXAG_THROW_IN_CHECK: 'AXAG-LINT-007' };
    const result = await axag(['lint', '-f', 'pretty,sarif=r.sarif'], { cwd, env, nodeArgs: ['--import', INJECT] });
    expect(result.code).toBe(2);
    const pretty = parsePretty(result.stdout);
    expect(pretty.files.map((file) => [file.path, file.rows.map((row) => `${row.line}:${row.column} ${row.ruleId}`)])).toEqual([
      ['a.html', ['1:1 axag/internal-error', '1:2 AXAG-LINT-002', '2:2 AXAG-LINT-002']],
      ['b.vue', ['1:1 axag/internal-error', '1:12 AXAG-LINT-002', '2:2 AXAG-LINT-002']],
    ]);
    expect(result.stderr).toBe(
      'axag: internal error: the check AXAG-LINT-007 (idempotent-declared) failed on a.html: TypeError: injected failure in AXAG-LINT-007\n' +
        'axag: internal error: the check AXAG-LINT-007 (idempotent-declared) failed on b.vue: TypeError: injected failure in AXAG-LINT-007\n' +
        'axag: the other checks and files were linted; this is a bug in axag: please report it (run again with --debug for the stack traces)\n',
    );
    const sarif = JSON.parse(readFileSync(join(cwd, 'r.sarif'), 'utf8'));
    const [run] = sarif.runs;
    const internal = run.results.find((result: { ruleId: string }) => result.ruleId === 'axag/internal-error');
    expect(run.tool.driver.rules[internal.ruleIndex].id).toBe('axag/internal-error');
    expect(run.invocations[0].executionSuccessful).toBe(false);

    const debug = await axag(['lint', '--debug', 'a.html'], { cwd, env, nodeArgs: ['--import', INJECT] });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/TypeError: injected failure in AXAG-LINT-007\n\s+at /);
  });

  it('a parser that throws on one file: a finding on it, the other files linted, exit 2', async () => {
    const cwd = project({ 'a.vue': `<template>${PAGE}</template>\n<!-- BOOM -->\n`, 'b.vue': `<template>${PAGE}</template>\n` });
    const result = await axag(['lint'], { cwd, env: { AXAG_THROW_IN_VUE_PARSER: 'BOOM' }, nodeArgs: ['--import', INJECT] });
    expect(result.code).toBe(2);
    const pretty = parsePretty(result.stdout);
    expect(pretty.files.map((file) => [file.path, file.rows.map((row) => row.ruleId)])).toEqual([
      ['a.vue', ['axag/internal-error']],
      ['b.vue', ['AXAG-LINT-002', 'AXAG-LINT-007', 'AXAG-LINT-002']],
    ]);
    expect(pretty.files[0]!.rows[0]!.message).toBe(
      'Internal error: the parser of .vue files failed on this file (Error: injected failure in the Vue parser), so no check ran on it; ' +
        'this is a bug in axag: please report it (run axag with --debug for the stack trace)',
    );
    expect(result.stderr).toContain('axag: internal error: the parser of .vue files failed on a.vue: Error: injected failure in the Vue parser\n');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('--rule axag/internal-error:off is refused: it is always reported', async () => {
    const result = await axag(['lint', '--rule', 'axag/internal-error:off'], { cwd: project({ 'a.html': PAGE }) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('axag/internal-error is always reported and cannot be configured');
  });
});

describe('the binary: an internal error outside any file stops the run', () => {
  it('sarif and github say the run failed; a json report of an earlier run is removed, not left to pass for this one', async () => {
    const cwd = project({ 'a.html': PAGE });
    writeFileSync(join(cwd, 'old.json'), '{"version": 1, "files": [], "summary": {"errors": 0}}\n');
    writeFileSync(join(cwd, 'old.sarif'), '{"stale": true}\n');
    const args = ['lint', '-f', 'github,json=old.json,sarif=old.sarif'];
    const result = await axag(args, { cwd, env: { AXAG_THROW_IN_RESOLVER: '1' }, nodeArgs: ['--import', INJECT] });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'axag: internal error: injected failure in the config resolver\nRun again with --debug for the stack trace, and please report it.\n',
    );
    expect(result.stdout).toBe(
      '::error title=axag::internal error: injected failure in the config resolver; please report it\naxag: stopped before linting; fix the error above\n',
    );
    expect(existsSync(join(cwd, 'old.json'))).toBe(false);
    const [run] = JSON.parse(readFileSync(join(cwd, 'old.sarif'), 'utf8')).runs;
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolConfigurationNotifications.at(-1).message.text).toBe('internal error: injected failure in the config resolver; please report it');
    expect(run.results).toBeUndefined();
  });
});
