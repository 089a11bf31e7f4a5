// The plugin's cost: `npm run bench --workspace packages/eslint-plugin-axag [-- --files 1000] [--runs 5]`.
//
// On a copy of the sources of the root benchmark's generated tree (bench/tree.mjs: HTML pages and TSX components,
// some annotated), times whole processes, alternating them round by round so the load of a shared machine falls on
// all alike, and prints medians:
//   eslint (parsers only)   ESLint 10 with typescript-eslint's and @html-eslint's parsers and no rule: ESLint's own cost;
//   eslint + axag           the same with axag.configs.recommended: what the plugin adds is the difference;
//   axag lint               `axag lint --concurrency off` (one thread, as ESLint) and with its default concurrency.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureTree } from '../../bench/tree.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values: args } = parseArgs({ options: { files: { type: 'string', default: '1000' }, runs: { type: 'string', default: '5' } } });
const files = Number(args.files);
const runs = Number(args.runs);

const tree = ensureTree({ files }, (message) => console.error(message));
const dir = mkdtempSync(join(tmpdir(), 'eslint-plugin-axag-bench-'));
try {
  cpSync(join(tree, 'src'), join(dir, 'src'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const parsers = `import htmlParser from '@html-eslint/parser';
import tseslint from 'typescript-eslint';
export const parsers = [
  { files: ['**/*.tsx'], languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.html'], languageOptions: { parser: htmlParser } },
];
export default parsers;
`;
  writeFileSync(join(dir, 'parsers.config.js'), parsers);
  writeFileSync(join(dir, 'axag.config.js'), `import axag from 'eslint-plugin-axag';\nimport { parsers } from './parsers.config.js';\nexport default [...parsers, axag.configs.recommended];\n`);
  const eslint = join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const commands = {
    'eslint (parsers only)': [eslint, '--config', 'parsers.config.js', 'src'],
    'eslint + axag': [eslint, '--config', 'axag.config.js', 'src'],
    'axag lint --concurrency off': [join(ROOT, 'bin', 'axag.js'), 'lint', '--concurrency', 'off', 'src'],
    'axag lint': [join(ROOT, 'bin', 'axag.js'), 'lint', 'src'],
  };
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let round = 0; round < runs; round++) {
    for (const [name, command] of Object.entries(commands)) {
      const start = performance.now();
      const result = spawnSync(process.execPath, command, { cwd: dir, encoding: 'utf8' });
      if (result.status !== 0 && result.status !== 1) throw new Error(`${name} exited ${result.status}:\n${result.stderr}`);
      times[name].push(performance.now() - start);
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(`${files} files (${tree}), median of ${runs} runs:`);
  for (const [name, values] of Object.entries(times)) console.log(`  ${name.padEnd(28)} ${(median(values) / 1000).toFixed(2)} s`);
  const added = median(times['eslint + axag']) - median(times['eslint (parsers only)']);
  console.log(`  the plugin adds ${(added / 1000).toFixed(2)} s to ESLint's run (${(added / files).toFixed(2)} ms a file)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
