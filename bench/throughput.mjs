// Parse throughput per source type, and what axag adds to the parse: `npm run bench:types [-- <files per type>]`.
//
// Generates a tree (bench/generate.mjs), then, for each source type, times in
// alternating rounds in one process, on the same texts:
//   parser — the bare parser axag uses for that type, with the options axag gives it (bench/parsers.mjs; for
//            Markdown, CommonMark and then the parser of each annotated fenced block);
//   source — axag's source for the type: the parse, and finding the annotated elements with their positions;
//   engine — axag's rules on the documents the source gave: macros, the element model, the 12 checks and the
//            others, fingerprints and what the checks across files read;
//   lint   — axag's lint() on the texts: all of it, with configs and the checks across files.
// The texts are read into memory first so disk speed does not count. The machine
// is shared and noisy, so the table reports medians and ratios to the parser,
// which are stable where absolute numbers are not. Finally it times the whole CLI
// once over the tree (every type it reads by default), for files per second.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { globbySync } from 'globby';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { lint } from '../dist/src/index.js';
import { ConfigResolver } from '../dist/src/config/resolve.js';
import { lintDocument } from '../dist/src/engine/lint-document.js';
import { mayContainAnnotations, parseSource } from '../dist/src/sources/index.js';
import { generate } from './generate.mjs';
import { parserOf } from './parsers.mjs';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const perType = Number(process.argv[2] ?? 600);
const ROUNDS = 5;

/** Markdown as a linter must at least read it: CommonMark, then each fenced block that holds the word `axag`. */
const markdown = (text) => {
  const stack = [fromMarkdown(text)];
  while (stack.length > 0) {
    const node = stack.pop();
    const parse = node.type === 'code' && /^(?:html|jsx|tsx|vue)$/i.test(node.lang ?? '') && parserOf(`block.${node.lang.toLowerCase()}`);
    if (parse && mayContainAnnotations(node.value)) parse(node.value);
    if (node.children) stack.push(...node.children);
  }
};
const TYPES = ['html', 'jsx', 'tsx', 'vue', 'svelte', 'md'];
const parserFor = (type) => (type === 'md' ? markdown : parserOf(`file.${type}`));

const tree = join(tmpdir(), 'axag-bench-tree');
generate(tree, perType);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = async (run) => {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

console.log(`${perType} files per type, ${ROUNDS} alternating rounds, medians; node ${process.version}`);
console.log('each part as a multiple of the bare parser\'s time on the same texts\n');
console.log('type    files    MB   parser MB/s   source   engine     lint');
const resolver = new ConfigResolver({ cwd: tree, noConfig: true });
for (const type of TYPES) {
  const parse = parserFor(type);
  const paths = globbySync(`${type}/**/*`, { cwd: tree, absolute: true });
  const inputs = paths.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const megabytes = inputs.reduce((sum, input) => sum + Buffer.byteLength(input.text), 0) / 1e6;
  const runParser = () => inputs.forEach((input) => parse(input.text));
  const documents = [];
  const runSource = async () => {
    documents.length = 0;
    for (const input of inputs) documents.push(await parseSource(input.path, input.text));
  };
  const settings = inputs.map(({ path, text }) => {
    const { rules, identity } = resolver.forFile(path);
    return { config: { rules, identity }, manifest: undefined, text };
  });
  const runEngine = () => documents.forEach((document, i) => lintDocument(document, settings[i]));
  const runLint = async () => {
    const results = await lint(inputs, { cwd: tree, noConfig: true });
    if (results.failures.length > 0) throw new Error(results.failures.join('\n'));
  };
  if (!inputs.every((input) => mayContainAnnotations(input.text))) throw new Error(`a generated ${type} file has no annotation`);
  // Load the parser modules before timing.
  await runLint();
  await runSource();
  const times = { parser: [], source: [], engine: [], lint: [] };
  for (let round = 0; round < ROUNDS; round++) {
    times.parser.push(await time(runParser));
    times.source.push(await time(runSource));
    times.engine.push(await time(runEngine));
    times.lint.push(await time(runLint));
  }
  const parser = median(times.parser);
  const ratio = (part) => (median(times[part]) / parser).toFixed(2).padStart(8);
  const rate = (megabytes / (parser / 1000)).toFixed(1);
  console.log(`${type.padEnd(7)} ${String(inputs.length).padStart(5)} ${megabytes.toFixed(1).padStart(5)}   ${rate.padStart(11)} ${ratio('source')} ${ratio('engine')} ${ratio('lint')}`);
}

const files = globbySync(['**/*', '!md/**'], { cwd: tree }).length;
const cli = await time(() => spawnSync(process.execPath, [join(ROOT, 'bin', 'axag.js'), 'lint', '--no-config', '-f', 'json', '-o', join(tree, '..', 'axag-bench.json'), tree]));
console.log(`\nCLI: axag lint over the tree's ${files} default-included files: ${(cli / 1000).toFixed(2)} s, ${Math.round(files / (cli / 1000))} files/s`);
