// What counts as evidence, how samples are counted, and what period the evidence covers.
import { describe, expect, test } from 'vitest';
import { deriveCoverage, deriveSamples, evidenceOnly, evidenceStatus, formatSearchedTo } from '../../src/lib/evidence-base';
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
