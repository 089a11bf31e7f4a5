import type { Report, Rule } from '../src/rule.js';
import { closest, quote } from '../src/text/suggest.js';

/** `#` and an id: HTML allows any characters but whitespace in an id. */
const REFERENCE = /^#\S+$/;
/** The id in a CSS selector written instead of a bare reference (`form#checkout`, `#checkout input`). */
const ID_IN_SELECTOR = /#([^\s.#[\]>+~:,()]+)/;

export const rule: Rule = {
  id: 'axag/params-from',
  name: 'params-from',
  severity: 'warning',
  strictSeverity: 'error',
  description: 'axag-params-from is "#" and the id of an element of the same file.',
  docs: {
    what:
      'Reports an `axag-params-from` that is not `#` followed by an id (a bare id, a CSS selector such as ' +
      '`form#checkout` or `.checkout`, an empty value), suggesting the reference meant; and one that names an id that ' +
      'no element of the same file has, with a did-you-mean among the ids the file has. The second check is left out ' +
      'when some id of the file is computed at run time (`id={formId}`, `:id`, a spread, a templated `id="{{ … }}"`), ' +
      'since the element named may get its id that way; in a Markdown file the ids of all its code blocks count. A ' +
      'value computed at run time is not checked.',
    why:
      'Tool generators read the parameters of the action from the controls of the form that `axag-params-from` ' +
      'names. A reference that does not resolve gives the action no parameters at all, and an agent calls it with none.',
    failing:
      '<form id="checkout-form">\n' +
      '  <input name="coupon" axag-parameter="coupon">\n' +
      '</form>\n' +
      '<button axag-intent="order.place" axag-entity="order" axag-action-type="write" axag-risk-level="medium"\n' +
      '        axag-idempotent="false" axag-params-from="#checkout">Place order</button>',
    passing:
      '<form id="checkout-form">\n' +
      '  <input name="coupon" axag-parameter="coupon">\n' +
      '</form>\n' +
      '<button axag-intent="order.place" axag-entity="order" axag-action-type="write" axag-risk-level="medium"\n' +
      '        axag-idempotent="false" axag-params-from="#checkout-form">Place order</button>',
  },
  defaultOptions: {},
  check({ model }) {
    const ids = new Set(model.ids.map((id) => id.value));
    const reports: Report[] = [];
    for (const { element, own } of model.elements) {
      const attribute = own.get('axag-params-from');
      if (!attribute || attribute.value === null) continue;
      const value = attribute.value.trim();
      const report = (message: string, suggestion?: string) =>
        reports.push({ message, range: attribute.valueRange, element, ...(suggestion !== undefined && { suggestion }) });
      if (!REFERENCE.test(value)) {
        const { problem, meant } = malformed(value);
        const hint = meant ? `did you mean ${quote(meant)}?` : 'write "#" and the id of the form whose controls supply the parameters';
        report(`axag-params-from ${problem}; ${hint}`, meant);
        continue;
      }
      const id = value.slice(1);
      if (model.dynamicIds || ids.has(id)) continue;
      const near = closest(id, ids, 2) ?? onlyExtension(id, ids);
      const known = ids.size > 0 && ids.size <= 5 ? ` (${[...ids].map((other) => quote(`#${other}`)).join(', ')})` : '';
      const other = ids.size > 0 ? `, or name one the file has${known}` : '';
      const fix = near ? `did you mean ${quote(`#${near}`)}?` : `give the form whose controls supply the parameters that id${other}`;
      report(`axag-params-from ${quote(value)} names no element of this file: none has id=${quote(id)}; ${fix}`, near && `#${near}`);
    }
    return reports;
  },
};

/** The one id of the file that extends `id` (`checkout` → `checkout-form`), if there is exactly one. */
function onlyExtension(id: string, ids: ReadonlySet<string>): string | undefined {
  const longer = [...ids].filter((candidate) => candidate.length > id.length && candidate.startsWith(id));
  return longer.length === 1 ? longer[0] : undefined;
}

/** What is wrong with a value that is not `#id`, and the reference meant when it is clear. */
function malformed(value: string): { problem: string; meant?: string } {
  if (value === '') return { problem: 'is empty' };
  if (value === '#') return { problem: '"#" names no id' };
  const inSelector = ID_IN_SELECTOR.exec(value)?.[1];
  if (inSelector) return { problem: `${quote(value)} is a CSS selector, not "#" and an id`, meant: `#${inSelector}` };
  // A bare id: an id has no whitespace, and a selector of a class or an attribute is not one.
  if (/^[^\s#.[\]>+~:,()]+$/.test(value)) return { problem: `${quote(value)} lacks the "#"`, meant: `#${value}` };
  return { problem: `${quote(value)} is not "#" and an id` };
}
