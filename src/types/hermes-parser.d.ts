/** The part of hermes-parser (which ships Flow types only) that axag uses: its Babel-compatible output. */
declare module 'hermes-parser' {
  import type { File } from '@babel/types';

  export interface ParserOptions {
    babel: true;
    flow?: 'all' | 'detect';
    sourceType?: 'module' | 'script' | 'unambiguous';
    allowReturnOutsideFunction?: boolean;
  }

  /** Throws a SyntaxError whose `loc` holds a 1-based line and a 0-based column counted in UTF-8 bytes. */
  export function parse(code: string, options: ParserOptions): File;
}
