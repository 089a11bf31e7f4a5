import { extname } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { parseStructured, readRequiredFile } from '../structured/document.js';
import { compileSchema, schemaProblems, type SchemaProblem } from '../structured/schema-errors.js';
import { MANIFEST_PATTERN_NAMES, MANIFEST_SCHEMA } from './schema.js';

export interface LoadedManifest {
  path: string;
  /** Every string `intent` of an object anywhere in the document (rule 010 stays useful on a broken manifest). */
  intents: Set<string>;
  problems: SchemaProblem[];
  /** Length of the `actions` list (0 when it is not a list). */
  actionCount: number;
}

let validator: ValidateFunction | undefined;

/**
 * Reads, parses and validates a manifest. An unreadable or unparsable file is a
 * FatalError naming `displayPath` (with line and column for a syntax error).
 */
export function loadManifest(path: string, displayPath: string): LoadedManifest {
  const text = readRequiredFile(
    path,
    displayPath,
    'manifest',
    'fix --manifest or manifestPath, or remove it to lint without a manifest',
  );
  const document = parseStructured(text, formatOf(path, text), displayPath);
  validator ??= compileSchema(MANIFEST_SCHEMA);
  const actions = (document.data as { actions?: unknown } | null)?.actions;
  return {
    path,
    intents: collectIntents(document.data),
    problems: schemaProblems(validator, document, { rootName: 'the manifest', patternNames: MANIFEST_PATTERN_NAMES }),
    actionCount: Array.isArray(actions) ? actions.length : 0,
  };
}

function formatOf(path: string, text: string): 'json' | 'yaml' {
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

function collectIntents(data: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(data)) {
    for (const item of data) collectIntents(item, into);
  } else if (data !== null && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    if (typeof record.intent === 'string') into.add(record.intent.trim());
    for (const value of Object.values(record)) collectIntents(value, into);
  }
  return into;
}
