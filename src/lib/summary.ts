// "At a glance" figures for the home page, computed from the study records.
import type { Study } from '../schemas';
import { modalities, vsFaceToFace, outcomeLinks } from '../schemas';

export interface Tally<K extends string> {
  key: K;
  /** Studies with this value (a study with two modalities counts under each). */
  count: number;
}

export interface EvidenceSummary {
  /** Studies included in the review(s) shown. */
  studies: number;
  /** Total participants over studies that report a sample size. */
  participants: number;
  /** Studies whose sample size is not reported. */
  sampleSizeMissing: number;
  /** Studies that report a sample size. */
  studiesWithSampleSize: number;
  /** Studies per delivery modality. */
  byModality: Tally<(typeof modalities)[number]>[];
  /** Studies that compared the alliance with face-to-face therapy (any finding but "not compared"). */
  comparedWithFaceToFace: number;
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

/** Summarises a set of studies for the home page. */
export function deriveSummary(studies: readonly Study[]): EvidenceSummary {
  return {
    studies: studies.length,
    participants: studies.reduce((sum, s) => sum + (s.sample_size ?? 0), 0),
    sampleSizeMissing: studies.filter((s) => s.sample_size === null).length,
    studiesWithSampleSize: studies.filter((s) => s.sample_size !== null).length,
    byModality: tally(modalities, (s) => s.modalities, studies),
    comparedWithFaceToFace: studies.filter((s) => s.alliance.vs_face_to_face !== 'not-compared').length,
    byComparison: tally(vsFaceToFace, (s) => [s.alliance.vs_face_to_face], studies),
    byOutcomeLink: tally(outcomeLinks, (s) => [s.alliance.outcome_link], studies),
    withUnverifiedFacts: studies.filter((s) => s.provenance.unverified_fields.length > 0 || s.provenance.verification !== 'full-text').length,
    listingUnconfirmed: studies.filter((s) => s.reviews.some((r) => r.decision === 'included' && r.listing !== 'confirmed')).length,
  };
}

/** Studies a review included. */
export function includedIn(reviewId: string, studies: readonly Study[]): Study[] {
  return studies.filter((s) => s.reviews.some((r) => r.review === reviewId && r.decision === 'included'));
}

/** First author's family name and year, e.g. "Cook & Doyle (2002)" or "Bouchard et al. (2004)". */
export function shortCitation(s: Pick<Study, 'authors' | 'year'>): string {
  const family = (a: string | undefined) => (a ?? '').split(',')[0] ?? '';
  const names = s.authors.length === 1 ? family(s.authors[0]) : s.authors.length === 2 ? `${family(s.authors[0])} & ${family(s.authors[1])}` : `${family(s.authors[0])} et al.`;
  return `${names} (${s.year})`;
}
