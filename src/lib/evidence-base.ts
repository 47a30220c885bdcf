// What counts as evidence, and how many people it rests on.
//
// The rules, in plain words:
// 1. A study record is evidence when some review's decision on it is "included". Records that are
//    only pending (awaiting screening) or excluded keep their pages and exports, labelled as such,
//    but never enter a headline figure, a chart, a pooled estimate or a strength label.
// 2. Records linked by `same_participants_as` with overlap "same" describe one sample: totals count
//    it once, at the largest sample size any of its records reports.
// 3. Records linked with overlap "possible" are both counted, and the total says that it may count
//    some participants twice.
import type { Study } from '../schemas';
import { familyName } from './format';

/** Where a record stands: in the evidence, awaiting screening, or excluded by every review that decided. */
export type EvidenceStatus = 'included' | 'pending' | 'excluded';

/** The record's status over all its reviews: included by any review wins, then pending, then excluded. */
export function evidenceStatus(study: Pick<Study, 'reviews'>): EvidenceStatus {
  if (study.reviews.some((r) => r.decision === 'included')) return 'included';
  if (study.reviews.some((r) => r.decision === 'pending')) return 'pending';
  return 'excluded';
}

/** True when some review includes the study (rule 1). */
export const isEvidence = (study: Pick<Study, 'reviews'>): boolean => evidenceStatus(study) === 'included';

/** The studies that are evidence, in the order given. */
export function evidenceOnly<S extends Pick<Study, 'reviews'>>(studies: readonly S[]): S[] {
  return studies.filter(isEvidence);
}

type SampleStudy = Pick<Study, 'id' | 'sample_size'> & { same_participants_as?: Study['same_participants_as'] };

/** One group of participants: the records that describe it, and its size. */
export interface Sample {
  /** Ids of the records describing these participants, sorted. */
  studyIds: string[];
  /** The largest sample size reported by a record of the group; null when none reports one. */
  size: number | null;
}

/** The participant totals of a set of studies, each sample counted once. */
export interface SampleTotals {
  /** Distinct samples (records linked as "same" count as one). */
  samples: Sample[];
  /** Participants over samples with a known size. */
  participants: number;
  /** Samples with a known size. */
  withSize: number;
  /** Samples without a known size. */
  withoutSize: number;
  /** Pairs of ids in the set that may share participants (overlap "possible"), sorted. */
  possibleOverlaps: [string, string][];
}

/** Groups studies into samples by their "same" links (rule 2) and lists "possible" overlaps (rule 3); links to studies outside the set are ignored. */
export function deriveSamples(studies: readonly SampleStudy[]): SampleTotals {
  const byId = new Map(studies.map((s) => [s.id, s]));
  const parent = new Map(studies.map((s) => [s.id, s.id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    return r;
  };
  const overlaps = new Map<string, [string, string]>();
  for (const s of studies) {
    for (const link of s.same_participants_as ?? []) {
      if (!byId.has(link.study) || link.study === s.id) continue;
      if (link.overlap === 'same') parent.set(root(s.id), root(link.study));
      else {
        const pair = [s.id, link.study].sort() as [string, string];
        overlaps.set(pair.join(' '), pair);
      }
    }
  }
  const groups = new Map<string, string[]>();
  for (const s of studies) groups.set(root(s.id), [...(groups.get(root(s.id)) ?? []), s.id]);
  const samples = [...groups.values()].map((ids): Sample => {
    const sizes = ids.map((id) => byId.get(id)?.sample_size ?? null).filter((n): n is number => n !== null);
    return { studyIds: ids.sort(), size: sizes.length > 0 ? Math.max(...sizes) : null };
  });
  const sameSample = (a: string, b: string) => root(a) === root(b);
  return {
    samples,
    participants: samples.reduce((sum, s) => sum + (s.size ?? 0), 0),
    withSize: samples.filter((s) => s.size !== null).length,
    withoutSize: samples.filter((s) => s.size === null).length,
    possibleOverlaps: [...overlaps.values()].filter(([a, b]) => !sameSample(a, b)).sort((x, y) => x.join().localeCompare(y.join())),
  };
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2011-08" -> "August 2011"; "2011-08-31" -> "31 August 2011". */
export function formatSearchedTo(value: string): string {
  const [y, m, d] = value.split('-');
  const month = months[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** The period one review's evidence covers. */
export interface Coverage {
  reviewId: string;
  /** "Sucala et al. (2012)". */
  review: string;
  /** The review's `searched_to`, or null when not recorded. */
  searchedTo: string | null;
  /** "studies found by searches up to August 2011", or "the end of its searches is not recorded". */
  text: string;
}

type CoverageReview = { id: string; searched_to?: string | undefined; citation: { authors: string[]; year: number } };

/** The period covered by each review that includes at least one of `studies` (all reviews when `studies` is omitted). */
export function deriveCoverage(reviews: readonly CoverageReview[], studies?: readonly Pick<Study, 'reviews'>[]): Coverage[] {
  const used = studies && new Set(studies.flatMap((s) => s.reviews.filter((r) => r.decision === 'included').map((r) => r.review)));
  return reviews
    .filter((r) => !used || used.has(r.id))
    .map((r) => ({
      reviewId: r.id,
      review: shortCitation(r.citation),
      searchedTo: r.searched_to ?? null,
      text: r.searched_to
        ? `studies found by searches up to ${formatSearchedTo(r.searched_to)}`
        : 'the end of its searches is not recorded',
    }));
}

/** First author's family name and year, e.g. "Cook & Doyle (2002)" or "Bouchard et al. (2004)"; an incomplete author list always reads "et al.". */
export function shortCitation(s: { authors: readonly string[]; year: number; authors_incomplete?: boolean | undefined }): string {
  const [first = '', second = ''] = s.authors.map(familyName);
  const names = s.authors_incomplete
    ? `${first} et al.`
    : s.authors.length === 1
      ? first
      : s.authors.length === 2
        ? `${first} & ${second}`
        : `${first} et al.`;
  return `${names} (${s.year})`;
}
