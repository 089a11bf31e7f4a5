import { extname } from 'node:path';
import { parseStructured, readRequiredFile } from '../structured/document.js';
import { schemaProblems, type SchemaProblem } from '../structured/schema-errors.js';
import { validator } from '../structured/validators.js';
import { MANIFEST_PATTERN_NAMES } from './schema.js';

export interface LoadedManifest {
  path: string;
  /** Every string `intent` of an object anywhere in the document (rule 010 stays useful on a broken manifest). */
  intents: Set<string>;
  problems: SchemaProblem[];
  /** Length of the `actions` list (0 when it is not a list). */
  actionCount: number;
}

/**
 * Reads, parses and validates a manifest. An unreadable or unparsable file is a
 * FatalError naming `displayPath` (with line and column for a syntax error);
 * `missingHint` says where the path came from and what to do if it is wrong.
 */
export function loadManifest(path: string, displayPath: string, missingHint = 'check the path'): LoadedManifest {
  const text = readRequiredFile(path, displayPath, 'manifest', missingHint);
  const document = parseStructured(text, formatOf(path, text), path, displayPath);
  const actions = (document.data as { actions?: unknown } | null)?.actions;
  return {
    path,
    intents: collectIntents(document.data),
    problems: schemaProblems(validator('manifest-v1'), document, { rootName: 'the manifest', patternNames: MANIFEST_PATTERN_NAMES }),
    actionCount: Array.isArray(actions) ? actions.length : 0,
  };
}

function formatOf(path: string, text: string): 'json' | 'yaml' {
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

function collectIntents(data: unknown): Set<string> {
  const intents = new Set<string>();
  const pending = [data];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== 'object') continue;
    const record = node as Record<string, unknown>;
    if (!Array.isArray(node) && typeof record.intent === 'string') intents.add(record.intent.trim());
    for (const value of Object.values(record)) pending.push(value);
  }
  return intents;
}
