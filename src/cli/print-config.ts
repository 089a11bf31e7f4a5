import type { ResolvedConfig } from '../config/settings.js';
import { displayPath } from '../paths.js';

/** `--print-config <file>`: the configuration that applies to a file, as JSON a config file could hold. */
export function printConfig(config: ResolvedConfig, cwd: string): string {
  const rules = Object.fromEntries(
    Object.entries(config.rules).map(([id, { severity, options }]) => [id, Object.keys(options).length > 0 ? [severity, options] : severity]),
  );
  const printed = {
    configFile: config.configFile ? displayPath(config.configFile, cwd) : null,
    rules,
    include: config.include,
    ignorePatterns: config.ignorePatterns,
    manifestPath: config.manifestPath ? displayPath(config.manifestPath, cwd) : null,
    manifestSchema: config.manifestSchema,
    identity: config.identity,
  };
  return `${JSON.stringify(printed, null, 2)}\n`;
}
