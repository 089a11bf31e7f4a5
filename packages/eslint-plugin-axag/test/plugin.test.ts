/** The plugin's rules and configs against axag's own list of checks, presets and documentation. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRunRule, lint, NAMESPACED_CHECKS, PRESETS, RULES, ruleDocsUrl } from 'axag-lint';
import { describe, expect, it } from 'vitest';
import plugin, { ESLINT_RULE_NAMES, NOT_OFFERED } from '../dist/index.js';
import { packageDir } from './helpers.js';

const repositoryRoot = join(packageDir, '..', '..');
const CHECKS = [...RULES, ...NAMESPACED_CHECKS];
const SEVERITY = { error: 'error', warning: 'warn', off: 'off' } as const;

describe('the rules', () => {
  it('are one per check of axag, but the checks that need the whole run or report on the manifest', () => {
    for (const check of CHECKS) {
      const offered = Object.hasOwn(ESLINT_RULE_NAMES, check.id);
      expect(offered !== Object.hasOwn(NOT_OFFERED, check.id), `${check.id} is either offered or said not to be`).toBe(true);
    }
    for (const rule of RULES.filter(isRunRule)) expect(Object.hasOwn(ESLINT_RULE_NAMES, rule.id), `${rule.id} runs across files`).toBe(false);
    expect(Object.keys(ESLINT_RULE_NAMES).filter((id) => !CHECKS.some((check) => check.id === id))).toEqual([]);
    const names = Object.values(ESLINT_RULE_NAMES);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expect(Object.keys(plugin.rules).sort()).toEqual([...names].sort());
  });

  it("link to their check's documentation page, which exists", () => {
    for (const [id, name] of Object.entries(ESLINT_RULE_NAMES)) {
      const url = plugin.rules[name]!.meta!.docs!.url!;
      expect(url).toBe(ruleDocsUrl(id));
      expect(existsSync(join(repositoryRoot, url.replace(/^.*?\/blob\/[^/]+\//, ''))), url).toBe(true);
    }
  });

  it('say they fix or suggest exactly when their findings do, on every fixture and example of the repository', async () => {
    const sources = ['fixtures', 'examples'].flatMap((dir) =>
      (readdirSync(join(repositoryRoot, dir), { recursive: true }) as string[]).map((path) => join(repositoryRoot, dir, path)).filter((path) => /\.(?:html|jsx|tsx|vue|svelte|md)$/.test(path)),
    );
    // What the fixtures lack: a suggested value for a format attribute, the closest word for a macro token and for
    // a scope, an intent close to one of the manifest (which applies to every file here).
    const extra = {
      path: join(packageDir, 'test', 'fixtures', 'project', 'suggestions.html'),
      text:
        '<button axag-intent="org.invite" axag-entity="member" axag-action-type="write" axag-risk-level="low" axag-idempotent="false" axag-tenant-boundary="strct">Invite</button>\n' +
        '<button axag="wrte:cart.add_item!low?idempotent">Add</button>\n' +
        '<button axag="write:cart.add_itme!low?idempotent">Add</button>\n' +
        '<button axag-intent="org.invite" axag-entity="member" axag-action-type="write" axag-risk-level="low" axag-idempotent="false" axag-scope="tenat">Invite</button>\n',
    };
    const everyRule = Object.fromEntries(RULES.map((rule) => [rule.id, 'warning' as const]));
    const results = await lint([...sources, extra], { cwd: repositoryRoot, noConfig: true, manifest: join(packageDir, 'test', 'fixtures', 'project', 'axag-manifest.yaml'), ruleOverrides: everyRule });
    const findings = results.files.flatMap((file) => file.findings);
    const fixing = new Set(findings.filter((finding) => finding.fix).map((finding) => finding.ruleId));
    const suggesting = new Set(findings.filter((finding) => finding.suggestions?.length).map((finding) => finding.suggestions && finding.ruleId));
    for (const [id, name] of Object.entries(ESLINT_RULE_NAMES)) {
      const { meta } = plugin.rules[name]!;
      expect(meta!.fixable === 'code', `${name} is fixable`).toBe(fixing.has(id));
      expect(meta!.hasSuggestions === true, `${name} has suggestions`).toBe(suggesting.has(id));
    }
  });

  it("take the options of axag's config: the same schema", () => {
    for (const rule of RULES) {
      const name = ESLINT_RULE_NAMES[rule.id];
      if (name === undefined) continue;
      expect(plugin.rules[name]!.meta!.schema).toEqual(rule.optionsSchema ? [rule.optionsSchema] : []);
    }
  });
});

describe('the configs', () => {
  it("mirror axag's presets: each rule at the preset's severity, with the options it sets", () => {
    for (const [config, preset] of [
      [plugin.configs.recommended, PRESETS['axag-lint/recommended']!],
      [plugin.configs.strict, PRESETS['axag-lint/strict']!],
    ] as const) {
      expect(config.plugins).toEqual({ axag: plugin });
      for (const [id, name] of Object.entries(ESLINT_RULE_NAMES)) {
        // The namespaced checks are not rules of the presets: they are on at their one severity in both.
        const severity = SEVERITY[preset.rules[id] ?? CHECKS.find((check) => check.id === id)!.severity];
        const options = preset.options[id];
        const defaults = RULES.find((rule) => rule.id === id)?.defaultOptions;
        const changed = options !== undefined && JSON.stringify(options) !== JSON.stringify(defaults);
        expect(config.rules![`axag/${name}`], id).toEqual(changed && severity !== 'off' ? [severity, options] : severity);
      }
    }
    expect(plugin.configs.recommended.rules!['axag/missing-intent']).toBe('error');
    expect(plugin.configs.recommended.rules!['axag/tenant-parameter']).toBe('off');
    // The defaults are not written out: an axag config's options for the rule still apply.
    expect(plugin.configs.recommended.rules!['axag/manifest-drift']).toBe('warn');
    expect(plugin.configs.strict.rules!['axag/manifest-drift']).toEqual(['error', { optionalParameters: true }]);
    expect(plugin.configs.strict.settings).toEqual({ axag: { identity: 'strict' } });
  });
});

describe("the plugin's README", () => {
  it('lists every rule with its axag id, and what is not offered', () => {
    const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
    for (const [id, name] of Object.entries(ESLINT_RULE_NAMES)) expect(readme).toContain(`| \`axag/${name}\` | \`${id}\` |`);
    for (const id of Object.keys(NOT_OFFERED)) expect(readme).toContain(`\`${id}\``);
  });
});
