// Human-readable labels for the contract's vocabularies.
import type { z } from 'astro/zod';
import type {
  comparator,
  condition,
  design,
  modality,
  outcomeLink,
  rater,
  verification,
  vsFaceToFaceFinding,
  listing,
  decision,
  otherMethod,
  pooledMeasure,
} from '../schemas';

type Labels<T extends z.ZodEnum<[string, ...string[]]>> = Record<z.infer<T>, string>;

export const modalityLabels: Labels<typeof modality> = {
  email: 'Email',
  chat: 'Chat',
  videoconference: 'Videoconference',
  telephone: 'Telephone',
  'internet-program': 'Internet programme',
  'virtual-reality': 'Virtual reality',
};

export const designLabels: Labels<typeof design> = {
  rct: 'Randomized controlled trial',
  'non-randomized': 'Non-randomized comparison',
  'single-group': 'Single group',
  analogue: 'Analogue study',
  'case-series': 'Case series',
  qualitative: 'Qualitative',
  other: 'Other',
  'systematic-review': 'Systematic review',
  'meta-analysis': 'Meta-analysis',
};

export const conditionLabels: Labels<typeof condition> = {
  ptsd: 'PTSD',
  panic: 'Panic disorder',
  depression: 'Depression',
  anxiety: 'Anxiety',
  'eating-disorder': 'Eating disorder',
  mixed: 'Mixed problems',
  other: 'Other',
};

export const comparatorLabels: Labels<typeof comparator> = {
  'face-to-face': 'Face-to-face',
  waitlist: 'Wait-list',
  none: 'None',
  other: 'Other',
};

export const raterLabels: Labels<typeof rater> = { client: 'Client', therapist: 'Therapist', observer: 'Observer' };

export const vsFaceToFaceLabels: Labels<typeof vsFaceToFaceFinding> = {
  'etherapy-higher': 'Higher in e-therapy',
  equivalent: 'Equivalent',
  'etherapy-lower': 'Lower in e-therapy',
  mixed: 'Mixed',
  'not-compared': 'Not compared',
  'not-reported': 'Not reported',
};

export const outcomeLinkLabels: Labels<typeof outcomeLink> = {
  positive: 'Linked to outcome',
  weak: 'Weak link to outcome',
  none: 'No link to outcome',
  mixed: 'Mixed',
  'not-tested': 'Not tested',
  'not-reported': 'Not reported',
};

export const verificationLabels: Labels<typeof verification> = {
  'full-text': 'Checked against the full text',
  abstract: 'Checked against the abstract',
  bibliographic: 'Bibliographic data only',
  unverified: 'Not verified',
};

/** What each verification level means, for the about page and study pages. */
export const verificationMeanings: Labels<typeof verification> = {
  'full-text': 'Every fact in the record was read in the full published report.',
  abstract:
    'Facts were taken from the abstract or an indexing record (such as PubMed); details only in the full text may be missing or unconfirmed.',
  bibliographic: 'Only the citation (title, authors, journal) was checked; the study’s methods and results are not yet confirmed.',
  unverified: 'No source for the study could be read; every detail is provisional.',
};

export const listingLabels: Labels<typeof listing> = {
  confirmed: 'Confirmed in the review',
  probable: 'Probably in the review (not confirmed)',
  uncertain: 'Uncertain whether the review lists it',
};

export const decisionLabels: Labels<typeof decision> = { included: 'Included', excluded: 'Excluded', pending: 'Pending' };

/** Joins labels as "a, b and c". */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Pooled measures, as a table column shows them. */
export const pooledMeasureLabels: Labels<typeof pooledMeasure> = {
  smd: 'SMD',
  g: "Hedges' g",
  d: "Cohen's d",
  r: 'r',
  md: 'Mean difference',
  or: 'Odds ratio',
};

/** PRISMA 2020's other methods of identifying records, as the diagram names them. */
export const otherMethodLabels: Labels<typeof otherMethod> = {
  citations: 'Citation searching',
  websites: 'Websites',
  organisations: 'Organisations',
};
