// Preloaded with `node --import`: appends every module URL the program imports to the file named by
// AXAG_TRACE_IMPORTS, one per line. The resolve hook sees ES module imports; CommonJS `require()` calls
// (inside ajv, say, or a createRequire) bypass it, so every CommonJS module in require.cache is added at exit.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./trace-imports-hooks.mjs', import.meta.url);

const require = createRequire(import.meta.url);
process.on('exit', () => {
  const loaded = Object.keys(require.cache).map((path) => `${pathToFileURL(path).href}\n`);
  appendFileSync(process.env.AXAG_TRACE_IMPORTS, loaded.join(''));
});
