import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import type { ManifestSchemaVersion } from '../manifest/schema.js';

/** The JSON Schemas axag validates documents with. */
export type ValidatorName = 'config' | `manifest-${ManifestSchemaVersion}`;

const require = createRequire(import.meta.url);

/**
 * The validator of one of our JSON Schemas, loaded on first use. Each is ajv standalone code that
 * `npm run build` generates into dist/validators/ (scripts/build-validators.ts), so no schema is
 * compiled at run time. package.json maps `#validators/*` there, which resolves the same from the
 * built code and from the TypeScript sources the tests run.
 */
export function validator(name: ValidatorName): ValidateFunction {
  return require(`#validators/${name}.cjs`) as ValidateFunction;
}
