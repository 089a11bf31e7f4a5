// Builds the extension: the client bundled with esbuild into dist/extension.js, and the server: the axag package
// itself, packed from this repository and installed with its runtime dependencies into server/ (the engine as
// users get it from npm, not a copy of its code).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const npm = (args, cwd) => execFileSync('npm', args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

await build({
  entryPoints: [join(here, 'src', 'extension.ts')],
  bundle: true,
  outfile: join(here, 'dist', 'extension.js'),
  external: ['vscode'],
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});

// The server runs bin/axag.js, which runs the CLI's bundle.
if (!existsSync(join(root, 'dist', 'cli', 'axag.js'))) npm(['run', 'build'], root);
const staging = mkdtempSync(join(tmpdir(), 'axag-vscode-server-'));
try {
  const tarball = npm(['pack', '--ignore-scripts', '--silent', '--pack-destination', staging], root).trim().split('\n').pop();
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'axag-vscode-server', private: true }));
  npm(['install', '--omit=dev', '--no-package-lock', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', join(staging, tarball)], staging);
  const server = join(here, 'server');
  rmSync(server, { recursive: true, force: true });
  // npm's links to executables and its install record are not part of any package.
  const notInstallRecords = (path) => !/[\\/](?:\.bin|\.package-lock\.json)$/.test(path);
  cpSync(join(staging, 'node_modules'), join(server, 'node_modules'), { recursive: true, filter: notInstallRecords });
  console.log(`axag-vscode: client in dist/extension.js, server (axag ${tarball}) with ${readdirSync(join(server, 'node_modules')).length} packages in server/`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
