// A review's flow as its pages show it: which flow to draw (derived from the tracking folder, else
// as reported), the diagram with its boxes linking to the records ledger, what does not hold, and
// the flow and links of the PRISMA2020 CSV. Addresses come from the caller's `link`.
import type { SiteLink } from '../paths';
import { formatProblem } from '../problem';
import type { Flow } from '../../schemas/flow';
import type { Review } from '../../schemas/review';
import type { Study } from '../../schemas/study';
import { checkFlow, compareFlows, type FlowProblem } from './check';
import type { DeriveProblem, DerivedFlow } from './derive';
import { hasDatabaseArm, prismaBoxText, type PrismaBoxId, type PrismaText } from './box-text';
import { layoutPrismaFlow, type PrismaDiagramSpec } from './layout';
import type { TrackedSource, Tracking } from './tracking';

/** What the views need of a tracked review: its files as read, the flow they derive, and identifier → study id. */
export interface TrackedReview {
  /** The tracking folder as src/loaders/tracking.ts reads it; the views need only these fields. */
  tracking: Pick<Tracking, 'records' | 'screeningFile' | 'problems'> & { sources: readonly Pick<TrackedSource, 'name' | 'file'>[] };
  derived: DerivedFlow;
  /** DOI or `pmid:<n>` → study id (studyIndex). */
  studies: Readonly<Record<string, string>>;
}

/** Ledger section (on /reviews/<id>/records/) each box of a tracked review links to: it lists the records deriveFlow counted in the box. */
export const LEDGER_SECTION: Partial<Record<PrismaBoxId, string>> = {
  identified: 'identified',
  removed: 'duplicates',
  screened: 'screened',
  'excluded-screening': 'excluded-screening',
  sought: 'sought',
  'not-retrieved': 'not-retrieved',
  assessed: 'assessed',
  'excluded-full-text': 'excluded-full-text',
  'other-identified': 'other-identified',
  'other-sought': 'other-sought',
  'other-not-retrieved': 'other-not-retrieved',
  'other-assessed': 'other-assessed',
  'other-excluded': 'other-excluded',
};

const sourceKey = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The name a review's searches give a source file (`pubmed` → `PubMed`), else the file name. */
export function sourceLabel(review: Review, source: string): string {
  return review.searches.find((s) => sourceKey(s.source) === sourceKey(source))?.source ?? source;
}

/** The derived flow with per-source counts under the names the review's searches use, in their order. */
export function withSourceLabels(review: Review, flow: Flow): Flow {
  const perSource = flow.identified.per_source;
  if (!perSource) return flow;
  const order = (name: string) => {
    const i = review.searches.findIndex((s) => sourceKey(s.source) === sourceKey(name));
    return i < 0 ? review.searches.length : i;
  };
  const names = Object.keys(perSource).sort((a, b) => order(a) - order(b));
  return {
    ...flow,
    identified: {
      ...flow.identified,
      per_source: Object.fromEntries(names.map((name) => [sourceLabel(review, name), perSource[name] ?? null])),
    },
  };
}

/** The flow a review page draws and what is known about it. */
export interface ReviewFlowView {
  /** `derived`: from the tracking folder; `reported`: as the review reports it. */
  source: 'derived' | 'reported';
  flow: Flow;
  /** The diagram, its boxes linking to the records ledger (tracked) and to the included studies. */
  spec: PrismaDiagramSpec;
  /** Boxes where the reported flow and the derived one disagree (compareFlows); empty when untracked. */
  disagreements: FlowProblem[];
  /** Arms of the drawn flow that do not close (checkFlow). */
  openArms: FlowProblem[];
  /** Faults in the tracking files and screening log, one sentence each (`file:line field: problem`). */
  trackingProblems: string[];
}

/** Where each box of a review's diagram links: a tracked review's boxes to the ledger section listing their records, the included box to the included studies. */
export function boxLinks(review: Review, tracked: TrackedReview | null, link: SiteLink): (box: PrismaBoxId) => string | undefined {
  return (box) => {
    if (box === 'included') return link(`/reviews/${review.id}/#included`);
    const section = tracked ? LEDGER_SECTION[box] : undefined;
    return section ? link(`/reviews/${review.id}/records/#${section}`) : undefined;
  };
}

/**
 * The flow a review page draws: for a tracked review the derived one (the records are the evidence),
 * else the reported one. The previous version's studies are not tracked (they are another review's
 * records), so a tracked update takes that arm from its reported flow.
 */
const drawnFlow = (review: Review, tracked: TrackedReview | null): Flow => {
  if (!tracked) return review.flow;
  const derived = withSourceLabels(review, tracked.derived.flow);
  return review.flow.previous && !derived.previous ? { ...derived, previous: review.flow.previous } : derived;
};

/** What the boxes of a review's diagram say and where they link, without laying the diagram out (for the CSV's links). */
export function reviewBoxText(review: Review, tracked: TrackedReview | null, link: SiteLink): PrismaText {
  return prismaBoxText(drawnFlow(review, tracked), { reasons: review.exclusion_reasons, hrefFor: boxLinks(review, tracked, link) });
}

/** Faults in the tracking files and the screening log, one sentence each (`file:line field: problem`). */
function trackingProblems(tracked: TrackedReview): string[] {
  const screeningFile = tracked.tracking.screeningFile ?? 'screening.csv';
  // The votes' files are named inside the review folder; the shared log (or the first file) says where that folder is.
  const folder = screeningFile.replace(/(?:\/screening)?\/[^/]+\.csv$/, '');
  const fileOf = (p: DeriveProblem) => (p.file ? `${folder}/${p.file}` : screeningFile);
  return [
    ...tracked.tracking.problems.map(formatProblem),
    ...tracked.derived.problems.map((p) => `${fileOf(p)}${p.line ? `:${p.line}` : ''}: ${p.message}`),
  ];
}

/**
 * The flow to draw: for a tracked review the derived one (the records are the evidence), else the
 * reported one. `link` turns the site paths the boxes link to into addresses.
 */
export function reviewFlowView(review: Review, tracked: TrackedReview | null, link: SiteLink): ReviewFlowView {
  const flow = drawnFlow(review, tracked);
  const title = tracked
    ? 'PRISMA 2020 flow diagram, derived from the tracked records'
    : 'PRISMA 2020 flow diagram, as the review reports it';
  return {
    source: tracked ? 'derived' : 'reported',
    flow,
    spec: layoutPrismaFlow(flow, { reasons: review.exclusion_reasons, hrefFor: boxLinks(review, tracked, link), title }),
    disagreements: tracked ? compareFlows(review.flow, tracked.derived.flow) : [],
    openArms: checkFlow(flow),
    trackingProblems: tracked ? trackingProblems(tracked) : [],
  };
}

/** The sentences under the diagram's title: where its numbers come from and what its boxes link to. */
export function flowCaption(tracked: TrackedReview | null, reported?: Flow): string {
  const flow = tracked ? tracked.derived.flow : reported;
  const noSearch =
    flow && !hasDatabaseArm(flow)
      ? ' No database or register was searched: every record was identified by other methods, so the diagram has that arm only.'
      : '';
  return tracked
    ? `Derived from the ${tracked.tracking.records.length} records in the review’s search files and the ${tracked.derived.progress.votes} votes in its screening log, not typed in.${noSearch} Boxes with a blue border link to the records behind them.`
    : `The counts as the review reports them.${noSearch} A box the review does not report reads “not reported”: the number is unknown, not zero. The box with a blue border links to the included studies below.`;
}

/** How many of the studies a review page lists as included are not confirmed against the review's own table of included studies. */
export function unconfirmedIncluded(reviewId: string, included: readonly Pick<Study, 'reviews'>[]): number {
  return included.filter((s) => s.reviews.some((r) => r.review === reviewId && r.listing !== 'confirmed')).length;
}

/** True when at least one box of the flow holds a number. */
export function reportsAnyCount(value: unknown): boolean {
  if (typeof value === 'number') return true;
  return value !== null && typeof value === 'object' && Object.values(value).some(reportsAnyCount);
}

/**
 * The flow /reviews/<id>/prisma.csv writes: the reported one, because the CSV is the review's
 * published numbers (it reads back into `flow:` of the review record). A tracked review that
 * reports no count yet (screening under way) gets its derived flow instead of an empty file.
 */
export function csvFlow(review: Review, tracked: TrackedReview | null): { flow: Flow; source: 'reported' | 'derived' } {
  if (tracked && !reportsAnyCount(review.flow))
    return { flow: zeroUnsearchedArm(withSourceLabels(review, tracked.derived.flow)), source: 'derived' };
  return { flow: zeroUnsearchedArm(review.flow), source: 'reported' };
}

/**
 * A flow that searched no database, with its databases-and-registers boxes written as 0 rather than
 * left blank: the PRISMA2020 package always draws that arm, and no record came from a database, so 0
 * is the true count (blank would read "not reported"). Other flows are returned as they are.
 */
export function zeroUnsearchedArm(flow: Flow): Flow {
  if (hasDatabaseArm(flow)) return flow;
  const zero = (counts: Flow['excluded_full_text']) => (counts ? Object.fromEntries(Object.keys(counts).map((k) => [k, 0])) : null);
  return {
    ...flow,
    identified: { databases: 0, registers: 0, per_source: zero(flow.identified.per_source) },
    removed_before_screening: { duplicates: 0, automation: 0, other: 0 },
    screened: 0,
    excluded_screening: 0,
    sought: 0,
    not_retrieved: 0,
    assessed: 0,
    excluded_full_text: zero(flow.excluded_full_text),
  };
}

/** PRISMA2020 CSV `data` row → the diagram box whose address it carries. */
export const CSV_BOX: Readonly<Record<string, PrismaBoxId>> = {
  database_results: 'identified',
  duplicates: 'removed',
  records_screened: 'screened',
  records_excluded: 'excluded-screening',
  dbr_sought_reports: 'sought',
  dbr_notretrieved_reports: 'not-retrieved',
  dbr_assessed: 'assessed',
  dbr_excluded: 'excluded-full-text',
  website_results: 'other-identified',
  organisation_results: 'other-identified',
  citations_results: 'other-identified',
  other_sought_reports: 'other-sought',
  other_notretrieved_reports: 'other-not-retrieved',
  other_assessed: 'other-assessed',
  other_excluded: 'other-excluded',
  new_studies: 'included',
};

/** The CSV's `url` for a `data` row: the address of the diagram box it counts, where that box links somewhere (from the box text, or a laid-out spec). */
export function csvRowUrls(text: { boxes: readonly { id: PrismaBoxId; href?: string }[] }): (data: string) => string | undefined {
  const hrefs = new Map(text.boxes.map((b) => [b.id, b.href]));
  return (data) => {
    const box = CSV_BOX[data];
    return box ? hrefs.get(box) : undefined;
  };
}

/** The CSV's `url` for each `data` row of a review: its box text alone, no layout. */
export function reviewCsvUrls(review: Review, tracked: TrackedReview | null, link: SiteLink): (data: string) => string | undefined {
  return csvRowUrls(reviewBoxText(review, tracked, link));
}
