import { describe, expect, test } from 'vitest';
import { sumLines, sumReasons } from '../../../src/lib/prisma/check';
import { deriveFlow } from '../../../src/lib/prisma/derive';
import { ledgerSections, recordAnchor, type LedgerSection } from '../../../src/lib/prisma/ledger';
import type { TrackedReview } from '../../../src/lib/prisma/review-flow';
import type { Review } from '../../../src/schemas';
import { makeReview } from '../../helpers/factories';
import { MULLER, review, tracked } from './demo-review';
import { rec } from './records';
import { agree, screeningUnderWay, vote } from './votes';

/** A link under a base path, so the tests see which addresses went through it. */
const link = (path: string) => `/base${path}`;
const rows = (section: LedgerSection | undefined) => section?.tables.flatMap((t) => t.rows) ?? [];
const texts = (section: LedgerSection | undefined) => rows(section).map((r) => r.cells.map((c) => c.text));

describe('ledgerSections of the tracked fixture review', () => {
  const sections = ledgerSections(review, tracked, link);
  const section = (id: string) => sections.find((s) => s.id === id);

  test('gives one section per box of the diagram, then the records still open', () => {
    expect(sections.map((s) => s.id)).toEqual([
      'identified',
      'duplicates',
      'screened',
      'excluded-screening',
      'sought',
      'not-retrieved',
      'assessed',
      'excluded-full-text',
      'included-reports',
      'open',
    ]);
  });

  // The counts of the derived flow (fixture.test.ts works them out by hand).
  test.each([
    ['identified', 32],
    ['duplicates', 7],
    ['screened', 25],
    ['excluded-screening', 15],
    ['sought', 10],
    ['not-retrieved', 1],
    ['assessed', 9],
    ['excluded-full-text', 4],
    ['included-reports', 5],
    ['open', 0],
  ])('lists as many records in %s as the box counts (%i)', (id, count) => {
    expect(section(id)?.count).toBe(count);
    expect(rows(section(id))).toHaveLength(count);
  });

  test('lists identified records in one table per source file, captioned with the names the review searched under', () => {
    expect(section('identified')?.tables.map((t) => [t.id, t.caption])).toEqual([
      ['identified-psycinfo', 'PsycINFO: 14 records'],
      ['identified-pubmed', 'PubMed: 18 records'],
    ]);
  });

  test('anchors each screened record at its key, written with only characters safe in an address', () => {
    expect(
      rows(section('screened'))
        .map((r) => r.id)
        .slice(0, 2),
    ).toEqual(['record-10.5555_2fdemo.101', 'record-10.5555_2fdemo.102']);
  });

  test('links every record key in every section to a row of the screened table', () => {
    const anchors = new Set(rows(section('screened')).map((r) => `#${r.id}`));
    const local = sections.flatMap((s) => rows(s)).flatMap((r) => r.cells.map((c) => c.href).filter((h) => h?.startsWith('#')));
    expect(local.length).toBeGreaterThan(32);
    expect(local.filter((h) => !anchors.has(h ?? ''))).toEqual([]);
  });

  test('links a removed duplicate to the record kept, naming the rule that matched them', () => {
    const dup = rows(section('duplicates')).find((r) => r.cells[0]?.text === 'pmid:39990107');
    expect(dup?.cells.slice(1)).toEqual([
      { text: 'PubMed' },
      { text: 'Demo evaluation of an online self-help programme.' },
      { text: MULLER, code: true, href: `#${recordAnchor(MULLER)}`, suffix: ' (PsycINFO)' },
      { text: 'same title, year and first author' },
    ]);
    const identified = rows(section('identified')).find((r) => r.cells[0]?.text === 'pmid:39990107');
    expect(identified?.cells[4]).toEqual({ text: `duplicate of ${MULLER}`, href: `#${recordAnchor(MULLER)}` });
  });

  test('gives full-text exclusions in the order the review lists its reasons', () => {
    expect(rows(section('excluded-full-text')).map((r) => r.cells[3]?.text)).toEqual([
      'Not delivered as e-therapy',
      'No measure of the alliance',
      'No measure of the alliance',
      'Not an empirical study (essays & "opinion" pieces, <no data>)',
    ]);
  });

  test('links each included report to its study page through the link it is given', () => {
    expect(section('included-reports')?.tables[0]?.caption).toBe('Included: 5 reports of 4 studies');
    expect(rows(section('included-reports')).map((r) => [r.cells[0]?.text, r.cells[3]])).toEqual([
      ['10.5555/demo.101', { text: 'demo-example-2008', href: '/base/studies/demo-example-2008/' }],
      ['pmid:39990105', { text: 'demo-placeholder-2010', href: '/base/studies/demo-placeholder-2010/' }],
      ['10.5555/demo.106', { text: 'demo-testa-2012', href: '/base/studies/demo-testa-2012/' }],
      ['10.5555/demo.111', { text: 'demo-placeholder-2010', href: '/base/studies/demo-placeholder-2010/' }],
      ['10.5555/demo.121', { text: 'demo-sample-2009', href: '/base/studies/demo-sample-2009/' }],
    ]);
  });

  test('shows the votes behind a decision and how it was settled', () => {
    const assessed = rows(section('assessed')).find((r) => r.cells[0]?.text === '10.5555/demo.122');
    expect(assessed?.cells.slice(3).map((c) => c.text)).toEqual([
      'excluded: Not delivered as e-therapy',
      'consensus vote',
      'alice: exclude (not-etherapy); ben: exclude (no-alliance-measure); consensus: exclude (not-etherapy)',
    ]);
  });

  test('lays out every section at once, none being over a thousand rows', () => {
    expect(sections.filter((s) => s.long)).toEqual([]);
  });
});

describe('ledgerSections while screening is under way', () => {
  const reviewUnderWay = makeReview({ id: 'under-way', exclusion_reasons: [{ id: 'not-etherapy', label: 'Not delivered as e-therapy' }] });
  const { b, c, records, votes, studies } = screeningUnderWay('l');
  const trackedUnderWay = {
    tracking: {
      sources: [
        { name: 'psycinfo', file: 'reviews/under-way/records/psycinfo.ris' },
        { name: 'pubmed', file: 'reviews/under-way/records/pubmed.nbib' },
      ],
      records,
      screeningFile: null,
      problems: [],
    },
    derived: deriveFlow({ records, votes, reasons: reviewUnderWay.exclusion_reasons, studies }),
    studies,
  };
  const sections = ledgerSections(reviewUnderWay, trackedUnderWay, link);
  const section = (id: string) => sections.find((s) => s.id === id);

  test('lists the records still open, conflicts first, with their stage and status', () => {
    expect(section('open')?.count).toBe(2);
    expect(texts(section('open')).map((cells) => cells.slice(0, 3))).toEqual([
      [b.key, 'Title and abstract', 'conflict'],
      [c.key, 'Title and abstract', 'awaiting votes'],
    ]);
  });

  test('keeps open records out of the boxes until they are decided', () => {
    expect(sections.map((s) => [s.id, s.count])).toEqual([
      ['identified', 4],
      ['duplicates', 0],
      ['screened', 4],
      ['excluded-screening', 0],
      ['sought', 2],
      ['not-retrieved', 0],
      ['assessed', 2],
      ['excluded-full-text', 0],
      ['included-reports', 2],
      ['open', 2],
    ]);
  });

  test('says so when no study record has an included report’s DOI or PubMed ID', () => {
    expect(section('included-reports')?.tables[0]?.caption).toBe('Included: 2 reports of 2 studies');
    expect(rows(section('included-reports')).map((r) => r.cells[3])).toEqual([
      { text: 'study-a', href: '/base/studies/study-a/' },
      { text: 'no study record has its DOI or PubMed ID' },
    ]);
  });

  test('uses the file name as a source’s label when the review has no search by that name', () => {
    expect(section('identified')?.tables.map((t) => t.caption)).toEqual(['psycinfo: 1 record', 'pubmed: 3 records']);
  });
});

describe('ledgerSections at scale', () => {
  test('marks a section of over a thousand rows to be laid out only near the viewport', () => {
    const records = Array.from({ length: 1001 }, () => rec());
    const big = makeReview({ id: 'big' });
    const sections = ledgerSections(
      big,
      {
        tracking: { sources: [{ name: 'pubmed', file: 'pubmed.nbib' }], records, screeningFile: null, problems: [] },
        derived: deriveFlow({ records, votes: [], reasons: [] }),
        studies: {},
      },
      link,
    );
    expect(sections.filter((s) => s.long).map((s) => s.id)).toEqual(['identified', 'screened', 'open']);
  });
});

describe('recordAnchor', () => {
  test.each([
    ['10.5555/demo.101', 'record-10.5555_2fdemo.101'],
    ['pmid:39990105', 'record-pmid:39990105'],
    ['psycinfo-7', 'record-psycinfo-7'],
    ['a key with spaces', 'record-a_20key_20with_20spaces'],
  ])('writes the anchor of %s as %s', (key, anchor) => {
    expect(recordAnchor(key)).toBe(anchor);
  });
});

/**
 * A small review made by hand, one record in each box: a kept and a removed duplicate (included,
 * and claimed by a study), one not retrieved, one excluded for each of two reasons, one excluded on
 * title and abstract, one still awaiting a vote and one included that no study claims.
 */
function smallReview(): { review: Review; tracked: TrackedReview } {
  const review = makeReview({
    id: 'small',
    exclusion_reasons: [
      { id: 'wrong-population', label: 'Wrong population' },
      { id: 'no-alliance-measure', label: 'No measure of the alliance' },
    ],
  });
  const doi = (x: string) => rec({ doi: `10.5555/sm-${x}` });
  const kept = rec({ doi: '10.5555/sm-a', source: 'psycinfo' });
  const removed = doi('a');
  const [notRetrieved, wrong, noMeasure, excluded, awaiting, unclaimed] = [
    doi('b'),
    doi('c'),
    doi('d'),
    doi('e'),
    doi('f'),
    doi('g'),
  ] as const;
  const records = [kept, removed, notRetrieved, wrong, noMeasure, excluded, awaiting, unclaimed];
  const votes = [
    ...[kept, notRetrieved, wrong, noMeasure, unclaimed].flatMap((r) => agree(r.key, 'title-abstract', 'include')),
    ...agree(excluded.key, 'title-abstract', 'exclude'),
    vote(awaiting.key, 'title-abstract', 'alice', 'include'),
    ...agree(kept.key, 'full-text', 'include'),
    ...agree(unclaimed.key, 'full-text', 'include'),
    ...agree(notRetrieved.key, 'full-text', 'exclude', 'not-retrieved'),
    ...agree(wrong.key, 'full-text', 'exclude', 'wrong-population'),
    ...agree(noMeasure.key, 'full-text', 'exclude', 'no-alliance-measure'),
  ];
  const studies = { '10.5555/sm-a': 'study-a' };
  const sources = [
    { name: 'psycinfo', file: 'reviews/small/records/psycinfo.ris' },
    { name: 'pubmed', file: 'reviews/small/records/pubmed.nbib' },
  ];
  const derived = deriveFlow({ records, votes, reasons: review.exclusion_reasons, studies });
  return { review, tracked: { tracking: { sources, records, screeningFile: null, problems: [] }, derived, studies } };
}

const small = smallReview();

describe.each([
  ['the tracked fixture review', review, tracked],
  ['a small hand-made review', small.review, small.tracked],
])('the ledger of %s and its derived flow', (_, r, t) => {
  const { flow } = t.derived;
  const sections = ledgerSections(r, t, link);
  const section = (id: string) => sections.find((s) => s.id === id);
  const labelOf = (id: string) => r.exclusion_reasons.find((x) => x.id === id)?.label ?? id;

  test.each([
    ['identified', sumLines(flow.identified.databases, flow.identified.registers)],
    ['duplicates', flow.removed_before_screening.duplicates],
    ['screened', flow.screened],
    ['excluded-screening', flow.excluded_screening],
    ['sought', flow.sought],
    ['not-retrieved', flow.not_retrieved],
    ['assessed', flow.assessed],
    ['excluded-full-text', sumReasons(flow.excluded_full_text)],
    ['included-reports', flow.included_reports],
  ])('lists in %s as many records as the diagram’s box counts (%i)', (id, count) => {
    expect(section(id)?.count).toBe(count);
    expect(rows(section(id))).toHaveLength(count ?? -1);
  });

  test('lists each source’s records in a table as long as the source’s count', () => {
    const tables = section('identified')?.tables ?? [];
    expect(Object.fromEntries(tables.map((table) => [table.id?.replace(/^identified-/, ''), table.rows.length]))).toEqual(
      flow.identified.per_source,
    );
  });

  test('lists as many full-text exclusions for each reason as the diagram gives it', () => {
    const byLabel: Record<string, number> = {};
    for (const row of rows(section('excluded-full-text'))) byLabel[row.cells[3]?.text ?? ''] = (byLabel[row.cells[3]?.text ?? ''] ?? 0) + 1;
    const expected = Object.fromEntries(
      Object.entries(flow.excluded_full_text ?? {})
        .filter(([, n]) => n)
        .map(([id, n]) => [labelOf(id), n]),
    );
    expect(byLabel).toEqual(expected);
  });

  test('links the included reports to as many studies as the diagram counts', () => {
    const studies = new Set(rows(section('included-reports')).map((row) => row.cells[3]?.href ?? `record:${row.cells[0]?.text}`));
    expect(studies.size).toBe(flow.included_studies);
  });
});

describe('the small hand-made review', () => {
  test('puts one record in each box, and one still open', () => {
    expect(ledgerSections(small.review, small.tracked, link).map((s) => [s.id, s.count])).toEqual([
      ['identified', 8],
      ['duplicates', 1],
      ['screened', 7],
      ['excluded-screening', 1],
      ['sought', 5],
      ['not-retrieved', 1],
      ['assessed', 4],
      ['excluded-full-text', 2],
      ['included-reports', 2],
      ['open', 1],
    ]);
    expect(small.tracked.derived.flow.included_studies).toBe(2);
  });
});
