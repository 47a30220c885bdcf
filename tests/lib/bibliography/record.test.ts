import { describe, expect, test } from 'vitest';
import {
  finishRecord,
  formatOfFile,
  normaliseDoi,
  normalisePmid,
  parseBibliography,
  parseYear,
  recordKey,
  sourceOfFile,
} from '../../../src/lib/bibliography';

describe('normaliseDoi', () => {
  test.each([
    ['10.2196/jmir.2084', '10.2196/jmir.2084'],
    ['10.2196/JMIR.2084', '10.2196/jmir.2084'],
    ['https://doi.org/10.2196/jmir.2084', '10.2196/jmir.2084'],
    ['http://dx.doi.org/10.2196/jmir.2084', '10.2196/jmir.2084'],
    ['doi:10.2196/jmir.2084', '10.2196/jmir.2084'],
    ['DOI: 10.2196/jmir.2084.', '10.2196/jmir.2084'],
    ['https://doi.org/10.1002%2F%28SICI%291097', '10.1002/(sici)1097'],
    ['  10.5555/demo.001  ', '10.5555/demo.001'],
  ])('accepts %j as %j', (input, expected) => {
    expect(normaliseDoi(input)).toBe(expected);
  });

  test.each([[''], ['not a doi'], ['11.1234/abc'], ['10.12/too-short-prefix'], ['https://example.org/10.1234/x']])(
    'rejects %j',
    (input) => {
      expect(normaliseDoi(input)).toBeUndefined();
    },
  );
});

describe('normalisePmid', () => {
  test.each([
    ['22858538', '22858538'],
    ['PMID: 22858538', '22858538'],
    [22858538, '22858538'],
  ])('accepts %j', (input, expected) => {
    expect(normalisePmid(input)).toBe(expected);
  });

  test.each([['0123'], ['PMC3411180'], ['1234567890'], ['']])('rejects %j', (input) => {
    expect(normalisePmid(input)).toBeUndefined();
  });
});

describe('parseYear', () => {
  test.each([
    ['2011', 2011],
    ['2010///', 2010],
    ['2011 Mar 5', 2011],
    ['Spring 1998', 1998],
    ['no date', null],
    ['123456', null],
  ])('reads %j as %j', (input, expected) => {
    expect(parseYear(input)).toBe(expected);
  });
});

describe('recordKey', () => {
  test('uses the DOI first', () => {
    expect(recordKey({ doi: '10.5555/x', pmid: '123' }, 'pubmed', 4)).toBe('10.5555/x');
  });
  test('uses pmid:<n> when there is no DOI', () => {
    expect(recordKey({ pmid: '123' }, 'pubmed', 4)).toBe('pmid:123');
  });
  test('assigns <source>-<position> when there is neither', () => {
    expect(recordKey({}, 'psycinfo', 4)).toBe('psycinfo-4');
  });
});

describe('finishRecord', () => {
  test('keeps only the fields that have a value', () => {
    expect(finishRecord({ title: '  A   title ', year: 2010, authors: ['Doe, Jane', ' '], journal: '' }, 'x', 1)).toEqual({
      key: 'x-1',
      source: 'x',
      title: 'A title',
      year: 2010,
      authors: ['Doe, Jane'],
    });
  });
  test('refuses an entry without a title', () => {
    expect(finishRecord({ title: ' ', year: 2010 }, 'x', 1)).toBe('has no title');
  });
});

describe('file names', () => {
  test.each([
    ['records/pubmed.nbib', 'nbib', 'pubmed'],
    ['psycinfo.RIS', 'ris', 'psycinfo'],
    ['scopus.bib', 'bibtex', 'scopus'],
    ['zotero-export.json', 'csl-json', 'zotero-export'],
    ['notes.txt', null, 'notes'],
  ])('%s is read as %s from source %s', (file, format, source) => {
    expect(formatOfFile(file)).toBe(format);
    expect(sourceOfFile(file)).toBe(source);
  });
});

describe('parseBibliography', () => {
  test.each([
    ['ris', 'TY  - JOUR\nTI  - A title\nER  - \n'],
    ['nbib', 'PMID- 123\nTI  - A title\n'],
    ['bibtex', '@article{a, title={A title}}'],
    ['csl-json', '[{"title": "A title"}]'],
  ] as const)('reads %s text', (format, text) => {
    const result = parseBibliography(text, format, 'src');
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => r.title)).toEqual(['A title']);
  });
});
