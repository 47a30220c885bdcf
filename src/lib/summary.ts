// "At a glance" figures for the home page, computed from the study records.
import type { Study } from '../schemas';
import { modalities, vsFaceToFace, outcomeLinks } from '../schemas';
import { deriveSamples, evidenceStatus, primaryEvidence, synthesisEvidence } from './evidence-base';

export interface Tally<K extends string> {
  key: K;
  /** Studies with this value (a study with two modalities counts under each). */
  count: number;
}

export interface EvidenceSummary {
  /** Primary studies in the evidence: records some review includes (pending and excluded records are not evidence), reviews of studies left out. */
  studies: number;
  /** Systematic reviews and meta-analyses in the evidence: review-level findings, never counted as studies or participants. */
  syntheses: number;
  /** Records awaiting screening: pending in a review and included by none. */
  awaitingScreening: number;
  /** Records every deciding review excluded. */
  excluded: number;
  /** Participants over the distinct samples that report a size (records of the same participants counted once). */
  participants: number;
  /** Distinct samples in the evidence (records of the same participants count as one). */
  samples: number;
  /** Samples whose size is not reported. */
  sampleSizeMissing: number;
  /** Samples that report a size. */
  studiesWithSampleSize: number;
  /** Pairs of included records that may share participants, so `participants` may count some twice. */
  possibleOverlaps: [string, string][];
  /** Studies per delivery modality. */
  byModality: Tally<(typeof modalities)[number]>[];
  /** Studies that compared the alliance with face-to-face therapy: a reported finding, or a face-to-face arm whose result is not reported. */
  comparedWithFaceToFace: number;
  /** Of those, studies whose comparison result is reported. */
  comparisonResultReported: number;
  /** Studies per alliance comparison with face-to-face. */
  byComparison: Tally<(typeof vsFaceToFace)[number]>[];
  /** Studies per alliance-outcome finding. */
  byOutcomeLink: Tally<(typeof outcomeLinks)[number]>[];
  /** Studies with at least one unverified field or a verification below full text. */
  withUnverifiedFacts: number;
  /** Studies whose listing in a review is not confirmed. */
  listingUnconfirmed: number;
}

function tally<K extends string>(keys: readonly K[], values: (s: Study) => readonly K[], studies: readonly Study[]): Tally<K>[] {
  return keys.map((key) => ({ key, count: studies.filter((s) => values(s).includes(key)).length }));
}

/** True when the study's alliance comparison with face to face has a reported result. */
export const comparisonReported = (s: Pick<Study, 'alliance'>): boolean =>
  !['not-compared', 'not-reported'].includes(s.alliance.vs_face_to_face);

/** True when the study compared the alliance with face to face, whether or not the result is reported. */
export const comparedWithFaceToFace = (s: Pick<Study, 'alliance' | 'comparator'>): boolean =>
  comparisonReported(s) || (s.alliance.vs_face_to_face === 'not-reported' && s.comparator === 'face-to-face');

/** Summarises the evidence for the home page: only included primary studies count; reviews of studies are counted apart (see evidence-base.ts). */
export function deriveSummary(records: readonly Study[]): EvidenceSummary {
  const studies = primaryEvidence(records);
  const totals = deriveSamples(studies);
  return {
    studies: studies.length,
    syntheses: synthesisEvidence(records).length,
    awaitingScreening: records.filter((s) => evidenceStatus(s) === 'pending').length,
    excluded: records.filter((s) => evidenceStatus(s) === 'excluded').length,
    participants: totals.participants,
    samples: totals.samples.length,
    sampleSizeMissing: totals.withoutSize,
    studiesWithSampleSize: totals.withSize,
    possibleOverlaps: totals.possibleOverlaps,
    byModality: tally(modalities, (s) => s.modalities, studies),
    comparedWithFaceToFace: studies.filter(comparedWithFaceToFace).length,
    comparisonResultReported: studies.filter(comparisonReported).length,
    byComparison: tally(vsFaceToFace, (s) => [s.alliance.vs_face_to_face], studies),
    byOutcomeLink: tally(outcomeLinks, (s) => [s.alliance.outcome_link], studies),
    withUnverifiedFacts: studies.filter((s) => s.provenance.unverified_fields.length > 0 || s.provenance.verification !== 'full-text')
      .length,
    listingUnconfirmed: studies.filter((s) => s.reviews.some((r) => r.decision === 'included' && r.listing !== 'confirmed')).length,
  };
}

/** Studies a review included. */
export function includedIn(reviewId: string, studies: readonly Study[]): Study[] {
  return studies.filter((s) => s.reviews.some((r) => r.review === reviewId && r.decision === 'included'));
}

export { shortCitation } from './evidence-base';
