/**
 * The package as a user gets it: `npm pack` the repository, install the tarball into a fresh project (from npm's
 * cache when it holds the dependencies), and use it there as the README says: `npx axag init`, `npx axag lint`, and
 * the library through its `exports`. Slow (an npm install), so one test.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { assertBuilt, assertCleanTempAncestors, ROOT } from './cli-helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  main: string;
  types: string;
  exports: Record<string, string | Record<string, string>>;
};
const dir = mkdtempSync(join(tmpdir(), 'axag-package-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  delete env.FORCE_COLOR;
  // Not the variables of the npm that may be running this test, which would point npm at this repository.
  for (const name of Object.keys(env)) if (/^npm_(package|lifecycle)_/.test(name) || name === 'INIT_CWD') delete env[name];
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 280_000 });
}

it('packs LICENSE, README, bin, the bundled CLI, the built library and schemas, no source maps; installs without an install-script warning; init and lint work', () => {
  assertBuilt();
  assertCleanTempAncestors();

  const packed = run('npm', ['pack', '--json', '--pack-destination', dir], ROOT);
  expect(packed.status, packed.stderr).toBe(0);
  const [{ filename, files }] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  const paths = files.map((file) => file.path);
  expect(paths).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'bin/axag.js', 'schemas/manifest-v1.json', 'schemas/manifest-v1.1.json', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/cli/axag.js', 'dist/cli/lint-worker.js', 'dist/cli/lsp-lint-worker.js', 'dist/cli/large-stack-thread.js']));
  expect(paths.filter((path) => path.endsWith('.map'))).toEqual([]);
  expect(paths.filter((path) => !/^(LICENSE|README\.md|package\.json|bin\/|schemas\/|dist\/(cli|src|rules|validators)\/)/.test(path))).toEqual([]);
  expect(paths.filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))).toEqual([]);
  // Everything package.json names is in the tarball.
  const named = [pkg.main, pkg.types, ...Object.values(pkg.bin), ...Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))];
  for (const target of named.filter((target) => !target.includes('*'))) expect(paths, target).toContain(target.replace(/^\.\//, ''));
  expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) the axag authors\n/);

  const site = join(dir, 'site');
  mkdirSync(join(site, 'src'), { recursive: true });
  writeFileSync(join(site, 'package.json'), '{ "name": "site", "version": "1.0.0", "private": true }\n');
  writeFileSync(join(site, '.gitignore'), 'node_modules\n');
  mkdirSync(join(site, '.git'));
  writeFileSync(join(site, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(
    join(site, 'src', 'cart.html'),
    '<button axag-intent="cart.add_item" axag-action-type="write" axag-risk-level="low" axag-idempotent="false">Add</button>\n',
  );
  writeFileSync(join(site, 'src', 'Cart.tsx'), 'export const Add = () => <button axag-intent="cart.add_item">Add</button>;\n');
  // From npm's cache when it holds the dependencies (a machine that installed this repository does), else the registry.
  const installed = run('npm', ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', join(dir, filename)], site);
  expect(installed.status, installed.stderr).toBe(0);
  expect(`${installed.stdout}${installed.stderr}`).not.toMatch(/install.?scripts|allowScripts|prepare|deprecated/i);
  expect((JSON.parse(readFileSync(join(site, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies).toHaveProperty(pkg.name);

  const init = run('npx', ['--no-install', 'axag', 'init'], site);
  expect([init.status, init.stderr]).toEqual([0, '']);
  expect(existsSync(join(site, '.axag-lint.json'))).toBe(true);

  const lint = run('npx', ['--no-install', 'axag', 'lint'], site);
  expect(lint.status, lint.stderr).toBe(1);
  expect(lint.stdout).toContain('src/cart.html');
  expect(lint.stdout).toMatch(/AXAG-LINT-002/);
  expect(lint.stdout).toContain('src/Cart.tsx');
  expect(lint.stdout).not.toMatch(/node_modules/);
  // The bundled CLI's worker threads, and the parsers it requires at run time, found where npm installed them.
  const threaded = run('npx', ['--no-install', 'axag', 'lint', '--concurrency', '2'], site);
  expect([threaded.status, threaded.stderr, threaded.stdout]).toEqual([1, '', lint.stdout]);

  // The library by its exports: the entry, package.json and the schemas; nothing else of dist is reachable.
  const library = run(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { lint, ruleDocsUrl } from 'axag-lint';
       import { createRequire } from 'node:module';
       const require = createRequire(import.meta.url);
       const results = await lint([{ path: 'src/cart.html', text: '<button axag-intent="cart.add_item">Add</button>' }], { noConfig: true });
       console.log(results.files[0].findings.map((f) => f.ruleId).join(','));
       console.log(require('axag-lint/package.json').version, Object.keys(require('axag-lint/schemas/manifest-v1.1.json')).includes('$schema'));
       console.log(ruleDocsUrl('AXAG-LINT-002'));
       try { await import('axag-lint/dist/src/index.js'); console.log('reachable'); } catch (error) { console.log(error.code); }`,
    ],
    site,
  );
  expect(library.stderr).toBe('');
  expect(library.stdout.split('\n')).toEqual([
    'AXAG-LINT-002,AXAG-LINT-003',
    `${pkg.version} true`,
    `https://github.com/axag/axag-lint/blob/v${pkg.version}/docs/rules/AXAG-LINT-002.md`,
    'ERR_PACKAGE_PATH_NOT_EXPORTED',
    '',
  ]);
}, 300_000);
