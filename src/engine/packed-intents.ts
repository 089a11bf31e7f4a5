/**
 * An intent index as one string. The checks across files need every action of a run at its end, so the main
 * thread keeps them all: as objects, about 350 bytes each (a run over 100,000 files holds some 700,000), as one
 * JSON string per file, about a third of that. Being a string, it also crosses to the main thread from a worker
 * at the cost of a copy, holds nothing of the file it was read from, and goes into the cache as it is.
 */
import { NO_INTENTS, type IntentDeclaration, type PackedIntents } from '../results.js';
import { ACTION_FIELDS } from './action-fields.js';

/** In a packed declaration, a field its action does not declare (`null` is a field whose value is unknown). */
const ABSENT = 0;

type PackedDeclaration = [
  intent: string,
  line: number,
  column: number,
  endLine: number,
  endColumn: number,
  element: string,
  elementLine: number,
  elementColumn: number,
  digest: string,
  ...fields: (string | null | typeof ABSENT)[],
];

export function packIntents(declarations: readonly IntentDeclaration[]): PackedIntents {
  if (declarations.length === 0) return NO_INTENTS;
  const packed = declarations.map(({ intent, range, element, fields }): PackedDeclaration => [
    intent,
    range.line,
    range.column,
    range.endLine,
    range.endColumn,
    element.name,
    element.line,
    element.column,
    element.digest,
    ...ACTION_FIELDS.map(({ attribute }) => (Object.hasOwn(fields, attribute) ? fields[attribute]! : ABSENT)),
  ]);
  return oneByte(JSON.stringify(packed)) as PackedIntents;
}

/**
 * The same text in one byte per character when it has none past U+00FF. A string built from the text of a file
 * that has such a character anywhere takes two bytes per character, even where all of its own fit in one.
 */
function oneByte(text: string): string {
  return WIDE.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}

const WIDE = /[^\u0000-\u00ff]/;

/** The declarations of a packed index, as new objects in document order. */
export function unpackIntents(packed: PackedIntents): IntentDeclaration[] {
  if (packed === NO_INTENTS) return [];
  return (JSON.parse(packed) as PackedDeclaration[]).map(([intent, line, column, endLine, endColumn, name, elementLine, elementColumn, digest, ...values]) => {
    const fields: Record<string, string | null> = {};
    ACTION_FIELDS.forEach(({ attribute }, index) => {
      const value = values[index];
      if (value !== ABSENT && value !== undefined) fields[attribute] = value;
    });
    return { intent, range: { line, column, endLine, endColumn }, element: { name, line: elementLine, column: elementColumn, digest }, fields };
  });
}
