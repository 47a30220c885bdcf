// A review's flow as its pages show it: which flow to draw (derived from the tracking folder, else
// as reported), the diagram with its boxes linking to the records ledger, what does not hold, and
// the flow and links of the PRISMA2020 CSV. Addresses come from the caller's `link`.
import type { BibRecord } from '../bibliography';
import type { SiteLink } from '../paths';
import { formatProblem, type Problem } from '../validation/problem';
import type { Flow } from '../../schemas/flow';
import type { Review } from '../../schemas/review';
import { checkFlow, compareFlows, type FlowProblem } from './check';
import type { DerivedFlow } from './derive';
import { layoutPrismaFlow, type PrismaBoxId, type PrismaDiagramSpec } from './layout';

/** What the views need of a tracked review: its files as read, the flow they derive, and identifier → study id. */
export interface TrackedReview {
  tracking: {
    /** The search-results files, in the order they were read. */
    sources: readonly { name: string; file: string }[];
    /** Every record of every source, duplicates included. */
    records: readonly BibRecord[];
    /** screening.csv relative to the content folder; null when the folder has none. */
    screeningFile: string | null;
    /** Faults in the files, each with file and line. */
    problems: readonly Problem[];
  };
  derived: DerivedFlow;
  /** DOI or `pmid:<n>` → study id (studyIndex). */
  studies: Readonly<Record<string, string>>;
}

/** Ledger section (on /reviews/<id>/records/) each box of a tracked review links to. */
export const LEDGER_SECTION: Partial<Record<PrismaBoxId, string>> = {
  identified: 'identified',
  removed: 'duplicates',
  screened: 'screened',
  'excluded-screening': 'excluded-screening',
  sought: 'sought',
  'not-retrieved': 'not-retrieved',
  assessed: 'assessed',
  'excluded-full-text': 'excluded-full-text',
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
  return { ...flow, identified: { ...flow.identified, per_source: Object.fromEntries(names.map((name) => [sourceLabel(review, name), perSource[name] ?? null])) } };
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

/**
 * The flow to draw: for a tracked review the derived one (the records are the evidence), else the
 * reported one. `link` turns the site paths the boxes link to into addresses.
 */
export function reviewFlowView(review: Review, tracked: TrackedReview | null, link: SiteLink): ReviewFlowView {
  const flow = tracked ? withSourceLabels(review, tracked.derived.flow) : review.flow;
  const hrefFor = (box: PrismaBoxId) => {
    if (box === 'included') return link(`/reviews/${review.id}/#included`);
    const section = tracked ? LEDGER_SECTION[box] : undefined;
    return section ? link(`/reviews/${review.id}/records/#${section}`) : undefined;
  };
  const title = tracked ? 'PRISMA 2020 flow diagram, derived from the tracked records' : 'PRISMA 2020 flow diagram, as the review reports it';
  return {
    source: tracked ? 'derived' : 'reported',
    flow,
    spec: layoutPrismaFlow(flow, { reasons: review.exclusion_reasons, hrefFor, title }),
    disagreements: tracked ? compareFlows(review.flow, tracked.derived.flow) : [],
    openArms: checkFlow(flow),
    trackingProblems: tracked
      ? [
          ...tracked.tracking.problems.map(formatProblem),
          ...tracked.derived.problems.map((p) => `${tracked.tracking.screeningFile ?? 'screening.csv'}${p.line ? `:${p.line}` : ''}: ${p.message}`),
        ]
      : [],
  };
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
  if (tracked && !reportsAnyCount(review.flow)) return { flow: withSourceLabels(review, tracked.derived.flow), source: 'derived' };
  return { flow: review.flow, source: 'reported' };
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
  new_studies: 'included',
};

/** The CSV's `url` for a `data` row: the address of the diagram box it counts, where that box links somewhere. */
export function csvRowUrls(spec: PrismaDiagramSpec): (data: string) => string | undefined {
  const hrefs = new Map(spec.boxes.map((b) => [b.id, b.href]));
  return (data) => {
    const box = CSV_BOX[data];
    return box ? hrefs.get(box) : undefined;
  };
}
