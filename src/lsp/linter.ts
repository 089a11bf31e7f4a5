import { Worker } from 'node:worker_threads';
import type { LintResults } from '../results.js';
import { LSP_LINT_WORKER } from '../package-files.js';
import type { WorkerReply, WorkerRequest } from './lint-protocol.js';

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** What became of a lint. */
export type LintOutcome =
  | { kind: 'results'; results: LintResults }
  | { kind: 'ignored'; reason: string }
  | { kind: 'fatal'; message: string }
  /** The text changed before its turn came: nobody wants the answer. */
  | { kind: 'cancelled' }
  /** It took longer than the time limit: the thread was ended and the file skipped. */
  | { kind: 'timeout'; seconds: number };

interface Job {
  request: Request;
  stale: () => boolean;
  /** No limit for a whole folder: its time grows with the folder, and the user asked for it. */
  limited: boolean;
  resolve: (reply: WorkerReply | { kind: 'cancelled' } | { kind: 'timeout'; seconds: number }) => void;
}

/**
 * The lint worker, one request at a time in order: a request whose text went stale while it waited is dropped
 * unsent, and one that runs past the time limit ends the thread (a new one starts for the next request).
 */
export class Linter {
  private worker: Worker | undefined;
  private readonly queue: Job[] = [];
  private running: { job: Job; id: number; timer: NodeJS.Timeout | undefined } | undefined;
  private nextId = 1;

  constructor(private readonly timeoutMs: number, private readonly log: (message: string) => void) {}

  async lint(request: Omit<Extract<Request, { kind: 'lint' }>, 'kind'>, stale: () => boolean): Promise<LintOutcome> {
    const reply = await this.send({ kind: 'lint', ...request }, stale);
    if (reply.kind === 'results' || reply.kind === 'ignored' || reply.kind === 'fatal' || reply.kind === 'cancelled' || reply.kind === 'timeout') return reply;
    throw new Error(`unexpected reply ${reply.kind} to a lint`);
  }

  /** Every file of a workspace folder, as `axag lint` run there lints them. */
  async lintFolder(request: Omit<Extract<Request, { kind: 'lint-folder' }>, 'kind'>): Promise<LintOutcome> {
    const reply = await this.send({ kind: 'lint-folder', ...request }, () => false, false);
    if (reply.kind === 'results' || reply.kind === 'fatal' || reply.kind === 'timeout') return reply;
    throw new Error(`unexpected reply ${reply.kind} to a folder lint`);
  }

  /** The intents of the manifest that applies to `path` (none without a manifest). */
  async intents(request: Omit<Extract<Request, { kind: 'intents' }>, 'kind'>): Promise<string[]> {
    const reply = await this.send({ kind: 'intents', ...request }, () => false);
    if (reply.kind === 'fatal') this.log(`axag: no intents to complete: ${reply.message}`);
    return reply.kind === 'intents' ? reply.intents : [];
  }

  /** Configs and manifests are read again on the next lint (one of them changed on disk). */
  async forgetConfigs(): Promise<void> {
    await this.send({ kind: 'forget-configs' }, () => false);
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private send(request: Request, stale: () => boolean, limited = true): Promise<WorkerReply | { kind: 'cancelled' } | { kind: 'timeout'; seconds: number }> {
    return new Promise((resolve) => {
      this.queue.push({ request, stale, limited, resolve });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running) return;
    let job = this.queue.shift();
    while (job && job.stale()) {
      job.resolve({ kind: 'cancelled' });
      job = this.queue.shift();
    }
    if (!job) return;
    const id = this.nextId++;
    const timer = job.limited ? setTimeout(() => this.abandon(), this.timeoutMs) : undefined;
    this.running = { job, id, timer };
    this.started().postMessage({ ...job.request, id } as WorkerRequest);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(LSP_LINT_WORKER);
    worker.on('message', (reply: WorkerReply) => {
      if (!this.running || reply.id !== this.running.id) return;
      const { job, timer } = this.running;
      clearTimeout(timer);
      this.running = undefined;
      job.resolve(reply);
      this.pump();
    });
    worker.on('error', (error) => this.restart(`the lint thread failed: ${error.stack ?? error.message}`));
    worker.on('exit', () => {
      if (this.worker === worker) this.restart('the lint thread stopped');
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** The running request took too long: end the thread, skip that request, go on with the others. */
  private abandon(): void {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    running.job.resolve({ kind: 'timeout', seconds: this.timeoutMs / 1000 });
    this.pump();
  }

  private restart(why: string): void {
    this.log(`axag: ${why}; starting a new one`);
    this.worker = undefined;
    const running = this.running;
    if (running) {
      clearTimeout(running.timer);
      this.running = undefined;
      running.job.resolve({ id: running.id, kind: 'fatal', message: `internal error: ${why}` });
    }
    this.pump();
  }
}
