import { defaultTreeAdapter, parse } from 'parse5';
import type { DefaultTreeAdapterMap, TreeAdapter } from 'parse5';
import type { AnnotatedElement, AxagAttribute, SourceDocument } from '../model.js';
import { LineIndex } from '../text/line-index.js';
import { isAxagAttribute, isInteractive } from './element-traits.js';

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

/** Parses an HTML file (BOM already stripped) into the neutral annotation model. */
export function parseHtml(text: string): SourceDocument {
  const lines = new LineIndex(text);
  const elements: AnnotatedElement[] = [];
  const document = parse(text, { sourceCodeLocationInfo: true, treeAdapter: leanTreeAdapter });

  const visit = (node: Node, parent: number): void => {
    let inner = parent;
    if ('tagName' in node && node.sourceCodeLocation) {
      const element = toAnnotated(node, parent, text, lines);
      if (element) {
        inner = elements.length;
        elements.push(element);
      }
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child, inner);
    // <template> children live in a separate document fragment.
    if ('content' in node && node.content) visit(node.content, inner);
  };
  visit(document, -1);
  return { elements };
}

function toAnnotated(node: Element, parent: number, text: string, lines: LineIndex): AnnotatedElement | undefined {
  const location = node.sourceCodeLocation!;
  const attrLocations = location.attrs;
  const attributes: AxagAttribute[] = [];
  for (const attr of node.attrs) {
    if (!isAxagAttribute(attr.name)) continue;
    const at = attrLocations?.[attr.name];
    if (!at) continue;
    const nameEnd = at.startOffset + attr.name.length;
    const [valueStart, valueEnd] = valueSpan(text, at.startOffset, nameEnd, at.endOffset);
    attributes.push({
      name: attr.name,
      value: attr.value,
      nameRange: lines.range(at.startOffset, nameEnd),
      valueRange: lines.range(valueStart, valueEnd),
    });
  }
  if (attributes.length === 0) return undefined;

  const tagStart = (location.startTag ?? location).startOffset;
  const tag = text.slice(tagStart + 1, tagStart + 1 + node.tagName.length);
  const attrValue = (name: string) => node.attrs.find((a) => a.name === name)?.value;
  return {
    tag,
    nameRange: lines.range(tagStart + 1, tagStart + 1 + tag.length),
    start: lines.position(tagStart),
    parent,
    attributes,
    interactive: isInteractive(node.tagName, attrValue('role'), attrValue('onclick') !== undefined),
    spread: false,
  };
}

/**
 * The span of an attribute's value text, inside the quotes if any. A bare
 * attribute has no value text: its span is its name's.
 */
function valueSpan(text: string, attrStart: number, nameEnd: number, attrEnd: number): [number, number] {
  let i = nameEnd;
  while (i < attrEnd && /\s/.test(text[i]!)) i++;
  if (text[i] !== '=') return [attrStart, nameEnd];
  i++;
  while (i < attrEnd && /\s/.test(text[i]!)) i++;
  const quote = text[i];
  if (quote === '"' || quote === "'") return [i + 1, text[attrEnd - 1] === quote ? attrEnd - 1 : attrEnd];
  return [i, attrEnd];
}
