import { dirname, extname } from 'node:path';
import type { ErrorObject } from 'ajv';
import { ACTION_TYPE_WORD } from '../../rules/AXAG-LINT-004.js';
import { RULES_BY_ID, unknownRuleHint } from '../../rules/index.js';
import type { Identity } from '../engine/element-model.js';
import { FatalError, located } from '../errors.js';
import { parseStructured, readRequiredFile, type DataPath } from '../structured/document.js';
import type { ManifestSchemaVersion } from '../manifest/schema.js';
import { schemaProblems } from '../structured/schema-errors.js';
import { validator } from '../structured/validators.js';
import { CONFIG_SCHEMA } from './schema.js';
import type { SEVERITY_SPELLINGS } from './settings.js';

export type RawSeverity = (typeof SEVERITY_SPELLINGS)[number];
export type RawRuleSetting = RawSeverity | [RawSeverity] | [RawSeverity, Record<string, unknown>];

/** A config file as written, after validation. */
export interface ConfigFile {
  path: string;
  dir: string;
  extends?: string | string[];
  rules?: Record<string, RawRuleSetting>;
  include?: string[];
  ignorePatterns?: string[];
  manifestPath?: string;
  manifestSchema?: ManifestSchemaVersion;
  identity?: Identity;
}

/** Reads and validates a config file; any problem is a FatalError naming the file, line, column and key. */
export function loadConfigFile(path: string, displayPath: string): ConfigFile {
  const text = readRequiredFile(path, displayPath, 'config file', 'fix the --config path');
  if (text.trim() === '') return { path, dir: dirname(path) };
  const format = extname(path).toLowerCase() === '.json' ? 'json' : 'yaml';
  const document = parseStructured(text, format, path, displayPath);
  if (document.data === null || document.data === undefined) return { path, dir: dirname(path) };
  const problems = schemaProblems(validator('config'), document, { rootName: 'the config', unknownKeyHint, special, patternNames: PATTERN_NAMES });
  if (problems.length > 0) {
    const lines = problems.map((problem) => `${located(displayPath, problem.range)}: ${problem.message}`);
    throw new FatalError(
      `invalid config file\n${lines.join('\n')}`,
      problems.map((problem) => ({ path, line: problem.range.line, column: problem.range.column })),
    );
  }
  return { ...(document.data as Omit<ConfigFile, 'path' | 'dir'>), path, dir: dirname(path) };
}

const CONFIG_KEYS = Object.keys(CONFIG_SCHEMA.properties);
const PATTERN_NAMES = { [ACTION_TYPE_WORD]: 'a lower-case action type such as "write"' };

function unknownKeyHint(path: DataPath, key: string): string | undefined {
  if (path.length === 0) return `valid keys are ${CONFIG_KEYS.join(', ')}`;
  if (path.length === 1 && path[0] === 'rules') return unknownRuleHint(key);
  return undefined;
}

/** A rule without options given `[severity, options]`. */
function special(error: ErrorObject, path: DataPath, value: unknown): string | undefined {
  if (error.keyword !== 'maxItems' || path.length !== 2 || path[0] !== 'rules') return undefined;
  const rule = RULES_BY_ID.get(String(path[1]));
  if (rule?.optionsSchema) return undefined;
  return `${path[1]} takes no options; write just its severity, e.g. ${JSON.stringify((value as unknown[])[0])}`;
}
