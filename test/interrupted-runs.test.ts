/**
 * Issue 12, interrupted runs: a reader that goes away (`axag lint | head -1`, quitting `less`), a full disk, and
 * SIGINT/SIGTERM end the run cleanly: the lint exit code (0 for --help) after a closed pipe, one line and exit 2
 * when standard output cannot be written, 130/143 after a signal; never a stack trace. A report file is either
 * this run's whole report or absent.
 */
import { execFileSync, spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { closeSync, constants, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, axag, BIN, project, removeProjects } from './cli-helpers.js';

beforeAll(assertBuilt);
afterAll(removeProjects);

/**
 * A file with many findings: its report is far larger than a pipe's buffer. Each button: no entity (002) and a
 * malformed intent (axag/intent-format), errors; no axag-idempotent (007), a warning.
 */
const MANY = '<button axag-intent="Cart.Add" axag-action-type="write" axag-risk-level="low">x</button>\n'.repeat(2000);
const CLEAN = '<button axag-intent="cart.view" axag-entity="cart" axag-action-type="read">x</button>\n';

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function ended(child: ChildProcess): Promise<Ended> {
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

const env = () => ({ ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined });

/** Runs the binary with a standard output whose reader has already gone. */
function withClosedStdout(args: string[], cwd: string): Promise<Ended> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.destroy();
  return ended(child);
}

/** Opens a FIFO to write and closes it at once: a reader still waiting for a writer gets an end of file. */
function releaseReader(fifo: string): void {
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // No reader left (ENXIO): nothing waits.
  }
}

describe('a standard output that closes early', () => {
  it('lint | head: the lint exit code, nothing on standard error', async () => {
    const cwd = project({ 'a.html': MANY });
    for (const format of ['pretty', 'json']) {
      const result = await withClosedStdout(['lint', '-f', format], cwd);
      expect(result).toEqual({ code: 1, signal: null, stderr: '' });
    }
  });

  it('--help | head: exit 0, nothing on standard error', async () => {
    const result = await withClosedStdout(['--help'], project());
    expect(result).toEqual({ code: 0, signal: null, stderr: '' });
  });

  it('a clean run: exit 0', async () => {
    const result = await withClosedStdout(['lint', '-f', 'json'], project({ 'a.html': CLEAN }));
    expect(result).toEqual({ code: 0, signal: null, stderr: '' });
  });
});

describe.skipIf(!existsSync('/dev/full'))('a standard output on a full disk', () => {
  it('a clean run: one line saying so, exit 2', async () => {
    const cwd = project({ 'a.html': CLEAN });
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, [BIN, 'lint', '-f', 'json'], { cwd, env: env(), stdio: ['ignore', full, 'pipe'] });
      const result = await ended(child);
      expect(result).toEqual({ code: 2, signal: null, stderr: 'axag: cannot write to standard output: the disk is full\n' });
    } finally {
      closeSync(full);
    }
  });
});

describe('SIGINT and SIGTERM', () => {
  /** Starts `axag lint --stdin` and keeps its standard input open, so the run is still going when the signal comes. */
  async function interrupt(signal: NodeJS.Signals, args: string[], cwd: string): Promise<Ended> {
    const child = spawn(process.execPath, [BIN, 'lint', '--stdin', '--debug', ...args], { cwd, env: env(), stdio: ['pipe', 'pipe', 'pipe'] });
    const result = ended(child);
    await new Promise<void>((resolve) => {
      let seen = '';
      child.stderr!.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes('reading standard input')) resolve();
      });
    });
    child.kill(signal);
    return result;
  }

  it('SIGINT: exit 130, a report file of an earlier run removed, no stack trace', async () => {
    const cwd = project({ 'report.json': '{"stale": true}\n' });
    const result = await interrupt('SIGINT', ['-f', 'json', '-o', 'report.json'], cwd);
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('axag debug: reading standard input\naxag: interrupted by SIGINT\n');
    expect(existsSync(join(cwd, 'report.json'))).toBe(false);
  });

  it('SIGTERM: exit 143; every per-format report file of an earlier run removed', async () => {
    const cwd = project({ 'r.sarif': '{}\n', 'r.xml': '<x/>\n' });
    const result = await interrupt('SIGTERM', ['-f', 'pretty,sarif=r.sarif,junit=r.xml'], cwd);
    expect(result.code).toBe(143);
    expect(result.stderr).toBe('axag debug: reading standard input\naxag: interrupted by SIGTERM\n');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('SIGINT: a report path that is not a file (a FIFO) is left as it is; one that is a link keeps its link', async () => {
    const cwd = project({ 'out/old.json': '{"stale": true}\n' });
    execFileSync('mkfifo', [join(cwd, 'fifo')]);
    symlinkSync(join('out', 'old.json'), join(cwd, 'link.json'));
    const result = await interrupt('SIGINT', ['-f', 'json=fifo,sarif=link.json'], cwd);
    expect(result.code).toBe(130);
    expect(lstatSync(join(cwd, 'fifo')).isFIFO()).toBe(true);
    // The stale report the link points to is gone, so that it cannot pass for this run's; the link remains.
    expect(readlinkSync(join(cwd, 'link.json'))).toBe(join('out', 'old.json'));
    expect(readdirSync(join(cwd, 'out'))).toEqual([]);
  });
});

describe('report files', () => {
  it('are written whole through a temporary file in the same directory, which does not remain', async () => {
    const cwd = project({ 'a.html': MANY, 'out/old.txt': 'x\n' });
    writeFileSync(join(cwd, 'out', 'r.json'), 'stale\n');
    const result = await axag(['lint', '-f', 'json=out/r.json,sarif=out/r.sarif,pretty=out/r.txt'], { cwd });
    expect(result.code).toBe(1);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['old.txt', 'r.json', 'r.sarif', 'r.txt']);
    expect(JSON.parse(readFileSync(join(cwd, 'out', 'r.json'), 'utf8')).summary).toMatchObject({ errors: 4000, warnings: 2000 });
    // The pretty report is written in pieces of whole files: the same text as on standard output.
    const printed = await axag(['lint'], { cwd });
    expect(printed.stdout).toMatch(/✖ 6000 problems \(4000 errors, 2000 warnings\)\n$/);
    expect(readFileSync(join(cwd, 'out', 'r.txt'), 'utf8')).toBe(printed.stdout);
  });

  it('one that is not a file (a FIFO) is written into, not replaced: its reader gets the report', async () => {
    const cwd = project({ 'a.html': MANY });
    const fifo = join(cwd, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    // Opening a FIFO to read waits for its writer; libuv's thread pool does the wait.
    const reading = readFile(fifo, 'utf8');
    const result = await axag(['lint', '-f', 'json', '-o', 'report.fifo'], { cwd });
    // Had axag not written into the FIFO, the reader would wait for ever: a writer that comes and goes ends it.
    releaseReader(fifo);
    const received = await reading;
    expect(result.code).toBe(1);
    expect(JSON.parse(received).summary).toMatchObject({ errors: 4000, warnings: 2000 });
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(cwd).sort()).toEqual(['a.html', 'report.fifo']);
  });

  it('a FIFO that nobody reads: one line saying so, exit 2, at once rather than waiting where Ctrl-C cannot reach', async () => {
    const cwd = project({ 'a.html': CLEAN });
    execFileSync('mkfifo', [join(cwd, 'report.fifo')]);
    const result = await axag(['lint', '-f', 'json', '-o', 'report.fifo'], { cwd });
    expect(result).toMatchObject({ code: 2, stderr: 'axag: cannot write the report to report.fifo: nothing reads it (a FIFO is read by a process started first)\n' });
    expect(lstatSync(join(cwd, 'report.fifo')).isFIFO()).toBe(true);
  });

  it('/dev/stdout when standard output is a socket (how Node runs a child with piped output): one line saying what to do, exit 2', async () => {
    const cwd = project({ 'a.html': CLEAN });
    const child = spawn(process.execPath, [BIN, 'lint', '-f', 'json', '-o', '/dev/stdout'], { cwd, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.resume();
    expect(await ended(child)).toEqual({
      code: 2,
      signal: null,
      stderr: 'axag: cannot write the report to /dev/stdout: it is a socket, which cannot be opened by name (leave out -o to write the report to standard output)\n',
    });
  });

  it.each([
    ['not open at all', '/dev/fd/99', 'descriptor 99 was not opened for axag to write to (bash opens it with 99>report.txt)'],
    ["open, but Node.js's own", '/dev/fd/4', 'descriptor 4 was not opened for axag to write to (a shell opens it with 4>report.txt)'],
  ])('a descriptor that was not handed to axag (%s): one line saying so, exit 2', async (_name, reportPath, why) => {
    const cwd = project({ 'a.html': CLEAN });
    const result = await axag(['lint', '-f', 'json', '-o', reportPath], { cwd });
    expect(result).toMatchObject({ code: 2, stderr: `axag: cannot write the report to ${reportPath}: ${why}\n` });
  });

  // Above the kernel's largest process id (2^22): no such process, ever. Node.js's recursive mkdir spun for ever on
  // the directory of the second path, and the first was said to be not opened for axag.
  const NO_PROCESS = 4_194_305;
  it.runIf(existsSync('/proc/self/fd')).each([
    [`/proc/${NO_PROCESS}/fd/1`, `no process ${NO_PROCESS} is running`],
    [`/proc/${NO_PROCESS}/reports/report.json`, 'a directory on its path does not exist'],
  ])('%s, below a process that does not exist: one line saying so, exit 2', async (reportPath, why) => {
    const cwd = project({ 'a.html': CLEAN });
    const result = await axag(['lint', '-f', 'json', '-o', reportPath], { cwd });
    expect(result).toMatchObject({ code: 2, stderr: `axag: cannot write the report to ${reportPath}: ${why}\n` });
  });

  it('a descriptor that was handed to axag (/dev/fd/3, opened by its parent) gets the report', async () => {
    const cwd = project({ 'a.html': CLEAN });
    const report = openSync(join(cwd, 'report.json'), 'w');
    try {
      const child = spawn(process.execPath, [BIN, 'lint', '-f', 'json', '-o', '/dev/fd/3'], { cwd, env: env(), stdio: ['ignore', 'pipe', 'pipe', report] });
      child.stdout!.resume();
      expect(await ended(child)).toEqual({ code: 0, signal: null, stderr: '' });
    } finally {
      closeSync(report);
    }
    expect(JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8')).summary).toMatchObject({ errors: 0 });
  });

  it.each([
    [['-o', 'out/'], 'axag: -o out/ ends in a slash, as a directory does, but a report is a file: name it, e.g. -o out/axag.txt'],
    [['-f', 'pretty,sarif=reports/'], 'axag: sarif=reports/ ends in a slash, as a directory does, but a report is a file: name it, e.g. sarif=reports/axag.sarif'],
  ])('a report path that ends in a slash (%j): one line saying a report is a file, exit 2, nothing written', async (args, message) => {
    const cwd = project({ 'a.html': CLEAN });
    const result = await axag(['lint', ...args], { cwd });
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: `${message}\n` });
    expect(readdirSync(cwd).sort()).toEqual(['a.html']);
  });

  it('a loop of symbolic links: one line saying so, exit 2', async () => {
    const cwd = project({ 'a.html': CLEAN });
    symlinkSync('b.json', join(cwd, 'a.json'));
    symlinkSync('a.json', join(cwd, 'b.json'));
    const result = await axag(['lint', '-f', 'json', '-o', 'a.json'], { cwd });
    expect(result).toMatchObject({ code: 2, stderr: 'axag: cannot write the report to a.json: its symbolic links form a loop\n' });
  });

  it.each([
    ['/dev/stdout', '/dev/stdout'],
    ['a link to /dev/stdout', 'out.json'],
  ])('%s is written to as it is: a log that standard output appends to keeps what it had', async (_name, reportPath) => {
    const cwd = project({ 'a.html': CLEAN, 'log.txt': 'before\n' });
    const link = reportPath !== '/dev/stdout';
    if (link) symlinkSync('/dev/stdout', join(cwd, reportPath));
    const log = openSync(join(cwd, 'log.txt'), 'a');
    try {
      const child = spawn(process.execPath, [BIN, 'lint', '-f', 'json', '-o', reportPath], { cwd, env: env(), stdio: ['ignore', log, 'pipe'] });
      expect(await ended(child)).toEqual({ code: 0, signal: null, stderr: '' });
    } finally {
      closeSync(log);
    }
    const [before, ...report] = readFileSync(join(cwd, 'log.txt'), 'utf8').split('\n');
    expect(before).toBe('before');
    expect(JSON.parse(report.join('\n')).summary).toMatchObject({ errors: 0 });
    expect(readdirSync(cwd).sort()).toEqual(link ? ['a.html', 'log.txt', reportPath] : ['a.html', 'log.txt']);
    if (link) expect(readlinkSync(join(cwd, reportPath))).toBe('/dev/stdout');
  });

  it.each([
    [['-f', 'pretty,json=/dev/stdout'], 1, 'json=/dev/stdout leads where standard output goes, as the pretty report does; write the json report to another file, or send standard output elsewhere'],
    [['-f', 'pretty,json=log.txt'], 1, 'json=log.txt leads where standard output goes, as the pretty report does; write the json report to another file, or send standard output elsewhere'],
    [['-f', 'json=/dev/stdout,sarif=log.txt'], 1, 'json=/dev/stdout and sarif=log.txt lead where standard output goes, where only one report can; write the others to other files'],
    [['--stdin', '--fix', '-f', 'json', '-o', '/dev/stdout'], 1, '-o /dev/stdout leads where standard output goes, which holds the fixed input here; write the json report to another file'],
    // With --stdin --fix, the report without a file goes to standard error.
    [['--stdin', '--fix', '-f', 'pretty,json=/dev/stderr'], 2, 'json=/dev/stderr leads where standard error goes, as the pretty report does; write the json report to another file, or send standard error elsewhere'],
  ])('a report file that leads where another text goes (%j): exit 2, nothing written', async (args, descriptor, message) => {
    const cwd = project({ 'a.html': CLEAN, 'log.txt': 'before\n' });
    const log = openSync(join(cwd, 'log.txt'), 'a');
    try {
      const stdio: StdioOptions = descriptor === 1 ? ['ignore', log, 'pipe'] : ['ignore', 'pipe', log];
      const child = spawn(process.execPath, [BIN, 'lint', ...args], { cwd, env: env(), stdio });
      child.stdout?.resume();
      const { code, stderr } = await ended(child);
      expect(code).toBe(2);
      if (descriptor === 1) expect(stderr).toBe(`axag: ${message}\n`);
    } finally {
      closeSync(log);
    }
    expect(readFileSync(join(cwd, 'log.txt'), 'utf8')).toBe(descriptor === 1 ? 'before\n' : `before\naxag: ${message}\n`);
  });

  it('a symbolic link stays one: the file it points to is replaced, beside which the temporary file was', async () => {
    const cwd = project({ 'a.html': CLEAN, 'reports/r.json': 'stale\n' });
    mkdirSync(join(cwd, 'out'));
    symlinkSync(join('..', 'reports', 'r.json'), join(cwd, 'out', 'r.json'));
    symlinkSync(join('reports', 'new.json'), join(cwd, 'dangling.json'));
    const result = await axag(['lint', '-f', 'json=out/r.json,sarif=dangling.json'], { cwd });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(readlinkSync(join(cwd, 'out', 'r.json'))).toBe(join('..', 'reports', 'r.json'));
    expect(JSON.parse(readFileSync(join(cwd, 'reports', 'r.json'), 'utf8')).summary).toMatchObject({ errors: 0 });
    // A link to nothing yet is written through, as a shell's `>` does: the file it names is created.
    expect(readlinkSync(join(cwd, 'dangling.json'))).toBe(join('reports', 'new.json'));
    expect(JSON.parse(readFileSync(join(cwd, 'reports', 'new.json'), 'utf8')).version).toBe('2.1.0');
    expect(readdirSync(join(cwd, 'reports')).sort()).toEqual(['new.json', 'r.json']);
    expect(readdirSync(join(cwd, 'out'))).toEqual(['r.json']);
  });

  it('one that cannot be written: one line naming it, exit 2, no temporary file left', async () => {
    const cwd = project({ 'a.html': CLEAN, 'blocker': 'a file where a directory should be\n' });
    // sarif is also written when a run fails: trying again must not say it twice.
    for (const format of ['json', 'sarif']) {
      const result = await axag(['lint', '-f', `${format}=blocker/r.${format}`], { cwd });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`axag: cannot write the report to blocker/r.${format}: a parent of it is a file\n`);
      expect(readdirSync(cwd).sort()).toEqual(['a.html', 'blocker']);
    }
  });
});
