// Test fixtures built from overrides and validated by the real schemas.
import type { z } from 'astro/zod';
import {
  flowSchema,
  reviewSchema,
  studySchema,
  type Flow,
  type Review,
  type ReviewInput,
  type Study,
  type StudyInput,
} from '../../src/schemas';

/** A complete, valid study record as an author would write it. */
export function studyInput(overrides: Partial<StudyInput> = {}): StudyInput {
  return {
    id: 'doe-2010',
    title: 'A trial of videoconference therapy',
    year: 2010,
    journal: 'Journal of Tests',
    authors: ['Doe, Jane', 'Roe, R.'],
    doi: '10.1000/test.2010',
    design: 'rct',
    population: 'Adults with panic disorder',
    conditions: ['panic'],
    sample_size: 40,
    modalities: ['videoconference'],
    comparator: 'face-to-face',
    alliance: {
      measures: [{ instrument: 'WAI-S', rater: 'client', timing: 'session 3' }],
      vs_face_to_face: 'equivalent',
      outcome_link: 'not-tested',
    },
    summary: 'Adults had therapy by video or in person; the alliance was similar.',
    reviews: [{ review: 'test-review', decision: 'included' }],
    provenance: {
      verification: 'abstract',
      unverified_fields: [],
      sources: [{ url: 'https://example.org/doe-2010' }],
      added: '2026-01-01',
      updated: '2026-01-02',
    },
    ...overrides,
  };
}

/** A valid, parsed study record. */
export function makeStudy(overrides: Partial<StudyInput> = {}): Study {
  return studySchema.parse(studyInput(overrides));
}

/** A complete, valid review record as an author would write it. */
export function reviewInput(overrides: Partial<ReviewInput> = {}): ReviewInput {
  return {
    id: 'test-review',
    title: 'A test review',
    citation: { title: 'A test review of e-therapy', year: 2012, journal: 'Journal of Tests', authors: ['Doe, Jane'] },
    question: 'Is the alliance in e-therapy as strong as face-to-face?',
    eligibility: { include: ['e-therapy with a therapist'], exclude: [] },
    exclusion_reasons: [{ id: 'wrong-population', label: 'Wrong population' }],
    flow: { screened: 100, included_studies: 1 },
    ...overrides,
  };
}

/** A valid, parsed review record. */
export function makeReview(overrides: Partial<ReviewInput> = {}): Review {
  return reviewSchema.parse(reviewInput(overrides));
}

/** A flow as a review would write it (`flow:` of a review record; the schema fills in what is left out). */
export type FlowInput = z.input<typeof flowSchema>;

/** A flow whose every arm closes: 150 identified, 25 duplicates, 125 screened, 100 excluded, 25 sought, 2 not retrieved, 23 assessed, 15 excluded, 8 reports of 7 studies. */
export const CLOSED_FLOW: FlowInput = {
  identified: { databases: 150, registers: 0, per_source: { PubMed: 90, PsycINFO: 60 } },
  removed_before_screening: { duplicates: 25 },
  screened: 125,
  excluded_screening: 100,
  sought: 25,
  not_retrieved: 2,
  assessed: 23,
  excluded_full_text: { 'wrong-population': 10, 'no-alliance-measure': 5 },
  included_studies: 7,
  included_reports: 8,
};

/** A base with no box reported, for flows that give only the boxes they name. */
export const NOTHING_REPORTED: FlowInput = {};

/** A valid, parsed flow: `base` (the closed flow by default) with the boxes in `overrides` replaced. */
export function makeFlow(overrides: FlowInput = {}, base: FlowInput = CLOSED_FLOW): Flow {
  return flowSchema.parse({ ...base, ...overrides });
}
