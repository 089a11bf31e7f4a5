import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../rules/index.js';
import { CONFIG_FILENAMES } from '../config/resolve.js';
import { FatalError } from '../errors.js';
import type { Io } from './io.js';

/** `axag init`: a starter `.axag-lint.json` (the recommended preset, every rule at its default severity), never overwriting. */
export function runInit(io: Io): number {
  const existing = CONFIG_FILENAMES.find((name) => existsSync(join(io.cwd, name)));
  if (existing) throw new FatalError(`${existing} already exists here; nothing was written (edit it, or remove it to start again)`);
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
