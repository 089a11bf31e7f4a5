import type { Rule } from '../src/rule.js';

export const rule: Rule = {
  id: 'axag/dynamic-annotation',
  name: 'dynamic-annotation',
  severity: 'off',
  strictSeverity: 'off',
  description: 'The axag macro is written as a static value, not computed at run time.',
  docs: {
    what:
      'Reports an `axag` macro that is computed at run time: `axag={expr}` in JSX and Svelte, `:axag`, `v-bind:axag` ' +
      'and `v-axag` in Vue, `[axag]` and `[attr.axag]` in Angular templates. axag treats such an element like one ' +
      'with a spread: its missing-attribute findings are not reported, since the macro may supply the attributes. ' +
      'Off by default; the summary counts these annotations either way.',
    why:
      'A computed annotation cannot be checked before it runs, and tools that read the page statically (manifest ' +
      'generators) do not see it. Turn this on where every annotation should be checkable.',
    failing: 'export const Add = ({ macro }) => <button axag={macro}>Add to cart</button>;',
    passing: 'export const Add = () => <button axag="write:cart.add_item!low?idempotent=false">Add to cart</button>;',
    language: 'jsx',
  },
  defaultOptions: {},
  check({ model }) {
    return model.elements.flatMap(({ element }) =>
      element.macro?.form === 'bound'
        ? [
            {
              message: `The axag macro of <${element.tag}> is computed at run time, so axag cannot check it; write it as a static value, e.g. axag="write:cart.add_item", to have it checked`,
              range: element.macro.attribute.nameRange,
              element,
            },
          ]
        : [],
    );
  },
};
