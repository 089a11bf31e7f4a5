/**
 * Build step after tsc: writes the shipped config schema (schemas/axag-lint-config.schema.json) from the registered
 * rules, then the validators of it and of the manifest schemas as standalone CommonJS modules into dist/validators/.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { standaloneValidators, writeConfigSchema } from './standalone-validators.js';

writeConfigSchema();
// This runs as dist/scripts/build-validators.js; package.json maps `#validators/*` to dist/validators/.
const out = new URL('../validators/', import.meta.url);
rmSync(out, { recursive: true, force: true });
mkdirSync(out);
for (const [name, code] of Object.entries(standaloneValidators())) writeFileSync(new URL(`${name}.cjs`, out), code);
