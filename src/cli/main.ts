import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { FatalError } from '../errors.js';
import { safeErrorOutput, type Io } from './io.js';
import type { LintCommandOptions } from './lint-command.js';
import type { ManifestCheckOptions } from './manifest-command.js';
import { FORMAT_NAMES } from '../formatters/names.js';
import { DEFAULT_MANIFEST_SCHEMA, MANIFEST_SCHEMA_VERSIONS } from '../manifest/schema.js';
import { parseFormats } from './outputs.js';
import { TOOL } from './tool.js';
import { DEFAULT_CACHE_LOCATION } from './cache-file.js';
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
  // Named one by one, not spread: spreading would read standard input, which the process makes only when read.
  const io: Io = {
    get stdin() {
      return givenIo.stdin;
    },
    stdout: givenIo.stdout,
    stderr: safeErrorOutput(givenIo.stderr),
    terminal: givenIo.terminal ?? givenIo.stderr,
    env: givenIo.env,
    cwd: givenIo.cwd,
  };
  let exitCode = 0;
  const debug = argv.includes('--debug');
  try {
    // Commands, and the option parsers (they know the rules, so they load them), are loaded only for a run
    // that names a command: `axag --version` and `axag --help` load neither.
    const parsers = argv.some((arg) => !arg.startsWith('-')) ? await import('./options.js') : undefined;
    const program = buildProgram(io, parsers, (code) => {
      exitCode = code;
    });
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

type OptionParsers = typeof import('./options.js');

function buildProgram(io: Io, parsers: OptionParsers | undefined, setExitCode: (code: number) => void): Command {
  const width = outputWidth(io.stdout, io.env);
  // Laid out when help is shown, not on every run: the layout measures text with string-width.
  const exitCodes = () => helpItems('Exit codes:', EXIT_CODES, width);
  /** An option's parser from ./options.js, which is loaded whenever a command runs, so whenever an option is parsed. */
  const parser =
    <A extends unknown[], R>(pick: (loaded: OptionParsers) => (...args: A) => R) =>
    (...args: A): R =>
      pick(parsers!)(...args);
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
    .option('--rule <id:severity>', 'set a rule severity by id or name, e.g. AXAG-LINT-007:off or idempotent-declared:off (repeatable)', parser((p) => p.parseRuleOption))
    .optionsGroup('Choosing files:')
    .option('--staged', 'lint the files staged in git, as staged')
    .option('--changed-since <ref>', 'lint the files changed since a git ref: committed, staged, unstaged and untracked')
    .option('--stdin', 'lint standard input; without --stdin-filename, as HTML unless it is clearly JSX, TSX, Vue, Svelte or Markdown (said on standard error)')
    .option('--stdin-filename <path>', 'the path standard input stands for: picks the parser, the config and ignores, and names it in reports')
    .option('--shard <i/n>', 'lint the i-th of n parts of the files (e.g. 2/4), split by path for a CI matrix', parser((p) => p.parseShard))
    .option('--max-file-size <size>', 'lint files up to this size, e.g. 50MB (default 10MB; 0 for no limit); a larger file fails the run', parser((p) => p.parseFileSize))
    .optionsGroup('Ignoring files:')
    .option('--ignore-pattern <glob>', 'also ignore files matching this glob, relative to the working directory (repeatable)', collect)
    .option('--no-ignore', 'do not apply .gitignore, ignorePatterns or --ignore-pattern')
    .option('--no-error-on-unmatched-pattern', 'do not fail when a path does not exist or a directory or glob matches no file to lint')
    .optionsGroup('Handling warnings:')
    .option('--quiet', 'report errors only; warning rules do not run')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parser((p) => p.parseMaxWarnings))
    .optionsGroup('Inline configuration comments:')
    .option('--report-unused-disable-directives', 'report inline axag-disable directives that silenced nothing (as warnings)')
    .option(
      '--report-unused-disable-directives-severity <level>',
      'report unused directives at this severity: off, warn (or info) or error (implies --report-unused-disable-directives)',
      parser((p) => p.parseSeverity),
    )
    .optionsGroup('Baseline:')
    .option('--baseline <file>', 'leave out the findings recorded in this baseline file; note entries that no longer occur')
    .option('--update-baseline', 'record the current findings in the --baseline file (and say how many), then report what is left')
    .optionsGroup('Output:')
    .option(
      '-f, --format <name[=file]>',
      `output format (${FORMAT_NAMES.join(', ')}; default pretty); name=file writes that report to a file; repeatable or comma-separated`,
      parseFormats,
    )
    .option('-o, --output-file <file>', 'write the report of the format without its own file here instead of standard output')
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output (NO_COLOR is honoured too)')
    .option('--verbose', 'say so when there are no problems')
    .optionsGroup('Fixing problems:')
    .option('--fix', 'apply the fixes of the findings that have one and write the files; report what remains (with --stdin: print the fixed input)')
    .option('--fix-dry-run', 'apply the fixes without writing: the json format carries each fixed text as "output" (with --stdin: print the fixed input)')
    .optionsGroup('Speed:')
    .option(
      '--concurrency <n|auto|off>',
      'lint in n threads (the main thread and n - 1 workers), in as many as pay off (auto, the default), or in the main thread only (off, or 1)',
      parser((p) => p.parseConcurrency),
    )
    .option('--cache', 'reuse the results of files that did not change since the last run with --cache')
    .option('--cache-location <path>', `the cache file, or a directory for it (default ${DEFAULT_CACHE_LOCATION})`)
    .optionsGroup('Miscellaneous:')
    .option('--debug', 'print the files linted and timings to standard error, and stack traces of internal errors')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', exitCodes)
    .action(async (paths: string[], options: LintCommandOptions) => {
      const { runLint } = await import('./lint-command.js');
      setExitCode(await runLint(paths, options, io));
    });

  program
    .command('rules')
    .description('list the rules (id, name, default severity, description), or print the documentation of one')
    .argument('[id]', 'a rule id (AXAG-LINT-007, or just 7), or name (idempotent-declared)')
    .action(async (id: string | undefined) => {
      const { runRules } = await import('./rules-command.js');
      setExitCode(runRules(id, io));
    });

  program
    .command('init')
    .description('write a starter .axag-lint.json here (never overwrites an existing config)')
    .action(async () => {
      const { runInit } = await import('./init-command.js');
      setExitCode(runInit(io));
    });

  program
    .command('lsp')
    .description('run the language server (for editors) over standard input and output')
    .option('--stdio', 'talk over standard input and output (the default; language clients pass it)')
    // vscode-languageclient adds it to a server it starts as a Node module; the server library reads it itself.
    .option('--clientProcessId <pid>', 'the editor\'s process: the server exits when it does (language clients pass it)')
    .action(async () => {
      // Loaded only here: the protocol library costs every other command nothing.
      const { startLanguageServer } = await import('../lsp/server.js');
      startLanguageServer(io.stdin, process.stdout);
    });

  const manifest = program.command('manifest').description('work with Semantic Manifests');
  manifest
    .command('check')
    .description(
      `validate a Semantic Manifest against the manifest ${DEFAULT_MANIFEST_SCHEMA} schema (v1 with --schema v1, or manifestSchema: "v1" in the config)`,
    )
    .argument('<file>', 'manifest file (JSON or YAML)')
    .addOption(
      new Option('-f, --format <name>', `output format: ${FORMAT_NAMES.join(', ')}`).default('pretty').argParser(parser((p) => p.parseFormat)),
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
    .addHelpText('after', () => helpItems('Exit codes:', MANIFEST_EXIT_CODES, width))
    .action(async (file: string, options: ManifestCheckOptions) => {
      const { runManifestCheck } = await import('./manifest-command.js');
      setExitCode(await runManifestCheck(file, options, io));
    });

  return program;
}
