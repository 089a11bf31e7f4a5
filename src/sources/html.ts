import { defaultTreeAdapter, parse } from 'parse5';
import type { DefaultTreeAdapterMap, TreeAdapter } from 'parse5';
import type { AnnotatedElement, AxagAttribute, ElementId, SourceComment, SourceDocument } from '../model.js';
import { LineIndex } from '../text/line-index.js';
import { isAxagAttribute, isBoundIdName, isBoundMacroName, isInteractive, isTemplatedId, MACRO } from './element-traits.js';
import { scanStartTag, scanStartTagsNamed, type StartTagSpan } from './html-start-tag.js';
import { directiveComment, mayBeDirective } from './documents.js';
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

/**
 * The parse axag makes, without the notes it takes on the way (RECORDING_OPTIONS): exported so that the benchmark's
 * floor (bench/floor.mjs) builds the same tree, and the notes count as axag's own cost.
 */
export const PARSE5_OPTIONS = { sourceCodeLocationInfo: true, treeAdapter: leanTreeAdapter } as const;

/**
 * The few nodes linting reads, noted while parse5 builds the tree, so that no walk over every node is needed:
 * elements whose attributes name an AXAG attribute or an id, directive comments, and which `<template>` owns
 * each content fragment (a fragment has no parent node). One parse at a time per thread, so module state.
 */
let notedNodes: Node[] = [];
let templateOf: Map<Node, Element> | undefined;

const recordingTreeAdapter: TreeAdapter<DefaultTreeAdapterMap> = {
  ...leanTreeAdapter,
  createElement(tagName, namespaceURI, attrs) {
    const element = leanTreeAdapter.createElement(tagName, namespaceURI, attrs);
    if (attrs.length > 0 && holdsAttributeOfInterest(attrs)) notedNodes.push(element);
    return element;
  },
  createCommentNode(data) {
    const comment = leanTreeAdapter.createCommentNode(data);
    if (mayBeDirective(data)) notedNodes.push(comment);
    return comment;
  },
  setTemplateContent(template, content) {
    leanTreeAdapter.setTemplateContent(template, content);
    (templateOf ??= new Map()).set(content, template);
  },
  // The only change parse5 makes to an element's attributes after creating it.
  adoptAttributes(recipient, attrs) {
    leanTreeAdapter.adoptAttributes(recipient, attrs);
    if (holdsAttributeOfInterest(attrs)) notedNodes.push(recipient);
  },
};

function holdsAttributeOfInterest(attrs: Attribute[]): boolean {
  for (const { name } of attrs) {
    if (isAxagAttribute(name) || isBoundMacroName(name) || name === 'id' || isBoundIdName(name)) return true;
  }
  return false;
}

/** Parses an HTML file (BOM already stripped) into the neutral annotation model. */
export function parseHtml(text: string): SourceDocument {
  const lines = new LineIndex(text);
  const elements: AnnotatedElement[] = [];
  const comments: SourceComment[] = [];
  const ids: ElementId[] = [];
  let dynamicIds = false;
  /**
   * Each annotated element's index by its attribute list. The copies the browser makes of a formatting element
   * (misnested `</b>`, a `<b>` reopened after `</p>`) share the list of the element written, and have no tag of
   * their own: they are that element again, not another one to report.
   */
  const byAttributes = new Map<Attribute[], number>();

  // Depth-first, in document order, without recursion (pages can nest deeper than the stack), over the noted
  // nodes and the nodes above them only. Two stacks instead of one of pairs.
  const places: Place[] = [placesOf(text)];
  const parents: number[] = [-1];
  while (places.length > 0) {
    const { node, noted, below } = places.pop()!;
    const parent = parents.pop()!;
    let inner = parent;
    const copied = noted && 'tagName' in node && !node.sourceCodeLocation?.startTag ? byAttributes.get(node.attrs) : undefined;
    if (copied !== undefined) {
      inner = copied;
    } else if (noted && 'tagName' in node) {
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
        byAttributes.set(node.attrs, inner);
      }
    } else if (noted && node.sourceCodeLocation) {
      const { startOffset, endOffset } = node.sourceCodeLocation;
      const comment = directiveComment((node as DefaultTreeAdapterMap['commentNode']).data, lines, startOffset, endOffset);
      if (comment) comments.push(comment);
    }
    if (below) {
      const ordered = below.length > 1 ? inDocumentOrder(node, below) : below;
      for (let i = ordered.length - 1; i >= 0; i--) {
        places.push(ordered[i]!);
        parents.push(inner);
      }
    }
  }
  return { elements, ids, dynamicIds, comments, syntaxErrors: [] };
}

/** A node of the document that was noted or has noted nodes below it: the part of the tree linting reads. */
interface Place {
  node: Node;
  noted: boolean;
  /** The places right below, in the order they were found; undefined for none. */
  below: Place[] | undefined;
}

const RECORDING_OPTIONS = { sourceCodeLocationInfo: true, treeAdapter: recordingTreeAdapter } as const;

/**
 * Parses, and links each noted node to the document through the nodes above it; each node is climbed once. A noted
 * node that parse5 left out of the tree or took out of it (the `<body>` a `<frameset>` replaces) never gets there.
 */
function placesOf(text: string): Place {
  let document: Node;
  let nodes: Node[];
  let templates: Map<Node, Element> | undefined;
  try {
    document = parse(text, RECORDING_OPTIONS);
    nodes = notedNodes;
    templates = templateOf;
  } finally {
    notedNodes = [];
    templateOf = undefined;
  }
  const root: Place = { node: document, noted: false, below: undefined };
  const places = new Map<Node, Place>([[document, root]]);
  for (const node of nodes) {
    const known = places.get(node);
    if (known) {
      // An ancestor of a node noted before it, or an element noted again when <html> or <body> attributes merged.
      known.noted = true;
      continue;
    }
    let place: Place = { node, noted: true, below: undefined };
    places.set(node, place);
    for (;;) {
      // A <template>'s content fragment has no parent node: it hangs below its template.
      const up = ('parentNode' in place.node && place.node.parentNode) || templates?.get(place.node);
      if (!up) break;
      const above = places.get(up);
      if (above) {
        (above.below ??= []).push(place);
        break;
      }
      place = { node: up, noted: false, below: [place] };
      places.set(up, place);
    }
  }
  return root;
}

/**
 * The places below a node in document order, which is not always the order parse5 created their nodes in: foster
 * parenting and the adoption agency move elements, and elements that come after a comment after `</body>` still go
 * into the body, before the comment. A template's content comes after its children, as in a walk. One pass over the
 * children: linear even for a long list of elements with ids.
 */
function inDocumentOrder(node: Node, below: Place[]): Place[] {
  const wanted = new Map(below.map((place) => [place.node, place]));
  const ordered: Place[] = [];
  for (const child of 'childNodes' in node ? node.childNodes : []) {
    const place = wanted.get(child);
    if (place && ordered.push(place) === below.length) return ordered;
  }
  const content = 'content' in node && node.content && wanted.get(node.content);
  if (content) ordered.push(content);
  return ordered;
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
  // An element made without a tag of its own (a copy of a formatting element the browser reopens, an implied
  // <tbody>) has no start tag; it can have a location all the same: parse5 gives a text's location to the node
  // before the text when that node has none, taking it for the text node it made, and the lean tree has none.
  const startTag = node.sourceCodeLocation?.startTag;
  const own = startTag ? scanStartTag(text, startTag.startOffset) : undefined;
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
