import { createHash } from 'node:crypto';

/**
 * What the cache compares to tell whether something changed (a file's text, a manifest's, the settings a result
 * depends on, the cache file's own second line): SHA-1 in base64, short to store and plenty to tell versions apart.
 */
export function contentHash(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('base64');
}
