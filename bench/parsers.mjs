// The bare parsers axag uses, with the options axag's sources export for them, so that a benchmark's baseline
// parses exactly as axag does: the floor (bench/floor.mjs) and the per-type parts (bench/throughput.mjs).
// Markdown is not here: a benchmark reads its fenced blocks with the parsers of their languages.
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { parse as babelParse } from '@babel/parser';
import { parse as vueParse } from '@vue/compiler-dom';
import { parse as parse5Parse } from 'parse5';
import { PARSE5_OPTIONS } from '../dist/src/sources/html.js';
import { babelOptions, SCRIPT_VARIANTS } from '../dist/src/sources/jsx.js';
import { SVELTE_OPTIONS } from '../dist/src/sources/svelte.js';
import { vueOptions } from '../dist/src/sources/vue.js';

const require = createRequire(import.meta.url);

/** Babel with axag's plugin variants, in axag's order: the first that reads the file wins. */
const script = (dialect) => (text) => {
  let error;
  for (const plugins of SCRIPT_VARIANTS[dialect]) {
    try {
      return babelParse(text, babelOptions(plugins));
    } catch (caught) {
      error = caught;
    }
  }
  return error;
};
const html = (text) => parse5Parse(text, PARSE5_OPTIONS);
const vue = (text) => vueParse(text, vueOptions('sfc', () => {}));

const PARSERS = {
  '.html': html,
  '.htm': html,
  '.js': script('js'),
  '.jsx': script('js'),
  '.mjs': script('js'),
  '.cjs': script('js'),
  '.ts': script('ts'),
  '.mts': script('ts'),
  '.cts': script('ts'),
  '.tsx': script('tsx'),
  '.vue': vue,
  '.svelte': (text) => {
    try {
      return require('svelte/compiler').parse(text, SVELTE_OPTIONS);
    } catch (error) {
      return error;
    }
  },
};

const DECLARATION_FILE = /\.d\.(?:[^./\\]+\.)?[cm]?ts$/i;
const declarations = script('dts');

/** The bare parser of a file, by its name: a syntax error is returned, not thrown, since a linter reads on. */
export const parserOf = (path) => (DECLARATION_FILE.test(path) ? declarations : PARSERS[extname(path).toLowerCase()]);
