/**
 * The README shows the output of `npx axag lint examples/storefront`; the
 * bundled example must keep producing exactly that, one finding per rule.
 * Its AXAG 1.1 section shows a macro and what axag says about it, and its value checks a page with their
 * mistakes: those too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, axag, project, ROOT } from './cli-helpers.js';

beforeAll(assertBuilt);

describe('the bundled example', () => {
  it('prints what the README shows, exits 1, and has one finding of each rule', async ({ expect }) => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /```\n\$ npx axag lint examples\/storefront\n([\s\S]*?)```/.exec(readme);
    expect(block, 'README has a "$ npx axag lint examples/storefront" block').not.toBeNull();
    const result = await axag(['lint', 'examples/storefront'], { cwd: ROOT });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(block![1]);
    const rules = [...result.stdout.matchAll(/^\S+:\d+:\d+ +(?:error|warning) +(AXAG-LINT-\d{3})\b/gm)].map((match) => match[1]).sort();
    expect(rules).toEqual(Array.from({ length: 12 }, (_, i) => `AXAG-LINT-${String(i + 1).padStart(3, '0')}`));
  });

  it('lints its components too: JSX, Vue and a TSX component written with AXAG 1.1 macros, without findings', async ({ expect }) => {
    const result = await axag(['lint', '--verbose', 'examples/storefront/components'], { cwd: ROOT });
    expect(result.stdout).toBe('✔ 3 files linted, no problems\n');
    expect(result.code).toBe(0);
  });
});

describe('the README\'s examples of a page and its findings', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```\n\$ echo '(.*)' > (\S+)\n\$ npx axag lint --no-config \2\n([\s\S]*?)```/g)];

  it('are there: the AXAG 1.1 macro and the value checks', ({ expect }) => {
    expect(blocks.map(([, html]) => html)).toEqual([expect.stringContaining(' axag="write:'), expect.stringContaining('axag-intent="Cart.AddItem"')]);
  });

  it.each(blocks.map(([, html, file, shown]) => [file!, html!, shown!]))('%s: prints what the README shows', async (file, html, shown) => {
    const result = await axag(['lint', '--no-config', file], { cwd: project({ [file]: `${html}\n` }) });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(shown);
  });
});
