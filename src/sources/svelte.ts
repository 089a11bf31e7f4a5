import { createRequire } from 'node:module';
import type { AST } from 'svelte/compiler';
import type { AnnotatedElement, AxagAttribute, ElementId, SourceComment, SourceDocument } from '../model.js';
import { LineIndex } from '../text/line-index.js';
import { isAxagAttribute, isInteractive, MACRO } from './element-traits.js';
import { directiveComment, syntaxProblem, unparsed } from './documents.js';
import { valuePositions, type Escapes } from './value-positions.js';
import { BARE, valueSyntax } from './value-syntax.js';

// The compiler's CommonJS bundle loads in a third of the time of its ES module graph.
const { parse } = createRequire(import.meta.url)('svelte/compiler') as typeof import('svelte/compiler');

/** The options axag gives Svelte's parser; exported so the benchmark's floor (bench/floor.mjs) parses exactly as axag does. */
export const SVELTE_OPTIONS = { modern: true } as const;

type ElementLike = AST.BaseElement & AST.BaseNode;

/** Parses a Svelte component (BOM already stripped) with Svelte's own parser into the neutral annotation model. */
export function parseSvelte(text: string, label: string): SourceDocument {
  const lines = new LineIndex(text);
  let outcome = parseComponent(text);
  if ('failure' in outcome) {
    // A `<style lang="scss">` or `<script lang="coffee">` is compiled by a preprocessor before Svelte (or axag)
    // reads the component: neither can read it, and it holds no markup, so it is read as empty instead.
    const blanked = withoutForeignBlocks(text);
    if (blanked !== undefined) outcome = parseComponent(blanked);
  }
  if ('failure' in outcome) return unparsed(syntaxProblem(label, outcome.failure.message, text, lines, outcome.failure.offset));
  // Blanking keeps every offset and all of the markup, so the original text serves for values.
  return { ...collect(outcome.root.fragment, text, lines), syntaxErrors: [] };
}

function parseComponent(text: string): { root: AST.Root } | { failure: { message: string; offset: number } } {
  try {
    return { root: parse(text, SVELTE_OPTIONS) };
  } catch (error) {
    const position = (error as { position?: unknown }).position;
    if (!Array.isArray(position) || typeof position[0] !== 'number') throw error;
    return { failure: { message: (error as Error).message.split('\n')[0]!, offset: position[0] } };
  }
}

/** Languages Svelte reads itself: CSS, and JavaScript or (by `lang="ts"`) TypeScript. */
const SVELTE_READS: Record<'script' | 'style', { lang: string[]; type: RegExp }> = {
  style: { lang: ['css'], type: /^text\/css$/i },
  script: { lang: ['js', 'javascript', 'ts'], type: /^(?:(?:text|application)\/(?:java|ecma)script|module)$/i },
};

/** An attribute of a block's start tag, as Svelte's preprocess reads it. */
const ATTRIBUTE = /\s+([^=>'"/\s]+)(?:=(?:"([^"]*)"|'([^']*)'|([^>\s]+)))?/y;
const TAG_END = /\s*(\/?)>/y;

/**
 * The text with the content of every `<script>` and `<style>` block whose `lang` or `type` names a language
 * Svelte does not read replaced by spaces (line breaks kept, so every position stays); undefined when there is
 * none. Blocks are found as Svelte's `preprocess` finds them for the preprocessor that compiles them (comments
 * skipped, a block ends at the first closing tag of its name), in one pass over the text.
 */
function withoutForeignBlocks(text: string): string | undefined {
  const ranges: [number, number][] = [];
  const unclosed = new Set<string>();
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end < 0) break;
      at = end + 2;
      continue;
    }
    const tag = text.startsWith('script', at + 1) ? 'script' : text.startsWith('style', at + 1) ? 'style' : undefined;
    if (!tag || unclosed.has(tag)) continue;
    const attributes = new Map<string, string>();
    let cursor = at + 1 + tag.length;
    for (let match; (ATTRIBUTE.lastIndex = cursor), (match = ATTRIBUTE.exec(text)); cursor = ATTRIBUTE.lastIndex) {
      attributes.set(match[1]!, match[2] ?? match[3] ?? match[4] ?? '');
    }
    TAG_END.lastIndex = cursor;
    const end = TAG_END.exec(text);
    if (!end || end[1]) continue;
    const close = text.indexOf(`</${tag}>`, TAG_END.lastIndex);
    if (close < 0) {
      unclosed.add(tag);
      continue;
    }
    const reads = SVELTE_READS[tag];
    const lang = attributes.get('lang');
    const type = attributes.get('type');
    if ((lang !== undefined && !reads.lang.includes(lang.toLowerCase())) || (type !== undefined && !reads.type.test(type))) {
      ranges.push([TAG_END.lastIndex, close]);
    }
    at = close + tag.length + 2;
  }
  if (ranges.length === 0) return undefined;
  let blanked = '';
  let last = 0;
  for (const [start, end] of ranges) {
    blanked += text.slice(last, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    last = end;
  }
  return blanked + text.slice(last);
}

/**
 * Walks the markup in document order without recursion. Blocks (`{#if}`,
 * `{#each}`, `{#await}`, `{#key}`, `{#snippet}`) keep their content in
 * `Fragment` properties, whatever their names, so every Fragment-valued
 * property of a node is descended into.
 */
function collect(fragment: AST.Fragment, text: string, lines: LineIndex): Omit<SourceDocument, 'syntaxErrors'> {
  const elements: AnnotatedElement[] = [];
  const ids: ElementId[] = [];
  let dynamicIds = false;
  const comments: SourceComment[] = [];
  const stack: [AST.Fragment['nodes'][number], number][] = [];
  const pushNodes = ({ nodes }: AST.Fragment, parent: number) => {
    for (let i = nodes.length - 1; i >= 0; i--) stack.push([nodes[i]!, parent]);
  };
  pushNodes(fragment, -1);
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    let inner = parent;
    if (node.type === 'Comment') {
      const comment = directiveComment(node.data, lines, node.start, node.end);
      if (comment) comments.push(comment);
    }
    if ('attributes' in node && 'name' in node) {
      const id = idOf(node as ElementLike, lines);
      if (id === DYNAMIC_ID) dynamicIds = true;
      else if (id) ids.push(id);
      const element = toAnnotated(node as ElementLike, parent, text, lines);
      if (element) {
        inner = elements.length;
        elements.push(element);
      }
    }
    const fragments = Object.values(node).filter(isFragment);
    for (let i = fragments.length - 1; i >= 0; i--) pushNodes(fragments[i]!, inner);
  }
  return { elements, ids, dynamicIds, comments };
}

const DYNAMIC_ID = Symbol('dynamic id');

/** The element's static `id` with its range; DYNAMIC_ID for `id={expr}`, `id="a{b}"` or a spread, which may set it. */
function idOf(node: ElementLike, lines: LineIndex): ElementId | typeof DYNAMIC_ID | undefined {
  let id: ElementId | typeof DYNAMIC_ID | undefined;
  // The last of an id and a spread takes effect, as in JSX.
  for (const attribute of node.attributes) {
    if (attribute.type === 'SpreadAttribute') id = DYNAMIC_ID;
    else if (attribute.type === 'Attribute' && attribute.name.toLowerCase() === 'id') {
      const { value, range } = attributeValue(attribute);
      id = value === null ? DYNAMIC_ID : { value, range: lines.range(...(range ?? [attribute.start, attribute.end])) };
    }
  }
  return id;
}

function isFragment(value: unknown): value is AST.Fragment {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'Fragment';
}

function toAnnotated(node: ElementLike, parent: number, text: string, lines: LineIndex): AnnotatedElement | undefined {
  const byName = new Map<string, AxagAttribute>();
  let spread = false;
  let role: string | undefined;
  let hasOnclick = false;
  for (const attribute of node.attributes) {
    if (attribute.type === 'SpreadAttribute') {
      spread = true;
      continue;
    }
    if (attribute.type === 'OnDirective' && attribute.name.toLowerCase() === 'click') hasOnclick = true;
    if (attribute.type !== 'Attribute') continue;
    // The DOM lower-cases attribute names, as in HTML.
    const name = attribute.name.toLowerCase();
    if (name === 'onclick') hasOnclick = true;
    // The shorthand `{axag}` starts at its brace.
    const nameStart = text[attribute.start] === '{' ? attribute.start + 1 : attribute.start;
    const nameRange = lines.range(nameStart, nameStart + attribute.name.length);
    const { value, range, escapes } = attributeValue(attribute);
    if (name === 'role') role = value ?? undefined;
    if (!isAxagAttribute(name) || byName.has(name)) continue;
    byName.set(name, {
      name,
      value,
      nameRange,
      valueRange: range ? lines.range(range[0], range[1]) : nameRange,
      ...(value !== null && { syntax: range ? valueSyntax(text, range[0], escapes) : BARE }),
      ...(name === MACRO &&
        value !== null &&
        escapes &&
        range && { valuePositions: valuePositions(value, text.slice(range[0], range[1]), range[0], lines, escapes) }),
    });
  }
  if (byName.size === 0) return undefined;
  return {
    tag: node.name,
    nameRange: lines.range(node.start + 1, node.start + 1 + node.name.length),
    start: lines.position(node.start),
    parent,
    attributes: [...byName.values()],
    interactive: isInteractive(node.name, role, hasOnclick),
    spread,
  };
}

/** A value and where its text is; `escapes` says how static text was decoded (character references, or JS escapes). */
interface ValueSpan {
  value: string | null;
  range?: [number, number];
  escapes?: Escapes;
}

/**
 * Spec §3: quoted text is static; `{expr}`, or text with `{expr}` in it, is dynamic, except a string literal
 * (`{"x"}`, `{'x'}`, `` {`x`} `` without `${}`), whose value is known, as in JSX (spec §8.1). A bare attribute is ""
 * as in HTML.
 */
function attributeValue(attribute: AST.Attribute): ValueSpan {
  const { value } = attribute;
  if (value === true) return { value: '' };
  const parts = Array.isArray(value) ? value : [value];
  const first = parts[0];
  const last = parts.at(-1);
  if (!first || !last) return { value: '' };
  const range: [number, number] = [first.start, last.end];
  if (parts.length > 1) return { value: null, range };
  if (first.type === 'Text') return { value: first.data, range, escapes: 'html' };
  return stringLiteral(first.expression) ?? { value: null, range };
}

function stringLiteral(expression: AST.ExpressionTag['expression']): ValueSpan | undefined {
  if (expression.type === 'Literal' && typeof expression.value === 'string') {
    const { start, end } = expression as unknown as { start: number; end: number };
    return { value: expression.value, range: [start + 1, end - 1], escapes: 'js' };
  }
  if (expression.type === 'TemplateLiteral' && expression.expressions.length === 0) {
    const quasi = expression.quasis[0]!;
    const { start, end } = quasi as unknown as { start: number; end: number };
    return quasi.value.cooked == null ? undefined : { value: quasi.value.cooked, range: [start, end], escapes: 'js' };
  }
  return undefined;
}
