// Preloaded with `node --import` by the internal-error tests: makes parts of the BUILT axag throw, as a bug would.
//   AXAG_THROW_IN_CHECK=<rule id>        that rule's check throws on every file
//   AXAG_THROW_IN_VUE_PARSER=<marker>    Vue's parser throws on files that contain the marker
//   AXAG_THROW_IN_RESOLVER=1             resolving a file's config throws: an internal error outside any file
import { createRequire } from 'node:module';

const { RULES_BY_ID } = await import('../../dist/rules/index.js');
const { ConfigResolver } = await import('../../dist/src/config/resolve.js');

const check = process.env.AXAG_THROW_IN_CHECK;
if (check) {
  RULES_BY_ID.get(check).check = () => {
    throw new TypeError(`injected failure in ${check}`);
  };
}

const marker = process.env.AXAG_THROW_IN_VUE_PARSER;
if (marker) {
  // Vue's compiler is CommonJS: patched here, before axag imports it, axag's import sees the patched function.
  const vue = createRequire(import.meta.url)('@vue/compiler-dom');
  const parse = vue.parse;
  vue.parse = (text, options) => {
    if (text.includes(marker)) throw new Error('injected failure in the Vue parser');
    return parse(text, options);
  };
}

if (process.env.AXAG_THROW_IN_RESOLVER) {
  ConfigResolver.prototype.forFile = () => {
    throw new TypeError('injected failure in the config resolver');
  };
}
