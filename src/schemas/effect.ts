// Numeric alliance results a study reports, in the three shapes meta-analysis can use.
import { z } from 'astro/zod';
import { boundedNumber, count, text } from './common';

/** The largest |SMD| or confidence bound accepted: standardized differences beyond ±100 are typos. */
const SMD_BOUND = 100;
/** The largest |mean| and SD accepted, in scale units: alliance scales run to hundreds at most. */
const SCALE_BOUND = 1_000_000;
const smdValue = boundedNumber(SMD_BOUND, 'a standardized mean difference that large is not plausible; check the value');
const scaleValue = boundedNumber(SCALE_BOUND, 'a value that large is not plausible on an alliance scale; check the value');

/** One arm's summary statistics. */
export const armSchema = z
  .object({
    mean: scaleValue.describe('Arm mean on the alliance scale.'),
    sd: z
      .number()
      .finite('must be a finite number')
      .positive('must be greater than 0')
      .max(SCALE_BOUND, 'must be at most 1,000,000: a standard deviation that large is not plausible on an alliance scale; check the value')
      .describe('Standard deviation in the same units.'),
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
      .finite('must be a finite number')
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
    smd: smdValue.describe("Standardized mean difference (Cohen's d or Hedges' g). Positive: alliance higher in e-therapy."),
    ci_low: smdValue.describe('Lower bound of the 95% confidence interval.'),
    ci_high: smdValue.describe('Upper bound of the 95% confidence interval.'),
  })
  .strict();

/** The 95% interval of an SMD contains its estimate. */
function checkInterval(e: z.infer<typeof smdEffect>, ctx: z.RefinementCtx): void {
  if (!(e.ci_low <= e.smd && e.smd <= e.ci_high)) {
    ctx.addIssue({
      code: 'custom',
      path: ['ci_low'],
      message: `the interval ${e.ci_low} to ${e.ci_high} must contain the estimate ${e.smd}`,
    });
  }
}

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

const oneEffect =
  'must be one effect: kind "correlation" (r, n), "smd" (smd, ci_low, ci_high) or "group-means" (etherapy and comparison with mean, sd, n)';

/** One numeric result, told apart by its `kind`, so a fault is reported on the field of that kind that has it. */
export const effectSchema = z
  .discriminatedUnion('kind', [correlationEffect, smdEffect, groupMeansEffect], {
    errorMap: (issue, ctx) =>
      issue.code === 'invalid_union_discriminator' || issue.code === 'invalid_union'
        ? { message: oneEffect }
        : { message: ctx.defaultError },
  })
  .superRefine((e, ctx) => {
    if (e.kind === 'smd') checkInterval(e, ctx);
  });

export type Effect = z.infer<typeof effectSchema>;
/** One arm's summary statistics. */
export type Arm = z.infer<typeof armSchema>;
