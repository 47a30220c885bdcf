import { describe, expect, test } from 'vitest';
import { highlightSegments, normaliseTerms } from '../../../src/lib/screening/highlight';

const marked = (text: string, terms: string[]) =>
  highlightSegments(text, terms)
    .filter((s) => s.term)
    .map((s) => s.text);

describe('highlightSegments', () => {
  test('splits text into segments that join back to the text', () => {
    const text = 'The working alliance in e-therapy: alliance and outcome.';
    const segments = highlightSegments(text, ['alliance', 'outcome']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments).toEqual([
      { text: 'The working ' },
      { text: 'alliance', term: 'alliance' },
      { text: ' in e-therapy: ' },
      { text: 'alliance', term: 'alliance' },
      { text: ' and ' },
      { text: 'outcome', term: 'outcome' },
      { text: '.' },
    ]);
  });

  test.each([
    ['matches whole words only', 'chat and chatbot', ['chat'], ['chat']],
    ['matches a prefix with *', 'therapy, therapist, theory', ['therap*'], ['therapy', 'therapist']],
    ['ignores case and accents', 'Évaluation of EVALUATION', ['evaluation'], ['Évaluation', 'EVALUATION']],
    [
      'matches a phrase across spaces and hyphens',
      'therapeutic  alliance; therapeutic-alliance',
      ['therapeutic alliance'],
      ['therapeutic  alliance', 'therapeutic-alliance'],
    ],
    ['prefers the longest of overlapping terms', 'working alliance', ['alliance', 'working alliance'], ['working alliance']],
    ['marks nothing without terms', 'alliance', [], []],
  ])('%s', (_, text, terms, expected) => {
    expect(marked(text, terms)).toEqual(expected);
  });

  test('keeps markup-like record text as plain text', () => {
    const text = '<img src=x onerror=alert(1)> alliance';
    const segments = highlightSegments(text, ['alliance']);
    expect(segments[0]).toEqual({ text: '<img src=x onerror=alert(1)> ' });
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  test('reads punctuation in a term as a word break, never as a pattern', () => {
    expect(marked('a (b) c.*', ['(b)', '.*'])).toEqual(['b']);
    expect(marked('rate 1.5 or 105', ['1.5'])).toEqual(['1.5']);
    expect(marked('a+b aab', ['a+b'])).toEqual(['a+b']);
  });
});

test('normaliseTerms drops blanks and duplicates and puts longer terms first', () => {
  expect(normaliseTerms([' alliance ', 'Alliance', '', '*', 'working  alliance'])).toEqual(['working alliance', 'alliance']);
});
