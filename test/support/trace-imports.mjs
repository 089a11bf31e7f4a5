// Preloaded with `node --import`: appends every module URL the program imports
// to the file named by AXAG_TRACE_IMPORTS, one per line.
import { register } from 'node:module';

register('./trace-imports-hooks.mjs', import.meta.url);
