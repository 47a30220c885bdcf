// Adding a search export to a review's records/: file names, and duplicates within and across sources.
import { describe, expect, test } from 'vitest';
import { parseBibliography } from '../../../src/lib/bibliography';
import { sourceFileStem, summariseSearchImport } from '../../../src/lib/import/search-results';

const ris = (entries: [title: string, doi?: string][]) =>
  entries.map(([t, doi]) => `TY  - JOUR\nTI  - ${t}\nAU  - Doe, Jane\nPY  - 2015\n${doi ? `DO  - ${doi}\n` : ''}ER  - \n`).join('\n');

describe('adding a search export', () => {
  test.each([
    ['PubMed', 'pubmed'],
    ['Web of Science', 'web-of-science'],
    ['PsycINFO (Ovid)', 'psycinfo-ovid'],
  ])('names the file for source %s: %s', (source, stem) => {
    expect(sourceFileStem(source)).toBe(stem);
  });

  test('counts its records, the duplicates inside it, and those it shares with each other source', () => {
    const existing = parseBibliography(
      ris([
        ['Alliance by video', '10.1/a'],
        ['Alliance by email', '10.1/b'],
      ]),
      'ris',
      'psycinfo',
    ).records;
    const added = parseBibliography(
      ris([['Alliance by video', '10.1/A'], ['A new one', '10.1/c'], ['A new one', '10.1/c'], ['Alliance by email']]),
      'ris',
      'pubmed',
    ).records;
    // 10.1/A matches 10.1/a (DOIs compare case-insensitively); "Alliance by email" matches by title, year and first author.
    expect(summariseSearchImport(added, existing)).toEqual({ records: 4, withinFile: 1, sharedWith: { psycinfo: 2 } });
    // The same records kept by two sources count once for each source they share.
    const both = [...existing, ...parseBibliography(ris([['Alliance by video', '10.1/a']]), 'ris', 'pubmed-old').records];
    expect(summariseSearchImport(added, both).sharedWith).toEqual({ psycinfo: 2, 'pubmed-old': 1 });
  });
});
