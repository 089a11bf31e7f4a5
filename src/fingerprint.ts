import { createHash } from 'node:crypto';
import type { AnnotatedElement } from './model.js';

/**
 * Identifies a finding by what it says and what it is about, never by where:
 * inserting lines above it leaves it unchanged. Two identical elements with the
 * same finding share it; consumers number such copies in document order.
 */
export function findingFingerprint(ruleId: string, message: string, element?: AnnotatedElement): string {
  const hash = createHash('sha256').update(ruleId).update('\0').update(message);
  if (element) {
    hash.update('\0').update(element.tag);
    for (const attribute of element.attributes) hash.update('\0').update(attribute.name).update('=').update(attribute.value ?? '\u0001');
  }
  return hash.digest('hex').slice(0, 32);
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
