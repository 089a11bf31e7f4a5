import { ACTION_FIELDS, asSet, readField, setItems, type FieldSpec } from '../src/engine/action-fields.js';
import type { Action, EffectiveAttribute } from '../src/engine/element-model.js';
import type { ManifestAction, ManifestParameter } from '../src/manifest/actions.js';
import { actionLabel, macroText, missing, usesMacro, written, type ManifestIndex, type Report, type Rule } from '../src/rule.js';

interface Options {
  /** Also compare optional parameter names (the strict preset sets it). */
  optionalParameters: boolean;
}

export const rule: Rule<Options> = {
  id: 'axag/manifest-drift',
  name: 'manifest-drift',
  severity: 'warning',
  strictSeverity: 'error',
  description: "An action whose intent is in the Semantic Manifest says what the manifest's action says.",
  docs: {
    what:
      'For each action whose static intent is in the manifest, compares the annotation with the manifest action field ' +
      'by field: action_type, entity, risk_level, confirmation_required, approval_required, idempotent, scope, ' +
      'tenant_boundary (not against a manifest checked as v1, which cannot say it), approval_roles (as a set) and the ' +
      'required parameter names, either way. One finding per differing field, at the attribute (at the tag when the ' +
      'annotation lacks it), naming the manifest\'s value. Absent means what the standard says it means: no ' +
      'confirmation and no approval required, no approval roles, no parameters; a risk level, idempotency, scope or ' +
      'tenant boundary that one side states and the other does not is a difference. Manifest parameters that carry a ' +
      '`source` (harvested from the form, a Zod schema or OpenAPI) are expected extras. Values another check reports ' +
      '(an unknown risk level, invalid JSON) and dynamic values are not compared. Option `optionalParameters` (on in ' +
      'the strict preset) compares the optional parameter names too.',
    why:
      'Agents and tool generators read the manifest; the page is what runs. When they disagree, an agent skips a ' +
      'confirmation the page requires, retries an action the manifest wrongly calls idempotent, or sends a parameter ' +
      'the page never reads. A stale manifest is the usual cause: regenerate it.',
    failing:
      '# axag-manifest.yaml describes cart.add_item: write, risk_level low, idempotent false\n' +
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="true">Add</button>',
    passing:
      '# axag-manifest.yaml describes cart.add_item: write, risk_level low, idempotent false\n' +
      '<button axag-intent="cart.add_item" axag-entity="cart" axag-action-type="write" axag-risk-level="low" axag-idempotent="false">Add</button>',
  },
  optionsSchema: {
    type: 'object',
    properties: { optionalParameters: { type: 'boolean' } },
    additionalProperties: false,
  },
  defaultOptions: { optionalParameters: false },
  strictOptions: { optionalParameters: true },
  check({ model, manifest, options, parameterItems }) {
    if (!manifest) return [];
    return model.actions.flatMap((action) => {
      const intent = action.effective.get('axag-intent')?.attribute.value?.trim();
      const entry = intent ? manifest.actions.get(intent) : undefined;
      if (!entry) return [];
      return ACTION_FIELDS.flatMap((field): Report[] => {
        const key = field.manifestKey;
        if (!key || entry.unreadable.includes(key)) return [];
        if (key === 'optional_parameters' && !options.optionalParameters) return [];
        if (key === 'tenant_boundary' && manifest.schema === 'v1') return [];
        // What an element with a spread does not declare may arrive at run time.
        if (action.open && !action.effective.has(field.attribute)) return [];
        const page = readField(action, field, parameterItems);
        if (page.kind === 'unknown') return [];
        // A missing identity attribute is 001–003's finding, a manifest action without one the schema check's.
        if ((key === 'action_type' || key === 'entity') && (page.kind === 'absent' || entry[key] === undefined)) return [];
        const pageValue = page.kind === 'value' ? page.value : undefined;
        const from = page.kind === 'value' ? page.from : undefined;
        if (field.kind === 'parameters') return parameterDrift(action, field, pageValue!, entry, from, manifest);
        const theirs = manifestValue(entry, field);
        if (theirs === null || pageValue === theirs) return [];
        return [valueDrift(action, field, pageValue, from, entry, manifest)];
      });
    });
  },
};

/**
 * The manifest action's value of a field, in the canonical form of the annotation's: undefined when not given
 * (and the field has no default), null for a value outside the field's set (the schema check reports it).
 */
function manifestValue(entry: ManifestAction, field: FieldSpec): string | undefined | null {
  const value = entry[field.manifestKey!];
  if (value === undefined) return field.absentMeans;
  if (Array.isArray(value)) return asSet(value as string[]);
  if (field.allowed && !field.allowed.includes(String(value))) return null;
  return String(value);
}

/** How a message shows a manifest value: `risk_level: high`, `approval_roles: ["a","b"]`, or that it is not given. */
function manifestSays(field: FieldSpec, value: string | undefined, entry: ManifestAction): string {
  const key = field.manifestKey!;
  if (entry[key] === undefined) return value === undefined ? `has no ${key}` : `has no ${key} (so ${value})`;
  return `says ${key}: ${value}`;
}

function valueDrift(
  action: Action,
  field: FieldSpec,
  ours: string | undefined,
  from: EffectiveAttribute | undefined,
  entry: ManifestAction,
  manifest: ManifestIndex,
): Report {
  const theirs = manifestValue(entry, field) ?? undefined;
  const says = `the manifest ${manifest.displayPath} ${manifestSays(field, theirs, entry)}`;
  const inMacro = usesMacro(action) && field.macroKey !== undefined;
  if (!from) {
    // Not declared: absent, or its default.
    const subject = inMacro
      ? `declares no ${field.label} in its axag macro`
      : `does not declare ${field.attribute}${ours === undefined ? '' : ` (so ${ours})`}`;
    const fix = inMacro ? `add "${macroToken(field, theirs!)}" to the axag macro` : `add ${field.attribute}=${attributeValue(field, theirs!)}`;
    return missing(action, `${actionLabel(action)} ${subject}, but ${says}; regenerate the manifest or ${fix}`);
  }
  const { attribute } = from;
  const removes = theirs === undefined || theirs === field.absentMeans;
  const inherited = isInherited(action, from);
  // A list is shown as the JSON it is; anything else as `written` quotes it.
  const isList = field.kind === 'list' || field.kind === 'parameters';
  let shown = isList && attribute.macroKey === undefined ? `${attribute.name} ${attribute.value!.trim()}` : written(attribute);
  if (attribute.macroKey === 'entity') shown = `the entity "${attribute.value!.trim()}" that the intent in its axag macro gives`;
  let fix: string;
  if (inherited) {
    shown += ` (inherited from <${from.element.tag}>)`;
    fix = removes ? 'change the annotation where it is inherited from' : `set ${field.attribute}=${attributeValue(field, theirs!)} on this element`;
  } else if (attribute.macroKey === 'entity') {
    // The macro gives the entity only through the intent; an explicit axag-entity overrides it.
    fix = `add axag-entity=${attributeValue(field, theirs!)}`;
  } else if (attribute.macroKey !== undefined) {
    fix = removes
      ? `remove ${macroText(attribute)} from the axag macro`
      : `change ${macroText(attribute)} in the axag macro to "${macroToken(field, theirs!)}"`;
  } else {
    fix = removes ? `change the annotation: remove ${field.attribute}` : `change the annotation to ${field.attribute}=${attributeValue(field, theirs!)}`;
  }
  const message = `${actionLabel(action)} has ${shown}, but ${says}; regenerate the manifest or ${fix}`;
  return inherited ? missing(action, message) : { message, range: attribute.valueRange, element: from.element };
}

/** Required (or optional) parameter names, either way; the manifest's parameters with a `source` are expected extras. */
function parameterDrift(
  action: Action,
  field: FieldSpec,
  ours: string,
  entry: ManifestAction,
  from: EffectiveAttribute | undefined,
  manifest: ManifestIndex,
): Report[] {
  const key = field.manifestKey as 'required_parameters' | 'optional_parameters';
  const theirs: readonly ManifestParameter[] = entry[key] ?? [];
  const declared = new Set(setItems(ours));
  const listed = new Set(theirs.map((parameter) => parameter.name));
  const extras = new Set(theirs.filter((parameter) => parameter.source !== undefined).map((parameter) => parameter.name));
  const onlyOurs = [...declared].filter((name) => !listed.has(name)).sort();
  const onlyTheirs = [...listed].filter((name) => !declared.has(name) && !extras.has(name)).sort();
  if (onlyOurs.length === 0 && onlyTheirs.length === 0) return [];

  const names = (list: readonly string[]) => list.map((name) => `"${name}"`).join(', ');
  const [does, doesNot] = key === 'required_parameters' ? ['requires', 'does not require'] : ['lists as optional', 'does not list as optional'];
  const differences = [
    onlyOurs.length > 0 && `${does} ${names(onlyOurs)}`,
    onlyTheirs.length > 0 && `${doesNot} ${names(onlyTheirs)}`,
  ].filter(Boolean);
  const inManifest = theirs.length > 0 ? theirs.map((parameter) => parameter.name).join(', ') : 'none';
  const expected = [...listed].filter((name) => declared.has(name) || !extras.has(name)).sort();
  const canonicalExpected = asSet(expected)!;
  let fix: string;
  if (from?.attribute.macroKey !== undefined) {
    fix = expected.length === 0
      ? `remove ${macroText(from.attribute)} from the axag macro`
      : `change ${macroText(from.attribute)} in the axag macro to "${macroToken(field, canonicalExpected)}"`;
  } else if (!from) {
    fix = usesMacro(action)
      ? `add "${macroToken(field, canonicalExpected)}" to the axag macro`
      : `add ${field.attribute}=${attributeValue(field, canonicalExpected)}`;
  } else {
    fix = expected.length === 0 ? `change the annotation: remove ${field.attribute}` : `change the annotation so that ${field.attribute} declares ${names(expected)}`;
  }
  const message =
    `${actionLabel(action)} ${differences.join(' and ')}, unlike the manifest ${manifest.displayPath} ` +
    `(${key}: ${inManifest}); regenerate the manifest or ${fix}`;
  if (!from || isInherited(action, from)) return [missing(action, message)];
  return [{ message, range: from.attribute.valueRange, element: from.element }];
}

/** The attribute is the action's by inheritance (a context ancestor, an entity container), not its own or a fragment's. */
function isInherited(action: Action, from: EffectiveAttribute): boolean {
  const a = from.element.start;
  const b = action.element.start;
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

/** How an attribute would be written with a canonical value: `"high"`, `'["a","b"]'`. */
function attributeValue(field: FieldSpec, value: string): string {
  return field.kind === 'list' || field.kind === 'parameters' ? `'${value}'` : `"${value}"`;
}

/** The macro token that says `value` for the field: `!high`, `confirm`, `idempotent=false`, `roles=a,b`, `write`. */
function macroToken(field: FieldSpec, value: string): string {
  const key = field.macroKey!;
  if (key === '!') return `!${value}`;
  if (key === 'type') return value;
  if (field.kind === 'boolean') return value === 'true' ? key : `${key}=false`;
  if (field.kind === 'list' || field.kind === 'parameters') return `${key}=${setItems(value).join(',')}`;
  return `${key}=${value}`;
}

