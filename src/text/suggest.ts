/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to `value` within `maxDistance` edits, ignoring case
 * (a difference in case alone beats any other edit); ties go to the
 * alphabetically first. Undefined when nothing is close enough.
 */
export function closest(value: string, candidates: Iterable<string>, maxDistance: number): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === value || Math.abs(candidate.length - value.length) > maxDistance) continue;
    const edits = editDistance(value.toLowerCase(), candidate.toLowerCase());
    const distance = edits === 0 ? 0.5 : edits;
    if (distance > maxDistance) continue;
    if (distance < bestDistance || (distance === bestDistance && candidate < best!)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

const MAX_QUOTED = 60;

/** A source value quoted for a message, shortened when long. */
export function quote(value: string): string {
  const shown = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED - 1)}…` : value;
  return JSON.stringify(shown);
}

/**
 * The allowed value a mistyped enum value most likely means: the same word in
 * another case, a known synonym (at any distance), or the closest value within
 * two edits. Suggestions never make a value valid.
 */
export function suggestValue(value: string, allowed: readonly string[], synonyms?: ReadonlyMap<string, string>): string | undefined {
  const lower = value.toLowerCase();
  if (allowed.includes(lower)) return lower;
  const synonym = synonyms?.get(lower);
  if (synonym !== undefined && allowed.includes(synonym)) return synonym;
  return value ? closest(value, allowed, 2) : undefined;
}
