/**
 * The language server's linting thread: the same `lint()`, config and manifest resolution as `axag lint`, off the
 * thread that answers the editor, so that a slow file can be abandoned (the thread is ended) without a hung server.
 */
import { parentPort } from 'node:worker_threads';
import { ConfigResolver } from '../config/resolve.js';
import { lint } from '../engine/lint.js';
import { FatalError } from '../errors.js';
import { expandPaths, ignoreRules, isInNodeModules } from '../files.js';
import { loadManifest } from '../manifest/load.js';
import { displayPath } from '../paths.js';
import type { ResolverSettings, WorkerReply, WorkerRequest } from './lint-protocol.js';

/** One resolver per working directory (a workspace folder) and settings, kept until a config or manifest changes. */
let resolvers = new Map<string, ConfigResolver>();
const resolverFor = ({ cwd, configFile, manifest }: ResolverSettings & { cwd: string }) => {
  const key = JSON.stringify([cwd, configFile, manifest]);
  let resolver = resolvers.get(key);
  if (!resolver) {
    resolver = new ConfigResolver({ cwd, ...(configFile !== undefined && { configFile }), ...(manifest !== undefined && { manifest }) });
    resolvers.set(key, resolver);
  }
  return resolver;
};

const port = parentPort!;
port.on('message', (request: WorkerRequest) => {
  void answer(request).then(
    (reply) => port.postMessage(reply),
    (error: unknown) => {
      // A broken config or manifest is the user's to fix; anything else is a bug, reported the same way (no crash).
      const message = error instanceof FatalError ? error.message : `internal error: ${error instanceof Error ? error.stack : String(error)}`;
      port.postMessage({ id: request.id, kind: 'fatal', message } satisfies WorkerReply);
    },
  );
});

async function answer(request: WorkerRequest): Promise<WorkerReply> {
  switch (request.kind) {
    case 'forget-configs':
      resolvers = new Map();
      return { id: request.id, kind: 'done' };
    case 'intents': {
      const { manifestPath, manifestSchema } = resolverFor(request).forFile(request.path);
      if (manifestPath === undefined) return { id: request.id, kind: 'intents', intents: [] };
      const shown = displayPath(manifestPath, request.cwd);
      const manifest = loadManifest(manifestPath, shown, 'fix manifestPath in the config', manifestSchema);
      return { id: request.id, kind: 'intents', intents: [...manifest.intents].sort() };
    }
    case 'lint': {
      const { path, text, parseAs, cwd, maxFileSize } = request;
      const resolver = resolverFor(request);
      if (isInNodeModules(path, cwd)) return { id: request.id, kind: 'ignored', reason: 'inside node_modules' };
      if (ignoreRules(resolver, { cwd }).ignores(path)) return { id: request.id, kind: 'ignored', reason: 'matched by ignorePatterns' };
      const results = await lint([{ path, text, parseAs }], { cwd, resolver, maxFileSize });
      return { id: request.id, kind: 'results', results };
    }
    case 'lint-folder': {
      const { cwd, maxFileSize } = request;
      const resolver = resolverFor(request);
      // As `axag lint` with no paths in the folder; a folder with nothing to lint is no error here.
      const { files, problems } = await expandPaths(['.'], resolver, { cwd, errorOnUnmatchedPattern: false });
      const results = await lint(files, { cwd, resolver, maxFileSize });
      results.failures.unshift(...problems);
      return { id: request.id, kind: 'results', results };
    }
  }
}
