/**
 * Babel and Svelte's parser recurse, so how deep they follow depends on the call stack, and on the main thread
 * also on how warm the JIT is. Worse, Babel catches some of its own stack overflows and parses on another way
 * (as a script instead of a module, a type instead of an expression), so an overflow cannot always be caught
 * either. A file nested deep enough to come near the main stack's limit is therefore parsed on a thread with a
 * stack large enough for 100,000 levels, whatever ran before it; and so is one that overflows anyway.
 */
import type { Worker } from 'node:worker_threads';
import type { SourceDocument } from '../model.js';
import { LARGE_STACK_THREAD } from '../package-files.js';
import type { BlockLanguage } from './markdown.js';

/** A parse a large-stack thread can repeat: a whole file, by the type its path names, or one Markdown code block. */
export type ParseJob = { path: string; text: string } | { block: BlockLanguage; text: string; label: string };

export type ThreadReply = { document: SourceDocument } | { tooDeep: true } | { error: { message: string; stack?: string } };

/** Enough for 100,000 levels of elements, blocks or parentheses in every source; `AXAG_PARSER_STACK_MB` raises it. */
export const DEFAULT_STACK_MB = 256;

/**
 * Nesting that recursive parsers follow on the main stack on any run, with room to spare: cold, Babel overflowed
 * at 469 parentheses and 6,000 elements, Svelte's parser at 640 elements and 1,100 blocks (bench/limits.mjs).
 */
const MAIN_STACK_NESTING = 150;

function stackMb(): number {
  const requested = Number(process.env.AXAG_PARSER_STACK_MB);
  return Number.isInteger(requested) && requested > 0 ? requested : DEFAULT_STACK_MB;
}

let largeStack = false;

/** Called by the large-stack thread itself: there is no larger stack to retry on. */
export function markLargeStackThread(): void {
  largeStack = true;
}

/**
 * Runs `parse`, or `job` on the large-stack thread when the text nests near the main stack's limit (for a
 * parser that `recurses`) or `parse` overflows. `undefined` when the input nests deeper than even that stack follows.
 */
export async function parseWithinStack(parse: () => Promise<SourceDocument>, job: ParseJob, recurses: boolean): Promise<SourceDocument | undefined> {
  if (!largeStack && recurses && nestingDepth(job.text) > MAIN_STACK_NESTING) return parseOnLargeStack(job);
  try {
    return await parse();
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    return largeStack ? undefined : parseOnLargeStack(job);
  }
}

/** A RangeError is also an invalid string or array length: only a full call stack is a stack overflow. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** Elements with no end tag in HTML and Svelte: `<input>` opens nothing. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const VOID_NAME_MAX = Math.max(...[...VOID_ELEMENTS].map((name) => name.length));
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const LESS_THAN = 60;
const GREATER_THAN = 62;
const SLASH = 47;
const HASH = 35;

/**
 * How deeply the text nests brackets, braces, parentheses, tags and Svelte blocks, read without a parser (strings
 * and comments included): about the depth a recursive parser reaches. A `<` after a name or a closing bracket is a
 * comparison or type arguments, not a tag.
 */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === OPEN_PAREN || code === OPEN_BRACKET) depth++;
    else if (code === CLOSE_PAREN || code === CLOSE_BRACKET || code === CLOSE_BRACE) depth--;
    else if (code === OPEN_BRACE) {
      const next = text.charCodeAt(i + 1);
      // `{#if}` opens a Svelte block and `{/if}` closes one, besides the braces themselves.
      depth += next === HASH ? 2 : next === SLASH ? 0 : 1;
    } else if (code === LESS_THAN) {
      const next = text.charCodeAt(i + 1);
      if (next === SLASH) depth--;
      else if (next === GREATER_THAN) depth++;
      else if (isNameStart(next) && !endsName(text.charCodeAt(i - 1))) {
        // Only a name as short as the void elements' is copied out to look it up: most tags are not one.
        let end = i + 2;
        while (end < text.length && end - i <= VOID_NAME_MAX + 1 && isNamePart(text.charCodeAt(end))) end++;
        const isVoid = end - i - 1 <= VOID_NAME_MAX && VOID_ELEMENTS.has(text.slice(i + 1, end).toLowerCase());
        if (!isVoid) depth++;
        else i = Math.max(i, text.indexOf('>', i));
      }
    } else if (code === SLASH && text.charCodeAt(i + 1) === GREATER_THAN) depth--;
    if (depth > max) max = depth;
  }
  return max;
}

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** What the old pattern `[A-Za-z][\w.:-]*` read after the first letter. */
function isNamePart(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 58 || code === 45;
}

/** A name, a number, `$`, `_` or a closing bracket: what a comparison or type arguments follow. */
function endsName(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57) || code === 36 || code === 95 || code === CLOSE_PAREN || code === CLOSE_BRACKET;
}

/**
 * The large-stack thread, started on first use and kept for the run's other deep files; it does not keep the
 * process alive while it has nothing to do.
 */
let thread: { worker: Worker; stackMb: number; pending: Map<number, (reply: ThreadReply | Error) => void> } | undefined;
let nextJob = 0;

function largeStackThread(): NonNullable<typeof thread> {
  const mb = stackMb();
  if (thread?.stackMb === mb) return thread;
  // The stack size was changed since the thread started (AXAG_PARSER_STACK_MB): only a new thread has the new one.
  void thread?.worker.terminate();
  // Loaded with the first deep file, not at start: node:worker_threads costs every run a few milliseconds.
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const worker = new Worker(LARGE_STACK_THREAD, { resourceLimits: { stackSizeMb: mb } });
  const pending = new Map<number, (reply: ThreadReply | Error) => void>();
  const started = { worker, stackMb: mb, pending };
  const failAll = (error: Error) => {
    if (thread === started) thread = undefined;
    for (const settle of pending.values()) settle(error);
    pending.clear();
  };
  worker.on('message', ({ id, reply }: { id: number; reply: ThreadReply }) => {
    pending.get(id)?.(reply);
    pending.delete(id);
    if (pending.size === 0) worker.unref();
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the large-stack parsing thread exited with code ${code}`)));
  thread = started;
  return started;
}

function parseOnLargeStack(job: ParseJob): Promise<SourceDocument | undefined> {
  const { worker, pending } = largeStackThread();
  const id = nextJob++;
  worker.ref();
  return new Promise((resolve, reject) => {
    pending.set(id, (reply) => {
      if (reply instanceof Error) reject(reply);
      else if ('document' in reply) resolve(reply.document);
      else if ('tooDeep' in reply) resolve(undefined);
      else reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
    });
    worker.postMessage({ id, job });
  });
}
