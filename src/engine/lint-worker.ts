/**
 * A worker thread of a run with `concurrency` (see worker-pool.ts): lints the files it is sent, one after the
 * other, in the order sent, and posts each outcome back.
 */
import { parentPort } from 'node:worker_threads';
import { lintFile, type FileSettings } from './lint-file.js';
import type { WorkerRequest, WorkerReply } from './worker-pool.js';

const port = parentPort!;
const settings = new Map<number, FileSettings>();
let queue = Promise.resolve();

port.postMessage('ready');

port.on('message', (request: WorkerRequest) => {
  if (request.settings) settings.set(request.settingsId, request.settings);
  // lintFile awaits (a parser's first import): without the queue, the next file would start meanwhile, and the
  // pool could no longer tell which file a crash or a hang belongs to. A rejection ends the thread: the pool reports it.
  queue = queue.then(async () => {
    const reply: WorkerReply = { index: request.index, outcome: await lintFile(request.task, settings.get(request.settingsId)!) };
    port.postMessage(reply);
  });
});
