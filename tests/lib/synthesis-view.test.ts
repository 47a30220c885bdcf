// The synthesis block of a review kept as a record, as its page shows it, and as a guide's evidence list shows it.
import { describe, expect, test } from 'vitest';
import { describeEvidence } from '../../src/lib/guidance/evidence';
import { describeSynthesis, formatP, includedBySyntheses, pooledRow, reviewFindings } from '../../src/lib/synthesis-view';
import { makeStudy } from '../helpers/factories';

const estimate = {
  label: 'Alliance, videoconference vs face to face',
  measure: 'smd' as const,
  estimate: -0.3,
  ci_low: -0.67,
  ci_high: 0.07,
};
const meta = makeStudy({
  id: 'meta-2018',
  design: 'meta-analysis',
  alliance: {
    measures: [{ instrument: 'WAI', rater: 'client' }],
    vs_face_to_face: 'mixed',
    outcome_link: 'not-tested',
    finding: 'No clear difference.',
  },
  synthesis: {
    searched_to: '2017-01',
    studies_included: 12,
    pooled: [{ ...estimate, k: 4, i2: 45.5, p: 0.0004 }],
    includes: ['trial-a', 'gone-2001'],
  },
  provenance: { ...makeStudy().provenance, verification: 'abstract', unverified_fields: ['synthesis.pooled'] },
});
const trial = makeStudy({ id: 'trial-a', authors: ['Primus, Ada'], year: 2015 });

describe('the synthesis block', () => {
  test.each([
    [0.11, '0.11'],
    [0.05, '0.05'],
    [0.004, '0.004'],
    [0.0004, '< 0.001'],
  ])('writes p = %s as %s', (p, text) => {
    expect(formatP(p)).toBe(text);
  });

  test('writes every cell of a pooled estimate, with "not reported" for what the review does not give', () => {
    expect(pooledRow(estimate)).toEqual({
      label: 'Alliance, videoconference vs face to face',
      measure: 'SMD',
      estimate: '−0.30',
      ci: '−0.67 to 0.07',
      k: 'not reported',
      n: 'not reported',
      i2: 'not reported',
      p: 'not reported',
      note: null,
    });
  });

  test('gives the search date, studies included, the table, the included records by citation and the unconfirmed facts', () => {
    expect(describeSynthesis(meta, [trial])).toEqual({
      searchedTo: 'January 2017',
      studiesIncluded: '12',
      rows: [{ ...pooledRow(estimate), k: '4', i2: '45.5%', p: '< 0.001' }],
      includes: [
        { id: 'trial-a', citation: 'Primus (2015)' },
        { id: 'gone-2001', citation: 'gone-2001' },
      ],
      unconfirmed: { searchedTo: false, studiesIncluded: false, pooled: true },
    });
  });

  test('is null for a primary study', () => {
    expect(describeSynthesis(trial, [trial])).toBeNull();
  });

  test('finds the reviews kept here that included a study', () => {
    expect(includedBySyntheses('trial-a', [trial, meta]).map((s) => s.id)).toEqual(['meta-2018']);
    expect(includedBySyntheses('meta-2018', [trial, meta])).toEqual([]);
  });

  test("a guide's evidence list gives a meta-analysis's studies included and pooled estimate, marked unconfirmed, and does not count it", () => {
    const item = describeEvidence(meta);
    expect(item.n).toEqual({ text: '12 studies included', unconfirmed: false });
    expect(item.finding).toEqual({
      text: 'No clear difference. Pooled, as the review reports it: Alliance, videoconference vs face to face: SMD −0.30 (95% CI −0.67 to 0.07; k = 4, I² = 45.5%).',
      unconfirmed: true,
    });
    expect(item.counts).toBe(false);
  });
});

describe('reviewFindings', () => {
  const later = makeStudy({
    id: 'meta-2023',
    year: 2023,
    design: 'meta-analysis',
    synthesis: { searched_to: '2022-05', studies_included: 20, pooled: [] },
  });
  const excluded = makeStudy({
    id: 'sr-2015',
    design: 'systematic-review',
    synthesis: { searched_to: null, studies_included: null, pooled: [] },
    reviews: [{ review: 'test-review', decision: 'excluded', reason: 'wrong-population' }],
  });

  test('lists the included reviews of studies, earliest search first, each with its own numbers, and no primary study', () => {
    const findings = reviewFindings([later, trial, excluded, meta]);
    expect(findings.map((f) => [f.id, f.design, f.searchedTo, f.studiesIncluded, f.rows.length])).toEqual([
      ['meta-2018', 'Meta-analysis', 'January 2017', '12', 1],
      ['meta-2023', 'Meta-analysis', 'May 2022', '20', 0],
    ]);
  });
});
