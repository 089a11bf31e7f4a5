import { closest, correctValue, quote } from '../text/suggest.js';
import {
  ACTION_TYPE_SYNONYMS,
  ACTION_TYPES,
  BOOLEAN_WORDS,
  DEPRECATED_ACTION_TYPES,
  INTENT_PATTERN,
  normalizedIntent,
  RISK_LEVEL_SYNONYMS,
  RISK_LEVELS,
  SCOPE_SYNONYMS,
  SCOPES,
  TENANT_BOUNDARIES,
} from '../vocabulary.js';

/** Indices of UTF-16 code units of the macro's value; `end` is exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A longhand attribute the macro sets. */
export interface ReadField {
  name: string;
  value: string;
  /** The macro key as written; `type`, `intent` and `entity` for the head, `!` for the risk level. */
  key: string;
  keySpan: Span;
  valueSpan: Span;
}

export interface ReadProblem {
  message: string;
  span: Span;
  /** The corrected text of the span, when there is one. */
  suggestion?: string;
  /** The suggestion is the closest word, not a case, synonym or spelling correction: offered, never applied (spec §10). */
  guess?: boolean;
}

export interface ReadMacro {
  /** `type:intent` was read: the macro applies. Otherwise nothing of it does. */
  headValid: boolean;
  /** What the macro sets, in the order written; empty when the head failed. */
  fields: ReadField[];
  problems: ReadProblem[];
}

type KeySpec =
  | { attribute: string; kind: 'boolean' }
  | { attribute: string; kind: 'enum'; what: string; values: readonly string[]; synonyms?: ReadonlyMap<string, string> }
  | { attribute: string; kind: 'list'; example: string };

/** The macro's keys (spec §8.1) and the longhand attribute each sets. */
const KEYS: Readonly<Record<string, KeySpec>> = {
  confirm: { attribute: 'axag-confirmation-required', kind: 'boolean' },
  approval: { attribute: 'axag-approval-required', kind: 'boolean' },
  idempotent: { attribute: 'axag-idempotent', kind: 'boolean' },
  async: { attribute: 'axag-async', kind: 'boolean' },
  scope: { attribute: 'axag-scope', kind: 'enum', what: 'scope', values: SCOPES, synonyms: SCOPE_SYNONYMS },
  tenant: { attribute: 'axag-tenant-boundary', kind: 'enum', what: 'tenant boundary', values: TENANT_BOUNDARIES },
  roles: { attribute: 'axag-approval-roles', kind: 'list', example: 'roles=billing_admin' },
  effects: { attribute: 'axag-side-effects', kind: 'list', example: 'effects=email_sent' },
  req: { attribute: 'axag-required-parameters', kind: 'list', example: 'req=product_id,quantity' },
  opt: { attribute: 'axag-optional-parameters', kind: 'list', example: 'opt=variant_id' },
};
const KEY_NAMES = Object.keys(KEYS);
/** The macro's keys, for editors that complete and explain them. */
export const MACRO_KEYS = KEYS;
export type MacroKeySpec = KeySpec;

/** Keys people write for the macro's own keys, with the key they mean. */
const KEY_ALIASES: ReadonlyMap<string, string> = new Map([
  ['confirmation', 'confirm'],
  ['confirmed', 'confirm'],
  ['confirmation_required', 'confirm'],
  ['requires_confirmation', 'confirm'],
  ['approve', 'approval'],
  ['approval_required', 'approval'],
  ['idempotency', 'idempotent'],
  ['idempotence', 'idempotent'],
  ['asynchronous', 'async'],
  ['role', 'roles'],
  ['approval_roles', 'roles'],
  ['approvers', 'roles'],
  ['effect', 'effects'],
  ['side_effects', 'effects'],
  ['sideeffects', 'effects'],
  ['required', 'req'],
  ['required_parameters', 'req'],
  ['requires', 'req'],
  ['params', 'req'],
  ['optional', 'opt'],
  ['optional_parameters', 'opt'],
  ['tenant_boundary', 'tenant'],
]);

/** Keys that name something the macro says elsewhere, or cannot say. */
const KEY_ADVICE: ReadonlyMap<string, string> = new Map([
  ['risk', 'the risk level goes in the head after "!", e.g. "write:cart.add_item!high"'],
  ['risk_level', 'the risk level goes in the head after "!", e.g. "write:cart.add_item!high"'],
  ['intent', 'the intent is the head, after the action type and ":"'],
  ['type', 'the action type starts the macro, before ":"'],
  ['action', 'the action type starts the macro, before ":"'],
  ['action_type', 'the action type starts the macro, before ":"'],
  ['entity', 'the entity is the part of the intent before the dot; write an axag-entity attribute to set another'],
  ['description', 'write the description in an axag-description attribute'],
]);

const TOKEN = /^[A-Za-z0-9_-]+$/;
const LIST = (values: readonly string[]) => `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
const didYouMean = (suggestion: string | undefined) => (suggestion ? `; did you mean "${suggestion}"?` : '');

/**
 * Reads the AXAG 1.1 macro (spec §8.1): `type:intent[!risk][?key[=value]&…]`.
 * Pure: spans are indices into `value`; the caller maps them to source positions.
 * Whitespace is an error of its own. Between tokens it is then read past, so one
 * stray space does not hide the rest of the macro; a token it splits (`hi gh`,
 * `req=sku quantity`) is not applied, and says nothing more.
 */
export function readMacro(value: string): ReadMacro {
  const first = value.length - value.trimStart().length;
  const last = value.trimEnd().length;
  if (first >= last) return { headValid: false, fields: [], problems: [] };
  // The characters read, without whitespace, with the index in `value` each came from; and, by the index in the
  // text of the character that follows it, each run of whitespace left out.
  const at: number[] = [];
  const gaps = new Map<number, ReadProblem>();
  let text = '';
  for (let i = first; i < last; i++) {
    if (/\s/.test(value[i]!)) {
      let runEnd = i + 1;
      while (/\s/.test(value[runEnd]!)) runEnd++;
      gaps.set(text.length, { message: 'Whitespace inside the axag macro; remove it', span: { start: i, end: runEnd } });
      i = runEnd - 1;
      continue;
    }
    at.push(i);
    text += value[i];
  }
  const span = (start: number, end: number): Span =>
    end > start ? { start: at[start]!, end: at[end - 1]! + 1 } : { start: at[start] ?? last, end: at[start] ?? last };
  return new Reader(text, span, gaps).read();
}

class Reader {
  private readonly fields: ReadField[] = [];
  private readonly problems: ReadProblem[];

  constructor(
    private readonly text: string,
    private readonly span: (start: number, end: number) => Span,
    /** Whitespace problems by the index in `text` after each run. */
    private readonly gaps: ReadonlyMap<number, ReadProblem>,
  ) {
    this.problems = [...gaps.values()];
  }

  read(): ReadMacro {
    const { text } = this;
    const query = text.indexOf('?');
    const headEnd = query < 0 ? text.length : query;
    const bang = text.slice(0, headEnd).indexOf('!');
    const headValid = this.readHead(0, bang < 0 ? headEnd : bang);
    if (bang >= 0) this.readRisk(bang, headEnd);
    if (query >= 0) this.readPairs(query);
    return { headValid, fields: headValid ? this.fields : [], problems: this.problems.sort((a, b) => a.span.start - b.span.start) };
  }

  /** The whitespace runs inside the token at [start, end): it was written in pieces. */
  private splits(start: number, end: number): ReadProblem[] {
    return [...this.gaps].filter(([gap]) => start < gap && gap < end).map(([, problem]) => problem);
  }

  private problem(message: string, start: number, end: number, suggestion?: string, guess = false): void {
    this.problems.push({ message, span: this.span(start, end), ...(suggestion !== undefined && { suggestion, ...(guess && { guess }) }) });
  }

  private field(name: string, value: string, key: string, keySpan: [number, number], valueSpan: [number, number] = keySpan): void {
    this.fields.push({ name, value, key, keySpan: this.span(...keySpan), valueSpan: this.span(...valueSpan) });
  }

  /** `type:intent`, and the entity the intent gives. */
  private readHead(start: number, end: number): boolean {
    const head = this.text.slice(start, end);
    const colon = head.indexOf(':');
    if (head === '') {
      const opening = this.text[start] ?? '';
      this.problem(`The axag macro must start with "type:intent", e.g. "write:cart.add_item", not with ${quote(opening)}`, start, start + 1);
      return false;
    }
    if (colon < 0) {
      const hint = (ACTION_TYPES as readonly string[]).includes(head)
        ? `add ":" and the intent after it, e.g. "${head}:cart.add_item"`
        : INTENT_PATTERN.test(head)
          ? `start it with the action type and ":", e.g. "write:${head}"`
          : 'write the action type, ":" and the intent, e.g. "write:cart.add_item"';
      this.problem(`The axag macro must start with "type:intent", and ${quote(head)} has no ":"; ${hint}`, start, end);
      return false;
    }
    const colonAt = start + colon;
    const typeOk = this.readActionType(start, colonAt);
    const intentOk = this.readIntent(colonAt + 1, end, colonAt);
    return typeOk && intentOk;
  }

  private readActionType(start: number, end: number): boolean {
    const type = this.text.slice(start, end);
    if (this.splits(start, end).length > 0) return false;
    if ((ACTION_TYPES as readonly string[]).includes(type)) {
      this.field('axag-action-type', type, 'type', [start, end]);
      return true;
    }
    if (type === '') {
      this.problem('The axag macro has no action type before ":"; start it with read, write, delete or navigate', end, end + 1);
      return false;
    }
    const replacement = DEPRECATED_ACTION_TYPES.get(type);
    if (replacement) {
      const message = `Action type "${type}" is not valid in the axag macro: AXAG 1.1 merged create and mutate into "${replacement}"; use "${replacement}"`;
      this.problem(message, start, end, replacement);
      return false;
    }
    const correction = correctValue(type, ACTION_TYPES, ACTION_TYPE_SYNONYMS);
    const suggestion = correction?.value;
    this.problem(`Unknown action type ${quote(type)} in the axag macro; expected ${LIST(ACTION_TYPES)}${didYouMean(suggestion)}`, start, end, suggestion, !correction?.certain);
    return false;
  }

  private readIntent(start: number, end: number, colonAt: number): boolean {
    const intent = this.text.slice(start, end);
    if (intent === '') {
      this.problem('The axag macro has no intent after ":"; write one, e.g. "write:cart.add_item"', colonAt, colonAt + 1);
      return false;
    }
    if (this.splits(start, end).length > 0) return false;
    if (!INTENT_PATTERN.test(intent)) {
      // Keys written after "&" without a "?" before them.
      const withQuery = intent.replace('&', '?');
      const suggestion = INTENT_PATTERN.test(withQuery.split('?')[0]!) && withQuery !== intent ? withQuery : normalizedIntent(intent);
      const hint = withQuery === suggestion ? `; keys come after "?": did you mean "${suggestion}"?` : didYouMean(suggestion);
      this.problem(`Intent ${quote(intent)} in the axag macro is not of the form entity.action (lower-case letters and _)${hint}`, start, end, suggestion);
      return false;
    }
    this.field('axag-intent', intent, 'intent', [start, end]);
    const dot = intent.indexOf('.');
    this.field('axag-entity', intent.slice(0, dot), 'entity', [start, start + dot]);
    return true;
  }

  private readRisk(bang: number, end: number): void {
    const risk = this.text.slice(bang + 1, end);
    if (risk === '') {
      this.problem(`"!" in the axag macro needs a risk level after it: ${LIST(RISK_LEVELS)}`, bang, bang + 1);
      return;
    }
    if (this.splits(bang, end).length > 0) return;
    if ((RISK_LEVELS as readonly string[]).includes(risk)) {
      this.field('axag-risk-level', risk, '!', [bang, end], [bang + 1, end]);
      return;
    }
    const correction = correctValue(risk, RISK_LEVELS, RISK_LEVEL_SYNONYMS);
    const suggestion = correction?.value;
    const message = `Unknown risk level ${quote(risk)} in the axag macro; expected ${LIST(RISK_LEVELS)}${didYouMean(suggestion)}`;
    this.problem(message, bang + 1, end, suggestion, !correction?.certain);
  }

  /** `key[=value]&…` after the `?` at `query`. */
  private readPairs(query: number): void {
    const { text } = this;
    if (query + 1 === text.length) {
      this.problem('Nothing follows "?" in the axag macro; add a key such as "idempotent", or remove the "?"', query, query + 1);
      return;
    }
    /** Whether each key read so far took effect, so a repeat can say which one does. */
    const seen = new Map<string, boolean>();
    const pairs = text.slice(query + 1).split('&');
    let start = query + 1;
    for (const pair of pairs) {
      if (pair !== '') this.readPair(start, start + pair.length, seen);
      start += pair.length + 1;
    }
    for (const at of extraSeparators(pairs, query + 1)) this.problem('Empty pair in the axag macro (an extra "&"); remove it', at, at + 1);
  }

  private readPair(start: number, end: number, seen: Map<string, boolean>): void {
    const pair = this.text.slice(start, end);
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const keyEnd = start + key.length;
    if (key === '') {
      this.problem('"=" without a key before it in the axag macro; write key=value', start, start + 1);
      return;
    }
    if (this.splits(start, keyEnd).length > 0) return;
    const spec = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
    if (!spec) {
      this.unknownKey(key, start, keyEnd);
      return;
    }
    if (seen.has(key)) {
      const which = seen.get(key) ? 'the first one applies, so remove this one' : 'write it once';
      this.problem(`Key "${key}" appears twice in the axag macro; ${which}`, start, end);
      return;
    }
    const before = this.fields.length;
    const value = eq < 0 ? undefined : pair.slice(eq + 1);
    this.readValue(key, spec, value, start, keyEnd, end);
    seen.set(key, this.fields.length > before);
  }

  private readValue(key: string, spec: KeySpec, value: string | undefined, start: number, keyEnd: number, end: number): void {
    const valueStart = keyEnd + 1;
    if (spec.kind === 'list') {
      if (!value) return this.needsValue(key, `a comma-separated list of names, e.g. "${spec.example}"`, start, end);
      return this.readList(key, spec.attribute, value, [start, keyEnd], valueStart);
    }
    if (value !== undefined && this.splits(valueStart, end).length > 0) return;
    if (spec.kind === 'boolean') return this.readBoolean(key, spec.attribute, value, start, keyEnd, end);
    if (!value) return this.needsValue(key, `${LIST(spec.values)}, e.g. "${key}=${spec.values[0]}"`, start, end);
    if (spec.values.includes(value)) return this.field(spec.attribute, value, key, [start, keyEnd], [valueStart, end]);
    const correction = correctValue(value, spec.values, spec.synonyms);
    const suggestion = correction?.value;
    const message = `Unknown ${spec.what} ${quote(value)} in the axag macro; expected ${LIST(spec.values)}${didYouMean(suggestion)}`;
    this.problem(message, valueStart, end, suggestion, !correction?.certain);
  }

  private unknownKey(key: string, start: number, end: number): void {
    const lower = key.toLowerCase();
    const advice = KEY_ADVICE.get(lower);
    const alias = KEY_ALIASES.get(lower);
    const meant = alias ?? closest(key, KEY_NAMES, 2);
    const hint = advice ?? (meant ? `did you mean "${meant}"?` : `the keys are ${LIST(KEY_NAMES)}`);
    // Spec §10: a did-you-mean is a fix when no other key is as close.
    const unique = alias !== undefined || KEY_NAMES.every((other) => other === meant || closest(key, [other], 2) === undefined);
    this.problem(`Unknown key ${quote(key)} in the axag macro; ${hint}`, start, end, advice ? undefined : meant, !unique);
  }

  private needsValue(key: string, example: string, start: number, end: number): void {
    this.problem(`"${key}" in the axag macro needs a value: ${example}`, start, end);
  }

  private readBoolean(key: string, attribute: string, value: string | undefined, start: number, keyEnd: number, end: number): void {
    if (value === undefined) return this.field(attribute, 'true', key, [start, keyEnd]);
    if (value === 'true' || value === 'false') return this.field(attribute, value, key, [start, keyEnd], [keyEnd + 1, end]);
    const lower = value.toLowerCase();
    const suggestion = BOOLEAN_WORDS.get(lower);
    const message = value
      ? `"${key}" in the axag macro is true or false (or the bare key, meaning true), not ${quote(value)}${didYouMean(suggestion)}`
      : `"${key}" in the axag macro has an empty value; write "${key}" (true) or "${key}=false"`;
    if (value) this.problem(message, keyEnd + 1, end, suggestion);
    else this.problem(message, start, end);
  }

  private readList(key: string, attribute: string, value: string, keySpan: [number, number], valueStart: number): void {
    const valueEnd = valueStart + value.length;
    // Names written with spaces between them, not commas: the list is not applied.
    const spaced = this.splits(valueStart, valueEnd);
    for (const problem of spaced) {
      problem.message = `Whitespace inside "${key}" of the axag macro; separate the names with ","`;
      problem.suggestion = ',';
    }
    const items: string[] = [];
    const written = value.split(',');
    let start = valueStart;
    for (const item of written) {
      const end = start + item.length;
      if (item === '') {
        // Reported below, at the extra commas.
      } else if (!TOKEN.test(item)) {
        const bare = item.replace(/["'[\]{}]/g, '');
        const suggestion = bare !== item && TOKEN.test(bare) ? bare : undefined;
        const message = `${quote(item)} in "${key}" of the axag macro is not a plain name (letters, digits, _ and -)${suggestion ? `; write it bare: "${suggestion}"` : ''}`;
        this.problem(message, start, end, suggestion);
      } else {
        items.push(item);
      }
      start = end + 1;
    }
    for (const at of extraSeparators(written, valueStart)) this.problem(`Empty item in "${key}" of the axag macro (an extra ","); remove it`, at, at + 1);
    if (items.length > 0 && spaced.length === 0) this.field(attribute, JSON.stringify(items), key, keySpan, [valueStart, valueEnd]);
  }
}

/**
 * The separators a list of parts written from `start` does not need: the one right after a written part that
 * another written part follows is needed; every other one is extra (`a&&b`: the second; `a&`, `&a`: the only one).
 */
function extraSeparators(parts: readonly string[], start: number): number[] {
  const writtenFrom = parts.map(() => false);
  for (let i = parts.length - 1; i >= 0; i--) writtenFrom[i] = parts[i] !== '' || (writtenFrom[i + 1] ?? false);
  const extra: number[] = [];
  let at = start;
  for (let i = 0; i < parts.length - 1; i++) {
    at += parts[i]!.length;
    if (parts[i] === '' || !writtenFrom[i + 1]) extra.push(at);
    at += 1;
  }
  return extra;
}
