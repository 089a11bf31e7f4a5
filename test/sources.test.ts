/**
 * The model each non-HTML source builds: tags, parents, spreads, interactivity,
 * static and dynamic values with their ranges. Rules see only this, so what the
 * fixtures cannot show through findings is checked here.
 */
import { describe, expect, it } from 'vitest';
import type { AnnotatedElement, SourceDocument } from '../src/model.js';
import { lint } from '../src/index.js';
import { mayContainAnnotations, parseSource } from '../src/sources/index.js';
import { nestingDepth } from '../src/sources/large-stack.js';
import { withParserStack } from './support/parser-stack.js';

const parsed = (path: string, text: string) => parseSource(path, text);

function summary(document: SourceDocument) {
  return document.elements.map((e: AnnotatedElement) => ({
    tag: e.tag,
    parent: e.parent,
    interactive: e.interactive,
    spread: e.spread,
    values: Object.fromEntries(e.attributes.map((a) => [a.name, a.value])),
  }));
}

describe('JSX', () => {
  it('reads every static form of spec §3 and leaves the rest, numbers included, dynamic (null)', async () => {
    const doc = await parsed(
      'A.tsx',
      `const a = <b axag-a="x" axag-b={"x"} axag-c={'x'} axag-d={\`x\`} axag-e={\`\${x}\`} axag-f={true} axag-g axag-h={2}
        axag-i={-1} axag-j={JSON.stringify(["a", {k: [1, null]}])} axag-k={["a", \`b\`]} axag-l={["a", b]} axag-r={["a", 1]}
        axag-m={JSON.stringify(list)} axag-n={"x" as const} axag-o={x} axag-p={t("x")} axag-q={<i/>} />;`,
    );
    expect(doc.syntaxErrors).toEqual([]);
    expect(summary(doc)[0]!.values).toEqual({
      'axag-a': 'x',
      'axag-b': 'x',
      'axag-c': 'x',
      'axag-d': 'x',
      'axag-e': null,
      'axag-f': 'true',
      'axag-g': 'true',
      'axag-h': null,
      'axag-i': null,
      'axag-j': '["a",{"k":[1,null]}]',
      'axag-k': '["a","b"]',
      'axag-l': null,
      'axag-m': null,
      'axag-n': 'x',
      'axag-o': null,
      'axag-p': null,
      'axag-q': null,
      'axag-r': null,
    });
  });

  it('nests elements through callbacks, conditionals and fragments; components are elements', async () => {
    const doc = await parsed(
      'A.tsx',
      `export const A = ({ items }: { items: string[] }) => (
  <Section axag-entity="cart">
    <>{items.map((i) => <ui.Button key={i} axag-intent="cart.add" {...rest} />)}</>
    {open && <li axag-intent="cart.b" onClick={go} />}
  </Section>
);
<Other axag-entity="x" role="button" />;`,
    );
    expect(summary(doc)).toEqual([
      { tag: 'Section', parent: -1, interactive: false, spread: false, values: { 'axag-entity': 'cart' } },
      { tag: 'ui.Button', parent: 0, interactive: true, spread: true, values: { 'axag-intent': 'cart.add' } },
      { tag: 'li', parent: 0, interactive: true, spread: false, values: { 'axag-intent': 'cart.b' } },
      { tag: 'Other', parent: -1, interactive: true, spread: false, values: { 'axag-entity': 'x' } },
    ]);
  });

  it('takes the last of duplicate props, and exact-case names only', async () => {
    const doc = await parsed('A.jsx', '<a axag-intent="a.b" Axag-Entity="x" axag-intent="c.d" />');
    expect(summary(doc)[0]!.values).toEqual({ 'axag-intent': 'c.d' });
  });

  it('gives value ranges inside quotes and template literals, at the literal otherwise', async () => {
    const doc = await parsed('A.jsx', '<a axag-a="xy" axag-b={`xy`} axag-c={["x"]} axag-d />');
    const ranges = doc.elements[0]!.attributes.map((a) => [a.valueRange.column, a.valueRange.endColumn]);
    expect(ranges).toEqual([
      [12, 14],
      [25, 27],
      [38, 43],
      [45, 51],
    ]);
  });

  it('reads .ts with type assertions and no JSX; JSX there is a syntax error', async () => {
    expect(await parsed('a.ts', 'const x = <string>y; // axag')).toEqual({ elements: [], ids: [], dynamicIds: false, comments: [], syntaxErrors: [] });
    const bad = await parsed('a.ts', 'const x = <b axag-intent="a.b" />;');
    expect(bad.syntaxErrors).toHaveLength(1);
    expect(bad.syntaxErrors[0]!.source).toBe('TypeScript');
  });
});

describe('Vue', () => {
  it('reads the template only; bindings are dynamic, v-bind="obj" and :[name] are spreads, @click is interactive, names are lower-cased', async () => {
    const doc = await parsed(
      'A.vue',
      `<script>const s = "<b axag-intent='no'>";</script>
<template>
  <Panel axag-entity="cart"><MyButton axag-intent="cart.a" :axag-risk-level="r" v-bind="attrs" /><p axag-intent="cart.b" @click="go" v-bind:[k]="v" AXAG-SCOPE="user" /></Panel>
</template>`,
    );
    expect(summary(doc)).toEqual([
      { tag: 'Panel', parent: -1, interactive: false, spread: false, values: { 'axag-entity': 'cart' } },
      { tag: 'MyButton', parent: 0, interactive: false, spread: true, values: { 'axag-intent': 'cart.a', 'axag-risk-level': null } },
      { tag: 'p', parent: 0, interactive: true, spread: true, values: { 'axag-intent': 'cart.b', 'axag-scope': 'user' } },
    ]);
  });

  it('gives the value range inside the quotes', async () => {
    const doc = await parsed('A.vue', `<template><a axag-a="xy" axag-b='xy' axag-c=xy axag-d></a></template>`);
    const ranges = doc.elements[0]!.attributes.map((a) => [a.valueRange.column, a.valueRange.endColumn]);
    expect(ranges).toEqual([
      [22, 24],
      [34, 36],
      [45, 47],
      [48, 54],
    ]);
  });
});

describe('Svelte', () => {
  it('reads markup in blocks; {expr} and "a{b}" are dynamic, {...obj} a spread, bare is ""', async () => {
    const doc = await parsed(
      'A.svelte',
      `<script lang="ts">let a: number = 1;</script>
<section axag-entity="cart">{#each items as i}<Button axag-intent="cart.a" axag-risk-level={r} {...rest} axag-scope="u{s}" axag-idempotent on:click={go} />{/each}</section>`,
    );
    expect(summary(doc)).toEqual([
      { tag: 'section', parent: -1, interactive: false, spread: false, values: { 'axag-entity': 'cart' } },
      {
        tag: 'Button',
        parent: 0,
        interactive: true,
        spread: true,
        values: { 'axag-intent': 'cart.a', 'axag-risk-level': null, 'axag-scope': null, 'axag-idempotent': '' },
      },
    ]);
  });
});

describe('Markdown', () => {
  it('reads html, jsx, tsx and vue blocks, maps positions, and keeps blocks apart', async () => {
    const text = [
      '# Doc', // 1
      '',
      '> ```jsx', // 3
      '> <b axag-entity="a" />', // 4: <b at column 3
      '> <i axag-intent="a.b" />', // 5: several roots are accepted
      '> ```',
      '',
      '```js',
      '<b axag-intent="not.linted" />',
      '```',
      '',
      '1. item',
      '   ~~~vue',
      '   <p axag-intent="c.d" />', // 14: no <template>: the block is the template
      '   ~~~',
    ].join('\n');
    const doc = await parsed('doc.md', text);
    expect(doc.syntaxErrors).toEqual([]);
    expect(doc.elements.map((e) => [e.tag, e.parent, e.start.line, e.start.column, e.nameRange.column])).toEqual([
      ['b', -1, 4, 3, 4],
      ['i', -1, 5, 3, 4],
      ['p', -1, 14, 4, 5],
    ]);
  });

  it('reports a block that does not parse at its place in the file, and still reads the others', async () => {
    const text = '```tsx\nconst a = <b axag-intent=/>;\n```\n\n```html\n<b axag-intent="x.y"></b>\n```\n';
    const doc = await parsed('doc.md', text);
    expect(doc.elements.map((e) => e.start.line)).toEqual([6]);
    expect(doc.syntaxErrors.map((p) => [p.source, p.range.line])).toEqual([['the tsx code block', 2]]);
  });
});

describe('syntax real projects use, and the limits of parsers', () => {
  it('accepts legacy and standard decorators, auto-accessors, import assertions and Flow without a pragma', async () => {
    const files: [string, string][] = [
      ['legacy.ts', '// axag\nclass C { constructor(@Inject(X) x: X) {} @p() accessor y = 1 }\n'],
      ['standard.ts', '// axag\nexport @dec class A {}\nimport j from "./x.json" assert { type: "json" };\n'],
      ['flow.js', '// axag\nimport type { Node } from "react";\nexport const A = (p: { x: number }): Node => <b />;\n'],
    ];
    for (const [path, text] of files) expect([path, (await parsed(path, text)).syntaxErrors]).toEqual([path, []]);
  });

  it('follows nesting deeper than the main stack in every source, in Markdown blocks too', async () => {
    // Past the main stack's limit on any run: about 6,000 levels in Babel, 650 in Svelte's parser.
    const deep = (levels: number) => '<div axag-entity="x">'.repeat(levels) + '</div>'.repeat(levels);
    const cases = [['deep.jsx', `const a = ${deep(10_000)};`, 10_000], ['deep.md', `\`\`\`jsx\n${deep(10_000)}\n\`\`\`\n`, 10_000], ['deep.svelte', deep(3_000), 3_000]] as const;
    for (const [path, text, levels] of cases) {
      const document = await parsed(path, text);
      expect([path, document.syntaxErrors, document.elements.length]).toEqual([path, [], levels]);
    }
  });

  it('measures nesting without a parser, counting tags, brackets and Svelte blocks but not type arguments or void elements', () => {
    expect(nestingDepth('const a = <div><b x={f(1)} /><br /></div>;')).toBe(4);
    expect(nestingDepth('const m: Map<string, Array<number>> = new Map<string, number[]>(); if (a<b && c < d) {}')).toBe(1);
    expect(nestingDepth('<form><input name="a"><input name="b" /><img src="x"></form>')).toBe(1);
    expect(nestingDepth('{#if a}{#each b as c}<p>{c}</p>{/each}{/if}')).toBe(4);
    expect(nestingDepth('<>'.repeat(200) + '</>'.repeat(200))).toBe(200);
    expect(nestingDepth('('.repeat(500) + ')'.repeat(500))).toBe(500);
  });

  it('reports a parser limit, not a syntax error, for nesting deeper than the large stack; in Markdown only for that block', async () => {
    const deep = '<div axag-entity="x">'.repeat(20_000) + '</div>'.repeat(20_000);
    const [file, md] = await withParserStack('1', async () => [
      await parsed('deep.jsx', `const a = ${deep};`),
      await parsed('deep.md', `\`\`\`jsx\n${deep}\n\`\`\`\n\n\`\`\`html\n<b axag-intent="a.b"></b>\n\`\`\`\n`),
    ]);
    expect(file!.syntaxErrors).toEqual([expect.objectContaining({ source: 'JSX', limit: true })]);
    expect(md!.syntaxErrors.map((p) => [p.source, p.limit, p.range.line])).toEqual([['the jsx code block', true, 2]]);
    expect(md!.elements.map((e) => e.start.line)).toEqual([6]);
  });

  it('spans a whole astral character at a syntax error', async () => {
    const doc = await parsed('a.jsx', 'axag; const a = 😀;');
    expect(doc.syntaxErrors[0]!.range).toEqual({ line: 1, column: 17, endLine: 1, endColumn: 19 });
  });

  it('names the Vue template only for errors inside it, and refuses a second <template>', async () => {
    const script = await parsed('a.vue', '<script setup>\nconst a = 1\n<template><b axag-intent="a.b"></b></template>\n');
    expect(script.syntaxErrors.map((p) => p.source)).toEqual(['the Vue component']);
    const template = await parsed('a.vue', '<template>\n  <b axag-intent="a.b">\n</template>\n');
    expect(template.syntaxErrors.map((p) => [p.source, p.range.line])).toEqual([['the Vue template', 2]]);
    const two = await parsed('a.vue', '<template><b axag-intent="a.b"></b></template>\n<template><i></i></template>\n');
    expect(two.syntaxErrors.map((p) => [p.source, p.range.line, p.range.column])).toEqual([['the Vue component', 2, 1]]);
  });

  it('treats ui.Button as interactive in every source', async () => {
    const forms: [string, string][] = [
      ['a.jsx', '<ui.Button axag-entity="cart" />'],
      ['a.vue', '<template><ui.Button axag-entity="cart" /></template>'],
      ['a.svelte', '<ui.Button axag-entity="cart" />'],
    ];
    for (const [path, text] of forms) expect([path, (await parsed(path, text)).elements[0]!.interactive]).toEqual([path, true]);
  });

  it('reads VitePress fence languages, and fences inside MDX components', async () => {
    const vitepress = await parsed('a.md', '```vue{2}\n<b axag-intent="a.b"></b>\n```\n\n```html:line-numbers\n<i axag-intent="a.b"></i>\n```\n');
    expect(vitepress.elements.map((e) => e.tag)).toEqual(['b', 'i']);
    const tabs = '<Tabs>\n  <TabItem value="react">\n    ```jsx\n    <b axag-intent="a.b" />\n    ```\n  </TabItem>\n</Tabs>\n';
    expect((await parsed('a.mdx', tabs)).elements.map((e) => [e.tag, e.start.line, e.start.column])).toEqual([['b', 4, 5]]);
    expect((await parsed('a.md', tabs)).elements).toEqual([]); // CommonMark: an HTML block swallows the fence
  });
});

/** `[value, line, column, endColumn]` of each id (one line each). */
const idsOf = (document: SourceDocument) => document.ids.map(({ value, range }) => [value, range.line, range.column, range.endColumn]);

describe('element ids (what axag-params-from="#id" can name)', () => {
  it('HTML: the id of every element, annotated or not, inside <template> too, at its value; bound or templated ids are dynamic', async () => {
    const doc = await parsed('a.html', '<form id="checkout"><input id=qty></form>\n<template><p id=\'a&amp;b\'>x</p></template><b axag-entity="x">');
    expect(idsOf(doc)).toEqual([
      ['checkout', 1, 11, 19],
      ['qty', 1, 31, 34],
      ['a&b', 2, 18, 25],
    ]);
    expect(doc.dynamicIds).toBe(false);
    for (const bound of ['<form [id]="formId">', '<form [attr.id]="f">', '<form :id="f">', '<form v-bind:id="f">', '<form id="{{ formId }}">', '<form id="form-${n}">']) {
      const dynamic = await parsed('a.html', `${bound}<b axag-entity="x"></form>`);
      expect(dynamic.dynamicIds, bound).toBe(true);
      expect(dynamic.ids, bound).toEqual([]);
    }
  });

  it('JSX: static id props of elements and components; {expr} and a spread that may set the id are dynamic', async () => {
    const doc = await parsed('A.jsx', '<div><form id="checkout" /><Form id={"profile"} /><i {...rest} id={`x`} /></div>;');
    expect(idsOf(doc)).toEqual([
      ['checkout', 1, 16, 24],
      ['profile', 1, 39, 46],
      ['x', 1, 69, 70],
    ]);
    expect(doc.dynamicIds).toBe(false);
    expect((await parsed('A.jsx', '<form id={formId} />;')).dynamicIds).toBe(true);
    expect((await parsed('A.jsx', '<form id="a" {...props} />;')).dynamicIds).toBe(true);
  });

  it('Vue: static ids in the template only; :id, v-bind:id, v-bind="obj" and :[name] are dynamic', async () => {
    const doc = await parsed('A.vue', '<template>\n  <form id="checkout"><input id /></form>\n</template>\n<script>const html = \'<p id="no">\';</script>\n');
    expect(idsOf(doc)).toEqual([
      ['checkout', 2, 13, 21],
      ['', 2, 30, 32],
    ]);
    expect(doc.dynamicIds).toBe(false);
    for (const bound of [':id="f"', 'v-bind:id="f"', 'v-bind="attrs"', ':[name]="f"']) {
      expect((await parsed('A.vue', `<template><form ${bound}></form></template>`)).dynamicIds, bound).toBe(true);
    }
  });

  it('Svelte: static ids in markup and blocks; {expr}, "a{b}", {id} and a spread are dynamic', async () => {
    const doc = await parsed('A.svelte', '{#if open}<form id="checkout"></form>{/if}<p id={"x"}></p>');
    expect(idsOf(doc)).toEqual([
      ['checkout', 1, 21, 29],
      ['x', 1, 51, 52],
    ]);
    expect(doc.dynamicIds).toBe(false);
    for (const bound of ['id={formId}', 'id="form-{n}"', '{id}', '{...rest}']) {
      expect((await parsed('A.svelte', `<form ${bound}></form>`)).dynamicIds, bound).toBe(true);
    }
  });

  it('Markdown: ids of every block, at their place in the file; blocks without annotations only when a params-from may name them', async () => {
    const text = '# Guide\n\n```html\n<form id="checkout"></form>\n```\n\n```jsx\n<button axag-params-from="#checkout" />\n```\n';
    const doc = await parsed('guide.md', text);
    expect(idsOf(doc)).toEqual([['checkout', 4, 11, 19]]);
    expect(doc.dynamicIds).toBe(false);
    expect((await parsed('guide.md', text.replace('axag-params-from', 'axag-description'))).ids).toEqual([]);
    // A block that does not parse may hold any id.
    const broken = await parsed('guide.md', text.replace('<form id="checkout"></form>', '<form id="checkout"></form>').replace('```html', '```jsx').replace('</form>', '</from>'));
    expect(broken.dynamicIds).toBe(true);
    expect(broken.syntaxErrors).toEqual([]);
  });
});

describe('valid code is no parse error (real code that once was)', () => {
  const errors = async (path: string, text: string) => (await parsed(path, text)).syntaxErrors.map((p) => [p.source, p.message, p.range.line, p.range.column]);

  it('reads a vue block without <template> as template markup, whatever its top level holds', async () => {
    const blocks = [
      '<div axag-entity="a">\n  <div>\n    <b axag-intent="a.b">x</b>\n  </div>\n</div>', // a root tag holding its own kind
      '<script setup>\nconst small = n < 10\n</script>\n\n<div>\n  <div axag-entity="a"></div>\n</div>', // beside a script
      '<MyList axag-entity="a">\n  <template #item="{ item }"><li>{{ item }}</li></template>\n</MyList>', // a component as root
      '<template v-if="a">\n  <b axag-entity="a"></b>\n</template>\n<template v-else><i></i></template>', // two template roots
      '<p axag-entity="a"><input v-model="q"><img src="x"><br><MyIcon /></p>\n<style lang="scss">\n.a { &:hover { b: c } }\n</style>',
    ];
    for (const block of blocks) {
      const doc = await parsed('doc.md', `Intro\n\n\`\`\`vue\n${block}\n\`\`\`\n`);
      const first = block.split('\n').findIndex((line) => line.includes('axag-'));
      expect([block, doc.syntaxErrors, doc.elements[0]?.start.line]).toEqual([block, [], 4 + first]);
    }
  });

  it('still reports a vue block that is broken as markup and as a component, at the mistake', async () => {
    const fragment = await errors('doc.md', '```vue\n<div axag-entity="a">\n  <span>\n</div>\n```\n');
    expect(fragment).toEqual([['the vue code block', 'Element is missing end tag.', 3, 3]]);
    const component = await errors('doc.md', '```vue\n<template>\n  <div axag-entity="a">\n</template>\n<script setup>\n</script>\n```\n');
    expect(component).toEqual([['the vue code block', 'Element is missing end tag.', 3, 3]]);
  });

  it('reads declaration files with TypeScript declarations, and keeps them errors in a .ts file', async () => {
    const text = '// axag\nexport const x: T;\nexport function f(a: string): void;\n';
    for (const path of ['a.d.ts', 'a.d.mts', 'a.d.cts', 'styles.d.css.ts', 'A.D.TS']) expect([path, await errors(path, text)]).toEqual([path, []]);
    expect(await errors('a.ts', text)).toEqual([['TypeScript', 'Missing initializer in const declaration.', 2, 18]]);
  });

  it('reads import defer and import source, with their dynamic forms, in every script dialect', async () => {
    const imports = 'import defer * as ns from "./a.js";\nimport source wasm from "./b.wasm";\nconst c = import.defer("./c.js"), d = import.source("./d.wasm");\n';
    for (const path of ['a.js', 'a.ts', 'a.tsx']) expect([path, await errors(path, `// axag\n${imports}`)]).toEqual([path, []]);
    expect(await errors('doc.md', `\`\`\`jsx\n${imports}<b axag-entity="a" />\n\`\`\`\n`)).toEqual([]);
  });

  it('skips Svelte style and script blocks in languages a preprocessor compiles, keeping every position', async () => {
    const blocks = [
      '<style lang="scss">\n$c: red;\n// note\n.a { @include m; }\n</style>',
      '<style lang="sass">\n.a\n  color: red\n</style>',
      '<style lang="less">\n@c: red;\n.a { .m(); }\n</style>',
      '<style lang="stylus">\n.a\n  color red\n</style>',
      '<style type="text/scss">\n$c: red;\n</style>',
      '<script lang="coffee">\nsquare = (x) -> x * x\n</script>',
      '<script type="text/typescript">\nlet n: number = 1\n</script>',
    ];
    for (const block of blocks) {
      const doc = await parsed('a.svelte', `<!-- <style> -->\n${block}\n<b axag-entity="a">x</b>\n`);
      const line = block.split('\n').length + 2;
      expect([block, doc.syntaxErrors, doc.elements.map((e) => [e.start.line, e.start.column])]).toEqual([block, [], [[line, 1]]]);
    }
  });

  it('still reports CSS that Svelte reads, and markup mistakes beside a skipped block', async () => {
    expect(await errors('a.svelte', '<b axag-entity="a"></b>\n<style>\n$c: red;\n</style>\n')).toEqual([
      ['the Svelte component', 'Expected a valid CSS identifier', 3, 1],
    ]);
    expect(await errors('a.svelte', '<style lang="scss">\n$c: red;\n</style>\n<b axag-entity="a"></i>\n')).toEqual([
      ['the Svelte component', '`</i>` attempted to close an element that was not open', 4, 20],
    ]);
  });

  it('reports the error of the parser attempt that read furthest: a Flow mistake at its line', async () => {
    const flow = '// axag\nimport type { Node } from "react";\nexport const A = (p: { x: number }): Node => <b />;\nconst broken = ;\n';
    expect(await errors('a.js', flow)).toEqual([['JavaScript', 'Unexpected token', 4, 16]]);
  });

  it('reads newer Flow syntax (component, hook, match, as, renders, type guards) with hermes-parser', async () => {
    const text = [
      '// @flow',
      'type Keys = $Keys<{ a: 1 }>; type C<T> = T extends string ? T : empty; type R = [id: string, n?: number];',
      'function g<const T>(x: mixed): x is T { return true; }',
      'hook useA(): number { return 1; }',
      'export component A(n: number = 1, ...rest: {}) renders B {',
      '  return <b axag-entity="a" axag-intent={"a.b" as string} axag-action-type={("read": string)} {...rest}>',
      '    {match (n) { 1 => <i axag-entity="one" />, _ => <u axag-entity={n} /> }}',
      '  </b>;',
      '}',
    ].join('\n');
    const doc = await parsed('a.js', text);
    expect(doc.syntaxErrors).toEqual([]);
    expect(summary(doc)).toEqual([
      { tag: 'b', parent: -1, interactive: false, spread: true, values: { 'axag-entity': 'a', 'axag-intent': 'a.b', 'axag-action-type': 'read' } },
      { tag: 'i', parent: 0, interactive: false, spread: false, values: { 'axag-entity': 'one' } },
      { tag: 'u', parent: 0, interactive: false, spread: false, values: { 'axag-entity': null } },
    ]);
    expect(doc.elements.map((e) => [e.start.line, e.start.column])).toEqual([[6, 10], [7, 23], [7, 53]]);
    const block = await parsed('doc.md', `Intro\n\n\`\`\`jsx\ncomponent A() {\n  return <b axag-entity="a" />;\n}\n\`\`\`\n`);
    expect([block.syntaxErrors, block.elements.map((e) => [e.start.line, e.start.column])]).toEqual([[], [[5, 10]]]);
  });

  it("reports hermes-parser's error at the editor's line and UTF-16 column: bytes, lone CRs and U+2028 before it", async () => {
    const text = '// axag\ncomponent A() { return <b />; }\nconst s = "é😀\u2028"; /*\r*/ const t = ;\n';
    expect(await errors('a.js', text)).toEqual([['JavaScript', 'invalid expression', 4, 14]]);
    // Where Babel reads as far as hermes, Babel's message is kept.
    expect(await errors('a.js', '// axag\nconst é = 1; const t = ;\n')).toEqual([['JavaScript', 'Unexpected token', 2, 24]]);
    // An element left open: Babel, having read to the end, names where its contents begin; hermes the end.
    expect(await errors('a.jsx', '<b axag-entity="a">\n  x\n')).toEqual([['JSX', 'Unterminated JSX contents.', 1, 20]]);
  });
});

describe('the axag pre-check', () => {
  it('finds every form an annotation or directive takes, and not axag inside another word', () => {
    const annotated = [
      '<b axag-intent="a.b">',
      '<B AXAG-INTENT="a.b">',
      '<b axag="read:a.b">',
      '<b axag>',
      '<b :axag-scope="s">',
      '<b v-bind:axag-entity="e">',
      '<b v-axag="m">',
      '<b [axag]="m">',
      '<b {axag}>',
      '<b\taxag-x-team="a">',
      '// axag-disable-next-line',
      '{/*axag-disable*/}',
      '<!-- axag-disable-file -->',
    ];
    for (const text of annotated) expect([text, mayContainAnnotations(`const a = 1;\n${text}\n`)]).toEqual([text, true]);
    const unannotated = ['res.cookie("s", v, { maxAge: 3600 })', 'MAXAGE = 1', 'taxAgent()', 'const axag_count = 1', 'axag2'];
    for (const text of unannotated) expect([text, mayContainAnnotations(text)]).toEqual([text, false]);
  });

  it('leaves unannotated files unparsed, so a bundle with maxAge and a syntax error has no findings', async () => {
    const results = await lint([{ path: 'bundle.js', text: 'cookie({ maxAge: 1 }); const = ;' }, { path: 'page.js', text: '// axag\nconst = ;' }], {
      cwd: process.cwd(),
    });
    expect(results.files.map((file) => [file.path.split('/').pop(), file.findings.map((f) => f.ruleId)])).toEqual([
      ['bundle.js', []],
      ['page.js', ['axag/parse-error']],
    ]);
  });
});
