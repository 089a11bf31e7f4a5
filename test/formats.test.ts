/**
 * The CI formats (github, junit, gitlab) and several reports in one run,
 * through the built CLI. Golden files hold the expected output of a project
 * whose paths and messages need escaping (`%`, `,`, `:`, `<`, `&`, quotes,
 * apostrophes, non-ASCII); they were checked by hand against GitHub's
 * workflow-command escaping, XML 1.0 and GitLab's Code Quality format.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../src/formatters/github.js';
import { xml } from '../src/formatters/junit.js';
import { assertBuilt, axag, project, removeProjects, ROOT } from './cli-helpers.js';

beforeAll(assertBuilt);
afterAll(removeProjects);

const golden = (name: string) => readFileSync(join(ROOT, 'test', 'golden', name), 'utf8');

/** Findings: 004 on a value with `&`, `<`, quotes, `:`, `%`, `,` and `'`; 001 and 007 in a non-ASCII directory; one clean file. */
const ESCAPING: Record<string, string> = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  'site/50%,off:now.html': `<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="R&amp;D <&quot;beta&quot;>: 5%, it's ok">Add</button>\n`,
  'site/café/menu.html':
    '<p>Menü</p>\n<a axag-entity="menu" axag-action-type="navigate" href="/">Menü ☕</a>\n' +
    '<button axag-intent="menu.order" axag-entity="menu" axag-action-type="write" axag-risk-level="low">Order ☕</button>\n',
  'site/clean.html': '<p axag-entity="menu">ok</p>\n',
};

describe('github, junit and gitlab on paths and messages that need escaping', () => {
  it('match their golden files, written in one run, from the repository root and from a subdirectory', async () => {
    const cwd = project(ESCAPING);
    for (const [runIn, target] of [[cwd, 'site'], [join(cwd, 'site'), '.']] as const) {
      const result = await axag(['lint', target, '-f', 'github', '-f', 'junit=out/junit.xml,gitlab=out/gitlab.json'], { cwd: runIn });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(golden('escaping.github.txt'));
      expect(readFileSync(join(runIn, 'out', 'junit.xml'), 'utf8')).toBe(golden('escaping.junit.xml'));
      expect(readFileSync(join(runIn, 'out', 'gitlab.json'), 'utf8')).toBe(golden('escaping.gitlab.json'));
    }
  });

  it('github: a broken config becomes an error annotation at its place, newlines escaped; exit 2', async () => {
    const cwd = project({ '.git/HEAD': 'x\n', 'conf/.axag-lint.json': '{\n  "rulez": {}\n}\n', 'conf/a.html': '<p></p>\n' });
    const result = await axag(['lint', 'conf', '-f', 'github'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(
      '::error file=conf/.axag-lint.json,line=2,col=3,title=axag::invalid config file%0Aconf/.axag-lint.json:2:3: unknown key "rulez" in the config; valid keys are extends, rules, include, ignorePatterns, exclude, manifestPath, manifestSchema, identity, root\n' +
        'axag: stopped before linting; fix the error above\n',
    );
  });

  it('clean runs: a totals line, a passing testcase per file, an empty issue list', async () => {
    const cwd = project({ 'a.html': '<p axag-entity="menu">ok</p>\n' });
    const result = await axag(['lint', '-f', 'github,junit=j.xml,gitlab=g.json'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('axag: no problems in 1 file\n');
    expect(readFileSync(join(cwd, 'j.xml'), 'utf8')).toContain('<testcase name="no problems" classname="a" file="a.html" time="0"/>');
    expect(readFileSync(join(cwd, 'g.json'), 'utf8')).toBe('[]\n');
  });

  it('github: past 10 findings of a level, the totals line says GitHub shows only 10', async () => {
    const cwd = project({ 'a.html': '<button axag-entity="cart" axag-action-type="read">x</button>\n'.repeat(11) });
    const result = await axag(['lint', '-f', 'github'], { cwd });
    expect(result.stdout.split('\n').filter((line) => line.startsWith('::error ')).length).toBe(11);
    expect(result.stdout).toMatch(/\naxag: 11 problems \(11 errors, 0 warnings\) in 1 file; GitHub annotates at most 10 of each level per step, so this log lists them all\n$/);
  });
});

describe('runs that could not do their job', () => {
  it('a broken config: junit gets an error testcase, a stale gitlab report is removed, SARIF has no results; exit 2', async () => {
    const cwd = project({ '.git/HEAD': 'x\n', '.axag-lint.json': '{ "rulez": {} }\n', 'a.html': '<p></p>\n', 'out/gl.json': 'STALE\n' });
    const result = await axag(['lint', '-f', 'junit=out/j.xml,gitlab=out/gl.json,sarif=out/a.sarif'], { cwd });
    expect(result.code).toBe(2);
    const junit = readFileSync(join(cwd, 'out', 'j.xml'), 'utf8');
    expect(junit).toContain('<testsuites name="axag" tests="1" failures="0" errors="1" time="0">');
    expect(junit).toContain('<error message="invalid config file&#10;.axag-lint.json:1:3: unknown key &quot;rulez&quot;');
    expect(existsSync(join(cwd, 'out', 'gl.json'))).toBe(false);
    const sarif = JSON.parse(readFileSync(join(cwd, 'out', 'a.sarif'), 'utf8')) as { runs: { results?: unknown }[] };
    expect(sarif.runs[0]!.results).toBeUndefined();
  });
});

describe('repository-relative paths', () => {
  it('come from the repository of the linted files, even when axag runs inside another one; `..name` files are inside', async () => {
    const other = project({ '.git/HEAD': 'x\n', 'pages/..draft.html': '<button axag-entity="cart" axag-action-type="read">x</button>\n' });
    const here = project({ '.git/HEAD': 'x\n' });
    const result = await axag(['lint', '-f', 'gitlab', join(other, 'pages')], { cwd: here });
    expect((JSON.parse(result.stdout) as { location: { path: string } }[]).map((issue) => issue.location.path)).toEqual(['pages/..draft.html']);
  });
});

describe('escaping functions', () => {
  it('github: % CR LF in messages; also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a%b:c,d\ne')).toBe('a%25b%3Ac%2Cd%0Ae');
  });

  it('xml: entities, line ends kept as references, characters XML cannot carry replaced', () => {
    expect(xml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
    expect(xml('line\r\nnext\ttab')).toBe('line&#13;&#10;next&#9;tab');
    expect(xml('bell\u0007 lone\ud800 pair😀')).toBe('bell\ufffd lone\ufffd pair😀');
  });
});

describe('gitlab fingerprints', () => {
  const page = '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low">Add</button>\n';
  const fingerprints = async (cwd: string) =>
    (JSON.parse((await axag(['lint', '-f', 'gitlab'], { cwd })).stdout) as { fingerprint: string; location: { lines: { begin: number } } }[]).map(
      (issue) => [issue.fingerprint, issue.location.lines.begin] as const,
    );

  it('are stable across runs and unchanged when unrelated lines are inserted above; copies get their own', async () => {
    const cwd = project({ 'a.html': page });
    const [[first, line]] = await fingerprints(cwd);
    expect(line).toBe(1);
    expect(await fingerprints(cwd)).toEqual([[first, 1]]);

    writeFileSync(join(cwd, 'a.html'), `<h1>Cart</h1>\n<p>Three new lines</p>\n\n${page}`);
    expect(await fingerprints(cwd)).toEqual([[first, 4]]);

    writeFileSync(join(cwd, 'a.html'), `${page}${page}`);
    const copies = await fingerprints(cwd);
    expect(copies[0]).toEqual([first, 1]);
    expect(copies[1]![0]).not.toBe(first);
  });
});
