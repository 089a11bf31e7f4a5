import { createHash } from 'node:crypto';
import type { AnnotatedElement } from './model.js';

/**
 * Elements whose tag and attributes exceed this many characters are hashed by a digest of them, computed once:
 * hashing the whole element into each of its findings made one huge element with many findings (a parameter list
 * of 20,000 names listed twice) quadratic. Smaller elements keep the scheme that baselines already record.
 */
const WHOLE_ELEMENT_LIMIT = 4096;
const digests = new WeakMap<AnnotatedElement, string>();

/**
 * Identifies a finding by what it says and what it is about, never by where:
 * inserting lines above it leaves it unchanged. Two identical elements with the
 * same finding share it; consumers number such copies in document order.
 */
export function findingFingerprint(ruleId: string, message: string, element?: AnnotatedElement): string {
  const hash = createHash('sha256').update(ruleId).update('\0').update(message);
  if (element) {
    if (elementSize(element) <= WHOLE_ELEMENT_LIMIT) hashElement(hash, element);
    else hash.update('\0\u0002').update(wholeElementDigest(element));
  }
  return hash.digest('hex').slice(0, 32);
}

function hashElement(hash: ReturnType<typeof createHash>, element: AnnotatedElement): void {
  hash.update('\0').update(element.tag);
  for (const attribute of element.attributes) hash.update('\0').update(attribute.name).update('=').update(attribute.value ?? '\u0001');
}

function elementSize(element: AnnotatedElement): number {
  let size = element.tag.length;
  for (const attribute of element.attributes) {
    size += attribute.name.length + (attribute.value?.length ?? 0);
    if (size > WHOLE_ELEMENT_LIMIT) break;
  }
  return size;
}

function wholeElementDigest(element: AnnotatedElement): string {
  let digest = digests.get(element);
  if (digest === undefined) {
    const hash = createHash('sha256');
    hashElement(hash, element);
    digests.set(element, (digest = hash.digest('hex')));
  }
  return digest;
}

/** A digest of an element's tag and AXAG attributes, carried in plain results for the fingerprints of checks across files. */
export function elementDigest(element: AnnotatedElement): string {
  const hash = createHash('sha256').update(element.tag);
  for (const attribute of element.attributes) hash.update('\0').update(attribute.name).update('=').update(attribute.value ?? '\u0001');
  return hash.digest('hex').slice(0, 32);
}

/** The fingerprint of a finding of a check across files: like findingFingerprint, from the element's digest. */
export function runFindingFingerprint(ruleId: string, message: string, digest?: string): string {
  const hash = createHash('sha256').update(ruleId).update('\0').update(message);
  if (digest !== undefined) hash.update('\0').update(digest);
  return hash.digest('hex').slice(0, 32);
}
