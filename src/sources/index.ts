import { extname } from 'node:path';
import type { SourceDocument } from '../model.js';
import { parseHtml } from './html.js';

export type SourceParser = (text: string) => SourceDocument;

const PARSERS: Record<string, SourceParser> = {
  '.html': parseHtml,
  '.htm': parseHtml,
};

/** The parser for a file, chosen by its extension, or undefined for a type we do not read. */
export function parserFor(path: string): SourceParser | undefined {
  return PARSERS[extname(path).toLowerCase()];
}

/** Default `include` globs: every source type this build reads. */
export const DEFAULT_INCLUDE = Object.keys(PARSERS).map((ext) => `**/*${ext}`);

/** Spec §3: a file that does not contain the text `axag` needs no parse. */
export function mayContainAnnotations(text: string): boolean {
  return /axag/i.test(text);
}
