import { basename, dirname, extname } from 'node:path';
import type { ErrorObject } from 'ajv';
import { ACTION_TYPE_WORD } from '../../rules/AXAG-LINT-004.js';
import { RULES_BY_ID, resolveRuleReference } from '../../rules/index.js';
import { SCOPE_WORD } from '../../rules/scope-value.js';
import type { Identity } from '../engine/element-model.js';
import { FatalError, located, type Notice } from '../errors.js';
import { parseStructured, readRequiredFile, type DataPath, type StructuredDocument } from '../structured/document.js';
import type { ManifestSchemaVersion } from '../manifest/schema.js';
import { schemaProblems } from '../structured/schema-errors.js';
import { validator } from '../structured/validators.js';
import { stripBom } from '../text/line-index.js';
import { CONFIG_SCHEMA, IGNORED_KEYS } from './schema.js';
import type { SEVERITY_SPELLINGS } from './settings.js';
import { escapeControl } from '../text/safe-text.js';

export type RawSeverity = (typeof SEVERITY_SPELLINGS)[number];
export type RawRuleSetting = RawSeverity | [RawSeverity] | [RawSeverity, Record<string, unknown>];

/** A config file as written, after validation, with rule references resolved to rule ids. */
export interface ConfigFile {
  path: string;
  dir: string;
  /** How messages name the file (relative to the working directory). */
  displayPath: string;
  /** Configs in the directories above do not apply. */
  root?: boolean;
  extends?: string | string[];
  /** By rule id; of two entries for one rule (an id and its alias), the one written last. */
  rules?: Record<string, RawRuleSetting>;
  /** How `rules` wrote each rule id (by id, by name, or by another linter's number). */
  ruleReferences?: Record<string, string>;
  include?: string[];
  ignorePatterns?: string[];
  /** The other AXAG linter's name for ignorePatterns. */
  exclude?: string[];
  manifestPath?: string;
  manifestSchema?: ManifestSchemaVersion;
  identity?: Identity;
  /** What was ignored, in document order. */
  notices: Notice[];
  /** Where the key (or the array entry) at a path of the document is; line 1, column 1 when the file is empty. */
  at(path: DataPath): { line: number; column: number };
}

/** The key of package.json that holds a config (spec §5). */
export const PACKAGE_JSON_KEY = 'axag-lint';

export function isPackageJson(path: string): boolean {
  return basename(path) === 'package.json';
}

/**
 * Reads and validates a config file, or the `axag-lint` key of a package.json; any problem is a FatalError naming
 * the file, line, column and key.
 */
export function loadConfigFile(path: string, displayPath: string): ConfigFile {
  const text = readRequiredFile(path, displayPath, 'config file', 'fix the --config path');
  if (isPackageJson(path)) {
    const section = packageJsonSection(text, path, displayPath);
    if (!section) throw new FatalError(`${displayPath} has no "${PACKAGE_JSON_KEY}" key; add the config there, or use a config file`);
    return validated(section, path, displayPath, `the "${PACKAGE_JSON_KEY}" config`, `invalid "${PACKAGE_JSON_KEY}" config in ${displayPath}`);
  }
  if (text.trim() === '') return emptyConfig(path, displayPath);
  // JSON config files may hold comments and trailing commas, as VS Code's settings do; package.json may not.
  const format = extname(path).toLowerCase() === '.json' ? 'jsonc' : 'yaml';
  return validated(parseStructured(text, format, path, displayPath), path, displayPath, 'the config', 'invalid config file');
}

/**
 * Whether a package.json is a config source: its top-level object has the `axag-lint` key. One that does not parse
 * is, when its text names the key (a FatalError when it is loaded, rather than a config silently passed over); one
 * that does not name it is not read further, so a broken package.json elsewhere never stops a run.
 */
export function packageJsonHasConfig(text: string): boolean {
  if (!text.includes(`"${PACKAGE_JSON_KEY}"`)) return false;
  try {
    const data: unknown = JSON.parse(stripBom(text));
    return isObject(data) && Object.hasOwn(data, PACKAGE_JSON_KEY);
  } catch {
    return true;
  }
}

/** The `axag-lint` value of a package.json as a document of its own, located in the package.json; undefined without it. */
function packageJsonSection(text: string, path: string, displayPath: string): StructuredDocument | undefined {
  let whole: StructuredDocument;
  try {
    whole = parseStructured(text, 'json', path, displayPath);
  } catch (error) {
    if (!(error instanceof FatalError)) throw error;
    throw new FatalError(`cannot read the "${PACKAGE_JSON_KEY}" config: ${error.message}`, error.locations);
  }
  if (!isObject(whole.data) || !Object.hasOwn(whole.data, PACKAGE_JSON_KEY)) return undefined;
  return { data: whole.data[PACKAGE_JSON_KEY], locate: (at, part) => whole.locate([PACKAGE_JSON_KEY, ...at], part) };
}

/** The config of an empty file, or of none (`path` ''): no settings. */
export function emptyConfig(path: string, displayPath: string, dir = dirname(path)): ConfigFile {
  return { path, dir, displayPath, notices: [], at: () => ({ line: 1, column: 1 }) };
}

function validated(document: StructuredDocument, path: string, displayPath: string, rootName: string, heading: string): ConfigFile {
  const at = (key: DataPath) => {
    const { line, column } = document.locate(key, 'key');
    return { line, column };
  };
  const file: ConfigFile = { ...emptyConfig(path, displayPath), at };
  if (document.data === null || document.data === undefined) return file;
  const problems = schemaProblems(validator('config'), document, { rootName, unknownKeyHint, special, patternNames: PATTERN_NAMES });
  if (problems.length > 0) {
    // One line per problem, whatever the keys and file names hold: the message goes to a terminal or CI log.
    const lines = problems.map((problem) => escapeControl(`${located(displayPath, problem.range)}: ${problem.message}`));
    throw new FatalError(
      `${escapeControl(heading)}\n${lines.join('\n')}`,
      problems.map((problem) => ({ path, line: problem.range.line, column: problem.range.column })),
    );
  }

  const notice = (message: string, at: DataPath): Notice => {
    const { line, column } = document.locate(at, 'key');
    return { message, location: { path, line, column } };
  };
  // `$schema` only serves editors.
  const { rules, $schema: _schema, ...rest } = document.data as Omit<ConfigFile, 'path' | 'dir' | 'displayPath' | 'notices' | 'at'> & Record<string, unknown>;
  for (const [key, message] of Object.entries(IGNORED_KEYS)) {
    if (!Object.hasOwn(rest, key)) continue;
    file.notices.push(notice(message, [key]));
    delete rest[key];
  }
  if (rules) {
    file.rules = {};
    // A rule named twice (by id and name, or by an alias): the later entry applies, as a later key does in JSON.
    const namedBy = new Map<string, string>();
    for (const [reference, setting] of Object.entries(rules)) {
      const resolved = resolveRuleReference(reference);
      if (resolved.kind === 'ignored') file.notices.push(notice(`${resolved.reason}; ignored`, ['rules', reference]));
      if (resolved.kind !== 'rule') continue;
      const earlier = namedBy.get(resolved.id);
      if (earlier !== undefined) {
        const message = `${reference} and ${earlier} name the same rule, ${resolved.id}; the later entry, ${reference}, applies: remove one`;
        file.notices.push(notice(message, ['rules', reference]));
      }
      namedBy.set(resolved.id, reference);
      file.rules[resolved.id] = setting;
    }
    file.ruleReferences = Object.fromEntries(namedBy);
  }
  file.notices.sort((a, b) => a.location!.line - b.location!.line || a.location!.column - b.location!.column);
  return { ...rest, ...file };
}

const CONFIG_KEYS = Object.keys(CONFIG_SCHEMA.properties).filter((key) => !Object.hasOwn(IGNORED_KEYS, key) && key !== '$schema');
const PATTERN_NAMES = {
  [ACTION_TYPE_WORD]: 'a lower-case action type such as "write"',
  [SCOPE_WORD]: 'a lower-case scope such as "tenant"',
};

function unknownKeyHint(path: DataPath, key: string): string | undefined {
  if (path.length === 0) return `valid keys are ${CONFIG_KEYS.join(', ')}`;
  if (path.length === 1 && path[0] === 'rules') {
    const resolved = resolveRuleReference(key);
    return resolved.kind === 'unknown' ? resolved.hint : undefined;
  }
  return undefined;
}

/** A rule without options given `[severity, options]`. */
function special(error: ErrorObject, path: DataPath, value: unknown): string | undefined {
  if (error.keyword !== 'maxItems' || path.length !== 2 || path[0] !== 'rules') return undefined;
  const resolved = resolveRuleReference(String(path[1]));
  if (resolved.kind !== 'rule' || RULES_BY_ID.get(resolved.id)?.optionsSchema) return undefined;
  return `${path[1]} takes no options; write just its severity, e.g. ${JSON.stringify((value as unknown[])[0])}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
