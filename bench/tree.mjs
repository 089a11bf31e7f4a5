// The benchmark's project tree (issue 11): a seeded, deterministic generator of a realistic repository.
//
// Half HTML pages of 20–60 KB, half TSX components of 3–15 KB. About 5% of the interactive elements carry an
// AXAG annotation (longhand or the 1.1 macro, a few with mistakes, so there are findings to report); 40% of the
// files carry none and do not contain the word axag at all. Around them, what a real repository holds and a
// linter must not read: a node_modules folder with annotated files in it, git-ignored build output and coverage
// reports, logs, stylesheets and JSON. The tree is a git repository with everything committed, so discovery
// sees what it sees in a real work tree.
//
// `ensureTree({ files, seed })` generates it once under the cache directory and reuses it while the parameters
// and this file are unchanged; `node bench/tree.mjs <files> [seed]` prints its path.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SEED = 11;

/** mulberry32: small, fast and the same on every machine. */
function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const WORDS = (
  'account order invoice product cart shipping delivery address member team report export settings billing plan ' +
  'payment refund ticket support customer search filter result page list detail summary history review rating ' +
  'price discount coupon stock warehouse region language profile security password session notification message ' +
  'the a of to and in for with on by from your this that each every new last next more all our is are can will'
).split(' ');
const ENTITIES = ['cart', 'order', 'invoice', 'product', 'member', 'ticket', 'report', 'address', 'payment', 'subscription'];
const ACTIONS = ['add_item', 'remove_item', 'update', 'archive', 'export', 'approve', 'assign', 'view', 'search', 'cancel', 'refund'];
const SECTIONS = ['shop', 'account', 'admin', 'help', 'blog', 'billing', 'orders', 'support', 'settings', 'reports'];
const AREAS = ['cart', 'checkout', 'catalog', 'dashboard', 'forms', 'layout', 'orders', 'profile', 'tables', 'widgets'];

const sentence = (r, min, max) => {
  const words = Array.from({ length: r.int(min, max) }, () => r.pick(WORDS));
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return `${words.join(' ')}.`;
};
const paragraph = (r) => Array.from({ length: r.int(2, 6) }, () => sentence(r, 6, 18)).join(' ');
const identifier = (r) => `${r.pick(ENTITIES)}${r.pick(['Panel', 'List', 'Row', 'Card', 'Form', 'Dialog', 'View'])}`;

/** What a team declares for an intent, the same wherever it is annotated (so duplicate-intent finds no drift). */
function declaration(intent) {
  let h = 0;
  for (const c of intent) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  const type = ['read', 'write', 'write', 'delete', 'navigate'][h % 5];
  const risk = type === 'delete' ? 'high' : type === 'write' ? ['low', 'medium'][(h >>> 3) % 2] : 'none';
  const idempotent = type === 'write' || type === 'delete' ? String((h >>> 5) % 2 === 0) : undefined;
  const parameter = (h >>> 7) % 2 === 0 ? `${intent.split('.')[0]}_id` : undefined;
  return { type, risk, idempotent, parameter };
}

/**
 * One annotation, as attributes in the file's syntax: longhand (60%) or the macro (40%); about one in eight has a
 * mistake a linter reports (a missing risk level, a malformed intent, a misspelt attribute, a bad macro key).
 */
function annotation(r, jsx) {
  const entity = r.pick(ENTITIES);
  const intent = `${entity}.${r.pick(ACTIONS)}`;
  const { type, risk, idempotent, parameter } = declaration(intent);
  const mistake = r.chance(0.12) ? r.int(0, 3) : -1;
  const quote = (value) => (jsx && value.includes('"') ? `{'${value}'}` : value.includes('"') ? `'${value}'` : `"${value}"`);
  if (r.chance(0.4)) {
    let macro = `${type}:${mistake === 1 ? intent.replace('.', '-') : intent}`;
    if (mistake !== 0) macro += `!${risk}`;
    const keys = [];
    if (idempotent) keys.push(mistake === 3 ? 'idempotant' : `idempotent=${idempotent}`);
    if (risk === 'high') keys.push('confirm');
    if (parameter) keys.push(`req=${parameter}`);
    if (keys.length > 0) macro += `?${keys.join('&')}`;
    return `axag=${quote(macro)}`;
  }
  const attributes = [
    [mistake === 2 ? 'axag-intnet' : 'axag-intent', mistake === 1 ? intent.replace('_', '-') : intent],
    ['axag-entity', entity],
    ['axag-action-type', type],
  ];
  if (mistake !== 0) attributes.push(['axag-risk-level', risk]);
  if (idempotent && mistake !== 3) attributes.push(['axag-idempotent', idempotent]);
  if (risk === 'high') attributes.push(['axag-confirmation-required', 'true']);
  if (parameter) attributes.push(['axag-required-parameters', `["${parameter}"]`]);
  if (r.chance(0.3)) attributes.push(['axag-description', sentence(r, 3, 8)]);
  return attributes.map(([name, value]) => `${name}=${quote(value)}`).join(' ');
}

/** Decides, element by element, which interactive elements of an annotated file carry an annotation. */
function annotator(r, annotated, jsx) {
  // 60% of the files are annotated; 5% of all interactive elements are: 1 in 12 within an annotated file.
  return () => (annotated && r.chance(1 / 12) ? ` ${annotation(r, jsx)}` : '');
}

// ---- HTML pages -------------------------------------------------------------------------------------------------

function htmlPage(r, index, annotated) {
  // Blocks are up to ~4 KB: stopping short of the target keeps every page within 20–60 KB.
  const target = r.int(24_000, 60_000);
  const axag = annotator(r, annotated, false);
  const title = sentence(r, 2, 5).slice(0, -1);
  const head = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} · Example ${index}</title>
  <link rel="stylesheet" href="/assets/site.css">
  <script type="module" src="/assets/app.js" defer></script>
  <style>
    .page-${index} .hero { display: grid; grid-template-columns: 1fr 2fr; gap: 1.5rem; }
    .page-${index} .card:hover { box-shadow: 0 2px 8px rgba(0, 0, 0, .15); }
  </style>
</head>
<body class="page page-${index}">
  <header class="site-header">
    <a class="logo" href="/"${axag()}>Example</a>
    <nav aria-label="Main">
      <ul>
${SECTIONS.map((s) => `        <li><a href="/${s}/"${axag()}>${s}</a></li>`).join('\n')}
      </ul>
    </nav>
    <form class="search" action="/search" role="search"${axag()}>
      <input type="search" name="q" placeholder="Search"${axag()}>
      <button type="submit"${axag()}>Search</button>
    </form>
  </header>
  <main id="content">
    <h1>${title}</h1>
`;
  const foot = `  </main>
  <footer class="site-footer">
    <p>${sentence(r, 5, 10)}</p>
    <ul>${SECTIONS.slice(0, 5).map((s) => `<li><a href="/${s}/about"${axag()}>About ${s}</a></li>`).join('')}</ul>
    <!-- page ${index}, generated for the benchmark -->
  </footer>
  <script>
    document.querySelectorAll('[data-toggle]').forEach((el) => el.addEventListener('click', () => el.classList.toggle('open')));
  </script>
</body>
</html>
`;
  const blocks = [];
  let size = head.length + foot.length;
  for (let block = htmlBlock(r, axag); size + block.length <= target; block = htmlBlock(r, axag)) {
    blocks.push(block);
    size += block.length;
  }
  return head + blocks.join('') + foot;
}

function htmlBlock(r, axag) {
  switch (r.int(0, 5)) {
    case 0: {
      const cards = Array.from({ length: r.int(3, 8) }, (_, i) => {
        const entity = r.pick(ENTITIES);
        return `      <article class="card" data-id="${entity}-${i}">
        <img src="/img/${entity}-${i}.webp" alt="${sentence(r, 2, 4)}" loading="lazy" width="320" height="240">
        <h3><a href="/${entity}/${i}"${axag()}>${sentence(r, 2, 5)}</a></h3>
        <p class="price">${r.int(5, 500)}.${r.int(10, 99)} €</p>
        <p>${sentence(r, 8, 20)}</p>
        <button type="button" class="btn btn-primary" data-toggle${axag()}>Add to ${entity}</button>
      </article>
`;
      });
      return `    <section class="grid">\n      <h2>${sentence(r, 2, 5)}</h2>\n${cards.join('')}    </section>\n`;
    }
    case 1: {
      const fields = Array.from({ length: r.int(3, 7) }, (_, i) => {
        const name = `${r.pick(WORDS)}_${i}`;
        return r.chance(0.2)
          ? `        <label>${name} <select name="${name}"${axag()}>${['one', 'two', 'three'].map((o) => `<option value="${o}">${o}</option>`).join('')}</select></label>\n`
          : r.chance(0.2)
            ? `        <label>${name} <textarea name="${name}" rows="3"${axag()}></textarea></label>\n`
            : `        <label>${name} <input type="text" name="${name}" required${axag()}></label>\n`;
      });
      return `    <section class="panel">
      <h2>${sentence(r, 2, 5)}</h2>
      <form method="post" action="/${r.pick(ENTITIES)}/save" class="form"${axag()}>
${fields.join('')}        <button type="submit" class="btn"${axag()}>Save</button>
        <button type="reset" class="btn btn-link"${axag()}>Reset</button>
      </form>
    </section>
`;
    }
    case 2: {
      const rows = Array.from({ length: r.int(4, 12) }, (_, i) => `        <tr>
          <td>${r.pick(ENTITIES)} #${r.int(1000, 9999)}</td><td>${sentence(r, 2, 4)}</td><td>${r.int(1, 28)}.${r.int(1, 12)}.2026</td>
          <td><a href="#edit-${i}"${axag()}>Edit</a> <button type="button" class="danger"${axag()}>Delete</button></td>
        </tr>
`);
      return `    <table class="data">\n      <thead><tr><th>Item</th><th>Name</th><th>Date</th><th></th></tr></thead>\n      <tbody>\n${rows.join('')}      </tbody>\n    </table>\n`;
    }
    case 3:
      return `    <section class="prose">\n      <h2>${sentence(r, 2, 6)}</h2>\n${Array.from({ length: r.int(2, 5) }, () => `      <p>${paragraph(r)} <a href="/${r.pick(SECTIONS)}/"${axag()}>${r.pick(WORDS)}</a></p>\n`).join('')}    </section>\n`;
    case 4:
      return `    <aside class="sidebar">\n      <ul class="links">\n${Array.from({ length: r.int(4, 10) }, () => `        <li><a href="/${r.pick(SECTIONS)}/${r.pick(WORDS)}"${axag()}>${sentence(r, 2, 4)}</a></li>\n`).join('')}      </ul>\n    </aside>\n`;
    default:
      return `    <div class="dialog" role="dialog" hidden>\n      <p>${sentence(r, 6, 14)}</p>\n      <div role="button" tabindex="0"${axag()}>Confirm</div>\n      <button type="button"${axag()}>Cancel</button>\n    </div>\n`;
  }
}

// ---- TSX components ---------------------------------------------------------------------------------------------

function tsxComponent(r, index, annotated) {
  // Blocks are under 1 KB: stopping short of the target keeps every component within 3–15 KB.
  const target = r.int(4_000, 15_000);
  const axag = annotator(r, annotated, true);
  const name = `${identifier(r)}${index}`;
  const entity = r.pick(ENTITIES);
  const head = `import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { Button, Field, Spinner } from '../ui';
import { api } from '../../lib/api';

export interface ${name}Props {
  ${entity}Id: string;
  title?: string;
  children?: ReactNode;
  onChange?: (value: string) => void;
}

interface Item {
  id: string;
  label: string;
  price: number;
  tags: string[];
}

/** ${sentence(r, 6, 14)} */
export function ${name}({ ${entity}Id, title = '${sentence(r, 2, 4)}', children, onChange }: ${name}Props) {
  const [items, setItems] = useState<Item[]>([]);
  const [query, setQuery] = useState('');
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    api.get<Item[]>(\`/${entity}/\${${entity}Id}/items\`).then((result) => {
      if (!cancelled) setItems(result);
    }).finally(() => setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [${entity}Id]);

  const visible = useMemo(() => items.filter((item) => item.label.toLowerCase().includes(query.toLowerCase())), [items, query]);
  const handleSubmit = useCallback((event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange?.(query);
  }, [onChange, query]);

  if (loading) return <Spinner label="Loading" />;

  return (
    <section className="${entity}-panel">
      <h2>{title}</h2>
`;
  const foot = `      {children}
    </section>
  );
}
`;
  const blocks = [];
  let size = head.length + foot.length;
  for (let block = tsxBlock(r, axag, entity); size + block.length <= target; block = tsxBlock(r, axag, entity)) {
    blocks.push(block);
    size += block.length;
  }
  return head + blocks.join('') + foot;
}

function tsxBlock(r, axag, entity) {
  switch (r.int(0, 3)) {
    case 0:
      return `      <form className="search" onSubmit={handleSubmit}${axag()}>
        <input value={query} onChange={(event) => setQuery(event.target.value)} placeholder="${sentence(r, 1, 3)}"${axag()} />
        <Button type="submit"${axag()}>Search</Button>
      </form>
`;
    case 1:
      return `      <ul className="items">
        {visible.map((item) => (
          <li key={item.id} className={item.tags.includes('sale') ? 'sale' : undefined}>
            <span>{item.label}</span> <strong>{item.price.toFixed(2)}</strong>
            <button type="button" onClick={() => setItems(items.filter((other) => other.id !== item.id))}${axag()}>Remove</button>
            <a href={\`/${entity}/\${item.id}\`}${axag()}>Open</a>
          </li>
        ))}
      </ul>
`;
    case 2:
      return `      {visible.length === 0 ? (
        <p className="empty">${sentence(r, 4, 12)}</p>
      ) : (
        <p className="count">{visible.length} of {items.length} shown. ${sentence(r, 3, 8)}</p>
      )}
`;
    default:
      return `      <Field label="${sentence(r, 1, 3)}">
        <select defaultValue="${r.pick(WORDS)}" onChange={(event) => onChange?.(event.target.value)}${axag()}>
          <option value="${r.pick(WORDS)}">${sentence(r, 1, 3)}</option>
          <option value="${r.pick(WORDS)}">${sentence(r, 1, 3)}</option>
        </select>
      </Field>
`;
  }
}

// ---- The tree ---------------------------------------------------------------------------------------------------

const GITIGNORE = `node_modules/
# build output and reports
dist/
build/
coverage/
.cache/
*.log
`;

/**
 * Every file of the tree as [relative path, content], in a fixed order: `files` source files (half HTML, half
 * TSX), then the noise. The same parameters give the same bytes.
 */
export function* treeFiles({ files, seed = DEFAULT_SEED }) {
  const r = random(seed);
  const pages = Math.ceil(files / 2);
  yield ['.gitignore', GITIGNORE];
  yield ['package.json', `${JSON.stringify({ name: 'bench-site', private: true, type: 'module' }, null, 2)}\n`];
  for (let i = 0; i < pages; i++) {
    yield [`src/pages/${SECTIONS[i % SECTIONS.length]}/${Math.floor(i / 100)}/page-${i}.html`, htmlPage(r, i, !r.chance(0.4))];
  }
  for (let i = 0; i < files - pages; i++) {
    yield [`src/components/${AREAS[i % AREAS.length]}/${Math.floor(i / 100)}/Component${i}.tsx`, tsxComponent(r, i, !r.chance(0.4))];
  }
  // What the linter must not read: dependencies, ignored build output and reports, and files of other types.
  const noise = Math.max(10, Math.floor(files / 20));
  for (let i = 0; i < noise; i++) {
    const pkg = `node_modules/${r.pick(['ui-kit', 'widgets', '@acme/forms', 'legacy-admin'])}`;
    yield [`${pkg}/dist/part-${i}.js`, `export const part${i} = () => ${JSON.stringify(`<button axag-intent="x.y">${sentence(r, 2, 4)}</button>`)};\n`];
    yield [`${pkg}/templates/t-${i}.html`, htmlPage(r, i, true)];
    yield [`dist/pages/page-${i}.html`, htmlPage(r, i, true)];
    yield [`coverage/lcov-report/file-${i}.html`, `<html><body><pre>${paragraph(r)}</pre><a href="#" axag-intent="bad">x</a></body></html>\n`];
    yield [`src/styles/part-${i}.css`, `.part-${i} { color: #${r.int(0, 0xffffff).toString(16).padStart(6, '0')}; }\n`];
    yield [`src/data/part-${i}.json`, `${JSON.stringify({ id: i, label: sentence(r, 2, 5) })}\n`];
  }
  yield ['debug.log', `${paragraph(r)}\n`];
}

/** The source files of the tree (what axag lints), by relative path. */
export const isTreeSource = (path) => path.startsWith('src/') && /\.(html|tsx)$/.test(path);

const GENERATOR = readFileSync(fileURLToPath(import.meta.url));

/** The cache directory of generated trees: $AXAG_BENCH_DIR, else bench-trees/ under the system's temporary directory. */
export const cacheDirectory = () => process.env.AXAG_BENCH_DIR ?? join(tmpdir(), 'axag-bench-trees');

/**
 * The tree for these parameters, generated (and committed to git) on first use; reused while the parameters and
 * this generator are unchanged. A marker inside .git says the tree was written completely.
 */
export function ensureTree({ files, seed = DEFAULT_SEED }, log = () => {}) {
  const key = createHash('sha256').update(GENERATOR).update(JSON.stringify({ files, seed })).digest('hex').slice(0, 12);
  const root = join(cacheDirectory(), `tree-${files}-${seed}-${key}`);
  const marker = join(root, '.git', 'axag-bench-complete');
  if (existsSync(marker)) return root;
  log(`generating ${files.toLocaleString('en')} files (seed ${seed}) in ${root} …`);
  rmSync(root, { recursive: true, force: true });
  for (const [path, content] of treeFiles({ files, seed })) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  commitAll(root, log);
  writeFileSync(marker, `${JSON.stringify({ files, seed })}\n`);
  return root;
}

/** A repository with everything but the ignored files committed. */
export function commitAll(root, log = () => {}) {
  const git = (...args) =>
    execFileSync('git', ['-c', 'core.looseCompression=1', '-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' },
    });
  log('committing it to git …');
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'benchmark tree');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [files = '1000', seed = String(DEFAULT_SEED)] = process.argv.slice(2);
  console.log(ensureTree({ files: Number(files), seed: Number(seed) }, (line) => console.error(line)));
}
