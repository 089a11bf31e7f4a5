/** The thread of ./large-stack.ts: runs parse jobs one after another and replies with their documents. */
import { parentPort } from 'node:worker_threads';
import { runParseJob } from './index.js';
import { isStackOverflow, markLargeStackThread, type ParseJob, type ThreadReply } from './large-stack.js';

markLargeStackThread();
parentPort!.on('message', async ({ id, job }: { id: number; job: ParseJob }) => {
  let reply: ThreadReply;
  try {
    reply = { document: await runParseJob(job) };
  } catch (error) {
    reply = isStackOverflow(error) ? { tooDeep: true } : { error: { message: String((error as Error)?.message ?? error), stack: (error as Error)?.stack } };
  }
  parentPort!.postMessage({ id, reply });
});
