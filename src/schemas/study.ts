// The study record: one file per study in content/studies/<id>.yaml (DESIGN.md, "Study record").
import { z } from 'astro/zod';
import { citationFields, count, isoDate, kebabId, reportSchema, sourceSchema, text } from './common';
import { effectSchema } from './effect';
import { comparator, condition, decision, design, listing, modality, outcomeLink, rater, sampleOverlap, verification, vsFaceToFaceFinding } from './vocabularies';

/** One alliance instrument as used in the study. */
export const measureSchema = z
  .object({
    /** Instrument short name, e.g. `WAI`, `WAI-S`, `ARM`, `SEQ`; `unreported` when the report does not name it. */
    instrument: text.describe('Instrument short name, e.g. `WAI`, `WAI-S`, `ARM`, `SEQ`; `unreported` when the report does not name it.'),
    /** Who filled it in. */
    rater: rater.describe('Who filled it in.'),
    /** When it was given, e.g. "session 4" or "end of treatment". */
    timing: text.optional().describe('When it was given, e.g. "session 4" or "end of treatment".'),
  })
  .strict();

/** What the study found about the alliance. */
export const allianceSchema = z
  .object({
    /** Instruments and raters. */
    measures: z.array(measureSchema).min(1, 'must list at least one measure (use instrument "unreported" if the report does not name it)').describe('Instruments and raters.'),
    /** Alliance in e-therapy compared with face-to-face delivery. */
    vs_face_to_face: vsFaceToFaceFinding.describe('Alliance in e-therapy compared with face-to-face delivery.'),
    /** Whether alliance related to treatment outcome. */
    outcome_link: outcomeLink.describe('Whether alliance related to treatment outcome.'),
    /** The alliance result in one plain sentence. */
    finding: text.optional().describe('The alliance result in one plain sentence.'),
    /** Numeric results. */
    effects: z.array(effectSchema).optional().describe('Numeric results.'),
  })
  .strict();

/** Another study record that reports on the same participants (or may). */
export const sharedSampleSchema = z
  .object({
    /** Id of the other study record. */
    study: kebabId.describe('Id of the other study record.'),
    /** `same`: a source says the two records describe the same participants, so they are counted once; `possible`: they may overlap, and totals say so. */
    overlap: sampleOverlap.describe('`same`: a source says the two records describe the same participants, so they are counted once; `possible`: they may overlap, and totals say so.'),
    /** What the overlap rests on, in a sentence, naming the source. */
    note: text.describe('What the overlap rests on, in a sentence, naming the source.'),
  })
  .strict();

/** A study's place in one review. */
export const reviewDecisionSchema = z
  .object({
    /** Id of a review in content/reviews/. */
    review: kebabId.describe('Id of a review in content/reviews/.'),
    /** The review's decision on the study. */
    decision: decision.describe('The review\'s decision on the study.'),
    /** Exclusion-reason id defined by that review; required when excluded. */
    reason: kebabId.optional().describe('Exclusion-reason id defined by that review; required when excluded.'),
    /** How sure we are that the published review lists this study. */
    listing: listing.optional().describe('How sure we are that the published review lists this study.'),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.decision === 'excluded' && !r.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required when decision is "excluded": give one of the review\'s exclusion_reasons ids' });
    }
    if (r.decision !== 'excluded' && r.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `only belongs to an excluded study (decision is "${r.decision}")` });
    }
  });

/** Where the record's facts come from, and how far they were checked. */
export const provenanceSchema = z
  .object({
    /** The best source the record was checked against. */
    verification: verification.describe('The best source the record was checked against.'),
    /** Field paths (e.g. `sample_size`, `alliance.measures`) whose values are not yet confirmed. */
    unverified_fields: z.array(z.string().regex(/^[a-z_]+(\.[a-z_]+|\[\d+\])*$/, 'must be a field path such as "sample_size" or "alliance.measures"')).default([]).describe('Field paths (e.g. `sample_size`, `alliance.measures`) whose values are not yet confirmed.'),
    /** Where each fact came from. */
    sources: z.array(sourceSchema).default([]).describe('Where each fact came from.'),
    /** Date the record was first added. */
    added: isoDate.describe('Date the record was first added.'),
    /** Date the record was last changed in substance. */
    updated: isoDate.describe('Date the record was last changed in substance.'),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.updated < p.added) ctx.addIssue({ code: 'custom', path: ['updated'], message: `must not be before added (${p.added})` });
  });

export const studySchema = z
  .object({
    /** kebab-case id, equal to the file name: `firstauthor-year`, with a suffix if needed. */
    id: kebabId.describe('kebab-case id, equal to the file name: `firstauthor-year`, with a suffix if needed.'),
    ...citationFields,
    /** Ids this record had before it was renamed; each keeps working as a redirect to the new page. */
    previous_ids: z.array(kebabId).optional().describe('Ids this record had before it was renamed; their addresses redirect to this record.'),
    /** Further reports of the same study. */
    reports: z.array(reportSchema).optional().describe('Further reports of the same study.'),
    /** Study design. */
    design: design.describe('Study design.'),
    /** Who took part. */
    population: text.describe('Who took part.'),
    /** Conditions treated. */
    conditions: z.array(condition).min(1, 'must list at least one condition (use "other" or "mixed")').describe('Conditions treated.'),
    /** Participants analysed; null when not reported. */
    sample_size: count.nullable().describe('Participants analysed; null when not reported.'),
    /** Other records that report on the same participants (or may): each sample is counted once in totals. */
    same_participants_as: z.array(sharedSampleSchema).optional().describe('Other records that report on the same participants (or may): each sample is counted once in totals.'),
    /** How the e-therapy was delivered. */
    modalities: z.array(modality).min(1, 'must list at least one modality').describe('How the e-therapy was delivered.'),
    /** What e-therapy was compared with. */
    comparator: comparator.describe('What e-therapy was compared with.'),
    /** The intervention, in a few words. */
    intervention: text.optional().describe('The intervention, in a few words.'),
    /** What the study found about the alliance. */
    alliance: allianceSchema.describe('What the study found about the alliance.'),
    /** 1-3 plain-language sentences in our own words. */
    summary: text.refine((s) => s.length <= 800, 'must be at most 800 characters (1-3 sentences)').describe('1-3 plain-language sentences in our own words.'),
    /** The study's decision in each review. */
    reviews: z.array(reviewDecisionSchema).min(1, 'must name at least one review (decision "pending" while undecided)').describe('The study\'s decision in each review.'),
    /** Where the record's facts come from, and how far they were checked. */
    provenance: provenanceSchema.describe('Where the record\'s facts come from, and how far they were checked.'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.comparator === 'face-to-face' && s.alliance.vs_face_to_face === 'not-compared') {
      ctx.addIssue({
        code: 'custom',
        path: ['alliance', 'vs_face_to_face'],
        message: 'cannot be "not-compared" when the comparator is face-to-face: give the finding, or "not-reported" (and list the field as unconfirmed) when the sources read do not say',
      });
    }
  });

/** A validated study record. */
export type Study = z.infer<typeof studySchema>;
/** A study record as an author writes it. */
export type StudyInput = z.input<typeof studySchema>;
