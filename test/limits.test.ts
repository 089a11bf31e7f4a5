/** Large and deep inputs (issue 12, scope 7), at a small scale: what they report, not how fast (bench/limits.mjs). */
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { withParserStack } from './support/parser-stack.js';

const lintText = async (name: string, text: string) => (await lint([{ path: `/virtual/${name}`, text }], { cwd: '/virtual', noConfig: true })).files[0]!;

describe('limits', () => {
  it('gives each finding on an element over 4 KB its own fingerprint, the same on every run', async () => {
    const names = JSON.stringify(Array.from({ length: 600 }, (_, i) => `param_${i % 300}`));
    const text = `<button axag-intent="a.b" axag-entity="a" axag-action-type="read" axag-required-parameters='${names}'>x</button>`;
    const first = await lintText('big.html', text);
    expect(first.findings).toHaveLength(300);
    expect(new Set(first.findings.map((f) => f.fingerprint)).size).toBe(300);
    expect((await lintText('big.html', text)).findings.map((f) => f.fingerprint)).toEqual(first.findings.map((f) => f.fingerprint));
  });

  it('follows nesting deeper than the main stack on a large-stack thread, with the same result on every run', async () => {
    const deep = '<div axag-scope="user">'.repeat(3000) + '<b axag-intent="a.b"></b>' + '</div>'.repeat(3000);
    const first = await lintText('deep.svelte', deep);
    expect(first.findings.filter((f) => f.ruleId === 'axag/parse-error')).toEqual([]);
    expect(first.annotations).toBe(3001);
    expect(await lintText('deep.svelte', deep)).toEqual(first);
  });

  it('says which limit a file nests past, and how to lift it', async () => {
    const deep = '<div axag-scope="user">'.repeat(20_000) + '<b axag-intent="a.b"></b>' + '</div>'.repeat(20_000);
    const file = await withParserStack('1', () => lintText('deep.svelte', deep));
    expect(file.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['axag/parse-error', 1, 1]]);
    expect(file.findings[0]!.message).toMatch(/^The Svelte component nests deeper than its parser can follow.*AXAG_PARSER_STACK_MB \(the default, 256, follows 100,000 levels\)$/);
  });
});
