#!/usr/bin/env node
// Long fuzz runs: `npm run fuzz -- [--seed <n>] [--minutes <m> | --runs <n>] [--path <p>]`.
// Runs the properties of test/fuzz.test.ts (every source language, macros, manifests, configs) with the given
// seed (random when not given) for the given time, shared among the properties, or number of runs each.
// The seed is printed first; a failure prints fast-check's counterexample with its seed and path, and
// `--seed <s> --path <p>` (with the same --runs, or none) replays exactly that case.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { seed: { type: 'string' }, minutes: { type: 'string' }, runs: { type: 'string' }, path: { type: 'string' } },
});
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
const env = { ...process.env, FUZZ_SEED: seed };
if (values.path) env.FUZZ_PATH = values.path;
if (values.runs) env.FUZZ_RUNS = values.runs;
else if (!values.path) env.FUZZ_MINUTES = values.minutes ?? '5';
console.log(`axag fuzz: seed ${seed}, ${env.FUZZ_MINUTES ? `${env.FUZZ_MINUTES} minutes` : `${values.runs ?? 'the suite’s'} runs per property`}`);
const start = Date.now();
const run = spawnSync('npx', ['vitest', 'run', 'test/fuzz.test.ts'], { stdio: 'inherit', env });
console.log(`axag fuzz: seed ${seed}, ${((Date.now() - start) / 60_000).toFixed(1)} minutes, ${run.status === 0 ? 'no failure' : 'FAILED'}`);
process.exit(run.status ?? 1);
