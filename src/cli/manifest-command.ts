import { dirname } from 'node:path';
import { ConfigResolver } from '../config/resolve.js';
import { manifestFindings } from '../engine/lint.js';
import { withoutAnnotations } from '../results.js';
import { loadManifest } from '../manifest/load.js';
import type { ManifestSchemaVersion } from '../manifest/schema.js';
import { absolute, displayPath } from '../paths.js';
import { loadFormatters } from '../formatters/load.js';
import type { Io } from './io.js';
import { plural } from '../text/plural.js';
import { outputWidth, useColor } from './terminal.js';
import { repositoryRoot } from './repository-root.js';
import { TOOL } from './tool.js';

export interface ManifestCheckOptions {
  format: string;
  color?: boolean;
  /** `--schema`; without it, `manifestSchema` of the config that applies to the manifest's directory. */
  schema?: ManifestSchemaVersion;
}

/** `axag manifest check <file>`: 0 valid, 1 invalid, 2 unreadable (via FatalError). */
export async function runManifestCheck(file: string, options: ManifestCheckOptions, io: Io): Promise<number> {
  const path = absolute(file, io.cwd);
  const schema = options.schema ?? new ConfigResolver({ cwd: io.cwd }).forDirectory(dirname(path)).manifestSchema;
  const manifest = loadManifest(path, displayPath(path, io.cwd), undefined, schema);
  const findings = manifestFindings(manifest);
  const results = { files: [withoutAnnotations(path, findings)], filesLinted: 1, failures: [], internalErrors: [], notices: [] };
  const context = {
    cwd: io.cwd,
    root: repositoryRoot(io.cwd, [path]),
    color: useColor(options.color, io.stdout.isTTY === true, io.env),
    width: outputWidth(io.stdout, io.env),
    verbose: false,
    tool: TOOL,
  };
  if (options.format === 'pretty' && findings.length === 0) {
    io.stdout.write(`✔ ${displayPath(path, io.cwd)} is a valid AXAG manifest ${schema} (${plural(manifest.actionCount, 'action')})\n`);
  } else {
    const formatters = await loadFormatters([options.format]);
    for (const piece of formatters.get(options.format)!(results, context)) io.stdout.write(piece);
  }
  return findings.length > 0 ? 1 : 0;
}
