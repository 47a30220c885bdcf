import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { describe, expect, test } from 'vitest';
import { parseRis } from '../../../src/lib/bibliography';
import { contentKey } from '../../../src/lib/screening/keys';

const complete = [
  'TY  - JOUR',
  'AU  - Müller, Anna',
  'AU  - Smith, J. B.',
  'TI  - Demo study of the working alliance',
  '      in email therapy',
  'T2  - Journal of Demo Telepsychology',
  'PY  - 2011///',
  'VL  - 12',
  'IS  - 3',
  'SP  - 101',
  'EP  - 110',
  'DO  - https://doi.org/10.5555/DEMO.001',
  'AB  - A fictional abstract.',
  'ER  - ',
  '',
].join('\n');

describe('parseRis', () => {
  test('reads every field of a complete entry', () => {
    expect(parseRis(complete, 'psycinfo')).toEqual({
      problems: [],
      records: [
        {
          key: '10.5555/demo.001',
          source: 'psycinfo',
          title: 'Demo study of the working alliance in email therapy',
          year: 2011,
          authors: ['Müller, Anna', 'Smith, J. B.'],
          journal: 'Journal of Demo Telepsychology',
          volume: '12',
          issue: '3',
          pages: '101-110',
          doi: '10.5555/demo.001',
          abstract: 'A fictional abstract.',
        },
      ],
    });
  });

  test('reads CRLF line ends the same as LF', () => {
    expect(parseRis(complete.replace(/\n/g, '\r\n'), 'psycinfo')).toEqual(parseRis(complete, 'psycinfo'));
  });

  test.each([
    ['a DOI', 'DO  - 10.5555/X', '10.5555/x'],
    ['a PMID written in AN', 'AN  - PMID: 39990003', 'pmid:39990003'],
    ['a digits-only AN from PubMed', 'AN  - 39990003\nDB  - PubMed', 'pmid:39990003'],
    ['a DOI address in UR', 'UR  - https://doi.org/10.5555/y', '10.5555/y'],
    ['neither (a key from its content)', 'AN  - 2011-12345-001\nDB  - PsycINFO', contentKey({ title: 'Second', year: null, authors: [] })],
  ])('keys an entry with %s', (_, lines, key) => {
    const text = `TY  - JOUR\nTI  - First\nER  - \nTY  - JOUR\nTI  - Second\n${lines}\nER  - \n`;
    expect(parseRis(text, 'psycinfo').records[1]?.key).toBe(key);
  });

  test('prefers the full journal name (JF, JO, T2) over the abbreviation (JA, J2)', () => {
    const text = 'TY  - JOUR\nTI  - T\nJA  - J Demo\nT2  - Journal of Demo\nER  - \n';
    expect(parseRis(text, 's').records[0]?.journal).toBe('Journal of Demo');
  });

  test.each([
    [
      'an entry without a title',
      'TY  - JOUR\nAU  - Doe, Jane\nER  - \n',
      { index: 1, line: 1, message: 'entry 1 (line 1) has no title (TI or T1)' },
    ],
    [
      'an entry without ER before the next TY',
      'TY  - JOUR\nTI  - A\nTY  - JOUR\nTI  - B\nER  - \n',
      { index: 1, line: 1, message: 'entry 1 (line 1) has no ER line before the next TY at line 3' },
    ],
    [
      'an entry without ER at the end',
      'TY  - JOUR\nTI  - A\n',
      { index: 1, line: 1, message: 'entry 1 (line 1) has no ER line before the end of the file' },
    ],
    [
      'a tag outside an entry',
      'TI  - Stray\nTY  - JOUR\nTI  - A\nER  - \n',
      { index: 0, line: 1, message: 'line 1 has tag TI outside an entry: an entry starts with "TY  - "' },
    ],
  ])('reports %s with its line', (_, text, problem) => {
    expect(parseRis(text, 's').problems).toEqual([problem]);
  });

  test('keeps reading after a bad entry', () => {
    const text = 'TY  - JOUR\nAU  - Doe, Jane\nER  - \nTY  - JOUR\nTI  - Good\nER  - \n';
    const result = parseRis(text, 's');
    expect(result.records.map((r) => [r.positionKey, r.title])).toEqual([['s-2', 'Good']]);
    expect(result.problems).toHaveLength(1);
  });

  // Why a hand parser: citation-js reads well-formed files the same way, but gives no line numbers
  // and turns a broken entry into an empty record silently. This test keeps the two in step.
  test('agrees with @citation-js/plugin-ris on titles, authors, years and DOIs', async () => {
    const text = `${complete}TY  - JOUR\nAU  - Doe, Jane\nTI  - Second demo\nPY  - 2009\nDO  - 10.5555/demo.002\nER  - \n`;
    const cite = await Cite.async(text, { forceType: '@ris/file' });
    const theirs = (
      cite.data as { title?: string; DOI?: string; issued?: { 'date-parts': number[][] }; author?: { family: string; given: string }[] }[]
    ).map((item) => ({
      title: item.title,
      year: item.issued?.['date-parts'][0]?.[0],
      authors: item.author?.map((a) => `${a.family}, ${a.given}`),
      doi: item.DOI?.toLowerCase(),
    }));
    const ours = parseRis(text, 's').records.map((r) => ({ title: r.title, year: r.year, authors: r.authors, doi: r.doi }));
    expect(ours).toEqual(theirs);
  });
});

describe('parseRis: line separators', () => {
  test.each([
    ['a line separator (U+2028)', '\u2028'],
    ['a paragraph separator (U+2029)', '\u2029'],
  ])('reads %s inside a value as a space, so the tag stays a tag', (_, separator) => {
    const text = `TY  - JOUR\nTI  - Alliance in e-therapy:${separator}a study\nAU  - Doe, Jane\nPY  - 2010\nER  - \n`;
    const result = parseRis(text, 's');
    expect(result.problems).toEqual([]);
    expect(result.records).toMatchObject([{ title: 'Alliance in e-therapy: a study', authors: ['Doe, Jane'], year: 2010 }]);
  });

  test('reads a lone CR as a line end: a value wrapped with CR continues, the next tag is still read', () => {
    const text = 'TY  - JOUR\rTI  - Alliance in e-therapy:\ra study\rAU  - Doe, Jane\rPY  - 2010\rER  - \r';
    expect(parseRis(text, 's')).toMatchObject({
      problems: [],
      records: [{ title: 'Alliance in e-therapy: a study', authors: ['Doe, Jane'], year: 2010 }],
    });
  });
});
