import { createHash } from 'node:crypto';
import { sep } from 'node:path';
import { relativePath } from './paths.js';

/** `--shard 2/4`: the second of four parts of a run (1-based, as Jest, Playwright and Vitest count). */
export interface Shard {
  index: number;
  count: number;
}

/**
 * Whether `file` belongs to `shard`: decided by a hash of its path relative to `root` (the repository), with `/`
 * separators and in Unicode NFC (macOS may hand out names in NFD), so every machine and operating system puts a
 * file in the same shard, whatever else the run lints and in whatever order.
 */
export function inShard(file: string, root: string, shard: Shard): boolean {
  if (shard.count === 1) return true;
  const rel = relativePath(root, file);
  const key = (sep === '/' ? rel : rel.split(sep).join('/')).normalize('NFC');
  return createHash('sha1').update(key).digest().readUInt32BE(0) % shard.count === shard.index - 1;
}

/** `runAutomationDetails.id` of a shard's SARIF run: a category of its own (the part before the last `/`). */
export function shardCategory(tool: string, shard: Shard): string {
  return `${tool}/shard-${shard.index}-of-${shard.count}/`;
}
