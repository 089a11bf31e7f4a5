import { extname } from 'node:path';
import { contentHash } from '../text/content-hash.js';
import type { Range } from '../model.js';
import type { ManifestIndex } from '../rule.js';
import { parseStructured, readRequiredFile, type DataPath } from '../structured/document.js';
import { schemaProblems, type Explainer, type SchemaProblem } from '../structured/schema-errors.js';
import { validator } from '../structured/validators.js';
import { readManifestActions, type ManifestAction } from './actions.js';
import { DEFAULT_MANIFEST_SCHEMA, MANIFEST_PATTERN_NAMES, V1_1_ADDITIONS, type ManifestObject, type ManifestSchemaVersion } from './schema.js';

export interface LoadedManifest {
  path: string;
  /** A hash of its text: what its findings and the checks across files read of it is unchanged while this is. */
  digest: string;
  /** The schema it was validated against. */
  schema: ManifestSchemaVersion;
  /** Every string `intent` of an object anywhere in the document (rule 010 stays useful on a broken manifest). */
  intents: Set<string>;
  problems: SchemaProblem[];
  /** Length of the `actions` list (0 when it is not a list). */
  actionCount: number;
  /** The actions of the `actions` list that have a string intent, by intent (the first of a repeated intent). */
  actions: ReadonlyMap<string, ManifestAction>;
  /** Where the `intent` of the action at `index` of `actions` is written. */
  locateIntent(index: number): Range;
}

/**
 * Reads, parses and validates a manifest against the manifest schema `schema`. An unreadable or
 * unparsable file is a FatalError naming `displayPath` (with line and column for a syntax error);
 * `missingHint` says where the path came from and what to do if it is wrong.
 */
export function loadManifest(
  path: string,
  displayPath: string,
  missingHint = 'check the path',
  schema: ManifestSchemaVersion = DEFAULT_MANIFEST_SCHEMA,
): LoadedManifest {
  const text = readRequiredFile(path, displayPath, 'manifest', missingHint);
  const document = parseStructured(text, formatOf(path, text), path, displayPath);
  const actions = (document.data as { actions?: unknown } | null)?.actions;
  return {
    path,
    digest: contentHash(text),
    schema,
    intents: collectIntents(document.data),
    problems: schemaProblems(validator(`manifest-${schema}`), document, EXPLAINERS[schema]),
    actionCount: Array.isArray(actions) ? actions.length : 0,
    actions: readManifestActions(document.data),
    locateIntent: (index) => document.locate(['actions', index, 'intent']),
  };
}

/** What the rules read of a loaded manifest, which messages name `displayPath`. */
export function manifestIndex(loaded: LoadedManifest, displayPath: string): ManifestIndex {
  return { displayPath, intents: loaded.intents, schema: loaded.schema, actions: loaded.actions };
}

const NEW_IN_V1_1 = 'is new in manifest v1.1, and this manifest is checked against v1';

const EXPLAINERS: Record<ManifestSchemaVersion, Explainer> = {
  'v1.1': { rootName: 'the manifest', patternNames: MANIFEST_PATTERN_NAMES },
  // Under v1, say so when the manifest uses what only v1.1 allows: the author may have meant v1.1.
  v1: {
    rootName: 'the manifest',
    patternNames: MANIFEST_PATTERN_NAMES,
    unknownKeyHint: (path, key) => {
      const kind = objectKind(path);
      return kind && V1_1_ADDITIONS.keys[kind].includes(key) ? `"${key}" ${NEW_IN_V1_1}` : undefined;
    },
    enumValueHint: (path, value) => {
      const kind = objectKind(path.slice(0, -1));
      const added = kind && V1_1_ADDITIONS.values[kind]?.[String(path.at(-1))];
      return typeof value === 'string' && added && added.includes(value) ? `"${value}" ${NEW_IN_V1_1}` : undefined;
    },
  },
};

/** Which object of the manifest `path` leads to, if it is one whose keys the schemas list. */
function objectKind(path: DataPath): ManifestObject | undefined {
  if (path.length === 0) return 'manifest';
  if (path.length === 2 && path[0] === 'actions' && typeof path[1] === 'number') return 'action';
  const inParameterList = path[2] === 'required_parameters' || path[2] === 'optional_parameters';
  if (path.length === 4 && path[0] === 'actions' && inParameterList && typeof path[3] === 'number') return 'parameter';
  return undefined;
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
