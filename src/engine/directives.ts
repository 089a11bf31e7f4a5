import { RULES_BY_ID, resolveRuleReference } from '../../rules/index.js';
import { fingerprintOf } from '../fingerprint.js';
import type { AnnotatedElement, Range, SourceComment } from '../model.js';
import type { Finding } from '../results.js';
import { isRunRule, type Severity } from '../rule.js';
import { closest } from '../text/suggest.js';

export const DIRECTIVE_RULE = 'axag/directive';

type Kind = 'disable-next' | 'disable' | 'enable' | 'disable-file';

/** A directive as the checks across files apply it, after the file was linted: plain data in the file's result. */
export interface DirectiveRecord {
  kind: Kind;
  /** The rules it names, by id; empty means every rule. */
  ids: string[];
  range: Range;
  /** For `disable-next`: where the element it applies to begins (none when no element follows). */
  target?: Position;
}

interface Directive extends DirectiveRecord {
  /** How it names each of them (an alias of another linter stays as written in messages). */
  written: Map<string, string>;
  /** Rules (or `*` for every rule) it silenced at least one finding of. */
  used: Set<string>;
}

const DIRECTIVE = /^\s*axag-(disable-next|disable-file|disable|enable)(?=\s|$)([\s\S]*)$/;
const KINDS = ['disable-next', 'disable', 'enable', 'disable-file'];
const FIRST_WORD = /^\s*axag-(\S+)/;
/** ESLint's words for the same thing. */
const ESLINT_HABITS: Record<string, string> = { 'disable-next-line': 'disable-next', 'disable-line': 'disable-next' };

export interface DirectiveOptions {
  /** `--report-unused-disable-directives`: the severity of findings for directives that silenced nothing. */
  reportUnused?: Severity;
  /** Rules that did not run though they could have fired (`--quiet`): a directive for them cannot be judged unused. */
  unjudged: ReadonlySet<string>;
}

/**
 * Applies the inline directives of spec §6 to a document's findings: drops the
 * findings they silence, and adds `axag/directive` findings for directives that
 * name unknown rules or (when asked) silenced nothing. Syntax errors and
 * directive findings are never silenced.
 */
export function applyDirectives(
  findings: Finding[],
  comments: readonly SourceComment[],
  elements: readonly AnnotatedElement[],
  options: DirectiveOptions,
): { findings: Finding[]; directives: DirectiveRecord[] } {
  const problems: Finding[] = [];
  const directives: Directive[] = [];
  for (const comment of comments) {
    const parsed = parseDirective(comment, elements, problems);
    if (parsed) directives.push(parsed);
  }
  const records = directives.map(({ kind, ids, range, target }) => ({ kind, ids, range, ...(target && { target }) }));
  if (directives.length === 0) return { findings: [...findings, ...problems], directives: records };

  const kept = findings.filter((finding) => {
    if (!RULES_BY_ID.has(finding.ruleId)) return true;
    const silencer = silencerOf(finding, directives);
    if (!silencer) return true;
    silencer.used.add(silencer.ids.length === 0 ? '*' : finding.ruleId);
    return false;
  });
  if (options.reportUnused) {
    for (const directive of directives) {
      if (directive.kind === 'enable') continue;
      const unused = unusedRules(directive, options.unjudged);
      if (unused === undefined) continue;
      const what = unused.length > 0 ? `for ${unused.join(', ')} ` : '';
      problems.push(directiveFinding(options.reportUnused, `${UNUSED} axag-${directive.kind} directive ${what}(nothing to silence); remove it`, directive.range));
    }
  }
  return { findings: [...kept, ...problems], directives: records };
}

const UNUSED = 'Unused';

/**
 * Applies a file's directives to findings of the checks across files, which arrive after the file was linted.
 * Returns the findings kept; a directive for every rule that silenced one of them was not unused after all,
 * so the unused-directive finding the file's own pass gave it is withdrawn.
 */
export function applyDirectivesLater(findings: readonly Finding[], file: { findings: Finding[]; directives: readonly DirectiveRecord[] }): Finding[] {
  if (file.directives.length === 0) return [...findings];
  const directives = file.directives.map((record): Directive => ({ ...record, written: new Map(), used: new Set() }));
  const kept = findings.filter((finding) => {
    const silencer = silencerOf(finding, directives);
    if (silencer) silencer.used.add('*');
    return !silencer;
  });
  const usedAfterAll = directives.filter((directive) => directive.ids.length === 0 && directive.used.size > 0);
  file.findings = file.findings.filter(
    (finding) =>
      finding.ruleId !== DIRECTIVE_RULE ||
      !finding.message.startsWith(UNUSED) ||
      !usedAfterAll.some((directive) => directive.range.line === finding.line && directive.range.column === finding.column),
  );
  return kept;
}

function parseDirective(comment: SourceComment, elements: readonly AnnotatedElement[], problems: Finding[]): Directive | undefined {
  const match = DIRECTIVE.exec(comment.text);
  if (!match) {
    // `axag-disabel`, `axag-disable-line`: a directive meant, mistyped; other `axag-…` words are left alone.
    const word = FIRST_WORD.exec(comment.text)?.[1];
    const meant = word === undefined ? undefined : Object.hasOwn(ESLINT_HABITS, word) ? ESLINT_HABITS[word] : closest(word, KINDS, 3);
    if (meant || /^(?:disable|enable)/.test(word ?? '')) {
      const hint = meant ? `did you mean axag-${meant}?` : 'use axag-disable-next, axag-disable, axag-enable or axag-disable-file';
      problems.push(directiveFinding('warning', `Unknown directive "axag-${word}"; ${hint}`, comment.range));
    }
    return undefined;
  }
  const [, kind, rest] = match;
  // `-- reason` ends the rule list.
  const list = rest!.split(/(?:^|\s)--(?:\s|$)/)[0]!;
  const written = new Map<string, string>();
  for (const reference of list.split(/[\s,]+/).filter(Boolean)) {
    const resolved = resolveRuleReference(reference);
    if (resolved.kind === 'rule') {
      if (!written.has(resolved.id)) written.set(resolved.id, reference);
      continue;
    }
    const message = resolved.kind === 'ignored' ? `${resolved.reason}; ignored` : `Unknown rule "${reference}" in axag-${kind}; ${resolved.hint}`;
    problems.push(directiveFinding('warning', message, comment.range));
  }
  // A directive naming only rules axag does not have silences nothing rather than everything.
  if (written.size === 0 && list.trim() !== '') return undefined;
  const target = kind === 'disable-next' ? elements.find((element) => atOrBefore(endOf(comment.range), element.start))?.start : undefined;
  return { kind: kind as Kind, ids: [...written.keys()], written, range: comment.range, ...(target && { target }), used: new Set() };
}

function directiveFinding(severity: Severity, message: string, range: Range): Finding {
  return { ruleId: DIRECTIVE_RULE, severity, message, ...range, fingerprint: fingerprintOf(DIRECTIVE_RULE, undefined, message) };
}

const covers = (directive: Directive, ruleId: string) => directive.ids.length === 0 || directive.ids.includes(ruleId);
type Position = { line: number; column: number };
const atOrBefore = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.column <= b.column);
const endOf = (range: Range) => ({ line: range.endLine, column: range.endColumn });

/** The directive that silences a finding, if any: disable-file, then disable-next on its element, then the active range. */
function silencerOf(finding: Finding, directives: readonly Directive[]): Directive | undefined {
  const fileWide = directives.find((d) => d.kind === 'disable-file' && covers(d, finding.ruleId));
  if (fileWide) return fileWide;
  const element = finding.element;
  if (element) {
    const next = directives.find(
      (d) => d.kind === 'disable-next' && covers(d, finding.ruleId) && d.target?.line === element.line && d.target.column === element.column,
    );
    if (next) return next;
  }
  // Ranges: the last disable before the finding that no later enable (before the finding) switched off for this rule.
  let active: Directive | undefined;
  for (const directive of directives) {
    if (!atOrBefore(endOf(directive.range), finding)) break;
    if (directive.kind === 'disable' && covers(directive, finding.ruleId)) active = directive;
    else if (directive.kind === 'enable' && covers(directive, finding.ruleId)) active = undefined;
  }
  return active;
}

/**
 * The rules a directive silenced nothing for, as it names them ([] = the whole directive), or undefined when it
 * did its job or cannot be judged. A check across files is never judged: whether it fires on this file depends on
 * the other files of the run (a directive used on the whole project would look unused on `--staged`).
 */
function unusedRules(directive: Directive, unjudged: ReadonlySet<string>): string[] | undefined {
  if (directive.ids.length === 0) return directive.used.size === 0 && unjudged.size === 0 ? [] : undefined;
  const unused = directive.ids.filter((id) => !directive.used.has(id) && !unjudged.has(id) && !isRunRule(RULES_BY_ID.get(id)!));
  if (unused.length === 0) return undefined;
  return unused.map((id) => directive.written.get(id)!);
}
