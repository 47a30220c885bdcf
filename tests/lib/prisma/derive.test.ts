import { describe, expect, test } from 'vitest';
import { deriveFlow, studyIndex } from '../../../src/lib/prisma/derive';
import { rec } from './records';
import { agree, vote } from './votes';

const reasons = [
  { id: 'not-etherapy', label: 'Not delivered as e-therapy' },
  { id: 'no-alliance-measure', label: 'No measure of the alliance' },
];

// Six records over two sources; psycinfo's first record duplicates pubmed's first by DOI.
//   a (pubmed, dup in psycinfo) TA include → FT include
//   b  TA include → FT exclude not-etherapy
//   c  TA include → FT not retrieved
//   d  TA exclude
//   e  TA conflict (open)
//   f  TA include → FT awaiting (one vote)
const a = rec({ source: 'pubmed', doi: '10.5555/a', pmid: '11' });
const aDup = rec({ source: 'psycinfo', doi: '10.5555/a' });
const b = rec({ source: 'pubmed', doi: '10.5555/b' });
const c = rec({ source: 'pubmed', pmid: '33' });
const d = rec({ source: 'psycinfo', position: 2 });
const e = rec({ source: 'psycinfo', position: 3 });
const f = rec({ source: 'psycinfo', doi: '10.5555/f' });
const records = [a, b, c, aDup, d, e, f];
const votes = [
  ...agree(a.key, 'title-abstract', 'include'),
  ...agree(b.key, 'title-abstract', 'include'),
  ...agree(c.key, 'title-abstract', 'include'),
  ...agree(d.key, 'title-abstract', 'exclude'),
  vote(e.key, 'title-abstract', 'alice', 'include'),
  vote(e.key, 'title-abstract', 'ben', 'exclude'),
  ...agree(f.key, 'title-abstract', 'maybe'),
  ...agree(a.key, 'full-text', 'include'),
  ...agree(b.key, 'full-text', 'exclude', 'not-etherapy'),
  ...agree(c.key, 'full-text', 'exclude', 'not-retrieved'),
  vote(f.key, 'full-text', 'alice', 'include'),
];

describe('deriveFlow', () => {
  const derived = deriveFlow({ records, votes, reasons, studies: { 'pmid:11': 'demo-study' } });

  test.each([
    ['identified from databases: every record in every source', ['identified', 'databases'], 7],
    ['identified from registers: no source is a register', ['identified', 'registers'], 0],
    ['duplicates removed before screening', ['removed_before_screening', 'duplicates'], 1],
    ['records screened: the unique records', ['screened'], 6],
    ['records excluded at screening', ['excluded_screening'], 1],
    ['reports sought: included at title-abstract (maybe counts as include)', ['sought'], 4],
    ['reports not retrieved: full-text exclusions for not-retrieved', ['not_retrieved'], 1],
    ['reports assessed: decided at full text, not-retrieved left out', ['assessed'], 2],
    ['reports included', ['included_reports'], 1],
    ['studies included', ['included_studies'], 1],
  ])('derives %s', (_, path, expected) => {
    const value = path.reduce<unknown>((obj, key) => (obj as Record<string, unknown>)[key], derived.flow);
    expect(value).toBe(expected);
  });

  test('derives records identified per source from the records files', () => {
    expect(derived.flow.identified.per_source).toEqual({ pubmed: 3, psycinfo: 4 });
  });

  test('derives full-text exclusions by reason, listing every reason of the review', () => {
    expect(derived.flow.excluded_full_text).toEqual({ 'not-etherapy': 1, 'no-alliance-measure': 0 });
  });

  test('reports screening progress: votes, awaiting records, open conflicts', () => {
    expect(derived.progress.votes).toBe(votes.length);
    expect(derived.progress.stages['title-abstract']).toMatchObject({ records: 6, decided: 5, awaiting: [], conflicts: [e.key] });
    expect(derived.progress.stages['full-text']).toMatchObject({ records: 4, decided: 3, awaiting: [f.key], conflicts: [] });
    expect(derived.progress.stages['title-abstract'].agreement.reviewers).toEqual(['alice', 'ben']);
  });

  test('finds the study of an included report through any identifier of its duplicate group', () => {
    expect(derived.progress.includedWithoutStudy).toEqual([]);
  });

  test('leaves other methods and previous studies out (they are not tracked)', () => {
    expect(derived.flow.other_methods).toBeUndefined();
    expect(derived.flow.previous).toBeUndefined();
    expect(derived.problems).toEqual([]);
  });

  test('counts reports of the same study once as a study', () => {
    const r1 = rec({ doi: '10.5555/r1' });
    const r2 = rec({ doi: '10.5555/r2' });
    const r3 = rec({ doi: '10.5555/r3' });
    const all = [r1, r2, r3];
    const v = all.flatMap((r) => [...agree(r.key, 'title-abstract', 'include'), ...agree(r.key, 'full-text', 'include')]);
    const result = deriveFlow({ records: all, votes: v, reasons, studies: { '10.5555/r1': 'one', '10.5555/r2': 'one' } });
    expect(result.flow.included_reports).toBe(3);
    expect(result.flow.included_studies).toBe(2);
    expect(result.progress.includedWithoutStudy).toEqual([r3.key]);
  });

  test('treats sources named as registers apart from databases', () => {
    const result = deriveFlow({
      records: [rec({ source: 'pubmed' }), rec({ source: 'ctgov' }), rec({ source: 'ctgov' })],
      votes: [],
      reasons,
      registers: ['ctgov'],
    });
    expect(result.flow.identified).toEqual({ databases: 1, registers: 2, per_source: { pubmed: 1, ctgov: 2 } });
  });

  test('accepts votes that name a duplicate by its own key', () => {
    const p = rec({ source: 'psycinfo', doi: '10.5555/p', title: 'Same demo', year: 2012, authors: ['Testa, Dora'] });
    const q = rec({ source: 'pubmed', pmid: '44', title: 'Same demo.', year: 2012, authors: ['Testa, D.'] });
    const result = deriveFlow({
      records: [p, q],
      votes: [vote(p.key, 'title-abstract', 'alice', 'exclude'), vote(q.key, 'title-abstract', 'ben', 'exclude')],
      reasons,
    });
    expect(result.flow.excluded_screening).toBe(1);
  });

  test.each([
    [
      'a vote for a key no records file has',
      () => [vote('10.5555/nowhere', 'title-abstract', 'alice', 'include')],
      '"10.5555/nowhere" is not the key of any record in the records files',
    ],
    [
      'full-text votes on a record excluded at screening',
      () => [...agree('only', 'title-abstract', 'exclude'), vote('only', 'full-text', 'alice', 'include')],
      '"only" has full-text votes but was not included at title-abstract screening (it was excluded)',
    ],
    [
      'a full-text reason the review does not define',
      () => [...agree('only', 'title-abstract', 'include'), ...agree('only', 'full-text', 'exclude', 'wrong-thing')],
      '"wrong-thing" is not one of the review\'s exclusion_reasons ids (not-etherapy, no-alliance-measure)',
    ],
  ])('reports %s with its screening.csv line', (_, makeVotes, message) => {
    const v = makeVotes();
    const result = deriveFlow({ records: [rec({ key: 'only' })], votes: v, reasons });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toBe(message);
    expect(v.map((x) => x.line)).toContain(result.problems[0]?.line);
  });
});

describe('studyIndex', () => {
  test('maps each study DOI, PMID and further report to the study id', () => {
    const index = studyIndex([
      { id: 'demo-2010', pmid: '39990003', reports: [{ doi: '10.5555/DEMO.104' }] },
      { id: 'demo-2008', doi: 'https://doi.org/10.5555/demo.101' },
    ]);
    expect(index).toEqual({ 'pmid:39990003': 'demo-2010', '10.5555/demo.104': 'demo-2010', '10.5555/demo.101': 'demo-2008' });
  });
});

describe('record keys', () => {
  // A record with neither DOI nor PMID is keyed by its content; its old positional key still counts, with a warning.
  const plain = rec({ source: 'psycinfo', position: 7, title: 'An alliance study without identifiers' });

  test('keys a record without DOI or PMID by its content, the same in any order', () => {
    expect(plain.key).toMatch(/^t:example-2010-[0-9a-f]{12}$/);
    expect(rec({ ...plain, position: 1 }).key).toBe(plain.key);
  });

  test('counts a vote written with the old positional key, and says which stable key replaces it', () => {
    const derived = deriveFlow({ records: [plain], votes: agree('psycinfo-7', 'title-abstract', 'exclude'), reasons });
    expect(derived.flow.excluded_screening).toBe(1);
    expect(derived.problems).toHaveLength(2);
    expect(derived.problems[0]).toMatchObject({ record: 'psycinfo-7', severity: 'warning' });
    expect(derived.problems[0]?.message).toContain(`replace it with the record's stable key "${plain.key}"`);
  });
});

describe('studyIndex', () => {
  test('finds the study of an included record that has neither DOI nor PMID by its title, year and first author', () => {
    const plain = rec({
      source: 'citations',
      title: 'Therapeutic alliance in videoconferencing psychotherapy: a review',
      year: 2014,
      authors: ['Simpson, Susan G.'],
    });
    const studies = studyIndex([
      {
        id: 'simpson-2014',
        title: 'Therapeutic Alliance in Videoconferencing Psychotherapy: A Review',
        year: 2014,
        authors: ['Simpson, S. G.'],
      },
    ]);
    const derived = deriveFlow({
      records: [plain],
      votes: [...agree(plain.key, 'title-abstract', 'include'), ...agree(plain.key, 'full-text', 'include')],
      reasons,
      studies,
    });
    expect(derived.records.included_studies).toEqual({ 'simpson-2014': [plain.key] });
    expect(derived.progress.includedWithoutStudy).toEqual([]);
  });
});
