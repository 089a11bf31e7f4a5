import type { AxagAttribute } from '../src/model.js';
import { isPlainObject, PARAMETER_LIST_ATTRIBUTES, readParameterItems } from '../src/parameter-list.js';
import type { Report, Rule } from '../src/rule.js';
import { parseJson, shortJson } from '../src/text/json-value.js';
import { closest, quote } from '../src/text/suggest.js';
import { maxEdits, meantParameterFormat, meantParameterType } from '../src/parameter-types.js';
import { PARAMETER_FORMATS, PARAMETER_OBJECT_KEYS, PARAMETER_TYPES } from '../src/vocabulary.js';

type ParameterObject = Readonly<Record<string, unknown>>;

/** One problem of one typed object: what is wrong, and the object corrected when there is exactly one correction. */
interface Problem {
  text: string;
  corrected?: ParameterObject;
}

/** Where an object is: which list it is in, and whether that list is the required one. */
interface Place {
  attribute: AxagAttribute;
  required: boolean;
}

/** Keys written for a known key under another name (compared lower-cased): JSON Schema's words and abbreviations. */
const KEY_ALIASES: ReadonlyMap<string, string> = new Map([
  ['minimum', 'min'],
  ['maximum', 'max'],
  ['minlen', 'minLength'],
  ['maxlen', 'maxLength'],
  ['desc', 'description'],
  ['regex', 'pattern'],
  ['values', 'enum'],
  ['options', 'enum'],
]);

export const rule: Rule = {
  id: 'axag/parameter-object',
  name: 'parameter-object',
  severity: 'warning',
  strictSeverity: 'error',
  description: 'Typed parameter objects use the known keys, types and formats, with values of the right kind.',
  docs: {
    what:
      'Checks each typed parameter object in `axag-required-parameters` and `axag-optional-parameters` (AXAG 1.1: ' +
      '`{"name": "quantity", "type": "integer", "min": 1}`). It reports a `type` other than `string`, `number`, ' +
      '`integer`, `boolean`, `array` or `object` (suggesting `"string"` with a `"format"` for `date` or `datetime`, ' +
      '`"string"` with an `"enum"` for `enum`, `integer` for `int`, `number` for `float` and `double`, `boolean` for ' +
      '`bool`, `array` for `list`, else the closest type); a key other than `name`, `type`, `description`, `enum`, ' +
      '`min`, `max`, `minLength`, `maxLength`, `pattern`, `format`, `default`, `items` and `properties` (with a ' +
      'did-you-mean such as `minlength` → `minLength`; for `required`, the list the object is in already says it); ' +
      'a `format` other than `email`, `url`, `date`, `datetime` or `uuid`; `min` greater than `max` and `minLength` greater than ' +
      '`maxLength`; and known keys with values of the wrong kind: `enum` not an array, `min`/`max` not numbers, ' +
      '`minLength`/`maxLength` not integers ≥ 0, `pattern` not a string or not a valid regular expression (as JSON ' +
      'Schema validators compile it, with the `u` flag), `description` not a string, `items`/`properties` not ' +
      'objects. One finding per problem, at the attribute value, naming the item by its index and name. Items that ' +
      'are not parameter objects at all are AXAG-LINT-009\'s; with its option `parameterItems: "names"` typed objects ' +
      'are reported there and not checked here.',
    why:
      'Tool generators turn typed parameter objects into the JSON Schema that agents fill in. A misspelt key or an ' +
      'unknown type is dropped without a word, so the constraint the author wrote (a minimum, a format, the allowed ' +
      'values) never reaches the agent, and contradictory bounds make a parameter that no value satisfies.',
    failing:
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low"\n' +
      '        axag-required-parameters=\'[{"name":"quantity","type":"int","minimum":1}]\'>Add</button>',
    passing:
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low"\n' +
      '        axag-required-parameters=\'[{"name":"quantity","type":"integer","min":1}]\'>Add</button>',
  },
  defaultOptions: {},
  check({ model, parameterItems }) {
    // Under names only, every typed object is AXAG-LINT-009's finding; its contents do not matter.
    if (parameterItems === 'names') return [];
    const reports: Report[] = [];
    for (const { element, own } of model.elements) {
      for (const name of PARAMETER_LIST_ATTRIBUTES) {
        const attribute = own.get(name);
        const parsed = attribute?.value == null ? undefined : parseJson(attribute.value);
        if (!attribute || !Array.isArray(parsed?.value)) continue;
        const items: readonly unknown[] = parsed.value;
        const place = { attribute, required: name === 'axag-required-parameters' };
        for (const entry of readParameterItems(items).entries) {
          if (!entry.object) continue;
          for (const problem of problemsOf(entry.object, place)) {
            reports.push({
              message: `${attribute.name}[${entry.index}] (${quote(entry.name)}): ${problem.text}`,
              range: attribute.valueRange,
              element,
              ...(problem.corrected && { suggestion: JSON.stringify(items.map((item, i) => (i === entry.index ? problem.corrected : item))) }),
            });
          }
        }
      }
    }
    return reports;
  },
};

function problemsOf(object: ParameterObject, place: Place): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(object)) {
    if (!(PARAMETER_OBJECT_KEYS as readonly string[]).includes(key)) problems.push(unknownKey(object, key, place));
  }
  const add = (problem: Problem | undefined) => problem && problems.push(problem);
  if (Object.hasOwn(object, 'type')) add(typeProblem(object));
  if (Object.hasOwn(object, 'format')) add(formatProblem(object));
  if (Object.hasOwn(object, 'enum') && !Array.isArray(object.enum)) add({ text: `"enum" must be an array of the allowed values; got ${shortJson(object.enum)}` });
  for (const key of ['min', 'max']) if (Object.hasOwn(object, key)) add(numberProblem(object, key));
  if (typeof object.min === 'number' && typeof object.max === 'number' && object.min > object.max) {
    add({ text: `"min" (${object.min}) is greater than "max" (${object.max}); no value can satisfy both` });
  }
  for (const key of ['minLength', 'maxLength']) if (Object.hasOwn(object, key)) add(lengthProblem(object, key));
  if (isLength(object.minLength) && isLength(object.maxLength) && object.minLength > object.maxLength) {
    add({ text: `"minLength" (${object.minLength}) is greater than "maxLength" (${object.maxLength}); no value can satisfy both` });
  }
  if (Object.hasOwn(object, 'pattern')) add(patternProblem(object.pattern));
  if (Object.hasOwn(object, 'description') && typeof object.description !== 'string') {
    add({ text: `"description" must be a string; got ${shortJson(object.description)}` });
  }
  if (Object.hasOwn(object, 'items') && !isPlainObject(object.items)) {
    add({ text: `"items" must be an object describing each item, e.g. {"type":"string"}; got ${shortJson(object.items)}` });
  }
  if (Object.hasOwn(object, 'properties') && !isPlainObject(object.properties)) {
    add({ text: `"properties" must be an object that describes each property by name, e.g. {"city":{"type":"string"}}; got ${shortJson(object.properties)}` });
  }
  return problems;
}

function unknownKey(object: ParameterObject, key: string, place: Place): Problem {
  if (key === 'required') return requiredKey(object, place);
  const meant = KEY_ALIASES.get(key.toLowerCase()) ?? closest(key, PARAMETER_OBJECT_KEYS, maxEdits(key));
  if (!meant) return { text: `unknown key ${quote(key)}; a parameter object takes ${PARAMETER_OBJECT_KEYS.join(', ')}` };
  return {
    text: `unknown key ${quote(key)}; did you mean ${quote(meant)}?`,
    // Renaming onto a key the object already has would lose one of the two values.
    ...(!Object.hasOwn(object, meant) && { corrected: renameKey(object, key, meant) }),
  };
}

/** `"required"`: the list an object is in says whether it is required. */
function requiredKey(object: ParameterObject, { attribute, required }: Place): Problem {
  const text = '"required" is not a key of a parameter object';
  const other = required ? 'axag-optional-parameters' : 'axag-required-parameters';
  const { required: value, ...without } = object;
  if (required === (value !== false)) {
    const already = required ? 'required' : 'optional';
    return { text: `${text}; the parameter is already ${already} because it is in ${attribute.name}: remove the key`, corrected: without };
  }
  return { text: `${text}; list the parameter in ${other} instead` };
}

function typeProblem(object: ParameterObject): Problem | undefined {
  const type = object.type;
  const types = PARAMETER_TYPES.join(', ');
  if (typeof type !== 'string') return { text: `"type" must be one of ${types}; got ${shortJson(type)}` };
  if ((PARAMETER_TYPES as readonly string[]).includes(type)) return undefined;
  const unknown = `unknown type ${quote(type)}`;
  const replacement = meantParameterType(type);
  if (replacement?.format) {
    const corrected = object.format === undefined || object.format === replacement.format;
    return {
      text: `${unknown}; write "type": "string" with "format": ${quote(replacement.format)}`,
      ...(corrected && { corrected: { ...object, type: 'string', format: replacement.format } }),
    };
  }
  if (replacement?.enum) {
    return {
      text: `${unknown}; write "type": "string" with an "enum" array of the allowed values`,
      ...(Array.isArray(object.enum) && { corrected: { ...object, type: 'string' } }),
    };
  }
  const meant = replacement?.type;
  if (!meant) return { text: `${unknown}; use one of ${types}` };
  return { text: `${unknown}; did you mean ${quote(meant)}?`, corrected: { ...object, type: meant } };
}

function formatProblem(object: ParameterObject): Problem | undefined {
  const format = object.format;
  const formats = PARAMETER_FORMATS.join(', ');
  if (typeof format !== 'string') return { text: `"format" must be one of ${formats}; got ${shortJson(format)}` };
  if ((PARAMETER_FORMATS as readonly string[]).includes(format)) return undefined;
  const meant = meantParameterFormat(format);
  if (!meant) return { text: `unknown format ${quote(format)}; use one of ${formats}, or a "pattern"` };
  return { text: `unknown format ${quote(format)}; did you mean ${quote(meant)}?`, corrected: { ...object, format: meant } };
}

function numberProblem(object: ParameterObject, key: string): Problem | undefined {
  const value = object[key];
  if (typeof value === 'number') return undefined;
  const number = numeric(value);
  return {
    text: `${quote(key)} must be a number; got ${shortJson(value)}`,
    ...(number !== undefined && { corrected: { ...object, [key]: number } }),
  };
}

function lengthProblem(object: ParameterObject, key: string): Problem | undefined {
  const value = object[key];
  if (isLength(value)) return undefined;
  const number = numeric(value);
  return {
    text: `${quote(key)} must be an integer ≥ 0; got ${shortJson(value)}`,
    ...(isLength(number) && { corrected: { ...object, [key]: number } }),
  };
}

function patternProblem(pattern: unknown): Problem | undefined {
  if (typeof pattern !== 'string') return { text: `"pattern" must be a string holding a regular expression; got ${shortJson(pattern)}` };
  const reason = regExpError(pattern, 'u');
  if (reason === undefined) return undefined;
  const flag = regExpError(pattern, '') === undefined ? ' with the "u" flag that JSON Schema validators use' : '';
  return { text: `"pattern" is not a valid regular expression${flag}: ${reason}` };
}

/** Why `pattern` does not compile with `flags`, in the engine's words without the pattern; undefined when it does. */
function regExpError(pattern: string, flags: string): string | undefined {
  try {
    new RegExp(pattern, flags);
    return undefined;
  } catch (error) {
    // "Invalid regular expression: /[A-Z/u: Unterminated character class": keep the reason.
    return (error as Error).message.replace(/^Invalid regular expression: \/[\s\S]*\/[a-z]*: /, '');
  }
}

/** A string that is a number written in quotes ("10"), as that number. */
function numeric(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function isLength(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

/** The object with `from` renamed to `to`, keeping the order of its keys. */
function renameKey(object: ParameterObject, from: string, to: string): ParameterObject {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key === from ? to : key, value]));
}
