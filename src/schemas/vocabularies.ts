// The fixed vocabularies of the data contract (DESIGN.md). Checks outside the repository rely on these values.
import { z } from 'astro/zod';

export const designs = [
  'rct',
  'non-randomized',
  'single-group',
  'analogue',
  'case-series',
  'qualitative',
  'other',
  'systematic-review',
  'meta-analysis',
] as const;
/** Designs of a record that reviews other studies: it carries a `synthesis` block and never counts as one more study. */
export const synthesisDesigns = ['systematic-review', 'meta-analysis'] as const;
/** Measures a review's pooled estimate is given in: standardized mean difference, Hedges' g, Cohen's d, correlation, mean difference, odds ratio. */
export const pooledMeasures = ['smd', 'g', 'd', 'r', 'md', 'or'] as const;
/** Ways of identifying records besides databases and registers (PRISMA 2020's "other methods" arm). */
export const otherMethods = ['citations', 'websites', 'organisations'] as const;
export const conditions = ['ptsd', 'panic', 'depression', 'anxiety', 'eating-disorder', 'mixed', 'other'] as const;
export const modalities = ['email', 'chat', 'videoconference', 'telephone', 'internet-program', 'virtual-reality'] as const;
export const comparators = ['face-to-face', 'waitlist', 'none', 'other'] as const;
export const raters = ['client', 'therapist', 'observer'] as const;
export const vsFaceToFace = ['etherapy-higher', 'equivalent', 'etherapy-lower', 'mixed', 'not-compared', 'not-reported'] as const;
export const outcomeLinks = ['positive', 'weak', 'none', 'mixed', 'not-tested', 'not-reported'] as const;
export const decisions = ['included', 'excluded', 'pending'] as const;
export const listings = ['confirmed', 'probable', 'uncertain'] as const;
export const verifications = ['full-text', 'abstract', 'bibliographic', 'unverified'] as const;
export const audiences = ['practitioners', 'educators'] as const;
/** How sure we are that two records describe the same participants. */
export const sampleOverlaps = ['same', 'possible'] as const;

export const design = z.enum(designs);
export const condition = z.enum(conditions);
export const modality = z.enum(modalities);
export const comparator = z.enum(comparators);
export const rater = z.enum(raters);
export const vsFaceToFaceFinding = z.enum(vsFaceToFace);
export const outcomeLink = z.enum(outcomeLinks);
export const decision = z.enum(decisions);
export const listing = z.enum(listings);
export const verification = z.enum(verifications);
export const audience = z.enum(audiences);
export const sampleOverlap = z.enum(sampleOverlaps);
export const pooledMeasure = z.enum(pooledMeasures);
export const otherMethod = z.enum(otherMethods);

export type Modality = z.infer<typeof modality>;
export type Design = z.infer<typeof design>;
export type Verification = z.infer<typeof verification>;
export type SynthesisDesign = (typeof synthesisDesigns)[number];
export type PooledMeasure = z.infer<typeof pooledMeasure>;
export type OtherMethod = z.infer<typeof otherMethod>;
