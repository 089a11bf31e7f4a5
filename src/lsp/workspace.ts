import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isInside } from '../paths.js';
import { isSourceFile } from '../sources/index.js';
import type { ResolverSettings } from './lint-protocol.js';

/**
 * How a document is linted: the path it stands for, the file name that picks its parser, the working directory, and
 * the config and manifest the settings name (as `--config` / `--manifest`).
 */
export interface LintTarget extends ResolverSettings {
  path: string;
  parseAs: string;
  cwd: string;
}

/** The editor's `axag.configPath` and `axag.manifestPath`, absolute or relative to each workspace folder; '' for none. */
export interface PathSettings {
  configPath: string;
  manifestPath: string;
}

/** Languages by the ids editors give them, for documents whose name does not say (an unsaved buffer). */
const EXTENSION_OF_LANGUAGE: Record<string, string> = {
  html: '.html',
  javascript: '.js',
  javascriptreact: '.jsx',
  typescript: '.ts',
  typescriptreact: '.tsx',
  vue: '.vue',
  svelte: '.svelte',
  markdown: '.md',
  mdx: '.mdx',
};

/**
 * The workspace folders, each linted as `axag lint` run in it would lint it: config lookup from the file's
 * directory upwards, paths in messages relative to the folder. A file outside every folder is linted from its own
 * directory, and without the settings' config and manifest, which belong to the folders.
 */
export class Workspace {
  private folders: string[] = [];
  private settings: ResolverSettings = {};

  setPathSettings({ configPath, manifestPath }: PathSettings): void {
    this.settings = { ...(configPath !== '' && { configFile: configPath }), ...(manifestPath !== '' && { manifest: manifestPath }) };
  }

  /** Each folder, with what its files are linted with. */
  allFolders(): (ResolverSettings & { cwd: string })[] {
    return this.folders.map((cwd) => ({ cwd, ...this.settings }));
  }

  setFolders(uris: readonly string[]): void {
    this.setPaths(uris.flatMap(pathOf));
  }

  changeFolders(added: readonly string[], removed: readonly string[]): void {
    const gone = new Set(removed.flatMap(pathOf));
    this.setPaths([...this.folders.filter((folder) => !gone.has(folder)), ...added.flatMap(pathOf)]);
  }

  private setPaths(paths: readonly string[]): void {
    // The innermost folder holding a file is its folder: longest first.
    this.folders = [...new Set(paths)].sort((a, b) => b.length - a.length);
  }

  folderOf(path: string): string | undefined {
    return this.folders.find((folder) => isInside(path, folder));
  }

  /** Undefined for a document axag does not read. */
  targetOf(document: TextDocument): LintTarget | undefined {
    const byLanguage = EXTENSION_OF_LANGUAGE[document.languageId];
    if (document.uri.startsWith('file:')) {
      const path = fileURLToPath(document.uri);
      const parseAs = isSourceFile(path) ? path : byLanguage && `${path}${byLanguage}`;
      if (!parseAs) return undefined;
      const folder = this.folderOf(path);
      return { path, parseAs, ...(folder ? { cwd: folder, ...this.settings } : { cwd: dirname(path) }) };
    }
    // An unsaved buffer: linted as a file at the top of the outermost folder, so that folder's config applies.
    if (!byLanguage) return undefined;
    const folder = this.folders.at(-1);
    const cwd = folder ?? process.cwd();
    const path = join(cwd, `untitled${byLanguage}`);
    return { path, parseAs: path, cwd, ...(folder && this.settings) };
  }
}

const pathOf = (uri: string): string[] => (uri.startsWith('file:') ? [fileURLToPath(uri)] : []);
