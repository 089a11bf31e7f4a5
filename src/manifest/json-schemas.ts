import { createRequire } from 'node:module';
import type { ManifestSchemaVersion } from './schema.js';

const require = createRequire(import.meta.url);

/**
 * The manifest JSON Schemas as shipped in `schemas/` (package.json maps `#schemas/*` there), for library
 * users. The linter itself never reads them: it uses the validators compiled from them at build time.
 */
export const MANIFEST_SCHEMAS: Readonly<Record<ManifestSchemaVersion, Record<string, unknown>>> = {
  v1: require('#schemas/manifest-v1.json') as Record<string, unknown>,
  'v1.1': require('#schemas/manifest-v1.1.json') as Record<string, unknown>,
};
