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

/** A meta-analysis record as the lead would write it (tests/fixtures/other-methods has a built one). */
const metaAnalysis = (synthesis: Record<string, unknown> = {}, design = 'meta-analysis') =>
  studyInput({
    design: design as never,
    synthesis: {
      searched_to: '2017-01',
      studies_included: 12,
      pooled: [
        {
          label: 'Working alliance, videoconference vs face to face (client-rated)',
          measure: 'smd',
          estimate: -0.3,
          ci_low: -0.67,
          ci_high: 0.07,
          k: 4,
          n: null,
          i2: null,
          p: 0.11,
        },
      ],
      includes: ['germain-2010'],
      ...synthesis,
    } as never,
  });

describe('study schema: reviews and meta-analyses kept as records', () => {
  test.each(['meta-analysis', 'systematic-review'])('accepts a %s with its synthesis block', (design) => {
    expect(failingPaths(metaAnalysis({}, design))).toEqual([]);
  });

  test.each([
    ['a search date not reported and no pooled estimate', { searched_to: null, studies_included: null, pooled: [] }],
    ['a search date given as a day', { searched_to: '2017-01-31' }],
    ['no includes', { includes: undefined }],
    ['an odds ratio', { pooled: [{ label: 'Dropout', measure: 'or', estimate: 1.2, ci_low: 0.8, ci_high: 1.9 }] }],
  ])('accepts %s', (_, synthesis) => {
    expect(failingPaths(metaAnalysis(synthesis))).toEqual([]);
  });

  test('accepts a pooled field with a digit in its name as an unconfirmed field path', () => {
    const input = metaAnalysis();
    const provenance = { ...input.provenance, unverified_fields: ['synthesis.pooled[0].i2'] };
    expect(failingPaths({ ...input, provenance })).toEqual([]);
  });

  test('requires the synthesis block when the design is a meta-analysis', () => {
    expect(failingPaths(studyInput({ design: 'meta-analysis' }))).toEqual(['synthesis']);
  });

  test('refuses a synthesis block on a primary study', () => {
    expect(failingPaths(metaAnalysis({}, 'rct'))).toEqual(['synthesis']);
  });

  const pooled = (fields: Record<string, unknown>) => ({
    pooled: [{ label: 'Alliance', measure: 'smd', estimate: 0.1, ci_low: -0.2, ci_high: 0.4, ...fields }],
  });
  test.each([
    ['an interval that does not contain the estimate', pooled({ estimate: 0.5 }), 'synthesis.pooled[0].ci_low'],
    ['an unknown measure', pooled({ measure: 'hr' }), 'synthesis.pooled[0].measure'],
    ['an I² above 100', pooled({ i2: 140 }), 'synthesis.pooled[0].i2'],
    ['a p value above 1', pooled({ p: 1.5 }), 'synthesis.pooled[0].p'],
    ['a k of 0', pooled({ k: 0 }), 'synthesis.pooled[0].k'],
    ['a correlation beyond 1', pooled({ measure: 'r', estimate: 0.5, ci_low: 0.2, ci_high: 1.2 }), 'synthesis.pooled[0].ci_high'],
    ['an odds ratio of 0 or less', pooled({ measure: 'or', estimate: 0.5, ci_low: -0.1, ci_high: 0.9 }), 'synthesis.pooled[0].ci_low'],
    ['a misspelt field', pooled({ i_2: 30 }), 'synthesis.pooled[0].i_2'],
    ['a search date in the future', { searched_to: `${new Date().getFullYear() + 1}-01` }, 'synthesis.searched_to'],
    ['a missing count of studies included', { studies_included: undefined }, 'synthesis.studies_included'],
    ['an id listed twice in includes', { includes: ['germain-2010', 'germain-2010'] }, 'synthesis.includes[1]'],
    ['the record itself in includes', { includes: ['cook-2002'] }, 'synthesis.includes[0]'],
  ])('rejects %s, naming the field', (_, synthesis, path) => {
    const input = metaAnalysis(synthesis);
    const withId = path === 'synthesis.includes[0]' ? { ...input, id: 'cook-2002' } : input;
    expect(failingPaths(withId)).toEqual([path]);
  });
});
