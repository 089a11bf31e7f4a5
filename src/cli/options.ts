import { InvalidArgumentError } from 'commander';
import { resolveRuleReference } from '../../rules/index.js';
import { normalizeSeverity, SEVERITY_SPELLINGS, type SeverityLevel } from '../config/settings.js';
import type { Concurrency } from '../engine/concurrency.js';
import { MANIFEST_SCHEMA_RULE } from '../engine/lint.js';
import { DIRECTIVE_RULE } from '../engine/directives.js';
import { INTERNAL_ERROR_RULE, PARSE_ERROR_RULE } from '../engine/lint-document.js';
import { FORMAT_NAMES, isFormatName } from '../formatters/names.js';
import type { Shard } from '../shard.js';

/** Findings about input that could not be read; no severity applies to them. */
const ALWAYS_REPORTED = [PARSE_ERROR_RULE, DIRECTIVE_RULE, MANIFEST_SCHEMA_RULE, INTERNAL_ERROR_RULE];

/**
 * `--rule AXAG-LINT-007:off`, collected into a map by the reference as written: the config resolver resolves it,
 * and warns there about another linter's numbers.
 */
export function parseRuleOption(value: string, previous: Record<string, SeverityLevel> = {}): Record<string, SeverityLevel> {
  const at = value.lastIndexOf(':');
  const id = value.slice(0, at).trim();
  const severity = value.slice(at + 1).trim();
  if (ALWAYS_REPORTED.includes(id)) {
    throw new InvalidArgumentError(`${id} is always reported and cannot be configured: it marks annotations that could not be checked`);
  }
  if (at < 0) throw new InvalidArgumentError('expected <rule-id>:<severity>, e.g. AXAG-LINT-007:off');
  const resolved = resolveRuleReference(id);
  if (resolved.kind === 'unknown') throw new InvalidArgumentError(`unknown rule "${id}"; ${resolved.hint}`);
  // The last --rule for a reference applies, also over one given earlier under another name of the same rule.
  const { [id]: _, ...others } = previous;
  return { ...others, [id]: parseSeverity(severity) };
}

/** A severity on its own: `off`, `warn`, `warning`, `info`, `error`, `0`, `1` or `2`. */
export function parseSeverity(value: string): SeverityLevel {
  const spelling = SEVERITY_SPELLINGS.find((candidate) => String(candidate) === value.trim());
  if (spelling === undefined) throw new InvalidArgumentError(`unknown severity "${value}"; expected one of ${SEVERITY_SPELLINGS.join(', ')}`);
  return normalizeSeverity(spelling);
}

export function parseMaxWarnings(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number of warnings, 0 or more');
  return Number(value);
}

/** `--max-file-size`: bytes, or with a unit (`20MB`, `512KB`, `1GB`); `0` lifts the limit. */
export function parseFileSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(value.trim());
  if (!match) throw new InvalidArgumentError('expected a size such as 20MB, 512KB or 1GB (0 for no limit)');
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb' | 'gb'];
  return Math.round(Number(match[1]) * unit);
}

/** `--concurrency`: a number of threads that lint, the main one included (1: no worker, as `off`), `auto` or `off`, as ESLint takes it. */
export function parseConcurrency(value: string): Concurrency {
  const trimmed = value.trim();
  if (trimmed === 'auto' || trimmed === 'off') return trimmed;
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) throw new InvalidArgumentError('expected a number of threads (1 or more), auto or off');
  return Number(trimmed);
}

export function parseFormat(value: string): string {
  if (!isFormatName(value)) {
    throw new InvalidArgumentError(`unknown format "${value}"; expected one of ${FORMAT_NAMES.join(', ')}`);
  }
  return value;
}

/** `--shard <i>/<n>`: the i-th of n parts, 1 ≤ i ≤ n. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!match) throw new InvalidArgumentError('expected <index>/<count>, e.g. 2/4 for the second of four shards');
  const [index, count] = [Number(match[1]), Number(match[2])];
  if (count < 1) throw new InvalidArgumentError('the number of shards must be 1 or more, e.g. 1/4');
  if (index < 1 || index > count) throw new InvalidArgumentError(`the shard index counts from 1 to ${count}, e.g. 1/${count}`);
  return { index, count };
}
