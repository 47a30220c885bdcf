// The review record: content/reviews/<id>.yaml (DESIGN.md, "Review record").
import { z } from 'astro/zod';
import { citationFields, count, kebabId, pastDate, pastMonthOrDate, sourceSchema, text } from './common';
import { flowSchema } from './flow';

/** One bibliographic search. */
export const searchSchema = z
  .object({
    source: text.describe('Database or register searched, e.g. "PubMed".'),
    platform: text.nullable().default(null).describe('Interface used, e.g. "Ovid"; null = not reported.'),
    date: z
      // A date-shaped text that is not a real past date is refused, not kept as free text.
      .union([pastDate, text.refine((t) => !/^\d{4}-\d{2}-\d{2}$/.test(t), 'must be a real date YYYY-MM-DD, or free text')])
      .nullable()
      .default(null)
      .describe('When the search was run (free text such as "August 2011", or a date); null = not reported.'),
    query: text.nullable().default(null).describe('The search string; null = not reported.'),
    records: count.nullable().default(null).describe('Records the search returned; null = not reported.'),
  })
  .strict();

/** A reason for excluding a report at full text. */
export const exclusionReasonSchema = z
  .object({
    id: kebabId.describe('kebab-case id, used in study records and screening logs.'),
    label: text.describe('Label shown in the flow diagram.'),
  })
  .strict();

/** How many reviewers a record needs at one stage: 1 (screening not duplicated) to 5. */
const reviewersPerRecord = z.number().int('must be a whole number').min(1, 'must be at least 1').max(5, 'must be at most 5');

/** How the review is screened in the repository (npm run screen and the derived flow). */
export const screeningSettingsSchema = z
  .object({
    reviewers: z
      .union([reviewersPerRecord, z.object({ 'title-abstract': reviewersPerRecord, 'full-text': reviewersPerRecord }).strict()])
      .default(2)
      .describe(
        'Reviewers each record needs: one number for both stages, or `{title-abstract, full-text}`; 1 means screening is not duplicated.',
      ),
    consensus: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a plain lower-case name such as "consensus"')
      .default('consensus')
      .describe('The reviewer name whose votes settle conflicts (kept in screening/consensus.csv).'),
    highlight: z.array(text).default([]).describe('Terms the screening workspace highlights in titles and abstracts.'),
  })
  .strict();

/** One earlier version of a living review. */
export const reviewChangeSchema = z
  .object({
    version: text.describe('Version label, e.g. "1" or "2024-01".'),
    date: pastDate.describe('When that version was published.'),
    summary: text.describe('What changed, in a sentence or two.'),
    flow: flowSchema.optional().describe('The flow as that version reported it.'),
  })
  .strict();

export const reviewSchema = z
  .object({
    id: kebabId.describe('kebab-case id, equal to the file name.'),
    title: text.describe('Short title used on the site.'),
    citation: z.object(citationFields).strict().describe('The published review.'),
    question: text.describe('The review question.'),
    eligibility: z
      .object({
        include: z.array(text).default([]).describe('Inclusion criteria, one per entry.'),
        exclude: z.array(text).default([]).describe('Exclusion criteria, one per entry.'),
      })
      .strict()
      .describe('Eligibility criteria.'),
    searched_to: pastMonthOrDate
      .optional()
      .describe('When the last search ended, `YYYY-MM` or `YYYY-MM-DD`: the review covers studies found by searches up to then.'),
    screening: screeningSettingsSchema
      .optional()
      .describe('How the review is screened in the repository: reviewers per record, the consensus reviewer, highlight terms.'),
    searches: z.array(searchSchema).default([]).describe('One entry per source searched.'),
    exclusion_reasons: z.array(exclusionReasonSchema).default([]).describe('Reasons used to exclude reports at full text.'),
    version: text.optional().describe('Current version of a living review.'),
    changes: z.array(reviewChangeSchema).default([]).describe('Earlier versions, oldest first.'),
    flow: flowSchema.describe('Counts as the review reports them.'),
    notes: z.array(text).default([]).describe('Notes on what is known and unknown about the review.'),
    sources: z.array(sourceSchema).default([]).describe('Where the facts about the review came from.'),
  })
  .strict()
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.exclusion_reasons.forEach((reason, i) => {
      if (seen.has(reason.id))
        ctx.addIssue({ code: 'custom', path: ['exclusion_reasons', i, 'id'], message: `"${reason.id}" is defined twice` });
      seen.add(reason.id);
    });
    for (const reasonId of Object.keys(r.flow.excluded_full_text ?? {})) {
      if (!seen.has(reasonId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['flow', 'excluded_full_text', reasonId],
          message: `"${reasonId}" is not one of this review's exclusion_reasons ids`,
        });
      }
    }
  });

export type Review = z.infer<typeof reviewSchema>;
/** One of a review's exclusion reasons. */
export type ExclusionReason = z.infer<typeof exclusionReasonSchema>;
export type ReviewInput = z.input<typeof reviewSchema>;
