import type { ResolvedConfig, SettingSource } from '../config/settings.js';
import { located } from '../errors.js';
import { displayPath } from '../paths.js';

/**
 * `--print-config <file>`: the configuration that applies to a file, as JSON. The settings read as a config file
 * would hold them; `configFiles` lists the files applied, in order, and `sources` says where each setting came
 * from (`file:line:col` of its key, a preset and the `extends` that named it, a command-line option, or the
 * default), in the same shape as the settings.
 */
export function printConfig(config: ResolvedConfig, cwd: string): string {
  const shown = (path: string | undefined) => (path ? displayPath(path, cwd) : null);
  const source = (from: SettingSource): string => {
    switch (from.kind) {
      case 'default':
        return 'default';
      case 'preset':
        return `${from.name} (extends at ${located(displayPath(from.extendedAt.path, cwd), from.extendedAt)})`;
      case 'file':
        return located(displayPath(from.at.path, cwd), from.at);
      case 'option':
        return `--${from.option}`;
      case 'discovery':
        return from.besideConfig ? `found beside ${displayPath(from.besideConfig, cwd)}` : 'found in the working directory';
    }
  };
  const rules = Object.fromEntries(
    Object.entries(config.rules).map(([id, { severity, options }]) => [id, Object.keys(options).length > 0 ? [severity, options] : severity]),
  );
  const ruleSources = Object.fromEntries(
    Object.entries(config.sources.rules).map(([id, from]) => {
      const severity = source(from.severity);
      const options = source(from.options);
      const hasOptions = Object.keys(config.rules[id]!.options).length > 0;
      return [id, hasOptions && options !== severity ? `${severity}; options: ${options}` : severity];
    }),
  );
  const printed = {
    configFile: shown(config.configFile),
    configFiles: config.configFiles.map((path) => displayPath(path, cwd)),
    rules,
    include: config.include,
    ignorePatterns: config.ignorePatterns.flatMap((set) => set.patterns),
    manifestPath: shown(config.manifestPath),
    manifestSchema: config.manifestSchema,
    identity: config.identity,
    sources: {
      rules: ruleSources,
      include: source(config.sources.include),
      // Each pattern is relative to the directory of the config that declares it (or that extends the one that does).
      ignorePatterns: config.ignorePatterns.flatMap((set) =>
        set.patterns.map(() => `${source(set.source)}, relative to ${displayPath(set.baseDir, cwd)}`),
      ),
      manifestPath: config.sources.manifestPath ? source(config.sources.manifestPath) : null,
      manifestSchema: source(config.sources.manifestSchema),
      identity: source(config.sources.identity),
    },
  };
  return `${JSON.stringify(printed, null, 2)}\n`;
}
