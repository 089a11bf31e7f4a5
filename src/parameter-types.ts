/**
 * What an author meant by a parameter type or format that is not one (spec §8.2), for the typed parameter objects
 * of `axag/parameter-object` and the `axag-parameter-type` / `axag-parameter-format` attributes of
 * `axag/parameter-type`: both suggest the same thing, each in its own words.
 */
import { closest } from './text/suggest.js';
import { PARAMETER_FORMATS, PARAMETER_TYPE_REPLACEMENTS, PARAMETER_TYPES, type ParameterTypeReplacement } from './vocabulary.js';

export type ParameterFormat = (typeof PARAMETER_FORMATS)[number];

/**
 * The type meant by `written`, which is not a parameter type: a known replacement (`int` → integer, `date` → string
 * with the format date, `enum` → string with an enum), else the closest type (`Integer`, `strng`); undefined when
 * nothing is close.
 */
export function meantParameterType(written: string): ParameterTypeReplacement | undefined {
  const replacement = PARAMETER_TYPE_REPLACEMENTS.get(written.toLowerCase());
  if (replacement) return replacement;
  const type = closest(written, PARAMETER_TYPES, maxEdits(written)) as ParameterTypeReplacement['type'] | undefined;
  return type && { type };
}

/** The format meant by `written`, which is not a parameter format (`date-time`, `uri`, `Email`); undefined when nothing is close. */
export function meantParameterFormat(written: string): ParameterFormat | undefined {
  return closest(written, PARAMETER_FORMATS, maxEdits(written)) as ParameterFormat | undefined;
}

/** Short words are one edit from many others: allow fewer edits for them. */
export function maxEdits(word: string): number {
  return word.length <= 4 ? 1 : 2;
}
