import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
  homepage: string;
};

export const TOOL = { name: 'axag', version: pkg.version, informationUri: pkg.homepage };
