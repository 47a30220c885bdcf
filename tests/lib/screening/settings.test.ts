// A review's screening settings in plain words.
import { describe, expect, test } from 'vitest';
import { describeScreeningSettings, reviewersPerStage, screeningRules } from '../../../src/lib/screening/settings';
import { deriveFlow } from '../../../src/lib/prisma/derive';
import type { Vote } from '../../../src/lib/prisma/screening';
import { rec } from '../prisma/records';
import { vote } from '../prisma/votes';
import { reviewSchema } from '../../../src/schemas';
import { reviewInput } from '../../helpers/factories';

const settings = (screening: unknown) => reviewSchema.parse(reviewInput({ screening } as never)).screening!;

describe('screening settings', () => {
  test('default to two reviewers per record and a reviewer named consensus', () => {
    expect(settings({})).toEqual({ reviewers: 2, consensus: 'consensus', highlight: [] });
    expect(describeScreeningSettings(settings({}))).toBe(
      'Each record is screened by 2 reviewers, independently, at title and abstract and at full text. Where reviewers disagree, the votes of "consensus" settle the record.',
    );
  });

  test('say plainly when screening was not duplicated', () => {
    expect(describeScreeningSettings(settings({ reviewers: 1 }))).toMatch(
      /^Each record is screened by one reviewer, .* Screening was not duplicated/,
    );
  });

  test('say that records found by other methods are screened at full text only', () => {
    const s = settings({
      reviewers: 1,
      other_methods: [{ source: 'citations', method: 'citations', date: '2026-11-20', description: 'Reference lists.' }],
    });
    expect(describeScreeningSettings(s)).toMatch(
      /Records found by other methods .* are not screened on title and abstract: they are screened at full text only\.$/,
    );
  });

  test('may differ by stage', () => {
    const s = settings({ reviewers: { 'title-abstract': 2, 'full-text': 1 } });
    expect(reviewersPerStage(s)).toEqual({ 'title-abstract': 2, 'full-text': 1 });
    expect(describeScreeningSettings(s)).toContain('by 2 reviewers, independently at title and abstract and by one reviewer at full text');
  });

  test.each([[{ reviewers: 0 }], [{ reviewers: 6 }], [{ consensus: 'Dr Who' }], [{ reviwers: 2 }]])('rejects %j', (screening) => {
    expect(reviewSchema.safeParse(reviewInput({ screening } as never)).success).toBe(false);
  });
});

describe('screeningRules', () => {
  // The derivation must decide records as the workspace does: one vote is enough when one reviewer screens.
  const one = rec({ source: 'pubmed', doi: '10.5555/one' });
  const derive = (screening: unknown, votes: Vote[]) =>
    deriveFlow({ records: [one], votes, reasons: [], rules: screeningRules(screening === undefined ? undefined : settings(screening)) });

  test('leave the defaults (two reviewers, "consensus") when a review has no settings', () => {
    expect(screeningRules(undefined)).toEqual({});
    expect(derive(undefined, [vote(one.key, 'title-abstract', 'alice', 'exclude')]).flow.excluded_screening).toBe(0);
  });

  test('let one reviewer decide a record when the review is screened by one reviewer', () => {
    const flow = derive({ reviewers: 1 }, [vote(one.key, 'title-abstract', 'alice', 'exclude')]).flow;
    expect(flow.excluded_screening).toBe(1);
  });

  test('follow the reviewers needed per stage', () => {
    const votes = [vote(one.key, 'title-abstract', 'alice', 'include'), vote(one.key, 'full-text', 'alice', 'include')];
    const derived = derive({ reviewers: { 'title-abstract': 1, 'full-text': 2 } }, votes);
    expect(derived.flow.sought).toBe(1);
    expect(derived.progress.stages['full-text'].awaiting).toEqual([one.key]);
  });

  test("settle conflicts with the votes of the review's own consensus reviewer", () => {
    const votes = [
      vote(one.key, 'title-abstract', 'alice', 'include'),
      vote(one.key, 'title-abstract', 'ben', 'exclude'),
      vote(one.key, 'title-abstract', 'chair', 'exclude'),
    ];
    expect(derive({ consensus: 'chair' }, votes).flow.excluded_screening).toBe(1);
    expect(derive({}, votes).progress.stages['title-abstract'].conflicts).toEqual([one.key]);
  });
});
