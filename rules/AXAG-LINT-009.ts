import { isParameterObject, isPlainObject, readParameterItems, type ParameterItems, type ParameterList } from '../src/parameter-list.js';
import { replaceValue } from '../src/fixes.js';
import { fixOf, type Report, type Rule } from '../src/rule.js';
import { isStringArray, parseJson, shortJson } from '../src/text/json-value.js';
import { quote } from '../src/text/suggest.js';
import { JSON_ATTRIBUTES, type JsonShape } from '../src/vocabulary.js';

export interface Options {
  /** `objects` (AXAG 1.1): parameter lists hold names and typed parameter objects; `names` (AXAG 1.0): names only. */
  parameterItems: ParameterItems;
}

/** The shape a value must have: a JSON shape, with parameter lists narrowed to names by the option. */
type Shape = JsonShape | 'parameter-names';

/** Longer corrected values are described, not shown, to keep the message on one readable line. */
const MAX_SHOWN_FIX = 60;

const SHAPES: Record<Shape, { title: string; example: string }> = {
  'string-array': { title: 'a JSON array of strings', example: '["a","b"]' },
  object: { title: 'a JSON object', example: '{"max":10}' },
  'parameter-list': { title: 'a JSON array of parameter names or typed parameter objects', example: '["sku",{"name":"quantity","type":"integer"}]' },
  'parameter-names': { title: 'a JSON array of parameter names', example: '["sku","quantity"]' },
};

const write = (shape: Shape) => `write ${SHAPES[shape].title}, e.g. ${SHAPES[shape].example}`;

/** What is wrong with a value, after the attribute's name; `fix` is the corrected value when there is one. */
interface Problem {
  text: string;
  fix?: string;
  /** The fix turns typed parameter objects into their names (option `parameterItems: "names"`). */
  namesOnly?: boolean;
  /** `fix` is a correction spec §10 applies (single quotes for double, names for objects), not a change of shape. */
  certain?: boolean;
}

export const rule: Rule<Options> = {
  id: 'AXAG-LINT-009',
  name: 'invalid-json',
  severity: 'error',
  strictSeverity: 'error',
  description: 'JSON-valued attributes hold valid JSON of the right shape.',
  docs: {
    what:
      'Reports a JSON-valued attribute whose value does not parse as JSON or has the wrong shape, once per value. ' +
      '`axag-required-parameters` and `axag-optional-parameters` take an array whose items are parameter names ' +
      '(non-empty strings) or typed parameter objects with a non-empty string `name` ' +
      '(`[{"name":"quantity","type":"integer","min":1}]`), mixed as you like; the finding names the first item that is ' +
      'neither. `axag-preconditions`, `axag-postconditions`, `axag-side-effects`, `axag-approval-roles`, ' +
      '`axag-required-roles` and `axag-parameter-enum` take an array of strings; `axag-constraints` takes an object. ' +
      'For the common mistake of single quotes inside the JSON (`[\'a\']`) the finding gives the corrected value. ' +
      'The option `parameterItems: "names"` restores AXAG 1.0\'s names-only parameter lists: typed objects are then ' +
      'reported, with the names-only array as the corrected value. What goes inside a typed object is checked by ' +
      '`axag/parameter-object`.',
    why:
      'Agents and tool generators parse these values with a JSON parser. A value that does not parse is silently ' +
      'dropped by them, so the parameters, roles or conditions it lists are lost.',
    failing:
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low"\n' +
      '        axag-required-parameters="[\'product_id\']"\n' +
      '        axag-optional-parameters=\'[{"type":"string"}]\'>Add</button>',
    passing:
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low"\n' +
      '        axag-required-parameters=\'["product_id"]\'\n' +
      '        axag-optional-parameters=\'[{"name":"gift_note","type":"string"}]\'>Add</button>',
  },
  optionsSchema: {
    type: 'object',
    properties: {
      parameterItems: { enum: ['names', 'objects'] },
    },
    additionalProperties: false,
  },
  defaultOptions: { parameterItems: 'objects' },
  check({ model, options }) {
    const reports: Report[] = [];
    for (const { element, own } of model.elements) {
      for (const [name, attribute] of own) {
        const jsonShape = JSON_ATTRIBUTES.get(name);
        if (!jsonShape || attribute.value === null) continue;
        const shape: Shape = jsonShape === 'parameter-list' && options.parameterItems === 'names' ? 'parameter-names' : jsonShape;
        const problem = problemOf(attribute.value, shape, attribute.name);
        if (!problem) continue;
        reports.push({
          message: `${attribute.name} ${problem.text}`,
          range: attribute.valueRange,
          element,
          ...(problem.fix !== undefined && { suggestion: problem.fix }),
          ...(problem.fix !== undefined && problem.certain && fixOf(replaceValue(attribute, problem.fix))),
        });
      }
    }
    return reports;
  },
};

function problemOf(text: string, shape: Shape, name: string): Problem | undefined {
  if (text.trim() === '') return { text: `is empty; ${write(shape)}` };
  const parsed = parseJson(text);
  if (parsed) return shapeProblem(parsed.value, text, shape, name);
  const repaired = repair(text, shape, name);
  if (!repaired) return { text: `is not valid JSON: ${quote(text)}; ${write(shape)}` };
  const how = repaired.namesOnly
    ? `JSON strings need double quotes, and parameter lists hold names only here: ${shown(name, repaired.fix, 'write a JSON array of the parameter names')}`
    : `JSON strings need double quotes: ${shown(name, repaired.fix, `write " for ' inside the value, and quote the attribute with '`)}`;
  return { text: `is not valid JSON: ${quote(text)}; ${how}`, fix: repaired.fix, certain: true };
}

/** The problem with parsed JSON `value` (the attribute's `text`), if it is not of the shape. */
function shapeProblem(value: unknown, text: string, shape: Shape, name: string): Problem | undefined {
  switch (shape) {
    case 'object':
      return isPlainObject(value) ? undefined : { text: `must be a JSON object, not ${describe(value)}; ${write(shape)}` };
    case 'string-array':
      return isStringArray(value) ? undefined : { text: `must be a JSON array of strings, not ${describe(value)}; ${write(shape)}` };
    case 'parameter-list':
    case 'parameter-names':
      return Array.isArray(value) ? itemsProblem(readParameterItems(value), shape, name) : notAList(value, text, shape, name);
  }
}

/** A parameter list that is not an array; a lone parameter object is put in one. */
function notAList(value: unknown, text: string, shape: 'parameter-list' | 'parameter-names', name: string): Problem {
  const problem = `must be ${SHAPES[shape].title}, not ${describe(value)}`;
  if (!isParameterObject(value)) return { text: `${problem}; e.g. ${SHAPES[shape].example}` };
  if (shape === 'parameter-names') return namesOnly(problem, [value.name], name);
  const fix = `[${text.trim()}]`;
  return { text: `${problem}; put the parameter object in an array: ${shown(name, fix, 'write [ ] around it')}`, fix };
}

function itemsProblem(list: ParameterList, shape: 'parameter-list' | 'parameter-names', name: string): Problem | undefined {
  const [first, ...others] = list.invalid;
  if (first) {
    const expected = shape === 'parameter-names' ? 'a parameter name (a non-empty string)' : 'a parameter name or an object with a "name"';
    const also = others.length === 0 ? '' : ` (also ${others.length === 1 ? 'item' : 'items'} ${others.map((other) => other.index).join(', ')})`;
    return { text: `item ${first.index} must be ${expected}; got ${shortJson(first.item)}${also}` };
  }
  if (shape === 'parameter-names' && list.entries.some((entry) => entry.object)) {
    const problem = 'holds typed parameter objects, but parameter lists hold names only here (AXAG-LINT-009 option parameterItems: "names")';
    return namesOnly(problem, list.entries.map((entry) => entry.name), name);
  }
  return undefined;
}

/** Typed parameter objects where names only are allowed: the fix lists their names. */
function namesOnly(problem: string, names: string[], name: string): Problem {
  const fix = JSON.stringify(names);
  const how = fix.length <= MAX_SHOWN_FIX ? `: ${name}='${fix}'` : ', as a JSON array of strings';
  return { text: `${problem}; write the names only${how}`, fix, namesOnly: true, certain: true };
}

/** The corrected attribute, or what to do when it is too long to show. */
function shown(name: string, fix: string, otherwise: string): string {
  return fix.length <= MAX_SHOWN_FIX ? `${name}='${fix}'` : otherwise;
}

/**
 * The value with single-quoted strings turned into JSON strings, if that makes it valid; where names only are allowed,
 * the names of the typed objects so repaired.
 */
function repair(text: string, shape: Shape, name: string): { fix: string; namesOnly: boolean } | undefined {
  if (!text.includes("'")) return undefined;
  const candidate = text.replace(/'/g, '"');
  const parsed = parseJson(candidate);
  if (!parsed) return undefined;
  const problem = shapeProblem(parsed.value, candidate, shape, name);
  if (!problem) return { fix: candidate, namesOnly: false };
  return problem.namesOnly ? { fix: problem.fix!, namesOnly: true } : undefined;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    const bad = value.find((item) => typeof item !== 'string');
    return bad === undefined ? 'an array' : `an array containing ${JSON.stringify(bad)}`;
  }
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`;
}
