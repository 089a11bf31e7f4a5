import { createRequire } from 'node:module';
import type { ParserOptions, ParserPlugin } from '@babel/parser';
import type { Expression, File, JSXAttribute, JSXOpeningElement, Node } from '@babel/types';
import type { AnnotatedElement, AxagAttribute, ElementId, SourceComment, SourceDocument } from '../model.js';
import { LineIndex } from '../text/line-index.js';
import { forEachChild } from './babel-tree.js';
import { isAxagAttribute, isInteractive, MACRO } from './element-traits.js';
import { directiveComment, syntaxProblem, unparsed } from './documents.js';
import { valuePositions, type Escapes } from './value-positions.js';
import { BARE, valueSyntax } from './value-syntax.js';

// @babel/parser is CommonJS: required, not imported, so that Node does not scan its half a megabyte for the names
// it exports, which an ES import makes it do (a third of the start of a run that reads one script).
const { parse } = createRequire(import.meta.url)('@babel/parser') as typeof import('@babel/parser');

/**
 * `js` covers .js/.jsx/.mjs/.cjs (JSX on); `ts` is .ts/.mts/.cts, where `<T>x` is a type assertion, not JSX;
 * `dts` is a declaration file (.d.ts, .d.mts, .d.cts), where `export const x: T;` needs no initializer.
 */
export type ScriptDialect = 'js' | 'ts' | 'tsx' | 'dts';

/**
 * Syntax in use in real code that Babel keeps behind plugins: Lit's `accessor` fields, `import … assert {}`,
 * and the stage 3 import phases `import defer * as ns` and `import source x` (with `import.defer()`, `import.source()`).
 */
const ALWAYS: ParserPlugin[] = ['decoratorAutoAccessors', 'deprecatedImportAssert', 'deferredImportEvaluation', 'sourcePhaseImports'];
const LEGACY_DECORATORS: ParserPlugin = 'decorators-legacy';
const DECORATORS: ParserPlugin = ['decorators', {}];

/**
 * Plugin sets tried in order until one parses. Legacy decorators come first
 * (Angular and Nest: parameter decorators), then standard decorators
 * (`export @dec class`); for JavaScript last, Flow type annotations.
 */
export const SCRIPT_VARIANTS: Record<ScriptDialect, ParserPlugin[][]> = {
  js: [['jsx', LEGACY_DECORATORS], ['jsx', DECORATORS], ['jsx', 'flow', LEGACY_DECORATORS]],
  ts: [['typescript', LEGACY_DECORATORS], ['typescript', DECORATORS]],
  tsx: [['jsx', 'typescript', LEGACY_DECORATORS], ['jsx', 'typescript', DECORATORS]],
  dts: [[['typescript', { dts: true }], LEGACY_DECORATORS], [['typescript', { dts: true }], DECORATORS]],
};

/**
 * The options axag gives Babel for one set of plugins; exported with SCRIPT_VARIANTS so the benchmark's floor
 * (bench/floor.mjs) parses exactly as axag does.
 */
export function babelOptions(plugins: ParserPlugin[]): ParserOptions {
  return {
    sourceType: 'unambiguous',
    plugins: [...plugins, ...ALWAYS],
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowImportExportEverywhere: true,
    allowUndeclaredExports: true,
    allowNewTargetOutsideFunction: true,
    allowSuperOutsideMethod: true,
    attachComment: false,
  };
}

export interface ScriptOptions {
  /** Names the source in syntax errors: `JSX`, `TypeScript`, `the tsx code block`. */
  label: string;
  /**
   * A documentation snippet: sibling elements at the top level (`<a/>\n<b/>`) are
   * not a program, so retry inside a fragment before reporting a syntax error.
   */
  snippet?: boolean;
}

/** Parses JavaScript or TypeScript (BOM already stripped) into the neutral annotation model. */
export async function parseScript(text: string, dialect: ScriptDialect, options: ScriptOptions): Promise<SourceDocument> {
  const lines = new LineIndex(text);
  const read = async (source: string, shift: number): Promise<SourceDocument> => {
    const file = await parseFile(source, dialect);
    return { ...collectElements(file.program, source, shift, lines), comments: commentsOf(file, shift, lines), syntaxErrors: [] };
  };
  try {
    return await read(text, 0);
  } catch (error) {
    if (!isPositionedSyntaxError(error)) throw error;
    if (options.snippet && (dialect === 'js' || dialect === 'tsx')) {
      try {
        return await read(`<>${text}\n</>`, 2);
      } catch (retryError) {
        // The snippet's own error, not the wrapper's, is the one to show.
        if (!isPositionedSyntaxError(retryError)) throw retryError;
      }
    }
    const message = error.message.replace(/ \(\d+:\d+\)$/, '');
    return unparsed(syntaxProblem(options.label, message, text, lines, error.pos));
  }
}

/** `{/* … *\/}` and `// …` comments that may hold directives, in the original text's positions. */
function commentsOf(file: File, shift: number, lines: LineIndex): SourceComment[] {
  const comments: SourceComment[] = [];
  for (const comment of file.comments ?? []) {
    const found = directiveComment(comment.value, lines, comment.start! - shift, comment.end! - shift);
    if (found) comments.push(found);
  }
  return comments;
}

/** A syntax error at offset `pos`, as Babel throws it (and as ./flow.js rethrows hermes'). */
type PositionedSyntaxError = SyntaxError & { pos: number };

function isPositionedSyntaxError(error: unknown): error is PositionedSyntaxError {
  return error instanceof SyntaxError && typeof (error as { pos?: unknown }).pos === 'number';
}

/** Meta's Flow parser, ~0.6 s to load: imported only for JavaScript that no Babel variant reads. */
let flow: Promise<typeof import('./flow.js')> | undefined;

/**
 * How far into the text an attempt read before its syntax error. Babel reports an unterminated comment,
 * string, template, regular expression or JSX content where it begins, having read to the end of the text
 * (where hermes-parser reports the same mistake): that attempt read it all.
 */
function reach(error: PositionedSyntaxError, text: string): number {
  const reason = (error as { reasonCode?: unknown }).reasonCode;
  return typeof reason === 'string' && reason.startsWith('Unterminated') ? text.length : error.pos;
}

/**
 * The parsed file, or the syntax error of the attempt that read furthest into the text (the earliest such
 * attempt on a tie): a Flow file fails early under the plugins without Flow and late, at its real mistake,
 * under Flow's. JavaScript that no Babel variant reads is tried last with hermes-parser, which reads the
 * Flow syntax Babel's plugin lacks (`component`, `hook`, `match`, `as`, ...); it is not kept to files with an
 * `@flow` pragma, since a project may check every file (`all=true` in .flowconfig). Any other error (a stack
 * overflow, a bug) propagates at once.
 */
async function parseFile(text: string, dialect: ScriptDialect): Promise<File> {
  let furthest: PositionedSyntaxError | undefined;
  const attempt = (parse: () => File): File | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!isPositionedSyntaxError(error)) throw error;
      if (!furthest || reach(error, text) > reach(furthest, text)) furthest = error;
      return undefined;
    }
  };
  for (const plugins of SCRIPT_VARIANTS[dialect]) {
    const file = attempt(() => parse(text, babelOptions(plugins)));
    if (file) return file;
  }
  if (dialect === 'js') {
    const { parseFlow } = await (flow ??= import('./flow.js'));
    const file = attempt(() => parseFlow(text));
    if (file) return file;
  }
  throw furthest;
}

/**
 * Finds every JSX element with AXAG attributes, depth-first without recursion.
 * JSX may appear anywhere in a program (returns, props, callbacks), so the
 * whole tree is searched, except subtrees whose text has no `<`: every JSX
 * element starts with one, and skipping them halves the walk. An element's
 * parent is the nearest annotated JSX element around it. Every element's `id`
 * is collected on the way.
 */
function collectElements(program: Node, text: string, shift: number, lines: LineIndex): Pick<SourceDocument, 'elements' | 'ids' | 'dynamicIds'> {
  const elements: AnnotatedElement[] = [];
  const ids: ElementId[] = [];
  let dynamicIds = false;
  const at = (offset: number) => offset - shift;
  const mayHoldJsx = angleBrackets(text);
  const stack: [Node, number][] = [[program, -1]];
  const children: Node[] = [];
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    let inner = parent;
    if (node.type === 'JSXElement') {
      const id = idOf(node.openingElement, lines, at);
      if (id === DYNAMIC_ID) dynamicIds = true;
      else if (id) ids.push(id);
      const element = toAnnotated(node.openingElement, parent, text, lines, at);
      if (element) {
        inner = elements.length;
        elements.push(element);
      }
    }
    children.length = 0;
    const add = (child: Node | null | undefined) => {
      if (child && mayHoldJsx(child)) children.push(child);
    };
    switch (node.type) {
      // JSX is most of a component: walk its shapes directly rather than by reflection.
      case 'JSXElement':
        for (const attribute of node.openingElement.attributes) {
          add(attribute.type === 'JSXAttribute' ? attribute.value : attribute.argument);
        }
        for (const child of node.children) add(child);
        break;
      case 'JSXFragment':
        for (const child of node.children) add(child);
        break;
      case 'JSXExpressionContainer':
        if (node.expression.type !== 'JSXEmptyExpression') add(node.expression);
        break;
      case 'JSXText':
        break;
      default: {
        forEachChild(node, add);
        // Babel does not always set properties in source order.
        if (!inSourceOrder(children)) children.sort((a, b) => a.start! - b.start!);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, inner]);
  }
  return { elements, ids, dynamicIds };
}

const DYNAMIC_ID = Symbol('dynamic id');

/** The element's static `id` prop with its range; DYNAMIC_ID for a computed one or a spread, which may carry one. */
function idOf(opening: JSXOpeningElement, lines: LineIndex, at: (offset: number) => number): ElementId | typeof DYNAMIC_ID | undefined {
  let id: ElementId | typeof DYNAMIC_ID | undefined;
  // At run time the last of duplicate props wins, and a later spread may replace an id written before it.
  for (const attr of opening.attributes) {
    if (attr.type === 'JSXSpreadAttribute') id = DYNAMIC_ID;
    else if (attr.name.type === 'JSXIdentifier' && attr.name.name === 'id') {
      const value = attributeValue(attr);
      id = value.value === null ? DYNAMIC_ID : { value: value.value, range: lines.range(at(value.start), at(value.end)) };
    }
  }
  return id;
}

/** Whether a node's text contains a `<`, by binary search over the offsets of every `<` in the text. */
function angleBrackets(text: string): (node: Node) => boolean {
  const offsets: number[] = [];
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) offsets.push(i);
  return (node) => {
    let lo = 0;
    let hi = offsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid]! < node.start!) lo = mid + 1;
      else hi = mid;
    }
    return lo < offsets.length && offsets[lo]! < node.end!;
  };
}

function inSourceOrder(nodes: Node[]): boolean {
  for (let i = 1; i < nodes.length; i++) if (nodes[i]!.start! < nodes[i - 1]!.start!) return false;
  return true;
}

function toAnnotated(
  opening: JSXOpeningElement,
  parent: number,
  text: string,
  lines: LineIndex,
  at: (offset: number) => number,
): AnnotatedElement | undefined {
  // At run time the last of duplicate props wins, so a later one replaces an earlier one.
  const byName = new Map<string, AxagAttribute>();
  let spread = false;
  let role: string | undefined;
  let hasOnclick = false;
  for (const attr of opening.attributes) {
    if (attr.type === 'JSXSpreadAttribute') {
      spread = true;
      continue;
    }
    if (attr.name.type !== 'JSXIdentifier') continue;
    const name = attr.name.name;
    if (name.toLowerCase() === 'onclick') hasOnclick = true;
    if (name === 'role') role = attributeValue(attr).value ?? undefined;
    if (!isAxagAttribute(name)) continue;
    const value = name === MACRO ? macroValue(attr) : attributeValue(attr);
    byName.delete(name);
    byName.set(name, {
      name,
      value: value.value,
      nameRange: lines.range(at(attr.name.start!), at(attr.name.end!)),
      valueRange: lines.range(at(value.start), at(value.end)),
      ...(value.value !== null && { syntax: attr.value ? valueSyntax(text, value.start, value.escapes) : BARE }),
      ...(name === MACRO &&
        value.value !== null &&
        value.escapes && { valuePositions: valuePositions(value.value, text.slice(value.start, value.end), at(value.start), lines, value.escapes) }),
    });
  }
  if (byName.size === 0) return undefined;
  const nameNode = opening.name;
  const tag = text.slice(nameNode.start!, nameNode.end!);
  return {
    tag,
    nameRange: lines.range(at(nameNode.start!), at(nameNode.end!)),
    start: lines.position(at(opening.start!)),
    parent,
    attributes: [...byName.values()],
    interactive: isInteractive(tag, role, hasOnclick),
    spread,
  };
}

/** A value and the offsets of its text: inside quotes for strings, the name for a bare attribute. */
interface ValueSpan {
  value: string | null;
  start: number;
  end: number;
  /** For a string written in the source, how it was decoded: JSX attribute strings take HTML references, JS strings escapes. */
  escapes?: Escapes;
}

/**
 * The macro is text: a string form is read, a bare `axag` is empty (as in HTML), and the other static forms
 * (`{true}`, an array) are not a macro until React turns them into text at run time.
 */
function macroValue(attr: JSXAttribute): ValueSpan {
  const value = attributeValue(attr);
  if (!attr.value) return { ...value, value: '' };
  return value.escapes ? value : { ...value, value: null };
}

/** Spec §3: the static forms of a JSX attribute value; anything else is dynamic (`null`). */
function attributeValue(attr: JSXAttribute): ValueSpan {
  const value = attr.value;
  if (!value) return { value: 'true', start: attr.name.start!, end: attr.name.end! };
  if (value.type === 'StringLiteral') return { value: value.value, start: value.start! + 1, end: value.end! - 1, escapes: 'jsx' };
  if (value.type === 'JSXExpressionContainer' && value.expression.type !== 'JSXEmptyExpression') {
    const expression = unwrap(value.expression);
    return staticValue(expression) ?? { value: null, start: expression.start!, end: expression.end! };
  }
  return { value: null, start: value.start!, end: value.end! };
}

function staticValue(expression: Expression): ValueSpan | undefined {
  switch (expression.type) {
    case 'StringLiteral':
      return { value: expression.value, start: expression.start! + 1, end: expression.end! - 1, escapes: 'js' };
    case 'TemplateLiteral': {
      const quasi = expression.quasis[0]!;
      const cooked = expression.expressions.length === 0 ? quasi.value.cooked : undefined;
      return cooked == null ? undefined : { value: cooked, start: quasi.start!, end: quasi.end!, escapes: 'js' };
    }
    case 'BooleanLiteral':
      return { value: String(expression.value), start: expression.start!, end: expression.end! };
    case 'ArrayExpression':
      // Spec §3: a bare array is static when it holds strings only; JSON.stringify takes any literals.
      return expression.elements.every(isStringLiteral) ? jsonText(expression) : undefined;
    case 'CallExpression': {
      const [argument, ...rest] = expression.arguments;
      if (!isJsonStringify(expression.callee) || !argument || rest.length > 0 || argument.type === 'SpreadElement') return undefined;
      const literal = unwrap(argument as Expression);
      return literal.type === 'ArrayExpression' || literal.type === 'ObjectExpression' ? jsonText(literal) : undefined;
    }
    default:
      return undefined;
  }
}

function isStringLiteral(node: Node | null): boolean {
  const expression = node && node.type !== 'SpreadElement' ? unwrap(node as Expression) : undefined;
  return expression?.type === 'StringLiteral' || (expression?.type === 'TemplateLiteral' && expression.expressions.length === 0);
}

function isJsonStringify(callee: Node): boolean {
  return (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'JSON' &&
    callee.property.type === 'Identifier' &&
    callee.property.name === 'stringify'
  );
}

function jsonText(literal: Expression): ValueSpan | undefined {
  const value = jsonValue(literal);
  return value === NOT_STATIC ? undefined : { value: JSON.stringify(value), start: literal.start!, end: literal.end! };
}

const NOT_STATIC = Symbol('not static');
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The value of a literal made only of literals, as JSON.stringify would see it. */
function jsonValue(node: Node): Json | typeof NOT_STATIC {
  const expression = unwrap(node as Expression);
  switch (expression.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
      return expression.value;
    case 'NullLiteral':
      return null;
    case 'TemplateLiteral':
      return expression.expressions.length === 0 ? (expression.quasis[0]!.value.cooked ?? NOT_STATIC) : NOT_STATIC;
    case 'UnaryExpression':
      return expression.operator === '-' && expression.argument.type === 'NumericLiteral' ? -expression.argument.value : NOT_STATIC;
    case 'ArrayExpression': {
      const items: Json[] = [];
      for (const item of expression.elements) {
        const value = item && item.type !== 'SpreadElement' ? jsonValue(item) : NOT_STATIC;
        if (value === NOT_STATIC) return NOT_STATIC;
        items.push(value);
      }
      return items;
    }
    case 'ObjectExpression': {
      const object: { [key: string]: Json } = {};
      for (const property of expression.properties) {
        if (property.type !== 'ObjectProperty' || property.computed) return NOT_STATIC;
        const key = property.key;
        const name =
          key.type === 'Identifier' ? key.name : key.type === 'StringLiteral' || key.type === 'NumericLiteral' ? String(key.value) : undefined;
        const value = name === undefined ? NOT_STATIC : jsonValue(property.value);
        if (value === NOT_STATIC) return NOT_STATIC;
        object[name!] = value;
      }
      return object;
    }
    default:
      return NOT_STATIC;
  }
}

/** `(x)`, `x as const`, `x satisfies T`, `x!`, `<T>x` and Flow's `(x: T)` and `x as T` are the value `x` at run time. */
function unwrap(expression: Expression): Expression {
  let current = expression;
  while (
    current.type === 'TSAsExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSTypeAssertion' ||
    current.type === 'ParenthesizedExpression' ||
    current.type === 'TypeCastExpression'
  ) {
    current = current.expression;
  }
  return current;
}
