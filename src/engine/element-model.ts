import type { AnnotatedElement, AxagAttribute, ElementId, SourceDocument } from '../model.js';
import { isContextKey, isExtension, isParameterKey, isPresent } from '../vocabulary.js';
import { expandMacros } from './expand-macros.js';

export type Identity = 'default' | 'strict';
export type ElementKind = 'action' | 'fragment' | 'entity-container' | 'context-container';

/** An annotated element that is not skipped, with its role in the element model (spec §1.3). */
export interface ModelElement {
  element: AnnotatedElement;
  kind: ElementKind;
  /** The element's own AXAG attributes by name. */
  own: ReadonlyMap<string, AxagAttribute>;
}

/** Where an effective attribute comes from: the attribute and the element that carries it. */
export interface EffectiveAttribute {
  attribute: AxagAttribute;
  element: AnnotatedElement;
}

/** An action as a whole: a non-fragment action element with its merged annotation. */
export interface Action {
  element: AnnotatedElement;
  /** Present (non-empty or dynamic) attributes: own, then fragments', inherited context, container entity. */
  effective: ReadonlyMap<string, EffectiveAttribute>;
  /** The action or one of its fragments has a spread: attributes may arrive at run time. */
  open: boolean;
}

export interface AnnotationModel {
  elements: ModelElement[];
  actions: Action[];
  /** The static id of every element of the file, annotated or not (`SourceDocument.ids`). */
  ids: readonly ElementId[];
  /** Some id of the file is computed at run time, so `ids` may not hold them all (`SourceDocument.dynamicIds`). */
  dynamicIds: boolean;
}

interface Scope {
  /** Nearest-ancestor present value of each context key, for descendants. */
  context: ReadonlyMap<string, EffectiveAttribute>;
  /** The nearest entity container, for descendants. */
  entityContainer: number;
  /** The nearest action element with an intent: the host of fragments below it. */
  intentHost: number;
}

const ROOT: Scope = { context: new Map(), entityContainer: -1, intentHost: -1 };

/** Expands the `axag` macros of a source document (spec §8.1), then applies the element model of spec §1.3. */
export function buildModel(document: SourceDocument, identity: Identity): AnnotationModel {
  const { elements: source } = expandMacros(document);
  const scopes: (Scope | undefined)[] = new Array(source.length);
  const fragmentsOf = new Map<number, number[]>();
  const owns: Map<string, AxagAttribute>[] = new Array(source.length);
  const elements: ModelElement[] = [];
  const actionIndexes: number[] = [];

  source.forEach((element, i) => {
    const parentScope = element.parent < 0 ? ROOT : scopes[element.parent];
    if (parentScope === undefined) return; // inside a skipped subtree
    const own = new Map<string, AxagAttribute>();
    for (const attribute of element.attributes) if (!own.has(attribute.name)) own.set(attribute.name, attribute);
    if (own.get('axag-skip')?.value?.trim() === 'true') return;

    let kind = classify(element, own, identity);
    if (kind === 'action' && identity === 'default' && !isPresent(own.get('axag-intent')) && parentScope.intentHost >= 0) {
      kind = 'fragment';
      const siblings = fragmentsOf.get(parentScope.intentHost);
      if (siblings) siblings.push(i);
      else fragmentsOf.set(parentScope.intentHost, [i]);
    }
    owns[i] = own;
    elements.push({ element, kind, own });
    if (kind === 'action') actionIndexes.push(i);

    let context = parentScope.context;
    for (const [name, attribute] of own) {
      if (!isContextKey(name) || !isPresent(attribute)) continue;
      if (context === parentScope.context) context = new Map(context);
      (context as Map<string, EffectiveAttribute>).set(name, { attribute, element });
    }
    scopes[i] = {
      context,
      entityContainer: kind === 'entity-container' ? i : parentScope.entityContainer,
      intentHost: kind === 'action' && isPresent(own.get('axag-intent')) ? i : parentScope.intentHost,
    };
  });

  const actions = actionIndexes.map((i): Action => {
    const element = source[i]!;
    const effective = new Map<string, EffectiveAttribute>();
    const fragments = fragmentsOf.get(i) ?? [];
    for (const j of [i, ...fragments]) {
      for (const [name, attribute] of owns[j]!) {
        if (effective.has(name) || !isPresent(attribute) || isExtension(name) || name === 'axag-skip') continue;
        effective.set(name, { attribute, element: source[j]! });
      }
    }
    const parentScope = element.parent < 0 ? ROOT : scopes[element.parent]!;
    for (const [name, value] of parentScope.context) if (!effective.has(name)) effective.set(name, value);
    const container = parentScope.entityContainer;
    const entity = container >= 0 ? owns[container]!.get('axag-entity') : undefined;
    if (!effective.has('axag-entity') && isPresent(entity)) {
      effective.set('axag-entity', { attribute: entity, element: source[container]! });
    }
    const open = element.spread || fragments.some((j) => source[j]!.spread);
    return { element, effective, open };
  });

  return { elements, actions, ids: document.ids, dynamicIds: document.dynamicIds };
}

function classify(element: AnnotatedElement, own: ReadonlyMap<string, AxagAttribute>, identity: Identity): ElementKind {
  const identifying = [...own.keys()].filter(
    (name) => !isExtension(name) && name !== 'axag-skip' && !isContextKey(name) && !isParameterKey(name),
  );
  if (identity === 'strict') {
    return [...own.keys()].some((name) => !isExtension(name) && name !== 'axag-skip') ? 'action' : 'context-container';
  }
  if (identifying.length === 0) return 'context-container';
  if (identifying.length === 1 && identifying[0] === 'axag-entity' && !element.interactive) return 'entity-container';
  return 'action';
}
