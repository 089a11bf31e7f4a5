import { readFileSync } from 'node:fs';
import { PACKAGE_JSON } from '../package-files.js';

const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string; homepage: string };

export const TOOL = { name: 'axag', version: pkg.version, informationUri: pkg.homepage };
