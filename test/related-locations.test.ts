/**
 * Findings whose cause sits on another element carry where it sits (`related`): a risk level or action type a
 * fragment gives its host, a tenant boundary or entity from an enclosing element. Through the real library, in
 * the calling thread and in worker threads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint, type Finding } from '../src/index.js';
import { assertBuilt, axag, project, removeProjects } from './cli-helpers.js';

const DIR = mkdtempSync(join(tmpdir(), 'axag-related-'));
afterAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  removeProjects();
});

/** 1-based line and column of the `occurrence`-th `needle` in `text`, and the column after it. */
function rangeOf(text: string, needle: string, occurrence = 1) {
  let offset = -1;
  for (let i = 0; i < occurrence; i++) offset = text.indexOf(needle, offset + 1);
  expect(offset).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = before.at(-1)!.length + 1;
  return { line, column, endLine: line, endColumn: column + needle.length };
}

async function findingsOf(text: string): Promise<Finding[]> {
  const results = await lint([{ path: join(DIR, 'page.html'), text }], { cwd: DIR, noConfig: true });
  return results.files[0]!.findings;
}

const TRANSFER =
  '<form axag-intent="funds.transfer" axag-entity="transfer" axag-action-type="write" axag-idempotent="false" axag-scope="user">\n' +
  '  <input name="amount" axag-parameter="amount" axag-parameter-type="number">\n' +
  '  <button type="submit" axag-risk-level="critical">Send</button>\n' +
  '</form>\n';

describe('related locations', () => {
  it('AXAG-LINT-006 on the host points at the risk level its fragment gives it', async () => {
    const findings = await findingsOf(TRANSFER);
    const finding = findings.find((f) => f.ruleId === 'AXAG-LINT-006');
    expect(finding).toMatchObject({ line: 1, column: 2 });
    expect(finding!.related).toEqual([
      { message: 'axag-risk-level "critical" on this <button> applies to Action "funds.transfer" (<form>)', ...rangeOf(TRANSFER, 'critical') },
    ]);
  });

  it('points at both the risk level and a confirmation that is not "true" when fragments give them', async () => {
    const text =
      '<form axag-intent="account.close" axag-entity="account" axag-action-type="delete" axag-idempotent="true" axag-scope="user">\n' +
      '  <p axag-confirmation-required="false">Are you sure?</p>\n' +
      '  <button type="submit" axag-risk-level="high">Close</button>\n' +
      '</form>\n';
    const finding = (await findingsOf(text)).find((f) => f.ruleId === 'AXAG-LINT-006');
    expect(finding!.related).toEqual([
      { message: 'axag-risk-level "high" on this <button> applies to Action "account.close" (<form>)', ...rangeOf(text, 'high') },
      { message: 'axag-confirmation-required "false" on this <p> applies to Action "account.close" (<form>)', ...rangeOf(text, 'false') },
    ]);
  });

  it('has none when the action carries the values itself, in the longhand or the macro', async () => {
    const text =
      '<button axag-intent="account.delete" axag-entity="account" axag-action-type="delete" axag-idempotent="true" axag-risk-level="critical">Delete</button>\n' +
      '<button axag="delete:account.purge!critical?idempotent">Purge</button>\n';
    const findings = (await findingsOf(text)).filter((f) => f.ruleId === 'AXAG-LINT-006');
    expect(findings).toHaveLength(2);
    for (const finding of findings) expect(finding).not.toHaveProperty('related');
  });

  it('AXAG-LINT-007 and axag/risk-level-required point at the action type a fragment gives', async () => {
    const text =
      '<form axag-intent="note.save" axag-entity="note" axag-scope="user">\n' +
      '  <button type="submit" axag-action-type="write">Save</button>\n' +
      '</form>\n';
    const findings = await findingsOf(text);
    const related = [{ message: 'axag-action-type "write" on this <button> applies to Action "note.save" (<form>)', ...rangeOf(text, 'write"') }];
    related[0]!.endColumn -= 1;
    expect(findings.find((f) => f.ruleId === 'AXAG-LINT-007')?.related).toEqual(related);
    expect(findings.find((f) => f.ruleId === 'axag/risk-level-required')?.related).toEqual(related);
  });

  it('AXAG-LINT-011 points at the enclosing element whose tenant boundary or entity makes the action tenant-sensitive', async () => {
    const text =
      '<section axag-tenant-boundary="organization">\n' +
      '  <button axag-intent="report.export" axag-entity="report" axag-action-type="read">Export</button>\n' +
      '</section>\n' +
      '<div axag-entity="organization">\n' +
      '  <button axag-intent="settings.view" axag-action-type="read">Settings</button>\n' +
      '</div>\n';
    const findings = (await findingsOf(text)).filter((f) => f.ruleId === 'AXAG-LINT-011');
    expect(findings.map((f) => f.related)).toEqual([
      [{ message: 'axag-tenant-boundary "organization" on this <section> applies to Action "report.export" (<button>)', ...rangeOf(text, 'organization') }],
      [{ message: 'axag-entity "organization" on this <div> applies to Action "settings.view" (<button>)', ...rangeOf(text, 'organization', 2) }],
    ]);
  });

  it('AXAG-LINT-012 points at the approval a fragment requires', async () => {
    const text =
      '<form axag-intent="refund.issue" axag-entity="refund" axag-action-type="write" axag-risk-level="low" axag-idempotent="false" axag-scope="user">\n' +
      '  <button type="submit" axag-approval-required="true">Refund</button>\n' +
      '</form>\n';
    const finding = (await findingsOf(text)).find((f) => f.ruleId === 'AXAG-LINT-012');
    expect(finding!.related).toEqual([
      { message: 'axag-approval-required "true" on this <button> applies to Action "refund.issue" (<form>)', ...rangeOf(text, 'true"') },
    ].map((place) => ({ ...place, endColumn: place.endColumn - 1 })));
  });

  it('come back the same in the JSON report from worker threads and from the cache, as plain data', async () => {
    assertBuilt();
    const cwd = project({ 'a.html': TRANSFER, 'b.html': TRANSFER });
    const related = async (args: string[]) => {
      const { stdout } = await axag(['lint', '--no-config', '-f', 'json', ...args, '.'], { cwd });
      const report = JSON.parse(stdout) as { files: { findings: Finding[] }[] };
      return report.files.map((file) => file.findings.map((finding) => finding.related));
    };
    const inThread = await related([]);
    expect(inThread.flat().filter(Boolean)).toEqual([
      [{ message: 'axag-risk-level "critical" on this <button> applies to Action "funds.transfer" (<form>)', ...rangeOf(TRANSFER, 'critical') }],
    ].flatMap((places) => [places, places]));
    expect(await related(['--concurrency', '2'])).toEqual(inThread);
    await related(['--cache']);
    expect(await related(['--cache'])).toEqual(inThread);
  });
});
