// The cells and context the records ledger's section builders (./ledger.ts) share: the shape of a
// section, record anchors, and how a record, its votes and its decisions are written in a cell.
import type { BibRecord } from '../bibliography';
import type { SiteLink } from '../paths';
import type { Review } from '../../schemas/review';
import type { FlowRecords } from './derive';
import type { TrackedReview } from './review-flow';
import { NOT_RETRIEVED, type Stage, type StageDecision } from './screening';

/** One cell: text, optionally a link, optionally shown as code (record keys), with plain text after it. */
export interface LedgerCell {
  text: string;
  href?: string;
  code?: boolean;
  suffix?: string;
}

/** One table of records. */
export interface LedgerTable {
  /** Anchor of the table (one per source in `identified`). */
  id?: string;
  caption: string;
  columns: string[];
  rows: { id?: string; cells: LedgerCell[] }[];
}

/** One section of the ledger: a box of the diagram (or the records still open). */
export interface LedgerSection {
  /** Stable anchor: /reviews/<id>/records/#<id>. */
  id: string;
  heading: string;
  /** The box's count as the diagram shows it: the number of records the section lists. */
  count: number;
  /** The count as shown: "1,250". */
  countText: string;
  intro: string;
  tables: LedgerTable[];
  /** More rows than a browser lays out quickly: the page renders the section only when it scrolls into view. */
  long: boolean;
}

/** Anchor of a kept record's row in the `screened` table: the key with characters outside [A-Za-z0-9.:-] written `_hex`. */
export const recordAnchor = (key: string) => `record-${key.replace(/[^A-Za-z0-9.:-]/g, (c) => `_${c.codePointAt(0)?.toString(16)}`)}`;

export const key = (k: string): LedgerCell => ({ text: k, code: true });
export const plain = (text: string): LedgerCell => ({ text });
export const yearOf = (r: BibRecord | undefined) => plain(r?.year === null || r?.year === undefined ? 'not given' : String(r.year));

/** "alice: include; ben: exclude (not-empirical); consensus: exclude (not-empirical)". */
export const votesText = (d: StageDecision | undefined) =>
  d ? d.votes.map((v) => `${v.reviewer}: ${v.decision}${v.reason ? ` (${v.reason})` : ''}`).join('; ') : 'no votes';

export const settled = (d: StageDecision | undefined) =>
  d?.settledBy === 'consensus' ? 'consensus vote' : d?.settledBy === 'agreement' ? 'reviewers agreed' : '—';

export const taText = (d: StageDecision | undefined) =>
  ({ include: 'included: sought for full text', exclude: 'excluded', awaiting: 'awaiting votes', conflict: 'conflict: open' })[
    d?.status ?? 'awaiting'
  ];

/** What every section builder reads: the review, its tracked data, the records behind each box and the cells they share. */
export interface Ledger {
  review: Review;
  tracked: TrackedReview;
  records: FlowRecords;
  link: SiteLink;
  /** Kept record by key. */
  byKey: Map<string, BibRecord>;
  /** A kept record's decision at a stage. */
  stage: (k: string, s: Stage) => StageDecision | undefined;
  /** A reason's label by id ("no reason given" for none). */
  reasonLabel: (id: string | null) => string;
}

export type Section = Omit<LedgerSection, 'long' | 'countText'>;

export const keyLink = (k: string): LedgerCell => ({ text: k, code: true, href: `#${recordAnchor(k)}` });

/** Key, title and year of a kept record: the first cells of most tables. */
export const recordCells = (l: Ledger, k: string): LedgerCell[] => [keyLink(k), plain(l.byKey.get(k)?.title ?? ''), yearOf(l.byKey.get(k))];

export function ftText(l: Ledger, d: StageDecision | undefined): string {
  if (!d || d.status === 'awaiting') return 'awaiting votes';
  if (d.status === 'conflict') return 'conflict: open';
  if (d.status === 'include') return 'included';
  return d.reason === NOT_RETRIEVED ? 'not retrieved' : `excluded: ${l.reasonLabel(d.reason)}`;
}
