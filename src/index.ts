/** The axag core library: lint files or texts, get plain-data results, format them. */
export { lint, MANIFEST_SCHEMA_RULE, type LintInput, type LintOptions } from './engine/lint.js';
export { lintDocument, INTERNAL_ERROR_RULE, PARSE_ERROR_RULE } from './engine/lint-document.js';
export { buildModel } from './engine/element-model.js';
export { ConfigResolver, CONFIG_FILENAMES } from './config/resolve.js';
export type { ResolvedConfig } from './config/settings.js';
export { expandPaths } from './files.js';
export { loadManifest, type LoadedManifest } from './manifest/load.js';
export { MANIFEST_SCHEMAS } from './manifest/json-schemas.js';
export { DEFAULT_MANIFEST_SCHEMA, MANIFEST_SCHEMA_VERSIONS, type ManifestSchemaVersion } from './manifest/schema.js';
export { FORMATTERS, type FormatContext, type Formatter } from './formatters/index.js';
export { FatalError, type FileLocation, type Notice } from './errors.js';
export { RULES, RULES_BY_ID } from '../rules/index.js';
export type { Finding, FileResult, IntentDeclaration, InternalError, LintResults } from './results.js';
export type { AnnotatedElement, AxagAttribute, Range, SourceDocument, SyntaxProblem } from './model.js';
export type { Rule, RuleDocs, RunRule } from './rule.js';
export { applyFixes, fixText, MAX_FIX_PASSES, type Relint } from './engine/apply-fixes.js';
export { addAttribute, addToMacro, renameAttribute, replaceValue, setAttribute, type RangeEdit, type RangeSuggestion } from './fixes.js';
export type { Fix, SuggestedFix, TextEdit } from './results.js';
