import type { Range } from '../src/model.js';
import type { Report, Rule } from '../src/rule.js';
import { quote } from '../src/text/suggest.js';

export const rule: Rule = {
  id: 'axag/macro-syntax',
  name: 'macro-syntax',
  severity: 'error',
  strictSeverity: 'error',
  description: 'The axag macro follows the AXAG 1.1 grammar: type:intent[!risk][?key=value&…].',
  docs: {
    what:
      'Reports each grammar error in an `axag="…"` macro (AXAG 1.1) at the token that fails, with a did-you-mean where ' +
      'one exists: a missing `:`; an action type other than `read`, `write`, `delete` or `navigate` (`mutate` → ' +
      '`write`); an intent that is not `entity.action`; a risk level other than `none`, `low`, `medium`, `high` or ' +
      '`critical` (`!High` → `high`); an unknown key (`idempotant` → `idempotent`) or a repeated one (the first ' +
      'applies); a boolean key (`confirm`, `approval`, `idempotent`, `async`) with a value other than `true` or ' +
      '`false`; `scope` or `tenant` outside their values; a key that needs a value without one; a list item that is ' +
      'not a plain name; whitespace. When the head (`type:intent`) fails, nothing of the macro applies and this is the ' +
      'only finding about the element\'s identity; otherwise the valid parts still apply.',
    why:
      'Agents and the AXAG SDK read the macro with the same grammar. A macro they cannot read leaves the element ' +
      'without an identity or drops the part that failed, silently.',
    failing: '<button axag="mutate:cart.add_item!High?idempotant&confirm">Add to cart</button>',
    passing: '<button axag="write:cart.add_item!high?idempotent&confirm">Add to cart</button>',
  },
  defaultOptions: {},
  check({ model }) {
    return model.elements.flatMap(({ element }) =>
      (element.macro?.problems ?? []).map(({ message, range, suggestion, guess }) => ({
        message,
        range,
        element,
        ...(suggestion !== undefined && { suggestion, ...tokenEdits(range, suggestion, guess === true) }),
      })),
    );
  },
};

/** The corrected token in place of the failing one: a fix, or a suggestion when it is the closest word (spec §10). */
function tokenEdits(range: Range, token: string, guess: boolean): Pick<Report, 'fix' | 'suggestions'> {
  const edits = [{ range, text: token }];
  return guess ? { suggestions: [{ label: `Write ${quote(token)} in the axag macro`, edits }] } : { fix: edits };
}
