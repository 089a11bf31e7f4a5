/**
 * Every rule's documentation (printed by `axag rules <id>`, embedded in SARIF) shows a
 * failing example and "the same snippet, fixed". They must do what they say: the
 * failing one gets that rule's finding, the passing one does not, and the fix
 * changes nothing else (other rules' findings, if the snippet has any, stay).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, RULES } from '../src/index.js';

// AXAG-LINT-010's examples assume a manifest that lists cart.add_item; their first line says so.
const dir = mkdtempSync(join(tmpdir(), 'axag-rule-docs-'));
const manifest = join(dir, 'axag-manifest.yaml');
writeFileSync(
  manifest,
  'version: 1.0.0\ngenerated_at: "2026-01-01T00:00:00Z"\nsource: {}\nconformance: basic\nactions:\n' +
    '  - { intent: cart.add_item, entity: cart, action_type: write, description: Add a product to the cart. }\n',
);

async function ruleIdsOf(ruleId: string, example: string, language: string): Promise<string[]> {
  const text = example.replace(/^# .*\n/, '');
  const results = await lint([{ path: join(dir, `example.${language}`), text }], {
    cwd: dir,
    noConfig: true,
    manifest,
    // A check that is off by default is documented as it reports once turned on.
    ruleOverrides: { [ruleId]: 'error' },
  });
  return results.files.find((file) => file.path.endsWith(`example.${language}`))!.findings.map((finding) => finding.ruleId);
}

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
