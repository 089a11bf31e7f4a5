import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The manifest JSON Schema as shipped in `schemas/` (package.json maps `#schemas/*` there), for library
 * users. The linter itself never reads it: it uses the validator compiled from it at build time.
 */
export const MANIFEST_SCHEMA = require('#schemas/manifest-v1.json') as Record<string, unknown>;
