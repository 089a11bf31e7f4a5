import { createRequire } from 'node:module';

// By the package's own import map, which resolves the same from dist/src/cli/ and from the bundle in dist/cli/.
const pkg = createRequire(import.meta.url)('#package.json') as { version: string; homepage: string };

export const TOOL = { name: 'axag', version: pkg.version, informationUri: pkg.homepage };
