import { createRequire } from 'node:module';
import type { CompilerError, ElementNode, ParserOptions, RootNode, TemplateChildNode } from '@vue/compiler-dom';
import type { AnnotatedElement, AxagAttribute, ElementId, SourceComment, SourceDocument } from '../model.js';
import { LineIndex } from '../text/line-index.js';
import { isAxagAttribute, isInteractive, MACRO } from './element-traits.js';
import { directiveComment, emptyDocument, syntaxProblem, unparsed } from './documents.js';
import { valuePositions } from './value-positions.js';
import { BARE, valueSyntax } from './value-syntax.js';

// @vue/compiler-dom is CommonJS: required, not imported, so that Node does not scan its bundle for the names it
// exports, as an ES import makes it do (see ./jsx.js).
const { parse, NodeTypes } = createRequire(import.meta.url)('@vue/compiler-dom') as typeof import('@vue/compiler-dom');

export interface VueOptions {
  /** Names the source in syntax errors outside the template: `the Vue component`, `the vue code block`. */
  label: string;
  /** A documentation snippet: markup without a `<template>` block is the template itself. */
  snippet?: boolean;
}

/**
 * Parses a Vue single-file component (BOM already stripped): the elements of
 * its `<template>` block, with Vue's own parser, so that a self-closing
 * `<MyButton />` closes as Vue means it to. Positions are in the .vue file.
 */
export function parseVue(text: string, options: VueOptions): SourceDocument {
  const lines = new LineIndex(text);
  const { root, error } = parseCollectingErrors(text, 'sfc');
  const templates = root.children.filter((node): node is ElementNode => node.type === NodeTypes.ELEMENT && node.tag === 'template');
  if (options.snippet && (error || templates.length !== 1)) {
    // Most documentation snippets are template markup, often beside a <script setup> or <style>: read as a
    // component, a top-level <div> holding a <div> or a <MyList> would be a custom block that never closes,
    // and <template v-if> … <template v-else> two template blocks. Markup that Vue reads as a template is one.
    const markup = parseCollectingErrors(text, 'html');
    if (!markup.error) return collect(markup.root.children, text, lines);
    if (templates.length === 0) return failed(options.label, markup.error.message, text, lines, markup.error.loc?.start.offset ?? 0);
  }
  if (error) {
    const offset = error.loc?.start.offset ?? 0;
    const inTemplate = !options.snippet && templates.some((t) => t.loc.start.offset <= offset && offset <= t.loc.end.offset);
    return failed(inTemplate ? 'the Vue template' : options.label, error.message, text, lines, offset);
  }
  const [template, second] = templates;
  if (second) {
    const message = 'a single-file component has one <template> block, and this is a second one';
    return failed(options.label, message, text, lines, second.loc.start.offset);
  }
  if (template) {
    // `<!-- axag-disable-file -->` above the template belongs to the file too.
    const outside = root.children.flatMap((node) =>
      node.type === NodeTypes.COMMENT ? (directiveComment(node.content, lines, node.loc.start.offset, node.loc.end.offset) ?? []) : [],
    );
    const inside = isHtmlTemplate(template) ? collect(template.children, text, lines) : emptyDocument();
    return { ...inside, comments: [...outside, ...inside.comments].sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column) };
  }
  return emptyDocument();
}

/** The options axag gives Vue's parser; exported so the benchmark's floor (bench/floor.mjs) parses exactly as axag does. */
export function vueOptions(parseMode: 'sfc' | 'html', onError: (error: CompilerError) => void): ParserOptions {
  return { parseMode, comments: true, onError };
}

/** Vue's parser recovers and goes on; its first error is the one to show (the component would not compile). */
function parseCollectingErrors(text: string, parseMode: 'sfc' | 'html'): { root: RootNode; error?: CompilerError } {
  let error: CompilerError | undefined;
  const root = parse(
    text,
    vueOptions(parseMode, (reported) => {
      error ??= reported;
    }),
  );
  return { root, error };
}

function failed(label: string, message: string, text: string, lines: LineIndex, offset: number): SourceDocument {
  return unparsed(syntaxProblem(label, message, text, lines, offset));
}

/** `<template lang="pug">` and the like are not markup Vue's HTML parser has read. */
function isHtmlTemplate(template: ElementNode): boolean {
  const lang = template.props.find((prop) => prop.type === NodeTypes.ATTRIBUTE && prop.name === 'lang');
  return !lang || lang.type !== NodeTypes.ATTRIBUTE || !lang.value || lang.value.content.toLowerCase() === 'html';
}

function collect(roots: TemplateChildNode[], text: string, lines: LineIndex): SourceDocument {
  const elements: AnnotatedElement[] = [];
  const ids: ElementId[] = [];
  let dynamicIds = false;
  const comments: SourceComment[] = [];
  const stack: [TemplateChildNode, number][] = [];
  const pushChildren = (children: TemplateChildNode[], parent: number) => {
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, parent]);
  };
  pushChildren(roots, -1);
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    if (node.type === NodeTypes.COMMENT) {
      const comment = directiveComment(node.content, lines, node.loc.start.offset, node.loc.end.offset);
      if (comment) comments.push(comment);
    }
    if (node.type !== NodeTypes.ELEMENT) continue;
    const id = idOf(node, text, lines);
    if (id === DYNAMIC) dynamicIds = true;
    else if (id) ids.push(id);
    const element = toAnnotated(node, parent, text, lines);
    if (element) elements.push(element);
    pushChildren(node.children, element ? elements.length - 1 : parent);
  }
  return { elements, ids, dynamicIds, comments, syntaxErrors: [] };
}

/** A bound `:role` or `:id`: its value is unknown, and it still takes precedence over a later static one. */
const DYNAMIC = Symbol('dynamic');

/** The element's static `id` with its range; DYNAMIC for a bound one or a spread (`v-bind="attrs"`, `:[name]`), which may set it. */
function idOf(node: ElementNode, text: string, lines: LineIndex): ElementId | typeof DYNAMIC | undefined {
  let id: ElementId | undefined;
  for (const prop of node.props) {
    if (prop.type === NodeTypes.ATTRIBUTE) {
      if (prop.name.toLowerCase() !== 'id' || id) continue;
      const value = prop.value;
      // A bare `id` is an empty id; its range is the name's.
      const [start, end] = value ? insideQuotes(value.loc, text) : [prop.loc.start.offset, prop.loc.end.offset];
      id = { value: value?.content ?? '', range: lines.range(start, end) };
      continue;
    }
    if (prop.type !== NodeTypes.DIRECTIVE || prop.name !== 'bind') continue;
    const arg = prop.arg?.type === NodeTypes.SIMPLE_EXPRESSION ? prop.arg : undefined;
    if (!arg || !arg.isStatic || arg.content.toLowerCase() === 'id') return DYNAMIC;
  }
  return id;
}

function toAnnotated(node: ElementNode, parent: number, text: string, lines: LineIndex): AnnotatedElement | undefined {
  // Vue's compiler keeps the first of a static attribute and a binding of the same name.
  const byName = new Map<string, AxagAttribute>();
  const set = (attribute: AxagAttribute) => {
    if (!byName.has(attribute.name)) byName.set(attribute.name, attribute);
  };
  let spread = false;
  let role: string | typeof DYNAMIC | undefined;
  let hasOnclick = false;
  for (const prop of node.props) {
    if (prop.type === NodeTypes.ATTRIBUTE) {
      // The DOM lower-cases attribute names, as in HTML.
      const name = prop.name.toLowerCase();
      if (name === 'onclick') hasOnclick = true;
      if (name === 'role') role ??= prop.value?.content ?? '';
      if (!isAxagAttribute(name)) continue;
      const nameRange = lines.range(prop.loc.start.offset, prop.loc.start.offset + prop.name.length);
      if (!prop.value) {
        set({ name, value: '', nameRange, valueRange: nameRange, syntax: BARE });
        continue;
      }
      const value = prop.value.content;
      const [start, end] = insideQuotes(prop.value.loc, text);
      set({
        name,
        value,
        nameRange,
        valueRange: lines.range(start, end),
        syntax: valueSyntax(text, start, 'html'),
        ...(name === MACRO && { valuePositions: valuePositions(value, text.slice(start, end), start, lines, 'html') }),
      });
      continue;
    }
    if (prop.type !== NodeTypes.DIRECTIVE) continue;
    // `v-axag="…"`: a directive that computes the macro at run time.
    if (prop.name === MACRO) {
      const nameRange = lines.range(prop.loc.start.offset, prop.loc.start.offset + (prop.rawName ?? `v-${MACRO}`).length);
      set({ name: MACRO, value: null, nameRange, valueRange: prop.exp ? lines.range(prop.exp.loc.start.offset, prop.exp.loc.end.offset) : nameRange });
      continue;
    }
    const arg = prop.arg?.type === NodeTypes.SIMPLE_EXPRESSION ? prop.arg : undefined;
    if (prop.name === 'on' && arg?.isStatic && arg.content.toLowerCase() === 'click') hasOnclick = true;
    if (prop.name !== 'bind') continue;
    // `v-bind="attrs"` and `:[name]` may set any attribute at run time.
    if (!arg || !arg.isStatic) {
      spread = true;
      continue;
    }
    const name = arg.content.toLowerCase();
    if (name === 'role') role ??= DYNAMIC;
    if (!isAxagAttribute(name)) continue;
    const nameRange = lines.range(prop.loc.start.offset, arg.loc.end.offset);
    set({ name, value: null, nameRange, valueRange: prop.exp ? lines.range(prop.exp.loc.start.offset, prop.exp.loc.end.offset) : nameRange });
  }
  if (byName.size === 0) return undefined;
  const start = node.loc.start.offset;
  return {
    tag: node.tag,
    nameRange: lines.range(start + 1, start + 1 + node.tag.length),
    start: lines.position(start),
    parent,
    attributes: [...byName.values()],
    interactive: isInteractive(node.tag, role === DYNAMIC ? undefined : role, hasOnclick),
    spread,
  };
}

/** Vue's value location includes the quotes; the model's value is inside them. */
function insideQuotes(loc: { start: { offset: number }; end: { offset: number } }, text: string): [number, number] {
  const { offset: start } = loc.start;
  const { offset: end } = loc.end;
  const quoted = text[start] === '"' || text[start] === "'";
  return quoted ? [start + 1, end - 1] : [start, end];
}
