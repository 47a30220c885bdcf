import { describe, expect, test } from 'vitest';
import { deriveSummary, includedIn, shortCitation } from '../../src/lib/summary';
import { isUnverified } from '../../src/lib/provenance';
import { formatList } from '../../src/lib/labels';
import { makeStudy } from '../helpers/factories';

const alliance = makeStudy().alliance;
const studies = [
  makeStudy({
    id: 'a-2001',
    sample_size: 40,
    modalities: ['email', 'chat'],
    alliance: { ...alliance, vs_face_to_face: 'etherapy-higher' },
  }),
  makeStudy({ id: 'b-2002', sample_size: null, provenance: { ...makeStudy().provenance, unverified_fields: ['sample_size'] } }),
  makeStudy({
    id: 'c-2003',
    sample_size: 10,
    comparator: 'none',
    alliance: { ...alliance, vs_face_to_face: 'not-compared' },
    reviews: [{ review: 'test-review', decision: 'excluded', reason: 'wrong-population' }],
  }),
];

describe('deriveSummary', () => {
  const summary = deriveSummary(studies);

  test('counts included studies and their participants, leaving out sample sizes that are not reported and the excluded study', () => {
    expect(summary).toMatchObject({
      studies: 2,
      participants: 40,
      sampleSizeMissing: 1,
      studiesWithSampleSize: 1,
      excluded: 1,
      awaitingScreening: 0,
    });
  });

  test('counts a study with two modalities under each', () => {
    expect(summary.byModality.filter((t) => t.count > 0)).toEqual([
      { key: 'email', count: 1 },
      { key: 'chat', count: 1 },
      { key: 'videoconference', count: 1 },
    ]);
  });

  test('counts the studies compared with face-to-face, and keeps zero counts of the vocabulary', () => {
    expect(summary.comparedWithFaceToFace).toBe(2);
    expect(summary.byComparison.find((t) => t.key === 'etherapy-lower')).toEqual({ key: 'etherapy-lower', count: 0 });
  });

  test('counts records that are not fully verified, and included studies whose listing is unconfirmed', () => {
    expect(summary.withUnverifiedFacts).toBe(2);
    expect(summary.listingUnconfirmed).toBe(2);
  });

  test('leaves every figure unchanged when a pending record is added, and counts it as awaiting screening', () => {
    const pending = makeStudy({
      id: 'p-2020',
      sample_size: 53,
      doi: '10.1000/p',
      alliance: { ...alliance, vs_face_to_face: 'etherapy-lower' },
      reviews: [{ review: 'test-review', decision: 'pending' }],
    });
    const withPending = deriveSummary([...studies, pending]);
    const { awaitingScreening, ...figures } = withPending;
    const { awaitingScreening: before, ...unchanged } = summary;
    expect(figures).toEqual(unchanged);
    expect([before, awaitingScreening]).toEqual([0, 1]);
  });

  test('counts a study with a face-to-face arm whose result is not reported as compared, but not as a reported result', () => {
    const s = deriveSummary([
      makeStudy({ alliance: { ...alliance, vs_face_to_face: 'not-reported' } }),
      makeStudy({ id: 'n-2001', comparator: 'none', alliance: { ...alliance, vs_face_to_face: 'not-reported' } }),
    ]);
    expect([s.comparedWithFaceToFace, s.comparisonResultReported]).toEqual([1, 0]);
    expect(s.byComparison.find((t) => t.key === 'not-reported')).toEqual({ key: 'not-reported', count: 2 });
  });

  test('counts records of the same participants once, at the larger size, and names records that may share participants', () => {
    const link = (study: string, overlap: 'same' | 'possible') => [{ study, overlap, note: 'Same trial, per its methods section.' }];
    const s = deriveSummary([
      makeStudy({ id: 'x-2006', sample_size: 48, same_participants_as: link('x-2007', 'same') }),
      makeStudy({ id: 'x-2007', sample_size: 96, same_participants_as: link('x-2006', 'same') }),
      makeStudy({ id: 'y-2010', sample_size: 20, same_participants_as: link('z-2011', 'possible') }),
      makeStudy({ id: 'z-2011', sample_size: 30, same_participants_as: link('y-2010', 'possible') }),
    ]);
    expect(s).toMatchObject({ studies: 4, samples: 3, participants: 146, possibleOverlaps: [['y-2010', 'z-2011']] });
  });
});

describe('includedIn', () => {
  test('keeps only the studies a review included', () => {
    expect(includedIn('test-review', studies).map((s) => s.id)).toEqual(['a-2001', 'b-2002']);
  });
});

describe('shortCitation', () => {
  test.each([
    [['Cook, Jonathan E.'], 'Cook (2002)'],
    [['Cook, Jonathan E.', 'Doyle, Carol'], 'Cook & Doyle (2002)'],
    [['Germain, V.', 'Marchand, A.', 'Bouchard, S.'], 'Germain et al. (2002)'],
  ])('cites %j as %s', (authors, expected) => {
    expect(shortCitation({ authors, year: 2002 })).toBe(expected);
  });

  test('cites an author list known to be incomplete as "et al.", even with one name', () => {
    expect(shortCitation({ authors: ['Bouchard, S.'], authors_incomplete: true, year: 2000 })).toBe('Bouchard et al. (2000)');
  });
});

describe('isUnverified', () => {
  const study = makeStudy({ provenance: { ...makeStudy().provenance, unverified_fields: ['alliance.measures', 'sample_size'] } });
  test.each([
    ['sample_size', true],
    ['alliance.measures', true],
    ['alliance.measures[0].rater', true],
    ['alliance', true],
    ['alliance.outcome_link', false],
    ['design', false],
  ])('%s is unverified: %s', (path, expected) => {
    expect(isUnverified(study, path)).toBe(expected);
  });
});

describe('formatList', () => {
  test.each([
    [[], ''],
    [['Email'], 'Email'],
    [['Email', 'Chat'], 'Email and Chat'],
    [['Email', 'Chat', 'Telephone'], 'Email, Chat and Telephone'],
  ])('joins %j as %j', (items, expected) => {
    expect(formatList(items)).toBe(expected);
  });
});
