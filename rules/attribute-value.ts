import type { AnnotatedElement, AxagAttribute } from '../src/model.js';
import { invalidEnumValues, type Report, type Rule } from '../src/rule.js';
import { quote } from '../src/text/suggest.js';
import { TENANT_BOUNDARIES } from '../src/vocabulary.js';

/** A value format: whether a trimmed value has it, the value meant when one is clear, and what the format is, for messages. */
interface Format {
  test(value: string): boolean;
  meant(value: string): string | undefined;
  /** What the value must be, completing "… is not …". */
  form: string;
  /** A valid value, quoted, with what a reader needs to write their own. */
  example: string;
}

const WHOLE_NUMBER = /^\d+$/;

const positiveInteger: Format = {
  test: (value) => WHOLE_NUMBER.test(value) && Number(value) >= 1,
  meant(value) {
    // "2.0", "+3", "02": the number is clear, only its spelling is not.
    const number = /^\+?\d+(\.0*)?$/.test(value) ? Number(value) : NaN;
    return Number.isSafeInteger(number) && number >= 1 && String(number) !== value ? String(number) : undefined;
  },
  form: 'a whole number of 1 or more',
  example: '"2"',
};

const PERIODS = new Map([
  ...['s', 'sec', 'secs', 'second', 'seconds'].map((word) => [word, 'second'] as const),
  ...['m', 'min', 'mins', 'minute', 'minutes'].map((word) => [word, 'minute'] as const),
  ...['h', 'hr', 'hrs', 'hour', 'hours'].map((word) => [word, 'hour'] as const),
  ...['d', 'day', 'days'].map((word) => [word, 'day'] as const),
]);
/** `10/minute`, `100/day`, and with a length of period, `100/15m`. */
const RATE_LIMIT = /^[1-9]\d*\/(second|minute|hour|day|\d*[smhd])$/;

const rateLimit: Format = {
  test: (value) => RATE_LIMIT.test(value),
  meant(value) {
    const parts = /^(\d+)\s*(?:\/|per|every|a|an)\s*(\d*)\s*([a-z]+)$/.exec(value.toLowerCase());
    const period = parts && PERIODS.get(parts[3]!);
    if (!parts || !period) return undefined;
    const candidate = parts[2] ? `${Number(parts[1])}/${parts[2]}${period[0]}` : `${Number(parts[1])}/${period}`;
    return candidate !== value && RATE_LIMIT.test(candidate) ? candidate : undefined;
  },
  form: 'of the form <count>/<period>',
  example: '"10/minute" (the period is second, minute, hour, day or a length such as "15m")',
};

const COOLDOWN = /^\d+[smh]$/;

const cooldown: Format = {
  test: (value) => COOLDOWN.test(value),
  meant(value) {
    const parts = /^(\d+)\s*([a-z]+)$/.exec(value.toLowerCase());
    const period = parts ? PERIODS.get(parts[2]!) : undefined;
    if (!parts || !period) return undefined;
    // The form has no days: a day is 24 hours.
    const candidate = period === 'day' ? `${Number(parts[1]) * 24}h` : `${Number(parts[1])}${period[0]}`;
    return candidate !== value ? candidate : undefined;
  },
  form: 'a length of time in seconds, minutes or hours ("<n>s", "<n>m" or "<n>h")',
  example: '"30s"',
};

const FORMATS: ReadonlyMap<string, Format> = new Map([
  ['axag-approval-count', positiveInteger],
  ['axag-workflow-step', positiveInteger],
  ['axag-workflow-total-steps', positiveInteger],
  ['axag-rate-limit', rateLimit],
  ['axag-cooldown', cooldown],
]);

export const rule: Rule = {
  id: 'axag/attribute-value',
  name: 'attribute-value',
  severity: 'warning',
  strictSeverity: 'error',
  description: 'axag-tenant-boundary, approval counts, workflow steps, rate limits and cooldowns have values of their form.',
  docs: {
    what:
      'Reports a static value (trimmed; an empty one is invalid) that is not of its attribute\'s form: ' +
      '`axag-tenant-boundary` not `strict` or `relaxed`; `axag-approval-count`, `axag-workflow-step` and ' +
      '`axag-workflow-total-steps` not a whole number of 1 or more; `axag-rate-limit` not `<count>/<period>` ' +
      '(`10/minute`; the period is `second`, `minute`, `hour`, `day` or a length such as `15m`); `axag-cooldown` not ' +
      '`<n>s`, `<n>m` or `<n>h`. Where the value meant is clear it is suggested (`Strict` → `strict`, `2.0` → `2`, ' +
      '`10 per minute` → `10/minute`, `30 seconds` → `30s`). A tenant boundary in the `axag` macro is checked by ' +
      '`axag/macro-syntax`.',
    why:
      'Agents read these values to stay within a tenant, to know how many approvals an action waits for, where a ' +
      'workflow stands and how often they may call. A value in another form is read as no value at all.',
    failing:
      '<button axag-intent="report.export" axag-entity="report" axag-action-type="read" axag-rate-limit="10 per minute">Export</button>',
    passing:
      '<button axag-intent="report.export" axag-entity="report" axag-action-type="read" axag-rate-limit="10/minute">Export</button>',
  },
  defaultOptions: {},
  check({ model }) {
    const reports = invalidEnumValues(model, 'axag-tenant-boundary', TENANT_BOUNDARIES);
    for (const { element, own } of model.elements) {
      for (const [name, format] of FORMATS) {
        const attribute = own.get(name);
        if (attribute && attribute.value !== null) reports.push(...formatProblem(attribute, format, element));
      }
    }
    return reports;
  },
};

function formatProblem(attribute: AxagAttribute, format: Format, element: AnnotatedElement): Report[] {
  const value = attribute.value!.trim();
  if (format.test(value)) return [];
  const range = attribute.valueRange;
  if (value === '') return [{ message: `${attribute.name} is empty; write ${format.form}, e.g. ${format.example}`, range, element }];
  const suggestion = format.meant(value);
  const fix = suggestion ? `did you mean "${suggestion}"?` : `write e.g. ${format.example}`;
  const message = `${attribute.name} ${quote(value)} is not ${format.form}; ${fix}`;
  return [{ message, range, element, ...(suggestion && { suggestion }) }];
}
