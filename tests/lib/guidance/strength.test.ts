// The evidence-strength rule: computed from the cited records, never typed by hand.
import { describe, expect, test } from 'vitest';
import {
  ceilingWithoutFullText,
  counts,
  deriveStrength,
  describeStrengthRule,
  formatBasis,
  notCountedBecause,
  strengthRule,
  tallyEvidence,
} from '../../../src/lib/guidance/strength';
import type { StudyInput } from '../../../src/schemas';
import { makeStudy } from '../../helpers/factories';

type Spec = {
  design?: StudyInput['design'];
  n?: number | null;
  check?: 'full-text' | 'abstract' | 'bibliographic' | 'unverified';
  unverified?: string[];
};
let serial = 0;
/** A study with just the facts the rule reads. */
const study = ({ design = 'non-randomized', n = 50, check = 'abstract', unverified = [] }: Spec = {}) =>
  makeStudy({
    id: `s-${++serial}`,
    design,
    sample_size: n,
    provenance: {
      verification: check,
      unverified_fields: n === null ? ['sample_size', ...unverified] : unverified,
      sources: [],
      added: '2026-01-01',
      updated: '2026-01-01',
    },
  });
const times = (k: number, spec: Spec) => Array.from({ length: k }, () => study(spec));

describe('deriveStrength', () => {
  test.each([
    ['a single study, however large', [study({ design: 'rct', n: 900, check: 'full-text' })], 'very-limited'],
    ['two checked studies with 60 participants', times(2, { n: 30 }), 'limited'],
    ['two studies with only 40 participants', times(2, { n: 20 }), 'very-limited'],
    ['two studies that do not report their sample size', times(2, { n: null }), 'very-limited'],
    [
      'three studies, a randomized trial and 300 participants, checked against abstracts only',
      [study({ design: 'rct', n: 100 }), ...times(2, { n: 100 })],
      'limited',
    ],
    [
      'the same, with two records checked against the full text',
      [study({ design: 'rct', n: 100, check: 'full-text' }), study({ n: 100, check: 'full-text' }), study({ n: 100 })],
      'moderate',
    ],
    ['three full-text studies and 300 participants but no randomized trial', times(3, { n: 100, check: 'full-text' }), 'limited'],
    [
      'five full-text studies, two randomized trials and 500 participants',
      [...times(2, { design: 'rct', n: 100, check: 'full-text' }), ...times(3, { n: 100, check: 'full-text' })],
      'strong',
    ],
    [
      'the same plus one record checked only against its abstract',
      [...times(2, { design: 'rct', n: 100, check: 'full-text' }), ...times(3, { n: 100, check: 'full-text' }), study({ n: 100 })],
      'moderate',
    ],
    [
      'many participants in records never checked beyond their citation',
      times(4, { design: 'rct', n: 200, check: 'bibliographic' }),
      'very-limited',
    ],
    ['many participants in unverified records', times(4, { design: 'rct', n: 200, check: 'unverified' }), 'very-limited'],
  ])('%s: %s', (_, studies, level) => {
    expect(deriveStrength(studies).level).toBe(level);
  });

  test('does not count a study whose fact the point relies on is unconfirmed', () => {
    const studies = [study({ n: 40 }), study({ n: 40, unverified: ['alliance.outcome_link'] })];
    expect(deriveStrength(studies).level).toBe('limited');
    const about = deriveStrength(studies, { about: ['alliance.outcome_link'] });
    expect(about).toMatchObject({ level: 'very-limited', cited: 2, counted: 1, notCounted: [studies[1]!.id] });
  });

  test('treats a whole unconfirmed section as covering the fact inside it', () => {
    const s = study({ unverified: ['alliance'] });
    expect(tallyEvidence([s], { about: ['alliance.outcome_link'] }).counted).toBe(0);
  });

  test('adds only confirmed sample sizes and counts only confirmed randomized designs', () => {
    const tally = tallyEvidence([study({ design: 'rct', n: 80, unverified: ['sample_size', 'design'] }), study({ design: 'rct', n: 20 })]);
    expect(tally).toMatchObject({ counted: 2, participants: 20, sampleSizeUnknown: 1, rcts: 1 });
  });

  test('counts a study cited twice once', () => {
    const s = study({ n: 60 });
    expect(tallyEvidence([s, s])).toMatchObject({ cited: 1, counted: 1, participants: 60 });
  });

  test('states its figures in a sentence', () => {
    const s = deriveStrength([study({ design: 'rct', n: 96 }), study({ n: 48 }), study({ n: null }), study({ check: 'unverified' })]);
    expect(s.label).toBe('Limited');
    expect(s.basis).toBe(
      '3 of 4 cited studies count: 1 randomized trial, 144 participants (sample size not confirmed in 1); none checked against the full text.',
    );
  });

  test('says when no counted study has a confirmed sample size', () => {
    expect(deriveStrength([study({ n: null })]).basis).toBe(
      '1 cited study: no randomized trials, no confirmed sample size; none checked against the full text.',
    );
  });

  test('says when no cited study counts', () => {
    expect(formatBasis(tallyEvidence([study({ check: 'unverified' })]))).toBe(
      '0 of 1 cited study count: none is confirmed well enough to support this point.',
    );
  });
});

describe('the documented rule', () => {
  test('is printed from the same thresholds the labels use', () => {
    const rule = describeStrengthRule();
    expect(rule.map((r) => r.label)).toEqual(['Strong', 'Moderate', 'Limited', 'Very limited']);
    expect(rule[1]!.requires).toBe(
      `at least ${strengthRule.moderate.studies} studies that count (each sample once), 1 randomized controlled trial among them, at least ${strengthRule.moderate.participants} participants in total and at least ${strengthRule.moderate.fullText} checked against the full text.`,
    );
    expect(rule[0]!.requires).toContain('every cited study checked against the full text');
  });

  test('levels are ordered: each requires at least what the level below requires', () => {
    const { limited, moderate, strong } = strengthRule;
    for (const [lower, higher] of [
      [limited, moderate],
      [moderate, strong],
    ] as const) {
      expect(higher.studies).toBeGreaterThanOrEqual(lower.studies);
      expect(higher.rcts).toBeGreaterThanOrEqual(lower.rcts);
      expect(higher.participants).toBeGreaterThanOrEqual(lower.participants);
      expect(higher.fullText).toBeGreaterThanOrEqual(lower.fullText);
    }
  });

  test('without any full-text check, no point can rise above "limited"', () => {
    expect(ceilingWithoutFullText()).toBe('limited');
    const huge = [...times(10, { design: 'rct', n: 1000 })];
    expect(deriveStrength(huge).level).toBe('limited');
  });
});

describe('what counts towards a label (issue 9)', () => {
  test('never counts a record awaiting screening or excluded, however well checked', () => {
    const pending = makeStudy({ id: 'p-1', sample_size: 500, reviews: [{ review: 'test-review', decision: 'pending' }] });
    const excluded = makeStudy({
      id: 'x-1',
      sample_size: 500,
      reviews: [{ review: 'test-review', decision: 'excluded', reason: 'wrong-population' }],
    });
    expect(deriveStrength([study({ n: 40 }), pending, excluded])).toMatchObject({
      level: 'very-limited',
      counted: 1,
      notCounted: ['p-1', 'x-1'],
    });
  });

  test('says why each study does not count', () => {
    const pending = makeStudy({
      reviews: [{ review: 'test-review', decision: 'pending' }],
      provenance: {
        verification: 'bibliographic',
        unverified_fields: ['alliance.measures'],
        sources: [],
        added: '2026-01-01',
        updated: '2026-01-01',
      },
    });
    expect(notCountedBecause(pending, ['alliance.measures', 'alliance.finding'])).toEqual([
      'awaiting screening, so not part of the evidence',
      'only its citation was checked',
      'alliance instrument and rater not confirmed',
    ]);
    expect(notCountedBecause(study(), ['alliance.finding'])).toEqual([]);
  });

  test('treats one study the same way in two findings that name the same facts', () => {
    const s = study({ unverified: ['alliance.measures'] });
    expect([counts(s, ['alliance.measures']), counts(s, ['alliance.finding', 'alliance.measures'])]).toEqual([false, false]);
  });

  test('counts two records of the same participants as one sample, once in the participants', () => {
    const a = makeStudy({ id: 'a-1', sample_size: 48, same_participants_as: [{ study: 'b-1', overlap: 'same', note: 'n' }] });
    const b = makeStudy({ id: 'b-1', sample_size: 96, same_participants_as: [{ study: 'a-1', overlap: 'same', note: 'n' }] });
    const t = tallyEvidence([a, b]);
    expect(t).toMatchObject({ counted: 2, samples: 1, participants: 96 });
    expect(deriveStrength([a, b]).level).toBe('very-limited');
    expect(formatBasis(t)).toContain('(1 distinct sample: some report the same participants)');
  });
});
