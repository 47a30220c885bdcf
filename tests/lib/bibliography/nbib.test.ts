import { describe, expect, test } from 'vitest';
import { expandShortAuthor, parseNbib } from '../../../src/lib/bibliography';

const record = [
  'PMID- 39990001',
  'OWN - NLM',
  'STAT- MEDLINE',
  'DP  - 2008 Mar',
  'TI  - Demo study of working alliance in email therapy: a fictional',
  '      example.',
  'PG  - 95-105',
  'LID - 10.5555/DEMO.001 [doi]',
  'AB  - Background: this abstract is fictional. It continues on a second',
  '      line.',
  'FAU - Example, Alice',
  'AU  - Example A',
  'FAU - Sample, Ben J',
  'AU  - Sample BJ',
  'TA  - J Demo Telepsychol',
  'JT  - Journal of Demo Telepsychology',
  'VI  - 10',
  'IP  - 2',
  'AID - 10.5555/demo.001 [doi]',
  'AID - jdt-10-95 [pii]',
  '',
].join('\n');

describe('parseNbib', () => {
  test('reads every field of a MEDLINE record', () => {
    expect(parseNbib(record, 'pubmed')).toEqual({
      problems: [],
      records: [
        {
          key: '10.5555/demo.001',
          source: 'pubmed',
          title: 'Demo study of working alliance in email therapy: a fictional example.',
          year: 2008,
          authors: ['Example, Alice', 'Sample, Ben J'],
          journal: 'Journal of Demo Telepsychology',
          volume: '10',
          issue: '2',
          pages: '95-105',
          doi: '10.5555/demo.001',
          pmid: '39990001',
          abstract: 'Background: this abstract is fictional. It continues on a second line.',
        },
      ],
    });
  });

  test('reads CRLF line ends the same as LF', () => {
    expect(parseNbib(record.replace(/\n/g, '\r\n'), 'pubmed')).toEqual(parseNbib(record, 'pubmed'));
  });

  test('falls back to short AU names and the TA abbreviation', () => {
    const text = 'PMID- 1\nTI  - T\nAU  - Sample BJ\nAU  - World Health Organization\nTA  - J Demo\n';
    const [r] = parseNbib(text, 'pubmed').records;
    expect(r?.authors).toEqual(['Sample, B. J.', 'World Health Organization']);
    expect(r?.journal).toBe('J Demo');
  });

  test('keys a record without a DOI by its PMID', () => {
    expect(parseNbib('PMID- 39990005\nTI  - T\n', 'pubmed').records[0]?.key).toBe('pmid:39990005');
  });

  test('starts a new record at each PMID line even without a blank line between', () => {
    expect(parseNbib('PMID- 1\nTI  - A\nPMID- 2\nTI  - B\n', 'p').records.map((r) => r.pmid)).toEqual(['1', '2']);
  });

  test.each([
    ['a record without a title', 'PMID- 1\nAU  - Doe J\n', [{ index: 1, line: 1, message: 'entry 1 (line 1) has no title (TI)' }]],
    [
      'a record without a PMID line',
      'TI  - Lonely\n',
      [{ index: 1, line: 1, message: 'entry 1 (line 1) has no PMID line: each MEDLINE record starts with "PMID- "' }],
    ],
    [
      'a PMID that is not digits',
      'PMID- abc\nTI  - T\n',
      [{ index: 1, line: 1, message: 'entry 1 (line 1) has PMID "abc", which is not a PubMed ID (digits only)' }],
    ],
    [
      'a line that is not a tag line',
      'PMID- 1\nTI  - T\nthis is not a tag\n',
      [{ index: 1, line: 3, message: 'line 3 is not a MEDLINE tag line ("TAG - value"): "this is not a tag"' }],
    ],
    [
      'a continuation with nothing before it',
      '      stray\nPMID- 1\nTI  - T\n',
      [{ index: 0, line: 1, message: 'line 1 continues a value, but no tag comes before it' }],
    ],
  ])('reports %s', (_, text, problems) => {
    expect(parseNbib(text, 'p').problems).toEqual(problems);
  });
});

describe('expandShortAuthor', () => {
  test.each([
    ['Smith JB', 'Smith, J. B.'],
    ['van der Berg A', 'van der Berg, A.'],
    ['World Health Organization', 'World Health Organization'],
  ])('expands %j to %j', (input, expected) => {
    expect(expandShortAuthor(input)).toBe(expected);
  });
});
