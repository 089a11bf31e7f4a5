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

/**
 * Decides where each report goes. The one format without a file goes to
 * standard output, or to `-o` when given; with no `-f` at all, pretty does.
 * Two reports for standard output, or two for one file, are usage errors. A file that `leadsToStandardOutput`
 * (`json=/dev/stdout`, or the file the shell's `>` opened) counts as standard output: the reports would mix there.
 * `standardOutputHolds` names what else standard output carries (`--stdin --fix`: the fixed input), if anything.
 */
export function planOutputs(
  requests: readonly OutputRequest[] | undefined,
  outputFile: string | undefined,
  cwd: string,
  leadsToStandardOutput: (path: string) => boolean = () => false,
  standardOutputHolds?: string,
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
    const path = resolve(cwd, file);
    const other = seen.get(path);
    if (other !== undefined) throw new FatalError(`${other} and ${format} reports would both be written to ${file}; give each its own file`);
    seen.set(path, format);
  }
  const named = planned.filter((request): request is Required<OutputRequest> => request.file !== undefined);
  const onStandardOutput = named.filter(({ file }) => leadsToStandardOutput(resolve(cwd, file)));
  if (onStandardOutput.length === 0) return planned;
  const [first] = onStandardOutput;
  // A file named twice was refused above: the one that is `-o`'s is not also a format's.
  const option = (request: Required<OutputRequest>) => (request.file === outputFile ? `-o ${request.file}` : `${request.format}=${request.file}`);
  if (standardOutputHolds !== undefined) {
    throw new FatalError(`${option(first!)} is standard output, which holds ${standardOutputHolds} here; write the ${first!.format} report to a file of its own`);
  }
  const alongside = [...planned.filter((request) => request.file === undefined), ...onStandardOutput];
  if (alongside.length > 1) {
    const formats = alongside.map((request) => request.format).join(' and ');
    const files = onStandardOutput.map((request) => `${option(request)} is standard output`).join(', ');
    throw new FatalError(`only one report can go to standard output, not ${formats} (${files}); give the others a file of their own`);
  }
  return planned;
}
