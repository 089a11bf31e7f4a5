import { describe, expect, it } from 'vitest';
import { parseHtml } from '../src/sources/html.js';
import { stripBom } from '../src/text/line-index.js';

function attribute(html: string, name: string) {
  const found = parseHtml(stripBom(html)).elements.flatMap((e) => e.attributes).find((a) => a.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

describe('HTML source', () => {
  it('gives value ranges inside the quotes, for both quote styles and unquoted values', () => {
    const html = `<button axag-intent="cart.add" axag-entity='cart' axag-action-type=write>`;
    expect(attribute(html, 'axag-intent').valueRange).toEqual({ line: 1, column: 22, endLine: 1, endColumn: 30 });
    expect(attribute(html, 'axag-entity').valueRange).toEqual({ line: 1, column: 45, endLine: 1, endColumn: 49 });
    expect(attribute(html, 'axag-action-type').valueRange).toEqual({ line: 1, column: 68, endLine: 1, endColumn: 73 });
  });

  it('reports a bare attribute with an empty value at its name', () => {
    const bare = attribute('<button axag-idempotent axag-intent="a.b">', 'axag-idempotent');
    expect(bare.value).toBe('');
    expect(bare.valueRange).toEqual(bare.nameRange);
    expect(bare.nameRange).toEqual({ line: 1, column: 9, endLine: 1, endColumn: 24 });
  });

  it('counts lines across a multi-line start tag, with CRLF line ends', () => {
    const html = '<div>\r\n  <button\r\n    axag-intent="cart.add"\r\n    axag-risk-level = "high">';
    const [button] = parseHtml(html).elements;
    expect(button!.nameRange).toEqual({ line: 2, column: 4, endLine: 2, endColumn: 10 });
    expect(button!.start).toEqual({ line: 2, column: 3 });
    expect(attribute(html, 'axag-risk-level').valueRange).toEqual({ line: 4, column: 24, endLine: 4, endColumn: 28 });
  });

  it('does not let a BOM shift line-1 columns', () => {
    expect(attribute('\uFEFF<a axag-intent="x.y">', 'axag-intent').valueRange.column).toBe(17);
  });

  it('counts columns in UTF-16 code units after multi-byte characters', () => {
    // "é" is one code unit, "😀" two.
    const html = '<p>é😀</p><button axag-intent="a.b">';
    expect(attribute(html, 'axag-intent').valueRange.column).toBe(1 + '<p>é😀</p><button axag-intent="'.length);
    expect('<p>é😀</p><button axag-intent="'.length).toBe(31);
  });

  it('lower-cases attribute names but keeps the tag as written', () => {
    const [element] = parseHtml('<BUTTON AXAG-Intent="a.b">').elements;
    expect(element!.tag).toBe('BUTTON');
    expect(element!.attributes.map((a) => a.name)).toEqual(['axag-intent']);
  });

  it('decodes character references in values', () => {
    expect(attribute('<a axag-required-parameters="[&quot;id&quot;]">', 'axag-required-parameters').value).toBe('["id"]');
  });

  it('links annotated elements to their nearest annotated ancestor, through <template> content', () => {
    const { elements } = parseHtml(
      '<section axag-entity="cart"><div><template><button axag-intent="cart.add"></button></template></div></section>',
    );
    expect(elements.map((e) => [e.tag, e.parent])).toEqual([
      ['section', -1],
      ['button', 0],
    ]);
  });

  it('ignores data-axag-* and marks interactive elements', () => {
    const { elements } = parseHtml(
      '<div data-axag-intent="a.b"></div><div axag-entity="x" role="button"></div><span axag-entity="y" onclick="f()"></span><table><tr><td axag-entity="z"></td></tr></table>',
    );
    expect(elements.map((e) => [e.tag, e.interactive])).toEqual([
      ['div', true],
      ['span', true],
      ['td', false],
    ]);
  });

  it('keeps AXAG attributes that parse5 moves from a later <body> tag, at their own position', () => {
    const html = '<link rel=stylesheet href=a.css>\nSkip to content\n<body axag-scope="tenant">\n<button axag-intent="a.b">';
    const { elements } = parseHtml(html);
    expect(elements.map((e) => [e.tag, e.parent, e.nameRange.line, e.nameRange.column])).toEqual([
      ['body', -1, 3, 2],
      ['button', 0, 4, 2],
    ]);
    expect(attribute(html, 'axag-scope').valueRange).toEqual({ line: 3, column: 19, endLine: 3, endColumn: 25 });
  });

  it('walks pages nested deeper than the call stack', () => {
    const html = `${'<div>'.repeat(20_000)}<button axag-intent="a.b">`;
    expect(parseHtml(html).elements).toHaveLength(1);
  });

  it('reads a page nested deeper than the call stack with an id at every level', () => {
    const html = `${'<div id="d">'.repeat(20_000)}<button axag-intent="a.b">`;
    const { elements, ids } = parseHtml(html);
    expect(ids).toHaveLength(20_000);
    expect(elements.map((e) => e.parent)).toEqual([-1]);
  });

  it('reads elements in the order of the tree the browser builds, not of the text', () => {
    // The button is not allowed between rows: it is moved before the table, out of it.
    const { elements, ids } = parseHtml(
      '<table axag-entity="order" id="t"><tr><td axag-intent="order.view" id="c"></td></tr><button axag-intent="order.export" id="b"></button></table>',
    );
    expect(elements.map((e) => [e.tag, e.parent])).toEqual([
      ['button', -1],
      ['table', -1],
      ['td', 1],
    ]);
    expect(ids.map((id) => id.value)).toEqual(['b', 't', 'c']);
  });

  it('reads the copies of a formatting element the browser makes as the element written, also when text follows them', () => {
    // At </i> the paragraph moves out of the <i> and its content into a copy of the <i>, which has no tag of its own.
    const { elements } = parseHtml('<i axag-entity="receipt"><p>Receipt <button axag-intent="receipt.print"></button></i> sent</p>');
    expect(elements.map((e) => [e.tag, e.parent, e.nameRange.column, e.attributes[0]!.nameRange.column])).toEqual([
      ['i', -1, 2, 4],
      ['button', 0, 38, 45],
    ]);
    // Not the first tag of its name: the copy of the second <b> is the second <b>.
    const twice = parseHtml('<b axag-entity="order">x</b>\n<b axag-entity="invoice" id="i"><p>y <button axag-intent="invoice.pay"></button></b> z</p>');
    expect(twice.elements.map((e) => [e.tag, e.parent, e.start.line, e.attributes[0]!.value])).toEqual([
      ['b', -1, 1, 'order'],
      ['b', -1, 2, 'invoice'],
      ['button', 1, 2, 'invoice.pay'],
    ]);
    expect(twice.ids.map((id) => id.value)).toEqual(['i']);
  });

  it('leaves out a body that a <frameset> replaces, as the tree does', () => {
    const { elements, ids } = parseHtml('<div axag-intent="a.b" id="d">\n<frameset id="f"><frame></frameset>');
    expect(elements).toEqual([]);
    expect(ids.map((id) => id.value)).toEqual(['f']);
  });

  it('gives an attribute with "=" but no value an empty range where the value would be, never an inverted one', () => {
    expect(attribute('<p axag-risk-level=></p>', 'axag-risk-level').valueRange).toEqual({ line: 1, column: 20, endLine: 1, endColumn: 20 });
    expect(attribute('<p axag-risk-level= ></p>', 'axag-risk-level').valueRange).toEqual({ line: 1, column: 21, endLine: 1, endColumn: 21 });
  });

  it('names the element as written even when HTML renames it (<image> is parsed as <img>)', () => {
    const [element] = parseHtml('<image axag-intent="a.b">').elements;
    expect(element!.tag).toBe('image');
    expect(element!.nameRange).toEqual({ line: 1, column: 2, endLine: 1, endColumn: 7 });
  });
});
