import { InvalidArgumentError } from 'commander';
import { FatalError } from '../errors.js';
import { FORMAT_NAMES, isFormatName } from '../formatters/names.js';
import { resolve } from 'node:path';

/** One report of the run: a format, and the file it goes to (standard output when none). */
export interface OutputRequest {
  format: string;
  file?: string;
}

const FORMAT_LIST = FORMAT_NAMES.join(', ');

/** What a report file of each format is usually called, for examples; text for the others. */
const EXTENSIONS: Record<string, string> = { json: 'json', sarif: 'sarif', junit: 'xml', gitlab: 'json' };

/** A comma that starts another `name` or `name=file`; a comma inside a file name (`sarif=a,b.sarif`) does not. */
const NEXT_FORMAT = new RegExp(`,(?=\\s*(?:${FORMAT_NAMES.join('|')})\\s*(?:=|,|$))`);

/** `-f name[=file]`, repeatable and comma-separated: `-f pretty,sarif=axag.sarif`. */
export function parseFormats(value: string, previous: OutputRequest[] = []): OutputRequest[] {
  const parts = value.split(NEXT_FORMAT).flatMap((part) => (part.includes('=') ? [part] : part.split(',')));
  const added = parts.map((part): OutputRequest => {
    const equals = part.indexOf('=');
    const format = (equals < 0 ? part : part.slice(0, equals)).trim();
    if (!isFormatName(format)) throw new InvalidArgumentError(`unknown format "${format}"; expected one of ${FORMAT_LIST}`);
    if (equals < 0) return { format };
    const file = part.slice(equals + 1).trim();
    if (file === '') throw new InvalidArgumentError(`no file after "${format}="; write ${format}=<file>, or ${format} alone for standard output`);
    return { format, file };
  });
  return [...previous, ...added];
}

/** A stream of the process that a report file may lead to (`/dev/stdout`, or the file the shell's `>` opened). */
export interface Destination {
  /** `standard output`, `standard error`. */
  name: string;
  leadsHere(path: string): boolean;
}

/**
 * Where the report without a file goes (standard output; standard error under `--stdin --fix`), and a stream that
 * holds another text no report may join (standard output, holding the fixed input, under `--stdin --fix`).
 */
export interface Destinations {
  unnamed: Destination;
  taken?: Destination & { holds: string };
}

/**
 * Decides where each report goes. The one format without a file goes to
 * standard output, or to `-o` when given; with no `-f` at all, pretty does.
 * Two reports for standard output, or two for one file, are usage errors; so is a report file that leads where
 * another report goes (`-f pretty,json=/dev/stdout`), or where another text does: the texts would mix there.
 */
export function planOutputs(
  requests: readonly OutputRequest[] | undefined,
  outputFile: string | undefined,
  cwd: string,
  destinations?: Destinations,
): OutputRequest[] {
  const given = requests && requests.length > 0 ? requests : [{ format: 'pretty' }];
  const unnamed = given.filter((request) => request.file === undefined);
  if (unnamed.length > 1) {
    const formats = unnamed.map((request) => request.format).join(' and ');
    throw new FatalError(`only one report can go to standard output, not ${formats}; give the others a file, e.g. -f ${unnamed[1]!.format}=report.txt`);
  }
  if (outputFile !== undefined && unnamed.length === 0) {
    throw new FatalError(`-o ${outputFile} has no report to take: every -f format here names its own file`);
  }
  const planned = given.map((request) => (request.file === undefined && outputFile !== undefined ? { ...request, file: outputFile } : request));
  const seen = new Map<string, string>();
  for (const { format, file } of planned) {
    if (file === undefined) continue;
    // The system would drop the slash and write a file of that name, where a directory was meant.
    if (/[\\/]$/.test(file)) {
      const given = file === outputFile ? `-o ${file}` : `${format}=${file}`;
      throw new FatalError(`${given} ends in a slash, as a directory does, but a report is a file: name it, e.g. ${given}axag.${EXTENSIONS[format] ?? 'txt'}`);
    }
    const path = resolve(cwd, file);
    const other = seen.get(path);
    if (other !== undefined) throw new FatalError(`${other} and ${format} reports would both be written to ${file}; give each its own file`);
    seen.set(path, format);
  }
  if (destinations) checkDestinations(planned, outputFile, cwd, destinations);
  return planned;
}

function checkDestinations(planned: readonly OutputRequest[], outputFile: string | undefined, cwd: string, { unnamed, taken }: Destinations): void {
  const named = planned.filter((request): request is Required<OutputRequest> => request.file !== undefined);
  // A file named twice was refused before: the one that is `-o`'s is not also a format's.
  const option = ({ format, file }: Required<OutputRequest>) => (file === outputFile ? `-o ${file}` : `${format}=${file}`);
  for (const request of named) {
    if (taken?.leadsHere(resolve(cwd, request.file))) {
      throw new FatalError(`${option(request)} leads where ${taken.name} goes, which holds ${taken.holds} here; write the ${request.format} report to another file`);
    }
  }
  const there = named.filter(({ file }) => unnamed.leadsHere(resolve(cwd, file)));
  if (there.length === 0) return;
  const alongside = planned.find((request) => request.file === undefined);
  if (alongside) {
    throw new FatalError(
      `${option(there[0]!)} leads where ${unnamed.name} goes, as the ${alongside.format} report does; write the ${there[0]!.format} report to another file, or send ${unnamed.name} elsewhere`,
    );
  }
  if (there.length > 1) {
    throw new FatalError(`${there.map(option).join(' and ')} lead where ${unnamed.name} goes, where only one report can; write the others to other files`);
  }
}
