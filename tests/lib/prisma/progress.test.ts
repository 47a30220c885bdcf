import { describe, expect, test } from 'vitest';
import { deriveFlow } from '../../../src/lib/prisma/derive';
import { CONFLICTS_LISTED, progressView } from '../../../src/lib/prisma/progress';
import { tracked } from './demo-review';
import { rec } from './records';
import { screeningUnderWay, vote } from './votes';

const reasons = [{ id: 'not-etherapy', label: 'Not delivered as e-therapy' }];

describe('progressView of the tracked fixture review', () => {
  const progress = progressView(tracked.derived);

  test('counts every vote and finds nothing awaiting or in conflict', () => {
    expect([progress.votes, progress.awaiting, progress.conflictCount, progress.conflicts]).toEqual([77, 0, 0, []]);
  });

  // Kappa worked out by hand in fixture.test.ts: 230/305 ≈ 0.754 over 25 records, 24/42 ≈ 0.571 over 9.
  test.each([
    ['title-abstract', 'Title and abstract', 25, '0.75', 25, '88%'],
    ['full-text', 'Full text', 10, '0.57', 9, '78%'],
  ])(
    'gives %s (%s) its records, kappa to two decimals, the records kappa rests on and the raw agreement',
    (stage, label, records, kappa, kappaRecords, observed) => {
      expect(progress.stages.find((s) => s.stage === stage)).toMatchObject({
        label,
        records,
        decided: records,
        reviewers: ['alice', 'ben'],
        kappa,
        kappaRecords,
        observed,
        note: null,
      });
    },
  );
});

describe('progressView while screening is under way', () => {
  const { b, c, d, records, votes, studies } = screeningUnderWay('p');
  const progress = progressView(deriveFlow({ records, votes, reasons, studies }));
  const [ta, ft] = progress.stages;

  test('totals the records awaiting votes and the open conflicts of both stages', () => {
    expect([progress.votes, progress.awaiting, progress.conflictCount]).toEqual([11, 1, 1]);
    expect([ta?.awaiting, ta?.conflicts]).toEqual([[c.key], [b.key]]);
  });

  test('lists each open conflict by record key with the name of its stage', () => {
    expect(progress.conflicts).toEqual([{ key: b.key, stage: 'Title and abstract' }]);
  });

  test('gives a kappa of 0.00 when the reviewers agree no more often than chance', () => {
    // alice includes a, b, d; ben includes a, d: p_o = 2/3 = p_e, so kappa = 0.
    expect(ta).toMatchObject({ records: 4, decided: 2, kappa: '0.00', kappaRecords: 3, observed: '67%', note: null });
  });

  test('says kappa is not computable, and why, when both reviewers include every record', () => {
    expect(ft).toMatchObject({ records: 2, decided: 2, kappa: 'not computable', kappaRecords: 2, observed: '100%' });
    expect(ft?.note).toBe('kappa is undefined: both reviewers put every record in the same category');
  });

  test('names the included records that no study record claims', () => {
    expect(progress.includedWithoutStudy).toEqual([d.key]);
  });
});

describe('progressView with one reviewer or many conflicts', () => {
  test('gives no kappa and no raw agreement while only one reviewer has voted', () => {
    const r = rec();
    const [ta] = progressView(deriveFlow({ records: [r], votes: [vote(r.key, 'title-abstract', 'alice', 'include')], reasons })).stages;
    expect(ta).toMatchObject({
      reviewers: ['alice'],
      kappa: 'not computable',
      kappaRecords: null,
      observed: null,
      note: 'kappa needs at least two reviewers; title-abstract has 1 (alice)',
    });
  });

  test(`lists at most ${CONFLICTS_LISTED} open conflicts by key while counting all of them`, () => {
    const records = Array.from({ length: CONFLICTS_LISTED + 10 }, () => rec());
    const votes = records.flatMap((r) => [
      vote(r.key, 'title-abstract', 'alice', 'include'),
      vote(r.key, 'title-abstract', 'ben', 'exclude'),
    ]);
    const progress = progressView(deriveFlow({ records, votes, reasons }));
    expect(progress.conflictCount).toBe(CONFLICTS_LISTED + 10);
    expect(progress.conflicts.map((c) => c.key)).toEqual(records.slice(0, CONFLICTS_LISTED).map((r) => r.key));
  });
});

describe('progressView with three reviewers', () => {
  // The ratings of screening.test.ts "agreement between three reviewers" (reference values from R).
  const ratings = { alice: 'iieeieieei', ben: 'ieeeieiiei', carol: 'iieieeieee' };
  const records = [...'0123456789'].map((i) => rec({ source: 'pubmed', doi: `10.5555/three.${i}` }));
  const votes = Object.entries(ratings).flatMap(([reviewer, calls]) =>
    [...calls].map((c, i) => vote(records[i]!.key, 'title-abstract', reviewer, c === 'i' ? 'include' : 'exclude')),
  );
  const stage = progressView(deriveFlow({ records, votes, reasons, rules: { votesRequired: 3 } })).stages[0]!;

  test("shows Light's kappa for the stage and Cohen's kappa for each pair", () => {
    expect(stage.kappa).toBe('0.33 (Light’s)');
    expect(stage.cells.basedOn).toBe('3 pairs of reviewers');
    expect(stage.pairs).toEqual([
      { reviewers: 'alice and ben', kappa: '0.60', basedOn: '10 records' },
      { reviewers: 'alice and carol', kappa: '0.40', basedOn: '10 records' },
      { reviewers: 'ben and carol', kappa: '0.00', basedOn: '10 records' },
    ]);
  });
});
