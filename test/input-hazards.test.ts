/**
 * Hostile and broken input the run reads (issue 12): files that are not regular files, unreadable paths,
 * symbolic links, text encodings, YAML aliases, long JSON numbers, bad baselines, and the folders a walk never
 * enters. Each case runs the BUILT binary in a fresh project: a clear one-line message naming the path (with line
 * and column where there is one), no stack trace, nothing hung, the other files still linted, exit 2 when the run
 * could not do all its job.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { decodeText, UnreadableFileError } from '../src/text-file.js';
import { BIN, assertBuilt, assertCleanTempAncestors, axag, project, removeProjects, rowsByFile } from './cli-helpers.js';

beforeAll(() => {
  assertBuilt();
  assertCleanTempAncestors();
});
afterAll(() => removeProjects());

/** One AXAG-LINT-007 warning at 1:2 (a write action without axag-idempotent). */
const WARN = '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low">Add</button>\n';
const GOOD = '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="false">Add</button>\n';
const MANIFEST = {
  version: '1.0.0',
  generated_at: '2024-01-01T00:00:00Z',
  source: { url: 'https://example.com', paths: ['src'], tool: 'test', tool_version: '1.0.0' },
  conformance: 'basic',
};
/** Root can read what permissions forbid: those cases cannot be produced as root. */
const root = process.getuid?.() === 0;

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

describe.concurrent('files that are not regular files are refused, never read', () => {
  it('a FIFO or /dev/zero (also behind a symbolic link) as a source: named, or met in a walk', async ({ expect }) => {
    const cwd = project({ 'a.html': WARN });
    mkfifo(join(cwd, 'pipe.html'));
    symlinkSync('/dev/zero', join(cwd, 'zero.html'));
    const named = await axag(['lint', 'pipe.html', 'zero.html', 'a.html'], { cwd });
    expect(named.code).toBe(2);
    expect(named.stderr).toBe(
      'axag: pipe.html: cannot read the file: it is a named pipe (FIFO), not a regular file\n' +
        'axag: zero.html: cannot read the file: it is a character device, not a regular file\n',
    );
    // The other file is still linted.
    expect(rowsByFile(named.stdout)).toEqual({ 'a.html': [[1, 2, 'warning', 'AXAG-LINT-007']] });

    const walked = await axag(['lint'], { cwd });
    expect(walked.code).toBe(2);
    expect(walked.stderr).toBe(
      'axag: pipe.html: cannot read the file: it is a named pipe (FIFO), not a regular file\n' +
        'axag: zero.html: cannot read the file: it is a character device, not a regular file\n',
    );
    expect(rowsByFile(walked.stdout)).toEqual({ 'a.html': [[1, 2, 'warning', 'AXAG-LINT-007']] });
  });

  it('a socket as a source, which cannot even be opened: named for what it is', async ({ expect }) => {
    const cwd = project({ 'a.html': WARN });
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(cwd, 'socket.html'), resolve));
    try {
      const named = await axag(['lint', 'socket.html', 'a.html'], { cwd });
      expect(named.code).toBe(2);
      expect(named.stderr).toBe('axag: socket.html: cannot read the file: it is a socket, not a regular file\n');
      expect(rowsByFile(named.stdout)).toEqual({ 'a.html': [[1, 2, 'warning', 'AXAG-LINT-007']] });
    } finally {
      server.close();
    }
  });

  it('a FIFO, a device or a directory as the manifest or the config is a fatal error naming it', async ({ expect }) => {
    const cwd = project({ 'a.html': GOOD, 'dir/x': '' });
    mkfifo(join(cwd, 'pipe.json'));
    symlinkSync('/dev/zero', join(cwd, 'zero.yaml'));
    const cases: [string[], string][] = [
      [['lint', '-m', 'pipe.json'], 'axag: cannot read the manifest pipe.json: it is a named pipe (FIFO), not a regular file\n'],
      [['lint', '-m', 'zero.yaml'], 'axag: cannot read the manifest zero.yaml: it is a character device, not a regular file\n'],
      [['lint', '-m', 'dir'], 'axag: cannot read the manifest dir: it is a directory, not a file\n'],
      [['lint', '-c', 'pipe.json'], 'axag: cannot read the config file pipe.json: it is a named pipe (FIFO), not a regular file\n'],
      [['lint', '-c', 'dir'], 'axag: cannot read the config file dir: it is a directory, not a file\n'],
      [['manifest', 'check', 'pipe.json'], 'axag: cannot read the manifest pipe.json: it is a named pipe (FIFO), not a regular file\n'],
    ];
    for (const [args, stderr] of cases) {
      expect(await axag(args, { cwd }), args.join(' ')).toEqual({ code: 2, stdout: '', stderr });
    }
  });

  it('a discovered config or manifest that is a FIFO (a committed symbolic link to one) is refused too', async ({ expect }) => {
    const cwd = project({ 'a.html': GOOD });
    mkfifo(join(cwd, 'fifo'));
    symlinkSync('fifo', join(cwd, 'axag-manifest.json'));
    expect(await axag(['lint'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'axag: cannot read the manifest axag-manifest.json: it is a named pipe (FIFO), not a regular file\n',
    });
    const other = project({ 'a.html': GOOD });
    mkfifo(join(other, '.axag-lint.json'));
    expect(await axag(['lint'], { cwd: other })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'axag: cannot read the config file .axag-lint.json: it is a named pipe (FIFO), not a regular file\n',
    });
  });
});

describe.concurrent('the real reason a path cannot be read', () => {
  it('a symbolic link loop and a path through a file say so, as a source, a config and a manifest', async ({ expect }) => {
    const cwd = project({ 'a.html': WARN, 'file.txt': '' });
    symlinkSync('loop2.html', join(cwd, 'loop1.html'));
    symlinkSync('loop1.html', join(cwd, 'loop2.html'));
    const sources = await axag(['lint', 'loop1.html', 'file.txt/x.html', 'a.html'], { cwd });
    expect(sources.code).toBe(2);
    expect(sources.stderr).toBe(
      'axag: loop1.html: cannot read it: too many levels of symbolic links (a symbolic link loop?)\n' +
        'axag: file.txt/x.html: cannot read it: a part of the path is a file, not a directory\n',
    );
    expect(rowsByFile(sources.stdout)).toEqual({ 'a.html': [[1, 2, 'warning', 'AXAG-LINT-007']] });
    expect(await axag(['lint', '-c', 'loop1.html', 'a.html'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'axag: cannot read the config file loop1.html: too many levels of symbolic links (a symbolic link loop?)\n',
    });
    expect(await axag(['manifest', 'check', 'file.txt/m.json'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'axag: cannot read the manifest file.txt/m.json: a part of the path is a file, not a directory\n',
    });
  });

  it.skipIf(root)('a file without read permission: "permission denied"', async ({ expect }) => {
    const cwd = project({ 'a.html': WARN, 'secret.html': GOOD, 'm.json': '{}' });
    chmodSync(join(cwd, 'secret.html'), 0);
    chmodSync(join(cwd, 'm.json'), 0);
    const result = await axag(['lint'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('axag: secret.html: cannot read the file: permission denied\n');
    expect(rowsByFile(result.stdout)).toEqual({ 'a.html': [[1, 2, 'warning', 'AXAG-LINT-007']] });
    expect((await axag(['manifest', 'check', 'm.json'], { cwd })).stderr).toBe('axag: cannot read the manifest m.json: permission denied\n');
  });

  it.skipIf(root)('an unreadable directory in a walk is reported, the other files linted, exit 2', async ({ expect }) => {
    const cwd = project({ 'a.html': WARN, 'locked/b.html': WARN });
    chmodSync(join(cwd, 'locked'), 0);
    try {
      const result = await axag(['lint'], { cwd });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('axag: locked: cannot read it: permission denied; the files in it are not linted\n');
      expect(rowsByFile(result.stdout)).toEqual({ 'a.html': [[1, 2, 'warning', 'AXAG-LINT-007']] });
    } finally {
      chmodSync(join(cwd, 'locked'), 0o755);
    }
  });
});

describe.concurrent('symbolic links in walks and globs', () => {
  it('links to files are linted (by the link path); a link to a directory is not entered; a broken link is reported', async ({ expect }) => {
    const cwd = project({ 'real/a.html': WARN, 'src/own.html': WARN });
    symlinkSync('../real/a.html', join(cwd, 'src', 'linked.html'));
    symlinkSync('../real', join(cwd, 'src', 'linked-dir'));
    const walked = await axag(['lint', 'src'], { cwd });
    expect(walked).toMatchObject({ code: 0, stderr: '' });
    expect(rowsByFile(walked.stdout)).toEqual({
      'src/linked.html': [[1, 2, 'warning', 'AXAG-LINT-007']],
      'src/own.html': [[1, 2, 'warning', 'AXAG-LINT-007']],
    });
    const globbed = await axag(['lint', 'src/*.html'], { cwd });
    expect(Object.keys(rowsByFile(globbed.stdout))).toEqual(['src/linked.html', 'src/own.html']);
    // Named, a linked directory is walked.
    expect(Object.keys(rowsByFile((await axag(['lint', 'src/linked-dir'], { cwd })).stdout))).toEqual(['src/linked-dir/a.html']);

    symlinkSync('gone.html', join(cwd, 'src', 'broken.html'));
    symlinkSync('gone.png', join(cwd, 'src', 'broken.png'));
    const broken = await axag(['lint', 'src'], { cwd });
    expect(broken.code).toBe(2);
    // A broken link axag would not have read (an image) is no concern of the run.
    expect(broken.stderr).toBe('axag: src/broken.html: cannot read the file: it is a symbolic link that cannot be followed: no such file or directory\n');
    expect(Object.keys(rowsByFile(broken.stdout))).toEqual(['src/linked.html', 'src/own.html']);
  });
});

describe.concurrent('folders a walk never enters', () => {
  it('.git, .hg, .svn, .jj, .yarn and node_modules at any depth', async ({ expect }) => {
    const tools = ['.git', '.hg', '.svn', '.jj', '.yarn/releases', 'node_modules/x', 'pkg/.yarn', 'pkg/.hg', 'pkg/node_modules'];
    const cwd = project({ 'a.html': WARN, ...Object.fromEntries(tools.map((dir) => [`${dir}/bundle.js`, `const x = <b axag-intent="x.y">x</b>;\n`])) });
    const result = await axag(['lint'], { cwd });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(Object.keys(rowsByFile(result.stdout))).toEqual(['a.html']);
  });

  it('.gitignore as git reads it: the repository root one applies to a subdirectory walk, a deeper one takes files back', async ({ expect }) => {
    const cwd = project({
      '.git/HEAD': '',
      '.gitignore': 'build/\n*.gen.html\n',
      'app/.gitignore': '!keep.gen.html\n',
      'app/page.html': WARN,
      'app/x.gen.html': WARN,
      'app/keep.gen.html': WARN,
      'app/build/out.html': WARN,
    });
    const result = await axag(['lint', 'app'], { cwd });
    expect(Object.keys(rowsByFile(result.stdout))).toEqual(['app/keep.gen.html', 'app/page.html']);
    // From inside the subdirectory, the root's .gitignore still applies.
    const inside = await axag(['lint', '.'], { cwd: join(cwd, 'app') });
    expect(Object.keys(rowsByFile(inside.stdout))).toEqual(['keep.gen.html', 'page.html']);
    // Globs too.
    const globbed = await axag(['lint', '**/*.html'], { cwd });
    expect(Object.keys(rowsByFile(globbed.stdout))).toEqual(['app/keep.gen.html', 'app/page.html']);
  });
});

describe.concurrent('text encodings', () => {
  const utf16 = (text: string, bigEndian: boolean) => {
    const bytes = Buffer.from(`\ufeff${text}`, 'utf16le');
    return bigEndian ? bytes.swap16() : bytes;
  };
  // Characters outside ASCII before the finding: columns count UTF-16 code units, so on line 2 `<p>` (3), 😀 (2)
  // and `</p>` (4) put the tag name at column 11.
  const PAGE = `<p>Grüße 😀</p>\n<p>😀</p>${WARN}`;

  it('UTF-16 (both byte orders) and UTF-8 with a byte-order mark give the findings of plain UTF-8, at the same positions', async ({ expect }) => {
    const cwd = project({ 'plain.html': PAGE });
    writeFileSync(join(cwd, 'le.html'), utf16(PAGE, false));
    writeFileSync(join(cwd, 'be.html'), utf16(PAGE, true));
    writeFileSync(join(cwd, 'bom.html'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PAGE)]));
    const result = await axag(['lint'], { cwd });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const rows = [[2, 11, 'warning', 'AXAG-LINT-007']];
    expect(rowsByFile(result.stdout)).toEqual({ 'be.html': rows, 'bom.html': rows, 'le.html': rows, 'plain.html': rows });
  });

  it('a manifest and a config in UTF-16 are read', async ({ expect }) => {
    const cwd = project({ 'a.html': GOOD });
    writeFileSync(join(cwd, 'axag-manifest.json'), utf16(JSON.stringify({ ...MANIFEST, actions: [] }), false));
    writeFileSync(join(cwd, '.axag-lint.yaml'), utf16('rules:\n  AXAG-LINT-007: off\n', true));
    expect(await axag(['lint', '--verbose'], { cwd })).toMatchObject({ code: 0, stderr: '' });
    expect((await axag(['manifest', 'check', 'axag-manifest.json'], { cwd })).code).toBe(0);
  });

  it('standard input in UTF-16 is decoded; bytes that are not text are refused', ({ expect }) => {
    const cwd = project();
    const run = (input: Buffer) => spawnSync(process.execPath, [BIN, 'lint', '--stdin'], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const decoded = run(utf16(PAGE, false));
    expect(decoded.stderr).toBe('');
    expect(rowsByFile(decoded.stdout)).toEqual({ '<stdin>': [[2, 11, 'warning', 'AXAG-LINT-007']] });
    expect(run(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x61, 0x78, 0x61, 0x67]))).toMatchObject({
      status: 2,
      stderr: 'axag: cannot read standard input: it is not a text file (it contains NUL bytes)\n',
    });
    // Without the word axag nothing can be lost: read like any text, and clean.
    expect(run(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x61]))).toMatchObject({ status: 0, stderr: '' });
  });

  it('a file with NUL bytes around the word axag is not text: reported, never a silent pass; one without it is harmless', async ({ expect }) => {
    const cwd = project({ 'a.html': WARN });
    writeFileSync(join(cwd, 'binary.js'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x61, 0x78, 0x61, 0x67]));
    writeFileSync(join(cwd, 'asset.js'), 'const nul = "x\0y";\n');
    writeFileSync(join(cwd, 'nobom.html'), Buffer.from(WARN, 'utf16le'));
    const result = await axag(['lint'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'axag: binary.js: cannot read the file: it is not a text file (it contains NUL bytes)\n' +
        'axag: nobom.html: cannot read the file: it looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a byte-order mark)\n',
    );
    expect(Object.keys(rowsByFile(result.stdout))).toEqual(['a.html']);
  });

  it('decodeText: malformed UTF-8 becomes U+FFFD (the file is still linted); an odd UTF-16 byte is dropped', ({ expect }) => {
    expect(decodeText(Buffer.from([0x61, 0xff, 0x62]))).toBe('a\ufffdb');
    expect(decodeText(Buffer.from([0xfe, 0xff, 0x00, 0x61, 0x00]))).toBe('a');
    expect(() => decodeText(Buffer.from([0x61, 0x78, 0x61, 0x67, 0x00]))).toThrow(UnreadableFileError);
    expect(decodeText(Buffer.from([0x61, 0x00]))).toBe('a\0');
  });
});

describe.concurrent('YAML manifests and configs', () => {
  const check = (files: Record<string, string>, args = ['manifest', 'check', 'm.yaml']) => axag(args, { cwd: project(files) });

  it('an anchor that contains its own alias (8 bytes that hung the run) is an error at the alias, for lint and manifest check', async ({ expect }) => {
    const message = 'axag: m.yaml:1:5: invalid YAML: alias *b is inside the value anchored &b, so that value would contain itself; remove the alias\n';
    expect(await check({ 'm.yaml': '&b [*b]\n' })).toEqual({ code: 2, stdout: '', stderr: message });
    expect(await check({ 'm.yaml': '&b [*b]\n', 'a.html': GOOD }, ['lint', '-m', 'm.yaml'])).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('an alias to an undefined anchor (a typo) is an error at the alias, not an internal error', async ({ expect }) => {
    expect(await check({ 'm.yaml': 'version: &v "1.0.0"\nconformance: *vv\n' })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'axag: m.yaml:2:14: invalid YAML: alias *vv names no anchor before it; define &vv first, or fix the name\n',
    });
    // In a config too.
    const config = await check({ '.axag-lint.yaml': 'rules:\n  AXAG-LINT-007: *off\n', 'a.html': GOOD }, ['lint']);
    expect(config).toEqual({
      code: 2,
      stdout: '',
      stderr: 'axag: .axag-lint.yaml:2:18: invalid YAML: alias *off names no anchor before it; define &off first, or fix the name\n',
    });
  });

  it('a valid manifest using one anchor 150 times is valid (the yaml library alone refuses 100)', async ({ expect }) => {
    const letters = (i: number) => String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26));
    const action = (i: number) =>
      `  - {intent: cart.view_${letters(i)}, entity: cart, action_type: read, description: d, required_parameters: ${i === 0 ? '&params [{name: id, type: string}]' : '*params'}}`;
    const text = [
      'version: 1.0.0',
      'generated_at: 2024-01-01T00:00:00Z',
      'source: {url: "https://example.com", paths: [src], tool: t, tool_version: 1.0.0}',
      'conformance: basic',
      'actions:',
      ...Array.from({ length: 151 }, (_, i) => action(i)),
    ].join('\n');
    expect(await check({ 'm.yaml': `${text}\n` })).toEqual({ code: 0, stdout: '✔ m.yaml is a valid AXAG manifest v1.1 (151 actions)\n', stderr: '' });
  });

  it('an alias bomb is refused, with the limit named', async ({ expect }) => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    const result = await check({ 'm.yaml': `${lines.join('\n')}\n` });
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(
      /^axag: m\.yaml:\d+:\d+: invalid YAML: its aliases repeat more than 1,000,000 values \(an alias bomb\?\); write the values out, or use fewer aliases\n$/,
    );
  });

  it("the yaml library's warnings are not printed; an unknown tag is an error, a collection key a schema finding", async ({ expect }) => {
    expect(await check({ 'm.yaml': 'version: !semver 1.0.0\n' })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'axag: m.yaml:1:10: invalid YAML: unknown tag !semver; axag reads plain YAML data: remove the tag\n',
    });
    const collectionKey = await check({ '.axag-lint.yaml': '? [a, b]\n: 1\n', 'a.html': GOOD }, ['lint']);
    expect(collectionKey).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^axag: invalid config file\n\.axag-lint\.yaml:1:1: unknown key "\[ a, b \]"/),
    });
    expect(collectionKey.stderr).not.toMatch(/stringified|Warning/);
  });
});

describe.concurrent('JSON numbers and baselines', () => {
  const withMax = (max: string) =>
    JSON.stringify({ ...MANIFEST, actions: [] }).replace(
      '"actions":[]',
      `"actions":[{"intent":"cart.view","entity":"cart","action_type":"read","description":"d","required_parameters":[{"name":"n","type":"number","max":${max}}]}]`,
    );

  it('a number longer than 400 characters is a number; one beyond what a double holds is named as such', async ({ expect }) => {
    const long = `3.${'1415926535'.repeat(50)}`;
    expect(await axag(['manifest', 'check', 'm.json'], { cwd: project({ 'm.json': withMax(long) }) })).toMatchObject({ code: 0, stderr: '' });
    const huge = withMax(`1${'0'.repeat(500)}`);
    expect(await axag(['manifest', 'check', 'm.json'], { cwd: project({ 'm.json': huge }) })).toEqual({
      code: 2,
      stdout: '',
      stderr: `axag: m.json:1:${huge.indexOf('1000') + 1}: invalid JSON: the number 100000000000… (501 characters) is too large to represent (beyond ±1.8e308)\n`,
    });
  });

  it('a baseline entry whose count is not a whole number of at least 1 is refused at its line and column', async ({ expect }) => {
    const cwd = project({ 'a.html': WARN });
    expect((await axag(['lint', '--baseline', 'b.json', '--update-baseline'], { cwd })).code).toBe(0);
    const baseline = JSON.parse(readFileSync(join(cwd, 'b.json'), 'utf8')) as { files: Record<string, { count: number }[]> };
    baseline.files['a.html']![0]!.count = -1;
    writeFileSync(join(cwd, 'b.json'), JSON.stringify(baseline, null, 2));
    expect(await axag(['lint', '--baseline', 'b.json'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'axag: b.json:8:9: not an axag baseline: "count" must be a whole number of at least 1, not -1; fix it, or delete the file and run with --update-baseline\n',
    });
  });
});

describe('the walk', () => {
  it('a directory holding only folders it never enters matches nothing', async ({ expect }) => {
    const cwd = project({});
    mkdirSync(join(cwd, '.jj'));
    writeFileSync(join(cwd, '.jj', 'a.html'), WARN);
    const result = await axag(['lint'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^axag: no files to lint match "\."/);
  });

  it('a walk that starts inside node_modules lints nothing there either (spec §5)', async ({ expect }) => {
    const cwd = project({ 'node_modules/pkg/a.html': WARN });
    const result = await axag(['lint', 'node_modules/pkg'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^axag: no files to lint match "node_modules\/pkg"/);
  });
});

describe.concurrent('a source file larger than --max-file-size', () => {
  /** A page of about 11 MB: more than the default 10 MB (its parse tree would take some 600 MB). */
  const BIG = `${WARN}${' '.repeat(11 * 1024 * 1024)}\n`;

  it('is refused by default with its size, the limit and the flag that raises it; the other files are linted; exit 2', async ({ expect }) => {
    const cwd = project({ 'big.html': BIG, 'a.html': WARN });
    const result = await axag(['lint', 'big.html', 'a.html'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('big.html');
    expect(result.stderr).toContain('it is 11 MB, more than the limit of 10 MB on files to lint');
    expect(result.stderr).toContain('--max-file-size 12MB (0 for none)');
    expect(rowsByFile(result.stdout)).toEqual({ 'a.html': [[1, 2, 'warning', 'AXAG-LINT-007']] });
  });

  it('is linted once the limit is raised or lifted, and a smaller limit refuses smaller files', async ({ expect }) => {
    const cwd = project({ 'big.html': BIG, 'a.html': WARN });
    for (const size of ['12MB', '0']) {
      const result = await axag(['lint', '--max-file-size', size, 'big.html'], { cwd });
      expect(result.stderr, size).toBe('');
      expect(rowsByFile(result.stdout), size).toEqual({ 'big.html': [[1, 2, 'warning', 'AXAG-LINT-007']] });
    }
    const small = await axag(['lint', '--max-file-size', '64', 'a.html'], { cwd });
    expect(small.code).toBe(2);
    expect(small.stderr).toContain(`it is ${Buffer.byteLength(WARN)} bytes, more than the limit of 64 bytes on files to lint`);
  });

  it('a size it cannot read is a usage error', async ({ expect }) => {
    const result = await axag(['lint', '--max-file-size', 'ten', 'a.html'], { cwd: project({ 'a.html': WARN }) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expected a size such as 20MB, 512KB or 1GB (0 for no limit)');
  });
});
