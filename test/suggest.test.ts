import { describe, expect, it } from 'vitest';
import { CloseMatches, closest, editDistance } from '../src/text/suggest.js';

/** The textbook full-table Levenshtein distance, to check the banded one against. */
function fullDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

const PAIRS: [string, string][] = [
  ['', ''],
  ['', 'ab'],
  ['kitten', 'sitting'],
  ['cart.add_item', 'cart.add_itme'],
  ['cart.add_item', 'cart.remove_item'],
  ['abcdef', 'fedcba'],
  ['aaaa', 'aaaaaaa'],
];

describe('editDistance', () => {
  it.each(PAIRS)('%j to %j: the full distance, or max + 1 beyond max', (a, b) => {
    const full = fullDistance(a, b);
    expect(editDistance(a, b)).toBe(full);
    for (const max of [0, 1, 2, 3]) expect(editDistance(a, b, max)).toBe(Math.min(full, max + 1));
  });
});

describe('CloseMatches', () => {
  const intents = ['cart.add_item', 'cart.remove_item', 'cart.view', 'order.cancel', 'order.cancel_all', 'Cart.View', 'a.b', 'ab.c'];
  const index = new CloseMatches(intents, 2);

  it.each(['cart.add_itme', 'cart.veiw', 'cart.view', 'CART.VIEW', 'order.cancle', 'order.cancel_al', 'a.c', 'x.y', '', 'cart.add_item_now'])(
    'answers %j as closest() does',
    (value) => {
      expect(index.closest(value)).toBe(closest(value, intents, 2));
    },
  );

  it('finds a candidate whose every piece but k + 1 differs', () => {
    // Ten characters cut into five pieces; two edits in two pieces leave three intact.
    expect(new CloseMatches(['abcdefghij'], 2).closest('aXcdeYghij')).toBe('abcdefghij');
  });
});
