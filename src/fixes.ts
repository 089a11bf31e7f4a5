/**
 * Edits as rules write them (spec §10): in terms of the model's ranges and how each value is written, never of the
 * file's text, which the engine turns them into. Each helper respects the source language (HTML quoting and
 * character references, JSX strings, JavaScript strings and template literals, the macro's tokens) and answers
 * undefined when it cannot write the edit safely: then the finding has no fix.
 */
import type { AnnotatedElement, AxagAttribute, MacroUse, Position, Range } from './model.js';
import { parseStringArray } from './text/json-value.js';

/** Replace `range` of the source (an empty range: insert at it) with `text`. */
export interface RangeEdit {
  range: Range;
  text: string;
}

/** A choice the author makes (spec §10): offered in editors, never applied by `--fix`. */
export interface RangeSuggestion {
  /** What applying it does: `Set axag-scope="user"`. */
  label: string;
  edits: RangeEdit[];
}

/**
 * New text never holds a line break: in a Markdown code block inside a list or a blockquote every line of the block
 * carries the container's prefix, which a line break in an edit would lose.
 */
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/** Edits that make `value` the attribute's value, written as the source writes values there. */
export function replaceValue(attribute: AxagAttribute, value: string): RangeEdit[] | undefined {
  if (LINE_BREAK.test(value)) return undefined;
  if (attribute.macroKey !== undefined) return replaceMacroToken(attribute, value);
  const syntax = attribute.syntax;
  if (!syntax) return undefined;
  const range = attribute.valueRange;
  switch (syntax.form) {
    case 'bare':
      return [{ range: at(end(attribute.nameRange)), text: `="${markupText(value, '"')}"` }];
    case 'html':
    case 'jsx': {
      if (syntax.quote === '' || syntax.quote === '`') {
        return [{ range, text: UNQUOTED.test(value) ? value : `"${markupText(value, '"')}"` }];
      }
      const other = syntax.quote === '"' ? "'" : '"';
      // Spec §10: JSON in a "-quoted attribute is written with the attribute's quotes switched.
      if (value.includes(syntax.quote) && !value.includes(other)) return [{ range: widened(range), text: `${other}${markupText(value, other)}${other}` }];
      return [{ range, text: markupText(value, syntax.quote) }];
    }
    case 'js': {
      if (syntax.quote === '`') return [{ range, text: value.replace(/[\\`]|\$\{/g, (c) => `\\${c}`) }];
      if (syntax.quote === '') return undefined;
      const other = syntax.quote === '"' ? "'" : '"';
      if (value.includes(syntax.quote) && !value.includes(other)) return [{ range: widened(range), text: `${other}${jsText(value, other)}${other}` }];
      return [{ range, text: jsText(value, syntax.quote) }];
    }
    case 'expression':
      return [{ range, text: JSON.stringify(value) }];
  }
}

/** The edit that renames an attribute: only the name itself (after a Vue `:` or `v-bind:`), as written. */
export function renameAttribute(element: AnnotatedElement, attribute: AxagAttribute, name: string): RangeEdit[] | undefined {
  const { nameRange } = attribute;
  if (attribute.macroKey !== undefined || nameRange.line !== nameRange.endLine) return undefined;
  // Renaming onto an attribute the element already has would leave two of it, and the source would keep one.
  if (element.attributes.some((other) => other.name === name && other.macroKey === undefined)) return undefined;
  const start = nameRange.endColumn - attribute.name.length;
  if (start < nameRange.column) return undefined;
  return [{ range: { line: nameRange.line, column: start, endLine: nameRange.line, endColumn: nameRange.endColumn }, text: name }];
}

/**
 * The edit that adds `name="value"` to the element's start tag: before its first AXAG attribute written with a
 * static value, beside the others, else right after the tag name (the same in HTML, JSX, Vue and Svelte).
 */
export function addAttribute(element: AnnotatedElement, name: string, value: string): RangeEdit[] | undefined {
  if (LINE_BREAK.test(value)) return undefined;
  const attribute = `${name}="${markupText(value, '"')}"`;
  const neighbour = element.attributes.find((candidate) => candidate.syntax !== undefined && candidate.macroKey === undefined);
  if (neighbour) return [{ range: at(start(neighbour.nameRange)), text: `${attribute} ` }];
  return [{ range: at(end(element.nameRange)), text: ` ${attribute}` }];
}

/** The edit that adds a key (`confirm`, `scope=user`) at the end of the element's `axag` macro. */
export function addToMacro(macro: MacroUse, token: string): RangeEdit[] | undefined {
  const value = macro.attribute.value;
  const positions = macro.attribute.valuePositions;
  if (macro.form !== 'static' || value === null || !positions) return undefined;
  const written = value.trimEnd();
  const place = positions[written.length];
  if (!place) return undefined;
  const separator = /[?&]$/.test(written) ? '' : written.includes('?') ? '&' : '?';
  return [{ range: at(place), text: `${separator}${token}` }];
}

/** The macro's text that gives `value` under `key`: `!high`, `confirm`, `confirm=false`, `req=sku,quantity`, `write` for the head. */
export function macroToken(key: string, value: string): string {
  if (key === '!') return `!${value}`;
  if (key === 'type' || key === 'intent' || key === 'entity') return value;
  if (value === 'true') return key;
  const list = value.startsWith('[') ? parseStringArray(value)?.join(',') : undefined;
  return `${key}=${list ?? value}`;
}

/** A token of the macro written anew, key and value: the entity is the intent's, never written on its own. */
function replaceMacroToken(attribute: AxagAttribute, value: string): RangeEdit[] | undefined {
  const key = attribute.macroKey!;
  if (key === 'entity' || !MACRO_TOKEN.test(macroToken(key, value))) return undefined;
  const { nameRange, valueRange } = attribute;
  return [{ range: { line: nameRange.line, column: nameRange.column, endLine: valueRange.endLine, endColumn: valueRange.endColumn }, text: macroToken(key, value) }];
}

/** What a macro token can hold (spec §8.1): no whitespace, no escaping. */
const MACRO_TOKEN = /^[!A-Za-z0-9_.,=:-]+$/;

/** What an unquoted HTML attribute value can hold. */
const UNQUOTED = /^[^\s"'=<>`&{}]+$/;

/**
 * Text for a quoted HTML, Vue, Svelte or JSX attribute value: `&`, the quote, and the braces that start an
 * expression in a Svelte value, as character references (every one of those sources decodes them).
 */
function markupText(value: string, quote: '"' | "'"): string {
  const references: Record<string, string> = { '&': '&amp;', '{': '&#123;', '}': '&#125;', [quote]: quote === '"' ? '&quot;' : '&#39;' };
  return value.replace(/[&{}"']/g, (c) => references[c] ?? c);
}

/** Text for a JavaScript string literal between `quote`s. */
function jsText(value: string, quote: '"' | "'"): string {
  return value.replace(quote === '"' ? /[\\"]/g : /[\\']/g, (c) => `\\${c}`);
}

/** The range with the quotes around it. */
function widened(range: Range): Range {
  return { line: range.line, column: range.column - 1, endLine: range.endLine, endColumn: range.endColumn + 1 };
}

function start(range: Range): Position {
  return { line: range.line, column: range.column };
}

function end(range: Range): Position {
  return { line: range.endLine, column: range.endColumn };
}

function at(position: Position): Range {
  return { line: position.line, column: position.column, endLine: position.line, endColumn: position.column };
}

/** The edits that give the element `name="value"`: its own empty or written attribute gets the value, else one is added. */
export function setAttribute(element: AnnotatedElement, name: string, value: string): RangeEdit[] | undefined {
  const own = element.attributes.find((attribute) => attribute.name === name && attribute.macroKey === undefined);
  return own ? replaceValue(own, value) : addAttribute(element, name, value);
}

/** One labelled suggestion per value, leaving out those whose edits could not be written. */
export function choices<T>(values: readonly T[], suggest: (value: T) => [string, RangeEdit[] | undefined]): RangeSuggestion[] {
  return values.flatMap((value) => {
    const [label, edits] = suggest(value);
    return edits ? [{ label, edits }] : [];
  });
}
