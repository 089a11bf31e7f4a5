// The benchmark of issue 11: `npm run bench [-- --quick] [--runs <n>] [--sizes 1000,10000] [--huge] [--seed <n>]`.
//
// Times whole processes, as a user runs them, alternating the commands compared round by round so that the
// load of a shared machine falls on all of them alike, and reports medians (and the ratios between them, which
// are steadier than the milliseconds). Peak RSS comes from GNU time (/usr/bin/time) where there is one.
//
//   start       `node -e 0` against `axag --version` and `axag lint` of one small HTML and one small TSX file;
//   throughput  per tree size, `axag lint` (default settings, and --concurrency 1) against the floor script
//               (bench/floor.mjs: walk, read, skip files without axag, bare parsers), with files/s and MB/s,
//               and the floor split evenly over every core (about the least a linter that parses every file takes);
//   scaling     the largest tree against the smallest;
//   cache       a warm `--cache` run on an unchanged tree against a cold one;
//   staged      `--staged` with 200 staged files against linting the same files from disk;
// then each target of the issue beside its measured value. A flag that this axag does not have yet
// (--concurrency, --cache) makes its row "not available" instead of failing the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cacheDirectory, DEFAULT_SEED, ensureTree, isTreeSource } from './tree.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const AXAG = join(ROOT, 'bin', 'axag.js');
const FLOOR = join(ROOT, 'bench', 'floor.mjs');
const NODE = process.execPath;
const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
const SPLIT_FLOOR = `floor on ${cores} cores`;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    huge: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'start-runs': { type: 'string' },
    sizes: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log(`npm run bench [-- options]
  --quick            1,000 files only, 3 runs each, 5 start-up runs (a few minutes)
  --sizes <list>     tree sizes in files (default 1000,10000)
  --huge             add the 100,000-file tree (about 4 GB with its git repository; generated once, then reused)
  --runs <n>         timed runs of each command per comparison (default 3; medians)
  --start-runs <n>   timed runs of each start-up command (default 10)
  --seed <n>         the generator's seed (default ${DEFAULT_SEED})
Trees are generated under ${cacheDirectory()} ($AXAG_BENCH_DIR) and reused.`);
  process.exit(0);
}
const seed = Number(args.seed);
const runs = Math.max(1, Number(args.runs ?? 3));
const startRuns = Math.max(1, Number(args['start-runs'] ?? (args.quick ? 5 : 10)));
const sizes = (args.sizes ?? (args.quick ? '1000' : '1000,10000'))
  .split(',')
  .map(Number)
  .concat(args.huge ? [100_000] : [])
  .sort((a, b) => a - b);
const work = mkdtempSync(join(tmpdir(), 'axag-bench-'));
// Interrupted (the signal reaches the running child too): the working directory goes, the trees stay.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, () => {
    rmSync(work, { recursive: true, force: true });
    process.exit(code);
  });
}

// ---- Measuring -------------------------------------------------------------------------------------------------

const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((path) => existsSync(path) && spawnSync(path, ['-f', '%M', 'true']).status === 0);

/** Runs a command to its end: wall time in ms, peak RSS in MB (null without GNU time), exit status, standard error. */
function measure(command, cwd, okStatus = [0]) {
  const rssFile = join(work, 'rss');
  const [file, ...rest] = GNU_TIME ? [GNU_TIME, '-f', '%M', '-o', rssFile, ...command] : command;
  const start = process.hrtime.bigint();
  const child = spawnSync(file, rest, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!okStatus.includes(child.status)) {
    throw new Error(`${command.join(' ')} (in ${cwd}) exited with ${child.status ?? child.signal}:\n${String(child.stderr).slice(0, 2000)}`);
  }
  const rss = GNU_TIME ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : null;
  return { ms, rss };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Times each command `rounds` times, alternating: round 1 runs every command once, then round 2, and so on.
 * `before(name)` runs untimed ahead of each timed run (to empty a cache). Returns, per name, median ms and peak RSS.
 */
function alternate(commands, rounds, before = () => {}) {
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, { ms: [], rss: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, { command, cwd, ok }] of Object.entries(commands)) {
      before(name);
      const { ms, rss } = measure(command, cwd, ok);
      samples[name].ms.push(ms);
      if (rss !== null) samples[name].rss.push(rss);
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, { ms, rss }]) => [name, { ms: median(ms), rss: rss.length ? Math.max(...rss) : null, runs: ms }]),
  );
}

const LINT_OK = [0, 1];
const axag = (...args) => [NODE, AXAG, ...args];
const HELP = spawnSync(NODE, [AXAG, 'lint', '--help'], { encoding: 'utf8' }).stdout;
/** Whether `axag lint --help` lists this flag (`--cache`, not `--cache-location`). */
const hasFlag = (flag) => new RegExp(`(^|[\\s,])${flag}(?![\\w-])`, 'm').test(HELP);

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const millis = (ms) => `${Math.round(ms)} ms`;
const megabytes = (rss) => (rss === null ? 'n/a' : `${Math.round(rss)} MB`);
const ratio = (a, b) => (a / b).toFixed(2);
const count = (n) => n.toLocaleString('en');
const table = (rows) => {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  for (const row of rows) console.log(`  ${row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('   ')}`);
};

// ---- The measurements ------------------------------------------------------------------------------------------

const measured = {};
const unavailable = (flag) => `n/a: no ${flag}`;

function startUp() {
  const dir = join(work, 'small');
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'page.html'),
    `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Cart</title></head>\n<body>\n  <main>\n    <h1>Your cart</h1>\n    <form action="/cart" method="post" axag-intent="cart.update" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="true">\n      <label>Quantity <input name="quantity" type="number" axag-parameter="quantity"></label>\n      <button type="submit">Update</button>\n    </form>\n    <button type="button" axag="delete:cart.clear!high?confirm&idempotent">Empty the cart</button>\n  </main>\n</body>\n</html>\n`,
  );
  writeFileSync(
    join(dir, 'Cart.tsx'),
    `import { useState } from 'react';\n\ninterface Props { cartId: string; onCheckout(): void }\n\nexport function Cart({ cartId, onCheckout }: Props) {\n  const [quantity, setQuantity] = useState(1);\n  return (\n    <form axag-intent="cart.update" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="true">\n      <input value={quantity} onChange={(event) => setQuantity(Number(event.target.value))} axag-parameter="quantity" />\n      <button type="button" onClick={onCheckout} axag="write:order.place!medium?idempotent=false&req=cart_id">Check out {cartId}</button>\n    </form>\n  );\n}\n`,
  );
  spawnSync('git', ['init', '-q'], { cwd: dir });
  console.log(`\nStart-up: ${startRuns} alternating runs each, medians`);
  const result = alternate(
    {
      'node -e 0': { command: [NODE, '-e', '0'], cwd: dir },
      'axag --version': { command: axag('--version'), cwd: dir },
      'axag lint page.html': { command: axag('lint', 'page.html'), cwd: dir, ok: LINT_OK },
      'axag lint Cart.tsx': { command: axag('lint', 'Cart.tsx'), cwd: dir, ok: LINT_OK },
    },
    startRuns,
  );
  const base = result['node -e 0'].ms;
  table([['command', 'median', '× node -e 0', 'peak RSS'], ...Object.entries(result).map(([name, r]) => [name, millis(r.ms), ratio(r.ms, base), megabytes(r.rss)])]);
  measured.version = result['axag --version'].ms / base;
  measured.html = result['axag lint page.html'].ms / base;
  measured.tsx = result['axag lint Cart.tsx'].ms / base;
}

function throughput(files) {
  const tree = ensureTree({ files, seed }, (line) => console.log(`  ${line}`));
  // Untimed: warms the page cache, and checks that axag and the floor see the same files.
  const report = join(work, `report-${files}.json`);
  measure(axag('lint', '.', '-f', 'json', '-o', report), tree, LINT_OK);
  const { summary } = JSON.parse(readFileSync(report, 'utf8'));
  const walked = JSON.parse(spawnSync(NODE, [FLOOR, tree], { encoding: 'utf8' }).stdout);
  if (summary.files !== walked.files) throw new Error(`axag linted ${summary.files} files and the floor walked ${walked.files}: they must read the same files`);

  const commands = {
    floor: { command: [NODE, FLOOR, tree], cwd: tree },
    ...(cores > 1 && { [SPLIT_FLOOR]: { command: [NODE, FLOOR, tree, '--split', String(cores)], cwd: tree } }),
    'axag lint': { command: axag('lint', '.'), cwd: tree, ok: LINT_OK },
  };
  if (hasFlag('--concurrency')) commands['axag lint --concurrency 1'] = { command: axag('lint', '.', '--concurrency', '1'), cwd: tree, ok: LINT_OK };
  console.log(
    `\n${count(files)} files (${count(walked.files)} linted, ${(walked.bytes / 1e6).toFixed(1)} MB; ${count(walked.parsed)} contain axag, ${(walked.parsedBytes / 1e6).toFixed(1)} MB): ${runs} alternating runs each, medians`,
  );
  const result = alternate(commands, runs);
  const floorMs = result.floor.ms;
  const rows = [['command', 'median', '× floor', 'files/s', 'MB/s', 'peak RSS']];
  for (const [name, r] of Object.entries(result)) {
    rows.push([name, seconds(r.ms), ratio(r.ms, floorMs), count(Math.round(walked.files / (r.ms / 1000))), (walked.bytes / 1e6 / (r.ms / 1000)).toFixed(1), megabytes(r.rss)]);
  }
  if (!commands['axag lint --concurrency 1']) rows.push(['axag lint --concurrency 1', unavailable('--concurrency'), '', '', '', '']);
  table(rows);
  measured[files] = { tree, floor: result.floor, split: result[SPLIT_FLOOR], default: result['axag lint'], serial: result['axag lint --concurrency 1'] };
}

function cache(files) {
  if (!hasFlag('--cache')) {
    console.log(`\nCache, ${count(files)} files: ${unavailable('--cache')}`);
    return;
  }
  const { tree } = measured[files];
  const location = join(work, 'cache');
  const run = axag('lint', '.', '--cache', '--cache-location', `${location}/`);
  console.log(`\nCache, ${count(files)} files unchanged: ${runs} alternating runs each (the cold one with the cache emptied first), medians`);
  const result = alternate({ cold: { command: run, cwd: tree, ok: LINT_OK }, warm: { command: run, cwd: tree, ok: LINT_OK } }, runs, (name) => {
    if (name === 'cold') rmSync(location, { recursive: true, force: true });
  });
  table([['run', 'median', '× cold', 'peak RSS'], ...Object.entries(result).map(([name, r]) => [`--cache, ${name}`, seconds(r.ms), ratio(r.ms, result.cold.ms), megabytes(r.rss)])]);
  measured.cache = result.warm.ms / result.cold.ms;
}

/** 200 source files of a clone of the smallest tree, edited and staged; `--staged` against the same paths from disk. */
function staged(files) {
  const clone = join(work, 'staged');
  spawnSync('git', ['clone', '-q', measured[files].tree, clone], { stdio: 'ignore' });
  const sources = spawnSync('git', ['ls-files'], { cwd: clone, encoding: 'utf8' }).stdout.split('\n').filter(isTreeSource);
  const step = Math.max(1, Math.floor(sources.length / 200));
  const chosen = sources.filter((_, i) => i % step === 0).slice(0, 200);
  for (const path of chosen) appendFileSync(join(clone, path), path.endsWith('.html') ? '<!-- edited -->\n' : '// edited\n');
  spawnSync('git', ['add', ...chosen], { cwd: clone });
  console.log(`\n--staged, ${chosen.length} staged files: ${runs} alternating runs each, medians`);
  const result = alternate(
    {
      'axag lint <the files>': { command: axag('lint', ...chosen), cwd: clone, ok: LINT_OK },
      'axag lint --staged': { command: axag('lint', '--staged'), cwd: clone, ok: LINT_OK },
    },
    runs,
  );
  const disk = result['axag lint <the files>'].ms;
  table([['command', 'median', '× from disk', 'peak RSS'], ...Object.entries(result).map(([name, r]) => [name, seconds(r.ms), ratio(r.ms, disk), megabytes(r.rss)])]);
  measured.staged = result['axag lint --staged'].ms / disk;
}

// ---- The run ---------------------------------------------------------------------------------------------------

console.log(`axag benchmark: node ${process.version}, ${cores} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`trees: ${sizes.map(count).join(', ')} files, seed ${seed}, under ${cacheDirectory()}; peak RSS ${GNU_TIME ? `by ${GNU_TIME}` : 'not measured (no GNU time)'}`);
try {
  startUp();
  for (const files of sizes) throughput(files);
  const [smallest] = sizes;
  const largest = sizes.filter((size) => size <= 10_000).pop();
  if (sizes.length > 1) {
    console.log('\nScaling (default settings, medians)');
    const rows = [['trees', 'files', 'time']];
    for (let i = 1; i < sizes.length; i++) {
      const [a, b] = [sizes[i - 1], sizes[i]];
      rows.push([`${count(b)} / ${count(a)}`, `${(b / a).toFixed(0)}×`, `${ratio(measured[b].default.ms, measured[a].default.ms)}×`]);
    }
    table(rows);
  }
  cache(largest);
  staged(smallest);
  targets(largest);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function targets(largest) {
  const at = measured[10_000] ? '' : ` (measured at ${count(largest)} files)`;
  const big = measured[10_000] ?? measured[largest];
  const huge = measured[100_000];
  const rows = [['target', 'goal', 'measured', '']];
  const row = (name, goal, text, met) => rows.push([name, goal, text, met === undefined ? '' : met ? 'met' : 'NOT MET']);
  /** A ratio (or, with unit MB, a peak RSS) against its limit; undefined when this run did not measure it. */
  const check = (name, goal, value, limit, unit = '×') => {
    if (value === undefined || value === null) row(name, goal, 'not measured');
    else row(name, goal, unit === 'MB' ? `${Math.round(value)} MB` : `${value.toFixed(2)}×`, value <= limit);
  };
  check(`10,000 files, default / floor${at}`, '≤ 0.6×', big.default.ms / big.floor.ms, 0.6);
  if (big.serial) check(`10,000 files, --concurrency 1 / floor${at}`, '≤ 1.1×', big.serial.ms / big.floor.ms, 1.1);
  else row('10,000 files, --concurrency 1 / floor', '≤ 1.1×', unavailable('--concurrency'));
  check(`10,000 files, peak RSS${at}`, '≤ 300 MB', big.default.rss ?? undefined, 300, 'MB');
  check('100,000 files / 10,000 files', '≤ 11×', huge && measured[10_000] ? huge.default.ms / measured[10_000].default.ms : undefined, 11);
  check('100,000 files, peak RSS', '≤ 600 MB', huge?.default.rss ?? undefined, 600, 'MB');
  check('one small HTML file / node -e 0', '≤ 2×', measured.html, 2);
  check('one small TSX file / node -e 0', '≤ 2.5×', measured.tsx, 2.5);
  check('axag --version / node -e 0', '≤ 1.5×', measured.version, 1.5);
  if (measured.cache === undefined) row(`warm --cache / cold${at}`, '≤ 0.1×', unavailable('--cache'));
  else check(`warm --cache / cold${at}`, '≤ 0.1×', measured.cache, 0.1);
  check('--staged, 200 files / from disk', '≤ 1.3×', measured.staged, 1.3);
  console.log('\nTargets (issue 11)');
  table(rows);
  // Beside the first target, what the floor's own work takes when spread evenly over the machine's cores, each
  // process warming up its own parsers as a linter's threads do: about the least a linter that parses every file takes.
  if (big.split) {
    console.log(
      `\n  ${count(measured[10_000] ? 10_000 : largest)} files, the floor on ${cores} cores / the floor: ${ratio(big.split.ms, big.floor.ms)}× ` +
        `(${cores} processes at once, each reading and parsing 1/${cores} of the files)`,
    );
  }
}
