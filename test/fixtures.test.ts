import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { globby } from 'globby';
import { describe, expect, it } from 'vitest';
import { fixText, lint, type Finding } from '../src/index.js';
import { SOURCE_EXTENSIONS } from '../src/sources/index.js';
import { asExpectations, readExpectations } from './expectations.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixturesDir = join(root, 'fixtures');
const extensions = SOURCE_EXTENSIONS.map((extension) => extension.slice(1)).join(',');
const sources = await globby(`**/*.{${extensions}}`, { cwd: fixturesDir, absolute: true, ignore: ['README.md'] });
const results = await lint(sources, { cwd: root });

// Every linted fixture, and every other file that got findings (a fixture manifest), states what it expects.
const checked = [...new Set([...sources, ...results.files.map((file) => file.path)])].sort();

describe('fixtures: every finding is stated inline, and every stated finding occurs', () => {
  it('found the fixtures and linted them without failures', () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(results.failures).toEqual([]);
  });

  it.each(checked.map((path) => [relative(root, path), path]))('%s', (_name, path) => {
    const expected = readExpectations(readFileSync(path, 'utf8'));
    const findings = results.files.find((file) => file.path === path)?.findings ?? [];
    expect(asExpectations(findings, expected)).toEqual(expected);
  });
});

/**
 * A fixture `name.ext` with a sibling `name.ext.fixed` (not a source type, so never linted itself) states the text
 * `axag lint --fix` makes of it (spec §10): the fixes are applied and re-linted until stable, the result must equal
 * that file byte for byte (so nothing else changed), and what remains is exactly the findings that had no fix.
 */
const key = (finding: Finding) => `${finding.ruleId}@${finding.line}`;

const fixedFiles = await globby('**/*.fixed', { cwd: fixturesDir, absolute: true });

describe('fixtures: a *.fixed sibling is the text --fix makes of its fixture', () => {
  it('found fixed texts', () => {
    expect(fixedFiles.length).toBeGreaterThan(10);
  });

  it.each(fixedFiles.map((path) => [relative(root, path), path]))('%s', async (_name, fixedPath) => {
    const path = fixedPath.slice(0, -'.fixed'.length);
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const relint = async (next: string) => (await lint([{ path, text: next }], { cwd: root })).files[0]!.findings;
    const before = await relint(text);
    expect(before.some((finding) => finding.fix)).toBe(true);
    const fixed = await fixText(text, before, relint);
    expect(fixed).toBe(readFileSync(fixedPath, 'utf8').replace(/^\uFEFF/, ''));
    // Stable: nothing left to fix, and each fixed finding is gone. A fix may answer other findings (a corrected
    // "idempotant" declares idempotency, 007) or reveal some (AXAG-LINT-006 once "HIGH" reads as "high").
    const remaining = await relint(fixed);
    expect(remaining.filter((finding) => finding.fix).map(key)).toEqual([]);
    const count = (list: readonly Finding[], k: string) => list.filter((finding) => key(finding) === k).length;
    for (const k of new Set(before.filter((finding) => finding.fix).map(key))) {
      expect(count(remaining, k), k).toBe(count(before.filter((finding) => !finding.fix), k));
    }
  });
});
