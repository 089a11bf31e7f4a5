/**
 * Levenshtein distance, for "did you mean" suggestions. With `max`, only the band of the table within `max` of
 * the diagonal is computed and any distance above `max` comes back as `max + 1`: O(max × length) instead of
 * O(length²), so two long, similar values (a 1 MB intent against a manifest's) cost no more than their length.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a.length > b.length) [a, b] = [b, a];
  const limit = Math.min(max, b.length);
  const over = limit + 1;
  if (b.length - a.length > limit) return over;
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  // previous[j] / current[j]: distance between a[0, i) and b[0, j); cells just outside the band hold `over`.
  let [previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j <= limit ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current[from - 1] = from === 1 && i <= limit ? i : over;
    let best = current[from - 1]!;
    const code = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cost = code === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(over, previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < best) best = value;
    }
    if (to < b.length) current[to + 1] = over;
    if (best > limit) return over;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, over);
}

/** `editDistance`'s two rows, reused: a suggestion may measure thousands of pairs. */
let rows: [Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64)];

/**
 * The candidate closest to `value` within `maxDistance` edits, ignoring case
 * (a difference in case alone beats any other edit); ties go to the
 * alphabetically first. Undefined when nothing is close enough.
 */
export function closest(value: string, candidates: Iterable<string>, maxDistance: number): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = value.toLowerCase();
  for (const candidate of candidates) {
    const distance = distanceWithin(value, lower, candidate, maxDistance);
    if (distance === undefined) continue;
    if (distance < bestDistance || (distance === bestDistance && candidate < best!)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The numbers written in a text, without leading zeros: `AXAG-LINT-013` → `["13"]`. */
function numbersIn(text: string): string[] {
  return (text.match(/\d+/g) ?? []).map((digits) => digits.replace(/^0+(?=\d)/, ''));
}

/**
 * `closest` for references that carry a number (rule ids): numbers are not typos of each other, so a value with a
 * number only matches a candidate with the same numbers (leading zeros aside: `AXAG-LINT-7` means
 * `AXAG-LINT-007`, `AXAG-LINT-13` never `AXAG-LINT-003`), and a value without one only a candidate without one.
 * The value is compared with its numbers written as the candidate writes them.
 */
export function closestKeepingNumbers(value: string, candidates: Iterable<string>, maxDistance: number): string | undefined {
  const numbers = numbersIn(value).join(',');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (numbersIn(candidate).join(',') !== numbers) continue;
    const written = candidate.match(/\d+/g) ?? [];
    let index = 0;
    const rewritten = value.replace(/\d+/g, () => written[index++]!);
    if (candidate === value) continue;
    // The same reference but for how its number or case is written: the best suggestion there is.
    const distance = rewritten.toLowerCase() === candidate.toLowerCase() ? 0 : distanceWithin(rewritten, rewritten.toLowerCase(), candidate, maxDistance);
    if (distance === undefined) continue;
    if (distance < bestDistance || (distance === bestDistance && candidate < best!)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `closest`'s measure: edits ignoring case, 0.5 for a difference in case alone; undefined beyond `maxDistance`. */
function distanceWithin(value: string, lower: string, candidate: string, maxDistance: number): number | undefined {
  if (candidate === value || Math.abs(candidate.length - value.length) > maxDistance) return undefined;
  const edits = editDistance(lower, candidate.toLowerCase(), maxDistance);
  const distance = edits === 0 ? 0.5 : edits;
  return distance > maxDistance ? undefined : distance;
}

/**
 * `closest` over a large, fixed set of candidates (a manifest's intents), asked many times (every intent of a
 * page). Comparing each value with every candidate is quadratic in the size of the two inputs. Instead each
 * candidate is cut into 2k + 1 pieces and filed under each piece (with its length and place): k edits touch at
 * most k pieces, so a candidate within k edits has at least k + 1 pieces intact, each in the value shifted by at
 * most k places. A value is measured only against the candidates that k + 1 of its substrings at those places
 * find. When the pieces are so common that this finds most candidates anyway (thousands of intents that differ in
 * one place), every candidate is measured, as `closest` does. Answers are the same as `closest`'s, and are
 * remembered per value.
 */
export class CloseMatches {
  private readonly filed = new Map<string, string[]>();
  private readonly answers = new Map<string, string | undefined>();
  private readonly pieceCount: number;
  private readonly candidates: string[];

  constructor(
    candidates: Iterable<string>,
    private readonly maxDistance: number,
  ) {
    this.pieceCount = 2 * maxDistance + 1;
    this.candidates = [...new Set(candidates)];
    for (const candidate of this.candidates) {
      const lower = candidate.toLowerCase();
      this.cuts(lower.length).forEach(([start, end], piece) => {
        const key = `${lower.length}:${piece}:${lower.slice(start, end)}`;
        const list = this.filed.get(key);
        if (list) list.push(candidate);
        else this.filed.set(key, [candidate]);
      });
    }
  }

  closest(value: string): string | undefined {
    if (this.answers.has(value)) return this.answers.get(value);
    const answer = closest(value, this.near(value), this.maxDistance);
    this.answers.set(value, answer);
    return answer;
  }

  /** Whether exactly one candidate is within the distance of `value`: then it is what the author meant. */
  isOnlyMatch(value: string, candidate: string): boolean {
    const lower = value.toLowerCase();
    return this.near(value).every((other) => other === candidate || distanceWithin(value, lower, other, this.maxDistance) === undefined);
  }

  /** The candidates worth measuring against `value`: all of them, or those with enough pieces found in it. */
  private near(value: string): readonly string[] {
    const lower = value.toLowerCase();
    const k = this.maxDistance;
    const lists: [number, string[]][] = [];
    let total = 0;
    for (let length = Math.max(0, lower.length - k); length <= lower.length + k; length++) {
      this.cuts(length).forEach(([start, end], piece) => {
        for (let shift = -k; shift <= k; shift++) {
          if (start + shift < 0 || end + shift > lower.length) continue;
          const list = this.filed.get(`${length}:${piece}:${lower.slice(start + shift, end + shift)}`);
          if (!list) continue;
          lists.push([piece, list]);
          total += list.length;
        }
      });
    }
    if (total > this.candidates.length) return this.candidates;
    /** Per candidate, a bit per piece found intact. */
    const found = new Map<string, number>();
    for (const [piece, list] of lists) for (const candidate of list) found.set(candidate, (found.get(candidate) ?? 0) | (1 << piece));
    return [...found].filter(([, pieces]) => bitCount(pieces) >= this.pieceCount - k).map(([candidate]) => candidate);
  }

  /** Where the pieces of a string of this length start and end. */
  private cuts(length: number): [number, number][] {
    const count = this.pieceCount;
    return Array.from({ length: count }, (_, piece) => [Math.floor((piece * length) / count), Math.floor(((piece + 1) * length) / count)]);
  }
}

function bitCount(bits: number): number {
  let count = 0;
  for (; bits; bits &= bits - 1) count++;
  return count;
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
  return correctValue(value, allowed, synonyms)?.value;
}

/**
 * `suggestValue`'s answer, and whether it is certain (spec §10): a case or synonym correction says what the author
 * meant; the closest value is a guess, offered, never applied.
 */
export function correctValue(
  value: string,
  allowed: readonly string[],
  synonyms?: ReadonlyMap<string, string>,
): { value: string; certain: boolean } | undefined {
  const lower = value.toLowerCase();
  if (allowed.includes(lower)) return { value: lower, certain: true };
  const synonym = synonyms?.get(lower);
  if (synonym !== undefined && allowed.includes(synonym)) return { value: synonym, certain: true };
  const near = value ? closest(value, allowed, 2) : undefined;
  return near === undefined ? undefined : { value: near, certain: false };
}
