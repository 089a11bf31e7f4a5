import type { RunReport, RunRule } from '../src/rule.js';

export const rule: RunRule = {
  id: 'axag/manifest-unused',
  name: 'manifest-unused',
  severity: 'off',
  strictSeverity: 'off',
  description: 'Every action of the Semantic Manifest is declared by an annotation of the run.',
  docs: {
    what:
      'A check across files, off by default: after every file is linted, reports each action of the manifest whose ' +
      'intent no linted annotation that uses this manifest declares, on the manifest file at the action\'s `intent`. ' +
      'Only meaningful when the run lints the whole site: a run on a few files (a path, `--staged`, `--changed-since`, ' +
      '`--stdin`) sees few declarations. Its severity comes from the config that applies to the manifest file.',
    why:
      'A manifest action that no page declares describes a button that is gone or was renamed: an agent calls an ' +
      'action the site no longer offers. Regenerate the manifest, or annotate the element that performs it.',
    failing: '# axag-manifest.yaml describes cart.add_item: write, risk_level low, idempotent false\n<button type="button">Add to cart</button>',
    passing:
      '# axag-manifest.yaml describes cart.add_item: write, risk_level low, idempotent false\n' +
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="false">Add to cart</button>',
  },
  defaultOptions: {},
  checkRun({ sites }) {
    return sites.flatMap((site): RunReport[] => {
      const { manifest } = site;
      if (!manifest) return [];
      const declared = new Set(site.files.flatMap((file) => file.intents.map((declaration) => declaration.intent)));
      return [...manifest.actions.values()]
        .filter((action) => !declared.has(action.intent))
        .sort((a, b) => a.index - b.index)
        .map((action) => {
          const unused = `Manifest action "${action.intent}" is declared by no annotation linted with this manifest`;
          const fix = 'regenerate the manifest, or annotate the element that performs it';
          const files = `${site.files.length} file${site.files.length === 1 ? '' : 's'}`;
          // The number of files linted is for the reader; the fingerprint must not change when a file is added.
          return { path: manifest.path, message: `${unused} (${files}); ${fix}`, stableMessage: `${unused}; ${fix}`, subject: action.intent, range: manifest.locateIntent(action.index) };
        });
    });
  },
};
