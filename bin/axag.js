#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import module from 'node:module';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // Scripts and editors ask for the version on their own: answering it needs no CLI, so it costs no more than Node.
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // Node 22.1 and later keep compiled code in a disk cache, so the runs after the first start faster (a pre-commit
  // hook and an editor start axag on every run). Older Node has no such cache: there, the CLI's bundle (dist/cli/,
  // a few files to load rather than many modules) is what keeps the start short.
  module.enableCompileCache?.();
  const { runProcess } = await import('../dist/cli/axag.js');
  await runProcess();
}
