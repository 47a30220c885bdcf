import { describe, expect, test } from 'vitest';
import { maxSearchVariants, mergeResults, searchVariants } from '../../src/lib/search-terms';

describe('searchVariants', () => {
  test.each([
    ['videoconferencing', 'videoconference'],
    ['videoconference', 'videoconferencing'],
    ['video', 'videoconference'],
    ['e-mail', 'email'],
    ['email', 'e-mail'],
    ['internet-based', 'online'],
    ['online', 'internet-based'],
  ])('searches “%s” also as “%s”', (query, synonym) => {
    const variants = searchVariants(query);
    expect(variants[0]).toBe(query);
    expect(variants).toContain(synonym);
  });

  test('swaps a synonym inside a longer query and keeps the other words', () => {
    expect(searchVariants('E-mail therapy alliance')).toEqual(
      expect.arrayContaining(['E-mail therapy alliance', 'email therapy alliance', 'electronic mail therapy alliance']),
    );
  });

  test('prefers the longer phrase where two overlap', () => {
    const variants = searchVariants('online chat');
    expect(variants).toContain('instant messaging');
    expect(variants).not.toContain('internet-based chat');
  });

  test('combines two synonym phrases, within the limit', () => {
    const variants = searchVariants('video email');
    expect(variants[0]).toBe('video email');
    expect(variants).toContain('videoconference e-mail');
    expect(variants.length).toBeLessThanOrEqual(maxSearchVariants);
  });

  test('does not match a synonym inside a longer word', () => {
    expect(searchVariants('videotape')).toEqual(['videotape']);
    expect(searchVariants('phoneme')).toEqual(['phoneme']);
    expect(searchVariants('smartphone')).toEqual(['smartphone']);
  });

  test('leaves a query without synonyms alone, trims it, and gives nothing for an empty one', () => {
    expect(searchVariants('  working   alliance ')).toEqual(['working alliance']);
    expect(searchVariants('   ')).toEqual([]);
  });

  test('never repeats a variant', () => {
    const variants = searchVariants('Email').map((v) => v.toLowerCase());
    expect(new Set(variants).size).toBe(variants.length);
  });
});

describe('mergeResults', () => {
  test('keeps each result once with its best score, best first', () => {
    const merged = mergeResults([
      [
        { id: 'a', score: 1, from: 1 },
        { id: 'b', score: 0.5, from: 1 },
      ],
      [
        { id: 'b', score: 2, from: 2 },
        { id: 'c', score: 0.1, from: 2 },
      ],
    ]);
    expect(merged).toEqual([
      { id: 'b', score: 2, from: 2 },
      { id: 'a', score: 1, from: 1 },
      { id: 'c', score: 0.1, from: 2 },
    ]);
  });

  test('keeps the first order between equal scores, and gives nothing for no results', () => {
    expect(mergeResults([[{ id: 'x', score: 1 }], [{ id: 'y', score: 1 }]]).map((r) => r.id)).toEqual(['x', 'y']);
    expect(mergeResults([])).toEqual([]);
  });
});
