import type { Rule } from '../src/rule.js';
import { CloseMatches, quote } from '../src/text/suggest.js';

/** One index per manifest, shared by every file linted against it. */
const matchesOf = new WeakMap<ReadonlySet<string>, CloseMatches>();

export const rule: Rule = {
  id: 'AXAG-LINT-010',
  name: 'intent-in-manifest',
  severity: 'warning',
  strictSeverity: 'error',
  description: 'Every static axag-intent is listed among the Semantic Manifest\'s actions.',
  docs: {
    what:
      'When a Semantic Manifest is in use, reports an action whose static `axag-intent` is not the intent of any ' +
      'action in the manifest, suggesting the closest manifest intent (at most two edits away). Dynamic intents are ' +
      'not checked.',
    why:
      'Agents discover actions through the manifest. An annotated element whose intent is missing from it cannot ' +
      'be found; a near miss is usually a typo on one side.',
    failing:
      '# axag-manifest.yaml lists cart.add_item\n<button axag-intent="cart.add_itme" axag-entity="cart" axag-action-type="write">Add</button>',
    passing:
      '# axag-manifest.yaml lists cart.add_item\n<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write">Add</button>',
  },
  defaultOptions: {},
  check({ model, manifest }) {
    if (!manifest) return [];
    const { intents } = manifest;
    let matches = matchesOf.get(intents);
    return model.actions.flatMap(({ element, effective }) => {
      const attribute = effective.get('axag-intent')?.attribute;
      const intent = attribute?.value?.trim();
      if (!attribute || !intent || manifest.intents.has(intent)) return [];
      if (!matches) matchesOf.set(intents, (matches = new CloseMatches(intents, 2)));
      const suggestion = matches.closest(intent);
      const hint = suggestion
        ? `did you mean "${suggestion}"?`
        : 'add the action to the manifest or correct the intent';
      return [
        {
          message: `Intent ${quote(intent)} is not in the manifest ${manifest.displayPath}; ${hint}`,
          range: attribute.valueRange,
          element,
          ...(suggestion && { suggestion }),
        },
      ];
    });
  },
};
