import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { FatalError } from '../errors.js';
import { safeErrorOutput, type Io } from './io.js';
import { runLint, type LintCommandOptions } from './lint-command.js';
import { runInit } from './init-command.js';
import { runManifestCheck, type ManifestCheckOptions } from './manifest-command.js';
import { runRules } from './rules-command.js';
import { FORMATTERS } from '../formatters/index.js';
import { DEFAULT_MANIFEST_SCHEMA, MANIFEST_SCHEMA_VERSIONS } from '../manifest/schema.js';
import { parseFileSize, parseFormat, parseMaxWarnings, parseRuleOption, parseSeverity } from './options.js';
import { parseFormats } from './outputs.js';
import { TOOL } from './tool.js';
import { helpItems, helpLayout } from './help-layout.js';
import { outputWidth } from './terminal.js';

const EXIT_CODES: [string, string][] = [
  ['0', 'no error-severity finding, and warnings within --max-warnings'],
  ['1', 'at least one error-severity finding, or too many warnings'],
  ['2', 'usage, configuration or manifest error, unreadable path, no matching files, or internal failure'],
];

const MANIFEST_EXIT_CODES: [string, string][] = [
  ['0', 'valid'],
  ['1', 'schema problems (listed)'],
  ['2', 'missing or unparsable file, invalid config, or usage error'],
];

/** Runs the `axag` command line and returns its exit code. Never throws. */
export async function main(argv: readonly string[], givenIo: Io): Promise<number> {
  const io: Io = { ...givenIo, stderr: safeErrorOutput(givenIo.stderr) };
  let exitCode = 0;
  const debug = argv.includes('--debug');
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.unknownCommand') io.stderr.write(lintHint(error.message, argv, io.cwd));
      // Help and version exit 0; every usage error exits 2.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof FatalError) {
      io.stderr.write(`axag: ${error.message}\n`);
      return 2;
    }
    const internal = error instanceof Error ? error : new Error(String(error));
    io.stderr.write(`axag: internal error: ${internal.message}\n`);
    io.stderr.write(debug ? `${internal.stack}\n` : 'Run again with --debug for the stack trace, and please report it.\n');
    return 2;
  }
}

/**
 * `axag src` is `axag lint src` typed in a hurry: when the unknown command is a path that exists or a glob, the
 * line to type instead (the same arguments after `lint`); else nothing.
 */
function lintHint(message: string, argv: readonly string[], cwd: string): string {
  const command = /unknown command '(.*)'/.exec(message)?.[1];
  if (command === undefined || !(/[*?[\]{}]/.test(command) || existsSync(resolve(cwd, command)))) return '';
  return `(Did you mean axag lint ${argv.map(shellWord).join(' ')}? Paths and globs to lint go after the lint command.)\n`;
}

/** An argument as a POSIX shell reads it back: bare when safe, else in single quotes. */
function shellWord(argument: string): string {
  return /^[\w@%+=:,./-]+$/.test(argument) ? argument : `'${argument.replace(/'/g, "'\\''")}'`;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function buildProgram(io: Io, setExitCode: (code: number) => void): Command {
  const width = outputWidth(io.stdout, io.env);
  const exitCodes = helpItems('Exit codes:', EXIT_CODES, width);
  const program = new Command('axag')
    .description('Lint AXAG annotations in HTML, JSX/TSX, Vue, Svelte and Markdown against the AXAG standard and a Semantic Manifest.')
    .version(TOOL.version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', exitCodes)
    .showSuggestionAfterError()
    .configureHelp(helpLayout(width))
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHelpWidth: () => width,
      getErrHelpWidth: () => width,
      outputError: (text, write) => write(text.replace(/^error:/, 'axag: error:')),
    });

  program
    .command('lint', { isDefault: false })
    .description('lint files, directories or globs (default: the current directory)')
    .argument('[paths...]', 'files, directories or globs to lint')
    .optionsGroup('Basic configuration:')
    .option('-c, --config <file>', 'use this config file for every linted file')
    .option('--no-config', 'ignore config files; use the recommended preset')
    .option('-m, --manifest <file>', 'use this Semantic Manifest (JSON or YAML)')
    .option('--print-config <file>', 'print the configuration that applies to a file, and lint nothing')
    .optionsGroup('Specifying rules:')
    .option('--rule <id:severity>', 'set a rule severity by id or name, e.g. AXAG-LINT-007:off or idempotent-declared:off (repeatable)', parseRuleOption)
    .optionsGroup('Choosing files:')
    .option('--staged', 'lint the files staged in git, as staged')
    .option('--changed-since <ref>', 'lint the files changed since a git ref: committed, staged, unstaged and untracked')
    .option('--stdin', 'lint standard input; without --stdin-filename, as HTML unless it is clearly JSX, TSX, Vue, Svelte or Markdown (said on standard error)')
    .option('--stdin-filename <path>', 'the path standard input stands for: picks the parser, the config and ignores, and names it in reports')
    .option('--max-file-size <size>', 'lint files up to this size, e.g. 50MB (default 10MB; 0 for no limit); a larger file fails the run', parseFileSize)
    .optionsGroup('Ignoring files:')
    .option('--ignore-pattern <glob>', 'also ignore files matching this glob, relative to the working directory (repeatable)', collect)
    .option('--no-ignore', 'do not apply .gitignore, ignorePatterns or --ignore-pattern')
    .option('--no-error-on-unmatched-pattern', 'do not fail when a path does not exist or a directory or glob matches no file to lint')
    .optionsGroup('Handling warnings:')
    .option('--quiet', 'report errors only; warning rules do not run')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseMaxWarnings)
    .optionsGroup('Inline configuration comments:')
    .option('--report-unused-disable-directives', 'report inline axag-disable directives that silenced nothing (as warnings)')
    .option(
      '--report-unused-disable-directives-severity <level>',
      'report unused directives at this severity: off, warn (or info) or error (implies --report-unused-disable-directives)',
      parseSeverity,
    )
    .optionsGroup('Baseline:')
    .option('--baseline <file>', 'leave out the findings recorded in this baseline file; note entries that no longer occur')
    .option('--update-baseline', 'record the current findings in the --baseline file (and say how many), then report what is left')
    .optionsGroup('Output:')
    .option(
      '-f, --format <name[=file]>',
      `output format (${Object.keys(FORMATTERS).join(', ')}; default pretty); name=file writes that report to a file; repeatable or comma-separated`,
      parseFormats,
    )
    .option('-o, --output-file <file>', 'write the report of the format without its own file here instead of standard output')
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output (NO_COLOR is honoured too)')
    .option('--verbose', 'say so when there are no problems')
    .optionsGroup('Miscellaneous:')
    .option('--debug', 'print the files linted and timings to standard error, and stack traces of internal errors')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', exitCodes)
    .action(async (paths: string[], options: LintCommandOptions) => {
      setExitCode(await runLint(paths, options, io));
    });

  program
    .command('rules')
    .description('list the rules (id, name, default severity, description), or print the documentation of one')
    .argument('[id]', 'a rule id (AXAG-LINT-007, or just 7), or name (idempotent-declared)')
    .action((id: string | undefined) => {
      setExitCode(runRules(id, io));
    });

  program
    .command('init')
    .description('write a starter .axag-lint.json here (never overwrites an existing config)')
    .action(() => {
      setExitCode(runInit(io));
    });

  const manifest = program.command('manifest').description('work with Semantic Manifests');
  manifest
    .command('check')
    .description(
      `validate a Semantic Manifest against the manifest ${DEFAULT_MANIFEST_SCHEMA} schema (v1 with --schema v1, or manifestSchema: "v1" in the config)`,
    )
    .argument('<file>', 'manifest file (JSON or YAML)')
    .addOption(
      new Option('-f, --format <name>', `output format: ${Object.keys(FORMATTERS).join(', ')}`).default('pretty').argParser(parseFormat),
    )
    .addOption(
      new Option(
        '--schema <version>',
        `manifest schema to validate against (default: manifestSchema of the config that applies to the manifest, else ${DEFAULT_MANIFEST_SCHEMA})`,
      ).choices(MANIFEST_SCHEMA_VERSIONS),
    )
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output')
    .option('--debug', 'print stack traces of internal errors')
    .addHelpText('after', helpItems('Exit codes:', MANIFEST_EXIT_CODES, width))
    .action((file: string, options: ManifestCheckOptions) => {
      setExitCode(runManifestCheck(file, options, io));
    });

  return program;
}
