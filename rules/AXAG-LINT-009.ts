import type { Report, Rule } from '../src/rule.js';
import { isStringArray, parseJson } from '../src/text/json-value.js';
import { quote } from '../src/text/suggest.js';
import { JSON_ATTRIBUTES, type JsonShape } from '../src/vocabulary.js';

/** Longer corrected values are described, not shown, to keep the message on one readable line. */
const MAX_SHOWN_FIX = 60;

const SHAPE_NAMES: Record<JsonShape, string> = {
  'string-array': 'a JSON array of strings, e.g. ["a","b"]',
  object: 'a JSON object, e.g. {"max":10}',
};

export const rule: Rule = {
  id: 'AXAG-LINT-009',
  name: 'invalid-json',
  severity: 'error',
  strictSeverity: 'error',
  description: 'JSON-valued attributes hold valid JSON of the right shape.',
  docs: {
    what:
      'Reports a JSON-valued attribute whose value does not parse as JSON or has the wrong shape. ' +
      '`axag-required-parameters`, `axag-optional-parameters`, `axag-preconditions`, `axag-postconditions`, ' +
      '`axag-side-effects`, `axag-approval-roles`, `axag-required-roles` and `axag-parameter-enum` take an array of ' +
      'strings; `axag-constraints` takes an object. For the common mistake of single quotes inside the JSON ' +
      '(`[\'a\']`) the finding gives the corrected value.',
    why:
      'Agents and tool generators parse these values with a JSON parser. A value that does not parse is silently ' +
      'dropped by them, so the parameters, roles or conditions it lists are lost.',
    failing:
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write"\n' +
      '        axag-required-parameters="[\'product_id\']">Add</button>',
    passing:
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write"\n' +
      '        axag-required-parameters=\'["product_id"]\'>Add</button>',
  },
  defaultOptions: {},
  check({ model }) {
    const reports: Report[] = [];
    for (const { element, own } of model.elements) {
      for (const [name, attribute] of own) {
        const shape = JSON_ATTRIBUTES.get(name);
        if (!shape || attribute.value === null) continue;
        const problem = shapeProblem(attribute.value, shape);
        if (!problem) continue;
        const fix = problem.invalidJson ? repair(attribute.value, shape) : undefined;
        const hint = !fix
          ? `; write ${SHAPE_NAMES[shape]}`
          : fix.length <= MAX_SHOWN_FIX
            ? `; JSON strings need double quotes: ${name}='${fix}'`
            : `; JSON strings need double quotes: write " for ' inside the value, and quote the attribute with '`;
        reports.push({
          message: `${name} ${problem.text}${hint}`,
          range: attribute.valueRange,
          element,
          ...(fix && { suggestion: fix }),
        });
      }
    }
    return reports;
  },
};

function matchesShape(value: unknown, shape: JsonShape): boolean {
  return shape === 'object' ? typeof value === 'object' && value !== null && !Array.isArray(value) : isStringArray(value);
}

function shapeProblem(text: string, shape: JsonShape): { text: string; invalidJson: boolean } | undefined {
  if (text.trim() === '') return { text: 'is empty', invalidJson: true };
  const parsed = parseJson(text);
  if (!parsed) return { text: `is not valid JSON: ${quote(text)}`, invalidJson: true };
  if (matchesShape(parsed.value, shape)) return undefined;
  return { text: `must be ${shape === 'object' ? 'a JSON object' : 'a JSON array of strings'}, not ${describe(parsed.value)}`, invalidJson: false };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    const bad = value.find((item) => typeof item !== 'string');
    return bad === undefined ? 'an array' : `an array containing ${JSON.stringify(bad)}`;
  }
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`;
}

/** The value with single-quoted strings turned into JSON strings, if that makes it valid. */
function repair(text: string, shape: JsonShape): string | undefined {
  if (!text.includes("'")) return undefined;
  const candidate = text.replace(/'/g, '"');
  const parsed = parseJson(candidate);
  return parsed && matchesShape(parsed.value, shape) ? candidate : undefined;
}
