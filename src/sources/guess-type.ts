/**
 * The source type of text that comes without a file name (`axag lint --stdin` alone), from what it clearly is.
 * Parsed as HTML, a JSX component's `axag-action-type={kind}` is the value "{kind}" and a Vue or Svelte
 * component's directives are attributes: findings that are not true, and true ones missed. The signs below are
 * ones HTML does not have; when none is there the text is HTML, the documented default.
 */

export interface GuessedType {
  /** The file name to parse the text as: its extension picks the parser. */
  parseAs: string;
  /** The type in words, for the note on standard error. */
  label: string;
  /** What gave it away. */
  because: string;
}

export const HTML_GUESS: GuessedType = { parseAs: 'stdin.html', label: 'HTML', because: 'the default' };

/** A module's first statement: what a JSX or TSX file starts with, and an HTML page never does. */
const SCRIPT_START = /^(?:import[\s{*'"]|export\s|const\s|let\s|var\s|function[\s*]|async\s+function|class\s|interface\s|type\s+\w+|declare\s|['"]use (?:client|server|strict)['"])/;
/** TypeScript only: type declarations, annotations of common types, `as const`, type imports. */
const TYPESCRIPT =
  /^\s*(?:export\s+)?(?:interface\s+\w|type\s+\w+\s*(?:<[^>]*>)?\s*=|declare\s)|\bimport\s+type\b|\bas\s+const\b|[\w)]\s*:\s*(?:string|number|boolean|void|unknown|any|React\.\w+|JSX\.Element)\b/m;
/** A Vue single-file component: a `<template>` block at the start of a line, outside any HTML page. */
const VUE_TEMPLATE = /^<template(?:\s[^>]*)?>/m;
const HTML_PAGE = /<!doctype\s|<html[\s>]|<body[\s>]/i;
/** Svelte's blocks, tags and directives. */
const SVELTE = /\{[#:/](?:if|each|await|key|snippet|else|then|catch)\b|\{@(?:html|render|const|debug)\b|\s(?:on|bind|use|transition|in|out|animate):[\w|-]+[\s=>]|\$(?:props|state|derived|effect)\(/;
/** A Markdown heading or code fence on the first line. */
const MARKDOWN_START = /^(?:#{1,6}\s|```|~~~)/;

export function guessSourceType(text: string): GuessedType {
  const first = firstSignificantLine(text);
  if (first === undefined) return HTML_GUESS;
  if (!first.startsWith('<')) {
    if (SCRIPT_START.test(first)) {
      return TYPESCRIPT.test(text)
        ? { parseAs: 'stdin.tsx', label: 'TSX', because: 'it starts as a module and has TypeScript syntax' }
        : { parseAs: 'stdin.jsx', label: 'JSX', because: 'it starts as a JavaScript module' };
    }
    if (MARKDOWN_START.test(first)) return { parseAs: 'stdin.md', label: 'Markdown', because: 'it starts with a Markdown heading or code fence' };
  }
  if (VUE_TEMPLATE.test(text) && !HTML_PAGE.test(text)) return { parseAs: 'stdin.vue', label: 'Vue', because: 'it has a <template> block' };
  if (SVELTE.test(text) && !HTML_PAGE.test(text)) return { parseAs: 'stdin.svelte', label: 'Svelte', because: 'it has Svelte blocks or directives' };
  return HTML_GUESS;
}

/** The first line that is not blank or a comment (`//`, or a line of `/* … *\/`), trimmed; a BOM is skipped. */
function firstSignificantLine(text: string): string | undefined {
  let inComment = false;
  for (const raw of text.replace(/^\uFEFF/, '').split('\n', 200)) {
    let line = raw.trim();
    if (inComment) {
      const end = line.indexOf('*/');
      if (end < 0) continue;
      inComment = false;
      line = line.slice(end + 2).trim();
    }
    if (line.startsWith('/*')) {
      const end = line.indexOf('*/', 2);
      if (end < 0) {
        inComment = true;
        continue;
      }
      line = line.slice(end + 2).trim();
    }
    if (line === '' || line.startsWith('//')) continue;
    return line;
  }
  return undefined;
}
