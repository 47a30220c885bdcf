// What counts as evidence, how samples are counted, and what period the evidence covers.
import { describe, expect, test } from 'vitest';
import {
  coverageText,
  deriveCoverage,
  deriveEvidenceOverview,
  latestCoverage,
  deriveSamples,
  evidenceOnly,
  evidenceStatus,
  formatSearchedTo,
  isSynthesis,
  primaryEvidence,
  synthesisEvidence,
} from '../../src/lib/evidence-base';
import { deriveStrength, notCountedBecause } from '../../src/lib/guidance/strength';
import { deriveSummary } from '../../src/lib/summary';
import { makeReview, makeStudy } from '../helpers/factories';

const decided = (...decisions: ('included' | 'excluded' | 'pending')[]) =>
  decisions.map((decision, i) => ({ review: `r-${i}`, decision, ...(decision === 'excluded' ? { reason: 'wrong-population' } : {}) }));

describe('evidenceStatus', () => {
  test.each([
    [['included'], 'included'],
    [['excluded', 'included'], 'included'],
    [['pending'], 'pending'],
    [['excluded', 'pending'], 'pending'],
    [['excluded'], 'excluded'],
  ] as const)('a record decided %j is %s', (decisions, status) => {
    expect(evidenceStatus({ reviews: decided(...decisions) })).toBe(status);
  });

  test('keeps only the included records as evidence, in order', () => {
    const studies = [
      { id: 'a', reviews: decided('pending') },
      { id: 'b', reviews: decided('included') },
      { id: 'c', reviews: decided('excluded') },
    ];
    expect(evidenceOnly(studies).map((s) => s.id)).toEqual(['b']);
  });
});

describe('deriveSamples', () => {
  const link = (study: string, overlap: 'same' | 'possible') => [{ study, overlap, note: 'n' }];

  test('counts each record as its own sample when none are linked, leaving out unknown sizes', () => {
    expect(deriveSamples([makeStudy({ id: 'a', sample_size: 10 }), makeStudy({ id: 'b', sample_size: null })])).toMatchObject({
      participants: 10,
      withSize: 1,
      withoutSize: 1,
      possibleOverlaps: [],
    });
  });

  test('counts a chain of "same" links as one sample, at its largest reported size', () => {
    const totals = deriveSamples([
      makeStudy({ id: 'a', sample_size: 40, same_participants_as: link('b', 'same') }),
      makeStudy({ id: 'b', sample_size: null, same_participants_as: link('c', 'same') }),
      makeStudy({ id: 'c', sample_size: 44 }),
    ]);
    expect(totals.samples).toEqual([{ studyIds: ['a', 'b', 'c'], size: 44 }]);
    expect(totals.participants).toBe(44);
  });

  test('counts both records of a "possible" overlap and names the pair once', () => {
    const totals = deriveSamples([
      makeStudy({ id: 'a', sample_size: 48, same_participants_as: link('b', 'possible') }),
      makeStudy({ id: 'b', sample_size: 96, same_participants_as: link('a', 'possible') }),
    ]);
    expect(totals).toMatchObject({ participants: 144, possibleOverlaps: [['a', 'b']] });
  });

  test('ignores links to records outside the set (for example a pending record)', () => {
    expect(deriveSamples([makeStudy({ id: 'a', sample_size: 5, same_participants_as: link('gone', 'same') })])).toMatchObject({
      participants: 5,
      possibleOverlaps: [],
    });
  });
});

describe('deriveCoverage', () => {
  const review = makeReview({ id: 'test-review', searched_to: '2011-08' });

  test.each([
    ['2011-08', 'August 2011'],
    ['2011-08-31', '31 August 2011'],
  ])('writes %s as %s', (value, text) => {
    expect(formatSearchedTo(value)).toBe(text);
  });

  test('says which searches the evidence comes from, for the reviews that include the studies', () => {
    const other = makeReview({ id: 'other-review' });
    expect(deriveCoverage([review, other], [makeStudy()])).toEqual([
      {
        reviewId: 'test-review',
        review: expect.stringMatching(/\(\d{4}\)$/),
        searchedTo: '2011-08',
        text: 'studies found by searches up to August 2011',
      },
    ]);
  });

  test('says plainly when a review does not record when its searches ended', () => {
    expect(deriveCoverage([makeReview()])[0]?.text).toBe('the end of its searches is not recorded');
  });
});

describe('reviews and meta-analyses kept as records', () => {
  const synthesis = { searched_to: '2017-01', studies_included: 12, pooled: [], includes: ['trial-a'] };
  const trialA = makeStudy({ id: 'trial-a', design: 'rct', sample_size: 60, reviews: [{ review: 'r', decision: 'included' }] });
  const trialB = makeStudy({ id: 'trial-b', design: 'single-group', sample_size: 40, reviews: [{ review: 'r', decision: 'included' }] });
  const meta = makeStudy({
    id: 'meta-2019',
    design: 'meta-analysis',
    sample_size: 900,
    synthesis,
    provenance: { ...makeStudy().provenance, verification: 'full-text' },
    reviews: [{ review: 'r', decision: 'included' }],
  });
  const pendingReview = makeStudy({
    id: 'sr-2020',
    design: 'systematic-review',
    synthesis,
    reviews: [{ review: 'r', decision: 'pending' }],
  });
  const all = [trialA, meta, trialB, pendingReview];

  test('tells a review of studies from a primary study by its design', () => {
    expect(all.map(isSynthesis)).toEqual([false, true, false, true]);
  });

  test('keeps the included primary studies apart from the included reviews of studies', () => {
    expect(primaryEvidence(all).map((s) => s.id)).toEqual(['trial-a', 'trial-b']);
    expect(synthesisEvidence(all).map((s) => s.id)).toEqual(['meta-2019']);
  });

  test('the home page figures count neither a meta-analysis as a study nor its participants', () => {
    const summary = deriveSummary(all);
    expect(summary.studies).toBe(2);
    expect(summary.syntheses).toBe(1);
    expect(summary.participants).toBe(100);
    expect(summary.samples).toBe(2);
  });

  test('a cited meta-analysis adds nothing to a strength label, and says why', () => {
    const withMeta = deriveStrength([trialA, trialB, meta]);
    const without = deriveStrength([trialA, trialB]);
    expect([withMeta.counted, withMeta.samples, withMeta.participants, withMeta.level]).toEqual([
      without.counted,
      without.samples,
      without.participants,
      without.level,
    ]);
    expect(withMeta.notCounted).toEqual(['meta-2019']);
    expect(notCountedBecause(meta)).toEqual([
      'a review of studies: its pooled result is a review-level finding, and the studies it pooled count through their own records',
    ]);
  });

  test('a label says the cited reviews are review-level findings, not studies that failed a check', () => {
    expect(deriveStrength([trialA, trialB, meta]).basis).toMatch(
      /^2 cited studies: 1 randomized trial, 100 participants; none checked against the full text\. 1 review or meta-analysis also cited is a review-level finding/,
    );
    expect(deriveStrength([meta]).basis).toBe(
      'No primary study is cited, so the label rests on none: 1 review or meta-analysis cited is a review-level finding, shown with its own numbers, and never counts here.',
    );
    expect(deriveStrength([meta]).basis).not.toContain('confirmed well enough');
  });
});

describe('coverage of a review that searched no database', () => {
  test('gives the publication period and says how the records were found', () => {
    const update = makeReview({
      id: 'update',
      period: { from: '2011-09', to: '2025-12' },
      flow: { databases_searched: false, other_methods: {} },
    });
    expect(coverageText(update)).toBe(
      'reports published from September 2011 to December 2025, identified by other methods (no database was searched)',
    );
    expect(coverageText(makeReview({ searched_to: '2011-08' }))).toBe('studies found by searches up to August 2011');
    expect(latestCoverage([makeReview({ searched_to: '2011-08' }), update])).toBe('2025-12');
    expect(latestCoverage([makeReview({})])).toBeNull();
  });
});

describe('deriveEvidenceOverview', () => {
  const original = makeReview({ id: 'original', searched_to: '2011-08', searches: [{ source: 'PubMed' }, { source: 'PsycINFO' }] });
  const update = makeReview({
    id: 'update',
    period: { from: '2011-09', to: '2025-12' },
    flow: { databases_searched: false, other_methods: {} },
    screening: { reviewers: 1, other_methods: [{ source: 'leads', method: 'citations', date: '2026-12-01', description: 'Leads.' }] },
  });
  const inBoth = makeStudy({
    id: 'both',
    reviews: [
      { review: 'original', decision: 'included' },
      { review: 'update', decision: 'included' },
    ],
  });
  const old = makeStudy({ id: 'old', reviews: [{ review: 'original', decision: 'included', listing: 'confirmed' }] });
  const fresh = makeStudy({ id: 'fresh', reviews: [{ review: 'update', decision: 'included' }] });
  const metaAnalysis = makeStudy({
    id: 'meta',
    design: 'meta-analysis',
    synthesis: { searched_to: null, studies_included: 12, pooled: [] },
    reviews: [{ review: 'update', decision: 'included' }],
  });
  const pending = makeStudy({ id: 'pending', reviews: [{ review: 'update', decision: 'pending' }] });
  const overview = deriveEvidenceOverview([original, update], [inBoth, old, fresh, metaAnalysis, pending], new Set(['update']));

  test('counts each review’s studies and reviews apart, and how its records were found', () => {
    expect(overview.reviews.map((r) => [r.reviewId, r.studies, r.syntheses, r.included, r.found])).toEqual([
      ['original', 2, 0, 2, 'searches of PubMed and PsycINFO'],
      ['update', 2, 1, 3, 'other methods (citation searching)'],
    ]);
  });

  test('counts a study that both reviews include once in the combined evidence', () => {
    expect([overview.studies, overview.inSeveralReviews, overview.syntheses]).toEqual([3, 1, 1]);
  });

  test('calls a published review’s list unconfirmed where its listing is, and a review screened here never', () => {
    expect(overview.reviews.map((r) => r.unconfirmedListing)).toEqual([1, null]);
  });
});

test("the browser's list of review designs is the schema's", async () => {
  const { synthesisDesigns } = await import('../../src/schemas');
  const { SYNTHESIS_DESIGNS } = await import('../../src/lib/evidence-base');
  expect([...SYNTHESIS_DESIGNS]).toEqual([...synthesisDesigns]);
});
