/** Offsets of one attribute in a start tag. */
export interface AttributeSpan {
  nameStart: number;
  nameEnd: number;
  /** Inside the quotes; for a bare attribute, the name's span. */
  valueStart: number;
  valueEnd: number;
}

export interface StartTagSpan {
  /** Offset of `<`. */
  start: number;
  nameEnd: number;
  /** By lower-cased name; the first of duplicates, as HTML keeps it. */
  attributes: Map<string, AttributeSpan>;
}

const SPACE = /[\t\n\f\r ]/;

/**
 * Reads the start tag at `start` (`<` of it) the way the HTML tokenizer splits
 * attributes, keeping offsets. parse5 gives element positions; this gives the
 * exact value spans, and finds attributes parse5 moved from a later tag.
 */
export function scanStartTag(text: string, start: number): StartTagSpan {
  let i = start + 1;
  while (i < text.length && !SPACE.test(text[i]!) && text[i] !== '/' && text[i] !== '>') i++;
  const nameEnd = i;
  const attributes = new Map<string, AttributeSpan>();
  for (;;) {
    while (i < text.length && (SPACE.test(text[i]!) || text[i] === '/')) i++;
    if (i >= text.length || text[i] === '>') break;
    const nameStart = i;
    i++; // a name may start with "="
    while (i < text.length && !SPACE.test(text[i]!) && !'/>='.includes(text[i]!)) i++;
    const attrNameEnd = i;
    let valueStart = nameStart;
    let valueEnd = attrNameEnd;
    let j = i;
    while (j < text.length && SPACE.test(text[j]!)) j++;
    if (text[j] === '=') {
      j++;
      while (j < text.length && SPACE.test(text[j]!)) j++;
      const quote = text[j];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, j + 1);
        valueStart = j + 1;
        valueEnd = close < 0 ? text.length : close;
        i = close < 0 ? text.length : close + 1;
      } else {
        valueStart = j;
        while (j < text.length && !SPACE.test(text[j]!) && text[j] !== '>') j++;
        valueEnd = j;
        i = j;
      }
    }
    const name = text.slice(nameStart, attrNameEnd).toLowerCase();
    if (!attributes.has(name)) attributes.set(name, { nameStart, nameEnd: attrNameEnd, valueStart, valueEnd });
  }
  return { start, nameEnd, attributes };
}

/** Every start tag named `tagName` (case-insensitive) in the text, in order. */
export function scanStartTagsNamed(text: string, tagName: string): StartTagSpan[] {
  const pattern = new RegExp(`<${tagName}(?=[\\t\\n\\f\\r />])`, 'gi');
  return [...text.matchAll(pattern)].map((match) => scanStartTag(text, match.index));
}
