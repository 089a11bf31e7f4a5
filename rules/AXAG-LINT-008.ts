import { parameterNames } from '../src/parameter-list.js';
import { setIn, type Report, type Rule } from '../src/rule.js';
import { quote } from '../src/text/suggest.js';

export const rule: Rule = {
  id: 'AXAG-LINT-008',
  name: 'parameter-overlap',
  severity: 'error',
  strictSeverity: 'error',
  description: 'No parameter is both required and optional, or listed twice.',
  docs: {
    what:
      'Reports each name that appears in both `axag-required-parameters` and `axag-optional-parameters` of the same ' +
      'element, once per shared name, at the optional list; and each name listed more than once in one of them, at ' +
      'that list. A name written as a string and the `name` of a typed parameter object are the same name. Dynamic ' +
      'values, and values that are not valid parameter lists (AXAG-LINT-009 reports those), are not compared. The `req` ' +
      'and `opt` keys of the `axag` macro are these two lists, and messages name them so.',
    why:
      'A parameter is either needed or not. Listed as both, tool generators produce contradictory schemas and ' +
      'agents do not know whether they may leave it out. Listed twice in one list, its entries may disagree (a typed ' +
      'object and a bare name, or two types) and nobody can tell which one counts.',
    failing:
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low"\n' +
      '        axag-required-parameters=\'["product_id",{"name":"quantity","type":"integer"}]\'\n' +
      '        axag-optional-parameters=\'["quantity"]\'>Add</button>',
    passing:
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low"\n' +
      '        axag-required-parameters=\'["product_id"]\'\n' +
      '        axag-optional-parameters=\'[{"name":"quantity","type":"integer"}]\'>Add</button>',
  },
  defaultOptions: {},
  check({ model, parameterItems }) {
    const reports: Report[] = [];
    for (const { element, own } of model.elements) {
      const lists = [own.get('axag-required-parameters'), own.get('axag-optional-parameters')].map((attribute) => {
        const names = attribute && parameterNames(attribute.value, parameterItems);
        return names && { attribute, names };
      });
      for (const list of lists) {
        if (!list) continue;
        for (const [name, count] of repeats(list.names)) {
          const [times, remove] = count === 2 ? ['twice', 'one'] : [`${count} times`, 'all but one'];
          const message = `Parameter ${quote(name)} is listed ${times} in ${setIn(list.attribute)}; remove ${remove}`;
          reports.push({ message, range: list.attribute.valueRange, element });
        }
      }
      const [required, optional] = lists;
      if (!required || !optional) continue;
      const requiredNames = new Set(required.names);
      for (const name of new Set(optional.names)) {
        if (!requiredNames.has(name)) continue;
        reports.push({
          message: `Parameter ${quote(name)} is both required and optional; remove it from ${setIn(optional.attribute)} or from ${setIn(required.attribute)}`,
          range: optional.attribute.valueRange,
          element,
        });
      }
    }
    return reports;
  },
};

/** Names that occur more than once, with their counts, in order of first occurrence. */
function repeats(names: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 1);
}
