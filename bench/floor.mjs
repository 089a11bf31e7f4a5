// The floor (issue 11): what any linter of these files must at least do, on one thread.
// `node bench/floor.mjs <dir> [--part <i>/<n> | --split <n>]`
//
// Walks the directory as axag does by default (the same source types, .gitignore files from the repository root
// down, never into node_modules, .git and the other folders axag never walks), reads each file, skips the ones
// without the word `axag` (axag's own test), and parses the rest with the bare parser axag uses for the type,
// with the options axag's sources export for it. It builds no model and runs no rule. Prints one line of JSON:
// the files walked and parsed and their bytes.
//
// `--part i/n` reads and parses only every n-th file of the walk, from the i-th. `--split n` runs the n parts at
// once, one process each, and prints their sums: the floor's own work spread evenly over n cores, each process
// warming up its own parsers, as a linter's threads do.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ignore from 'ignore';
import { mayContainAnnotations } from '../dist/src/sources/documents.js';
import { isOptInSource, isSourceFile } from '../dist/src/sources/index.js';
import { NEVER_WALKED } from '../dist/src/walk.js';
import { parserOf } from './parsers.mjs';

/** Source files below `root`, as git and axag's walk see them: ignored directories are never entered. */
function* walk(root) {
  const pending = [{ dir: root, rules: [] }];
  while (pending.length > 0) {
    const { dir, rules: above } = pending.pop();
    const entries = readdirSync(dir, { withFileTypes: true });
    const rules = entries.some((entry) => entry.name === '.gitignore')
      ? [...above, { dir, rules: ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8')) }]
      : above;
    const ignored = (path, directory) => {
      for (let i = rules.length - 1; i >= 0; i--) {
        const rel = relative(rules[i].dir, path).split(sep).join('/');
        const { ignored, unignored } = rules[i].rules.test(directory ? `${rel}/` : rel);
        if (ignored || unignored) return ignored;
      }
      return false;
    };
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!NEVER_WALKED.has(entry.name) && !ignored(path, true)) pending.push({ dir: path, rules });
      } else if (entry.isFile() && isSourceFile(path) && !isOptInSource(path) && !ignored(path, false)) {
        yield path;
      }
    }
  }
}

const { values: args, positionals } = parseArgs({ options: { part: { type: 'string' }, split: { type: 'string' } }, allowPositionals: true });
const [root = process.cwd()] = positionals;
if (args.split !== undefined && (args.part !== undefined || !(Number.isInteger(Number(args.split)) && Number(args.split) >= 1))) {
  throw new Error(`--split ${args.split}: write a number of parts, 1 or more, without --part`);
}
const totals = args.split ? await split(Number(args.split)) : floor(args.part ?? '1/1');
process.stdout.write(`${JSON.stringify(totals)}\n`);

function floor(part) {
  const [index, parts] = part.split('/').map(Number);
  if (!(Number.isInteger(index) && Number.isInteger(parts) && index >= 1 && index <= parts)) throw new Error(`--part ${part}: write i/n, with 1 ≤ i ≤ n`);
  const totals = { files: 0, bytes: 0, parsed: 0, parsedBytes: 0 };
  let walked = 0;
  for (const path of walk(root)) {
    if (walked++ % parts !== index - 1) continue;
    const bytes = readFileSync(path);
    const text = bytes.toString('utf8');
    totals.files++;
    totals.bytes += bytes.length;
    if (!mayContainAnnotations(text)) continue;
    parserOf(path)(text);
    totals.parsed++;
    totals.parsedBytes += bytes.length;
  }
  return totals;
}

async function split(parts) {
  const self = fileURLToPath(import.meta.url);
  const run = (index) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [self, root, '--part', `${index}/${parts}`], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`floor part ${index}/${parts} exited with ${code}`))));
    });
  const results = await Promise.all(Array.from({ length: parts }, (_, i) => run(i + 1)));
  const totals = { files: 0, bytes: 0, parsed: 0, parsedBytes: 0 };
  for (const result of results) for (const key of Object.keys(totals)) totals[key] += result[key];
  return totals;
}
