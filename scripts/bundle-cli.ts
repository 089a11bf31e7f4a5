/**
 * Build step after tsc: bundles the CLI (bin/axag.js) and its threads from tsc's output into dist/cli/. On Node 20,
 * which keeps no compile cache, loading ~155 small modules was most of the start-up of `axag lint <one file>` (a
 * pre-commit hook, an editor); the few dozen bundled files a lint loads instead take about half that time. The
 * library (dist/src/index.js) stays tsc's output. Each thread is an entry of its own, so a thread loads bundled
 * code too; code they share sits in chunks, and what is imported dynamically (a command, a formatter, the
 * language server) stays a chunk of its own, loaded when used. Whatever the code loads with `createRequire(import.meta.url)(…)` (parsers, YAML,
 * the validators, string-width) stays a require at run time, resolved from dist/cli/ inside the package.
 * Every output sits in dist/cli/ itself, a sibling of dist/src/: src/package-files.ts relies on it.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// This runs as dist/scripts/bundle-cli.js.
const dist = new URL('../', import.meta.url);
const input = (path: string) => fileURLToPath(new URL(`src/${path}`, dist));

const { metafile } = await build({
  entryPoints: [
    { in: input('cli/process.js'), out: 'axag' },
    { in: input('engine/lint-worker.js'), out: 'lint-worker' },
    { in: input('lsp/lint-worker.js'), out: 'lsp-lint-worker' },
    { in: input('sources/large-stack-thread.js'), out: 'large-stack-thread' },
  ],
  outdir: fileURLToPath(new URL('cli/', dist)),
  absWorkingDir: fileURLToPath(new URL('../', dist)),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  chunkNames: 'chunk-[hash]',
  // Packages whose code finds files next to its own (hermes-parser's WebAssembly build, the language server's
  // file helpers use __dirname and __filename) stay in node_modules, imported from there.
  external: ['hermes-parser', 'vscode-languageserver', 'vscode-languageserver/*'],
  // Bundled CommonJS (commander) requires Node's own modules, and an ES module has no `require` of its own. Made
  // on first use: the banner goes into every file, and making one in each file a lint loads cost about 2 ms.
  banner: {
    js: [
      "import { createRequire as __axagCreateRequire } from 'node:module';",
      'let __axagRequire;',
      'function require(id) { return (__axagRequire ??= __axagCreateRequire(import.meta.url))(id); }',
    ].join('\n'),
  },
  metafile: true,
  logLevel: 'warning',
});

// Which of dist/src's modules and which packages each output holds: tests map the modules a run loaded back to them.
// Beside dist/cli/, not in it: the package ships dist/cli/ and has no use for this.
writeFileSync(new URL('cli-meta.json', dist), JSON.stringify(metafile, null, 1));
