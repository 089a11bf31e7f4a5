import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { RULES } from '../../rules/index.js';
import { isPackageJson, PACKAGE_JSON_KEY } from '../config/load.js';
import { CONFIG_FILENAMES, configSourceIn } from '../config/resolve.js';
import { FatalError } from '../errors.js';
import type { Io } from './io.js';

/** `axag init`: a starter `.axag-lint.json` (the recommended preset, every rule at its default severity), never overwriting. */
export function runInit(io: Io): number {
  const existing = configSourceIn(io.cwd);
  if (existing && isPackageJson(existing)) {
    throw new FatalError(`package.json here already has an "${PACKAGE_JSON_KEY}" config; nothing was written (edit it, or remove the key to start again)`);
  }
  if (existing) throw new FatalError(`${basename(existing)} already exists here; nothing was written (edit it, or remove it to start again)`);
  const config = {
    extends: 'axag-lint/recommended',
    rules: Object.fromEntries(RULES.map((rule) => [rule.id, rule.severity === 'warning' ? 'warn' : rule.severity])),
  };
  const path = join(io.cwd, CONFIG_FILENAMES[0]!);
  try {
    writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`, { flag: 'wx' });
  } catch (error) {
    throw new FatalError(`cannot write ${CONFIG_FILENAMES[0]}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  io.stdout.write(`✔ wrote ${CONFIG_FILENAMES[0]}: the recommended preset, every rule at its default severity\n`);
  return 0;
}
