// A review's screening settings in plain words.
import { describe, expect, test } from 'vitest';
import { describeScreeningSettings, reviewersPerStage } from '../../../src/lib/screening/settings';
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

  test('may differ by stage', () => {
    const s = settings({ reviewers: { 'title-abstract': 2, 'full-text': 1 } });
    expect(reviewersPerStage(s)).toEqual({ 'title-abstract': 2, 'full-text': 1 });
    expect(describeScreeningSettings(s)).toContain('by 2 reviewers, independently at title and abstract and by one reviewer at full text');
  });

  test.each([[{ reviewers: 0 }], [{ reviewers: 6 }], [{ consensus: 'Dr Who' }], [{ reviwers: 2 }]])('rejects %j', (screening) => {
    expect(reviewSchema.safeParse(reviewInput({ screening } as never)).success).toBe(false);
  });
});
