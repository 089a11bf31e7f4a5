/**
 * Our JSON Schemas (the config schema and the two manifest schemas) are compiled at build time into ajv
 * standalone code (dist/validators/*.cjs): no schema is compiled when the CLI runs. These tests check that
 * the built validators are current, that they report exactly what ajv compiling the schema at run time
 * (with allErrors and ajv-formats) reports, and, by tracing the modules the built CLI loads, that the CLI
 * loads none of ajv's compiler.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { globby } from 'globby';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { standaloneValidators, validatorSchemas, VALIDATOR_NAMES } from '../scripts/standalone-validators.js';
import { tracedModules } from './support/traced-modules.js';
import { validator, type ValidatorName } from '../src/structured/validators.js';
import { assertBuilt, axag, project, removeProjects, ROOT } from './cli-helpers.js';

beforeAll(assertBuilt);
afterAll(removeProjects);

const NAMES = VALIDATOR_NAMES;
let generated: Record<ValidatorName, string> | undefined;

describe('the validators built into dist/validators/', () => {
  it.each(NAMES)('%s is what the current schema compiles to (else run `npm run build`)', (name) => {
    const built = readFileSync(join(ROOT, 'dist', 'validators', `${name}.cjs`), 'utf8');
    generated ??= standaloneValidators();
    expect(built === generated[name], `dist/validators/${name}.cjs is stale: run \`npm run build\``).toBe(true);
  });

  /** Documents to validate: every manifest and config of the repository, and broken ones. */
  async function documents(name: ValidatorName): Promise<[string, unknown][]> {
    const pattern = name === 'config' ? '**/.axag-lint.{json,yaml,yml}' : '**/axag-manifest.{json,yaml,yml}';
    const paths = await globby(pattern, { cwd: ROOT, absolute: true, dot: true, ignore: ['node_modules/**', 'dist/**'] });
    const files = paths.map((path): [string, unknown] => [relative(ROOT, path), YAML.parse(readFileSync(path, 'utf8'))]);
    const broken: [string, unknown][] =
      name === 'config'
        ? [
            ['unknown key, bad preset', { extend: 'axag-lint/strict', extends: ['axag-lint/loose'] }],
            ['bad severities and options', { rules: { 'AXAG-LINT-007': 'loud', 'AXAG-LINT-001': ['error', {}], 'AXAG-LINT-004': ['error', { allowed: 'read' }] } }],
            ['bad types', { include: 'src', ignorePatterns: [''], manifestPath: '', manifestSchema: 'v2', identity: 'loose' }],
          ]
        : [
            ['not an object', []],
            ['bad root values', { version: '1', generated_at: 'yesterday', source: { url: 1, extra: true }, conformance: 'some', actions: {} }],
            ['bad action and parameter', { actions: [{ intent: 'Cart.Add', scope: 'public', async: 'yes', required_parameters: [{ type: 'integer', minLength: -1, source: 'x' }] }] }],
            ['bad dynamic_actions', { dynamic_actions: [{ source_line: 0 }, 'x'] }],
          ];
    return [...files, ...broken];
  }

  it.each(NAMES)('%s reports exactly what ajv compiling the schema at run time reports (allErrors, formats)', async (name) => {
    const ajv = new Ajv({ allErrors: true, strict: true, strictTuples: false });
    addFormats.default(ajv);
    const compiled = ajv.compile(validatorSchemas()[name]);
    const built = validator(name);
    const cases = await documents(name);
    expect(cases.length).toBeGreaterThanOrEqual(10);
    let invalid = 0;
    for (const [label, data] of cases) {
      const errorsOf = (validate: typeof built): ErrorObject[] | null | undefined => (validate(data) ? null : validate.errors);
      const expected = errorsOf(compiled);
      if (expected) invalid++;
      expect([label, errorsOf(built)]).toEqual([label, expected]);
    }
    expect(invalid).toBeGreaterThanOrEqual(3);
  });
});

describe('the CLI compiles no schema at run time', () => {
  const TRACE = pathToFileURL(join(ROOT, 'test', 'support', 'trace-imports.mjs')).href;
  const MANIFEST = `version: "1.1.0"
generated_at: "2026-03-02T09:30:00Z"
source: { tool: "axag-compiler" }
conformance: basic
actions:
  - { intent: cart.view, entity: cart, action_type: read, description: Show the cart, scope: public }
`;
  let dir: string;
  beforeAll(() => {
    dir = project({
      '.axag-lint.json': '{ "rules": { "AXAG-LINT-004": ["error", { "allowed": ["read", "write"] }] } }\n',
      'axag-manifest.yaml': MANIFEST,
      'page.html': '<a axag-intent="cart.view" axag-entity="cart" axag-action-type="read" href="/cart">Cart</a>\n',
    });
  });

  /** The URLs of the modules a run loads under node_modules/ajv*, and of our generated validators. */
  async function loaded(args: string[], name: string): Promise<{ code: number | null; ajv: string[]; validators: string[] }> {
    const log = join(dir, `${name}.trace`);
    const run = await axag(args, { cwd: dir, env: { AXAG_TRACE_IMPORTS: log }, nodeArgs: ['--import', TRACE] });
    const urls = tracedModules(log);
    return {
      code: run.code,
      ajv: urls.flatMap((url) => /\/node_modules\/(ajv(?:-formats)?\/.*)$/.exec(url)?.[1] ?? []).sort(),
      validators: urls.flatMap((url) => /\/dist\/validators\/(.*)$/.exec(url)?.[1] ?? []).sort(),
    };
  }

  /** What the standalone code may require: ajv's runtime helpers and ajv-formats' format functions. */
  const RUNTIME = /^(ajv\/dist\/runtime\/\w+\.js|ajv-formats\/dist\/formats\.js)$/;

  it('--version loads no validator and nothing of ajv', async () => {
    expect(await loaded(['--version'], 'version')).toEqual({ code: 0, ajv: [], validators: [] });
  });

  it('a one-file lint with a config and a manifest loads their validators, and of ajv only runtime helpers', async () => {
    const run = await loaded(['lint', 'page.html'], 'lint');
    expect(run.code).toBe(0);
    expect(run.validators).toEqual(['config.cjs', 'manifest-v1.1.cjs']);
    expect(run.ajv).toContain('ajv-formats/dist/formats.js');
    for (const module of run.ajv) expect(module).toMatch(RUNTIME);
  });

  it('manifest check loads the validators it needs, and of ajv only runtime helpers', async () => {
    const run = await loaded(['manifest', 'check', 'axag-manifest.yaml'], 'check');
    expect(run.code).toBe(0);
    expect(run.validators).toEqual(['config.cjs', 'manifest-v1.1.cjs']);
    for (const module of run.ajv) expect(module).toMatch(RUNTIME);
    const chosen = await loaded(['manifest', 'check', 'axag-manifest.yaml', '--schema', 'v1'], 'check-v1');
    expect(chosen.code).toBe(1); // scope "public" is not v1
    expect(chosen.validators).toEqual(['manifest-v1.cjs']);
    for (const module of chosen.ajv) expect(module).toMatch(RUNTIME);
  });

  it('the trace sees ajv modules loaded by CommonJS require(), so the checks above can fail', () => {
    const log = join(dir, 'compile.trace');
    // A CommonJS program that loads ajv's compiler: its require() calls bypass the ES module resolve hook.
    const run = spawnSync(process.execPath, ['--import', TRACE, '-e', "require('ajv')"], { cwd: ROOT, env: { ...process.env, AXAG_TRACE_IMPORTS: log } });
    expect(run.status).toBe(0);
    const urls = readFileSync(log, 'utf8');
    expect(urls).toContain('/node_modules/ajv/dist/core.js');
    expect(urls).toContain('/node_modules/ajv/dist/compile/index.js');
  });
});
