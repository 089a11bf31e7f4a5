/** `npm run docs`: writes docs/rules/<id>.md for every check from its own documentation (test/rule-pages.test.ts keeps them in sync). */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_CHECKS } from '../src/engine/checks.js';
import { ruleDocsPath, rulePage } from '../src/rule-docs.js';

// This runs as dist/scripts/generate-rule-docs.js: the repository root is two folders up.
const root = new URL('../../', import.meta.url);
// A page of a check that no longer exists must go too.
rmSync(new URL('docs/rules/', root), { recursive: true, force: true });
for (const check of ALL_CHECKS) {
  const path = fileURLToPath(new URL(ruleDocsPath(check.id), root));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, rulePage(check));
}
process.stdout.write(`wrote ${ALL_CHECKS.length} pages in docs/rules/\n`);
