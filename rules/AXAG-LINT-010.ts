import { replaceValue } from '../src/fixes.js';
import { fixOf, type Rule } from '../src/rule.js';
import { CloseMatches, quote } from '../src/text/suggest.js';
import { normalizedIntent } from '../src/vocabulary.js';

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
      'not checked, nor a malformed intent whose normalised form is in the manifest (`Cart.AddItem` for ' +
      '`cart.add_item`): that is one mistake, and `axag/intent-format` reports it with the fix.',
    why:
      'Agents discover actions through the manifest. An annotated element whose intent is missing from it cannot ' +
      'be found; a near miss is usually a typo on one side.',
    failing:
      '# axag-manifest.yaml describes cart.add_item: write, risk_level low, idempotent false\n' +
      '<button axag-intent="cart.add_itme" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="false">Add</button>',
    passing:
      '# axag-manifest.yaml describes cart.add_item: write, risk_level low, idempotent false\n' +
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="false">Add</button>',
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
      const normalized = normalizedIntent(intent);
      if (normalized !== undefined && manifest.intents.has(normalized)) return [];
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
          // Spec §10: a fix only when no other manifest intent is as near; else the author picks.
          ...(suggestion && matches.isOnlyMatch(intent, suggestion) && fixOf(replaceValue(attribute, suggestion))),
        },
      ];
    });
  },
};
