// What an evidence list shows for a study, and what it marks as unconfirmed.
import { describe, expect, test } from 'vitest';
import { describeEvidence } from '../../../src/lib/guidance/evidence';
import { makeStudy } from '../../helpers/factories';

describe('describeEvidence', () => {
  test('shows citation, modality, design, N and finding', () => {
    const s = makeStudy({
      modalities: ['email', 'chat'],
      alliance: {
        measures: [{ instrument: 'WAI', rater: 'client' }],
        vs_face_to_face: 'etherapy-higher',
        outcome_link: 'not-tested',
        finding: 'Higher online.',
      },
    });
    expect(describeEvidence(s)).toEqual({
      id: 'doe-2010',
      citation: 'Doe & Roe (2010)',
      year: { text: '2010', unconfirmed: false },
      modality: { text: 'Email and chat', unconfirmed: false },
      design: { text: 'Randomized controlled trial', unconfirmed: false },
      n: { text: 'N = 40', unconfirmed: false },
      finding: { text: 'Higher online.', unconfirmed: false },
      recordUnconfirmed: false,
      counts: true,
      notCountedBecause: [],
    });
  });

  test('marks each unconfirmed fact, and says "N not reported" rather than 0', () => {
    const s = makeStudy({
      sample_size: null,
      provenance: {
        verification: 'abstract',
        unverified_fields: ['sample_size', 'design', 'modalities'],
        sources: [],
        added: '2026-01-01',
        updated: '2026-01-01',
      },
    });
    const e = describeEvidence(s);
    expect(e.n).toEqual({ text: 'N not reported', unconfirmed: true });
    expect(e.design.unconfirmed).toBe(true);
    expect(e.modality.unconfirmed).toBe(true);
  });

  test('marks the finding unconfirmed when only the citation was checked, and falls back to the summary', () => {
    const s = makeStudy({
      provenance: { verification: 'bibliographic', unverified_fields: [], sources: [], added: '2026-01-01', updated: '2026-01-01' },
    });
    expect(describeEvidence(s).finding).toEqual({ text: s.summary, unconfirmed: true });
  });

  test('flags a record nobody could verify', () => {
    const s = makeStudy({
      provenance: { verification: 'unverified', unverified_fields: [], sources: [], added: '2026-01-01', updated: '2026-01-01' },
    });
    expect(describeEvidence(s).recordUnconfirmed).toBe(true);
  });
});
