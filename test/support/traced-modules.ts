/**
 * The modules a traced run of the built CLI loaded (test/support/trace-imports.mjs logs the files). bin/axag.js
 * runs the CLI bundled into dist/cli/ (scripts/bundle-cli.ts): each bundled file it loaded stands for the modules
 * esbuild put in it, as the build's metafile (dist/cli-meta.json) records them, so that a test still sees which of
 * axag's modules (`…/dist/src/engine/lint.js`) and which packages (`…/node_modules/parse5/…`) a command loads.
 * What is loaded at run time outside the bundle (packages and validators required on first use) stands for itself.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLE_META, ROOT } from '../cli-helpers.js';

const BUNDLE = pathToFileURL(resolve(ROOT, 'dist', 'cli')).href + '/';

/** The URLs of the modules in the trace `log`, bundled files replaced by the modules they hold. */
export function tracedModules(log: string): string[] {
  const { outputs } = JSON.parse(readFileSync(BUNDLE_META, 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  const urls = new Set<string>();
  for (const url of readFileSync(log, 'utf8').split('\n')) {
    if (!url) continue;
    if (!url.startsWith(BUNDLE)) {
      urls.add(url);
      continue;
    }
    const output = outputs[`dist/cli/${url.slice(BUNDLE.length)}`];
    if (!output) throw new Error(`${fileURLToPath(url)} is not in ${BUNDLE_META}: run \`npm run build\``);
    // Input paths are relative to the repository (packages through node_modules' real path).
    for (const input of Object.keys(output.inputs)) urls.add(pathToFileURL(resolve(ROOT, input)).href);
  }
  return [...urls];
}
