/**
 * Property-based fuzzing (issue 12, scope 3): hostile and broken input of every kind never makes lint() throw,
 * every finding lies inside its file, a second run gives the same output, and every format parses back.
 *
 * In the suite: a fixed seed and a bounded number of runs. `npm run fuzz -- --seed <n> --minutes <m>` (or
 * `--runs <n>`) runs the same properties for longer; a failure prints the seed and path that reproduce it.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { configFile, EXTENSION, macro, manifestFile, sourceFile, type Language } from './fuzz/inputs.js';
import { checkRun, put, scratch } from './fuzz/properties.js';

const seed = Number(process.env.FUZZ_SEED ?? 20_251_012);
const minutes = Number(process.env.FUZZ_MINUTES ?? 0);
const PROPERTIES = 9;
/** In a long run each property gets its share of the time; in the suite, a fixed number of runs. */
const budget = (runs: number): fc.Parameters<unknown> =>
  minutes > 0
    ? { seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: (minutes * 60_000) / PROPERTIES, markInterruptAsFailure: false }
    : { seed, numRuns: Number(process.env.FUZZ_RUNS ?? runs), ...(process.env.FUZZ_PATH && { path: process.env.FUZZ_PATH }) };
const timeout = minutes > 0 ? (minutes * 60_000) / PROPERTIES + 120_000 : 60_000;

const dir = scratch();
const LANGUAGES: Language[] = ['html', 'jsx', 'tsx', 'vue', 'svelte', 'markdown'];

describe('fuzz: source files', () => {
  it.each(LANGUAGES)('%s', async (language) => {
    const path = `${dir}/page.${EXTENSION[language]}`;
    await fc.assert(
      fc.asyncProperty(sourceFile(language), async (text) => {
        await checkRun([{ path, text }], { cwd: dir, noConfig: true }, new Map([[path, text]]));
      }),
      budget(language === 'markdown' ? 30 : 45),
    );
  }, timeout);
});

describe('fuzz: macros', () => {
  it('random macro strings in every attribute form', async () => {
    const path = `${dir}/macro.html`;
    await fc.assert(
      fc.asyncProperty(macro, fc.constantFrom('"', "'"), async (value, quote) => {
        const text = `<button axag=${quote}${value}${quote} axag-description="x">x</button>\n<div axag=${quote}${value}${quote}><a axag-intent="a.b">y</a></div>`;
        await checkRun([{ path, text }], { cwd: dir, noConfig: true }, new Map([[path, text]]));
      }),
      budget(100),
    );
  }, timeout);
});

const PAGE = '<button axag="write:cart.add_itme!low?idempotent" axag-required-parameters=\'["sku"]\'>Add</button>\n';

describe('fuzz: manifests and configs', () => {
  it('manifests, JSON and YAML: findings on the manifest, or a fatal error with a message', async () => {
    await fc.assert(
      fc.asyncProperty(manifestFile, async ({ format, text }) => {
        const run = scratch();
        const manifest = put(run, `axag-manifest.${format}`, text);
        const page = put(run, 'page.html', PAGE);
        await checkRun([page], { cwd: run, noConfig: true, manifest }, new Map([[manifest, text], [page, PAGE]]), { fatalAllowed: true });
      }),
      budget(60),
    );
  }, timeout);

  it('configs, JSON and YAML: applied, or a fatal error with a message', async () => {
    await fc.assert(
      fc.asyncProperty(configFile, async ({ format, text }) => {
        const run = scratch();
        const config = put(run, `.axag-lint.${format}`, text);
        const page = put(run, 'page.html', PAGE);
        await checkRun([page], { cwd: run, configFile: config }, new Map([[page, PAGE]]), { fatalAllowed: true });
      }),
      budget(60),
    );
  }, timeout);
});
