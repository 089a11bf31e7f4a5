/**
 * Every rule's documentation (printed by `axag rules <id>`, embedded in SARIF) shows a
 * failing example and "the same snippet, fixed". They must do what they say: the
 * failing one gets that rule's finding, the passing one does not, and the fix
 * changes nothing else (other rules' findings, if the snippet has any, stay).
 * A snippet is linted as a run of its own, so the checks across files see it whole
 * (two declarations in one snippet are a duplicate; a manifest action the snippet
 * does not declare is unused), and their findings count wherever they land.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, RULES } from '../src/index.js';

// The examples about the manifest assume one that describes cart.add_item; their first line says so.
const dir = mkdtempSync(join(tmpdir(), 'axag-rule-docs-'));
// Not in the working directory, where discovery would find it for every example.
mkdirSync(join(dir, 'site'));
const manifest = join(dir, 'site', 'axag-manifest.yaml');
writeFileSync(
  manifest,
  'version: 1.0.0\ngenerated_at: "2026-01-01T00:00:00Z"\nsource: {}\nconformance: basic\nactions:\n' +
    '  - { intent: cart.add_item, entity: cart, action_type: write, description: Add a product to the cart., risk_level: low, idempotent: false }\n',
);

async function ruleIdsOf(ruleId: string, example: string, language: string): Promise<string[]> {
  const withManifest = /^# axag-manifest\.yaml/.test(example);
  const text = example.replace(/^# .*\n/, '');
  const results = await lint([{ path: join(dir, `example.${language}`), text }], {
    cwd: dir,
    noConfig: true,
    ...(withManifest && { manifest }),
    // A check that is off by default is documented as it reports once turned on.
    ruleOverrides: { [ruleId]: 'error' },
  });
  return results.files.flatMap((file) => file.findings.map((finding) => finding.ruleId));
}

it('the manifest examples say what the manifest they assume describes', () => {
  const examples = RULES.flatMap((rule) => [rule.docs.failing, rule.docs.passing]).filter((example) => example.startsWith('# axag-manifest.yaml'));
  expect(examples.length).toBeGreaterThanOrEqual(6);
  for (const example of examples) expect(example).toMatch(/^# axag-manifest\.yaml describes cart\.add_item: write, risk_level low, idempotent false\n/);
});

describe('rule documentation examples', () => {
  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s: the failing example fails with it, the passing one only fixes that', async (id, rule) => {
    const language = rule.docs.language ?? 'html';
    const failing = await ruleIdsOf(id, rule.docs.failing, language);
    const passing = await ruleIdsOf(id, rule.docs.passing, language);
    expect(failing).toContain(id);
    expect(passing).not.toContain(id);
    expect(passing).toEqual(failing.filter((ruleId) => ruleId !== id));
  });
});
