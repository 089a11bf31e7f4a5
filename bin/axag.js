#!/usr/bin/env node
import module from 'node:module';

// Node 22.1 and later keep compiled code in a disk cache, so the runs after the first start faster (a pre-commit
// hook and an editor start axag on every run). Older Node has no such cache and starts as before.
module.enableCompileCache?.();
const { runProcess } = await import('../dist/src/cli/process.js');
await runProcess();
