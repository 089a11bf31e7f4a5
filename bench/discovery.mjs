// File discovery and --staged, timed through the built binary (issue 11):
//   node bench/discovery.mjs [other-bin …]
// 1. Walk: a git repository of ~38,000 files of which ~2,000 are to lint, the rest git-ignored (by directory and
//    by pattern, at several levels) or in node_modules; the time `axag lint --debug` reports for finding the files.
// 2. --staged: 200 staged files of the throughput benchmark (html, jsx, tsx, vue, svelte) against linting the same
//    files from disk by name. Each binary given (an older build, say) is timed alongside this checkout's.
// Medians of 5 runs, alternating. Needs git. Writes under the OS temp directory and removes it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const BINS = [join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'axag.js'), ...process.argv.slice(2)];
const RUNS = 5;
const env = { ...process.env, NO_COLOR: '1', GIT_CONFIG_NOSYSTEM: '1' };
for (const key of Object.keys(env)) if (key.startsWith('GIT_') && key !== 'GIT_CONFIG_NOSYSTEM') delete env[key];

const git = (cwd, ...args) => {
  const result = spawnSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
};
const write = (root, path, text) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const timed = (bin, args, cwd) => {
  const start = performance.now();
  const result = spawnSync(process.execPath, [bin, 'lint', ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - start;
  if (result.status === 2) throw new Error(`${bin} lint ${args.slice(0, 3).join(' ')}…: ${result.stderr}`);
  return { ms, stderr: result.stderr };
};

const root = mkdtempSync(join(tmpdir(), 'axag-discovery-'));
try {
  // 1. The walk.
  const walkTree = join(root, 'walk');
  const small = '<p>no annotation here</p>\n';
  write(walkTree, '.gitignore', 'dist/\n*.log\n');
  for (let p = 0; p < 40; p++) {
    write(walkTree, `packages/p${p}/.gitignore`, '*.gen.html\ncoverage/\n');
    for (let i = 0; i < 50; i++) {
      write(walkTree, `packages/p${p}/src/c${i}.html`, small);
      write(walkTree, `packages/p${p}/src/c${i}.gen.html`, small);
    }
    for (let i = 0; i < 100; i++) write(walkTree, `packages/p${p}/coverage/r${i}.html`, small);
  }
  for (let i = 0; i < 20000; i++) write(walkTree, `dist/d${i % 50}/f${i}.html`, small);
  for (let i = 0; i < 10000; i++) write(walkTree, `node_modules/m${i % 100}/f${i}.js`, small);
  git(walkTree, 'init', '-q');
  git(walkTree, 'add', '.');
  console.log('walk: 38,041 files: 2,000 to lint, 26,000 git-ignored (by directory and by pattern), 10,000 in node_modules');
  for (const bin of BINS) {
    const found = [];
    const total = [];
    for (let run = 0; run < RUNS; run++) {
      const { ms, stderr } = timed(bin, ['--debug'], walkTree);
      found.push(Number(/files to lint, found in (\d+) ms/.exec(stderr)?.[1]));
      total.push(ms);
    }
    console.log(`  ${relative(process.cwd(), bin)}: files found in ${median(found)} ms (median), whole run ${Math.round(median(total))} ms`);
  }

  // 2. --staged against the same files from disk.
  const stagedTree = join(root, 'staged');
  generate(stagedTree, 40);
  rmSync(join(stagedTree, 'md'), { recursive: true, force: true });
  git(stagedTree, 'init', '-q');
  git(stagedTree, 'add', '.');
  const files = spawnSync('git', ['diff', '--cached', '--name-only'], { cwd: stagedTree, env, encoding: 'utf8' }).stdout.trim().split('\n');
  console.log(`--staged: ${files.length} staged files`);
  for (const bin of BINS) {
    const staged = [];
    const disk = [];
    for (let run = 0; run < RUNS; run++) {
      staged.push(timed(bin, ['--staged', '-f', 'json'], stagedTree).ms);
      disk.push(timed(bin, ['-f', 'json', ...files], stagedTree).ms);
    }
    const ratio = median(staged) / median(disk);
    console.log(`  ${relative(process.cwd(), bin)}: --staged ${Math.round(median(staged))} ms, from disk ${Math.round(median(disk))} ms: ${ratio.toFixed(2)}× (target ≤ 1.3×)`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
