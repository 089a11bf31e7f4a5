// Preloaded with `node --import`: appends every module URL the program imports to the file named by
// AXAG_TRACE_IMPORTS, one per line. The resolve hook sees ES module imports; CommonJS `require()` calls
// (inside ajv, say, or a createRequire) bypass it, so every CommonJS module in require.cache is added at exit.
// Standard input and standard error, which Node makes on first access (for a pipe, loading its stream and socket
// modules), are added as `node:process.stdin` and `node:process.stderr` once the program touches them.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./trace-imports-hooks.mjs', import.meta.url);

const streams = new Set();
// After register(): its hooks thread pipes its standard error into the program's, which makes process.stderr, and
// that is the trace's doing, not the program's.
for (const name of ['stdin', 'stderr']) {
  const { get } = Object.getOwnPropertyDescriptor(process, name);
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: true,
    get() {
      streams.add(`node:process.${name}`);
      return get.call(process);
    },
  });
}

const require = createRequire(import.meta.url);
process.on('exit', () => {
  const loaded = [...Object.keys(require.cache).map((path) => pathToFileURL(path).href), ...streams].map((url) => `${url}\n`);
  appendFileSync(process.env.AXAG_TRACE_IMPORTS, loaded.join(''));
});
