// Module resolution hooks (they run on Node's loader thread): log, then resolve as usual.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  appendFileSync(process.env.AXAG_TRACE_IMPORTS, `${resolved.url}\n`);
  return resolved;
}
