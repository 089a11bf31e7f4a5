/**
 * What an `axag-*` name outside the vocabulary most likely meant (spec §9.1, §9.2): the alias table first, then the
 * same name after ignoring case, `-` and `_`, then the closest name within two edits.
 */
import { closest } from './text/suggest.js';
import { isExtension, KNOWN_ATTRIBUTES } from './vocabulary.js';

/** Advice for an unknown attribute name. */
export interface NameAdvice {
  /** The names to rename it to, the likeliest first; empty when the advice is not a rename. */
  meant: readonly string[];
  /** The advice as a message says it: `did you mean axag-intent?`. */
  text: string;
}

/** Whether `name` is an AXAG attribute the vocabulary knows, or a user extension (never validated). */
export function isKnownAttribute(name: string): boolean {
  return KNOWN_ATTRIBUTES.has(name) || isExtension(name);
}

/** How the alias table and the comparison ignoring case, `-` and `_` see a name. */
const squashed = (name: string) => name.toLowerCase().replace(/[-_]/g, '');

const meaning = (...meant: string[]): NameAdvice => ({ meant, text: `did you mean ${meant.join(' or ')}?` });
const meaningRather = (meant: string, other: string): NameAdvice => ({ meant: [meant, other], text: `did you mean ${meant} (or ${other})?` });
/** Rows of the alias table that have no AXAG equivalent: the advice depends on the name written. */
const NO_EQUIVALENT = 'no equivalent' as const;

/** Spec §9.2, keyed by the squashed name written. */
const ALIASES: ReadonlyMap<string, NameAdvice | typeof NO_EQUIVALENT> = new Map(
  Object.entries<NameAdvice | typeof NO_EQUIVALENT>({
    'axag-required-params': meaning('axag-required-parameters'),
    'axag-optional-params': meaning('axag-optional-parameters'),
    'axag-params': meaning('axag-required-parameters', 'axag-optional-parameters'),
    'axag-req': meaning('axag-required-parameters'),
    'axag-opt': meaning('axag-optional-parameters'),
    'axag-requires-confirmation': meaning('axag-confirmation-required'),
    'axag-confirm': meaning('axag-confirmation-required'),
    'axag-confirmation': meaning('axag-confirmation-required'),
    'axag-approval': meaning('axag-approval-required'),
    'axag-roles': meaningRather('axag-approval-roles', 'axag-required-roles'),
    'axag-effects': meaning('axag-side-effects'),
    'axag-tenant': meaningRather('axag-tenant-boundary', 'axag-scope'),
    'axag-tenant-scope': meaningRather('axag-tenant-boundary', 'axag-scope'),
    'axag-risk': meaning('axag-risk-level'),
    'axag-type': meaning('axag-action-type'),
    'axag-action': meaning('axag-action-type'),
    'axag-actiontype': meaning('axag-action-type'),
    'axag-idempotency': meaning('axag-idempotent'),
    'axag-idempotence': meaning('axag-idempotent'),
    'axag-macro': meaning('axag'),
    'axag-shorthand': meaning('axag'),
    'axag-parameter-schema': {
      meant: [],
      text:
        'describe the parameters with typed parameter objects in axag-required-parameters / axag-optional-parameters ' +
        '(e.g. [{"name":"quantity","type":"integer"}]), or bind them to a schema with axag-schema',
    },
    'axag-undo-supported': NO_EQUIVALENT,
    'axag-auth-required': NO_EQUIVALENT,
  }).map(([written, advice]) => [squashed(written), advice]),
);

const BY_SQUASHED: ReadonlyMap<string, string> = new Map([...KNOWN_ATTRIBUTES].map((name) => [squashed(name), name]));
/** Edit-distance candidates: the `axag-*` names (the bare macro name is two edits from too many short typos). */
const LONGHAND = [...KNOWN_ATTRIBUTES].filter((name) => name !== 'axag');

/** What to tell the author of `name`, an `axag-*` name the vocabulary does not know. */
export function adviseOnName(name: string): NameAdvice {
  const rest = name.slice('axag-'.length);
  // `axag-x_campaign`, JSX's `axag-X-campaign`: an extension meant, with the prefix mistyped.
  if (/^x[-_]./i.test(rest)) {
    const meant = `axag-x-${rest.slice(2)}`;
    return { meant: [meant], text: `extension attributes start with axag-x-; did you mean ${meant}?` };
  }
  const extension = `axag-x-${rest}`;
  const alias = ALIASES.get(squashed(name));
  if (alias === NO_EQUIVALENT) return { meant: [], text: `AXAG has no equivalent; use an axag-x-… extension attribute such as ${extension}` };
  if (alias) return alias;
  const near = BY_SQUASHED.get(squashed(name)) ?? closest(name, LONGHAND, 2);
  if (near) return meaning(near);
  return { meant: [], text: `check the spelling against the AXAG vocabulary, or name data of your own ${extension}` };
}
