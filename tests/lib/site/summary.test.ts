import { describe, expect, test } from 'vitest';
import { deriveSummary, includedIn, shortCitation } from '../../../src/lib/summary';
import { isUnverified } from '../../../src/lib/provenance';
import { formatList } from '../../../src/lib/labels';
import { makeStudy } from '../../helpers/factories';

const alliance = makeStudy().alliance;
const studies = [
  makeStudy({ id: 'a-2001', sample_size: 40, modalities: ['email', 'chat'], alliance: { ...alliance, vs_face_to_face: 'etherapy-higher' } }),
  makeStudy({ id: 'b-2002', sample_size: null, provenance: { ...makeStudy().provenance, unverified_fields: ['sample_size'] } }),
  makeStudy({ id: 'c-2003', sample_size: 10, alliance: { ...alliance, vs_face_to_face: 'not-compared' }, reviews: [{ review: 'test-review', decision: 'excluded', reason: 'wrong-population' }] }),
];

describe('deriveSummary', () => {
  const summary = deriveSummary(studies);

  test('counts studies and participants, leaving out sample sizes that are not reported', () => {
    expect(summary).toMatchObject({ studies: 3, participants: 50, sampleSizeMissing: 1, studiesWithSampleSize: 2 });
  });

  test('counts a study with two modalities under each', () => {
    expect(summary.byModality.filter((t) => t.count > 0)).toEqual([
      { key: 'email', count: 1 },
      { key: 'chat', count: 1 },
      { key: 'videoconference', count: 2 },
    ]);
  });

  test('counts the studies compared with face-to-face, and keeps zero counts of the vocabulary', () => {
    expect(summary.comparedWithFaceToFace).toBe(2);
    expect(summary.byComparison.find((t) => t.key === 'etherapy-lower')).toEqual({ key: 'etherapy-lower', count: 0 });
  });

  test('counts records that are not fully verified, and included studies whose listing is unconfirmed', () => {
    expect(summary.withUnverifiedFacts).toBe(3);
    expect(summary.listingUnconfirmed).toBe(2);
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
