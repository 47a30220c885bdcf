// The study record: one file per study in content/studies/<id>.yaml (DESIGN.md, "Study record").
import { z } from 'astro/zod';
import { citationFields, count, isoDate, kebabId, reportSchema, sourceSchema, text } from './common';
import { effectSchema } from './effect';
import { comparator, condition, decision, design, listing, modality, outcomeLink, rater, verification, vsFaceToFaceFinding } from './vocabularies';

/** One alliance instrument as used in the study. */
export const measureSchema = z
  .object({
    /** Instrument short name, e.g. `WAI`, `WAI-S`, `ARM`, `SEQ`; `unreported` when the report does not name it. */
    instrument: text,
    /** Who filled it in. */
    rater,
    /** When it was given, e.g. "session 4" or "end of treatment". */
    timing: text.optional(),
  })
  .strict();

/** What the study found about the alliance. */
export const allianceSchema = z
  .object({
    /** Instruments and raters. */
    measures: z.array(measureSchema).min(1, 'must list at least one measure (use instrument "unreported" if the report does not name it)'),
    /** Alliance in e-therapy compared with face-to-face delivery. */
    vs_face_to_face: vsFaceToFaceFinding,
    /** Whether alliance related to treatment outcome. */
    outcome_link: outcomeLink,
    /** The alliance result in one plain sentence. */
    finding: text.optional(),
    /** Numeric results. */
    effects: z.array(effectSchema).optional(),
  })
  .strict();

/** A study's place in one review. */
export const reviewDecisionSchema = z
  .object({
    /** Id of a review in content/reviews/. */
    review: kebabId,
    /** The review's decision on the study. */
    decision,
    /** Exclusion-reason id defined by that review; required when excluded. */
    reason: kebabId.optional(),
    /** How sure we are that the published review lists this study. */
    listing: listing.optional(),
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
    verification,
    /** Field paths (e.g. `sample_size`, `alliance.measures`) whose values are not yet confirmed. */
    unverified_fields: z.array(z.string().regex(/^[a-z_]+(\.[a-z_]+|\[\d+\])*$/, 'must be a field path such as "sample_size" or "alliance.measures"')).default([]),
    /** Where each fact came from. */
    sources: z.array(sourceSchema).default([]),
    /** Date the record was first added. */
    added: isoDate,
    /** Date the record was last changed in substance. */
    updated: isoDate,
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.updated < p.added) ctx.addIssue({ code: 'custom', path: ['updated'], message: `must not be before added (${p.added})` });
  });

export const studySchema = z
  .object({
    /** kebab-case id, equal to the file name: `firstauthor-year`, with a suffix if needed. */
    id: kebabId,
    ...citationFields,
    /** Further reports of the same study. */
    reports: z.array(reportSchema).optional(),
    /** Study design. */
    design,
    /** Who took part. */
    population: text,
    /** Conditions treated. */
    conditions: z.array(condition).min(1, 'must list at least one condition (use "other" or "mixed")'),
    /** Participants analysed; null when not reported. */
    sample_size: count.nullable(),
    /** How the e-therapy was delivered. */
    modalities: z.array(modality).min(1, 'must list at least one modality'),
    /** What e-therapy was compared with. */
    comparator,
    /** The intervention, in a few words. */
    intervention: text.optional(),
    alliance: allianceSchema,
    /** 1-3 plain-language sentences in our own words. */
    summary: text.refine((s) => s.length <= 800, 'must be at most 800 characters (1-3 sentences)'),
    /** The study's decision in each review. */
    reviews: z.array(reviewDecisionSchema).min(1, 'must name at least one review (decision "pending" while undecided)'),
    provenance: provenanceSchema,
  })
  .strict();

/** A validated study record. */
export type Study = z.infer<typeof studySchema>;
/** A study record as an author writes it. */
export type StudyInput = z.input<typeof studySchema>;
