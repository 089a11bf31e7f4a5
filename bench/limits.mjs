// Very large inputs (issue 12, scope 7): `npm run bench:limits [-- --scale <f>] [--case <name>]`.
//
// Generates each input at a quarter, half and all of its size (times --scale, default 1: a 50 MB page,
// 100,000 annotated elements per source type, a 10 MB line, 100,000 levels of nesting, rule 008's and 010's
// worst cases) and lints it with lint() in a child process of its own, for its time and peak memory (max RSS).
// The ratio of each time to the one before should be about 2 (linear); 4 would be quadratic. The machine is
// shared and noisy: trust the ratios more than the milliseconds.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const button = (i) => `<button axag-intent="item.act_${i % 97}" axag-entity="item" axag-action-type="write" axag-risk-level="low" axag-idempotent="true">Go</button>`;
const nested = (depth, open = '<div axag-scope="user">', close = '</div>') => open.repeat(depth) + button(0) + close.repeat(depth);
const plainRow = '<div class="row"><span class="cell">Lorem ipsum dolor sit amet</span><a href="/x">link</a></div>\n';
const words = (i, salt) => {
  let x = (i * 2654435761 + salt) >>> 0;
  let s = '';
  for (let j = 0; j < 2; j++) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += 'abcdefghijklmnopqrstuvwxyz'.slice(x % 20, (x % 20) + 3 + (x % 4));
  }
  return s;
};

/** Each case: its full size, and how to write the input of a size: files by name, the one to lint first. */
const CASES = {
  'page-50mb': { size: 50_000_000, unit: 'bytes', write: (n) => ({ 'page.html': `<main axag-scope="user">${button(1)}\n${plainRow.repeat(Math.ceil(n / plainRow.length))}</main>` }) },
  'line-10mb': { size: 10_000_000, unit: 'bytes', write: (n) => ({ 'page.html': Array.from({ length: Math.ceil(n / 130) }, (_, i) => button(i)).join('') }) },
  ...Object.fromEntries(
    ['html', 'jsx', 'vue', 'svelte', 'md'].map((type) => [
      `elements-${type}`,
      {
        size: 100_000,
        unit: 'elements',
        write: (n) => {
          const body = Array.from({ length: n }, (_, i) => button(i)).join('\n');
          const text = { html: body, svelte: body, jsx: `export const A = () => (<>\n${body}\n</>);\n`, vue: `<template>\n${body}\n</template>\n`, md: `# Page\n\n\`\`\`html\n${body}\n\`\`\`\n` }[type];
          return { [`page.${type}`]: text };
        },
      },
    ]),
  ),
  ...Object.fromEntries(
    ['html', 'vue', 'jsx', 'svelte'].map((type) => [
      `nesting-${type}`,
      {
        size: 100_000,
        unit: 'levels',
        write: (n) => ({ [`page.${type}`]: { html: nested(n), svelte: nested(n), vue: `<template>${nested(n)}</template>`, jsx: `export const A = () => (${nested(n)});` }[type] }),
      },
    ]),
  ),
  'rule-008': {
    size: 40_000,
    unit: 'names',
    write: (n) => {
      const names = JSON.stringify(Array.from({ length: n }, (_, i) => `p${i % (n / 2)}`));
      return { 'page.html': `<button axag-intent="a.b" axag-entity="a" axag-action-type="read" axag-required-parameters='${names}' axag-optional-parameters='${names}'>x</button>` };
    },
  },
  'rule-010': {
    size: 20_000,
    unit: 'intents',
    write: (n) => ({
      'page.html': Array.from({ length: n }, (_, i) => `<button axag-intent="${words(i, 1)}.${words(i, 7)}x" axag-entity="e" axag-action-type="read">x</button>`).join('\n'),
      'axag-manifest.json': JSON.stringify({
        version: '1.1.0',
        generated_at: '2025-01-01T00:00:00Z',
        source: { url: 'https://example.com', paths: [], tool: 'bench', tool_version: '1' },
        conformance: 'basic',
        actions: Array.from({ length: n }, (_, i) => ({ intent: `${words(i, 1)}.${words(i, 7)}`, entity: 'e', action_type: 'read', description: 'd' })),
      }),
    }),
  },
};

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, case: { type: 'string' }, one: { type: 'string' }, size: { type: 'string' } } });

if (values.one) {
  // Child: write the input, lint it, print time and peak memory as JSON.
  const { lint } = await import('../dist/src/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'axag-limits-'));
  const files = CASES[values.one].write(Number(values.size));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const page = Object.keys(files)[0];
  const start = process.hrtime.bigint();
  const results = await lint([join(dir, page)], { cwd: dir, noConfig: true, maxFileSize: 0 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const file = results.files.find((f) => f.path.endsWith(page));
  const limit = file?.findings.find((f) => f.ruleId === 'axag/parse-error')?.message;
  const bytes = Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes, annotations: file?.annotations, findings: file?.findings.length, limit }));
} else {
  const scale = Number(values.scale);
  const self = fileURLToPath(import.meta.url);
  mkdirSync(tmpdir(), { recursive: true });
  console.log(`case            size              MB      ms     ratio  max RSS MB  notes`);
  for (const [name, spec] of Object.entries(CASES)) {
    if (values.case && !name.startsWith(values.case)) continue;
    let previous;
    for (const part of [0.25, 0.5, 1]) {
      const size = Math.max(1, Math.round(spec.size * scale * part));
      const run = spawnSync(process.execPath, ['--max-old-space-size=4096', self, '--one', name, '--size', String(size)], { encoding: 'utf8' });
      if (run.status !== 0) {
        console.log(`${name.padEnd(15)} ${`${size} ${spec.unit}`.padEnd(17)} failed: ${run.stderr.trim().split('\n').at(-1)}`);
        break;
      }
      const r = JSON.parse(run.stdout.trim().split('\n').at(-1));
      const ratio = previous ? (r.ms / previous).toFixed(2) : '';
      previous = r.ms;
      const note = r.limit ? `refused: ${r.limit.slice(0, 60)}…` : `${r.annotations} annotations, ${r.findings} findings`;
      console.log(`${name.padEnd(15)} ${`${size} ${spec.unit}`.padEnd(17)} ${(r.bytes / 1e6).toFixed(1).padStart(5)} ${r.ms.toFixed(0).padStart(7)} ${ratio.padStart(6)} ${r.maxRssMb.toFixed(0).padStart(10)}  ${note}`);
    }
  }
}
