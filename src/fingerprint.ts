import { hash } from 'node:crypto';
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
  let data = `${ruleId}\0${message}`;
  if (element) data += elementSize(element) <= WHOLE_ELEMENT_LIMIT ? `\0${elementText(element)}` : `\0\u0002${wholeElementDigest(element)}`;
  return sha256Hex(data).slice(0, 32);
}

/**
 * SHA-256 of a string's UTF-8 bytes, in hex: the one-shot `crypto.hash` costs a fraction of a Hash object, and a
 * fingerprint is taken for every finding. Joining the parts before hashing gives the digest of hashing them one
 * after the other, as fingerprints were first taken: every joint has an ASCII separator on one side, so no
 * surrogate pair forms across one.
 */
const sha256Hex = (data: string): string => hash('sha256', data, 'hex');

/** The tag and AXAG attributes an element's fingerprints are taken from, NUL-separated. */
function elementText(element: AnnotatedElement): string {
  let text = element.tag;
  for (const attribute of element.attributes) text += `\0${attribute.name}=${attribute.value ?? '\u0001'}`;
  return text;
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
  if (digest === undefined) digests.set(element, (digest = sha256Hex(`\0${elementText(element)}`)));
  return digest;
}

/** A digest of an element's tag and AXAG attributes, carried in plain results for the fingerprints of checks across files. */
export function elementDigest(element: AnnotatedElement): string {
  return sha256Hex(elementText(element)).slice(0, 32);
}

/** The fingerprint of a finding of a check across files: like findingFingerprint, from the element's digest. */
export function runFindingFingerprint(ruleId: string, message: string, digest?: string): string {
  return sha256Hex(digest === undefined ? `${ruleId}\0${message}` : `${ruleId}\0${message}\0${digest}`).slice(0, 32);
}
