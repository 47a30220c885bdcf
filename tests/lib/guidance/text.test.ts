// Text helpers of the guidance pages.
import { describe, expect, test } from 'vitest';
import { formatDate, plainText } from '../../../src/lib/guidance/text';

describe('plainText', () => {
  test.each([
    ['Email &amp; chat', 'Email & chat'],
    ['<code>WAI-S</code> short form', 'WAI-S short form'],
    ['  What the &#8220;alliance&#x201D; is\n', 'What the “alliance” is'],
    ['Unknown &bogus; entity', 'Unknown &bogus; entity'],
  ])('%j -> %j', (html, text) => {
    expect(plainText(html)).toBe(text);
  });
});

describe('formatDate', () => {
  test.each([
    ['2026-11-27', '27 November 2026'],
    ['2012-01-05', '5 January 2012'],
  ])('%s -> %s', (iso, text) => {
    expect(formatDate(iso)).toBe(text);
  });
});
