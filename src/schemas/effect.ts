// Numeric alliance results a study reports, in the three shapes meta-analysis can use.
import { z } from 'astro/zod';
import { count, text } from './common';

/** One arm's summary statistics. */
export const armSchema = z
  .object({
    mean: z.number().describe('Arm mean on the alliance scale.'),
    sd: z.number().positive('must be greater than 0').describe('Standard deviation in the same units.'),
    n: count.min(1, 'must be at least 1').describe('Participants in the arm.'),
  })
  .strict();

const common = {
  label: text.describe('What was measured, in a few words, e.g. "WAI-S at session 4 vs residual gain in PTSD symptoms".'),
  location: text.optional().describe('Where in the report the number stands, e.g. "Table 2".'),
};

/** A correlation between alliance and another variable (usually outcome). */
export const correlationEffect = z
  .object({
    kind: z
      .literal('correlation')
      .describe(
        'The shape of the result: `correlation` (r, n), `smd` (smd, ci_low, ci_high) or `group-means` (etherapy and comparison arms).',
      ),
    ...common,
    r: z
      .number()
      .min(-1, 'must be between -1 and 1')
      .max(1, 'must be between -1 and 1')
      .describe('Pearson correlation coefficient, -1 to 1.'),
    n: count.min(4, 'must be at least 4 for a correlation to be pooled').describe('Participants the correlation is based on.'),
  })
  .strict();

/** A standardized mean difference (e-therapy minus comparison) with its 95% confidence interval. */
export const smdEffect = z
  .object({
    kind: z
      .literal('smd')
      .describe(
        'The shape of the result: `correlation` (r, n), `smd` (smd, ci_low, ci_high) or `group-means` (etherapy and comparison arms).',
      ),
    ...common,
    smd: z.number().describe("Standardized mean difference (Cohen's d or Hedges' g). Positive: alliance higher in e-therapy."),
    ci_low: z.number().describe('Lower bound of the 95% confidence interval.'),
    ci_high: z.number().describe('Upper bound of the 95% confidence interval.'),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (!(e.ci_low <= e.smd && e.smd <= e.ci_high)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ci_low'],
        message: `the interval ${e.ci_low} to ${e.ci_high} must contain the estimate ${e.smd}`,
      });
    }
  });

/** Alliance means per arm: e-therapy and its comparison. */
export const groupMeansEffect = z
  .object({
    kind: z
      .literal('group-means')
      .describe(
        'The shape of the result: `correlation` (r, n), `smd` (smd, ci_low, ci_high) or `group-means` (etherapy and comparison arms).',
      ),
    ...common,
    etherapy: armSchema.describe('The e-therapy arm.'),
    comparison: armSchema.describe('The comparison arm (usually face-to-face).'),
  })
  .strict();

export const effectSchema = z.union([correlationEffect, smdEffect, groupMeansEffect], {
  errorMap: (issue, ctx) =>
    issue.code === 'invalid_union'
      ? {
          message:
            'must be one effect: kind "correlation" (r, n), "smd" (smd, ci_low, ci_high) or "group-means" (etherapy and comparison with mean, sd, n)',
        }
      : { message: ctx.defaultError },
});

export type Effect = z.infer<typeof effectSchema>;
/** One arm's summary statistics. */
export type Arm = z.infer<typeof armSchema>;
