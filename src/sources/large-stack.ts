/**
 * Babel and Svelte's parser recurse, so how deep they follow depends on the call stack, and on the main thread
 * also on how warm the JIT is: the same file could parse on one run and overflow on the next. A file that overflows
 * the main thread's stack is parsed again on a thread with a stack large enough for 100,000 levels, so its result
 * does not depend on what ran before it.
 */
import { Worker } from 'node:worker_threads';
import type { SourceDocument } from '../model.js';
import type { BlockLanguage } from './markdown.js';

/** A parse a large-stack thread can repeat: a whole file, by the type its path names, or one Markdown code block. */
export type ParseJob = { path: string; text: string } | { block: BlockLanguage; text: string; label: string };

export type ThreadReply = { document: SourceDocument } | { tooDeep: true } | { error: { message: string; stack?: string } };

/** Enough for 100,000 levels of elements, blocks or parentheses in every source; `AXAG_PARSER_STACK_MB` raises it. */
export const DEFAULT_STACK_MB = 256;

function stackMb(): number {
  const requested = Number(process.env.AXAG_PARSER_STACK_MB);
  return Number.isInteger(requested) && requested > 0 ? requested : DEFAULT_STACK_MB;
}

/** Under the test runner this module is TypeScript source; the thread always runs the built JavaScript. */
const THREAD = new URL(import.meta.url.endsWith('.ts') ? '../../dist/src/sources/large-stack-thread.js' : './large-stack-thread.js', import.meta.url);

let largeStack = false;

/** Called by the large-stack thread itself: there is no larger stack to retry on. */
export function markLargeStackThread(): void {
  largeStack = true;
}

/**
 * Runs `parse`; when it overflows the stack, repeats `job` on a large-stack thread. `undefined` when the input
 * nests deeper than even that stack follows.
 */
export async function parseWithinStack(parse: () => Promise<SourceDocument>, job: ParseJob): Promise<SourceDocument | undefined> {
  try {
    return await parse();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return largeStack ? undefined : parseOnLargeStack(job);
  }
}

function parseOnLargeStack(job: ParseJob): Promise<SourceDocument | undefined> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(THREAD, { workerData: job, resourceLimits: { stackSizeMb: stackMb() } });
    worker.once('message', (reply: ThreadReply) => {
      void worker.terminate();
      if ('document' in reply) resolve(reply.document);
      else if ('tooDeep' in reply) resolve(undefined);
      else reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the large-stack parsing thread exited with code ${code} before replying`)));
  });
}
