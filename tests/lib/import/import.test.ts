// The pure parts of the importer (src/lib/import): ids, citations, drafts, duplicates, YAML, flows.
import jsYaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { parseBibliography, type BibRecord } from '../../../src/lib/bibliography';
import { writePrismaCsv, readPrismaCsv } from '../../../src/lib/prisma/csv';
import { cleanJournal, cleanTitle, citationFromRecord, normaliseAuthor, normalisePages } from '../../../src/lib/import/citation';
import { draftStudy, modalitiesInTitle, placeholderFields, SCHEMA_COMMENT } from '../../../src/lib/import/draft';
import { findDuplicates, similarTitles, type KnownStudy } from '../../../src/lib/import/duplicates';
import { asciiSlug, baseStudyId, uniqueId } from '../../../src/lib/import/ids';
import { chooseReview, planImport } from '../../../src/lib/import/plan';
import { compactFlow, setReviewFlow } from '../../../src/lib/import/review-flow';
import { describeDuplicate, formatImportSummary, isSkippedEntry } from '../../../src/lib/import/summary';
import { studyToYaml } from '../../../src/lib/import/yaml';
import { checkRecord } from '../../../src/loaders/content';
import { lineOf } from '../../../src/lib/validation/yaml-lines';
import { flowSchema, reviewSchema, studySchema } from '../../../src/schemas';
import { parsePath } from '../../../src/lib/validation/cross-checks';
import { knownKeys } from '../../../src/lib/validation/zod-issues';

const record = (overrides: Partial<BibRecord> = {}): BibRecord => ({
  key: 'test-1',
  source: 'test',
  title: 'Working alliance in e-mail therapy',
  year: 2011,
  authors: ['Doe, Jane'],
  journal: 'Journal of Tests',
  ...overrides,
});

/** True when every named segment of the path is a field of a study record. */
function isStudyPath(p: string): boolean {
  const segments = parsePath(p);
  return segments.every((seg, i) => typeof seg === 'number' || knownKeys(studySchema, segments.slice(0, i)).includes(seg));
}

const options = { review: 'test-review', today: '2026-01-15', origin: 'refs.ris' };

describe('ids', () => {
  test.each([
    ['Nørgaard', 'norgaard'],
    ['Müller-Schmidt', 'muller-schmidt'],
    ['Côté', 'cote'],
    ["O'Brien", 'obrien'],
    ['Łukasiewicz', 'lukasiewicz'],
    ['Yılmaz', 'yilmaz'],
    ['Straße', 'strasse'],
    ['De la Cruz', 'de-la-cruz'],
    ['Ní Bhriain', 'ni-bhriain'],
    ['王', ''],
  ])('turns %j into the ASCII slug %j', (name, slug) => {
    expect(asciiSlug(name)).toBe(slug);
  });

  test('builds firstauthor-year from the first author', () => {
    expect(baseStudyId(['Åberg, Elin', 'Doe, Jane'], 2024)).toBe('aberg-2024');
  });

  test('falls back to a title word when the first author has no Latin letters', () => {
    expect(baseStudyId(['王, 伟'], 2020, 'The alliance online')).toBe('the-2020');
    expect(baseStudyId(['王, 伟'], 2020, 'An e-therapy trial')).toBe('therapy-2020');
  });

  test.each([
    [[], 'smith-2010'],
    [['smith-2010'], 'smith-2010b'],
    [['smith-2010', 'smith-2010b'], 'smith-2010c'],
    [['smith-2010', ...'bcdefghijklmnopqrstuvwxyz'.split('').map((c) => `smith-2010${c}`)], 'smith-2010aa'],
  ])('gives smith-2010 a free id when %j are taken', (taken, id) => {
    expect(uniqueId('smith-2010', new Set(taken))).toBe(id);
  });
});

describe('citationFromRecord', () => {
  test.each([
    ['Doe, Jane', 'Doe, Jane'],
    ['Doe,Jane', 'Doe, Jane'],
    ['Doe, Jane, Jr.', 'Doe, Jane Jr.'],
    ['Smith JB', 'Smith, J. B.'],
    ['Smith J.B.', 'Smith, J. B.'],
    ['Jane Doe', 'Doe, Jane'],
    ['Blended Care Study Group', undefined],
    ['Plato', undefined],
    ['Doe,', undefined],
  ])('writes the author %j as %j', (name, expected) => {
    expect(normaliseAuthor(name)).toBe(expected);
  });

  test.each([
    ['112-24', '112-124'],
    ['1225-9', '1225-1229'],
    ['45–53', '45-53'],
    ['45--53', '45-53'],
    ['301-10', '301-310'],
    ['e31', 'e31'],
    ['106791', '106791'],
    ['95-105', '95-105'],
  ])('writes the pages %j as %j', (pages, expected) => {
    expect(normalisePages(pages)).toBe(expected);
  });

  test.each([
    ['A trial of e-therapy.', 'A trial of e-therapy'],
    ['[Alliance in internet therapy].', 'Alliance in internet therapy'],
    ['Is the alliance weaker online?', 'Is the alliance weaker online?'],
    ['Therapy by e-mail, etc.', 'Therapy by e-mail, etc.'],
  ])('cleans the title %j', (title, expected) => {
    expect(cleanTitle(title)).toBe(expected);
  });

  test("drops MEDLINE's journal subtitle after ' : '", () => {
    expect(cleanJournal('Telemedicine journal and e-health : the official journal of the American Telemedicine Association')).toBe(
      'Telemedicine journal and e-health',
    );
  });

  test.each([
    ['no year', { year: null }, 'has no year of publication'],
    ['no journal', { journal: undefined }, 'has no journal name'],
    ['no authors', { authors: [] }, 'has no authors'],
    [
      'only an organisation as author',
      { authors: ['WHO Collaborative Group'] },
      'has no author written as a person\'s "Family, Given" name (found "WHO Collaborative Group")',
    ],
  ])('cannot make a study from an entry with %s', (_, overrides, reason) => {
    const { journal, ...rest } = record();
    const base = 'journal' in overrides ? rest : { ...rest, journal };
    expect(citationFromRecord({ ...base, ...overrides } as BibRecord)).toEqual({ ok: false, reason });
  });

  test('leaves an organisation out of the authors, says so, and marks authors unverified', () => {
    const result = citationFromRecord(record({ authors: ['Schröder, Ulrike', 'Blended Care Study Group'] }));
    expect(result).toMatchObject({ ok: true, citation: { authors: ['Schröder, Ulrike'] }, unverified: ['authors'] });
    expect(result.ok && result.notes[0]).toContain('"Blended Care Study Group"');
  });
});

describe('draftStudy', () => {
  const citation = {
    title: 'Working alliance in videoconference therapy',
    year: 2010,
    journal: 'J',
    authors: ['Doe, Jane'],
    doi: '10.5555/x',
    pmid: '39990001',
  };
  const draft = draftStudy(citation, { id: 'doe-2010', ...options, verification: 'bibliographic' });

  test('validates against the real study schema', () => {
    expect(studySchema.safeParse(draft).success).toBe(true);
  });

  test('fills every non-bibliographic field with a cautious placeholder listed as unverified', () => {
    expect(draft).toMatchObject({
      design: 'other',
      conditions: ['other'],
      sample_size: null,
      comparator: 'other',
      alliance: {
        measures: [{ instrument: 'unreported', rater: 'client' }],
        vs_face_to_face: 'not-reported',
        outcome_link: 'not-reported',
      },
      summary: 'Draft imported from refs.ris; summary to be written.',
      reviews: [{ review: 'test-review', decision: 'pending' }],
      provenance: { verification: 'bibliographic', added: '2026-01-15', updated: '2026-01-15', unverified_fields: [...placeholderFields] },
    });
  });

  test('lists only paths that are fields of a study record', () => {
    for (const path of draft.provenance.unverified_fields ?? []) expect(isStudyPath(path)).toBe(true);
  });

  test('links the DOI and PubMed pages as sources', () => {
    expect(draft.provenance.sources?.map((s) => s.url)).toEqual(['https://doi.org/10.5555/x', 'https://pubmed.ncbi.nlm.nih.gov/39990001/']);
  });

  test('keeps values a contributor gave and does not list them as unverified', () => {
    const known = draftStudy(citation, { id: 'doe-2010', ...options, verification: 'abstract', known: { design: 'rct', sample_size: 40 } });
    expect(known).toMatchObject({ design: 'rct', sample_size: 40 });
    expect(known.provenance.unverified_fields).not.toContain('design');
    expect(known.provenance.unverified_fields).not.toContain('sample_size');
  });

  test.each([
    ['Therapeutic alliance in videoconference CBT for panic', ['videoconference']],
    ['E-mail counselling and the therapeutic relationship', ['email']],
    ['The alliance in chat-based counselling', ['chat']],
    ['Telephone-delivered CBT and alliance', ['telephone']],
    ['Therapist-guided internet-delivered CBT', ['internet-program']],
    ['Virtual reality exposure and the alliance', ['virtual-reality']],
    ['Alliance in e-therapy: a review', []],
    ['Computerised assessment of mood', []],
  ])('reads the modality of %j only when the title names it', (title, expected) => {
    expect(modalitiesInTitle(title)).toEqual(expected);
  });

  test('uses internet-program as the modality placeholder when the title names none', () => {
    expect(
      draftStudy({ ...citation, title: 'Alliance in e-therapy' }, { id: 'doe-2010', ...options, verification: 'bibliographic' }).modalities,
    ).toEqual(['internet-program']);
  });
});

describe('findDuplicates', () => {
  const known: KnownStudy[] = [
    {
      id: 'germain-2010',
      file: 'content/studies/germain-2010.yaml',
      title: 'Assessment of the therapeutic alliance in face-to-face or videoconference treatment for posttraumatic stress disorder',
      year: 2010,
      authors: ['Germain, V.'],
      doi: '10.1089/cyber.2009.0139',
      pmid: '20528290',
    },
    {
      id: 'doe-2011',
      file: 'content/studies/doe-2011.yaml',
      title: 'Primary report',
      year: 2011,
      authors: ['Doe, J.'],
      reports: [{ title: 'A follow-up of the e-mail therapy trial', year: 2013, doi: '10.5555/follow-up' }],
    },
  ];

  test.each([
    ['the same DOI in another case', record({ doi: '10.1089/CYBER.2009.0139'.toLowerCase() }), 'doi', 'germain-2010'],
    ['the same PMID', record({ pmid: '20528290' }), 'pmid', 'germain-2010'],
    [
      'the same title, year and first author',
      record({
        title: 'Assessment of the Therapeutic Alliance in Face-to-Face or Videoconference Treatment for Posttraumatic Stress Disorder.',
        year: 2010,
        authors: ['Germain, Vanessa'],
      }),
      'title',
      'germain-2010',
    ],
    [
      'a near-identical title in the same year by the same first author',
      record({
        title: 'Assessment of therapeutic alliance in face-to-face or video-conference treatment for post-traumatic stress disorder',
        year: 2010,
        authors: ['Germain, Vanessa', 'Marchand, André'],
      }),
      'similar-title',
      'germain-2010',
    ],
    ['the DOI of a further report', record({ doi: '10.5555/follow-up' }), 'doi', 'doe-2011'],
  ])('recognises %s as a duplicate of a study', (_, incoming, reason, id) => {
    const { fresh, duplicates } = findDuplicates(known, [incoming]);
    expect(fresh).toEqual([]);
    expect(duplicates).toEqual([{ record: incoming, reason, of: { study: expect.objectContaining({ id }) } }]);
  });

  test.each([
    [
      'a similar title in another year',
      record({
        title: 'Assessment of the therapeutic alliance in face-to-face or videoconference treatment for posttraumatic stress disorder',
        year: 2012,
      }),
    ],
    [
      'the same title with a different DOI',
      record({
        title: 'Assessment of the therapeutic alliance in face-to-face or videoconference treatment for posttraumatic stress disorder',
        year: 2010,
        authors: ['Germain, V.'],
        doi: '10.5555/conference-abstract',
      }),
    ],
    ['an unrelated paper', record()],
  ])('keeps %s', (_, incoming) => {
    expect(findDuplicates(known, [incoming]).fresh).toEqual([incoming]);
  });

  test('finds an entry repeated within the file and names the earlier one', () => {
    const first = record({ key: 'a', doi: '10.5555/one' });
    const second = record({ key: 'b', title: 'Working Alliance in E-Mail Therapy' });
    const { fresh, duplicates } = findDuplicates([], [first, second]);
    expect(fresh).toEqual([first]);
    expect(duplicates).toEqual([{ record: second, reason: 'title', of: { entry: first } }]);
  });

  test('compares titles without case, accents or punctuation', () => {
    expect(
      similarTitles(
        { title: 'Évaluation: e-Therapy!', year: 2000, authors: ['Doe, J.'] },
        { title: 'evaluation e therapy', year: 2000, authors: ['Doe, Jane'] },
      ),
    ).toBe(true);
  });

  test('describes a duplicate with the record it duplicates and how', () => {
    const incoming = record({ pmid: '20528290' });
    const [d] = findDuplicates(known, [incoming]).duplicates;
    expect(describeDuplicate(d!)).toBe(
      '"Working alliance in e-mail therapy" (Doe, 2011): same PMID (20528290) as content/studies/germain-2010.yaml (germain-2010)',
    );
  });
});

describe('planImport', () => {
  test('gives each new paper a free id, skips duplicates and explains unusable entries', () => {
    const parsed = {
      records: [
        record({ key: '1', authors: ['Smith, A.'], year: 2010, title: 'First' }),
        record({ key: '2', authors: ['Smith, B.'], year: 2010, title: 'Second' }),
        record({ key: '3', year: null, title: 'Third' }),
        record({ key: '4', authors: ['Smith, A.'], year: 2010, title: 'First' }),
      ],
      problems: [{ index: 5, line: 40, message: 'entry 5 (line 40) has no title (TI or T1)' }],
    };
    const plan = planImport(parsed, [], new Set(['smith-2010']), options);
    expect(plan.drafts.map((d) => d.id)).toEqual(['smith-2010b', 'smith-2010c']);
    expect(plan.duplicates.map((d) => d.record.key)).toEqual(['4']);
    expect(plan.unusable).toEqual([{ record: parsed.records[2], reason: 'has no year of publication' }]);
    expect(plan.fileProblems).toEqual(parsed.problems);
    for (const d of plan.drafts) expect(studySchema.safeParse(d.study).success).toBe(true);
  });

  test.each([
    [undefined, ['only-review'], { ok: true, review: 'only-review' }],
    ['b', ['a', 'b'], { ok: true, review: 'b' }],
    [undefined, ['a', 'b'], { ok: false, message: 'say which review the studies are for with --review <id> (one of a, b)' }],
    ['c', ['a', 'b'], { ok: false, message: '--review c: there is no such review (content/reviews has a, b)' }],
    [undefined, [], { ok: false, message: 'there is no review in content/reviews to add studies to; add the review record first' }],
  ])('chooses the review (asked %j, available %j)', (requested, available, expected) => {
    expect(chooseReview(requested, available)).toEqual(expected);
  });
});

describe('summary', () => {
  test("tells entries the parser left out from faults in entries it still read, using the parsers' real wording", () => {
    const ris = parseBibliography('TY  - JOUR\nAU  - A, B\nPY  - 2001\nER  - \nTY  - JOUR\nTI  - Kept\nPY  - 2001\n', 'ris', 's');
    const bib = parseBibliography('@article{x\n title={T}, year={2000}}\n', 'bibtex', 's');
    const json = parseBibliography('[1]', 'csl-json', 's');
    const badJson = parseBibliography('{', 'csl-json', 's');
    const nbib = parseBibliography('PMID- 1\nAU  - Doe J\n', 'nbib', 's');
    expect(ris.problems.map((p) => [p.message, isSkippedEntry(p)])).toEqual([
      ['entry 2 (line 5) has no ER line before the end of the file', false],
      ['entry 1 (line 1) has no title (TI or T1)', true],
    ]);
    for (const r of [bib, json, badJson, nbib]) {
      expect(r.records).toEqual([]);
      expect(r.problems.length).toBeGreaterThan(0);
      expect(r.problems.every(isSkippedEntry)).toBe(true);
    }
  });

  test('lists written files, duplicates and unreadable entries, and says when nothing could be read', () => {
    const plan = {
      drafts: [],
      duplicates: [],
      unusable: [],
      fileProblems: [{ index: 0, line: 1, message: 'line 1 is not a RIS tag line ("XY  - value"): "hello"' }],
      read: 0,
    };
    expect(formatImportSummary({ file: 'x.ris', format: 'ris', plan, outcomes: [], dryRun: false })).toBe(
      [
        'x.ris (RIS): 0 entries read.',
        'Written (0):',
        'Duplicates skipped (0):',
        'Could not be read (0):',
        'Other problems in the file (1):',
        '  line 1 is not a RIS tag line ("XY  - value"): "hello"',
        'Nothing could be read from x.ris: is it a RIS export?',
      ].join('\n'),
    );
  });
});

describe('studyToYaml', () => {
  const study = draftStudy(
    { title: '2010-01-01', year: 2010, journal: 'yes', authors: ['Doe, Jane'], volume: '13', pages: '29-35', pmid: '123' },
    { id: 'doe-2010', ...options, verification: 'bibliographic' },
  );
  const text = studyToYaml(study);

  test('starts with the yaml-language-server schema comment', () => {
    expect(text.split('\n')[0]).toBe(SCHEMA_COMMENT);
  });

  test('is read back by js-yaml (as Astro and the validator read it) as the same record', () => {
    const data = jsYaml.load(text) as Record<string, unknown>;
    expect(data['title']).toBe('2010-01-01');
    expect(data['journal']).toBe('yes');
    expect(data['volume']).toBe('13');
    expect(studySchema.parse(data)).toEqual(studySchema.parse(study));
  });

  test('validates with checkRecord, and lineOf still finds fields below the comment line', () => {
    expect(checkRecord('doe-2010.yaml', text, studySchema).problems).toEqual([]);
    expect(lineOf(text, ['id'])).toBe(2);
    expect(lineOf(text, ['provenance', 'added'])).toBe(text.split('\n').findIndex((l) => l.trim().startsWith('added:')) + 1);
  });

  test('writes dates unquoted and keys in the data contract order', () => {
    expect(text).toMatch(/^ {2}added: 2026-01-15$/m);
    const keys = text
      .split('\n')
      .filter((l) => /^[a-z_]+:/.test(l))
      .map((l) => l.split(':')[0]);
    expect(keys).toEqual([
      'id',
      'title',
      'year',
      'journal',
      'authors',
      'volume',
      'pages',
      'pmid',
      'design',
      'population',
      'conditions',
      'sample_size',
      'modalities',
      'comparator',
      'alliance',
      'summary',
      'reviews',
      'provenance',
    ]);
  });
});

describe('review flow', () => {
  const reasons = [
    { id: 'wrong-population', label: 'Wrong population' },
    { id: 'no-alliance-measure', label: 'No measure of the alliance' },
  ];
  const review = [
    '# The review record',
    'id: test-review',
    'title: A test review',
    'citation:',
    '  title: A test review of e-therapy',
    '  year: 2012',
    '  journal: Journal of Tests',
    '  authors:',
    '    - Doe, Jane',
    'question: >-',
    '  Is the alliance in e-therapy as strong',
    '  as face-to-face?',
    'eligibility: { include: [e-therapy with a therapist], exclude: [] }',
    'exclusion_reasons:',
    '  - id: wrong-population',
    '    label: Wrong population',
    '  - id: no-alliance-measure',
    '    label: No measure of the alliance',
    '# counts as the review reports them',
    'flow:',
    '  screened: 100 # from the abstract',
    '  included_studies: 2',
    'notes:',
    '  - Kept as written.',
    '',
  ].join('\n');

  const full = flowSchema.parse({
    identified: { databases: 1500, registers: 0, per_source: { PubMed: 900, PsycINFO: 600 } },
    removed_before_screening: { duplicates: 250, automation: null, other: 0 },
    screened: 1250,
    excluded_screening: 1225,
    sought: 25,
    not_retrieved: 2,
    assessed: 23,
    excluded_full_text: { 'wrong-population': 10, 'no-alliance-measure': 6 },
    included_studies: 7,
    included_reports: 8,
    other_methods: { identified: { citations: 12 }, sought: 12, not_retrieved: 0, assessed: 12, excluded: { 'wrong-population': 12 } },
    previous: { studies: 3, reports: 4 },
  });

  test('round-trips: a flow written as PRISMA2020 CSV, read back and set in the review, is the same flow', () => {
    const csv = writePrismaCsv(full, reasons);
    const { flow, problems } = readPrismaCsv(csv, reasons);
    expect(problems).toEqual([]);
    const updated = setReviewFlow(review, flow);
    const parsed = reviewSchema.parse(jsYaml.load(updated));
    expect(parsed.flow).toEqual(full);
  });

  test('changes only the flow section: every other line, comment and folded text stays as it was', () => {
    const updated = setReviewFlow(review, full);
    const before = review.split('\n');
    const after = updated.split('\n');
    const start = before.indexOf('flow:');
    expect(after.slice(0, start + 1)).toEqual(before.slice(0, start + 1));
    expect(after.slice(after.indexOf('notes:'))).toEqual(before.slice(before.indexOf('notes:')));
    expect(updated).toContain('screened: 1250 # from the abstract');
  });

  test('leaves unreported boxes out (null) but keeps empty exclusions and present arms', () => {
    const flow = flowSchema.parse({ screened: 840, included_studies: 11, excluded_full_text: {}, previous: {} });
    expect(compactFlow(flow)).toEqual({ screened: 840, excluded_full_text: {}, included_studies: 11, previous: {} });
    expect(flowSchema.parse(compactFlow(flow))).toEqual(flow);
  });

  test('is idempotent', () => {
    const once = setReviewFlow(review, full);
    expect(setReviewFlow(once, full)).toBe(once);
  });
});
