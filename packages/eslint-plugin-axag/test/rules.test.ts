/**
 * The plugin's rules in ESLint, by hand-written cases: each parser a project may configure, rule options from the
 * ESLint config and from the axag config, the plugin's settings, eslint-disable comments, and mistakes in settings.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Linter, RuleTester } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../dist/index.js';
import { LANGUAGES, packageDir, projectDir } from './helpers.js';

Object.assign(RuleTester, { describe, it, itOnly: it.only, afterAll });
const tester = new RuleTester();
const rule = (name: string) => plugin.rules[name] as never;
const inProject = (name: string) => join(projectDir, name);
/** A directory with no axag config above it: no manifest unless the settings name one. */
const outsideProject = (name: string) => join(packageDir, 'test', 'fixtures', 'no-config', name);
const manifestPath = join(projectDir, 'axag-manifest.yaml');

const ADD_JSX = 'export const Add = () => <button axag-entity="cart" axag-action-type="write">Add</button>;\n';

tester.run('missing-intent', rule('missing-intent'), {
  valid: [
    { code: 'export const Add = () => <button axag-intent="cart.add_item" axag-entity="cart">Add</button>;', filename: inProject('add.jsx'), languageOptions: LANGUAGES.jsx.languageOptions },
    // A file type axag does not read has no findings, whatever it holds.
    { code: 'const html = "<button axag-entity=\\"cart\\">";', filename: inProject('notes.json.js'), languageOptions: LANGUAGES.jsx.languageOptions },
  ],
  invalid: [
    {
      // espree, ESLint's default parser.
      code: ADD_JSX,
      filename: inProject('add.jsx'),
      languageOptions: LANGUAGES.jsx.languageOptions,
      errors: [{ message: '<button> has AXAG attributes but no axag-intent; add axag-intent="entity.action" naming what it does', line: 1, column: 27, endLine: 1, endColumn: 33 }],
    },
    {
      // An element with only an entity is a container, unless the strict identity makes every annotated element an action.
      code: '<section axag-entity="cart">\n  <p>Your cart</p>\n</section>\n',
      filename: inProject('cart.html'),
      languageOptions: LANGUAGES.html.languageOptions,
      settings: { axag: { identity: 'strict' } },
      errors: [{ message: '<section> has AXAG attributes but no axag-intent; add axag-intent="entity.action" naming what it does', line: 1, column: 2, endLine: 1, endColumn: 9 }],
    },
  ],
});

tester.run('idempotent-declared', rule('idempotent-declared'), {
  valid: [{ code: '<template>\n  <button axag="write:cart.add_item!low?idempotent">Add</button>\n</template>\n', filename: inProject('add.vue'), languageOptions: LANGUAGES.vue.languageOptions }],
  invalid: [
    {
      // The suggestions add to the macro, where the author wrote the annotation.
      code: '<template>\n  <button axag="write:cart.add_item!low">Add</button>\n</template>\n',
      filename: inProject('add.vue'),
      languageOptions: LANGUAGES.vue.languageOptions,
      errors: [
        {
          message: 'Action "cart.add_item" (<button>) is a "write" action but does not say whether it is idempotent; add "idempotent" or "idempotent=false" to the axag macro',
          line: 2,
          column: 4,
          endLine: 2,
          endColumn: 10,
          suggestions: [
            { desc: 'Add "idempotent" to the axag macro', output: '<template>\n  <button axag="write:cart.add_item!low?idempotent">Add</button>\n</template>\n' },
            { desc: 'Add "idempotent=false" to the axag macro', output: '<template>\n  <button axag="write:cart.add_item!low?idempotent=false">Add</button>\n</template>\n' },
          ],
        },
      ],
    },
  ],
});

const REMOVE_TSX = (type: string) =>
  `export function Remove(): JSX.Element {\n  return <button axag-intent="cart.remove_item" axag-entity="cart" axag-action-type="${type}" axag-risk-level="low" axag-idempotent="true">Remove</button>;\n}\n`;

tester.run('invalid-action-type', rule('invalid-action-type'), {
  valid: [
    { code: REMOVE_TSX('delete'), filename: inProject('remove.tsx'), languageOptions: LANGUAGES.tsx.languageOptions },
    // The ESLint options merge over those of the axag config, which allows only read and write there.
    { code: REMOVE_TSX('delete'), filename: join(packageDir, 'test', 'fixtures', 'options', 'remove.tsx'), languageOptions: LANGUAGES.tsx.languageOptions, options: [{ allowed: ['read', 'write', 'delete'] }] },
  ],
  invalid: [
    {
      // typescript-eslint's parser; a certain correction (the case) is a fix.
      code: REMOVE_TSX('Write'),
      filename: inProject('remove.tsx'),
      languageOptions: LANGUAGES.tsx.languageOptions,
      errors: [{ message: 'Invalid axag-action-type "Write"; expected one of read, write, delete, navigate; did you mean "write"?', line: 2, column: 86, endLine: 2, endColumn: 91 }],
      output: REMOVE_TSX('write'),
    },
    {
      // The axag config's options apply when the ESLint config gives none.
      code: REMOVE_TSX('delete'),
      filename: join(packageDir, 'test', 'fixtures', 'options', 'remove.tsx'),
      languageOptions: LANGUAGES.tsx.languageOptions,
      errors: [{ message: 'Invalid axag-action-type "delete"; expected one of read, write', line: 2, column: 86, endLine: 2, endColumn: 92 }],
    },
    {
      code: REMOVE_TSX('delete'),
      filename: inProject('remove.tsx'),
      languageOptions: LANGUAGES.tsx.languageOptions,
      options: [{ allowed: ['read', 'navigate'] }],
      errors: [{ message: 'Invalid axag-action-type "delete"; expected one of read, navigate', line: 2, column: 86, endLine: 2, endColumn: 92 }],
    },
  ],
});

const CLEAR_SVELTE = (level: string) =>
  `<script lang="ts">\n  export let count = 0;\n</script>\n\n<button axag-intent="cart.clear" axag-entity="cart" axag-action-type="delete" axag-risk-level="${level}" axag-idempotent="true">Clear {count}</button>\n`;

tester.run('invalid-risk-level', rule('invalid-risk-level'), {
  valid: [{ code: CLEAR_SVELTE('low'), filename: inProject('clear.svelte'), languageOptions: LANGUAGES.svelte.languageOptions }],
  invalid: [
    {
      code: CLEAR_SVELTE('Low'),
      filename: inProject('clear.svelte'),
      languageOptions: LANGUAGES.svelte.languageOptions,
      errors: [{ message: 'Invalid axag-risk-level "Low"; expected one of none, low, medium, high, critical; did you mean "low"?', line: 5, column: 96, endLine: 5, endColumn: 99 }],
      output: CLEAR_SVELTE('low'),
    },
  ],
});

const ADD_HTML = (intent: string) =>
  `<button axag-intent="${intent}" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="false">Add</button>\n`;

tester.run('intent-in-manifest', rule('intent-in-manifest'), {
  valid: [
    { code: ADD_HTML('cart.add_item'), filename: inProject('add.html'), languageOptions: LANGUAGES.html.languageOptions },
    // No axag config and no manifest in the working directory: nothing to check against.
    { code: ADD_HTML('cart.add_itme'), filename: outsideProject('add.html'), languageOptions: LANGUAGES.html.languageOptions },
  ],
  invalid: [
    {
      // The manifest found beside the axag config, as `axag lint` finds it.
      code: ADD_HTML('cart.add_itme'),
      filename: inProject('add.html'),
      languageOptions: LANGUAGES.html.languageOptions,
      errors: [{ message: `Intent "cart.add_itme" is not in the manifest ${relative(process.cwd(), manifestPath)}; did you mean "cart.add_item"?`, line: 1, column: 22, endLine: 1, endColumn: 35 }],
      output: ADD_HTML('cart.add_item'),
    },
    {
      // The manifest that settings.axag.manifest names.
      code: ADD_HTML('cart.add_itme'),
      filename: outsideProject('add.html'),
      languageOptions: LANGUAGES.html.languageOptions,
      settings: { axag: { manifest: relative(process.cwd(), manifestPath) } },
      errors: [{ message: `Intent "cart.add_itme" is not in the manifest ${relative(process.cwd(), manifestPath)}; did you mean "cart.add_item"?`, line: 1, column: 22, endLine: 1, endColumn: 35 }],
      output: ADD_HTML('cart.add_item'),
    },
  ],
});

// Only a bug in axag (a check or parser that throws) makes an internal error, so no text is an invalid case; these
// files, each read by another of axag's readers, are valid.
tester.run('internal-error', rule('internal-error'), {
  valid: [
    { code: ADD_JSX, filename: inProject('add.jsx'), languageOptions: LANGUAGES.jsx.languageOptions },
    { code: REMOVE_TSX('Write'), filename: inProject('remove.tsx'), languageOptions: LANGUAGES.tsx.languageOptions },
    { code: CLEAR_SVELTE('Low'), filename: inProject('clear.svelte'), languageOptions: LANGUAGES.svelte.languageOptions },
    { code: '<template>\n  <button axag="write:cart.add_item!low">Add</button>\n</template>\n', filename: inProject('add.vue'), languageOptions: LANGUAGES.vue.languageOptions },
    { code: ADD_HTML('cart.add_itme'), filename: inProject('add.html'), languageOptions: LANGUAGES.html.languageOptions },
  ],
  invalid: [],
});

describe('one lint for all the rules of a file', () => {
  it('is not reused for the same text linted with other rules', () => {
    const lintWith = (rules: Linter.RulesRecord) =>
      new Linter().verify(ADD_JSX, { files: ['**/*.jsx'], plugins: { axag: plugin }, languageOptions: LANGUAGES.jsx.languageOptions, rules }, inProject('again.jsx')).map(({ ruleId }) => ruleId);
    expect(lintWith({ 'axag/missing-intent': 'error' })).toEqual(['axag/missing-intent']);
    expect(lintWith({ 'axag/idempotent-declared': 'error' })).toEqual(['axag/idempotent-declared']);
    expect(lintWith({ 'axag/missing-intent': 'error', 'axag/idempotent-declared': 'error' })).toEqual(['axag/missing-intent', 'axag/idempotent-declared']);
  });


  it('gives each rule the options of the others that it reads (the action types of invalid-action-type)', () => {
    const linter = new Linter();
    const messages = linter.verify(
      '<button axag-intent="cart.apply_coupon" axag-entity="cart" axag-risk-level="low">Apply</button>\n',
      {
        files: ['**/*.html'],
        plugins: { axag: plugin },
        languageOptions: LANGUAGES.html.languageOptions,
        rules: { 'axag/missing-action-type': 'error', 'axag/invalid-action-type': ['warn', { allowed: ['read', 'write'] }] },
      },
      inProject('coupon.html'),
    );
    expect(messages.map(({ ruleId, message }) => ({ ruleId, message }))).toEqual([
      { ruleId: 'axag/missing-action-type', message: 'Action "cart.apply_coupon" (<button>) has no axag-action-type; add one of read, write' },
    ]);
  });
});

describe('eslint-disable comments', () => {
  it('silence the findings of the rules they name, since they are reported through ESLint', () => {
    const config = { files: ['**/*.jsx'], plugins: { axag: plugin }, languageOptions: LANGUAGES.jsx.languageOptions, rules: { 'axag/missing-intent': 'error', 'axag/idempotent-declared': 'warn' } } satisfies Linter.Config;
    const lintText = (text: string) => new Linter().verify(text, config, inProject('add.jsx')).map(({ ruleId, line }) => `${ruleId} ${line}`);
    expect(lintText(ADD_JSX)).toEqual(['axag/missing-intent 1', 'axag/idempotent-declared 1']);
    expect(lintText(`// eslint-disable-next-line axag/missing-intent\n${ADD_JSX}`)).toEqual(['axag/idempotent-declared 2']);
  });
});

describe('text without a file name', () => {
  it('is read as JavaScript with JSX, as ESLint reads it (eslint --stdin without --stdin-filename)', () => {
    const config = { plugins: { axag: plugin }, languageOptions: LANGUAGES.jsx.languageOptions, rules: { 'axag/missing-intent': 'error' } } satisfies Linter.Config;
    expect(new Linter().verify(ADD_JSX, config).map(({ ruleId, line, column }) => `${ruleId} ${line}:${column}`)).toEqual(['axag/missing-intent 1:27']);
  });

  it("is linted under the axag config and manifest of ESLint's working directory", () => {
    const config = { plugins: { axag: plugin }, languageOptions: LANGUAGES.jsx.languageOptions, rules: { 'axag/intent-in-manifest': 'error' } } satisfies Linter.Config;
    const text = 'export const Add = () => <button axag-intent="cart.no_such_action" axag-entity="cart" axag-action-type="read">Add</button>;\n';
    expect(new Linter({ cwd: projectDir }).verify(text, config).map(({ ruleId }) => ruleId)).toEqual(['axag/intent-in-manifest']);
  });
});

describe('a long-running ESLint (an editor, eslint_d)', () => {
  it('lints without the manifest it had found once that manifest is removed, as axag lint would', () => {
    const dir = mkdtempSync(join(tmpdir(), 'axag-eslint-'));
    try {
      writeFileSync(join(dir, '.axag-lint.json'), '{ "root": true }\n');
      copyFileSync(join(projectDir, 'axag-manifest.yaml'), join(dir, 'axag-manifest.yaml'));
      const config = { files: ['**/*.jsx'], plugins: { axag: plugin }, languageOptions: LANGUAGES.jsx.languageOptions, rules: { 'axag/intent-in-manifest': 'error' } } satisfies Linter.Config;
      const text = 'export const Add = () => <button axag-intent="cart.no_such_action" axag-entity="cart" axag-action-type="read">Add</button>;\n';
      const lintText = () => new Linter({ cwd: dir }).verify(text, config, join(dir, 'add.jsx')).map(({ ruleId, message }) => ruleId ?? message);
      expect(lintText()).toEqual(['axag/intent-in-manifest']);
      rmSync(join(dir, 'axag-manifest.yaml'));
      expect(lintText()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('mistakes in the settings, the axag config or the manifest', () => {
  const verify = (settings: unknown, filename = inProject('add.html')) =>
    new Linter().verify(ADD_HTML('cart.add_item'), { files: ['**/*.html'], plugins: { axag: plugin }, languageOptions: LANGUAGES.html.languageOptions, settings: { axag: settings }, rules: { 'axag/missing-intent': 'error' } }, filename);

  it('end the run with a message that says what to fix, and no stack trace', () => {
    expect(() => verify({ identity: 'loose' })).toThrow('settings.axag.identity in your ESLint config must be "default" or "strict", not "loose"');
    expect(() => verify({ manifests: 'x.yaml' })).toThrow('settings.axag in your ESLint config has unknown keys: manifests; it takes manifest and identity');
    try {
      verify({ manifest: 'test/fixtures/missing-manifest.yaml' });
      expect.unreachable();
    } catch (error) {
      const { message, stack } = error as Error;
      expect(message).toMatch(/^axag cannot lint .*add\.html: .*test\/fixtures\/missing-manifest\.yaml.*fix settings\.axag\.manifest in your ESLint config/s);
      expect(stack).not.toMatch(/\n\s+at /);
    }
  });

  it('reject rule options that axag would reject', () => {
    const config = (options: unknown) => ({ files: ['**/*.html'], plugins: { axag: plugin }, languageOptions: LANGUAGES.html.languageOptions, rules: { 'axag/invalid-action-type': ['error', options] as never } });
    expect(() => new Linter().verify('', config({ allowed: [] }), inProject('a.html'))).toThrow(/axag\/invalid-action-type/);
    expect(() => new Linter().verify('', config({ allow: ['read'] }), inProject('a.html'))).toThrow(/axag\/invalid-action-type/);
    expect(() => new Linter().verify('', { ...config({}), rules: { 'axag/missing-intent': ['error', {}] } }, inProject('a.html'))).toThrow(/axag\/missing-intent/);
  });
});
