import { createHash, hash } from 'node:crypto';
import type { AnnotatedElement, Range } from './model.js';

/**
 * Fingerprints identify a finding by what it is about, never by where it is (inserting lines above it leaves it
 * unchanged) nor by the wording of its message (a message reworded in a new version of axag leaves it unchanged,
 * so a baseline keeps applying): the rule, the element's tag and AXAG attributes, the part of the element the
 * finding points at, and the source values the message quotes. Two identical elements with the same finding share it; consumers number such copies in
 * document order.
 */

const digests = new WeakMap<AnnotatedElement, string>();

/** A digest of an element's tag and AXAG attributes, computed once per element. */
export function elementDigest(element: AnnotatedElement): string {
  let digest = digests.get(element);
  if (digest === undefined) {
    // One string hashed at once: a Hash object per element costs more than the hashing (every action has a digest).
    let content = element.tag;
    for (const attribute of element.attributes) content += `\0${attribute.name}=${attribute.value ?? '\u0001'}`;
    digests.set(element, (digest = shortHash(content)));
  }
  return digest;
}

/**
 * The fingerprint of a rule's finding: the rule, the element's digest, the part of the element its range covers
 * (an attribute's name or a place in its value, the tag name, or a place relative to the start tag), and the
 * values its message quotes (`"param_3"`): several findings of one rule at one place (each duplicate name of a
 * list) differ by them, and a rewording of the message keeps the values it quotes.
 */
export function findingFingerprint(ruleId: string, range: Range, element: AnnotatedElement, message: string): string {
  return fingerprintOf(ruleId, elementDigest(element), `${subjectOf(range, element)}\0${quotedValues(message)}`);
}

/** The double-quoted values of a message, in order (JSON-quoted, as rules quote source values). */
function quotedValues(message: string): string {
  return (message.match(/"(?:[^"\\]|\\.)*"/g) ?? []).join('\0');
}

/**
 * The fingerprint of a finding of a check across files (from the element's digest, carried in plain results), or
 * of a finding with no element: `subject` says what it is about in words no rewording changes (an intent; for
 * input that could not be read, the problem itself).
 */
export function fingerprintOf(ruleId: string, digest: string | undefined, subject: string): string {
  return shortHash(`v2\0${ruleId}\0${digest ?? ''}\0${subject}`);
}

/**
 * The first 128 bits of the SHA-256 of `text`, in hex. Written from the bytes rather than sliced from the whole
 * hex string: results keep these, and a slice would keep its parent alive with it.
 */
function shortHash(text: string): string {
  return hash('sha256', text, 'buffer').toString('hex', 0, 16);
}

/** Which part of the element a range covers, in terms that do not move when lines are inserted above it. */
function subjectOf(range: Range, element: AnnotatedElement): string {
  for (const attribute of element.attributes) {
    if (covers(attribute.nameRange, range)) return `${attribute.name}`;
    // The value is part of the digest: a place in it is as stable as the element is.
    if (covers(attribute.valueRange, range)) return `${attribute.name}=${relative(range, attribute.valueRange)}`;
  }
  if (covers(element.nameRange, range)) return '<tag>';
  return `@${relative(range, { line: element.start.line, column: element.start.column, endLine: element.start.line, endColumn: element.start.column })}`;
}

function covers(outer: Range, inner: Range): boolean {
  const before = (line: number, column: number, otherLine: number, otherColumn: number) => line < otherLine || (line === otherLine && column <= otherColumn);
  return before(outer.line, outer.column, inner.line, inner.column) && before(inner.endLine, inner.endColumn, outer.endLine, outer.endColumn);
}

/** Where `range` lies from the start of `base`: lines down, and the column counted from base's on its first line. */
function relative(range: Range, base: Range): string {
  const at = (line: number, column: number) => `${line - base.line}:${line === base.line ? column - base.column : column}`;
  return `${at(range.line, range.column)}-${at(range.endLine, range.endColumn)}`;
}

/**
 * Version 1 of the fingerprints, which baselines written by axag 0.1 record: rule, message and element. Only
 * computed to read such baselines (a rewording since then does not match, which is why version 2 leaves the
 * message out).
 */
export const legacyFingerprints = {
  /** Elements above this many characters were hashed by their digest (see elementSize). */
  wholeElementLimit: 4096,

  finding(ruleId: string, message: string, element: AnnotatedElement): string {
    const hash = createHash('sha256').update(ruleId).update('\0').update(message);
    if (elementSize(element) <= this.wholeElementLimit) hashElement(hash, element);
    else hash.update('\0\u0002').update(fullElementDigest(element));
    return hash.digest().toString('hex', 0, 16);
  },

  run(ruleId: string, message: string, digest?: string): string {
    const hash = createHash('sha256').update(ruleId).update('\0').update(message);
    if (digest !== undefined) hash.update('\0').update(digest);
    return hash.digest().toString('hex', 0, 16);
  },
};

function hashElement(hash: ReturnType<typeof createHash>, element: AnnotatedElement): void {
  hash.update('\0').update(element.tag);
  for (const attribute of element.attributes) hash.update('\0').update(attribute.name).update('=').update(attribute.value ?? '\u0001');
}

function elementSize(element: AnnotatedElement): number {
  let size = element.tag.length;
  for (const attribute of element.attributes) {
    size += attribute.name.length + (attribute.value?.length ?? 0);
    if (size > legacyFingerprints.wholeElementLimit) break;
  }
  return size;
}

const fullDigests = new WeakMap<AnnotatedElement, string>();

function fullElementDigest(element: AnnotatedElement): string {
  let digest = fullDigests.get(element);
  if (digest === undefined) {
    const hash = createHash('sha256');
    hashElement(hash, element);
    fullDigests.set(element, (digest = hash.digest('hex')));
  }
  return digest;
}
