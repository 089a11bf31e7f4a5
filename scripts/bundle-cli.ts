/**
 * Build step after tsc: bundles the CLI (bin/axag.js) and its threads from tsc's output into dist/cli/. On Node 20,
 * which keeps no compile cache, loading ~155 small modules was most of the start-up of `axag lint <one file>` (a
 * pre-commit hook, an editor). The library (dist/src/index.js) stays tsc's output. Each thread is an entry of its
 * own, so a thread loads bundled code too, and what is imported dynamically (a command, a formatter, a parser, the
 * language server) stays a file of its own, loaded when used. Whatever the code loads with
 * `createRequire(import.meta.url)(…)` (parsers, YAML, the validators, string-width) stays a require at run time,
 * resolved from dist/cli/ inside the package. Every output sits in dist/cli/ itself, a sibling of dist/src/:
 * src/package-files.ts relies on it.
 *
 * Two passes. esbuild bundles (it resolves packages and turns CommonJS such as commander into ES modules) and
 * splits the code into chunks, one for each set of entries and dynamic imports that share it: some forty files,
 * most of them under 2 KB, of which a lint of one file loaded 36. Each file costs Node's ES module loader about a
 * millisecond, and esbuild cannot merge chunks. So Rollup then puts esbuild's chunks into fewer files (`groups`):
 * a lint loads 9, and starts some 20 ms sooner.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { rollup } from 'rollup';

// This runs as dist/scripts/bundle-cli.js.
const dist = new URL('../', import.meta.url);
const repository = fileURLToPath(new URL('../', dist));
const input = (path: string) => fileURLToPath(new URL(`src/${path}`, dist));
const STAGING = 'dist/cli-chunks';
const OUTPUT = 'dist/cli';

const ENTRIES: Record<string, string> = {
  axag: 'cli/process.js',
  'lint-worker': 'engine/lint-worker.js',
  'lsp-lint-worker': 'lsp/lint-worker.js',
  'large-stack-thread': 'sources/large-stack-thread.js',
};

const { metafile } = await build({
  entryPoints: Object.entries(ENTRIES).map(([out, path]) => ({ in: input(path), out })),
  outdir: `${repository}${STAGING}`,
  absWorkingDir: repository,
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

/**
 * Which file each of esbuild's chunks goes into. The CLI always loads the main entry's chunks, then those of the
 * options and, for a lint, of the lint command (all three imported statically, or before anything else). Every
 * chunk that one of them loads goes into one file with the others the same one loads first: whoever needed any
 * of them loads them all, which is no more than the CLI loaded anyway, and a thread a little more code (with no
 * effect beyond themselves when loaded: esbuild's chunks only define things and fill their own tables). Since a
 * chunk's imports are loaded by whoever loads it, a file imports only files that come before it, never one
 * another (Rollup's warning of a cycle would stop the build). What is imported dynamically (a command, a
 * formatter, a parser) is never put with anything loaded before it is needed, and the other chunks stay where
 * esbuild put them.
 */
function groups({ outputs }: Metafile): Map<string, string> {
  const chunks = Object.keys(outputs).filter((path) => path.endsWith('.js'));
  const holding = (module: string) => {
    const chunk = chunks.find((candidate) => `dist/src/${module}` in outputs[candidate]!.inputs);
    if (chunk === undefined) throw new Error(`bundle-cli: no chunk holds dist/src/${module}; was it renamed?`);
    return chunk;
  };
  const loadedFirst = ['cli/process.js', 'cli/options.js', 'cli/lint-command.js'].map((module) => staticallyLoaded(outputs, holding(module)));
  const dynamic = new Set(chunks.flatMap((chunk) => outputs[chunk]!.imports.flatMap((i) => (i.kind === 'dynamic-import' ? [i.path] : []))));
  const group = new Map<string, string>();
  for (const chunk of chunks) {
    if (outputs[chunk]!.entryPoint !== undefined || dynamic.has(chunk)) continue;
    const first = loadedFirst.findIndex((loaded) => loaded.has(chunk));
    if (first >= 0) group.set(`${repository}${chunk}`, `shared-${first}`);
  }
  return group;
}

/** The chunks that loading `chunk` loads with it: itself and what it imports, directly or not. */
function staticallyLoaded(outputs: Metafile['outputs'], chunk: string): Set<string> {
  const loaded = new Set([chunk]);
  for (const next of loaded) {
    for (const { path, kind, external } of outputs[next]!.imports) if (kind === 'import-statement' && !external) loaded.add(path);
  }
  return loaded;
}

const bundle = await rollup({
  input: Object.fromEntries(Object.keys(ENTRIES).map((name) => [name, `${repository}${STAGING}/${name}.js`])),
  // Node's modules and the packages kept out of the bundle, and nothing else: esbuild resolved the rest.
  external: (id) => !id.startsWith('.') && !id.startsWith('/'),
  // esbuild has already left out what is not used; this pass only moves code between files.
  treeshake: false,
  onwarn: (warning) => {
    throw new Error(`rollup: ${warning.message}`);
  },
});
const grouped = groups(metafile);
const { output } = await bundle.write({
  dir: `${repository}${OUTPUT}`,
  format: 'es',
  entryFileNames: '[name].js',
  chunkFileNames: 'chunk-[hash].js',
  // Names as the code has them: a test's preload patches a module's export by its name (test/support/).
  minifyInternalExports: false,
  manualChunks: (id) => grouped.get(id),
});
await bundle.close();
rmSync(`${repository}${STAGING}`, { recursive: true });

// Which of dist/src's modules and which packages each file of dist/cli/ holds, and what it exports: tests map the
// modules a run loaded back to them. Beside dist/cli/, not in it: the package ships dist/cli/ and has no use for this.
const outputs = Object.fromEntries(
  output.flatMap((file) => {
    if (file.type !== 'chunk') return [];
    const inputs = Object.keys(file.modules).flatMap((chunk) => Object.keys(metafile.outputs[chunk.slice(repository.length)]!.inputs));
    return [[`${OUTPUT}/${file.fileName}`, { inputs: Object.fromEntries(inputs.map((path) => [path, {}])), exports: file.exports }]];
  }),
);
writeFileSync(new URL('cli-meta.json', dist), JSON.stringify({ outputs }, null, 1));
