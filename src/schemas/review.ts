// The review record: content/reviews/<id>.yaml (DESIGN.md, "Review record").
import { z } from 'astro/zod';
import { citationFields, count, kebabId, pastDate, pastMonthOrDate, sourceSchema, text } from './common';
import { flowSchema } from './flow';
import { otherMethod } from './vocabularies';

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

/** One source of records identified by other methods than a database or register search (PRISMA 2020's other-methods arm). */
export const otherMethodSourceSchema = z
  .object({
    source: z
      .string()
      .regex(/^[^/\\\s.][^/\\]*$/, 'must be the name of a records file without its extension, e.g. "citations-2024"')
      .describe('The records file (in `records/`, name without extension) that holds the records this method identified.'),
    method: otherMethod.describe(
      'How the records were identified: `citations` (citation searching), `websites` or `organisations`, as PRISMA 2020 names them.',
    ),
    date: pastDate.describe('When the records were identified (YYYY-MM-DD).'),
    description: text.describe(
      'What was done, in a sentence: which reference lists were read, which sites or organisations were looked at.',
    ),
  })
  .strict();

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
    other_methods: z
      .array(otherMethodSourceSchema)
      .optional()
      .describe(
        "Records files identified by other methods (citation searching, websites, organisations): their records form PRISMA 2020's other-methods arm, sought and assessed in full text without title-and-abstract screening. Every other records file is a database or register search.",
      ),
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    (s.other_methods ?? []).forEach((m, i) => {
      if (seen.has(m.source))
        ctx.addIssue({
          code: 'custom',
          path: ['other_methods', i, 'source'],
          message: `"${m.source}" is listed twice: one entry per records file`,
        });
      seen.add(m.source);
    });
  });

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
    period: z
      .object({
        from: pastMonthOrDate.describe('First month (`YYYY-MM`) or day of publication the review considers.'),
        to: pastMonthOrDate.describe('Last month (`YYYY-MM`) or day of publication the review considers.'),
      })
      .strict()
      .optional()
      .describe(
        'The publication dates of the reports the review considers, for a review that ran no dated search (records identified by other methods); a searched review says `searched_to` instead.',
      ),
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
    const flows = [
      { flow: r.flow, path: ['flow'] as (string | number)[] },
      ...r.changes.flatMap((c, i) => (c.flow ? [{ flow: c.flow, path: ['changes', i, 'flow'] as (string | number)[] }] : [])),
    ];
    for (const { flow, path } of flows) {
      if (flow.databases_searched !== false) continue;
      for (const [box, n] of databaseBoxes(flow)) {
        if (typeof n === 'number' && n > 0)
          ctx.addIssue({
            code: 'custom',
            path: [...path, ...box.split('.')],
            message: `must be 0 or null when databases_searched is false (no database or register was searched), not ${n}`,
          });
      }
      if (!flow.other_methods)
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'other_methods'],
          message:
            'is required when databases_searched is false: a review that searched no database identified its records by other methods',
        });
    }
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

/** The databases-and-registers arm's boxes of a flow, by field path (exclusion reasons as `excluded_full_text.<id>`). */
function databaseBoxes(flow: z.infer<typeof flowSchema>): [string, number | null][] {
  return [
    ['identified.databases', flow.identified.databases],
    ['identified.registers', flow.identified.registers],
    ...Object.entries(flow.identified.per_source ?? {}).map(([k, n]): [string, number | null] => [`identified.per_source.${k}`, n]),
    ['removed_before_screening.duplicates', flow.removed_before_screening.duplicates],
    ['removed_before_screening.automation', flow.removed_before_screening.automation],
    ['removed_before_screening.other', flow.removed_before_screening.other],
    ['screened', flow.screened],
    ['excluded_screening', flow.excluded_screening],
    ['sought', flow.sought],
    ['not_retrieved', flow.not_retrieved],
    ['assessed', flow.assessed],
    ...Object.entries(flow.excluded_full_text ?? {}).map(([k, n]): [string, number | null] => [`excluded_full_text.${k}`, n]),
  ];
}

export type Review = z.infer<typeof reviewSchema>;
/** A source of the other-methods arm, as the review's screening settings declare it. */
export type OtherMethodSource = z.infer<typeof otherMethodSourceSchema>;
/** One of a review's exclusion reasons. */
export type ExclusionReason = z.infer<typeof exclusionReasonSchema>;
export type ReviewInput = z.input<typeof reviewSchema>;
