// Types of bench/tree.mjs for the TypeScript tests that import it.
export declare const DEFAULT_SEED: number;
export interface TreeParameters {
  /** Source files: half HTML pages, half TSX components. */
  files: number;
  seed?: number;
}
export declare function treeFiles(parameters: TreeParameters): Generator<[path: string, content: string]>;
export declare function isTreeSource(path: string): boolean;
export declare function cacheDirectory(): string;
export declare function ensureTree(parameters: TreeParameters, log?: (line: string) => void): string;
export declare function commitAll(root: string, log?: (line: string) => void): void;
