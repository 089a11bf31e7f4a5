import type { Code, Html, Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { AnnotatedElement, ElementId, Range, SourceComment, SourceDocument, SyntaxProblem } from '../model.js';
import { LineIndex } from '../text/line-index.js';
import { directiveComment, mayContainAnnotations } from './documents.js';

type Position = { line: number; column: number };

/** The fenced-block languages whose annotations are linted (spec §3). */
export const BLOCK_LANGUAGES = ['html', 'jsx', 'tsx', 'vue'] as const;
export type BlockLanguage = (typeof BLOCK_LANGUAGES)[number];

/** Parses one block's text; `label` names the block in syntax errors. */
export type BlockParser = (language: BlockLanguage, text: string, label: string) => Promise<SourceDocument>;

/**
 * Parses the fenced html/jsx/tsx/vue blocks of a Markdown file (BOM already
 * stripped) with a CommonMark parser, wherever they sit (lists, blockquotes,
 * `~~~` fences), and maps every position back into the Markdown file.
 */
export async function parseMarkdown(text: string, parseBlock: BlockParser, options: { mdx: boolean }): Promise<SourceDocument> {
  const lines = new LineIndex(text);
  const elements: AnnotatedElement[] = [];
  // The page a Markdown file documents is the file: an id in one block is an id of the file.
  const ids: ElementId[] = [];
  let dynamicIds = false;
  // Blocks without annotations are read only for their ids, and only when an annotation may name one.
  const readIds = /axag-params-from/i.test(text);
  const comments: SourceComment[] = [];
  const syntaxErrors: SyntaxProblem[] = [];
  for (const block of blocksAndHtml(fromMarkdown(text, options.mdx ? MDX : {}))) {
    if (block.type === 'html') {
      // `<!-- axag-disable-file -->` in the prose applies to the file's blocks.
      const comment = /^<!--([\s\S]*?)-->\s*$/.exec(block.value);
      const found = comment && block.position && directiveComment(comment[1]!, lines, block.position.start.offset!, block.position.end.offset!);
      if (found) comments.push(found);
      continue;
    }
    const language = blockLanguage(block.lang);
    if (!language || !block.position) continue;
    const annotated = mayContainAnnotations(block.value);
    if (!annotated && !readIds) continue;
    const toFile = blockMapping(block.value, block.position.start.line + 1, text, lines);
    const label = `the ${language} code block`;
    const document = await parseBlock(language, withoutHighlightComments(block.value), label);
    for (const id of document.ids) ids.push({ ...id, range: toFile.range(id.range) });
    // A block that could not be read may hold any id.
    dynamicIds ||= document.dynamicIds || document.syntaxErrors.length > 0;
    if (!annotated) continue;
    const offset = elements.length;
    for (const element of document.elements) {
      elements.push({
        ...element,
        nameRange: toFile.range(element.nameRange),
        start: toFile.position(element.start),
        parent: element.parent < 0 ? -1 : element.parent + offset,
        attributes: element.attributes.map((a) => ({
          ...a,
          nameRange: toFile.range(a.nameRange),
          valueRange: toFile.range(a.valueRange),
          ...(a.valuePositions && { valuePositions: a.valuePositions.map(toFile.position) }),
        })),
      });
    }
    for (const comment of document.comments) comments.push({ ...comment, range: toFile.range(comment.range) });
    // Each block stands alone: a range a block's directives open ends with the block.
    if (document.comments.length > 0 && block.position) {
      const end = { line: block.position.end.line, column: block.position.end.column };
      comments.push({ text: ' axag-enable ', range: { ...end, endLine: end.line, endColumn: end.column } });
    }
    for (const problem of document.syntaxErrors) syntaxErrors.push({ ...problem, range: toFile.range(problem.range) });
  }
  return { elements, ids, dynamicIds, comments, syntaxErrors };
}

/**
 * Docusaurus highlight comments (`<!-- highlight-next-line -->`, `-start`, `-end`, and the AXAG docs' own
 * `<!-- axag-highlight-… -->`; in JSX also `{/* highlight-… *\/}`) mark lines for display. Written inside a start
 * tag they would read as attributes (`axag-highlight-next-line`), end the tag early (`-->`) or break JSX (spec §9.2),
 * so they are blanked to spaces of the same length before parsing: every other position stays exact.
 */
const HIGHLIGHT_COMMENT = /<!--[ \t]*(?:axag-)?highlight-(?:start|end|next-line)[ \t]*-->|\{[ \t]*\/\*[ \t]*(?:axag-)?highlight-(?:start|end|next-line)[ \t]*\*\/[ \t]*\}/g;

function withoutHighlightComments(code: string): string {
  return code.replace(HIGHLIGHT_COMMENT, (comment) => ' '.repeat(comment.length));
}

/**
 * MDX reads `<Tabs>` lines as JSX, not as HTML blocks, and has no indented
 * code, so that fences inside components are fences. CommonMark without those
 * two constructs reads an .mdx file's fences the same way.
 */
const MDX = { extensions: [{ disable: { null: ['codeIndented', 'htmlFlow'] } }] };

/** `jsx`, `HTML`, and the VitePress forms `vue{2,4}` and `html:line-numbers`, as a block language; else undefined. */
function blockLanguage(info: string | null | undefined): BlockLanguage | undefined {
  const language = /^([a-z]+)(?:$|[{:])/i.exec(info ?? '')?.[1]?.toLowerCase() as BlockLanguage | undefined;
  return language && BLOCK_LANGUAGES.includes(language) ? language : undefined;
}

/** Fenced code blocks and raw HTML in document order, found without recursion. */
function blocksAndHtml(root: Nodes): (Code | Html)[] {
  const blocks: (Code | Html)[] = [];
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'code' || node.type === 'html') blocks.push(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return blocks;
}

/**
 * Maps a range in a block's text to the Markdown file. The parser drops each
 * line's container prefix (`> `, list indentation) and fence indentation, so
 * a block line is the tail of its file line (after any spaces standing for
 * part of a tab): the difference in length is the column shift of that line.
 */
function blockMapping(value: string, firstLine: number, text: string, lines: LineIndex) {
  const shifts = value.split(/\r\n|\r|\n/).map((blockLine, i) => {
    const fileLine = text.slice(lines.lineStart(firstLine + i), lines.lineStart(firstLine + i + 1)).replace(/\r?\n$|\r$/, '');
    // Negative when the parser turned the unused part of a tab into spaces.
    return fileLine.length - blockLine.length;
  });
  const position = ({ line, column }: Position): Position => ({ line: line + firstLine - 1, column: column + (shifts[line - 1] ?? 0) });
  return {
    position,
    range(range: Range): Range {
      const start = position(range);
      const end = position({ line: range.endLine, column: range.endColumn });
      return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    },
  };
}
