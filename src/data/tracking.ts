// A review's tracking folder (content/reviews/<id>/) for the pages: read once through
// src/loaders/tracking.ts, derived with src/lib/prisma, and handed to the views of src/lib/prisma
// (review-flow, ledger) with the site's addresses (url, absoluteUrl).
import { contentDir } from '../loaders/content-dir';
import { loadReviewTracking, type Tracking } from '../loaders/tracking';
import { csvFlow, deriveFlow, reviewCsvUrls, ledgerSections as ledgerSectionsWith, reviewFlowView, studyIndex } from '../lib/prisma';
import { screeningRules } from '../lib/screening/settings';
import type { DerivedFlow, LedgerSection, ReviewFlowView } from '../lib/prisma';
import type { Flow, Review } from '../schemas';
import { getStudies } from './studies';
import { getReviews } from './reviews';
import { deriveEvidenceOverview, type EvidenceOverview } from '../lib/evidence-base';
import { absoluteUrl, url } from './url';

/** A tracked review: its files, the flow they derive, and identifier → study id. */
export interface ReviewTracking {
  tracking: Tracking;
  derived: DerivedFlow;
  studies: Record<string, string>;
}

const cache = new Map<string, Promise<ReviewTracking | null>>();

/** The review's tracking data and derived flow, read once per build (every time in dev); null for a review without a tracking folder. */
export function getTracking(review: Review): Promise<ReviewTracking | null> {
  if (import.meta.env.DEV) return readReviewTracking(review);
  let entry = cache.get(review.id);
  if (!entry) {
    entry = readReviewTracking(review);
    cache.set(review.id, entry);
  }
  return entry;
}

async function readReviewTracking(review: Review): Promise<ReviewTracking | null> {
  // As src/loaders/content.ts (npm run validate) reads it, so the pages and the checks agree, down to the paths of faults.
  const tracking = loadReviewTracking(contentDir(), review);
  if (!tracking) return null;
  const studies = studyIndex(await getStudies());
  const derived = deriveFlow({
    records: tracking.records,
    votes: tracking.votes,
    reasons: review.exclusion_reasons,
    studies,
    rules: screeningRules(review.screening),
    otherMethods: review.screening?.other_methods ?? [],
    sources: tracking.sources.map((s) => s.name),
  });
  return { tracking, derived, studies };
}

/** The flow a review page draws (src/lib/prisma/review-flow.ts) and the tracking data behind it. */
export interface ReviewFlow extends ReviewFlowView {
  tracked: ReviewTracking | null;
}

/** The flow to draw, derived when the review is tracked; `absolute` gives the boxes absolute addresses, for the downloadable file. */
export async function getReviewFlow(review: Review, options: { absolute?: boolean } = {}): Promise<ReviewFlow> {
  const tracked = await getTracking(review);
  return { ...reviewFlowView(review, tracked, options.absolute ? absoluteUrl : url), tracked };
}

/** The flow /reviews/<id>/prisma.csv writes: the reported one, or the derived one while the review reports no count. */
export async function getCsvFlow(review: Review): Promise<{ flow: Flow; source: 'reported' | 'derived' }> {
  return csvFlow(review, await getTracking(review));
}

/** The absolute address the CSV's `url` column gives a row, where the site has a page for that box. */
export async function csvUrlFor(review: Review): Promise<(data: string) => string | undefined> {
  return reviewCsvUrls(review, await getTracking(review), absoluteUrl);
}

/** The records ledger of a tracked review, its study links under the base path. */
export function ledgerSections(review: Review, tracked: ReviewTracking): LedgerSection[] {
  return ledgerSectionsWith(review, tracked, url);
}

/** Every review with what it covers and includes, and the evidence they make together (the home page's "The reviews" table). */
export async function getEvidenceOverview(): Promise<EvidenceOverview> {
  const [reviews, studies] = await Promise.all([getReviews(), getStudies()]);
  const tracked = new Set<string>();
  for (const review of reviews) if (await getTracking(review)) tracked.add(review.id);
  return deriveEvidenceOverview(reviews, studies, tracked);
}
