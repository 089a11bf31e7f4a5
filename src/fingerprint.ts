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
