// The tracked fixture review (tests/fixtures/tracked/content): its records and screening log,
// read from disk, derive exactly the flow its YAML reports.
//
// Worked out by hand from the files:
//
// Identification
//   records/psycinfo.ris  14 records; records/pubmed.nbib  18 records      identified = 32
//   Files are read in name order, so for each duplicate pair the PsycINFO record is kept.
//   Duplicates (7):
//     by DOI    10.5555/demo.101, .102, .103, .104 (in both files)                          4
//     by PMID   pmid:39990105 (PsycINFO gives it as "AN - PMID: 39990105"; titles differ)     1
//     by title  "Demo Pilot of E-Mail Therapy — Alliance Ratings" (PsycINFO, DOI .106) =
//               "Demo pilot of e-mail therapy: alliance ratings." (PubMed, pmid:39990106)     1
//               "Demo évaluation of ... programme" (Müller, psycinfo-7) =
//               "Demo evaluation of ... programme." (Muller, pmid:39990107)                   1
//   screened = 32 − 7 = 25
//
// Title-abstract (alice, ben; consensus settles conflicts)
//   include 10: .101, .104, pmid:39990105, .106, .111, .112, .121, .122, pmid:39990123, pmid:39990124
//     (.106: alice "maybe" — counts as include — and ben votes under the alias pmid:39990106;
//      pmid:39990123: alice include, ben exclude → consensus include)
//   exclude 15: the rest (.115: alice exclude, ben include → consensus exclude;
//     pmid:39990129: alice maybe, ben exclude → consensus exclude;
//     .126: alice first include, later exclude — her later vote counts)
//   excluded_screening = 15, sought = 10
//   kappa (rows alice, columns ben; maybe = include):
//            ben I  ben E
//     alice I   9      2        (2 = pmid:39990123, pmid:39990129)
//     alice E   1     13        (1 = .115)
//     p_o = 22/25 = 0.88; p_e = (11·10 + 14·15)/625 = 320/625 = 0.512
//     kappa = (0.88 − 0.512)/(1 − 0.512) = 230/305 ≈ 0.754
//
// Full text
//   not retrieved 1: pmid:39990124 (both "exclude, not-retrieved")          assessed = 10 − 1 = 9
//   excluded 4:  .104 no-alliance-measure (both)
//                .112 no-alliance-measure (alice maybe, ben exclude → consensus)
//                .122 not-etherapy (alice not-etherapy, ben no-alliance-measure → consensus not-etherapy)
//                pmid:39990123 not-empirical (both)
//   → not-etherapy 1, no-alliance-measure 2, not-empirical 1
//   included reports 5: .101, .121, pmid:39990105, .111, .106 (.106: alice include, ben exclude → consensus include)
//   kappa over the 9 records assessed (not-retrieved left out):
//            ben I  ben E
//     alice I   4      2        (2 = .106, .112 (maybe))
//     alice E   0      3
//     p_o = 7/9; p_e = (6·4 + 3·5)/81 = 39/81; kappa = (63 − 39)/(81 − 39) = 24/42 ≈ 0.571
//
// Included studies 4: demo-example-2008 (.101), demo-sample-2009 (.121),
//   demo-placeholder-2010 (pmid:39990105 and its second report .111), demo-testa-2012 (.106)
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadTracking } from '../../../src/loaders/tracking';
import { checkFlow, compareFlows } from '../../../src/lib/prisma/check';
import { readPrismaCsv, writePrismaCsv } from '../../../src/lib/prisma/csv';
import { layoutPrismaFlow } from '../../../src/lib/prisma/layout';
import { MULLER, review, studies, tracked } from './demo-review';

const content = path.resolve(__dirname, '../../fixtures/tracked/content');
// The full tracking result (sources with their formats, the votes) is read here; the review, its
// studies and the derived flow are shared with the view tests (./demo-review.ts).
const tracking = loadTracking('reviews/demo-review', { root: content, reasons: review.exclusion_reasons.map((r) => r.id) });
if (!tracking) throw new Error('the fixture review folder is missing');
const { derived } = tracked;

describe('the tracked fixture review', () => {
  test('has valid review and study records, each study included in the review', () => {
    expect(review.id).toBe('demo-review');
    expect(studies.map((s) => s.id)).toEqual(['demo-example-2008', 'demo-placeholder-2010', 'demo-sample-2009', 'demo-testa-2012']);
    expect(
      studies.every(
        (s) => s.reviews.some((r) => r.review === 'demo-review' && r.decision === 'included') && s.provenance.verification === 'unverified',
      ),
    ).toBe(true);
  });

  test('reads both record files and the screening log without a problem', () => {
    expect(tracking.problems).toEqual([]);
    expect(tracking.sources.map((s) => [s.name, s.format, s.records, s.file])).toEqual([
      ['psycinfo', 'ris', 14, 'reviews/demo-review/records/psycinfo.ris'],
      ['pubmed', 'nbib', 18, 'reviews/demo-review/records/pubmed.nbib'],
    ]);
    expect(tracking.votes).toHaveLength(77);
    expect(tracking.screeningFile).toBe('reviews/demo-review/screening.csv');
  });

  test('finds the seven duplicates by DOI, PMID and title', () => {
    expect(derived.deduplication.duplicates.map((d) => [d.record.key, d.of, d.rule])).toEqual([
      ['10.5555/demo.101', '10.5555/demo.101', 'doi'],
      ['10.5555/demo.102', '10.5555/demo.102', 'doi'],
      ['10.5555/demo.103', '10.5555/demo.103', 'doi'],
      ['10.5555/demo.104', '10.5555/demo.104', 'doi'],
      ['pmid:39990105', 'pmid:39990105', 'pmid'],
      ['pmid:39990106', '10.5555/demo.106', 'title'],
      ['pmid:39990107', MULLER, 'title'],
    ]);
  });

  test('derives the flow worked out by hand above', () => {
    expect(derived.flow).toEqual({
      identified: { databases: 32, registers: 0, per_source: { psycinfo: 14, pubmed: 18 } },
      removed_before_screening: { duplicates: 7, automation: 0, other: 0 },
      screened: 25,
      excluded_screening: 15,
      sought: 10,
      not_retrieved: 1,
      assessed: 9,
      excluded_full_text: { 'not-etherapy': 1, 'no-alliance-measure': 2, 'not-empirical': 1 },
      included_studies: 4,
      included_reports: 5,
    });
    expect(derived.problems).toEqual([]);
  });

  test('agrees box by box with the flow the review reports, and both close', () => {
    expect(compareFlows(review.flow, derived.flow)).toEqual([]);
    expect(checkFlow(review.flow)).toEqual([]);
    expect(checkFlow(derived.flow)).toEqual([]);
  });

  test('has every conflict settled and a kappa per stage', () => {
    const ta = derived.progress.stages['title-abstract'];
    const ft = derived.progress.stages['full-text'];
    expect([ta.awaiting, ta.conflicts, ft.awaiting, ft.conflicts]).toEqual([[], [], [], []]);
    expect(ta.agreement.table).toEqual([
      [9, 2],
      [1, 13],
    ]);
    expect(ta.agreement.agreement?.kappa).toBeCloseTo(230 / 305, 10);
    expect(ft.agreement.table).toEqual([
      [4, 2],
      [0, 3],
    ]);
    expect(ft.agreement.agreement?.kappa).toBeCloseTo(24 / 42, 10);
    const settled = [...derived.decisions.values()].flatMap((d) => Object.values(d)).filter((d) => d.settledBy === 'consensus');
    expect(settled.map((d) => `${d.stage} ${d.record}`).sort()).toEqual([
      'full-text 10.5555/demo.106',
      'full-text 10.5555/demo.112',
      'full-text 10.5555/demo.122',
      'title-abstract 10.5555/demo.115',
      'title-abstract pmid:39990123',
      'title-abstract pmid:39990129',
    ]);
    expect(derived.progress.includedWithoutStudy).toEqual([]);
  });

  test('round-trips the derived flow through the PRISMA2020 CSV and lays it out', () => {
    expect(readPrismaCsv(writePrismaCsv(derived.flow, review.exclusion_reasons), review.exclusion_reasons)).toEqual({
      flow: derived.flow,
      problems: [],
    });
    const spec = layoutPrismaFlow(review.flow, { reasons: review.exclusion_reasons });
    expect(spec.boxes.find((b) => b.id === 'included')?.lines).toEqual([
      'Studies included in review',
      '(n = 4)',
      'Reports of included studies',
      '(n = 5)',
    ]);
  });
});

describe('loadTracking', () => {
  test('returns null for a review without a tracking folder', () => {
    expect(loadTracking('reviews/no-such-review', { root: content })).toBeNull();
  });
});
