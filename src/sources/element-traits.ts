/** Facts about elements and attributes that every source decides the same way. */

/** `axag-*` and the macro `axag` (HTML names arrive lower-cased, JSX names are exact); `data-axag-*` is not one. */
export function isAxagAttribute(name: string): boolean {
  return name === MACRO || (name.startsWith('axag-') && name.length > 5);
}

/** The AXAG 1.1 macro attribute (spec §8.1). */
export const MACRO = 'axag';

/** Angular template bindings of the macro, which HTML parsing keeps as attribute names: computed at run time. */
export function isBoundMacroName(name: string): boolean {
  return name === '[axag]' || name === '[attr.axag]';
}

const INTERACTIVE_TAGS = new Set(['button', 'a', 'input', 'form', 'select', 'textarea']);

/**
 * Spec §1.3: elements that act, so an `axag-entity` on them is not a mere
 * container. A component named like one (`Button`, `ui.Button`) acts like one.
 */
export function isInteractive(tagName: string, role: string | undefined, hasOnclick: boolean): boolean {
  const name = tagName.slice(tagName.lastIndexOf('.') + 1).toLowerCase();
  return INTERACTIVE_TAGS.has(name) || hasOnclick || role?.trim().toLowerCase() === 'button';
}

/**
 * Attribute names under which HTML read as a template binds `id` at run time: Angular's `[id]` and `[attr.id]`,
 * and the `:id` / `v-bind:id` of Vue or Alpine markup served as HTML.
 */
export function isBoundIdName(name: string): boolean {
  return name === '[id]' || name === '[attr.id]' || name === ':id' || name === 'v-bind:id';
}

/** A static id that a template engine fills in (`{{ formId }}`, `{% … %}`, `${…}`, `<%= … %>`): known only at run time. */
export function isTemplatedId(value: string): boolean {
  return /\{\{|\{%|\$\{|<%/.test(value);
}
