import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRuleOption, parseSeverity } from '../src/cli/options.js';
import { isIgnored } from '../src/files.js';
import { CONFIG_FILENAMES, ConfigResolver, FatalError } from '../src/index.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'axag-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function resolveIn(dir: string, file = 'page.html') {
  return new ConfigResolver({ cwd: dir }).forFile(join(dir, file));
}

describe('config resolution', () => {
  it('uses the recommended preset when there is no config', () => {
    const config = resolveIn(project({}));
    expect(config.configFile).toBeUndefined();
    expect(config.rules['AXAG-LINT-007']).toEqual({ severity: 'warning', options: {} });
    expect(config.identity).toBe('default');
  });

  it('applies the strict preset, then the file’s own rules', () => {
    const dir = project({
      '.axag-lint.json': JSON.stringify({
        extends: ['axag-lint/recommended', 'axag-lint/strict'],
        rules: { 'AXAG-LINT-011': 'warn', 'AXAG-LINT-004': ['error', { allowed: ['read', 'write'] }] },
      }),
    });
    const config = resolveIn(dir);
    expect(config.identity).toBe('strict');
    expect(config.rules['AXAG-LINT-006']!.severity).toBe('error');
    expect(config.rules['AXAG-LINT-011']!.severity).toBe('warning');
    expect(config.rules['AXAG-LINT-004']!.options).toEqual({ allowed: ['read', 'write'] });
  });

  it('takes AXAG-LINT-009\'s parameterItems (default "objects") and a severity for axag/parameter-object', () => {
    expect(resolveIn(project({})).rules['AXAG-LINT-009']).toEqual({ severity: 'error', options: { parameterItems: 'objects' } });
    const dir = project({
      '.axag-lint.json': JSON.stringify({ rules: { 'AXAG-LINT-009': ['error', { parameterItems: 'names' }], 'axag/parameter-object': 'error' } }),
    });
    const config = resolveIn(dir);
    expect(config.rules['AXAG-LINT-009']).toEqual({ severity: 'error', options: { parameterItems: 'names' } });
    expect(config.rules['axag/parameter-object']).toEqual({ severity: 'error', options: {} });
  });

  it('uses the nearest config and resolves manifestPath relative to it', () => {
    const dir = project({
      '.axag-lint.json': '{}',
      'pkg/.axag-lint.yaml': 'rules:\n  AXAG-LINT-001: off\nmanifestPath: ../shared/manifest.json\n',
    });
    const config = resolveIn(dir, 'pkg/deep/page.html');
    expect(config.configFile).toBe(join(dir, 'pkg/.axag-lint.yaml'));
    expect(config.rules['AXAG-LINT-001']!.severity).toBe('off');
    expect(config.manifestPath).toBe(join(dir, 'shared/manifest.json'));
  });

  it('discovers axag-manifest.* beside the config', () => {
    const dir = project({ 'site/.axag-lint.json': '{}', 'site/axag-manifest.yml': 'actions: []\n' });
    expect(resolveIn(dir, 'site/a.html').manifestPath).toBe(join(dir, 'site/axag-manifest.yml'));
  });

  it.each([
    ['{"rule": {}}', /\.axag-lint\.json:1:2: unknown key "rule" in the config; valid keys are extends, rules/],
    // 013–037 are the other AXAG linter's numbers (a warning, see below); 038 is nobody's.
    ['{"rules": {"AXAG-LINT-038": "error"}}', /:1:12: unknown key "AXAG-LINT-038" in rules; rule ids are AXAG-LINT-001 … AXAG-LINT-012/],
    ['{"rules": {"AXAG-LINT-007": "fatal"}}', /:1:12: rules\.AXAG-LINT-007 must be one of "off", "warn", "warning", "info", "error", 0, 1, 2; got "fatal"/],
    ['{"rules": {"AXAG-LINT-004": ["error", {"allowed": ["Write"]}]}}', /rules\.AXAG-LINT-004\[1\]\.allowed\[0\] "Write" is not a lower-case action type such as "write"$/],
    ['{"extends": "eslint:recommended"}', /:1:2: extends "eslint:recommended" is not a preset, a path or a package name; the presets are axag-lint\/recommended, @axag\/lint\/recommended, axag-lint\/strict/],
    ['{"identity": "loose"}', /identity must be one of "default", "strict"; got "loose"/],
    ['{\n  "rules": {,}\n}', /\.axag-lint\.json:2:13: invalid JSON: /],
    ['{"rules": {}, "rules": {}}', /:1:15: invalid JSON: duplicate key "rules"/],
    ['{"rules": {"AXAG-LINT-001": ["error", {}]}}', /:1:12: AXAG-LINT-001 takes no options; write just its severity, e.g. "error"$/],
    ['{"rules": {"AXAG-LINT-004": ["error", {"allowed": ["read", "read"]}]}}', /allowed lists "read" more than once$/],
    ['{"manifestPath": ""}', /:1:2: manifestPath must not be empty$/],
    ['{"rules": {"AXAG-LINT-009": ["error", {"parameterItems": "strings"}]}}', /rules\.AXAG-LINT-009\[1\]\.parameterItems must be one of "names", "objects"; got "strings"/],
    ['{"rules": {"axag/parameter-object": ["error", {"types": []}]}}', /:1:12: axag\/parameter-object takes no options; write just its severity, e.g. "error"$/],
  ])('rejects %s naming the file, position and key', (text, message) => {
    const dir = project({ '.axag-lint.json': text });
    expect(() => resolveIn(dir)).toThrow(message);
  });
});

describe('presets and overrides', () => {
  it('applies presets in order: recommended after strict undoes strict', () => {
    const dir = project({ '.axag-lint.json': '{"extends": ["axag-lint/strict", "axag-lint/recommended"]}' });
    const config = resolveIn(dir);
    expect(config.identity).toBe('default');
    expect(config.rules['AXAG-LINT-007']!.severity).toBe('warning');
  });

  it('sets the value checks of spec §9.1 as its table says: errors for the formats, warnings raised to errors by strict', () => {
    const table = {
      'axag/intent-format': ['error', 'error'],
      'axag/entity-format': ['error', 'error'],
      'axag/boolean-value': ['warning', 'error'],
      'axag/scope-value': ['warning', 'error'],
      'axag/attribute-value': ['warning', 'error'],
      'axag/risk-level-required': ['warning', 'error'],
    };
    const recommended = resolveIn(project({})).rules;
    const strict = resolveIn(project({ '.axag-lint.json': '{"extends": "axag-lint/strict"}' })).rules;
    for (const [id, [inRecommended, inStrict]] of Object.entries(table)) {
      expect([id, recommended[id]!.severity, strict[id]!.severity]).toEqual([id, inRecommended, inStrict]);
    }
    expect(recommended['axag/scope-value']!.options).toEqual({ allowed: ['public', 'user', 'tenant', 'global'] });
  });

  it('takes axag/scope-value\'s allowed scopes, lower-case words, and says what is wrong with another', () => {
    const dir = project({ '.axag-lint.json': JSON.stringify({ rules: { 'axag/scope-value': ['error', { allowed: ['user', 'partner_org'] }] } }) });
    expect(resolveIn(dir).rules['axag/scope-value']).toEqual({ severity: 'error', options: { allowed: ['user', 'partner_org'] } });
    const bad = project({ '.axag-lint.json': '{"rules": {"axag/scope-value": ["error", {"allowed": ["Tenant"]}]}}' });
    expect(() => resolveIn(bad)).toThrow(/rules\.axag\/scope-value\[1\]\.allowed\[0\] "Tenant" is not a lower-case scope such as "tenant"$/);
  });

  it('rejects an unknown rule id in the library’s rule overrides', () => {
    const dir = project({});
    const resolver = new ConfigResolver({ cwd: dir, ruleOverrides: { 'AXAG-LINT-099': 'off' } });
    expect(() => resolver.forFile(join(dir, 'a.html'))).toThrow(/unknown rule "AXAG-LINT-099"/);
  });
});

describe('the configuration the AXAG 1.1 docs describe (spec §5)', () => {
  it('exclude means ignorePatterns, relative to the config file; with both, both apply', () => {
    const dir = project({ 'site/.axaglintrc.json': JSON.stringify({ ignorePatterns: ['vendor/'], exclude: ['dist/**', '**/*.test.*'] }) });
    const config = resolveIn(dir, 'site/page.html');
    expect(config.ignorePatterns.flatMap((set) => set.patterns)).toEqual(['vendor/', 'dist/**', '**/*.test.*']);
    expect(isIgnored(join(dir, 'site/dist/a.html'), config.ignorePatterns)).toBe(true);
    expect(isIgnored(join(dir, 'site/src/a.test.html'), config.ignorePatterns)).toBe(true);
    expect(isIgnored(join(dir, 'site/vendor/a.html'), config.ignorePatterns)).toBe(true);
    expect(isIgnored(join(dir, 'site/src/a.html'), config.ignorePatterns)).toBe(false);
    // Relative to the config's directory, not the working directory.
    expect(isIgnored(join(dir, 'dist/a.html'), config.ignorePatterns)).toBe(false);
  });

  it('info is a severity that means warning: in rules, with options, in --rule and on its own', () => {
    const dir = project({
      '.axaglintrc.json': JSON.stringify({ rules: { 'AXAG-LINT-001': 'info', 'AXAG-LINT-011': ['info', { approvalIsRoleBased: true }] } }),
    });
    const config = resolveIn(dir);
    expect(config.rules['AXAG-LINT-001']).toEqual({ severity: 'warning', options: {} });
    expect(config.rules['AXAG-LINT-011']).toEqual({ severity: 'warning', options: { approvalIsRoleBased: true } });
    expect(parseRuleOption('AXAG-LINT-002:info')).toEqual({ 'AXAG-LINT-002': 'warning' });
    expect(parseSeverity('info')).toBe('warning');
  });

  it('the docs’ config as written runs: each ignored entry is a warning at its key, in document order', () => {
    const text = [
      '{',
      '  "include": ["**/*.{html,htm,jsx,tsx,vue}"],',
      '  "exclude": ["node_modules/**", "dist/**"],',
      '  "manifestPath": "./axag-manifest.json",',
      '  "rules": {',
      '    "AXAG-LINT-025": "off",',
      '    "AXAG-LINT-007": "info",',
      '    "AXAG-LINT-031": "warning"',
      '  },',
      '  "enforcedIntentsPath": "axag-enforced.json"',
      '}',
    ].join('\n');
    const dir = project({ '.axaglintrc.json': text });
    const resolver = new ConfigResolver({ cwd: dir });
    const config = resolver.forFile(join(dir, 'page.html'));
    expect(config.include).toEqual(['**/*.{html,htm,jsx,tsx,vue}']);
    expect(config.ignorePatterns.flatMap((set) => set.patterns)).toEqual(['node_modules/**', 'dist/**']);
    expect(config.manifestPath).toBe(join(dir, 'axag-manifest.json'));
    expect(config.rules['AXAG-LINT-007']!.severity).toBe('warning');
    const path = join(dir, '.axaglintrc.json');
    expect(config.notices).toEqual([
      { message: 'AXAG-LINT-025 is not a check of axag; ignored', location: { path, line: 6, column: 5 } },
      { message: 'AXAG-LINT-031 is not a check of axag; ignored', location: { path, line: 8, column: 5 } },
      {
        message: 'enforcedIntentsPath is read by AXAG-LINT-037 of another AXAG linter, which is not a check of axag; ignored',
        location: { path, line: 10, column: 3 },
      },
    ]);
    expect(resolver.notices).toEqual(config.notices);
  });

  it('enforcedIntentsPath is not offered as a valid key', () => {
    const dir = project({ '.axag-lint.json': '{"exclud": []}' });
    expect(() => resolveIn(dir)).toThrow(/valid keys are extends, rules, include, ignorePatterns, exclude, manifestPath, manifestSchema, identity, root$/);
  });
});

describe('package.json#axag-lint (spec §5)', () => {
  /** A package.json as npm writes it, that also names axag-lint as a dependency. */
  const packageJson = (config?: unknown) =>
    `${JSON.stringify({ name: 'shop', devDependencies: { 'axag-lint': '^0.1.0' }, ...(config !== undefined && { 'axag-lint': config }) }, null, 2)}\n`;
  const off = (id: string) => JSON.stringify({ rules: { [id]: 'off' } });

  it.each(CONFIG_FILENAMES)('comes after %s in the same directory', (name) => {
    const dir = project({ [name]: off('AXAG-LINT-001'), 'package.json': packageJson({ rules: { 'AXAG-LINT-002': 'off' } }) });
    const config = resolveIn(dir);
    expect(config.configFile).toBe(join(dir, name));
    expect(config.rules['AXAG-LINT-002']!.severity).toBe('error');
  });

  it('is used when it is the only config source of the directory, merged over the config further up', () => {
    const dir = project({ '.axag-lint.json': off('AXAG-LINT-001'), 'app/package.json': packageJson({ rules: { 'AXAG-LINT-002': 'off' } }) });
    const config = resolveIn(dir, 'app/src/page.html');
    expect(config.configFile).toBe(join(dir, 'app/package.json'));
    expect(config.configFiles).toEqual([join(dir, '.axag-lint.json'), join(dir, 'app/package.json')]);
    expect(config.rules['AXAG-LINT-001']!.severity).toBe('off');
    expect(config.rules['AXAG-LINT-002']!.severity).toBe('off');
  });

  it('a package.json without the key (or with it only as a dependency) does not stop the search upward', () => {
    const dir = project({
      'package.json': packageJson({ rules: { 'AXAG-LINT-002': 'off' } }),
      'packages/app/package.json': packageJson(),
      'packages/lib/.axag-lint.yaml': 'rules:\n  AXAG-LINT-003: off\n',
      'packages/lib/sub/package.json': '{ "name": "lib-sub", "axag": { "axag-lint": {} } }\n',
    });
    expect(resolveIn(dir, 'packages/app/src/page.html').configFile).toBe(join(dir, 'package.json'));
    expect(resolveIn(dir, 'packages/lib/sub/page.html').configFile).toBe(join(dir, 'packages/lib/.axag-lint.yaml'));
  });

  it('manifestPath, include, ignorePatterns and exclude are relative to the package.json', () => {
    const dir = project({
      'packages/app/package.json': packageJson({ manifestPath: 'api/axag-manifest.yaml', include: ['src/**/*.jsx'], exclude: ['legacy/**'] }),
    });
    const config = resolveIn(dir, 'packages/app/src/Cart.jsx');
    expect(config.baseDir).toBe(join(dir, 'packages/app'));
    expect(config.manifestPath).toBe(join(dir, 'packages/app/api/axag-manifest.yaml'));
    expect(config.include).toEqual(['src/**/*.jsx']);
    expect(isIgnored(join(dir, 'packages/app/legacy/a.html'), config.ignorePatterns)).toBe(true);
    expect(isIgnored(join(dir, 'legacy/a.html'), config.ignorePatterns)).toBe(false);
  });

  it('discovers axag-manifest.* beside the package.json', () => {
    const dir = project({ 'app/package.json': packageJson({}), 'app/axag-manifest.json': '{}' });
    expect(resolveIn(dir, 'app/a.html').manifestPath).toBe(join(dir, 'app/axag-manifest.json'));
  });

  it('a schema error is reported at its line and column of package.json, naming the "axag-lint" config', () => {
    const text = ['{', '  "name": "shop",', '  "axag-lint": {', '    "exlude": ["dist/**"],', '    "rules": { "AXAG-LINT-007": "loud" }', '  }', '}', ''].join('\n');
    const dir = project({ 'package.json': text });
    const error = (() => {
      try {
        resolveIn(dir);
      } catch (thrown) {
        return thrown as FatalError;
      }
      throw new Error('expected a FatalError');
    })();
    expect(error).toBeInstanceOf(FatalError);
    expect(error.message).toBe(
      [
        'invalid "axag-lint" config in package.json',
        'package.json:4:5: unknown key "exlude" in the "axag-lint" config; valid keys are extends, rules, include, ignorePatterns, exclude, manifestPath, manifestSchema, identity, root',
        // `    "rules": { ` is 15 characters: the entry "AXAG-LINT-007" starts at column 16.
        'package.json:5:16: rules.AXAG-LINT-007 must be one of "off", "warn", "warning", "info", "error", 0, 1, 2; got "loud"',
      ].join('\n'),
    );
    expect(error.locations).toEqual([
      { path: join(dir, 'package.json'), line: 4, column: 5 },
      { path: join(dir, 'package.json'), line: 5, column: 16 },
    ]);
  });

  it('other linters’ numbers and enforcedIntentsPath in it are warnings at their keys in package.json', () => {
    const text = ['{', '  "name": "shop",', '  "axag-lint": {', '    "enforcedIntentsPath": "enforced.json",', '    "rules": { "AXAG-LINT-024": "info" }', '  }', '}', ''].join('\n');
    const dir = project({ 'package.json': text });
    const path = join(dir, 'package.json');
    expect(resolveIn(dir).notices).toEqual([
      { message: 'enforcedIntentsPath is read by AXAG-LINT-037 of another AXAG linter, which is not a check of axag; ignored', location: { path, line: 4, column: 5 } },
      { message: 'AXAG-LINT-024 is not a check of axag; ignored', location: { path, line: 5, column: 16 } },
    ]);
  });

  it('a package.json that is not JSON stops the run when its text names the key, and is passed over when it does not', () => {
    // `{ "name": "x", "axag-lint": { "rules": {` is 40 characters: the stray comma is at column 41.
    const named = project({ '.axag-lint.json': off('AXAG-LINT-001'), 'app/package.json': '{ "name": "x", "axag-lint": { "rules": {,} } }\n' });
    expect(() => resolveIn(named, 'app/a.html')).toThrow(/^cannot read the "axag-lint" config: app\/package\.json:1:41: invalid JSON: expected a property name in double quotes, found ","$/);
    const unnamed = project({ '.axag-lint.json': off('AXAG-LINT-001'), 'app/package.json': '{ "name": "x", }\n' });
    expect(resolveIn(unnamed, 'app/a.html').configFile).toBe(join(unnamed, '.axag-lint.json'));
  });

  it('"axag-lint": null is an empty config, as an empty config file is; another value that is not an object is an error', () => {
    const empty = project({ 'package.json': '{ "axag-lint": null }' });
    expect(resolveIn(empty).configFile).toBe(join(empty, 'package.json'));
    expect(resolveIn(empty).rules['AXAG-LINT-001']!.severity).toBe('error');
    const list = project({ 'package.json': '{ "axag-lint": ["AXAG-LINT-001"] }' });
    expect(() => resolveIn(list)).toThrow(/package\.json:1:3: the "axag-lint" config must be an object; got an array$/);
  });

  it('--config package.json reads its key; one without the key is an error', () => {
    const dir = project({ 'ci/package.json': packageJson(JSON.parse(off('AXAG-LINT-007'))), 'bare/package.json': packageJson() });
    const config = new ConfigResolver({ cwd: dir, configFile: 'ci/package.json' }).forFile(join(dir, 'page.html'));
    expect(config.rules['AXAG-LINT-007']!.severity).toBe('off');
    const bare = new ConfigResolver({ cwd: dir, configFile: 'bare/package.json' });
    expect(() => bare.forFile(join(dir, 'page.html'))).toThrow(/^bare\/package\.json has no "axag-lint" key; add the config there, or use a config file$/);
  });
});
