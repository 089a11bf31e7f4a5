import { defaultTreeAdapter, parse } from 'parse5';
import type { DefaultTreeAdapterMap, TreeAdapter } from 'parse5';
import type { AnnotatedElement, AxagAttribute, ElementId, SourceComment, SourceDocument } from '../model.js';
import { LineIndex } from '../text/line-index.js';
import { isAxagAttribute, isBoundIdName, isBoundMacroName, isInteractive, isTemplatedId, MACRO } from './element-traits.js';
import { scanStartTag, scanStartTagsNamed, type StartTagSpan } from './html-start-tag.js';
import { directiveComment } from './documents.js';
import { valuePositions } from './value-positions.js';
import { BARE, valueSyntax } from './value-syntax.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * The default tree without text nodes or end positions, which linting never
 * reads: building them is a third of parse5's time on a typical page. Text
 * insertion then finds no text node to extend, hence the null-safe location hooks.
 */
const leanTreeAdapter: TreeAdapter<DefaultTreeAdapterMap> = {
  ...defaultTreeAdapter,
  insertText() {},
  insertTextBefore() {},
  setNodeSourceCodeLocation(node, location) {
    if (node) node.sourceCodeLocation = location;
  },
  getNodeSourceCodeLocation(node) {
    return node?.sourceCodeLocation;
  },
  updateNodeSourceCodeLocation() {},
};

/** The options axag gives parse5; exported so the benchmark's floor (bench/floor.mjs) parses exactly as axag does. */
export const PARSE5_OPTIONS = { sourceCodeLocationInfo: true, treeAdapter: leanTreeAdapter } as const;

/** Parses an HTML file (BOM already stripped) into the neutral annotation model. */
export function parseHtml(text: string): SourceDocument {
  const lines = new LineIndex(text);
  const elements: AnnotatedElement[] = [];
  const comments: SourceComment[] = [];
  const ids: ElementId[] = [];
  let dynamicIds = false;
  const document = parse(text, PARSE5_OPTIONS);

  // Depth-first, in document order, without recursion: pages can nest deeper than the stack. Two stacks instead
  // of one of pairs, and one pass over an element's attributes: this walk visits every node of every page.
  const nodes: Node[] = [document];
  const parents: number[] = [-1];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const parent = parents.pop()!;
    let inner = parent;
    if ('tagName' in node) {
      const attributes = attributesOf(node);
      const tags = attributes.id || attributes.axag ? startTagsOf(node, text) : undefined;
      if (attributes.dynamicId) dynamicIds = true;
      else if (attributes.id) {
        const id = idOf(attributes.id, tags!, lines);
        if (id === DYNAMIC_ID) dynamicIds = true;
        else if (id) ids.push(id);
      }
      const element = attributes.axag && toAnnotated(node, attributes.axag, tags!, parent, text, lines);
      if (element) {
        inner = elements.length;
        elements.push(element);
      }
    } else if (node.nodeName === '#comment' && node.sourceCodeLocation) {
      const { startOffset, endOffset } = node.sourceCodeLocation;
      const comment = directiveComment((node as DefaultTreeAdapterMap['commentNode']).data, lines, startOffset, endOffset);
      if (comment) comments.push(comment);
    }
    // <template> children live in a separate document fragment, after the (empty) child list.
    if ('content' in node && node.content) {
      nodes.push(node.content);
      parents.push(inner);
    }
    if ('childNodes' in node) {
      for (let i = node.childNodes.length - 1; i >= 0; i--) {
        nodes.push(node.childNodes[i]!);
        parents.push(inner);
      }
    }
  }
  return { elements, ids, dynamicIds, comments, syntaxErrors: [] };
}

type Attribute = Element['attrs'][number];

interface ElementAttributes {
  /** Its AXAG attributes (with the macro's bindings), in the order parse5 gives them; undefined for none. */
  axag: Attribute[] | undefined;
  id: Attribute | undefined;
  dynamicId: boolean;
}

const NO_ATTRIBUTES: ElementAttributes = { axag: undefined, id: undefined, dynamicId: false };

/** What the walk needs to know of an element's attributes, read in one pass. */
function attributesOf(node: Element): ElementAttributes {
  if (node.attrs.length === 0) return NO_ATTRIBUTES;
  let axag: Attribute[] | undefined;
  let id: Attribute | undefined;
  let dynamicId = false;
  for (const attr of node.attrs) {
    if (isAxagAttribute(attr.name) || isBoundMacroName(attr.name)) (axag ??= []).push(attr);
    else if (attr.name === 'id') id ??= attr;
    else if (isBoundIdName(attr.name)) dynamicId = true;
  }
  return { axag, id, dynamicId };
}

const DYNAMIC_ID = Symbol('dynamic id');

/** The start tags written for an element: its own, scanned once, and the one that holds a given attribute. */
interface StartTags {
  own: StartTagSpan | undefined;
  holding(name: string): StartTagSpan | undefined;
}

function startTagsOf(node: Element, text: string): StartTags {
  const location = node.sourceCodeLocation;
  const own = location ? scanStartTag(text, (location.startTag ?? location).startOffset) : undefined;
  // parse5 moves the attributes of a later <html> or <body> tag onto the element it already made.
  let later: StartTagSpan[] | undefined;
  const holding = (name: string) => (own?.attributes.has(name) ? own : (later ??= scanStartTagsNamed(text, node.tagName)).find((tag) => tag.attributes.has(name)));
  return { own, holding };
}

/** The element's static `id` with its range; DYNAMIC_ID for one a template fills in. */
function idOf(id: Attribute, tags: StartTags, lines: LineIndex): ElementId | typeof DYNAMIC_ID | undefined {
  if (isTemplatedId(id.value)) return DYNAMIC_ID;
  const span = tags.own && tags.holding('id')?.attributes.get('id');
  return span && { value: id.value, range: lines.range(span.valueStart, span.valueEnd) };
}

function toAnnotated(node: Element, axagAttrs: Attribute[], tags: StartTags, parent: number, text: string, lines: LineIndex): AnnotatedElement | undefined {
  const attributes: AxagAttribute[] = [];
  let firstTag: StartTagSpan | undefined = tags.own;
  for (const attr of axagAttrs) {
    const tag = tags.holding(attr.name);
    const span = tag?.attributes.get(attr.name);
    if (!tag || !span) continue;
    firstTag ??= tag;
    const bound = isBoundMacroName(attr.name);
    const name = bound ? MACRO : attr.name;
    // The macro and its binding on one element: the first written takes effect, as for any repeated attribute.
    if (name === MACRO && attributes.some((attribute) => attribute.name === MACRO)) continue;
    attributes.push({
      name,
      value: bound ? null : attr.value,
      nameRange: lines.range(span.nameStart, span.nameEnd),
      valueRange: lines.range(span.valueStart, span.valueEnd),
      syntax: span.valueStart === span.nameStart ? BARE : valueSyntax(text, span.valueStart, 'html'),
      ...(name === MACRO &&
        !bound && { valuePositions: valuePositions(attr.value, text.slice(span.valueStart, span.valueEnd), span.valueStart, lines, 'html') }),
    });
  }
  if (!firstTag || attributes.length === 0) return undefined;

  const attrValue = (name: string) => node.attrs.find((a) => a.name === name)?.value;
  return {
    tag: text.slice(firstTag.start + 1, firstTag.nameEnd),
    nameRange: lines.range(firstTag.start + 1, firstTag.nameEnd),
    start: lines.position(firstTag.start),
    parent,
    attributes,
    interactive: isInteractive(node.tagName, attrValue('role'), attrValue('onclick') !== undefined),
    spread: false,
  };
}
