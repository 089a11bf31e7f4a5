import type { ValueSyntax } from '../model.js';
import type { Escapes } from './value-positions.js';

/**
 * How the value whose text starts at `start` is written: `escapes` says how the source decoded it (none for an
 * expression that is not a string), and the character before it is its quote, if it has one.
 */
export function valueSyntax(text: string, start: number, escapes: Escapes | undefined): ValueSyntax {
  if (!escapes) return { form: 'expression', quote: '' };
  const before = text[start - 1];
  const quote = before === '"' || before === "'" || before === '`' ? before : '';
  return { form: escapes, quote };
}

/** A bare attribute (`<button axag-async>`): a value is written after its name. */
export const BARE: ValueSyntax = { form: 'bare', quote: '' };
