// The study record: one file per study in content/studies/<id>.yaml (DESIGN.md, "Study record").
import { z } from 'astro/zod';
import { citationFields, count, dateFault, kebabId, pastDate, reportSchema, sourceSchema, text } from './common';
import { effectSchema } from './effect';
import { synthesisSchema } from './synthesis';
import {
  comparator,
  condition,
  decision,
  design,
  listing,
  modality,
  outcomeLink,
  rater,
  sampleOverlap,
  synthesisDesigns,
  verification,
  vsFaceToFaceFinding,
} from './vocabularies';

/** One alliance instrument as used in the study. */
export const measureSchema = z
  .object({
    instrument: text.describe('Instrument short name, e.g. `WAI`, `WAI-S`, `ARM`, `SEQ`; `unreported` when the report does not name it.'),
    rater: rater.describe('Who filled it in.'),
    timing: text.optional().describe('When it was given, e.g. "session 4" or "end of treatment".'),
  })
  .strict();

/** What the study found about the alliance. */
export const allianceSchema = z
  .object({
    measures: z
      .array(measureSchema)
      .min(1, 'must list at least one measure (use instrument "unreported" if the report does not name it)')
      .describe('Instruments and raters.'),
    vs_face_to_face: vsFaceToFaceFinding.describe('Alliance in e-therapy compared with face-to-face delivery.'),
    outcome_link: outcomeLink.describe('Whether alliance related to treatment outcome.'),
    finding: text.optional().describe('The alliance result in one plain sentence.'),
    effects: z.array(effectSchema).optional().describe('Numeric results.'),
  })
  .strict();

/** Another study record that reports on the same participants (or may). */
export const sharedSampleSchema = z
  .object({
    study: kebabId.describe('Id of the other study record.'),
    overlap: sampleOverlap.describe(
      '`same`: a source says the two records describe the same participants, so they are counted once; `possible`: they may overlap, and totals say so.',
    ),
    note: text.describe('What the overlap rests on, in a sentence, naming the source.'),
  })
  .strict();

/** A study's place in one review. */
export const reviewDecisionSchema = z
  .object({
    review: kebabId.describe('Id of a review in content/reviews/.'),
    decision: decision.describe("The review's decision on the study."),
    reason: kebabId.optional().describe('Exclusion-reason id defined by that review; required when excluded.'),
    listing: listing.optional().describe('How sure we are that the published review lists this study.'),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.decision === 'excluded' && !r.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'is required when decision is "excluded": give one of the review\'s exclusion_reasons ids',
      });
    }
    if (r.decision !== 'excluded' && r.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `only belongs to an excluded study (decision is "${r.decision}")` });
    }
  });

/** Where the record's facts come from, and how far they were checked. */
export const provenanceSchema = z
  .object({
    verification: verification.describe('The best source the record was checked against.'),
    unverified_fields: z
      .array(
        z
          .string()
          .regex(/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*|\[\d+\])*$/, 'must be a field path such as "sample_size" or "alliance.measures"'),
      )
      .default([])
      .describe('Field paths (e.g. `sample_size`, `alliance.measures`) whose values are not yet confirmed.'),
    sources: z.array(sourceSchema).default([]).describe('Where each fact came from.'),
    added: pastDate.describe('Date the record was first added.'),
    updated: pastDate.describe('Date the record was last changed in substance.'),
  })
  .strict()
  .superRefine((p, ctx) => {
    // Compared only when both are dates (a faulty one has its own message).
    if (dateFault(p.added) === undefined && dateFault(p.updated) === undefined && p.updated < p.added)
      ctx.addIssue({ code: 'custom', path: ['updated'], message: `must not be before added (${p.added})` });
  });

export const studySchema = z
  .object({
    id: kebabId.describe('kebab-case id, equal to the file name: `firstauthor-year`, with a suffix if needed.'),
    ...citationFields,
    previous_ids: z
      .array(kebabId)
      .optional()
      .describe('Ids this record had before it was renamed; their addresses redirect to this record.'),
    reports: z.array(reportSchema).optional().describe('Further reports of the same study.'),
    design: design.describe('Study design.'),
    population: text.describe('Who took part.'),
    conditions: z.array(condition).min(1, 'must list at least one condition (use "other" or "mixed")').describe('Conditions treated.'),
    sample_size: count.nullable().describe('Participants analysed; null when not reported.'),
    same_participants_as: z
      .array(sharedSampleSchema)
      .optional()
      .describe('Other records that report on the same participants (or may): each sample is counted once in totals.'),
    modalities: z.array(modality).min(1, 'must list at least one modality').describe('How the e-therapy was delivered.'),
    comparator: comparator.describe('What e-therapy was compared with.'),
    intervention: text.optional().describe('The intervention, in a few words.'),
    alliance: allianceSchema.describe('What the study found about the alliance.'),
    summary: text
      .refine((s) => s.length <= 800, 'must be at most 800 characters (1-3 sentences)')
      .describe('1-3 plain-language sentences in our own words.'),
    synthesis: synthesisSchema
      .optional()
      .describe(
        'For a systematic review or meta-analysis (design `systematic-review` or `meta-analysis`), required then and refused otherwise: its search date, studies included and pooled estimates.',
      ),
    reviews: z
      .array(reviewDecisionSchema)
      .min(1, 'must name at least one review (decision "pending" while undecided)')
      .describe("The study's decision in each review."),
    provenance: provenanceSchema.describe("Where the record's facts come from, and how far they were checked."),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.comparator === 'face-to-face' && s.alliance.vs_face_to_face === 'not-compared') {
      ctx.addIssue({
        code: 'custom',
        path: ['alliance', 'vs_face_to_face'],
        message:
          'cannot be "not-compared" when the comparator is face-to-face: give the finding, or "not-reported" (and list the field as unconfirmed) when the sources read do not say',
      });
    }
    const reviewsStudies = (synthesisDesigns as readonly string[]).includes(s.design);
    if (reviewsStudies && !s.synthesis) {
      ctx.addIssue({
        code: 'custom',
        path: ['synthesis'],
        message: `is required when design is "${s.design}": give searched_to, studies_included and pooled (null or [] where the review does not report them)`,
      });
    }
    if (!reviewsStudies && s.synthesis) {
      ctx.addIssue({
        code: 'custom',
        path: ['synthesis'],
        message: `only belongs to a systematic review or meta-analysis (design is "${s.design}")`,
      });
    }
    (s.synthesis?.includes ?? []).forEach((id, i) => {
      if (id === s.id) ctx.addIssue({ code: 'custom', path: ['synthesis', 'includes', i], message: 'must not name the record itself' });
    });
  });

/** A validated study record. */
export type Study = z.infer<typeof studySchema>;
/** A study record as an author writes it. */
export type StudyInput = z.input<typeof studySchema>;
