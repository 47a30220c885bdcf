// The start of a long list that a page shows (src/lib/long-list.ts).
import { expect, test } from 'vitest';
import { listStart, longListLimit, shownOf } from '../../src/lib/long-list';

test('a list no longer than the limit is shown whole', () => {
  const items = Array.from({ length: longListLimit }, (_, i) => i);
  const list = listStart(items);
  expect(list).toEqual({ shown: items, total: longListLimit, cut: false });
  expect(shownOf(list)).toBe('200');
});

test('a longer list shows its first items, in order, and says how many there are', () => {
  const items = Array.from({ length: 10_000 }, (_, i) => i);
  const list = listStart(items);
  expect(list.shown).toEqual(items.slice(0, 200));
  expect(list).toMatchObject({ total: 10_000, cut: true });
  expect(shownOf(list)).toBe('200 of 10,000');
});

test('the limit can be given, and an empty list is not cut', () => {
  expect(shownOf(listStart(['a', 'b', 'c'], 2))).toBe('2 of 3');
  expect(listStart([], 2)).toEqual({ shown: [], total: 0, cut: false });
});
