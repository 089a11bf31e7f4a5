// Preloaded with `node --import` by the internal-error tests: makes parts of the BUILT axag throw, as a bug would.
//   AXAG_THROW_IN_CHECK=<rule id>        that rule's check throws on every file
//   AXAG_THROW_IN_VUE_PARSER=<marker>    Vue's parser throws on files that contain the marker
//   AXAG_THROW_IN_RESOLVER=1             resolving a file's config throws: an internal error outside any file
//   AXAG_EXIT_WORKER_ON=<marker>         a worker thread that parses a .vue file containing the marker dies (exit code 7)
// Worker threads run this too (node passes --import on to them).
import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import { bundledExport } from './bundled-export.mjs';

const RULES_BY_ID = await bundledExport('rules/index.js', 'RULES_BY_ID');
const ConfigResolver = await bundledExport('src/config/resolve.js', 'ConfigResolver');

const check = process.env.AXAG_THROW_IN_CHECK;
if (check) {
  RULES_BY_ID.get(check).check = () => {
    throw new TypeError(`injected failure in ${check}`);
  };
}

const marker = process.env.AXAG_THROW_IN_VUE_PARSER;
const exitMarker = process.env.AXAG_EXIT_WORKER_ON;
if (marker || (exitMarker && !isMainThread)) {
  // Vue's compiler is CommonJS: patched here, before axag imports it, axag's import sees the patched function.
  const vue = createRequire(import.meta.url)('@vue/compiler-dom');
  const parse = vue.parse;
  vue.parse = (text, options) => {
    if (marker && text.includes(marker)) throw new Error('injected failure in the Vue parser');
    if (exitMarker && text.includes(exitMarker)) process.exit(7);
    return parse(text, options);
  };
}

if (process.env.AXAG_THROW_IN_RESOLVER) {
  ConfigResolver.prototype.forFile = () => {
    throw new TypeError('injected failure in the config resolver');
  };
}
