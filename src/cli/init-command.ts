import { existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { RULES } from '../../rules/index.js';
import { isPackageJson, PACKAGE_JSON_KEY } from '../config/load.js';
import { CONFIG_FILENAMES, configSourceIn } from '../config/resolve.js';
import { CONFIG_SCHEMA_FILE } from '../config/schema.js';
import { FatalError } from '../errors.js';
import { displayPath } from '../paths.js';
import type { Io } from './io.js';

/**
 * `axag init`: a starter `.axag-lint.json` (the recommended preset, every rule at its default severity), never
 * overwriting. It names the shipped schema in `"$schema"` for editors, and says `"root": true` unless a config in a
 * directory above would apply (then it merges over that one, as a package of a monorepo does).
 */
export function runInit(io: Io): number {
  const existing = configSourceIn(io.cwd);
  if (existing && isPackageJson(existing)) {
    throw new FatalError(`package.json here already has an "${PACKAGE_JSON_KEY}" config; nothing was written (edit it, or remove the key to start again)`);
  }
  if (existing) throw new FatalError(`${basename(existing)} already exists here; nothing was written (edit it, or remove it to start again)`);
  const above = configAbove(io.cwd);
  const config = {
    $schema: schemaReference(io.cwd),
    ...(above === undefined && { root: true }),
    extends: 'axag-lint/recommended',
    rules: Object.fromEntries(RULES.map((rule) => [rule.id, rule.severity === 'warning' ? 'warn' : rule.severity])),
  };
  const path = join(io.cwd, CONFIG_FILENAMES[0]!);
  try {
    writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`, { flag: 'wx' });
  } catch (error) {
    throw new FatalError(`cannot write ${CONFIG_FILENAMES[0]}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  const merged = above === undefined ? '' : `, merged over ${displayPath(above, io.cwd)}`;
  io.stdout.write(`✔ wrote ${CONFIG_FILENAMES[0]}: the recommended preset, every rule at its default severity${merged}\n`);
  return 0;
}

/** The nearest config source in a directory above `dir`. */
function configAbove(dir: string): string | undefined {
  for (let parent = dirname(dir); parent !== dir; dir = parent, parent = dirname(dir)) {
    const found = configSourceIn(parent);
    if (found) return found;
  }
  return undefined;
}

/**
 * `"$schema"` as a path relative to the config (which editors resolve, as VS Code does): to the schema of the
 * axag-lint installed in node_modules here or in a directory above (a monorepo's hoisted one), else to where
 * `npm install --save-dev axag-lint` puts it.
 */
function schemaReference(cwd: string): string {
  const inPackage = join('node_modules', 'axag-lint', ...CONFIG_SCHEMA_FILE.split('/'));
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, inPackage))) {
      const path = relative(cwd, join(dir, inPackage)).split(sep).join('/');
      return path.startsWith('.') ? path : `./${path}`;
    }
    if (dirname(dir) === dir) return `./${inPackage.split(sep).join('/')}`;
  }
}
