/**
 * docs/rules/<id>.md, the page SARIF's helpUri and `axag rules <id>` point to, is what `npm run docs` writes from
 * each check's own documentation: one page per check, no page for a check that is gone, and every link in a page
 * leads to a heading of the README.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../src/engine/checks.js';
import { ruleDocsPath, ruleDocsUrl, rulePage } from '../src/rule-docs.js';
import { ROOT } from './cli-helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; repository: { url: string } };

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [relative(ROOT, join(dir, entry.name)).split('\\').join('/')],
  );
}

/** The anchors GitHub gives the README's headings. */
const README_ANCHORS = new Set(
  readFileSync(join(ROOT, 'README.md'), 'utf8')
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => line.replace(/^#+ /, '').toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replaceAll(' ', '-')),
);

describe('rule pages', () => {
  it.each(ALL_CHECKS.map((check) => [check.id, check] as const))('%s: docs/rules page is up to date (else run `npm run docs`)', (id, check) => {
    const written = readFileSync(join(ROOT, ruleDocsPath(id)), 'utf8');
    expect(written, `${ruleDocsPath(id)} is stale: run \`npm run docs\``).toBe(rulePage(check));
    expect(written).toContain(check.docs.failing);
    expect(written).toContain(check.docs.passing);
    for (const [, target, anchor] of written.matchAll(/\]\(([^)#]+)#([^)]+)\)/g)) {
      expect(join(ROOT, 'docs', 'rules', ...id.split('/').slice(0, -1), target!)).toBe(join(ROOT, 'README.md'));
      expect(README_ANCHORS, `#${anchor} in ${ruleDocsPath(id)}`).toContain(anchor);
    }
  });

  it('there is no page of a check that does not exist', () => {
    expect(filesUnder(join(ROOT, 'docs', 'rules')).sort()).toEqual(ALL_CHECKS.map((check) => ruleDocsPath(check.id)).sort());
  });

  it('the page URL is the page in the repository named by package.json, at this version\'s tag', () => {
    expect(pkg.repository.url).toBe('git+https://github.com/axag/axag-lint.git');
    expect(ruleDocsUrl('AXAG-LINT-007')).toBe(`https://github.com/axag/axag-lint/blob/v${pkg.version}/docs/rules/AXAG-LINT-007.md`);
    expect(ruleDocsUrl('axag/macro-syntax')).toBe(`https://github.com/axag/axag-lint/blob/v${pkg.version}/docs/rules/axag/macro-syntax.md`);
  });
});
