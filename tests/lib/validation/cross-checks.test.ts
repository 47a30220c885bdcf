import { describe, expect, test } from 'vitest';
import { crossCheck, fileStem, parsePath } from '../../../src/lib/validation/cross-checks';
import { closest } from '../../../src/lib/validation/suggest';
import { formatProblem } from '../../../src/lib/validation/problem';
import { makeReview, makeStudy } from '../../helpers/factories';

const review = { file: 'content/reviews/test-review.yaml', data: makeReview() };
const study = (overrides: Parameters<typeof makeStudy>[0] = {}, file = 'content/studies/doe-2010.yaml') => ({
  file,
  data: makeStudy(overrides),
});

describe('cross-record checks', () => {
  test('pass for a study that names an existing review', () => {
    expect(crossCheck([study()], [review])).toEqual([]);
  });

  test.each([
    [
      'an id that differs from the file name',
      study({ id: 'doe-2011' }),
      'id',
      'must equal the file name (expected "doe-2010", got "doe-2011")',
    ],
    [
      'a review that does not exist',
      study({ reviews: [{ review: 'no-such-review', decision: 'included' }] }),
      'reviews[0].review',
      'names a review that does not exist',
    ],
    [
      'an exclusion reason the review does not define',
      study({ reviews: [{ review: 'test-review', decision: 'excluded', reason: 'wrong-outcome' }] }),
      'reviews[0].reason',
      'is not an exclusion reason of review "test-review" (expected one of wrong-population, got "wrong-outcome")',
    ],
    [
      'the same review named twice',
      study({
        reviews: [
          { review: 'test-review', decision: 'included' },
          { review: 'test-review', decision: 'pending' },
        ],
      }),
      'reviews[1].review',
      'names review "test-review" twice',
    ],
    [
      'an unverified field that does not exist',
      study({ provenance: { ...makeStudy().provenance, unverified_fields: ['sample_sise'] } }),
      'provenance.unverified_fields[0]',
      '"sample_sise" is not a field of a study record',
    ],
  ])('report %s', (_, record, path, message) => {
    const problems = crossCheck([record], [review]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: record.file, path, severity: 'error' });
    expect(problems[0]?.message).toContain(message);
  });

  test("report a previous id that is another record's current id", () => {
    const renamed = study({ id: 'doe-2010', previous_ids: ['roe-2011'] });
    const other = study({ id: 'roe-2011', doi: '10.1000/other' }, 'content/studies/roe-2011.yaml');
    expect(crossCheck([renamed, other], [review])).toEqual([
      expect.objectContaining({
        file: 'content/studies/doe-2010.yaml',
        path: 'previous_ids[0]',
        message: expect.stringContaining('is the id of another record'),
      }),
    ]);
  });

  test('accept nested unverified field paths such as alliance.measures[0].rater', () => {
    const s = study({
      provenance: { ...makeStudy().provenance, unverified_fields: ['alliance.measures[0].rater', 'alliance.outcome_link'] },
      alliance: { ...makeStudy().alliance, outcome_link: 'not-reported' },
    });
    expect(crossCheck([s], [review])).toEqual([]);
  });

  test('report a second file holding an existing id, naming the file that owns it', () => {
    const copy = study({ doi: '10.1000/copy' }, 'content/studies/doe-2010-copy.yaml');
    expect(crossCheck([copy, study()], [review])).toEqual([
      expect.objectContaining({
        file: 'content/studies/doe-2010-copy.yaml',
        path: 'id',
        message:
          'must equal the file name (expected "doe-2010-copy", got "doe-2010", which is already the id of content/studies/doe-2010.yaml: each record needs its own id); rename the file or the id',
      }),
    ]);
  });

  test('report two records with the same DOI, naming the first, and tell the first file too', () => {
    const problems = crossCheck([study(), study({ id: 'doe-2010b' }, 'content/studies/doe-2010b.yaml')], [review]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/studies/doe-2010b.yaml',
        path: 'doi',
        message: expect.stringContaining('content/studies/doe-2010.yaml'),
      }),
      expect.objectContaining({
        file: 'content/studies/doe-2010.yaml',
        path: 'doi',
        message: expect.stringContaining('is also used by content/studies/doe-2010b.yaml'),
      }),
    ]);
  });
});

describe('alliance values the sources do not give', () => {
  const provenance = makeStudy().provenance;
  test.each([
    [
      '"not-reported" without the field listed as unconfirmed',
      { alliance: { ...makeStudy().alliance, outcome_link: 'not-reported' as const } },
      'alliance.outcome_link',
      'list "alliance.outcome_link" in provenance.unverified_fields',
    ],
    [
      'an unconfirmed "not-compared"',
      {
        comparator: 'none' as const,
        alliance: { ...makeStudy().alliance, vs_face_to_face: 'not-compared' as const },
        provenance: { ...provenance, unverified_fields: ['alliance.vs_face_to_face'] },
      },
      'alliance.vs_face_to_face',
      'write "not-reported"',
    ],
    [
      'an unconfirmed "not-tested"',
      { provenance: { ...provenance, unverified_fields: ['alliance.outcome_link'] } },
      'alliance.outcome_link',
      'write "not-reported"',
    ],
  ])('warns about %s', (_, overrides, path, hint) => {
    expect(crossCheck([study(overrides)], [review])).toEqual([
      expect.objectContaining({ severity: 'warning', path, message: expect.stringContaining(hint) }),
    ]);
  });

  test('accepts "not-reported" listed as unconfirmed, and a confirmed "not-compared"', () => {
    const reported = study({
      alliance: { ...makeStudy().alliance, vs_face_to_face: 'not-reported' },
      provenance: { ...provenance, unverified_fields: ['alliance.vs_face_to_face'] },
    });
    const none = study(
      { id: 'roe-2011', doi: '10.1000/roe', comparator: 'none', alliance: { ...makeStudy().alliance, vs_face_to_face: 'not-compared' } },
      'content/studies/roe-2011.yaml',
    );
    expect(crossCheck([reported, none], [review])).toEqual([]);
  });
});

describe('records of the same participants', () => {
  const link = (to: string, overlap: 'same' | 'possible' = 'same') => ({
    same_participants_as: [{ study: to, overlap, note: 'Same trial.' }],
  });
  const other = (overrides: Parameters<typeof makeStudy>[0]) =>
    study({ id: 'roe-2011', doi: '10.1000/roe', ...overrides }, 'content/studies/roe-2011.yaml');

  test('accept a link made from both sides', () => {
    expect(crossCheck([study(link('roe-2011')), other(link('doe-2010'))], [review])).toEqual([]);
  });

  test.each([
    ['a link to a record that does not exist', [study(link('ghost-1999'))], 'error', 'same_participants_as[0].study', 'not a study record'],
    ['a link to the record itself', [study(link('doe-2010'))], 'error', 'same_participants_as[0].study', 'names this record itself'],
    [
      'a link made from one side only',
      [study(link('roe-2011')), other({})],
      'warning',
      'same_participants_as[0].study',
      'does not link back',
    ],
    [
      'two sides that disagree on the overlap',
      [study(link('roe-2011')), other(link('doe-2010', 'possible'))],
      'error',
      'same_participants_as[0].overlap',
      'make them agree',
    ],
  ])('report %s', (_, studies, severity, path, text) => {
    expect(crossCheck(studies, [review])).toContainEqual(
      expect.objectContaining({ file: 'content/studies/doe-2010.yaml', severity, path, message: expect.stringContaining(text) }),
    );
  });
});

describe('helpers', () => {
  test.each([
    ['alliance.measures[0].rater', ['alliance', 'measures', 0, 'rater']],
    ['sample_size', ['sample_size']],
  ])('parsePath splits %s', (path, segments) => {
    expect(parsePath(path)).toEqual(segments);
  });

  test('fileStem drops folder and extension', () => {
    expect(fileStem('content/studies/cook-2002.yaml')).toBe('cook-2002');
  });

  test.each([
    ['modalty', ['modalities', 'comparator'], 'modalities'],
    ['clinet', ['client', 'therapist', 'observer'], 'client'],
    ['videoconferense', ['email', 'videoconference'], 'videoconference'],
    ['xyz', ['client', 'therapist'], undefined],
  ])('suggests %s -> %s', (value, candidates, expected) => {
    expect(closest(value, candidates)).toBe(expected);
  });

  test('formats a problem as file:line path: message', () => {
    expect(formatProblem({ file: 'content/studies/a.yaml', line: 7, path: 'doi', message: 'must be a bare DOI', severity: 'error' })).toBe(
      'content/studies/a.yaml:7 doi: must be a bare DOI',
    );
  });
});
