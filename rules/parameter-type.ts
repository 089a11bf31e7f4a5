import type { ModelElement } from '../src/engine/element-model.js';
import { meantParameterFormat, meantParameterType } from '../src/parameter-types.js';
import type { Report, Rule } from '../src/rule.js';
import { quote } from '../src/text/suggest.js';
import { PARAMETER_FORMATS, PARAMETER_TYPES } from '../src/vocabulary.js';

const TYPES = PARAMETER_TYPES.join(', ');
const FORMATS = PARAMETER_FORMATS.join(', ');

export const rule: Rule = {
  id: 'axag/parameter-type',
  name: 'parameter-type',
  severity: 'warning',
  strictSeverity: 'error',
  description: 'axag-parameter-type and axag-parameter-format on a parameter element use the known types and formats.',
  docs: {
    what:
      'Reports an `axag-parameter-type` other than `string`, `number`, `integer`, `boolean`, `array` or `object`, ' +
      'and an `axag-parameter-format` other than `email`, `url`, `date`, `datetime` or `uuid`, at the value. It ' +
      'suggests the value meant, as for typed parameter objects: `"string"` with `axag-parameter-format` for `date` ' +
      'or `datetime`, `"string"` with `axag-parameter-enum` for `enum`, `integer` for `int`, `number` for `float` and ' +
      '`double`, `boolean` for `bool`, `array` for `list`, else the closest value (`Integer` → `integer`, ' +
      '`date-time` → `datetime`, `uri` → `url`). An empty value is reported too; a value computed at run time is not.',
    why:
      'Tool generators turn a parameter element into a JSON Schema property for agents to fill in. An unknown type or ' +
      'format is dropped or rejected, so the agent gets no type at all and sends whatever text it has.',
    failing:
      '<form axag-intent="event.create" axag-entity="event" axag-action-type="write" axag-risk-level="low" axag-idempotent="false">\n' +
      '  <input name="starts_at" axag-parameter="starts_at" axag-parameter-type="date">\n' +
      '  <input name="seats" axag-parameter="seats" axag-parameter-type="int">\n' +
      '</form>',
    passing:
      '<form axag-intent="event.create" axag-entity="event" axag-action-type="write" axag-risk-level="low" axag-idempotent="false">\n' +
      '  <input name="starts_at" axag-parameter="starts_at" axag-parameter-type="string" axag-parameter-format="date">\n' +
      '  <input name="seats" axag-parameter="seats" axag-parameter-type="integer">\n' +
      '</form>',
  },
  defaultOptions: {},
  check({ model }) {
    return model.elements.flatMap((element) => [...typeReports(element), ...formatReports(element)]);
  },
};

function typeReports({ element, own }: ModelElement): Report[] {
  const attribute = own.get('axag-parameter-type');
  if (!attribute || attribute.value === null) return [];
  const type = attribute.value.trim();
  if ((PARAMETER_TYPES as readonly string[]).includes(type)) return [];
  const report = (message: string, suggestion?: string): Report[] => [
    { message, range: attribute.valueRange, element, ...(suggestion !== undefined && { suggestion }) },
  ];
  if (type === '') return report(`axag-parameter-type is empty; set it to one of ${TYPES}`);
  const invalid = `Invalid axag-parameter-type ${quote(type)}`;
  const meant = meantParameterType(type);
  if (meant?.format) {
    // The type alone is the whole fix once the format is already there.
    const formatted = own.get('axag-parameter-format')?.value?.trim() === meant.format;
    const fix = formatted ? 'write axag-parameter-type="string"' : `write axag-parameter-type="string" with axag-parameter-format=${quote(meant.format)}`;
    return report(`${invalid}: ${quote(meant.format)} is a format of strings; ${fix}`, formatted ? 'string' : undefined);
  }
  if (meant?.enum) {
    const listed = own.has('axag-parameter-enum');
    const fix = listed ? 'write axag-parameter-type="string"' : 'write axag-parameter-type="string" and list the allowed values in axag-parameter-enum';
    return report(`${invalid}: an enum is a string with a list of allowed values; ${fix}`, listed ? 'string' : undefined);
  }
  if (meant) return report(`${invalid}; expected one of ${TYPES}; did you mean ${quote(meant.type)}?`, meant.type);
  return report(`${invalid}; expected one of ${TYPES}`);
}

function formatReports({ element, own }: ModelElement): Report[] {
  const attribute = own.get('axag-parameter-format');
  if (!attribute || attribute.value === null) return [];
  const format = attribute.value.trim();
  if ((PARAMETER_FORMATS as readonly string[]).includes(format)) return [];
  const at = { range: attribute.valueRange, element };
  if (format === '') return [{ message: `axag-parameter-format is empty; set it to one of ${FORMATS}, or remove it`, ...at }];
  const invalid = `Invalid axag-parameter-format ${quote(format)}; expected one of ${FORMATS}`;
  const meant = meantParameterFormat(format);
  if (meant) return [{ message: `${invalid}; did you mean ${quote(meant)}?`, ...at, suggestion: meant }];
  return [{ message: `${invalid}; for any other format, describe it with axag-parameter-pattern`, ...at }];
}
