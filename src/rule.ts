import type { Action, AnnotationModel, EffectiveAttribute } from './engine/element-model.js';
import type { ManifestAction } from './manifest/actions.js';
import type { ManifestSchemaVersion } from './manifest/schema.js';
import type { AnnotatedElement, AxagAttribute, Range } from './model.js';
import { adviseOnName, isKnownAttribute } from './attribute-names.js';
import type { ParameterItems } from './parameter-list.js';
import type { IntentDeclaration } from './results.js';
import { macroToken, replaceValue, type RangeEdit, type RangeSuggestion } from './fixes.js';
import { correctValue, quote } from './text/suggest.js';

export type Severity = 'error' | 'warning';

/** A severity a config or preset can set: a rule that is `off` does not run. */
export type SeverityLevel = Severity | 'off';

/** A rule's documentation page: printed by the CLI, embedded in SARIF. */
export interface RuleDocs {
  /** What the rule checks. */
  what: string;
  /** Why it matters to agents and people. */
  why: string;
  /** A snippet that the rule reports. */
  failing: string;
  /** The same snippet, fixed. */
  passing: string;
  /** The language of the snippets, for code fences: `html` unless given. */
  language?: string;
}

/** What a rule knows of the Semantic Manifest in use. Plain data. */
export interface ManifestIndex {
  /** The manifest's path as the user should see it in messages. */
  displayPath: string;
  /** Every string `intent` of an object anywhere in it (AXAG-LINT-010 stays useful on a broken manifest). */
  intents: ReadonlySet<string>;
  /** The schema it is checked against: a v1 manifest cannot say what only v1.1 has. */
  schema: ManifestSchemaVersion;
  /** What the actions of its `actions` list say, by intent. */
  actions: ReadonlyMap<string, ManifestAction>;
}

export interface RuleContext<Options> {
  model: AnnotationModel;
  manifest: ManifestIndex | undefined;
  options: Options;
  /** The action types this project accepts (AXAG-LINT-004's `allowed`), for messages of other rules. */
  actionTypes: readonly string[];
  /** Whether parameter lists may hold typed objects (AXAG-LINT-009's `parameterItems`), so every rule reads them as 009 does. */
  parameterItems: ParameterItems;
}

/** One finding as a rule reports it; the engine adds the rule id and severity. */
export interface Report {
  message: string;
  range: Range;
  /** The element the finding is about. */
  element: AnnotatedElement;
  /** The corrected value, when there is an obvious fix: a value, not source text (the source decides the quoting). */
  suggestion?: string;
  /** Edits that make the finding go away without changing what the author meant (spec §10); see src/fixes.ts. */
  fix?: RangeEdit[];
  /** Choices the author makes (spec §10), each labelled. */
  suggestions?: RangeSuggestion[];
  /** Other places in the file the finding rests on: a value the action inherits from a fragment or an enclosing element. */
  related?: RelatedReport[];
}

/** A place in the same file that explains a finding, and what it says there. */
export interface RelatedReport {
  message: string;
  range: Range;
}

/** What every check that is a rule has: identity, severities, documentation, options. */
interface RuleInfo<Options> {
  id: string;
  /** kebab-case name. */
  name: string;
  /** Severity in the `axag-lint/recommended` preset, which is also the default. */
  severity: SeverityLevel;
  /** Severity in the `axag-lint/strict` preset. */
  strictSeverity: SeverityLevel;
  /** One sentence. */
  description: string;
  docs: RuleDocs;
  /** JSON Schema of the options object a config may give with `[severity, options]`. */
  optionsSchema?: object;
  defaultOptions: Options;
  /** Options that `axag-lint/strict` sets on top of the defaults (the recommended preset restores the defaults). */
  strictOptions?: Partial<Options>;
}

/** A rule that looks at one document at a time. */
export interface Rule<Options = Record<string, never>> extends RuleInfo<Options> {
  /** Pure: looks at the model, returns findings. */
  check(context: RuleContext<Options>): Report[];
}

/**
 * A check across files (spec §9.1): it runs after every file is linted, on the plain data each file's result
 * carries (its intent index), never on the files themselves, so results linted in parallel or read from a
 * cache serve as well. The engine applies each file's config, directives and baseline to what it reports.
 */
export interface RunRule extends RuleInfo<Record<string, never>> {
  checkRun(run: RunContext): RunReport[];
}

/** Any check that is a rule. */
export type AnyRule = Rule<any> | RunRule;

export function isRunRule(rule: AnyRule): rule is RunRule {
  return 'checkRun' in rule;
}

/**
 * The files of a run that describe one site, with the manifest they use: the files whose configs name the same
 * manifest, or, without a manifest, the files under the same config file (a monorepo package is its own site).
 */
export interface RunSite {
  manifest?: {
    path: string;
    actions: ReadonlyMap<string, ManifestAction>;
    /** Where the `intent` of the action at `index` of its `actions` list is written. */
    locateIntent(index: number): Range;
  };
  /** In path order. A file's `intents` are made anew at each read (they are kept packed): read them once. */
  files: readonly { path: string; displayPath: string; readonly intents: readonly IntentDeclaration[] }[];
}

export interface RunContext {
  sites: readonly RunSite[];
}

/** A finding of a check across files, on the file `path` (a linted file or a manifest). */
export interface RunReport {
  path: string;
  message: string;
  /** The message without what depends on the rest of the run or the working directory (another file's position), for version 1 fingerprints. */
  stableMessage: string;
  /** What the finding is about beyond its element, in words no rewording of the message changes (the intent), for fingerprints. */
  subject: string;
  range: Range;
  /** The element it is about, as in a Finding, with the digest of its tag and attributes (for fingerprints). */
  element?: { name: string; line: number; column: number; digest: string };
  /** Other places the finding rests on, in this file or another (an earlier declaration of the intent). */
  related?: (RelatedReport & { path: string })[];
}

/** The finding for an attribute an action lacks: reported at the start-tag name. */
export function missing(action: Action, message: string): Report {
  return { message, range: action.element.nameRange, element: action.element };
}

/**
 * For 001–003 (spec §9.1): `found axag-intnet; did you mean axag-intent?` when the action's element carries an
 * unknown attribute that stands for `name`, the identity attribute it lacks; else undefined.
 */
export function misspelling(action: Action, name: string): string | undefined {
  const typo = action.element.attributes.find(
    (attribute) => attribute.macroKey === undefined && !isKnownAttribute(attribute.name) && adviseOnName(attribute.name).meant.includes(name),
  );
  return typo && `found ${typo.name}; did you mean ${name}?`;
}

/**
 * The element's `axag` macro was written but its head could not be read: nothing of it applies, and its
 * `axag/macro-syntax` finding is the whole story, so the identity findings (001–003) would only repeat it.
 */
export function hasUnreadableMacro(action: Action): boolean {
  return action.element.macro?.form === 'static' && !action.element.macro.applied;
}

/** The action is written with the `axag` macro: fixes are best given in its terms (spec §8.1). */
export function usesMacro(action: Action): boolean {
  return action.element.macro?.applied === true;
}

/** The action's element has an `axag` attribute with nothing in it. */
export function hasEmptyMacro(action: Action): boolean {
  return action.element.macro?.form === 'empty';
}

/** How a message names an attribute and its value, as the author wrote it: `"!critical" in the axag macro`, `axag-risk-level "critical"`. */
export function written(attribute: Pick<AxagAttribute, 'name' | 'value' | 'macroKey'>): string {
  if (attribute.macroKey === undefined) return `${attribute.name} ${quote(attribute.value?.trim() ?? '')}`;
  return `${macroText(attribute)} in the axag macro`;
}

/** The macro text that gave an attribute, quoted: `"!critical"`, `"confirm=false"`, `"req=sku,quantity"`. */
export function macroText(attribute: Pick<AxagAttribute, 'value' | 'macroKey'>): string {
  return quote(macroToken(attribute.macroKey ?? '', attribute.value?.trim() ?? ''));
}

/** How a message names where a value is set: the attribute, or the macro's key (`"req" in the axag macro`). */
export function setIn(attribute: Pick<AxagAttribute, 'name' | 'macroKey'>): string {
  return attribute.macroKey === undefined ? attribute.name : `"${attribute.macroKey}" in the axag macro`;
}

/** How a message points at an attribute: by name when written as one, by its token when the macro gave it. */
export function named(attribute: AxagAttribute): string {
  return attribute.macroKey === undefined ? attribute.name : written(attribute);
}

/**
 * Where the effective values a finding rests on are written when another element carries them (a fragment, an
 * enclosing context or entity container), so an editor can point there: the finding itself stays on the action.
 */
export function inherited(action: Action, causes: readonly (EffectiveAttribute | undefined)[]): Pick<Report, 'related'> {
  const related = causes
    .filter((cause): cause is EffectiveAttribute => cause !== undefined && cause.element !== action.element)
    .map(({ attribute, element }) => ({
      message: `${attribute.value === null ? named(attribute) : written(attribute)} on this <${element.tag}> applies to ${actionLabel(action)}`,
      range: attribute.valueRange,
    }));
  return related.length > 0 ? { related } : {};
}

/** How messages name an action: its static intent, else its tag. */
export function actionLabel(action: Action): string {
  const intent = action.effective.get('axag-intent')?.attribute.value;
  return intent ? `Action ${quote(intent.trim())} (<${action.element.tag}>)` : `<${action.element.tag}>`;
}

/**
 * Findings for every element whose static `name` attribute, trimmed, is not one of
 * `allowed`, at the value, suggesting the value meant: the same word in another case,
 * the one a known synonym stands for (spec §9.3), or the closest. Values in
 * `leftToOthers` are another check's business (a deprecated value).
 */
export function invalidEnumValues(
  model: AnnotationModel,
  name: string,
  allowed: readonly string[],
  { synonyms, leftToOthers }: { synonyms?: ReadonlyMap<string, string>; leftToOthers?: ReadonlyMap<string, unknown> } = {},
): Report[] {
  return model.elements.flatMap(({ element, own }) => {
    const attribute = own.get(name);
    if (!attribute || attribute.value === null) return [];
    const value = attribute.value.trim();
    if (allowed.includes(value) || leftToOthers?.has(value)) return [];
    const correction = correctValue(value, allowed, synonyms);
    const suggestion = correction?.value;
    const hint = suggestion ? `; did you mean "${suggestion}"?` : '';
    const shown = attribute.macroKey === undefined ? `${name} ${quote(attribute.value)}` : written(attribute);
    const message = `Invalid ${shown}; expected one of ${allowed.join(', ')}${hint}`;
    return [{ message, range: attribute.valueRange, element, ...(correction && { suggestion, ...correctionEdits(attribute, correction) }) }];
  });
}

/**
 * A corrected value as edits: a fix when it is certain (a case or synonym correction, spec §10), else a
 * suggestion; nothing when the source cannot take it.
 */
export function correctionEdits(
  attribute: AxagAttribute,
  { value, certain }: { value: string; certain: boolean },
): Pick<Report, 'fix' | 'suggestions'> {
  const edits = replaceValue(attribute, value);
  if (!edits) return {};
  return certain ? { fix: edits } : { suggestions: [{ label: `Change ${attribute.macroKey === undefined ? attribute.name : 'the macro'} to ${quote(macroToken(attribute.macroKey ?? 'type', value))}`, edits }] };
}

/** Edits as a report's fix, when there are any. */
export function fixOf(edits: RangeEdit[] | undefined): Pick<Report, 'fix'> {
  return edits ? { fix: edits } : {};
}
