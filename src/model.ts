/**
 * The neutral annotation model. Every source (HTML, JSX/TSX, Vue, Svelte and
 * Markdown code blocks) turns a file into this shape, so rules never see a
 * parser tree. Everything here is plain data.
 */

/** A 1-based line and a 1-based column in UTF-16 code units. */
export interface Position {
  line: number;
  column: number;
}

/** 1-based lines, 1-based columns in UTF-16 code units; `endColumn` is exclusive. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface AxagAttribute {
  /** Attribute name as the rules see it (HTML: lower-cased). */
  name: string;
  /** The static value, or `null` when the source computes it at run time. */
  value: string | null;
  nameRange: Range;
  /** Range of the value text (inside the quotes); the name range for a bare attribute. */
  valueRange: Range;
  /**
   * The static value of the `axag` macro only: where each UTF-16 code unit of `value` was written, and where
   * it ends, so that a token after `&amp;`, an escape or a line break is reported where it stands.
   */
  valuePositions?: Position[];
  /** Set by macro expansion on the longhand attributes the macro gave: its key as the author wrote it (`req`, `!`, `confirm`). */
  macroKey?: string;
  /** How the value is written in the source, so that a fix can write a new one (absent on what the macro gives). */
  syntax?: ValueSyntax;
}

/**
 * How an attribute's value is written: what a fix must respect to write another value in its place.
 * `html`: an HTML, Vue or Svelte attribute value (character references); `jsx`: a JSX attribute string (character
 * references with their `;`, no backslash escapes); `js`: a JavaScript string or template literal in braces
 * (`{"x"}`, `` {`x`} ``); `expression`: another static JavaScript expression (`{1}`, `{["a"]}`); `bare`: no value
 * (`<button axag-async>`), the value range being the name's.
 */
export interface ValueSyntax {
  form: 'html' | 'jsx' | 'js' | 'expression' | 'bare';
  /** The quote right before and after the value range: `"`, `'`, `` ` `` (a template literal), or '' (none). */
  quote: '"' | "'" | '`' | '';
}

/** What the `axag` macro (spec §8.1) says, set on its element by macro expansion. */
export interface MacroUse {
  /** `static`: a value to read; `bound`: computed at run time (`axag={expr}`, `:axag`, `v-axag`, `[axag]`); `empty`: no macro. */
  form: 'static' | 'bound' | 'empty';
  /** The `axag` attribute itself. */
  attribute: AxagAttribute;
  /** The head (`type:intent`) was read, so the macro's valid parts apply. */
  applied: boolean;
  /** Every field the macro sets, whether or not a longhand attribute overrides it. */
  fields: MacroField[];
  /** Grammar errors, at the failing token. */
  problems: MacroProblem[];
}

/** A longhand attribute the macro sets, and the token that sets it. */
export interface MacroField {
  name: string;
  value: string;
  /** The macro key as written (`req`, `confirm`), `!` for the risk level, `type`, `intent` or `entity` for the head. */
  key: string;
  nameRange: Range;
  valueRange: Range;
}

export interface MacroProblem {
  message: string;
  range: Range;
  /** The corrected token, when there is one. */
  suggestion?: string;
  /** The suggestion is the closest word, not a correction: offered, never applied (spec §10). */
  guess?: boolean;
}

export interface AnnotatedElement {
  /** Tag name as written in the source (`button`, `Button`, `ui.Button`). */
  tag: string;
  /** Range of the tag name in the start tag: where "missing attribute" findings go. */
  nameRange: Range;
  /** Position of the start tag's first character. */
  start: { line: number; column: number };
  /** Index in `SourceDocument.elements` of the nearest annotated ancestor, or -1. */
  parent: number;
  /** AXAG attributes in source order, one per name: the occurrence that takes effect (HTML, Vue, Svelte: the first; JSX: the last). */
  attributes: AxagAttribute[];
  /** A button, link, form control or an element with onclick / role="button". */
  interactive: boolean;
  /** The element may receive more attributes at run time (a JSX, Vue or Svelte spread, a bound `axag` macro). */
  spread: boolean;
  /** Set by macro expansion when the element has an `axag` attribute. */
  macro?: MacroUse;
}

/** Source text that its parser rejected: where, and the parser's own words. */
export interface SyntaxProblem {
  /** The parser's message, without its own position suffix. */
  message: string;
  /** What failed to parse, for the reader: `JSX`, `the Vue template`, `the tsx code block`. */
  source: string;
  range: Range;
  /** Not a syntax error but a parser limit: the source nests too deeply for it. */
  limit?: boolean;
}

/** A comment that may hold an inline directive (`axag-disable-next …`): its text without the delimiters. */
export interface SourceComment {
  text: string;
  range: Range;
}

/** A static `id` attribute of an element of the file, annotated or not: what `axag-params-from="#id"` can name. */
export interface ElementId {
  value: string;
  /** Range of the value text (inside the quotes). */
  range: Range;
}

/** A file reduced to its annotated elements, in document order (ancestors first). */
export interface SourceDocument {
  elements: AnnotatedElement[];
  /** The static `id` of every element of the file (annotated or not, in `axag-skip` subtrees too), in document order. */
  ids: ElementId[];
  /**
   * Some element's id is computed at run time (`id={formId}`, `:id`, a templated `id="{{ … }}"`) or may come from a
   * spread (`{...props}`, `v-bind="attrs"`): `ids` may not hold every id of the page.
   */
  dynamicIds: boolean;
  /** Comments that mention `axag-`, in document order: where inline directives live. */
  comments: SourceComment[];
  /** Parts of the file that could not be parsed; their annotations are not in `elements`. */
  syntaxErrors: SyntaxProblem[];
}
