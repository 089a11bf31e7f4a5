/**
 * fast-check arbitraries for hostile and broken input (issue 12): annotated markup in every source language,
 * mutated (truncated, spliced with random text, nested deep, with huge or unbalanced values), random macros,
 * manifests and configs. Shared by the bounded fuzz tests and `npm run fuzz`.
 */
import fc from 'fast-check';
import { ACTION_TYPES, RISK_LEVELS } from '../../src/vocabulary.js';

const WORDS = ['cart', 'order', 'add_item', 'user', 'tenant', 'admin', 'x', '', 'Cart', 'add-item', 'é', '💥'];
const NAMES = [
  'axag', 'axag-intent', 'axag-entity', 'axag-action-type', 'axag-risk-level', 'axag-idempotent', 'axag-scope',
  'axag-required-parameters', 'axag-optional-parameters', 'axag-preconditions', 'axag-postconditions',
  'axag-side-effects', 'axag-approval-required', 'axag-approval-roles', 'axag-required-roles', 'axag-constraints',
  'axag-confirmation-required', 'axag-tenant-boundary', 'axag-tenant-id', 'axag-parameter', 'axag-parameter-enum',
  'axag-parameter-type', 'axag-skip', 'axag-x-custom', 'axag-intnet', 'AXAG-INTENT', 'data-axag-intent', 'onclick',
  'role', 'class', 'axag-description',
];
const TAGS = ['button', 'div', 'form', 'a', 'input', 'section', 'table', 'tr', 'td', 'Button', 'ui.Button', 'template', 'svelte:element', 'x-y'];
/** Characters that break parsers and terminals: quotes, brackets, escapes, controls, bidi, surrogates. */
const NASTY = ['"', "'", '`', '<', '>', '{', '}', '[', ']', '&', '&amp;', '&#123;', '${', '\\', '\n', '\r', '\r\n', '\t', '\0', '\u001b[31m', '\u001b]8;;x\u0007', '\u202e', '\u2028', '\u2029', '\ud800', '::error::x', '%0A', '<!--', '-->', '*/', '/*', '</script>', '{#if x}', '{/if}', '```', '\ufeff'];

const word = fc.constantFrom(...WORDS);
const nasty = fc.constantFrom(...NASTY);
/** Text of any kind: printable, unicode, controls, and the nasty pieces above. */
const anyText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.array(fc.oneof(nasty, word), { maxLength: 6 }).map((parts) => parts.join('')),
);

/** A JSON-valued attribute: a valid list, typed parameter objects, or something broken in a known way. */
const jsonValue = fc.oneof(
  fc.array(word, { maxLength: 4 }).map((items) => JSON.stringify(items)),
  fc.array(fc.record({ name: word, type: fc.constantFrom('string', 'integer', 'date', 'bool', 7) }, { requiredKeys: [] }), { maxLength: 3 }).map((items) => JSON.stringify(items)),
  fc.array(word, { maxLength: 3 }).map((items) => `[${items.map((item) => `'${item}'`).join(',')}]`),
  fc.json({ maxDepth: 3 }),
  fc.json({ maxDepth: 2 }).map((json) => json.slice(0, Math.max(0, json.length - 1))),
  fc.nat({ max: 300 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.nat({ max: 50 }).map((n) => '{"a":'.repeat(n)),
  fc.constantFrom('[', ']', '{}', 'null', '[1,2]', '["a",]', '["a""b"]', '[""]', '[" "]', '["a","a"]', '[{"name":""}]', '1e999', '9'.repeat(500)),
);

/** A macro: built from grammar tokens (mostly near-valid), or random text. */
export const macro = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...ACTION_TYPES, 'create', 'mutate', 'Write', 'update', ''),
      fc.constantFrom(':', '', '::', ' :'),
      fc.oneof(fc.constantFrom('cart.add_item', 'user.deactivate', 'Cart.Add', 'cart', 'a.b.c', ''), anyText),
      fc.option(fc.tuple(fc.constantFrom('!', '!!'), fc.constantFrom(...RISK_LEVELS, 'High', 'extreme', '')), { nil: undefined }),
      fc.array(
        fc.tuple(
          fc.constantFrom('confirm', 'approval', 'idempotent', 'async', 'scope', 'tenant', 'roles', 'effects', 'req', 'opt', 'idempotant', '', 'x'),
          fc.option(fc.oneof(fc.constantFrom('true', 'false', 'user', 'strict', 'a,b', 'a,,b', ',', 'a b', ''), anyText), { nil: undefined }),
        ),
        { maxLength: 6 },
      ),
      fc.constantFrom('?', '?&', '? ', ''),
      fc.constantFrom('&', ',', '&&', ' & '),
    )
    .map(([type, colon, intent, risk, pairs, question, and]) => {
      const head = `${type}${colon}${intent}${risk ? risk.join('') : ''}`;
      const tail = pairs.map(([key, value]) => (value === undefined ? key : `${key}=${value}`)).join(and);
      return pairs.length > 0 ? `${head}${question}${tail}` : head;
    }),
  anyText,
  fc.string({ maxLength: 200 }),
);

const attributeValue = fc.oneof(
  { weight: 3, arbitrary: anyText },
  { weight: 3, arbitrary: jsonValue },
  { weight: 2, arbitrary: macro },
  { weight: 2, arbitrary: fc.constantFrom(...ACTION_TYPES, ...RISK_LEVELS, 'true', 'false', 'user', 'tenant', 'cart.add_item', 'cart', '') },
  { weight: 1, arbitrary: fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(n)) },
);

/** How one attribute is written; the language's quoting decides what parses. */
const attribute = fc.record({
  name: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...NAMES) }, { weight: 1, arbitrary: anyText }),
  value: attributeValue,
  style: fc.constantFrom('double', 'single', 'bare', 'brace', 'template', 'unquoted', 'unbalanced', 'spread', 'bound'),
});
type Attribute = typeof attribute extends fc.Arbitrary<infer T> ? T : never;

function writeAttribute({ name, value, style }: Attribute): string {
  switch (style) {
    case 'double':
      return `${name}="${value}"`;
    case 'single':
      return `${name}='${value}'`;
    case 'bare':
      return name;
    case 'brace':
      return `${name}={${JSON.stringify(value)}}`;
    case 'template':
      return `${name}={\`${value}\`}`;
    case 'unquoted':
      return `${name}=${value}`;
    case 'unbalanced':
      return `${name}="${value}`;
    case 'spread':
      return `{...${name.replace(/\W/g, '_') || 'p'}}`;
    case 'bound':
      return `:${name}="${value}"`;
  }
}

export interface Element {
  tag: string;
  attributes: Attribute[];
  children: Node[];
  close: 'normal' | 'self' | 'none' | 'wrong';
}
export type Node = { element: Element } | { text: string } | { comment: string };

const comment = fc.oneof(
  fc.constantFrom('axag-disable-next', 'axag-disable AXAG-LINT-007', 'axag-enable', 'axag-disable-file', 'axag-disabel', 'axag-disable-next AXAG-LINT-999 -- why', 'axag-disable-next axag/macro-syntax'),
  anyText,
);

const { node } = fc.letrec<{ node: Node; element: Element }>((tie) => ({
  // At the depth limit oneof takes its first arbitrary: text ends the recursion.
  node: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'markup' },
    { weight: 1, arbitrary: anyText.map((text) => ({ text })) },
    { weight: 3, arbitrary: tie('element').map((element) => ({ element })) },
    { weight: 1, arbitrary: comment.map((text) => ({ comment: text })) },
  ),
  element: fc.record({
    tag: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...TAGS) }, { weight: 1, arbitrary: anyText }),
    attributes: fc.array(attribute, { maxLength: 6 }),
    children: fc.array(tie('node'), { maxLength: 4, depthIdentifier: 'markup' }),
    close: fc.constantFrom('normal', 'normal', 'normal', 'self', 'none', 'wrong'),
  }),
}));

export type Language = 'html' | 'jsx' | 'tsx' | 'vue' | 'svelte' | 'markdown';

function writeNode(node: Node, language: Language): string {
  if ('text' in node) return node.text;
  if ('comment' in node) return language === 'jsx' || language === 'tsx' ? `{/* ${node.comment} */}` : `<!-- ${node.comment} -->`;
  const { tag, attributes, children, close } = node.element;
  const open = `<${tag}${attributes.map((a) => ` ${writeAttribute(a)}`).join('')}`;
  if (close === 'self') return `${open} />`;
  const inner = children.map((child) => writeNode(child, language)).join('\n');
  if (close === 'none') return `${open}>${inner}`;
  return `${open}>${inner}</${close === 'wrong' ? 'span' : tag}>`;
}

/** Wraps markup as a whole file of the language. */
function wrap(markup: string, language: Language): string {
  switch (language) {
    case 'html':
      return `<!doctype html>\n<html><body>\n${markup}\n</body></html>\n`;
    case 'jsx':
      return `export default function Page(props) {\n  return (<>\n${markup}\n</>);\n}\n`;
    case 'tsx':
      return `export const Page = (props: { x?: string }): JSX.Element => (<>\n${markup}\n</>);\n`;
    case 'vue':
      return `<script setup lang="ts">\nconst x = 1;\n</script>\n<template>\n${markup}\n</template>\n`;
    case 'svelte':
      return `<script>\n  let x = 1;\n</script>\n{#if x}\n${markup}\n{/if}\n`;
    case 'markdown':
      return `# Title\n\nSome prose.\n\n\`\`\`html\n${markup}\n\`\`\`\n\n- item\n\n  \`\`\`jsx\n  <div>${markup}</div>\n  \`\`\`\n\n\`\`\`vue\n<template>${markup}</template>\n\`\`\`\n`;
  }
}

/** A mutation of a whole file: the ways real broken input differs from valid input. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(anyText, nasty) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 20 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 40 }), times: fc.integer({ min: 2, max: 50 }) }),
  fc.record({ kind: fc.constant('nest' as const), depth: fc.integer({ min: 50, max: 3000 }), open: fc.constantFrom<string>('<div axag-scope="user">', '<div>', '{#if x}', '<template>', '<p>', '{(', '> '), close: fc.boolean() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

const CLOSING: Record<string, string> = { '{#if x}': '{/if}', '{(': ')}', '[': ']', '{"a":': '}' };

function mutate(text: string, m: Mutation): string {
  if (m.kind === 'nest') {
    const closing = CLOSING[m.open] ?? (m.open.startsWith('<') ? `</${/^<(\w+)/.exec(m.open)![1]}>` : '');
    return `${m.open.repeat(m.depth)}${text}${m.close ? closing.repeat(m.depth) : ''}`;
  }
  const at = Math.floor(m.at * text.length);
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicate':
      return text.slice(0, at) + text.slice(at, at + m.length).repeat(m.times) + text.slice(at);
  }
}

/** A source file of the language: generated markup, sometimes mutated, always mentioning axag. */
export function sourceFile(language: Language): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(node, { minLength: 1, maxLength: 4 }), fc.array(mutation, { maxLength: 3 }), fc.boolean())
    .map(([nodes, mutations, bom]) => {
      let text = wrap(nodes.map((n) => writeNode(n, language)).join('\n'), language);
      for (const m of mutations) text = mutate(text, m);
      return `${bom ? '\ufeff' : ''}${text}${/axag/i.test(text) ? '' : '\n<!-- axag -->'}`;
    });
}

export const EXTENSION: Record<Language, string> = { html: 'html', jsx: 'jsx', tsx: 'tsx', vue: 'vue', svelte: 'svelte', markdown: 'md' };

/** A manifest's data: near the schema, with wrong types, unknown keys and deep values mixed in. */
const manifestData = fc.record(
  {
    version: fc.oneof(fc.constant('1.1.0'), fc.json({ maxDepth: 1 }).map((j) => JSON.parse(j) as unknown)),
    generated_at: fc.constantFrom('2025-01-01T00:00:00Z', 'yesterday', 3),
    source: fc.record({ url: fc.constantFrom('https://example.com', ''), paths: fc.array(word, { maxLength: 2 }), tool: word, tool_version: word }, { requiredKeys: [] }),
    conformance: fc.constantFrom('basic', 'full', 'none'),
    actions: fc.array(
      fc.record(
        {
          intent: fc.oneof(fc.constantFrom('cart.add_item', 'cart.add_itme', 'user.deactivate', 'Cart.Add'), anyText),
          entity: word,
          action_type: fc.constantFrom(...ACTION_TYPES, 'mutate', 5),
          description: anyText,
          risk_level: fc.constantFrom(...RISK_LEVELS, 'extreme'),
          required_parameters: fc.array(fc.record({ name: word, type: fc.constantFrom('string', 'integer', 'date') }, { requiredKeys: [] }), { maxLength: 2 }),
          scope: fc.constantFrom('user', 'tenant', 'public', 'planet'),
          extra: fc.json({ maxDepth: 2 }),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 5 },
    ),
    deep: fc.nat({ max: 200 }).map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n) || 'null') as unknown),
  },
  { requiredKeys: ['actions'] },
);

/** Text mutations that keep the first part of a structured file, or splice random text into it. */
const textMutation = fc.oneof(mutation.filter((m) => m.kind !== 'nest'), fc.record({ kind: fc.constant('nest' as const), depth: fc.integer({ min: 1, max: 500 }), open: fc.constantFrom<string>('[', '{"a":', '- ', '  '), close: fc.boolean() }));

/** A manifest file: JSON or YAML text of manifest-like data, sometimes mutated. */
export const manifestFile = fc
  .tuple(manifestData, fc.constantFrom('json', 'yaml'), fc.array(textMutation, { maxLength: 2 }))
  .map(([data, format, mutations]) => {
    let text = format === 'json' ? JSON.stringify(data, null, 2) : toYaml(data);
    for (const m of mutations) text = mutate(text, m);
    return { format, text };
  });

/** A config file: config-like data (rules, presets, globs, manifest paths) in JSON or YAML, sometimes mutated. */
export const configFile = fc
  .tuple(
    fc.record(
      {
        extends: fc.constantFrom('axag-lint/recommended', 'axag-lint/strict', 'nope', ['axag-lint/strict']),
        rules: fc.dictionary(
          fc.constantFrom('AXAG-LINT-007', 'AXAG-LINT-004', 'axag/macro-syntax', 'AXAG-LINT-023', 'AXAG-LINT-013', 'AXAG-LINT-99', '__proto__', 'constructor', 'x'),
          fc.oneof(fc.constantFrom('off', 'warn', 'error', 'info', 0, 1, 2, 3, 'loud'), fc.tuple(fc.constantFrom('error', 'off'), fc.json({ maxDepth: 2 }).map((j) => JSON.parse(j) as unknown))),
          { maxKeys: 4 },
        ),
        ignorePatterns: fc.array(fc.oneof(word, fc.constantFrom('**', '!', '[', '{a,b', '../*')), { maxLength: 3 }),
        identity: fc.constantFrom('default', 'strict', 'loose'),
        manifestPath: fc.constantFrom('missing.json', '../..', ''),
        unknownKey: fc.json({ maxDepth: 2 }),
      },
      { requiredKeys: [] },
    ),
    fc.constantFrom('json', 'yaml'),
    fc.array(textMutation, { maxLength: 2 }),
  )
  .map(([data, format, mutations]) => {
    let text = format === 'json' ? JSON.stringify(data, null, 2) : toYaml(data);
    for (const m of mutations) text = mutate(text, m);
    return { format, text };
  });

/** YAML by hand (flow style is YAML too), so the generators need no YAML writer: block mappings of flow values. */
function toYaml(data: Record<string, unknown>): string {
  return Object.entries(data)
    .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value) ?? 'null'}`)
    .join('\n');
}
