import { describe, expect, test } from 'vitest';
import {
  finishRecord,
  formatOfFile,
  normaliseDoi,
  normalisePmid,
  parseBibliography,
  parseYear,
  recordKey,
  positionalKey,
  sourceOfFile,
} from '../../../src/lib/bibliography';
import { contentKey } from '../../../src/lib/screening/keys';

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
  const content = { title: 'Online therapy and the alliance', year: 2010, authors: ['Smith, Ann'] };
  test('uses the DOI first', () => {
    expect(recordKey({ ...content, doi: '10.5555/x', pmid: '123' })).toBe('10.5555/x');
  });
  test('uses pmid:<n> when there is no DOI', () => {
    expect(recordKey({ ...content, pmid: '123' })).toBe('pmid:123');
  });
  test('names a record with neither from its content, never from its position', () => {
    expect(recordKey(content)).toBe(contentKey(content));
    expect(recordKey(content)).toMatch(/^t:smith-2010-[0-9a-f]{12}$/);
  });
  test("keeps the old positional key only as a record's former name", () => {
    const [first, second] = ['Online therapy and the alliance', 'Another title'].map((title, i) =>
      finishRecord({ title, year: 2010, authors: ['Smith, Ann'] }, 'psycinfo', i + 1),
    );
    expect(first).toMatchObject({ key: recordKey(content), positionKey: 'psycinfo-1' });
    expect(second).toMatchObject({ positionKey: 'psycinfo-2' });
    expect(finishRecord({ title: 'With a DOI', doi: '10.5555/y' }, 'psycinfo', 3)).not.toHaveProperty('positionKey');
    expect(positionalKey('psycinfo', 7)).toBe('psycinfo-7');
  });
});

describe('finishRecord', () => {
  test('keeps only the fields that have a value', () => {
    expect(finishRecord({ title: '  A   title ', year: 2010, authors: ['Doe, Jane', ' '], journal: '' }, 'x', 1)).toEqual({
      key: contentKey({ title: 'A title', year: 2010, authors: ['Doe, Jane'] }),
      positionKey: 'x-1',
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
