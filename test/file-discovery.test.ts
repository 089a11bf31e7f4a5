/**
 * Which files a run finds inside a git work tree (issue 11, scope 5): git's own view of what is ignored
 * (`.gitignore` at every level, `.git/info/exclude`, the global excludes file; tracked files are never ignored),
 * each repository judged by its own rules, the `.gitignore` files read by axag where git cannot be run; and
 * `--staged` reading every staged blob in one git call, decoded as files on disk are. Runs the BUILT binary.
 */
import { spawnSync } from 'node:child_process';
import { realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { assertBuilt, assertCleanTempAncestors, axag, project, removeProjects, rowsByFile, writeFiles } from './cli-helpers.js';

beforeAll(() => {
  assertBuilt();
  assertCleanTempAncestors();
});
afterAll(() => removeProjects());

/** AXAG-LINT-007 (warning) at 1:2: every linted file shows up in the report, and the run exits 0. */
const WARN = '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low">Add</button>\n';

/** Git sees neither the runner's repository variables nor its global config, and never walks up out of the temp directory. */
const GIT_ENV: Record<string, string | undefined> = {
  ...Object.fromEntries(Object.keys(process.env).filter((key) => key.startsWith('GIT_')).map((key) => [key, undefined])),
  GIT_CEILING_DIRECTORIES: realpathSync(tmpdir()),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

function git(cwd: string, ...args: string[]): void {
  const env = { ...process.env };
  for (const [key, value] of Object.entries(GIT_ENV)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${result.stderr || result.error}`);
}

/** A git repository holding `files`; those of `tracked` are committed (with `git add -f`: ignored or not). */
function repository(files: Record<string, string | Buffer>, tracked: string[] = []): string {
  const cwd = project();
  for (const [name, content] of Object.entries(files)) {
    if (typeof content === 'string') writeFiles(cwd, { [name]: content });
    else writeFileSync(join(cwd, name), content);
  }
  git(cwd, 'init', '-q');
  git(cwd, 'config', 'user.name', 'axag tests');
  git(cwd, 'config', 'user.email', 'tests@example.invalid');
  git(cwd, 'config', 'commit.gpgsign', 'false');
  if (tracked.length > 0) {
    git(cwd, 'add', '-f', ...tracked);
    git(cwd, 'commit', '-q', '--no-verify', '-m', 'initial');
  }
  return cwd;
}

const linted = async (cwd: string, args: string[], env: Record<string, string | undefined> = {}) => {
  const result = await axag(['lint', ...args], { cwd, env: { ...GIT_ENV, ...env } });
  return { ...result, files: Object.keys(rowsByFile(result.stdout)) };
};

describe.concurrent('inside a git work tree, git says what is ignored', () => {
  const TREE = {
    '.gitignore': 'build/\n*.gen.html\n',
    'app/.gitignore': '!keep.gen.html\n',
    'app/page.html': WARN,
    'app/x.gen.html': WARN,
    'app/keep.gen.html': WARN,
    'build/out.html': WARN,
    'build/keep.html': WARN,
    'local/scratch.html': WARN,
    'notes.draft.html': WARN,
    'new.html': WARN,
    'top.html': WARN,
  };

  /** The tree, with `local/` in .git/info/exclude and `*.draft.html` in the global excludes file. */
  function tree(): { cwd: string; env: Record<string, string> } {
    const cwd = repository(TREE, ['.gitignore', 'app/.gitignore', 'app/page.html', 'build/keep.html', 'top.html']);
    writeFileSync(join(cwd, '.git', 'info', 'exclude'), 'local/\n');
    const excludes = join(cwd, '..', `${cwd.split('/').pop()}-excludes`);
    writeFileSync(excludes, '*.draft.html\n');
    const globalConfig = join(cwd, '..', `${cwd.split('/').pop()}-gitconfig`);
    writeFileSync(globalConfig, `[core]\n\texcludesFile = ${excludes}\n`);
    return { cwd, env: { GIT_CONFIG_GLOBAL: globalConfig } };
  }

  it('.gitignore at every level, .git/info/exclude and the global excludes file; a tracked file in an ignored directory is linted; an untracked one that nothing ignores too', async ({ expect }) => {
    const { cwd, env } = tree();
    const result = await linted(cwd, [], env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.files).toEqual(['app/keep.gen.html', 'app/page.html', 'build/keep.html', 'new.html', 'top.html']);
    // Globs and directories named on the command line see the same.
    expect((await linted(cwd, ['**/*.html'], env)).files).toEqual(result.files);
    expect((await linted(cwd, ['build'], env)).files).toEqual(['build/keep.html']);
    // From a subdirectory, the repository's rules still apply.
    expect((await linted(join(cwd, 'app'), ['.'], env)).files).toEqual(['keep.gen.html', 'page.html']);
    // An ignored directory named on the command line holds nothing to lint; a file named explicitly is linted.
    const named = await linted(cwd, ['local'], env);
    expect(named.code).toBe(2);
    expect(named.stderr).toBe('axag: no files to lint match "local": no file in it matches the include globs, or .gitignore excludes them\n');
    expect((await linted(cwd, ['local/scratch.html', 'notes.draft.html'], env)).files).toEqual(['local/scratch.html', 'notes.draft.html']);
    // --no-ignore: everything (nothing asks git).
    expect((await linted(cwd, ['--no-ignore'], env)).files).toHaveLength(Object.keys(TREE).length - 2);
  });

  it('without git (not on the PATH), the .gitignore files are read as before: .git/info/exclude and the global excludes are not known then', async ({ expect }) => {
    const { cwd, env } = tree();
    const result = await linted(cwd, [], { ...env, PATH: join(cwd, 'no-such-directory') });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.files).toEqual(['app/keep.gen.html', 'app/page.html', 'local/scratch.html', 'new.html', 'notes.draft.html', 'top.html']);
  });

  it('a repository inside another (a submodule, a nested clone) is judged by its own ignore rules, not by those of the outer one', async ({ expect }) => {
    const cwd = repository({ '.gitignore': '*.gen.html\n', 'outer.gen.html': WARN, 'outer.html': WARN }, ['.gitignore', 'outer.html']);
    writeFiles(cwd, { 'inner/.gitignore': 'skip.html\n', 'inner/x.gen.html': WARN, 'inner/skip.html': WARN, 'inner/page.html': WARN });
    git(join(cwd, 'inner'), 'init', '-q');
    const result = await linted(cwd, []);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.files).toEqual(['inner/page.html', 'inner/x.gen.html', 'outer.html']);
  });
});

describe.concurrent('--staged reads the staged blobs in one git call', () => {
  const utf16 = (text: string) => Buffer.from(`\ufeff${text}`, 'utf16le');

  it('UTF-16 with a byte-order mark is decoded; a blob that is not text fails the run and names the file; a renamed file is linted under its new name', async ({ expect }) => {
    const cwd = repository({ 'old.html': WARN }, ['old.html']);
    git(cwd, 'mv', 'old.html', 'renamed.html');
    // A character outside ASCII before the finding: the column counts UTF-16 code units (`<p>😀</p>` is 9).
    writeFileSync(join(cwd, 'wide.html'), utf16(`<p>😀</p>${WARN}`));
    writeFileSync(join(cwd, 'binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x61, 0x78, 0x61, 0x67]));
    writeFiles(cwd, { 'plain.html': WARN });
    git(cwd, 'add', 'wide.html', 'binary.html', 'plain.html');
    // The working copies differ: the staged text is what is linted.
    writeFiles(cwd, { 'plain.html': '<p>no annotation</p>\n', 'renamed.html': '' });

    const result = await linted(cwd, ['--staged']);
    expect(result.stderr).toBe('axag: binary.html: cannot read the staged file: it is not a text file (it contains NUL bytes)\n');
    expect(result.code).toBe(2);
    expect(rowsByFile(result.stdout)).toEqual({
      'plain.html': [[1, 2, 'warning', 'AXAG-LINT-007']],
      'renamed.html': [[1, 2, 'warning', 'AXAG-LINT-007']],
      'wide.html': [[1, 11, 'warning', 'AXAG-LINT-007']],
    });
  });
});
