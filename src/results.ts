import type { DirectiveRecord } from './engine/directives.js';
import type { Notice } from './errors.js';
import type { Range } from './model.js';
import type { Severity } from './rule.js';

/** One problem found in a file. Plain data: results cross worker-thread boundaries and become JSON. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The element the finding is about: its tag name and where its start tag begins. */
  element?: { name: string; line: number; column: number };
  /** The corrected value, when there is an obvious fix: a value, not source text (the source decides the quoting). */
  suggestion?: string;
  /**
   * Stable across edits elsewhere in the file and across rewordings of the message: the rule, the element's tag and
   * AXAG attributes and the part of the element the finding is about, not its line (src/fingerprint.ts).
   */
  fingerprint: string;
  /** A rule finding's fingerprint as baselines of version 1 recorded it (rule, message, element), to read them. */
  legacyFingerprint?: string;
  /** Edits that make the finding go away without changing what the author meant (spec §10): `--fix` applies them. */
  fix?: Fix;
  /** Choices the author must make (spec §10): offered in editors, never applied by `--fix`. */
  suggestions?: SuggestedFix[];
  /** Where the finding's cause sits when it is not where the finding is: a risk level the action inherits from a fragment. */
  related?: RelatedLocation[];
}

/** A place that explains a finding, with what it says there. */
export interface RelatedLocation {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Absolute path of the file it is in, when that is not the finding's file (the checks across files). */
  path?: string;
}

/** Replace the file's text from `start` to `end` (offsets in UTF-16 code units of the whole file's text) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Non-overlapping edits, sorted by `start`, applied together. */
export interface Fix {
  edits: TextEdit[];
}

export interface SuggestedFix {
  /** What applying it does, for a quick-fix menu: `Set axag-scope="user"`. */
  label: string;
  edits: TextEdit[];
}

export interface FileResult {
  /** Absolute path. */
  path: string;
  /** Sorted by line, column, rule id. */
  findings: Finding[];
  /** Annotated elements linted (outside `axag-skip` subtrees). */
  annotations: number;
  /** Of those, the ones whose `axag` macro is computed at run time (`axag={…}`), so not checked. */
  dynamic: number;
  /**
   * Every action with a static intent, in document order: what the checks across files read. Packed into one
   * string (src/engine/packed-intents.ts); `unpackIntents()` gives the declarations.
   */
  intents: PackedIntents;
  /** The file's inline directives, which also apply to findings of the checks across files. */
  directives: DirectiveRecord[];
  /** Linted with `fix`: the file's text with its fixes applied, when they change it (ESLint's `output`). */
  output?: string;
  /** With `output`: the content hash of the text the fixes were applied to, so that a writer can tell whether the file changed since. */
  outputFrom?: string;
}

/** Whether any of the findings carries a fix, which `--fix` would apply. */
export function hasFix(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.fix);
}

/** A file's intent index (its IntentDeclarations) in the compact form a run keeps until its end. */
export type PackedIntents = string & { readonly packedIntents: unique symbol };

/** The intent index of a file with no actions. */
export const NO_INTENTS = '' as PackedIntents;

/** An action's static intent and its effective annotation, as the checks across files compare them. Plain data. */
export interface IntentDeclaration {
  intent: string;
  /** Where the intent is written: the attribute's value, or the macro's intent token. */
  range: Range;
  /** The action's element: its tag, where its start tag begins, and the digest of its tag and AXAG attributes. */
  element: { name: string; line: number; column: number; digest: string };
  /**
   * The effective annotation by attribute name, canonical (see src/engine/action-fields.ts): a key left out is
   * not declared (and means the field's default, if it has one), `null` is unknown (computed at run time, a value another check reports, or not declared on an
   * element with a spread, which may receive it at run time).
   */
  fields: Record<string, string | null>;
}

/** The result for a file with no annotations to check: unannotated source, or the manifest. */
export function withoutAnnotations(path: string, findings: Finding[] = []): FileResult {
  return { path, findings, annotations: 0, dynamic: 0, intents: NO_INTENTS, directives: [] };
}

export interface LintResults {
  /** Sorted by path. Includes every linted file, and the manifest when it has findings. */
  files: FileResult[];
  /** Source files linted (the manifest is not counted). */
  filesLinted: number;
  /** Problems that kept part of the run from doing its job (an unreadable file): exit code 2. */
  failures: string[];
  /** Parts of axag that threw on a file (bugs): each is also an `axag/internal-error` finding of that file. Exit code 2. */
  internalErrors: InternalError[];
  /** What the configuration of the run named that axag ignored (another linter's rule numbers): warnings that change no exit code. */
  notices: Notice[];
}

/** A check or parser that threw on a file, with its stack for `--debug`. */
export interface InternalError {
  /** Absolute path of the file. */
  path: string;
  /** What failed: `the check AXAG-LINT-007 (idempotent-declared)`, `the parser of .vue files`. */
  check: string;
  /** The error's first line. */
  message: string;
  stack: string;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface Totals {
  errors: number;
  warnings: number;
}

export function countFindings(files: readonly FileResult[]): Totals {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const finding of file.findings) {
      if (finding.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}

/** Annotations computed at run time, so not checked: a run must not look fully checked when it is not. */
export function countDynamic(files: readonly FileResult[]): number {
  return files.reduce((sum, file) => sum + file.dynamic, 0);
}
