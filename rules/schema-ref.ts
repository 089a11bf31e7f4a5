import type { Rule } from '../src/rule.js';
import { closest, quote } from '../src/text/suggest.js';

const FORMS = '"zod:<file>[#<export>]" or "openapi:[<file>#]<operationId>"';
/** The name of a JavaScript export. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Schema languages people name that axag-schema does not take. */
const OTHER_SCHEMAS = new Set(['yup', 'joi', 'valibot', 'ajv', 'json-schema', 'jsonschema', 'typebox', 'superstruct', 'graphql']);
/** Other names of OpenAPI. */
const OPENAPI_NAMES = new Set(['swagger', 'oas', 'openapi3']);
const SCRIPT_FILE = /\.(?:[cm]?[jt]sx?)$/i;
const SPEC_FILE = /\.(?:ya?ml|json)$/i;

/** What is wrong with a schema reference, and the reference meant when it is clear. */
interface Problem {
  text: string;
  meant?: string;
  /** How to fix it, when that is more than writing one of the two forms. */
  fix?: string;
}

export const rule: Rule = {
  id: 'axag/schema-ref',
  name: 'schema-ref',
  severity: 'warning',
  strictSeverity: 'error',
  description: 'axag-schema is "zod:<file>[#<export>]" or "openapi:[<file>#]<operationId>".',
  docs: {
    what:
      'Reports an `axag-schema` that is not a reference to a Zod schema (`zod:` and a file, optionally `#` and the ' +
      'name of the export) or to an OpenAPI operation (`openapi:`, optionally a file and `#`, and the operationId): an ' +
      'empty value, an unknown or misspelt prefix (`Zod:`, `swagger:`, `yup:`), a missing prefix (suggesting `zod:` ' +
      'for a script file and `openapi:` for a YAML or JSON one), an empty file, export or operationId, an export that ' +
      'is not a JavaScript identifier, more than one `#`, whitespace, and an OpenAPI reference that names a file but ' +
      'no operation. The files themselves are not read. A value computed at run time is not checked.',
    why:
      'AXAG 1.1 tools read the parameters of the action from the schema that `axag-schema` names. A reference they ' +
      'cannot parse leaves the action without parameters, and nothing tells the author.',
    failing:
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low"\n' +
      '        axag-idempotent="false" axag-schema="openapi:api/openapi.yaml">Add</button>',
    passing:
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low"\n' +
      '        axag-idempotent="false" axag-schema="openapi:api/openapi.yaml#addCartItem">Add</button>',
  },
  defaultOptions: {},
  check({ model }) {
    return model.elements.flatMap(({ element, own }) => {
      const attribute = own.get('axag-schema');
      if (!attribute || attribute.value === null) return [];
      const value = attribute.value.trim();
      const problem = schemaProblem(value);
      if (!problem) return [];
      const hint = problem.meant ? `did you mean ${quote(problem.meant)}?` : (problem.fix ?? `write ${FORMS}`);
      const shown = value === '' ? 'axag-schema' : `axag-schema ${quote(value)}`;
      return [
        {
          message: `${shown} ${problem.text}; ${hint}`,
          range: attribute.valueRange,
          element,
          ...(problem.meant !== undefined && { suggestion: problem.meant }),
        },
      ];
    });
  },
};

function schemaProblem(value: string): Problem | undefined {
  if (value === '') return { text: 'is empty' };
  if (/\s/.test(value)) return { text: 'contains whitespace' };
  const colon = value.indexOf(':');
  const prefix = colon < 0 ? '' : value.slice(0, colon);
  const rest = value.slice(colon + 1);
  if (prefix === 'zod') return zodProblem(rest);
  if (prefix === 'openapi') return openapiProblem(rest);
  // A Windows drive or a URL is a file without a prefix, not a prefix.
  if (colon < 0 || /^[a-z]$/i.test(prefix) || rest.startsWith('//')) return unprefixed(value);
  const lower = prefix.toLowerCase();
  const meantPrefix = OPENAPI_NAMES.has(lower) ? 'openapi' : closest(prefix, ['zod', 'openapi'], prefix.length <= 4 ? 1 : 2);
  if (meantPrefix) {
    const meant = `${meantPrefix}:${rest}`;
    const valid = schemaProblem(meant) === undefined;
    return { text: `has the prefix ${quote(`${prefix}:`)}, not "${meantPrefix}:"`, ...(valid && { meant }) };
  }
  if (OTHER_SCHEMAS.has(lower)) return { text: `names a ${prefix} schema; axag-schema takes Zod schemas and OpenAPI operations only` };
  return { text: `has the prefix ${quote(`${prefix}:`)}, which is neither "zod:" nor "openapi:"` };
}

/** `zod:<file>[#<export>]`, after the prefix. */
function zodProblem(rest: string): Problem | undefined {
  const [file = '', exported, ...more] = rest.split('#');
  if (more.length > 0) return { text: 'has more than one "#"', fix: 'write "zod:", the file, one "#" and the export' };
  if (file === '') return { text: 'names no file', fix: 'write "zod:", the file that exports the schema, and "#" and the export if it is not the default one' };
  if (SPEC_FILE.test(file)) {
    const meant = `openapi:${rest}`;
    return { text: 'names a YAML or JSON file, which holds no Zod schema', ...(schemaProblem(meant) === undefined && { meant }) };
  }
  if (exported === undefined) return undefined;
  if (exported === '') return { text: 'has nothing after "#"', meant: `zod:${file}` };
  if (!IDENTIFIER.test(exported)) return { text: `names the export ${quote(exported)}, which is not a JavaScript identifier`, fix: 'write "#" and the name the file exports the schema under' };
  return undefined;
}

/** `openapi:[<file>#]<operationId>`, after the prefix. */
function openapiProblem(rest: string): Problem | undefined {
  const parts = rest.split('#');
  if (parts.length > 2) return { text: 'has more than one "#"', fix: 'write "openapi:", the file, one "#" and the operationId' };
  const [first = '', operation] = parts;
  if (operation === undefined) {
    if (first === '') return { text: 'names no operationId', fix: 'write "openapi:" and the operationId, after the file and "#" if there is more than one' };
    if (SPEC_FILE.test(first)) return { text: 'names a file but no operation', fix: `add "#" and the operationId: "openapi:${first}#<operationId>"` };
    return undefined;
  }
  if (operation === '') return { text: 'has no operationId after "#"', fix: `add the operationId: "openapi:${first}#<operationId>"` };
  if (first === '') return { text: 'has "#" but no file before it', meant: `openapi:${operation}` };
  return undefined;
}

/** A reference written without its prefix: the kind of file says which prefix it needs. */
function unprefixed(value: string): Problem {
  const file = value.split('#')[0]!;
  const meant = SCRIPT_FILE.test(file) ? `zod:${value}` : SPEC_FILE.test(file) ? `openapi:${value}` : undefined;
  const valid = meant !== undefined && schemaProblem(meant) === undefined;
  return { text: 'has no "zod:" or "openapi:" prefix', ...(valid && { meant }) };
}
