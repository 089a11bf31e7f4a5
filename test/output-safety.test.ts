/**
 * Issue 12, output safety: text from linted files (attribute values, tag names), file names and config keys
 * reaches terminals and CI logs. It must not restyle the terminal (ANSI/OSC escapes), reorder what is read (bidi
 * controls), start lines of its own (CR, LF, U+2028/U+2029) or be run as a GitHub Actions workflow command
 * (`::name::` at a line start, `##[name]` anywhere; Actions reads standard output and standard error).
 */
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { FatalError } from '../src/errors.js';
import { escapeData, escapeProperty } from '../src/formatters/github.js';
import { FORMATTERS, type FormatContext } from '../src/formatters/index.js';
import { NO_INTENTS, type Finding, type LintResults } from '../src/results.js';
import { assertBuilt, axag, project, removeProjects } from './cli-helpers.js';

beforeAll(assertBuilt);
afterAll(removeProjects);

/** Everything that must never reach the output raw. */
const HOSTILE = [
  '\u001b[2J\u001b[31m', // clear screen, red
  '\u001b]0;owned\u0007', // OSC: set the window title
  '\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\', // OSC 8 hyperlink
  '\u202eevil\u202c', // right-to-left override
  '\u2066\u2067\u2068\u2069\u202a\u202b\u202d', // isolates and embeddings
  'nul\u0000',
  'cr\rlf\n::error file=x.html::forged\n',
  'ls\u2028ps\u2029',
  '\u009b31m', // C1 CSI
  '::add-mask::secret',
  '##[error]old-style command',
].join(' ');

/** Raw characters that must have been escaped. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A line GitHub Actions would run as a command. */
const isCommand = (line: string) => /^\s*::/.test(line) || line.includes('##[');

function results(path: string, message: string): LintResults {
  const finding: Finding = { ruleId: 'AXAG-LINT-004', severity: 'error', message, line: 1, column: 2, endLine: 1, endColumn: 3, fingerprint: 'f' };
  return { files: [{ path, findings: [finding], annotations: 1, dynamic: 0, intents: NO_INTENTS, directives: [] }], filesLinted: 1, failures: [], internalErrors: [], notices: [] };
}

const CONTEXT: FormatContext = { cwd: '/repo', root: '/repo', color: false, verbose: false, tool: { name: 'axag', version: '0', informationUri: 'https://example.com' } };

describe('pretty and github output of hostile messages and file names', () => {
  const path = `/repo/::error::x${HOSTILE.replace(/\//g, '_')}.html`;
  const message = `Invalid axag-action-type ${HOSTILE}`;

  it('pretty: the finding is its path:line:col, severity and rule id, then its wrapped message; nothing raw, no command', () => {
    const out = FORMATTERS.pretty!(results(path, message), CONTEXT);
    expect(out).not.toMatch(UNSAFE);
    const lines = out.split('\n').filter((line) => line !== '');
    // The escaped path is wider than 80 columns: it stands alone, then severity and rule id, then the message.
    expect(lines[0]).toMatch(/^\\x3a:error::x.*\.html:1:2$/);
    expect(lines[1]).toBe('  error    AXAG-LINT-004');
    expect(lines[2]).toMatch(/^ {2}Invalid axag-action-type /);
    expect(lines.slice(2, -1).every((line) => line.startsWith('  '))).toBe(true);
    expect(lines.at(-1)).toBe('✖ 1 problem (1 error, 0 warnings)');
    expect(lines.filter(isCommand)).toEqual([]);
    // Escapes are visible, in a form readers know.
    expect(out).toContain('\\x1b[2J');
    expect(out).toContain('\\u202eevil');
    expect(out).toContain('ls\\u2028ps\\u2029');
    expect(out).toContain('\\x3a:error::x');
  });

  it("github: one command per finding with GitHub's escaping, control and bidi characters visible", () => {
    const out = FORMATTERS.github!(results(path, message), CONTEXT);
    expect(out).not.toMatch(UNSAFE);
    const lines = out.split('\n');
    expect(lines).toHaveLength(3); // the command, the totals, the final newline
    expect(lines[0]).toMatch(/^::error file=[^:,]*,line=1,col=2,endLine=1,endColumn=3,title=AXAG-LINT-004::Invalid axag-action-type /);
    expect(lines[1]).toBe('axag: 1 problem (1 error, 0 warnings) in 1 file');
    const data = lines[0]!.slice(lines[0]!.indexOf('::', 2) + 2);
    // CR and LF as GitHub decodes them; `%` first, so that a literal "%0A" is not decoded.
    expect(data).toContain('cr%0Dlf%0A::error file=x.html::forged%0A');
    expect(data).toContain('\\x1b]0;owned\\x07');
    expect(data).toContain('nul\\x00');
    const file = /file=([^,]*),/.exec(lines[0]!)![1]!;
    expect(file).toContain('%3A%3Aerror%3A%3Ax');
    expect(file).toContain('cr%0Dlf%0A%3A%3Aerror');
  });

  it("github escaping: GitHub's for data and properties, then control and bidi characters made visible", () => {
    expect(escapeData('100% \u001b[0m\u2028\u202e\r\n')).toBe('100%25 \\x1b[0m\\u2028\\u202e%0D%0A');
    expect(escapeProperty('a:b,c%\u0000\n')).toBe('a%3Ab%2Cc%25\\x00%0A');
  });
});

describe('the binary on hostile input', () => {
  const ATTRIBUTE = HOSTILE.replace(/"/g, '').replace(/\u0000/g, '');

  it('pretty and github on standard output: no raw control character, no workflow command but the findings', async () => {
    const cwd = project({ 'a.html': `<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="${ATTRIBUTE}">x</button>\n` });
    for (const format of ['pretty', 'github']) {
      const result = await axag(['lint', '-f', format], { cwd });
      expect(result.code).toBe(1);
      expect(result.stdout).not.toMatch(UNSAFE);
      const commands = result.stdout.split('\n').filter(isCommand);
      expect(commands.every((line) => /^::(error|warning) file=a\.html,/.test(line))).toBe(true);
      expect(commands).toHaveLength(format === 'github' ? 1 : 0);
    }
  });

  it('standard error: a config key and a file name cannot forge a line, a command or terminal state', async () => {
    const key = `x\u001b]0;t\u0007\n::error::forged\u202e`;
    const cwd = project({ '.axag-lint.json': JSON.stringify({ rules: {}, [key]: true }), 'a.html': '<p>axag</p>\n' });
    const result = await axag(['lint'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(UNSAFE);
    expect(result.stderr.split('\n').filter(isCommand)).toEqual([]);
    expect(result.stderr).toBe(
      'axag: invalid config file\n' +
        '.axag-lint.json:1:13: unknown key "x\\x1b]0;t\\x07\\x0a::error::forged\\u202e" in the config; valid keys are extends, rules, include, ignorePatterns, exclude, manifestPath, manifestSchema, identity, root\n',
    );
  });

  it.skipIf(process.platform === 'win32')('standard error: a hostile file name that is not linted is one line', async () => {
    const name = '::error::x\n::add-mask::y\u001b[31m.html';
    const cwd = project({ [name]: '<p>axag</p>\n', '.axag-lint.json': '{"ignorePatterns": ["*.html"]}' });
    const result = await axag(['lint', name], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('axag: not linted: ::error::x\\x0a::add-mask::y\\x1b[31m.html (matched by ignorePatterns)\n');
  });
});

describe('JUnit is well-formed XML 1.0 for any input', () => {
  /** Every character XML 1.0 forbids, the ones it allows but that are unusual, lone surrogates of both kinds. */
  const NASTY =
    Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).join('') +
    '\u007f\u0085\u009f\ud800x\udc00y\ud83d\ude00\ufffe\uffff\u202e\u2028]]><&"\'';

  function parseXml(text: string): { errors: string[]; failureMessages: string[]; suites: string[] } {
    const parser = new SaxesParser({ xmlns: false });
    const errors: string[] = [];
    const failureMessages: string[] = [];
    const suites: string[] = [];
    parser.on('error', (error) => errors.push(error.message));
    parser.on('opentag', (tag) => {
      if (tag.name === 'failure') failureMessages.push(tag.attributes.message as string);
      if (tag.name === 'testsuite') suites.push(tag.attributes.name as string);
    });
    parser.write(text).close();
    return { errors, failureMessages, suites };
  }

  it('parses with a strict parser; what XML can carry survives, the rest is U+FFFD', () => {
    const out = FORMATTERS.junit!(results(`/repo/${NASTY.replace(/\//g, '_')}.html`, `m ${NASTY}`), CONTEXT);
    const parsed = parseXml(out);
    expect(parsed.errors).toEqual([]);
    const [message] = parsed.failureMessages;
    expect(message).toContain('\t\n'); // allowed controls round-trip (as references)
    expect(message).toContain('\r');
    expect(message).toContain('\ud83d\ude00'); // a valid surrogate pair survives
    expect(message).toContain(']]><&"\'');
    expect(message).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(message).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(parsed.suites).toHaveLength(1);
  });

  it('a stopped run (internal error message with control characters) is well-formed too', () => {
    const out = FORMATTERS.junit!(
      { files: [], filesLinted: 0, failures: [`a\u0000b ${NASTY}`], internalErrors: [], notices: [] },
      { ...CONTEXT, fatal: { message: `internal error: ${NASTY}`, locations: [] } },
    );
    expect(parseXml(out).errors).toEqual([]);
  });
});

describe('user-given names never reach the prototype of plain objects', () => {
  it('ruleOverrides with a __proto__, constructor or toString key: an unknown rule, nothing polluted', async () => {
    const cwd = project({ 'a.html': '<p>axag</p>\n' });
    for (const overrides of ['{"__proto__": {"polluted": "yes"}}', '{"__proto__": "off"}', '{"constructor": "off"}', '{"toString": "off"}']) {
      const attempt = lint(['a.html'], { cwd, ruleOverrides: JSON.parse(overrides) });
      await expect(attempt).rejects.toThrow(FatalError);
      await expect(attempt).rejects.toThrow(/^unknown rule "(__proto__|constructor|toString)" in the rule overrides/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('a config whose rules, rule options or top level have a __proto__ key: a config error naming it', async () => {
    const configs = [
      '{"rules": {"__proto__": {"polluted": "yes"}}}',
      '{"rules": {"AXAG-LINT-004": ["error", {"__proto__": {"polluted": "yes"}}]}}',
      '{"__proto__": {"polluted": "yes"}}',
    ];
    for (const config of configs) {
      const cwd = project({ '.axag-lint.json': config, 'a.html': '<p>axag</p>\n' });
      const attempt = lint(['a.html'], { cwd });
      await expect(attempt).rejects.toThrow(/unknown key "__proto__"/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('directives and macro keys named after Object.prototype members are unknown words, not crashes', async () => {
    const cwd = project({
      'a.html':
        '<!-- axag-constructor -->\n<!-- axag-__proto__ -->\n' +
        '<button axag="read:cart.view?constructor&__proto__&toString=1" axag-entity="cart">x</button>\n',
    });
    const { files } = await lint(['a.html'], { cwd });
    const findings = files[0]!.findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`);
    expect(findings.filter((finding) => finding.includes('function') || finding.includes('[object'))).toEqual([]);
    expect(findings.filter((finding) => finding.includes('axag/macro-syntax'))).toHaveLength(3);
  });

  it('-f constructor and -f __proto__ are unknown formats: a usage error, exit 2', async () => {
    const cwd = project({ 'a.html': '<p>axag</p>\n' });
    for (const format of ['constructor', '__proto__', 'toString']) {
      const result = await axag(['lint', '-f', format], { cwd });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`unknown format "${format}"`);
      expect(result.stderr).not.toContain('internal error');
    }
  });
});

describe('large and unterminated input', () => {
  it('a 1 MB tag name in a file of 600 findings: the pretty report is written (it would exceed the longest string if every row were padded to it)', async () => {
    const tag = `x-${'a'.repeat(1_000_000)}`;
    const rows = '<button axag-intent="cart.add_item" axag-action-type="read">x</button>\n'.repeat(600);
    const cwd = project({ 'big.html': `<${tag} axag-intent="cart.add_item" axag-action-type="read">x\n${rows}` });
    const result = await axag(['lint'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✖ 601 problems \(601 errors, 0 warnings\)\n$/);
    expect(result.stdout.length).toBeLessThan(5_000_000);
  });

  it('a directive finding in an unterminated comment ends at the end of the file, not past it', async () => {
    const text = '<button axag-intent="cart.view" axag-entity="cart" axag-action-type="read">x</button>\n<!-- axag-disable-next AXAG-LINT-070';
    const cwd = project({ 'a.html': text });
    const { files } = await lint(['a.html'], { cwd });
    const lastLine = text.split('\n').at(-1)!;
    expect(files[0]!.findings.map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn }))).toEqual([
      { ruleId: 'axag/directive', line: 2, column: 1, endLine: 2, endColumn: lastLine.length + 1 },
    ]);
  });
});
