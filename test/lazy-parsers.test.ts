/**
 * Each parser is loaded only when a file needs it (issue: Babel loads in ~12 ms,
 * Svelte's compiler in ~100 ms, hermes-parser, for Flow syntax Babel lacks, in ~600 ms). Runs the built CLI with a module-resolution
 * trace and checks which source modules and parser packages were imported.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, axag, project, removeProjects, ROOT } from './cli-helpers.js';
import { tracedModules } from './support/traced-modules.js';

const TRACE = pathToFileURL(join(ROOT, 'test', 'support', 'trace-imports.mjs')).href;

const ANNOTATED = '<button axag-intent="cart.add" axag-entity="cart" axag-action-type="read">Add</button>';
const FILES: Record<string, string> = {
  'page.html': `${ANNOTATED}\n`,
  'Cart.jsx': `export const Cart = () => ${ANNOTATED};\n`,
  'Cart.vue': `<template>${ANNOTATED}</template>\n`,
  'Cart.svelte': `${ANNOTATED}\n`,
  'guide.md': `# Guide\n\n\`\`\`jsx\n${ANNOTATED}\n\`\`\`\n`,
  'plain.jsx': 'export const Plain = () => <button>no annotations</button>;\n',
  'Typed.js': `// @flow\ntype Props = {| +id: string |};\nexport const Cart = (p: Props) => ${ANNOTATED};\n`,
  'Component.js': `// @flow\nexport component Cart(id: string) renders Button {\n  return ${ANNOTATED};\n}\n`,
};

/** Source module → the parser package it imports. */
const PARSERS = {
  html: 'parse5',
  jsx: '@babel/parser',
  flow: 'hermes-parser',
  vue: '@vue/compiler-dom',
  svelte: 'svelte',
  markdown: 'mdast-util-from-markdown',
} as const;
type Source = keyof typeof PARSERS;

let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = project(FILES);
});
afterAll(removeProjects);

async function loadedSources(files: string[], name: string): Promise<Source[]> {
  const log = join(dir, `${name}.trace`);
  const run = await axag(['lint', '--no-config', ...files], { cwd: dir, env: { AXAG_TRACE_IMPORTS: log }, nodeArgs: ['--import', TRACE] });
  if (run.code !== 0) throw new Error(`axag exited ${run.code}: ${run.stderr}${run.stdout}`);
  const urls = tracedModules(log).join('\n');
  return (Object.keys(PARSERS) as Source[]).filter((source) => urls.includes(`/dist/src/sources/${source}.js`));
}

describe('parsers are loaded only when a file needs them', () => {
  it.each([
    [['page.html'], ['html']],
    [['Cart.jsx'], ['jsx']],
    [['Typed.js'], ['jsx']],
    [['Component.js'], ['jsx', 'flow']],
    [['Cart.vue'], ['vue']],
    [['Cart.svelte'], ['svelte']],
    [['guide.md'], ['jsx', 'markdown']],
    [['plain.jsx'], []],
    [['page.html', 'Cart.vue'], ['html', 'vue']],
  ])('%j loads %j', async (files, expected) => {
    expect(await loadedSources(files, files.join('+'))).toEqual(expected);
  });

  it('the trace sees parser packages, so the source modules above stand for them', async () => {
    const log = join(dir, 'packages.trace');
    await axag(['lint', '--no-config', 'Cart.jsx'], { cwd: dir, env: { AXAG_TRACE_IMPORTS: log }, nodeArgs: ['--import', TRACE] });
    const urls = tracedModules(log).join('\n');
    expect(urls).toContain('/node_modules/@babel/parser/');
    expect(urls).not.toContain('/node_modules/parse5/');
    expect(urls).not.toContain('/node_modules/@vue/compiler-dom/');
    expect(urls).not.toContain('/node_modules/hermes-parser/');
    const flowLog = join(dir, 'flow-packages.trace');
    await axag(['lint', '--no-config', 'Component.js'], { cwd: dir, env: { AXAG_TRACE_IMPORTS: flowLog }, nodeArgs: ['--import', TRACE] });
    expect(tracedModules(flowLog).join('\n')).toContain('/node_modules/hermes-parser/');
  });
});

describe('the language server library is loaded only by axag lsp', () => {
  // Not --version: bin/axag.js answers it without loading the CLI at all.
  it.each([[['--help']], [['lint', '--no-config', 'page.html']]])('axag %j does not load vscode-languageserver', async (args) => {
    const log = join(dir, `${args.join('+')}.lsp.trace`);
    const run = await axag(args, { cwd: dir, env: { AXAG_TRACE_IMPORTS: log }, nodeArgs: ['--import', TRACE] });
    expect(run.code).toBe(0);
    const urls = tracedModules(log).join('\n');
    expect(urls).toContain('/dist/src/cli/main.js');
    expect(urls).not.toContain('/node_modules/vscode-languageserver');
    expect(urls).not.toContain('/dist/src/lsp/');
  });
});
