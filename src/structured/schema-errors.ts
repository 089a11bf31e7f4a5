import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Range } from '../model.js';
import type { DataPath, StructuredDocument } from './document.js';

/** A schema violation with the place it is at. */
export interface SchemaProblem {
  message: string;
  range: Range;
}

/** Validates a parsed document and explains each problem, in document order. */
export function schemaProblems(validate: ValidateFunction, document: StructuredDocument, explainer: Explainer): SchemaProblem[] {
  if (validate(document.data)) return [];
  const errors = (validate.errors ?? []).filter((error) => !UMBRELLA_KEYWORDS.has(error.keyword));
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of errors) {
    const path = dataPath(error.instancePath, document.data);
    const problem = explain(error, path, document, explainer);
    const key = `${problem.range.line}:${problem.range.column}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}

/** What the caller knows that makes messages readable. */
export interface Explainer {
  /** How to name the document's root in messages ("the manifest"). */
  rootName: string;
  /** Advice for an unknown key at `path` ("did you mean …"), appended to its message. */
  unknownKeyHint?: (path: DataPath, key: string) => string | undefined;
  /** Advice for a value outside an enum at `path`, appended to its message. */
  enumValueHint?: (path: DataPath, value: unknown) => string | undefined;
  /** What a `pattern` means, by pattern source: "a semantic version such as 1.0.0". */
  patternNames?: Readonly<Record<string, string>>;
  /** A message of the caller's own for an error it knows better, else undefined. */
  special?: (error: ErrorObject, path: DataPath, value: unknown) => string | undefined;
}

/** Keywords whose errors only repeat a more specific one (additionalItems comes with maxItems). */
const UMBRELLA_KEYWORDS = new Set(['if', 'anyOf', 'oneOf', 'additionalItems']);

function explain(error: ErrorObject, path: DataPath, document: StructuredDocument, explainer: Explainer): SchemaProblem {
  const where = path.length === 0 ? explainer.rootName : displayPath(path);
  const value = valueAt(document.data, path);
  const params = error.params as Record<string, unknown>;
  const special = explainer.special?.(error, path, value);
  if (special) return { message: special, range: document.locate(path) };
  const limit = Number(params.limit);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const hint = explainer.unknownKeyHint?.(path, key);
      return {
        message: `unknown key "${key}" in ${where}${hint ? `; ${hint}` : ''}`,
        range: document.locate([...path, key], 'key'),
      };
    }
    case 'required':
      return {
        message: `${where} is missing the required key "${String(params.missingProperty)}"`,
        range: document.locate(path),
      };
    case 'enum': {
      const hint = explainer.enumValueHint?.(path, value);
      return {
        message: `${where} must be one of ${(params.allowedValues as unknown[]).map(show).join(', ')}; got ${show(value)}${hint ? `; ${hint}` : ''}`,
        range: document.locate(path),
      };
    }
    case 'type': {
      const quoteIt = params.type === 'string' && (typeof value === 'number' || typeof value === 'boolean');
      const hint = quoteIt ? '; put the value in quotes' : '';
      return { message: `${where} must be ${article(String(params.type))}; got ${show(value)}${hint}`, range: document.locate(path) };
    }
    case 'minItems':
    case 'minLength':
      return { message: `${where} must not be ${limit === 1 ? 'empty' : `shorter than ${limit}`}`, range: document.locate(path) };
    case 'maxItems':
      return { message: `${where} must have at most ${limit} item${limit === 1 ? '' : 's'}`, range: document.locate(path) };
    case 'uniqueItems': {
      const repeated = (value as unknown[])[Number(params.i)];
      return { message: `${where} lists ${show(repeated)} more than once`, range: document.locate(path) };
    }
    case 'minimum':
      return { message: `${where} must be at least ${limit}; got ${show(value)}`, range: document.locate(path) };
    case 'pattern': {
      const meaning = explainer.patternNames?.[String(params.pattern)];
      const expected = meaning ? `is not ${meaning}` : `does not match ${String(params.pattern)}`;
      return { message: `${where} ${show(value)} ${expected}`, range: document.locate(path) };
    }
    case 'format':
      return { message: `${where} ${show(value)} is not a valid ${String(params.format)}`, range: document.locate(path) };
    default:
      return { message: `${where} ${error.message ?? 'is invalid'}`, range: document.locate(path) };
  }
}

/** JSON pointer to path segments, with array indexes as numbers. */
function dataPath(pointer: string, data: unknown): DataPath {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const index = Array.isArray(node) ? Number(segment) : NaN;
    path.push(Number.isInteger(index) ? index : segment);
    node = (node as Record<string, unknown> | undefined)?.[segment];
  }
  return path;
}

function valueAt(data: unknown, path: DataPath): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], data);
}

/** `actions[0].intent` */
function displayPath(path: DataPath): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
