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
// 4. A systematic review or meta-analysis kept as a record (design `systematic-review` or
//    `meta-analysis`, with a `synthesis` block) is evidence of another level: it is never counted as
//    one more study, never adds to participant totals, charts, pooling or a strength label (the
//    studies it pooled would be counted twice), and is shown apart as a review-level finding with
//    its own numbers. The studies it included that are records here count through their own records.
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

/** True when the record is a systematic review or meta-analysis (rule 4). */
/**
 * The designs of a record that reviews other studies: the schema's `synthesisDesigns`, written out
 * here because this module runs in the browser (the explorer), where importing the schemas would
 * bring zod along; tests/lib/evidence-base.test.ts holds the two lists equal.
 */
export const SYNTHESIS_DESIGNS: readonly string[] = ['systematic-review', 'meta-analysis'];

export const isSynthesis = (study: Pick<Study, 'design'>): boolean => SYNTHESIS_DESIGNS.includes(study.design);

/** The primary studies that are evidence: included by some review, not themselves reviews of studies (rules 1 and 4). */
export function primaryEvidence<S extends Pick<Study, 'reviews' | 'design'>>(studies: readonly S[]): S[] {
  return studies.filter((s) => isEvidence(s) && !isSynthesis(s));
}

/** The systematic reviews and meta-analyses that are evidence, shown apart as review-level findings (rule 4). */
export function synthesisEvidence<S extends Pick<Study, 'reviews' | 'design'>>(studies: readonly S[]): S[] {
  return studies.filter((s) => isEvidence(s) && isSynthesis(s));
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
  /** The review's `period.to` or `searched_to`: the last month its evidence reaches; null when not recorded. */
  searchedTo: string | null;
  /** "studies found by searches up to August 2011", "reports published from September 2011 to December 2025, identified by other methods…", or "the end of its searches is not recorded". */
  text: string;
}

type CoverageReview = {
  id: string;
  searched_to?: string | undefined;
  period?: { from: string; to: string } | undefined;
  citation: { authors: string[]; year: number };
  flow?: { databases_searched?: boolean | undefined };
};

/** "studies found by searches up to August 2011", or for a review that searched no database, the publication period and how records were found. */
export function coverageText(r: CoverageReview): string {
  const otherMethodsOnly = r.flow?.databases_searched === false;
  if (r.period) {
    const how = otherMethodsOnly ? ', identified by other methods (no database was searched)' : '';
    return `reports published from ${formatSearchedTo(r.period.from)} to ${formatSearchedTo(r.period.to)}${how}`;
  }
  if (r.searched_to) return `studies found by searches up to ${formatSearchedTo(r.searched_to)}`;
  return otherMethodsOnly ? 'records identified by other methods, over a period not recorded' : 'the end of its searches is not recorded';
}

/** The last month the evidence reaches: the latest `period.to` or `searched_to` over the reviews; null when none records one. */
export function latestCoverage(reviews: readonly CoverageReview[]): string | null {
  const ends = reviews.map((r) => r.period?.to ?? r.searched_to).filter((e): e is string => e !== undefined);
  return ends.length === 0 ? null : ends.reduce((a, b) => (b > a ? b : a));
}

/** The period covered by each review that includes at least one of `studies` (all reviews when `studies` is omitted). */
export function deriveCoverage(reviews: readonly CoverageReview[], studies?: readonly Pick<Study, 'reviews'>[]): Coverage[] {
  const used = studies && new Set(studies.flatMap((s) => s.reviews.filter((r) => r.decision === 'included').map((r) => r.review)));
  return reviews
    .filter((r) => !used || used.has(r.id))
    .map((r) => ({
      reviewId: r.id,
      review: shortCitation(r.citation),
      searchedTo: r.period?.to ?? r.searched_to ?? null,
      text: coverageText(r),
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

/** One review as the home page lists it: what it covers, how its records were found, what it includes. */
export interface ReviewOverview {
  reviewId: string;
  /** "Sucala et al. (2012)". */
  citation: string;
  title: string;
  /** What period it covers (coverageText). */
  covers: string;
  /** How its records were found, in a phrase: "searches of PubMed, PsycINFO and CINAHL" or "other methods: citation searching, websites". */
  found: string;
  /** Primary studies it includes. */
  studies: number;
  /** Reviews and meta-analyses it includes (shown apart, never counted as studies). */
  syntheses: number;
  /** Every record it includes: studies and reviews together. */
  included: number;
  /** Included studies not confirmed as listed by the published review; null for a review screened here, whose list is its screening log. */
  unconfirmedListing: number | null;
}

/** Every review with what it includes, and the combined count of distinct primary studies (a study in two reviews counts once). */
export interface EvidenceOverview {
  reviews: ReviewOverview[];
  /** Distinct primary studies any review includes. */
  studies: number;
  /** Of those, the studies more than one review includes. */
  inSeveralReviews: number;
  /** Distinct reviews and meta-analyses any review includes. */
  syntheses: number;
}

type OverviewReview = CoverageReview & {
  title: string;
  searches: readonly { source: string }[];
  screening?: { other_methods?: readonly { method: string }[] | undefined } | undefined;
};

const methodWords: Record<string, string> = { citations: 'citation searching', websites: 'websites', organisations: 'organisations' };

/** A list as prose: "a", "a and b", "a, b and c". */
const andList = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * What each review covers and includes, and the evidence they make together. `tracked` names the
 * reviews screened in this repository: their list of included studies is their screening log, so
 * nothing about it is "unconfirmed".
 */
export function deriveEvidenceOverview(
  reviews: readonly OverviewReview[],
  studies: readonly Pick<Study, 'reviews' | 'design'>[],
  tracked: ReadonlySet<string> = new Set(),
): EvidenceOverview {
  const includedIn = (id: string) => studies.filter((s) => s.reviews.some((r) => r.review === id && r.decision === 'included'));
  const rows = reviews.map((r): ReviewOverview => {
    const included = includedIn(r.id);
    const methods = [...new Set((r.screening?.other_methods ?? []).map((m) => methodWords[m.method] ?? m.method))];
    const searched = r.flow?.databases_searched === false ? [] : r.searches.map((s) => s.source);
    const found = [
      ...(searched.length > 0 ? [`searches of ${andList(searched)}`] : []),
      ...(methods.length > 0 ? [`other methods (${andList(methods)})`] : []),
    ];
    return {
      reviewId: r.id,
      citation: shortCitation(r.citation),
      title: r.title,
      covers: coverageText(r),
      found: found.length > 0 ? andList(found) : 'not recorded',
      studies: included.filter((s) => !isSynthesis(s)).length,
      syntheses: included.filter(isSynthesis).length,
      included: included.length,
      unconfirmedListing: tracked.has(r.id)
        ? null
        : included.filter((s) => s.reviews.some((x) => x.review === r.id && x.decision === 'included' && x.listing !== 'confirmed')).length,
    };
  });
  const ids = new Set(reviews.map((r) => r.id));
  const inReviews = (s: Pick<Study, 'reviews'>) => s.reviews.filter((r) => r.decision === 'included' && ids.has(r.review)).length;
  const included = studies.filter((s) => inReviews(s) > 0);
  return {
    reviews: rows,
    studies: included.filter((s) => !isSynthesis(s)).length,
    inSeveralReviews: included.filter((s) => !isSynthesis(s) && inReviews(s) > 1).length,
    syntheses: included.filter(isSynthesis).length,
  };
}
