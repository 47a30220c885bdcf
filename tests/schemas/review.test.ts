import { describe, expect, test } from 'vitest';
import { reviewSchema, guideSchema } from '../../src/schemas';
import { explainIssue } from '../../src/lib/validation/zod-issues';
import { reviewInput } from '../helpers/factories';

function failingPaths(schema: typeof reviewSchema | typeof guideSchema, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.flatMap((i) => explainIssue(i, input, schema).map((f) => f.path));
}

describe('review schema', () => {
  test('accepts a review that reports only two boxes, keeping the rest as not reported (null)', () => {
    const review = reviewSchema.parse(reviewInput());
    expect(review.flow.screened).toBe(100);
    expect(review.flow.assessed).toBeNull();
    expect(review.flow.identified.databases).toBeNull();
    expect(review.flow.excluded_full_text).toBeNull();
    expect(review.flow.previous).toBeUndefined();
  });

  test.each([
    ['an unknown flow box', reviewInput({ flow: { screened: 1, screend: 2 } as never }), 'flow.screend'],
    ['a negative count', reviewInput({ flow: { screened: -1 } }), 'flow.screened'],
    ['a fractional count', reviewInput({ flow: { assessed: 2.5 } }), 'flow.assessed'],
    [
      'a full-text reason the review does not define',
      reviewInput({ flow: { excluded_full_text: { 'no-alliance': 3 } } }),
      'flow.excluded_full_text.no-alliance',
    ],
    [
      'an exclusion reason defined twice',
      reviewInput({
        exclusion_reasons: [
          { id: 'a', label: 'A' },
          { id: 'a', label: 'B' },
        ],
      }),
      'exclusion_reasons[1].id',
    ],
    ['a citation with a URL DOI', reviewInput({ citation: { ...reviewInput().citation, doi: 'doi.org/10.1/x' } }), 'citation.doi'],
  ])('rejects %s at its field', (_, input, path) => {
    expect(failingPaths(reviewSchema, input)).toContain(path);
  });
});

describe('guide schema', () => {
  const guide = {
    title: 'Building the alliance early',
    summary: 'What to do in the first sessions.',
    audience: ['practitioners'],
    reviewed: '2026-11-27',
    order: 1,
  };
  test('accepts complete frontmatter', () => {
    expect(failingPaths(guideSchema, guide)).toEqual([]);
  });
  test.each([
    ['an unknown audience', { ...guide, audience: ['students'] }, 'audience[0]'],
    ['a missing reviewed date', { ...guide, reviewed: undefined }, 'reviewed'],
    ['an unknown field', { ...guide, tags: [] }, 'tags'],
  ])('rejects %s', (_, input, path) => {
    expect(failingPaths(guideSchema, input)).toContain(path);
  });
});
