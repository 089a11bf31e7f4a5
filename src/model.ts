/**
 * The neutral annotation model. Every source (HTML, JSX/TSX, Vue, Svelte and
 * Markdown code blocks) turns a file into this shape, so rules never see a
 * parser tree. Everything here is plain data.
 */

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
  /** The element may receive more attributes at run time (a JSX, Vue or Svelte spread). */
  spread: boolean;
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

/** A file reduced to its annotated elements, in document order (ancestors first). */
export interface SourceDocument {
  elements: AnnotatedElement[];
  /** Comments that mention `axag-`, in document order: where inline directives live. */
  comments: SourceComment[];
  /** Parts of the file that could not be parsed; their annotations are not in `elements`. */
  syntaxErrors: SyntaxProblem[];
}
