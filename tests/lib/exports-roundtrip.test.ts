// The exports read back with the project's own importer (src/lib/bibliography + src/lib/import):
// what `npm run import` makes of /data/studies.ris, .bib and .csl.json is the records they came from.
import { describe, expect, test } from 'vitest';
import { parseBibliography, type BibFormat } from '../../src/lib/bibliography';
import {
  formatStudies,
  reviewStudyFiles,
  studiesDataset,
  studiesToBibtex,
  studiesToCslJson,
  studiesToRis,
  studyBibtexKeys,
  studyCiteFiles,
  studyCsvColumnDocs,
  studyCsvColumns,
} from '../../src/lib/exports';
import { citationFromRecord } from '../../src/lib/import/citation';
import { studySchema, type Study } from '../../src/schemas';
import { makeStudy } from '../helpers/factories';

/** The citation fields a round trip must keep. */
const FIELDS = ['title', 'authors', 'year', 'journal', 'volume', 'issue', 'pages', 'doi', 'pmid'] as const;
const citationOf = (s: Partial<Record<(typeof FIELDS)[number], unknown>>) =>
  Object.fromEntries(FIELDS.map((f) => [f, s[f]]).filter(([, v]) => v !== undefined));

/** The record without a DOI (the factory gives one). */
function withoutDoi(study: Study): Study {
  const { doi: _doi, ...rest } = study;
  return studySchema.parse(rest);
}

const studies: Study[] = [
  makeStudy({
    id: 'muller-2010',
    title: 'Alliance in "online" therapy: a randomized trial of e-mail & chat',
    authors: ['Müller, Anna-Lena', "O'Brien, Seán", 'van der Berg, J. P.'],
    journal: 'Journal of Medical Internet Research',
    year: 2010,
    volume: '14',
    issue: '4',
    pages: 'e110',
    doi: '10.2196/jmir.2084',
    pmid: '22858538',
  }),
  makeStudy({ id: 'doe-2006', title: 'Does the alliance matter?', authors: ['Doe, Jane'], year: 2006, pages: '95-105', volume: '3' }),
  withoutDoi(
    makeStudy({ id: 'roe-2002', title: 'Therapy by videoconference', authors: ['Roe, R.', 'Poe, E. A.'], year: 2002, pmid: '12025884' }),
  ),
];

const writers: [BibFormat, (s: readonly Study[]) => string][] = [
  ['ris', studiesToRis],
  ['bibtex', (s) => studiesToBibtex(s)],
  ['csl-json', studiesToCslJson],
];

describe.each(writers)('the %s export read back with the importer', (format, write) => {
  const parsed = parseBibliography(write(studies), format, 'export');

  test('parses without a problem, one record per study, in order', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.records).toHaveLength(studies.length);
  });

  test.each(studies.map((s) => [s.id, s] as const))(
    'gives back the citation of %s (title, authors, year, journal, volume, issue, pages, DOI, PMID)',
    (id, study) => {
      const record = parsed.records[studies.findIndex((s) => s.id === id)]!;
      const result = citationFromRecord(record);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.notes).toEqual([]);
      expect(citationOf(result.citation)).toEqual(citationOf(study));
    },
  );
});

describe('exports of one study and of a review', () => {
  const keys = studyBibtexKeys([
    ...studies,
    makeStudy({ id: 'doe-2006b', title: 'Does the alliance matter? A replication', authors: ['Doe, Jane'], year: 2006 }),
  ]);

  test('a study file cites the record with its key in the whole export, so the keys never disagree', () => {
    const whole = studiesToBibtex(studies, keys);
    const one = formatStudies('bib', [studies[1]!], keys);
    const key = /^@article\{([^,]+),/m.exec(one)?.[1];
    expect(key).toBe(keys.get('doe-2006'));
    expect(whole).toContain(`@article{${key},`);
  });

  test.each([
    ['bib', /^@article\{/gm],
    ['ris', /^TY {2}- JOUR$/gm],
    ['csv', /\r\n/g],
  ] as const)('writes %s with one entry per study', (format, entry) => {
    const text = formatStudies(format, studies, keys);
    expect(text.match(entry)).toHaveLength(format === 'csv' ? studies.length + 1 : studies.length);
  });

  test('writes CSL-JSON as an array of items whose ids are the record ids', () => {
    const items = JSON.parse(formatStudies('csl.json', studies, keys)) as { id: string; type: string }[];
    expect(items.map((i) => [i.id, i.type])).toEqual(studies.map((s) => [s.id, 'article-journal']));
  });

  test('an empty selection writes files that hold no entry (a review with no included record yet)', () => {
    expect(formatStudies('bib', [], keys).trim()).toBe('');
    expect(JSON.parse(formatStudies('csl.json', [], keys))).toEqual([]);
  });

  test.each([
    ['cook-2002', studyCiteFiles, ['/studies/cook-2002/cite.bib', '/studies/cook-2002/cite.ris', '/studies/cook-2002/cite.csl.json']],
    [
      'sucala-2012',
      reviewStudyFiles,
      [
        '/reviews/sucala-2012/studies.bib',
        '/reviews/sucala-2012/studies.ris',
        '/reviews/sucala-2012/studies.csl.json',
        '/reviews/sucala-2012/studies.csv',
      ],
    ],
  ])('gives %s its stable file addresses', (id, files, paths) => {
    expect(files(id).map((f) => f.path)).toEqual(paths);
  });
});

describe('studies.json', () => {
  const meta = {
    version: '0.1.0',
    commit: '44c7cdb',
    schema: 'https://example.org/schemas/study.schema.json',
    url: 'https://example.org/data/studies.json',
    licence: { name: 'CC BY 4.0', spdx: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  };

  test('carries the version with its commit, the licence and the schema of each record beside the records', () => {
    const dataset = studiesDataset(studies, meta);
    expect(dataset).toMatchObject({
      version: '0.1.0+44c7cdb',
      commit: '44c7cdb',
      licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      schema: 'https://example.org/schemas/study.schema.json',
      count: 3,
    });
    expect(dataset.licence).not.toHaveProperty('spdx');
    expect(dataset.studies).toEqual(studies);
  });

  test('gives the package version alone outside a git checkout', () => {
    expect(studiesDataset(studies, { ...meta, commit: null })).toMatchObject({ version: '0.1.0', commit: null });
  });
});

describe('the columns of studies.csv', () => {
  test('are each described, and nothing else is', () => {
    expect(Object.keys(studyCsvColumnDocs)).toEqual([...studyCsvColumns]);
    for (const column of studyCsvColumns) expect(studyCsvColumnDocs[column].length).toBeGreaterThan(10);
  });
});
