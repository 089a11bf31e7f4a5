/** The thread of ./large-stack.ts: runs one parse job and replies with its document. */
import { parentPort, workerData } from 'node:worker_threads';
import { runParseJob } from './index.js';
import { markLargeStackThread, type ParseJob, type ThreadReply } from './large-stack.js';

markLargeStackThread();
let reply: ThreadReply;
try {
  const document = await runParseJob(workerData as ParseJob);
  reply = document ? { document } : { tooDeep: true };
} catch (error) {
  reply = error instanceof RangeError ? { tooDeep: true } : { error: { message: String((error as Error)?.message ?? error), stack: (error as Error)?.stack } };
}
parentPort!.postMessage(reply);
