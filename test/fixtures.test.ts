import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { globby } from 'globby';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
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
