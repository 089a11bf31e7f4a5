import { extname } from 'node:path';
import type { SourceDocument } from '../model.js';
import { LineIndex } from '../text/line-index.js';
import type { BlockParser } from './markdown.js';
import { nestingLimit, unparsed } from './documents.js';
import { parseWithinStack, type ParseJob } from './large-stack.js';

/**
 * How each file type is read. Parsers are imported on first use, so a run over
 * HTML never loads Babel, and a run over JSX never loads parse5, Vue or Svelte.
 */
interface SourceType {
  /** Names the file's language in syntax errors. */
  label: string;
  /** Linted when a directory is walked with the default `include`; Markdown is opt-in. */
  byDefault: boolean;
  parse(text: string): Promise<SourceDocument>;
  /** Its parser recurses per level of nesting (Babel, Svelte's), so deep text goes to a large stack. */
  recurses: boolean;
}

const once = <T>(load: () => Promise<T>) => {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
};
const html = once(() => import('./html.js'));
const script = once(() => import('./jsx.js'));
const vue = once(() => import('./vue.js'));
const svelte = once(() => import('./svelte.js'));
const markdown = once(() => import('./markdown.js'));

const parseBlockOnce: BlockParser = async (language, text, label) => {
  switch (language) {
    case 'html':
      return (await html()).parseHtml(text);
    case 'vue':
      return (await vue()).parseVue(text, { label, snippet: true });
    default:
      return (await script()).parseScript(text, language === 'tsx' ? 'tsx' : 'js', { label, snippet: true });
  }
};

/** One block too deep for its parser must not cost the Markdown file its other blocks. */
const parseBlock: BlockParser = async (language, text, label) =>
  (await parseWithinStack(() => parseBlockOnce(language, text, label), { block: language, text, label }, language === 'jsx' || language === 'tsx')) ??
  unparsed(nestingLimit(label, text, new LineIndex(text)));

const labelled = (label: string, recurses: boolean, parse: (text: string, label: string) => Promise<SourceDocument>): SourceType => ({
  label,
  byDefault: true,
  parse: (text) => parse(text, label),
  recurses,
});
const HTML = labelled('HTML', false, async (text) => (await html()).parseHtml(text));
const scriptType = (label: string, dialect: 'js' | 'ts' | 'tsx' | 'dts') =>
  labelled(label, true, async (text) => (await script()).parseScript(text, dialect, { label }));
const JAVASCRIPT = scriptType('JavaScript', 'js');
const TYPESCRIPT = scriptType('TypeScript', 'ts');
const DECLARATIONS = scriptType('TypeScript', 'dts');
/** `.d.ts`, `.d.mts`, `.d.cts`, and TypeScript 5's declarations for other files, `styles.d.css.ts`. */
const DECLARATION_FILE = /\.d\.(?:[^./\\]+\.)?[cm]?ts$/i;
const markdownType = (label: string, mdx: boolean): SourceType => ({
  label,
  byDefault: false,
  parse: async (text) => (await markdown()).parseMarkdown(text, parseBlock, { mdx }),
  recurses: false,
});

const TYPES: Record<string, SourceType> = {
  '.html': HTML,
  '.htm': HTML,
  '.jsx': scriptType('JSX', 'js'),
  '.js': JAVASCRIPT,
  '.mjs': JAVASCRIPT,
  '.cjs': JAVASCRIPT,
  '.tsx': scriptType('TSX', 'tsx'),
  '.ts': TYPESCRIPT,
  '.mts': TYPESCRIPT,
  '.cts': TYPESCRIPT,
  '.vue': labelled('the Vue component', false, async (text, label) => (await vue()).parseVue(text, { label })),
  '.svelte': labelled('the Svelte component', true, async (text, label) => (await svelte()).parseSvelte(text, label)),
  '.md': markdownType('Markdown', false),
  '.mdx': markdownType('MDX', true),
};

/** Every extension axag reads, with its dot. */
export const SOURCE_EXTENSIONS = Object.keys(TYPES);

function typeOf(path: string): SourceType | undefined {
  const type = TYPES[extname(path).toLowerCase()];
  return type === TYPESCRIPT && DECLARATION_FILE.test(path) ? DECLARATIONS : type;
}

/** Whether axag reads this type of file. */
export function isSourceFile(path: string): boolean {
  return typeOf(path) !== undefined;
}

/** Markdown: read when named or included explicitly, never by the default walk. */
export function isOptInSource(path: string): boolean {
  return typeOf(path)?.byDefault === false;
}

/** Default `include` globs: every source type read by default (spec §3: not Markdown). */
export const DEFAULT_INCLUDE = Object.entries(TYPES)
  .filter(([, type]) => type.byDefault)
  .map(([extension]) => `**/*${extension}`);

export { mayContainAnnotations } from './documents.js';

/**
 * Parses a file of a type axag reads (BOM already stripped). A syntax error is part of the document, not an
 * exception; so is nesting deeper than a recursive parser can follow even on a large stack.
 */
export async function parseSource(path: string, text: string): Promise<SourceDocument> {
  const type = sourceType(path);
  return (await parseWithinStack(() => type.parse(text), { path, text }, type.recurses)) ?? unparsed(nestingLimit(type.label, text, new LineIndex(text)));
}

/** The parse a large-stack thread repeats (./large-stack.ts); a stack overflow is left to the caller. */
export function runParseJob(job: ParseJob): Promise<SourceDocument> {
  return 'block' in job ? parseBlockOnce(job.block, job.text, job.label) : sourceType(job.path).parse(job.text);
}

function sourceType(path: string): SourceType {
  const type = typeOf(path);
  if (!type) throw new Error(`not a source file: ${path}`);
  return type;
}
