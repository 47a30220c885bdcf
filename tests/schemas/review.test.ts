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

describe('review schema: records identified by other methods', () => {
  const citations = { source: 'citations', method: 'citations', date: '2026-11-20', description: 'Reference lists of later reviews.' };
  /** A review that searched no database, as the lead would write it (tests/fixtures/other-methods has a built one). */
  const onlyOther = (flow: Record<string, unknown> = {}, other_methods: unknown[] = [citations]) =>
    reviewInput({
      searches: [],
      screening: { reviewers: 1, other_methods } as never,
      flow: {
        databases_searched: false,
        other_methods: { identified: { citations: 4 }, sought: 4, not_retrieved: 0, assessed: 4, excluded: { 'wrong-population': 1 } },
        included_studies: 3,
        included_reports: 3,
        ...flow,
      } as never,
    });

  test('accepts a review that searched no database, its sources declared in the screening settings', () => {
    expect(failingPaths(reviewSchema, onlyOther({ screened: null }))).toEqual([]);
    const review = reviewSchema.parse(onlyOther({ screened: null }));
    expect(review.screening?.other_methods).toEqual([citations]);
    expect(review.flow.databases_searched).toBe(false);
  });

  test('accepts 0 in a databases box of a review that searched no database', () => {
    expect(failingPaths(reviewSchema, onlyOther({ screened: 0, identified: { databases: 0 } }))).toEqual([]);
  });

  test('leaves other_methods out of the settings when none are named', () => {
    expect(reviewSchema.parse(reviewInput({ screening: {} })).screening).toEqual({ reviewers: 2, consensus: 'consensus', highlight: [] });
  });

  test.each([
    ['a databases box above 0 when no database was searched', onlyOther({ screened: 100 }), 'flow.screened'],
    [
      'records from a database when no database was searched',
      onlyOther({ screened: null, identified: { databases: 3 } }),
      'flow.identified.databases',
    ],
    ['no other-methods arm when no database was searched', onlyOther({ screened: null, other_methods: undefined }), 'flow.other_methods'],
    ['a source named twice', onlyOther({ screened: null }, [citations, citations]), 'screening.other_methods[1].source'],
    ['an unknown method', onlyOther({ screened: null }, [{ ...citations, method: 'handsearching' }]), 'screening.other_methods[0].method'],
    [
      'a source with its file extension path',
      onlyOther({ screened: null }, [{ ...citations, source: 'records/citations' }]),
      'screening.other_methods[0].source',
    ],
    ['a date that is not a day', onlyOther({ screened: null }, [{ ...citations, date: '2026-11' }]), 'screening.other_methods[0].date'],
    [
      'a missing description',
      onlyOther({ screened: null }, [{ ...citations, description: undefined }]),
      'screening.other_methods[0].description',
    ],
  ])('rejects %s at its field', (_, input, path) => {
    expect(failingPaths(reviewSchema, input)).toEqual([path]);
  });
});
