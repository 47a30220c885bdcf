// What the review page's PRISMA components show, worked out here so the components only map it:
// the diagram's table grouped by stage (PrismaDiagram.astro) and the notices when the numbers do
// not hold (review/FlowProblems.astro).
import { countNoun, formatCount } from '../format';
import type { PrismaRow } from './box-text';
import type { FlowProblem } from './check';
import type { PrismaDiagramSpec } from './layout';

/** Diagrams wider than this (px; those with the previous-studies or other-methods column) take the full width, the table below. */
export const WIDE_DIAGRAM = 640;

/** One row of the diagram's table: a box's line, its count as shown and the address of its box. */
export interface PrismaFigureRow {
  label: string;
  text: string;
  /** The address the row's box links to; undefined when it links nowhere. */
  href: string | undefined;
  /** The count is not reported (shown in italics: unknown, not zero). */
  notReported: boolean;
}

/** The figure around the diagram: its width class, its table grouped by stage, its text alternative. */
export interface PrismaFigure {
  wide: boolean;
  /** The table's rows by stage, in diagram order. */
  groups: { stage: PrismaRow['stage']; rows: PrismaFigureRow[] }[];
  /** The text alternative without its first sentence (the figure's caption names the diagram). */
  words: string;
}

/** The figure of a laid-out diagram. */
export function prismaFigure(spec: PrismaDiagramSpec): PrismaFigure {
  const hrefOf = new Map(spec.boxes.map((b) => [b.id, b.href]));
  const stages = [...new Set(spec.rows.map((r) => r.stage))];
  return {
    wide: spec.width > WIDE_DIAGRAM,
    groups: stages.map((stage) => ({
      stage,
      rows: spec.rows
        .filter((r) => r.stage === stage)
        .map((r) => ({ label: r.label, text: r.text, href: hrefOf.get(r.box), notReported: r.n === null })),
    })),
    words: spec.description.replace(/^PRISMA 2020 flow diagram\. /, ''),
  };
}

/** Tracking problems the review page lists; `npm run validate` lists them all. */
export const TRACKING_PROBLEMS_LISTED = 10;

/** The notices above the diagram, their counts worded. */
export interface FlowNotices {
  /** "3 boxes": how many boxes the reported and derived flows disagree in. */
  disagreeing: string;
  /** "2 problems": how many faults the tracking files have. */
  trackingCount: string;
  /** The first TRACKING_PROBLEMS_LISTED faults. */
  trackingListed: string[];
  /** How many more faults there are, as shown; null when all are listed. */
  trackingMore: string | null;
}

/** Words the counts of the review page's notices (disagreeing boxes, tracking faults). */
export function flowNotices(disagreements: readonly FlowProblem[], trackingProblems: readonly string[]): FlowNotices {
  const more = trackingProblems.length - TRACKING_PROBLEMS_LISTED;
  return {
    disagreeing: countNoun(disagreements.length, 'box', 'boxes'),
    trackingCount: countNoun(trackingProblems.length, 'problem'),
    trackingListed: trackingProblems.slice(0, TRACKING_PROBLEMS_LISTED),
    trackingMore: more > 0 ? formatCount(more) : null,
  };
}
