// The packed extension (`npm run package`): what the .vsix holds, that the server inside it speaks the language
// server protocol, and that the manifest's commands and settings are the ones the client uses.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import yauzl from 'yauzl';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const source = ['extension.ts', 'settings.ts', 'rule-documentation.ts'].map((file) => readFileSync(join(here, 'src', file), 'utf8')).join('\n');

function entriesOf(vsix) {
  return new Promise((resolve, reject) => {
    yauzl.open(vsix, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const names = [];
      zip.on('entry', (entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function unzip(vsix, into) {
  return new Promise((resolve, reject) => {
    yauzl.open(vsix, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const files = new Map();
      zip.on('entry', (entry) => {
        zip.openReadStream(entry, (failure, stream) => {
          if (failure) return reject(failure);
          const chunks = [];
          stream.on('data', (chunk) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  }).then(async (files) => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    for (const [name, bytes] of files) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(into, name)), { recursive: true });
      writeFileSync(join(into, name), bytes);
    }
  });
}

/** Sends `initialize` over stdio with the protocol's framing and returns the server's capabilities. */
function initialize(server) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [server, 'lsp', '--stdio', `--clientProcessId=${process.pid}`], { stdio: ['pipe', 'pipe', 'inherit'] });
    let buffer = Buffer.alloc(0);
    const timer = setTimeout(() => reject(new Error('no reply to initialize within 60 s')), 60_000);
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      const header = buffer.indexOf('\r\n\r\n');
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString())?.[1]);
      if (buffer.length < header + 4 + length) return;
      clearTimeout(timer);
      const reply = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString());
      child.kill();
      resolve(reply.result.capabilities);
    });
    child.on('error', reject);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

describe('the packed extension', () => {
  const vsix = join(here, 'axag-vscode.vsix');
  let entries;
  before(async () => {
    rmSync(vsix, { force: true });
    execFileSync('npm', ['run', 'package'], { cwd: here, stdio: ['ignore', 'ignore', 'inherit'] });
    entries = await entriesOf(vsix);
  });

  it('holds the client, the server with its runtime dependencies, the README and the licence', () => {
    for (const file of [
      'extension/package.json',
      'extension/readme.md',
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/server/node_modules/axag-lint/bin/axag.js',
      'extension/server/node_modules/axag-lint/package.json',
      'extension/server/node_modules/axag-lint/dist/src/index.js',
      'extension/server/node_modules/axag-lint/dist/cli/axag.js',
      'extension/server/node_modules/axag-lint/dist/cli/lsp-lint-worker.js',
      'extension/server/node_modules/parse5/package.json',
      'extension/server/node_modules/@babel/parser/package.json',
      'extension/server/node_modules/svelte/package.json',
    ]) {
      assert.ok(entries.some((entry) => entry.toLowerCase() === file.toLowerCase()), `${file} is not in the .vsix`);
    }
    assert.deepEqual(entries.filter((entry) => /\.map$|\/src\/extension\.ts$|\/\.bin\//.test(entry)), []);
  });

  it('runs the axag language server it carries', async () => {
    const into = mkdtempSync(join(tmpdir(), 'axag-vsix-'));
    try {
      await unzip(vsix, into);
      const capabilities = await initialize(join(into, 'extension', 'server', 'node_modules', 'axag-lint', 'bin', 'axag.js'));
      assert.ok(capabilities.textDocumentSync, 'the server announces no document sync');
      assert.ok(capabilities.codeActionProvider, 'the server announces no code actions');
      assert.ok(capabilities.hoverProvider, 'the server announces no hover');
      assert.ok(capabilities.completionProvider, 'the server announces no completion');
    } finally {
      rmSync(into, { recursive: true, force: true });
    }
  });
});

describe('the extension manifest', () => {
  it('contributes exactly the commands the client registers', () => {
    const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), registered);
  });

  it('contributes every setting the client reads', () => {
    const read = [...source.matchAll(/getConfiguration\('axag'\)[\s\S]*?(?=\n\n|$)/g)]
      .flatMap((block) => [...block[0].matchAll(/get<[^>]+>\('([^']+)'/g)].map((m) => `axag.${m[1]}`));
    assert.ok(read.length >= 4);
    for (const setting of read) assert.ok(manifest.contributes.configuration.properties[setting], `${setting} is read but not contributed`);
  });

  it('activates for every language it lints', () => {
    const languages = JSON.parse(/const LANGUAGES = (\[[^\]]+\])/.exec(source)[1].replaceAll("'", '"'));
    for (const language of languages) assert.ok(manifest.activationEvents.includes(`onLanguage:${language}`), `no activation for ${language}`);
  });
});
