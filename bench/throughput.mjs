// Parse throughput per source type: `npm run bench:types [-- <files per type>]`.
//
// Generates a tree (bench/generate.mjs), then, for each source type, times in
// alternating rounds in one process:
//   parser — the bare parser axag uses for that type, with the options axag gives it;
//   lint   — axag's lint() on the same texts (parse, build the model, run the 12 rules).
// The texts are read into memory first so disk speed does not count. The machine
// is shared and noisy, so the table reports medians and the lint/parser ratio,
// which is stable where absolute numbers are not. Finally it times the whole CLI
// once over the tree (every type it reads by default), for files per second.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as babelParse } from '@babel/parser';
import { parse as vueParse } from '@vue/compiler-dom';
import { globbySync } from 'globby';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parse as parse5Parse } from 'parse5';
import { lint } from '../dist/src/index.js';
import { generate } from './generate.mjs';

const { parse: svelteParse } = createRequire(import.meta.url)('svelte/compiler');
const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const perType = Number(process.argv[2] ?? 600);
const ROUNDS = 5;

const babel = (plugins) => (text) =>
  babelParse(text, { sourceType: 'unambiguous', plugins, allowReturnOutsideFunction: true, attachComment: false });
const jsx = babel(['jsx', 'decorators-legacy']);
const tsx = babel(['jsx', 'typescript', 'decorators-legacy']);
const html = (text) => parse5Parse(text, { sourceCodeLocationInfo: true });

/** The bare parsers: for Markdown, CommonMark plus the parser of each fenced block. */
const PARSERS = {
  html,
  jsx,
  tsx,
  vue: (text) => vueParse(text, { parseMode: 'sfc' }),
  svelte: (text) => svelteParse(text, { modern: true }),
  md: (text) => {
    const stack = [fromMarkdown(text)];
    while (stack.length > 0) {
      const node = stack.pop();
      if (node.type === 'code') (node.lang === 'html' ? html : jsx)(node.value);
      if (node.children) stack.push(...node.children);
    }
  },
};

const tree = join(tmpdir(), 'axag-bench-tree');
generate(tree, perType);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = async (run) => {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

console.log(`${perType} files per type, ${ROUNDS} alternating rounds, medians; node ${process.version}\n`);
console.log('type    files    MB   parser MB/s   lint MB/s   lint/parser');
for (const [type, parse] of Object.entries(PARSERS)) {
  const paths = globbySync(`${type}/**/*`, { cwd: tree, absolute: true });
  const inputs = paths.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const megabytes = inputs.reduce((sum, input) => sum + Buffer.byteLength(input.text), 0) / 1e6;
  const runParser = () => inputs.forEach((input) => parse(input.text));
  const runLint = async () => {
    const results = await lint(inputs, { cwd: tree, noConfig: true });
    if (results.failures.length > 0) throw new Error(results.failures.join('\n'));
  };
  await runLint(); // load the parser modules before timing
  const parserTimes = [];
  const lintTimes = [];
  for (let round = 0; round < ROUNDS; round++) {
    parserTimes.push(await time(runParser));
    lintTimes.push(await time(runLint));
  }
  const [p, l] = [median(parserTimes), median(lintTimes)];
  const rate = (ms) => (megabytes / (ms / 1000)).toFixed(1);
  console.log(
    `${type.padEnd(7)} ${String(inputs.length).padStart(5)} ${megabytes.toFixed(1).padStart(5)}   ${rate(p).padStart(11)}   ${rate(l).padStart(9)}   ${(l / p).toFixed(2).padStart(11)}`,
  );
}

const files = globbySync(['**/*', '!md/**'], { cwd: tree }).length;
const cli = await time(() => spawnSync(process.execPath, [join(ROOT, 'bin', 'axag.js'), 'lint', '--no-config', '-f', 'json', '-o', join(tree, '..', 'axag-bench.json'), tree]));
console.log(`\nCLI: axag lint over the tree's ${files} default-included files: ${(cli / 1000).toFixed(2)} s, ${Math.round(files / (cli / 1000))} files/s`);
