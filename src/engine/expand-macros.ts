import { readMacro, type Span } from '../macro/read-macro.js';
import type { AnnotatedElement, AxagAttribute, MacroUse, Range, SourceDocument } from '../model.js';
import { isPresent } from '../vocabulary.js';

/**
 * Spec §8.1: turns every static `axag` macro into the longhand attributes it
 * stands for, each at the token that produced it, before the element model and
 * the rules see the document. A longhand attribute the author wrote (dynamic or
 * non-empty) wins over the macro's field of the same name; an empty one counts
 * as not written. A bound macro makes its element open, like a spread. Pure.
 */
export function expandMacros(document: SourceDocument): SourceDocument {
  if (!document.elements.some(hasMacro)) return document;
  return { ...document, elements: document.elements.map((element) => (hasMacro(element) ? expand(element) : element)) };
}

const hasMacro = (element: AnnotatedElement) => element.attributes.some((attribute) => attribute.name === 'axag');

function expand(element: AnnotatedElement): AnnotatedElement {
  const attribute = element.attributes.find((candidate) => candidate.name === 'axag')!;
  const none = { attribute, applied: false, fields: [], problems: [] };
  if (attribute.value === null) return { ...element, spread: true, macro: { form: 'bound', ...none } };
  if (attribute.value.trim() === '') return { ...element, macro: { form: 'empty', ...none } };

  const read = readMacro(attribute.value);
  const range = rangeIn(attribute);
  const macro: MacroUse = {
    form: 'static',
    attribute,
    applied: read.headValid,
    fields: read.fields.map((field) => ({
      name: field.name,
      value: field.value,
      key: field.key,
      nameRange: range(field.keySpan),
      valueRange: range(field.valueSpan),
    })),
    problems: read.problems.map((problem) => ({
      message: problem.message,
      range: range(problem.span),
      ...(problem.suggestion !== undefined && { suggestion: problem.suggestion, ...(problem.guess && { guess: true }) }),
    })),
  };

  const written = new Map(element.attributes.map((own) => [own.name, own]));
  const given: AxagAttribute[] = macro.fields
    .filter((field) => !isPresent(written.get(field.name)))
    .map(({ name, value, key, nameRange, valueRange }) => ({ name, value, nameRange, valueRange, macroKey: key }));
  const replaced = new Set(given.map((field) => field.name));
  const attributes = element.attributes.flatMap((own) => (own === attribute ? [own, ...given] : replaced.has(own.name) ? [] : [own]));
  return { ...element, attributes, macro };
}

/** The source range of a span of the macro's value. */
function rangeIn(attribute: AxagAttribute): (span: Span) => Range {
  const positions = attribute.valuePositions;
  return ({ start, end }) => {
    if (!positions) return attribute.valueRange;
    const from = positions[start]!;
    const to = positions[end]!;
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  };
}
