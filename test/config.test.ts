import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../src/index.js';

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
    ['{"rules": {"AXAG-LINT-013": "error"}}', /:1:12: unknown key "AXAG-LINT-013" in rules; rule ids are AXAG-LINT-001 … AXAG-LINT-012/],
    ['{"rules": {"AXAG-LINT-007": "fatal"}}', /:1:12: rules\.AXAG-LINT-007 must be one of "off", "warn", "warning", "error", 0, 1, 2; got "fatal"/],
    ['{"rules": {"AXAG-LINT-004": ["error", {"allowed": ["update"]}]}}', /rules\.AXAG-LINT-004\[1\]\.allowed\[0\] must be one of "read"/],
    ['{"extends": "eslint:recommended"}', /extends must be one of "axag-lint\/recommended", "@axag\/lint\/recommended", "axag-lint\/strict"/],
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

  it('rejects an unknown rule id in the library’s rule overrides', () => {
    const dir = project({});
    const resolver = new ConfigResolver({ cwd: dir, ruleOverrides: { 'AXAG-LINT-099': 'off' } });
    expect(() => resolver.forFile(join(dir, 'a.html'))).toThrow(/unknown rule "AXAG-LINT-099"/);
  });
});
