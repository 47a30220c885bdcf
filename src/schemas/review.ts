// The review record: content/reviews/<id>.yaml (DESIGN.md, "Review record").
import { z } from 'astro/zod';
import { citationFields, count, isoDate, kebabId, sourceSchema, text } from './common';
import { flowSchema } from './flow';

/** One bibliographic search. */
export const searchSchema = z
  .object({
    /** Database or register searched, e.g. "PubMed". */
    source: text,
    /** Interface used, e.g. "Ovid"; null = not reported. */
    platform: text.nullable().default(null),
    /** When the search was run (free text such as "August 2011", or a date); null = not reported. */
    date: z.union([isoDate, text]).nullable().default(null),
    /** The search string; null = not reported. */
    query: text.nullable().default(null),
    /** Records the search returned; null = not reported. */
    records: count.nullable().default(null),
  })
  .strict();

/** A reason for excluding a report at full text. */
export const exclusionReasonSchema = z
  .object({
    /** kebab-case id, used in study records and screening logs. */
    id: kebabId,
    /** Label shown in the flow diagram. */
    label: text,
  })
  .strict();

/** One earlier version of a living review. */
export const reviewChangeSchema = z
  .object({
    /** Version label, e.g. "1" or "2024-01". */
    version: text,
    /** When that version was published. */
    date: isoDate,
    /** What changed, in a sentence or two. */
    summary: text,
    /** The flow as that version reported it. */
    flow: flowSchema.optional(),
  })
  .strict();

export const reviewSchema = z
  .object({
    /** kebab-case id, equal to the file name. */
    id: kebabId,
    /** Short title used on the site. */
    title: text,
    /** The published review. */
    citation: z.object(citationFields).strict(),
    /** The review question. */
    question: text,
    /** Eligibility criteria. */
    eligibility: z.object({ include: z.array(text).default([]), exclude: z.array(text).default([]) }).strict(),
    /** One entry per source searched. */
    searches: z.array(searchSchema).default([]),
    /** Reasons used to exclude reports at full text. */
    exclusion_reasons: z.array(exclusionReasonSchema).default([]),
    /** Current version of a living review. */
    version: text.optional(),
    /** Earlier versions, oldest first. */
    changes: z.array(reviewChangeSchema).default([]),
    /** Counts as the review reports them. */
    flow: flowSchema,
    /** Notes on what is known and unknown about the review. */
    notes: z.array(text).default([]),
    /** Where the facts about the review came from. */
    sources: z.array(sourceSchema).default([]),
  })
  .strict()
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.exclusion_reasons.forEach((reason, i) => {
      if (seen.has(reason.id)) ctx.addIssue({ code: 'custom', path: ['exclusion_reasons', i, 'id'], message: `"${reason.id}" is defined twice` });
      seen.add(reason.id);
    });
    for (const reasonId of Object.keys(r.flow.excluded_full_text ?? {})) {
      if (!seen.has(reasonId)) {
        ctx.addIssue({ code: 'custom', path: ['flow', 'excluded_full_text', reasonId], message: `"${reasonId}" is not one of this review's exclusion_reasons ids` });
      }
    }
  });

export type Review = z.infer<typeof reviewSchema>;
export type ReviewInput = z.input<typeof reviewSchema>;
