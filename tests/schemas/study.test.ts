import { describe, expect, test } from 'vitest';
import { studySchema } from '../../src/schemas';
import { explainIssue } from '../../src/lib/validation/zod-issues';
import { studyInput } from '../helpers/factories';

/** The field paths of every issue when `input` is parsed. */
function failingPaths(input: unknown): string[] {
  const result = studySchema.safeParse(input);
  return result.success ? [] : result.error.issues.flatMap((i) => explainIssue(i, input, studySchema).map((f) => f.path));
}

describe('study schema', () => {
  test('accepts a complete record', () => {
    expect(failingPaths(studyInput())).toEqual([]);
  });

  test.each([
    ['a correlation effect', { kind: 'correlation', label: 'WAI and outcome', r: 0.3, n: 48 }],
    ['a standardized mean difference', { kind: 'smd', label: 'WAI total', smd: 0.2, ci_low: -0.1, ci_high: 0.5 }],
    [
      'group means',
      {
        kind: 'group-means',
        label: 'Alliance with leader',
        etherapy: { mean: 4.2, sd: 0.8, n: 50 },
        comparison: { mean: 4.5, sd: 0.4, n: 55 },
      },
    ],
  ])('accepts %s as a numeric alliance result', (_, effect) => {
    const input = studyInput();
    expect(failingPaths({ ...input, alliance: { ...input.alliance, effects: [effect] } })).toEqual([]);
  });

  test('keeps an unquoted YAML volume number as text and a YAML date as YYYY-MM-DD', () => {
    const study = studySchema.parse({
      ...studyInput(),
      volume: 14,
      provenance: { ...studyInput().provenance, added: new Date('2026-01-01') },
    });
    expect(study.volume).toBe('14');
    expect(study.provenance.added).toBe('2026-01-01');
  });

  test('accepts a sample size of null (not reported)', () => {
    expect(failingPaths(studyInput({ sample_size: null }))).toEqual([]);
  });

  test.each([
    ['a misspelt field', { ...studyInput(), modalty: ['email'] }, 'modalty'],
    ['a URL where a bare DOI belongs', studyInput({ doi: 'https://doi.org/10.1000/x' }), 'doi'],
    ['a PMID with letters', studyInput({ pmid: 'PM123' }), 'pmid'],
    ['a PMCID without its prefix', studyInput({ pmcid: '3411180' }), 'pmcid'],
    ['a year before 1950', studyInput({ year: 1949 }), 'year'],
    ['a year in the future', studyInput({ year: new Date().getFullYear() + 1 }), 'year'],
    ['an id that is not kebab-case', studyInput({ id: 'Cook_2002' }), 'id'],
    ['an author not written "Family, Given"', studyInput({ authors: ['J Doe'] }), 'authors[0]'],
    ['an unknown modality', studyInput({ modalities: ['fax' as never] }), 'modalities[0]'],
    ['an unknown design', studyInput({ design: 'trial' as never }), 'design'],
    ['a negative sample size', studyInput({ sample_size: -3 }), 'sample_size'],
    [
      'an unknown rater',
      studyInput({ alliance: { ...studyInput().alliance, measures: [{ instrument: 'WAI', rater: 'clinet' as never }] } }),
      'alliance.measures[0].rater',
    ],
    ['no alliance measure', studyInput({ alliance: { ...studyInput().alliance, measures: [] } }), 'alliance.measures'],
    ['an excluded study without a reason', studyInput({ reviews: [{ review: 'test-review', decision: 'excluded' }] }), 'reviews[0].reason'],
    [
      'a reason on an included study',
      studyInput({ reviews: [{ review: 'test-review', decision: 'included', reason: 'wrong-population' }] }),
      'reviews[0].reason',
    ],
    [
      'an unknown listing',
      studyInput({ reviews: [{ review: 'test-review', decision: 'included', listing: 'maybe' as never }] }),
      'reviews[0].listing',
    ],
    [
      'an update before the record was added',
      studyInput({ provenance: { ...studyInput().provenance, added: '2026-02-01', updated: '2026-01-01' } }),
      'provenance.updated',
    ],
    ['a date in the wrong format', studyInput({ provenance: { ...studyInput().provenance, added: '01/02/2026' } }), 'provenance.added'],
    [
      'a source that is not a URL',
      studyInput({ provenance: { ...studyInput().provenance, sources: [{ url: 'pubmed' }] } }),
      'provenance.sources[0].url',
    ],
    [
      'a correlation above 1',
      studyInput({ alliance: { ...studyInput().alliance, effects: [{ kind: 'correlation', label: 'x', r: 1.3, n: 20 }] } }),
      'alliance.effects[0].r',
    ],
    [
      'a confidence interval that misses its estimate',
      studyInput({ alliance: { ...studyInput().alliance, effects: [{ kind: 'smd', label: 'x', smd: 0.9, ci_low: 0.1, ci_high: 0.5 }] } }),
      'alliance.effects[0].ci_low',
    ],
    [
      '"not compared" beside a face-to-face arm',
      studyInput({ alliance: { ...studyInput().alliance, vs_face_to_face: 'not-compared' } }),
      'alliance.vs_face_to_face',
    ],
    ['authors_incomplete set to false', studyInput({ authors_incomplete: false as never }), 'authors_incomplete'],
    [
      'a shared-sample link with an unknown overlap',
      studyInput({ same_participants_as: [{ study: 'roe-2011', overlap: 'maybe' as never, note: 'n' }] }),
      'same_participants_as[0].overlap',
    ],
  ])('rejects %s at its field', (_, input, path) => {
    expect(failingPaths(input)).toContain(path);
  });

  test('rejects a record missing a required field, naming that field', () => {
    const { summary: _summary, ...rest } = studyInput();
    expect(failingPaths(rest)).toEqual(['summary']);
  });
});
