// What a systematic review or meta-analysis kept as a study record reports (design
// `systematic-review` or `meta-analysis`): its search date, the studies it included and its headline
// pooled estimates as it reports them. Such a record is never counted as one more study
// (src/lib/evidence-base.ts): its findings are shown apart, as review-level findings.
import { z } from 'astro/zod';
import { boundedNumber, count, kebabId, pastMonthOrDate, text } from './common';
import { pooledMeasure } from './vocabularies';

/** The largest |estimate| or confidence bound accepted: a pooled effect beyond ±1,000 is a typo (mean differences included). */
const POOLED_BOUND = 1000;
const pooledValue = boundedNumber(POOLED_BOUND, 'a pooled estimate that large is not plausible; check the value');

/** One pooled estimate, as the review reports it. */
export const pooledEstimateSchema = z
  .object({
    label: text.describe('What was pooled, in a few words, e.g. "Working alliance, videoconference vs face to face (client-rated)".'),
    measure: pooledMeasure.describe(
      "The measure: `smd` (standardized mean difference), `g` (Hedges' g), `d` (Cohen's d), `r` (correlation), `md` (mean difference, scale units) or `or` (odds ratio).",
    ),
    estimate: pooledValue.describe('The pooled estimate, with the sign the review gives it.'),
    ci_low: pooledValue.describe('Lower bound of its 95% confidence interval.'),
    ci_high: pooledValue.describe('Upper bound of its 95% confidence interval.'),
    k: count.min(1, 'must be at least 1').nullable().optional().describe('Studies (or comparisons) pooled; null = not reported.'),
    n: count.min(1, 'must be at least 1').nullable().optional().describe('Participants pooled; null = not reported.'),
    i2: z
      .number()
      .finite('must be a finite number')
      .min(0, 'must be a percentage from 0 to 100')
      .max(100, 'must be a percentage from 0 to 100')
      .nullable()
      .optional()
      .describe('Heterogeneity I², in percent (0-100); null = not reported.'),
    p: z
      .number()
      .finite('must be a finite number')
      .min(0, 'must be a probability from 0 to 1')
      .max(1, 'must be a probability from 0 to 1')
      .nullable()
      .optional()
      .describe('p value of the pooled estimate, 0-1; null = not reported.'),
    note: text.optional().describe('What a reader needs to read the number right, e.g. the direction of the sign or the model.'),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (!(e.ci_low <= e.estimate && e.estimate <= e.ci_high)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ci_low'],
        message: `the interval ${e.ci_low} to ${e.ci_high} must contain the estimate ${e.estimate}`,
      });
    }
    if (e.measure === 'r') {
      for (const field of ['estimate', 'ci_low', 'ci_high'] as const) {
        if (e[field] < -1 || e[field] > 1)
          ctx.addIssue({ code: 'custom', path: [field], message: 'must be between -1 and 1 for a correlation (measure "r")' });
      }
    }
    if (e.measure === 'or') {
      for (const field of ['estimate', 'ci_low', 'ci_high'] as const) {
        if (e[field] <= 0)
          ctx.addIssue({ code: 'custom', path: [field], message: 'must be greater than 0 for an odds ratio (measure "or")' });
      }
    }
  });

/** What a review kept as a study record reports about the studies it reviewed. */
export const synthesisSchema = z
  .object({
    searched_to: pastMonthOrDate.nullable().describe("When the review's searches ended, `YYYY-MM` or `YYYY-MM-DD`; null = not reported."),
    studies_included: count.nullable().describe('Studies the review included; null = not reported.'),
    pooled: z.array(pooledEstimateSchema).default([]).describe('Headline pooled estimates as the review reports them; may be empty.'),
    includes: z
      .array(kebabId)
      .optional()
      .describe('Ids of study records here that the review included: each must exist (checked across records).'),
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    (s.includes ?? []).forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['includes', i], message: `"${id}" is listed twice` });
      seen.add(id);
    });
  });

/** A review's pooled estimate, validated. */
export type PooledEstimate = z.infer<typeof pooledEstimateSchema>;
/** A review's synthesis block, validated. */
export type Synthesis = z.infer<typeof synthesisSchema>;
