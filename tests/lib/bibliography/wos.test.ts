// Web of Science plain-text exports (savedrecs.txt), and recognising a .txt export by its content.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatOf, formatOfContent, parseBibliography, parseWos, recaseJournal } from '../../../src/lib/bibliography';
import { contentKey } from '../../../src/lib/screening/keys';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/import');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

describe('parseWos', () => {
  test('reads a Web of Science export: full author names, wrapped titles, the source re-cased, pages, DOI and PMID', () => {
    const { records, problems } = parseWos(fixture('wos-three.txt'), 'wos');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      {
        key: '10.5555/janxdis.2021.102391',
        source: 'wos',
        title:
          'Therapeutic alliance in videoconference-delivered cognitive behavioural therapy for panic disorder: a non-inferiority trial',
        year: 2021,
        authors: ['Lindqvist, Maja', 'Haddad, Yusuf', 'Okafor, Chinedu N.'],
        journal: 'Journal of Anxiety Disorders',
        volume: '79',
        pages: '102391-102399',
        abstract:
          'We compared the working alliance in videoconference and face-to-face cognitive behavioural therapy for panic disorder in 84 adults.',
        doi: '10.5555/janxdis.2021.102391',
        pmid: '39991020',
      },
      {
        key: '10.5555/invent.2023.100612',
        source: 'wos',
        title: 'Text-based alliance in e-mail counselling for young people',
        year: 2023,
        authors: ['Brennan, K. L.', 'De la Cruz, M.'],
        journal: 'Internet Interventions-The Application of Information Technology in Mental and Behavioural Health',
        volume: '31',
        pages: '100612',
        doi: '10.5555/invent.2023.100612',
      },
      {
        key: contentKey({ title: 'Alliance ruptures in chat therapy', year: 2019, authors: ['Wright, J.'] }),
        positionKey: 'wos-3',
        source: 'wos',
        title: 'Alliance ruptures in chat therapy',
        year: 2019,
        authors: ['Wright, J.'],
        journal: 'Lecture Notes on E-Therapy',
      },
    ]);
  });

  test('reads CRLF line ends the same as LF', () => {
    const text = fixture('wos-three.txt');
    expect(parseWos(text.replace(/\n/g, '\r\n'), 'wos')).toEqual(parseWos(text, 'wos'));
  });

  test.each([
    [
      'a record without ER before the next PT',
      'PT J\nTI A\nPT J\nTI B\nER\nEF\n',
      { index: 1, line: 1, message: 'entry 1 (line 1) has no ER line before the next PT at line 3' },
    ],
    [
      'a record without ER at the end',
      'FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI A\n',
      { index: 1, line: 3, message: 'entry 1 (line 3) has no ER line before the end of the file' },
    ],
    ['a record without a title', 'PT J\nAU Doe, J\nER\n', { index: 1, line: 1, message: 'entry 1 (line 1) has no title (TI)' }],
    [
      'a tag outside a record',
      'TI Stray\nPT J\nTI A\nER\n',
      { index: 0, line: 1, message: 'line 1 has tag TI outside an entry: an entry starts with "PT "' },
    ],
    [
      'a line that is not a tag line',
      'PT J\nTI A\nthis is not a tag\nER\n',
      { index: 1, line: 3, message: 'line 3 is not a Web of Science tag line ("TI value"): "this is not a tag"' },
    ],
  ])('reports %s with its line', (_, text, problem) => {
    expect(parseWos(text, 's').problems).toEqual([problem]);
  });

  test.each([
    ['JOURNAL OF MEDICAL INTERNET RESEARCH', 'Journal of Medical Internet Research'],
    ['CYBERPSYCHOLOGY BEHAVIOR AND SOCIAL NETWORKING', 'Cyberpsychology Behavior and Social Networking'],
    ['Journal of Telemedicine and Telecare', 'Journal of Telemedicine and Telecare'],
  ])('writes the source %s as %s', (name, expected) => {
    expect(recaseJournal(name)).toBe(expected);
  });
});

describe('formats recognised by content', () => {
  test.each([
    ['a PubMed "PubMed format" .txt', fixture('pubmed-three.nbib'), 'nbib'],
    ['a RIS .txt', fixture('zotero-three.ris'), 'ris'],
    ['a Scopus RIS .txt with CRLF line ends', fixture('scopus-crlf.ris'), 'ris'],
    ['a Web of Science .txt', fixture('wos-three.txt'), 'wos'],
    ['a Web of Science .txt without its FN header', fixture('wos-three.txt').replace(/^FN .*\nVR .*\n/, ''), 'wos'],
    ['a BibTeX .txt', fixture('zotero-three.bib'), 'bibtex'],
    ['CSL-JSON in a .txt', fixture('zotero.json'), 'csl-json'],
    ['plain text', fixture('not-references.ris'), null],
    ['a README', fixture('README.md'), null],
    ['EndNote tagged text', '%0 Journal Article\n%T A title\n%A Doe, Jane\n%D 2010\n', null],
  ])('recognises %s', (_, text, format) => {
    expect(formatOfContent(text)).toBe(format);
    expect(formatOf('export.txt', text)).toBe(format);
  });

  test('goes by the extension when it names a format', () => {
    expect(formatOf('records.ris', fixture('pubmed-three.nbib'))).toBe('ris');
  });

  test('reads every fixture recognised by content as its extension would', () => {
    for (const [name, format] of [
      ['pubmed-three.nbib', 'nbib'],
      ['zotero-three.ris', 'ris'],
      ['zotero-three.bib', 'bibtex'],
    ] as const) {
      const text = fixture(name);
      expect(parseBibliography(text, formatOfContent(text)!, 's')).toEqual(parseBibliography(text, format, 's'));
    }
  });
});
