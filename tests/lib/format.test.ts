// src/lib/format.ts: plurals and the number formats shared by pages, charts and browser scripts.
import { describe, expect, test } from 'vitest';
import { format } from 'd3-format';
import { formatCount, formatTwoDecimals, plural } from '../../src/lib/format';

describe('plural', () => {
  test.each([
    [0, 'studies'],
    [1, 'study'],
    [2, 'studies'],
  ])('gives the word for %i', (n, expected) => {
    expect(plural(n, 'study', 'studies')).toBe(expected);
  });

  test('adds an s by default, and agrees a verb', () => {
    expect(plural(3, 'record')).toBe('records');
    expect(plural(1, 'is', 'are')).toBe('is');
  });
});

describe('number formats written without d3-format', () => {
  // d3-format is the reference: the site printed these numbers with format(',') and format('.2f') before.
  test.each([0, 1, -1, 7, 999, 1000, 12345, 1234567, -4321, 0.5, 12.25, 1e6])('formatCount(%s) prints what format(",") prints', (v) => {
    expect(formatCount(v)).toBe(format(',')(v));
  });
  test.each([
    0, 1, -1, 0.5, 12.25, -0.005, 0.005, 0.125, -0.125, 0.994, 0.995, -0.995, 1.005, 2.675, 10.5, -1e-9, 3.14159, -2.71828, 99.999,
    12345.678,
  ])('formatTwoDecimals(%s) prints what format(".2f") prints', (v) => {
    expect(formatTwoDecimals(v)).toBe(format('.2f')(v));
  });
});
