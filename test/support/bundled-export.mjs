// For preloads (`node --import`) that patch the BUILT axag: bin/axag.js runs the bundle in dist/cli/, which holds
// its own copy of each module of dist/. Every module sits in exactly one bundled file, which its threads load too
// (dist/cli-meta.json, written at build time, says which); that file exports what other bundled files use of it.
import { readFileSync } from 'node:fs';

/** The export `name` of the module `dist/<module>` (say `rules/index.js`) as the bundled CLI runs it. */
export async function bundledExport(module, name) {
  const { outputs } = JSON.parse(readFileSync(new URL('../../dist/cli-meta.json', import.meta.url), 'utf8'));
  const [file, output] = Object.entries(outputs).find(([, output]) => `dist/${module}` in output.inputs) ?? [];
  if (!output?.exports.includes(name)) throw new Error(`no file of the bundled CLI exports ${name} of dist/${module} (dist/cli-meta.json)`);
  return (await import(new URL(`../../${file}`, import.meta.url)))[name];
}
