import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, isAbsolute, resolve } from 'node:path';
import { FatalError, located } from '../errors.js';
import { displayPath } from '../paths.js';
import type { ConfigFile } from './load.js';
import { PRESETS } from './presets.js';

/** What an `extends` entry names: a built-in preset, or a config file (given by path or found in a package). */
export type ExtendsTarget = { kind: 'preset'; name: string } | { kind: 'file'; path: string };

/** The prefix of config packages, as `eslint-config` is ESLint's: `foo` means `axag-config-foo`. */
export const PACKAGE_PREFIX = 'axag-config';
const PRESET_NAMESPACES = ['axag-lint/', '@axag/lint/'];
const CONFIG_EXTENSIONS = ['.json', '.yaml', '.yml'];
/** An npm package name (or the shorthand of one), optionally with a path inside the package. */
const PACKAGE_NAME = /^(?:@[a-z0-9][\w.~-]*(?:\/[a-z0-9][\w.~-]*)?|[a-z0-9][\w.~-]*)(?:\/[^\\]+)?$/i;

/**
 * Resolves entry `index` of a config's `extends`: a preset by name; `./x.json`, `../x.yaml` or an absolute path,
 * relative to the config file; anything else an npm package (`axag-config-foo`, `@scope/axag-config`,
 * `@scope/axag-config-foo`, with ESLint's shorthands `foo`, `@scope`, `@scope/foo`, and a file in it:
 * `axag-config-foo/strict.json`), found from the config file's directory as Node's `require` finds it. What cannot
 * be resolved is a FatalError at the entry's line and column, saying what to do.
 */
export function resolveExtends(file: ConfigFile, index: number, cwd: string): ExtendsTarget {
  const entry = [file.extends ?? []].flat()[index]!;
  const position = file.at(Array.isArray(file.extends) ? ['extends', index] : ['extends']);
  const fail = (message: string): never => {
    throw new FatalError(`${located(file.displayPath, position)}: ${message}`, [{ path: file.path, ...position }]);
  };
  if (Object.hasOwn(PRESETS, entry)) return { kind: 'preset', name: entry };
  if (PRESET_NAMESPACES.some((namespace) => entry.startsWith(namespace))) {
    fail(`extends "${entry}": no such preset; the presets are ${Object.keys(PRESETS).join(', ')}`);
  }

  if (isAbsolute(entry) || /^\.\.?(?:[\\/]|$)/.test(entry)) {
    const path = resolve(file.dir, entry);
    if (!existsSync(path)) fail(`extends "${entry}": no such file (${displayPath(path, cwd)}); fix the path, which is relative to this config file`);
    return { kind: 'file', path: readable(path, entry, fail) };
  }

  if (!PACKAGE_NAME.test(entry)) {
    fail(`extends "${entry}" is not a preset, a path or a package name; the presets are ${Object.keys(PRESETS).join(', ')}, a path starts with ./ or ../`);
  }
  const name = packageName(entry);
  const shown = name === entry ? `"${entry}"` : `"${entry}" (${name})`;
  let path: string;
  try {
    // From the config file itself: its own node_modules first, then those of the directories above, as Node does.
    path = createRequire(file.path).resolve(name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const packageOnly = packageOf(name);
    if (code === 'MODULE_NOT_FOUND' && packageOnly !== name && canResolve(file.path, `${packageOnly}/package.json`)) {
      fail(`extends ${shown}: package ${packageOnly} has no file ${name.slice(packageOnly.length + 1)}; fix the path inside the package`);
    }
    if (code === 'MODULE_NOT_FOUND') {
      fail(`extends ${shown}: cannot find the package ${packageOnly} from ${displayPath(file.dir, cwd)}; install it (npm install --save-dev ${packageOnly}), or fix the name`);
    }
    return fail(`extends ${shown}: cannot resolve it: ${firstLine((error as Error).message)}`);
  }
  return { kind: 'file', path: readable(path, entry, fail) };
}

/** A config file axag reads: JSON or YAML (axag never runs a config's code). */
function readable(path: string, entry: string, fail: (message: string) => never): string {
  if (!CONFIG_EXTENSIONS.includes(extname(path).toLowerCase())) {
    fail(`extends "${entry}" resolves to ${path}, which is not a JSON or YAML config; a config package names its .json or .yaml config in "main" (or "exports")`);
  }
  return path;
}

/** The full package name (and path inside it) an entry means, with ESLint's rules for the shorthand. */
export function packageName(entry: string): string {
  const prefixed = (name: string) => (name === PACKAGE_PREFIX || name.startsWith(`${PACKAGE_PREFIX}-`) || name.startsWith(`${PACKAGE_PREFIX}/`) ? name : `${PACKAGE_PREFIX}-${name}`);
  if (!entry.startsWith('@')) return prefixed(entry);
  const slash = entry.indexOf('/');
  return slash === -1 ? `${entry}/${PACKAGE_PREFIX}` : `${entry.slice(0, slash)}/${prefixed(entry.slice(slash + 1))}`;
}

/** The package part of `name/path/inside` or `@scope/name/path/inside`. */
function packageOf(name: string): string {
  return name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/');
}

function canResolve(from: string, name: string): boolean {
  try {
    createRequire(from).resolve(name);
    return true;
  } catch {
    return false;
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!;
}
