import { choices, macroToken, replaceValue } from '../src/fixes.js';
import type { AxagAttribute } from '../src/model.js';
import type { MacroField } from '../src/model.js';
import { written, type Rule } from '../src/rule.js';
import { parameterNames, PARAMETER_LIST_ATTRIBUTES, type ParameterItems } from '../src/parameter-list.js';
import { parseStringArray } from '../src/text/json-value.js';
import { quote } from '../src/text/suggest.js';

/** Fields whose values are lists: the same names in another order are the same value. */
const LISTS = new Set(['axag-approval-roles', 'axag-side-effects', 'axag-required-parameters', 'axag-optional-parameters']);

export const rule: Rule = {
  id: 'axag/macro-conflict',
  name: 'macro-conflict',
  severity: 'error',
  strictSeverity: 'error',
  description: 'A longhand attribute beside the axag macro does not contradict it.',
  docs: {
    what:
      'Reports a static, non-empty longhand attribute that sets a field the element\'s `axag` macro also sets, to ' +
      'another value, at the longhand value. The longhand value is the one used (the standard\'s rule). Values are ' +
      'compared trimmed; `roles`, `effects`, `req` and `opt` as sets of names, also against typed parameter objects. ' +
      'An explicit `axag-entity` is never a conflict (it overrides the entity the intent gives), nor is a dynamic or ' +
      'empty longhand value.',
    why:
      'Two values for one field mean one of them is wrong, and a reader of the macro is misled: the page says "low ' +
      'risk" in one place and "high" in another.',
    failing: '<button axag="delete:account.close!critical?confirm" axag-risk-level="high">Close account</button>',
    passing: '<button axag="delete:account.close!critical?confirm" axag-description="Closes the account for good">Close account</button>',
  },
  defaultOptions: {},
  check({ model, parameterItems }) {
    return model.elements.flatMap(({ element, own }) => {
      if (!element.macro?.applied) return [];
      return element.macro.fields.flatMap((field) => {
        const longhand = own.get(field.name);
        const value = longhand?.value?.trim();
        if (field.name === 'axag-entity' || !longhand || longhand.macroKey !== undefined || !value || agree(field, value, parameterItems)) return [];
        const macro = written({ name: field.name, value: field.value, macroKey: field.key });
        return [
          {
            message: `${longhand.name} ${shown(field.name, value)} conflicts with ${macro}; the longhand value is the one used, so remove one of them or make them agree`,
            range: longhand.valueRange,
            element,
            suggestions: keepEither(longhand, field),
          },
        ];
      });
    });
  },
};

/** A longhand value as written: a JSON list as it stands, anything else quoted. */
function shown(name: string, value: string): string {
  return LISTS.has(name) ? value : quote(value);
}

/** Whether a longhand value says what the macro's field says; a list that cannot be read is left to AXAG-LINT-009. */
function agree(field: MacroField, longhand: string, parameterItems: ParameterItems): boolean {
  if (!LISTS.has(field.name)) return field.value === longhand;
  const theirs = (PARAMETER_LIST_ATTRIBUTES as readonly string[]).includes(field.name)
    ? parameterNames(longhand, parameterItems)
    : parseStringArray(longhand);
  if (!theirs) return true;
  const ours = new Set(parseStringArray(field.value));
  const distinct = new Set(theirs);
  return ours.size === distinct.size && [...ours].every((name) => distinct.has(name));
}

/** Spec §10: the author keeps either value; the other side is written to agree with it. */
function keepEither(longhand: AxagAttribute, field: MacroField) {
  const value = longhand.value!.trim();
  const token = { name: field.name, value: field.value, nameRange: field.nameRange, valueRange: field.valueRange, macroKey: field.key };
  return choices(['longhand', 'macro'] as const, (kept) =>
    kept === 'longhand'
      ? [`Keep ${longhand.name} ${shown(field.name, value)}: write ${quote(macroToken(field.key, value))} in the axag macro`, replaceValue(token, value)]
      : [`Keep ${quote(macroToken(field.key, field.value))} of the axag macro: set ${longhand.name} to ${shown(field.name, field.value)}`, replaceValue(longhand, field.value)],
  );
}
