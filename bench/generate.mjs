// Writes a deterministic tree of annotated source files for the throughput benchmark:
// `node bench/generate.mjs <dir> [files per source type]`. Every file is a realistic
// page or component (~5 KB): nested markup, a form with a fragment, a table of row
// actions, dynamic values where the language has them, and prose around Markdown blocks.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ENTITIES = ['cart', 'order', 'invoice', 'member', 'product', 'report', 'ticket', 'address'];
const VERBS = ['add_item', 'remove_item', 'update', 'archive', 'export', 'approve', 'assign', 'view'];

/** The annotated body shared by every form; `dynamic(name, expr)` writes a computed attribute in the file's language. */
function body(i, dynamic) {
  const entity = ENTITIES[i % ENTITIES.length];
  const rows = [];
  for (let r = 0; r < 8; r++) {
    const verb = VERBS[(i + r) % VERBS.length];
    rows.push(`        <tr>
          <td class="name">Row ${r} of ${entity} ${i}</td>
          <td class="status"><span class="badge">active</span></td>
          <td><button type="button" axag-intent="${entity}.${verb}" axag-action-type="${r % 3 ? 'write' : 'read'}"
              axag-risk-level="${['low', 'medium', 'high'][r % 3]}" axag-idempotent="${r % 2 ? 'true' : 'false'}"
              axag-confirmation-required="true" axag-required-parameters='["${entity}_id"]'>${verb}</button></td>
        </tr>`);
  }
  return `<main class="page page-${i}">
  <header class="toolbar">
    <h1>${entity} overview ${i}</h1>
    <nav><a href="/help">Help</a> <a href="/settings">Settings</a></nav>
  </header>
  <section class="panel" axag-scope="tenant" axag-tenant-boundary="strict">
    <form class="editor" axag-intent="${entity}.update" axag-entity="${entity}" ${dynamic('axag-description', 'description')}>
      <label>Name <input name="name" axag-parameter="name" axag-parameter-type="string" axag-parameter-required="true"></label>
      <label>Notes <textarea name="notes" axag-parameter="notes"></textarea></label>
      <button type="submit" axag-action-type="write" axag-risk-level="low" axag-idempotent="true">Save</button>
    </form>
    <table class="grid" axag-entity="${entity}">
      <thead><tr><th>Name</th><th>Status</th><th>Actions</th></tr></thead>
      <tbody>
${rows.join('\n')}
      </tbody>
    </table>
    <p class="hint">Changes are saved per ${entity}; see the audit log for history of item ${i}.</p>
  </section>
</main>`;
}

const indent = (text, prefix) => text.replace(/^/gm, prefix);

const FORMS = {
  html: (i) => `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Page ${i}</title></head>\n<body>\n${body(i, (n) => `${n}="Edit"`)}\n</body>\n</html>\n`,
  jsx: (i) =>
    `import { useState } from 'react';\n\nexport function Page${i}({ description }) {\n  const [open, setOpen] = useState(false);\n  return (\n${indent(
      body(i, (n, e) => `${n}={${e}}`).replaceAll('class=', 'className=').replace(/<input ([^>]*)>/g, '<input $1 />'),
      '    ',
    )}\n  );\n}\n`,
  tsx: (i) =>
    `import type { FC } from 'react';\n\ninterface Props { description: string; count?: number }\n\nexport const Page${i}: FC<Props> = ({ description }: Props) => (\n${indent(
      body(i, (n, e) => `${n}={${e}}`).replaceAll('class=', 'className=').replace(/<input ([^>]*)>/g, '<input $1 />'),
      '  ',
    )}\n);\n`,
  vue: (i) =>
    `<script setup lang="ts">\ndefineProps<{ description: string }>();\n</script>\n\n<template>\n${indent(body(i, (n, e) => `:${n}="${e}"`), '  ')}\n</template>\n\n<style scoped>\n.page { display: grid; }\n</style>\n`,
  svelte: (i) => `<script lang="ts">\n  export let description: string;\n</script>\n\n${body(i, (n, e) => `${n}={${e}}`)}\n\n<style>\n  .page { display: grid; }\n</style>\n`,
  md: (i) =>
    `# Page ${i}\n\nThis guide shows how page ${i} is annotated. Read it with the API reference.\n\n- Step one: the markup.\n\n  \`\`\`html\n${indent(body(i, (n) => `${n}="Edit"`), '  ')}\n  \`\`\`\n\n> The same in JSX:\n>\n> \`\`\`jsx\n${indent(
      body(i, (n, e) => `${n}={${e}}`).replaceAll('class=', 'className=').replace(/<input ([^>]*)>/g, '<input $1 />'),
      '> ',
    )}\n> \`\`\`\n\nMore prose follows here, with a [link](https://example.com) and \`inline code\`.\n`,
};

const EXTENSIONS = { html: 'html', jsx: 'jsx', tsx: 'tsx', vue: 'vue', svelte: 'svelte', md: 'md' };

export function generate(dir, perType) {
  rmSync(dir, { recursive: true, force: true });
  for (const [form, write] of Object.entries(FORMS)) {
    for (let i = 0; i < perType; i++) {
      const sub = join(dir, form, `group-${Math.floor(i / 100)}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `page-${i}.${EXTENSIONS[form]}`), write(i));
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'bench-tree', perType = '500'] = process.argv.slice(2);
  generate(dir, Number(perType));
  console.log(`wrote ${Number(perType) * Object.keys(FORMS).length} files under ${dir}`);
}
