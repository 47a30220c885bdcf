// A review's flow for the pages: the tracking folder (content/reviews/<id>/) read through
// scripts/lib/tracking.ts and derived with src/lib/prisma, then shaped for the components —
// the diagram spec, the screening progress, the records ledger and the versions of a living
// review. Everything here is looked up, grouped and formatted; the arithmetic is in src/lib/prisma.
import path from 'node:path';
import { format } from 'd3-format';
import { loadTracking, type Tracking } from '../../scripts/lib/tracking';
import { NOT_RETRIEVED, checkFlow, compareFlows, countText, deriveFlow, layoutPrismaFlow, studyIndex } from '../lib/prisma';
import type { BibRecord } from '../lib/bibliography';
import type { DerivedFlow, Duplicate, FlowProblem, PrismaBoxId, PrismaDiagramSpec, Stage, StageDecision } from '../lib/prisma';
import { formatProblem } from '../lib/validation/problem';
import type { Flow, Review } from '../schemas';
import { contentDir } from './content-dir';
import { getStudies } from './studies';
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
  if (import.meta.env.DEV) return loadReviewTracking(review);
  let entry = cache.get(review.id);
  if (!entry) {
    entry = loadReviewTracking(review);
    cache.set(review.id, entry);
  }
  return entry;
}

async function loadReviewTracking(review: Review): Promise<ReviewTracking | null> {
  // As scripts/lib/content.ts (npm run validate) reads it, so the pages and the checks agree.
  const tracking = loadTracking(path.join('reviews', review.id), { reasons: review.exclusion_reasons.map((r) => r.id), root: contentDir() });
  if (!tracking) return null;
  const studies = studyIndex(await getStudies());
  const derived = deriveFlow({ records: tracking.records, votes: tracking.votes, reasons: review.exclusion_reasons, studies });
  return { tracking, derived, studies };
}

// ---------------------------------------------------------------------------------------------
// The diagram

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

/** The flow a review page draws and what is known about it. */
export interface ReviewFlow {
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
  tracked: ReviewTracking | null;
}

const sourceKey = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The name a review's searches give a source file (`pubmed` → `PubMed`), else the file name. */
function sourceLabel(review: Review, source: string): string {
  return review.searches.find((s) => sourceKey(s.source) === sourceKey(source))?.source ?? source;
}

/** The derived flow with per-source counts under the names the review's searches use, in their order. */
function withSourceLabels(review: Review, flow: Flow): Flow {
  const perSource = flow.identified.per_source;
  if (!perSource) return flow;
  const order = (name: string) => {
    const i = review.searches.findIndex((s) => sourceKey(s.source) === sourceKey(name));
    return i < 0 ? review.searches.length : i;
  };
  const names = Object.keys(perSource).sort((a, b) => order(a) - order(b));
  return { ...flow, identified: { ...flow.identified, per_source: Object.fromEntries(names.map((name) => [sourceLabel(review, name), perSource[name] ?? null])) } };
}

/**
 * The flow to draw: for a tracked review the derived one (the records are the evidence), else the
 * reported one. `absolute` gives the boxes absolute addresses, for the downloadable file.
 */
export async function getReviewFlow(review: Review, options: { absolute?: boolean } = {}): Promise<ReviewFlow> {
  const tracked = await getTracking(review);
  const link = options.absolute ? absoluteUrl : url;
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
    tracked,
  };
}

/** True when at least one box of the flow holds a number. */
function reportsAnyCount(value: unknown): boolean {
  if (typeof value === 'number') return true;
  return value !== null && typeof value === 'object' && Object.values(value).some(reportsAnyCount);
}

/**
 * The flow /reviews/<id>/prisma.csv writes: the reported one, because the CSV is the review's
 * published numbers (it reads back into `flow:` of the review record). A tracked review that
 * reports no count yet (screening under way) gets its derived flow instead of an empty file.
 */
export async function getCsvFlow(review: Review): Promise<{ flow: Flow; source: 'reported' | 'derived' }> {
  const tracked = await getTracking(review);
  if (tracked && !reportsAnyCount(review.flow)) return { flow: withSourceLabels(review, tracked.derived.flow), source: 'derived' };
  return { flow: review.flow, source: 'reported' };
}

/** PRISMA2020 CSV `data` row → the diagram box whose address it carries. */
const CSV_BOX: Record<string, PrismaBoxId> = {
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

/** The absolute address the CSV's `url` column gives a row, where the site has a page for that box. */
export async function csvUrlFor(review: Review): Promise<(data: string) => string | undefined> {
  const { spec } = await getReviewFlow(review, { absolute: true });
  const hrefs = new Map(spec.boxes.map((b) => [b.id, b.href]));
  return (data) => {
    const box = CSV_BOX[data];
    return box ? hrefs.get(box) : undefined;
  };
}

// ---------------------------------------------------------------------------------------------
// Screening progress

const kappaFormat = format('.2f');
const percent = format('.0%');

/** One stage's progress, formatted. */
export interface StageProgressView {
  stage: Stage;
  label: string;
  /** Records to decide at this stage. */
  records: number;
  decided: number;
  awaiting: string[];
  conflicts: string[];
  reviewers: string[];
  /** Cohen's kappa to two decimals, or "not computable". */
  kappa: string;
  /** Records both reviewers voted on (what kappa rests on); null when there are none. */
  kappaRecords: number | null;
  /** Observed agreement as a percentage; null without a kappa table. */
  observed: string | null;
  /** Why kappa is not computable; null when it is. */
  note: string | null;
}

/** Where screening stands, for the review page. */
export interface ProgressView {
  votes: number;
  /** Records awaiting votes, both stages together. */
  awaiting: number;
  /** Open conflicts, both stages together. */
  conflictCount: number;
  /** The first open conflicts by record key (at most CONFLICTS_LISTED; the ledger lists them all). */
  conflicts: { key: string; stage: string }[];
  stages: StageProgressView[];
  includedWithoutStudy: string[];
}

export const stageLabels: Record<Stage, string> = { 'title-abstract': 'Title and abstract', 'full-text': 'Full text' };

/** Open conflicts the review page lists by key; the records ledger lists every one. */
const CONFLICTS_LISTED = 50;

/** Votes, open records and Cohen's kappa per stage, formatted for the page. */
export function progressView(derived: DerivedFlow): ProgressView {
  const stages = (['title-abstract', 'full-text'] as const).map((stage): StageProgressView => {
    const p = derived.progress.stages[stage];
    const k = p.agreement.agreement;
    return {
      stage,
      label: stageLabels[stage],
      records: p.records,
      decided: p.decided,
      awaiting: p.awaiting,
      conflicts: p.conflicts,
      reviewers: p.agreement.reviewers,
      kappa: k?.kappa === null || k?.kappa === undefined ? 'not computable' : kappaFormat(k.kappa),
      kappaRecords: k?.n ?? null,
      observed: k ? percent(k.observed) : null,
      note: p.agreement.note,
    };
  });
  return {
    votes: derived.progress.votes,
    awaiting: stages.reduce((n, s) => n + s.awaiting.length, 0),
    conflictCount: stages.reduce((n, s) => n + s.conflicts.length, 0),
    conflicts: stages.flatMap((s) => s.conflicts.map((key) => ({ key, stage: s.label }))).slice(0, CONFLICTS_LISTED),
    stages,
    includedWithoutStudy: derived.progress.includedWithoutStudy,
  };
}

// ---------------------------------------------------------------------------------------------
// The records ledger: one table per box of the diagram

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
  /** The box's count as the diagram shows it. */
  count: number;
  intro: string;
  tables: LedgerTable[];
  /** More rows than a browser lays out quickly: the page renders the section only when it scrolls into view. */
  long: boolean;
}

/** Rows above which a ledger section is rendered lazily (CSS content-visibility). */
const LONG_SECTION = 1000;

/** Anchor of a kept record's row in the `screened` table: the key with characters outside [A-Za-z0-9.:-] written `_hex`. */
export const recordAnchor = (key: string) => `record-${key.replace(/[^A-Za-z0-9.:-]/g, (c) => `_${c.codePointAt(0)?.toString(16)}`)}`;

const ruleLabels: Record<Duplicate['rule'], string> = { doi: 'same DOI', pmid: 'same PubMed ID', title: 'same title, year and first author' };

const firstAuthor = (r: BibRecord) => r.authors[0]?.split(',')[0]?.trim() ?? '';
const key = (k: string): LedgerCell => ({ text: k, code: true });
const plain = (text: string): LedgerCell => ({ text });
const yearOf = (r: BibRecord | undefined) => plain(r?.year === null || r?.year === undefined ? 'not given' : String(r.year));

/** "alice: include; ben: exclude (not-empirical); consensus: exclude (not-empirical)". */
const votesText = (d: StageDecision | undefined) => (d ? d.votes.map((v) => `${v.reviewer}: ${v.decision}${v.reason ? ` (${v.reason})` : ''}`).join('; ') : 'no votes');

const settled = (d: StageDecision | undefined) => (d?.settledBy === 'consensus' ? 'consensus vote' : d?.settledBy === 'agreement' ? 'reviewers agreed' : '—');

/** The records behind every box of a tracked review's derived flow, for /reviews/<id>/records/. */
export function ledgerSections(review: Review, tracked: ReviewTracking): LedgerSection[] {
  const { derived, tracking, studies } = tracked;
  const reasonLabel = (id: string | null) => (id === null ? 'no reason given' : (review.exclusion_reasons.find((r) => r.id === id)?.label ?? id));
  const byKey = new Map(derived.deduplication.unique.map((r) => [r.key, r]));
  const stage = (k: string, s: Stage) => derived.decisions.get(k)?.[s];
  const keyLink = (k: string): LedgerCell => ({ text: k, code: true, href: `#${recordAnchor(k)}` });
  const titleCell = (k: string) => plain(byKey.get(k)?.title ?? '');
  const taText = (d: StageDecision | undefined) =>
    ({ include: 'included: sought for full text', exclude: 'excluded', awaiting: 'awaiting votes', conflict: 'conflict: open' })[d?.status ?? 'awaiting'];
  const ftText = (d: StageDecision | undefined) => {
    if (!d || d.status === 'awaiting') return 'awaiting votes';
    if (d.status === 'conflict') return 'conflict: open';
    if (d.status === 'include') return 'included';
    return d.reason === NOT_RETRIEVED ? 'not retrieved' : `excluded: ${reasonLabel(d.reason)}`;
  };
  const studyOf = (k: string) => {
    const ids = derived.deduplication.identifiers[k] ?? { dois: [], pmids: [] };
    return [...ids.dois, ...ids.pmids.map((p) => `pmid:${p}`)].map((id) => studies[id]).find((s) => s !== undefined);
  };

  // Removed records by identity: a record and its duplicate often share a key (the same DOI).
  const removed = new Set(derived.deduplication.duplicates.map((d) => d.record));
  const unique = derived.deduplication.unique;
  const sought = unique.filter((r) => stage(r.key, 'title-abstract')?.status === 'include');
  const ft = (r: BibRecord) => stage(r.key, 'full-text');
  const notRetrieved = sought.filter((r) => ft(r)?.status === 'exclude' && ft(r)?.reason === NOT_RETRIEVED);
  const assessed = sought.filter((r) => (ft(r)?.status === 'include' || ft(r)?.status === 'exclude') && ft(r)?.reason !== NOT_RETRIEVED);
  const reasonOrder = (id: string | null) => {
    const i = review.exclusion_reasons.findIndex((r) => r.id === id);
    return i < 0 ? review.exclusion_reasons.length : i;
  };
  const excludedFullText = assessed.filter((r) => ft(r)?.status === 'exclude').sort((a, b) => reasonOrder(ft(a)?.reason ?? null) - reasonOrder(ft(b)?.reason ?? null));
  const included = assessed.filter((r) => ft(r)?.status === 'include');
  const open = (['title-abstract', 'full-text'] as const).flatMap((s) => {
    const p = derived.progress.stages[s];
    return [...p.conflicts, ...p.awaiting].map((k) => ({ key: k, stage: s, decision: stage(k, s) }));
  });

  const n = (count: number, one: string, many: string) => `${countText(count)} ${count === 1 ? one : many}`;
  const sections: Omit<LedgerSection, 'long'>[] = [
    {
      id: 'identified',
      heading: 'Records identified',
      count: tracking.records.length,
      intro: `Every record in the search results, one table per source file (${tracking.sources.map((s) => s.file).join(', ')}), duplicates included.`,
      tables: tracking.sources.map((source) => {
        const records = tracking.records.filter((r) => r.source === source.name);
        return {
          id: `identified-${source.name}`,
          caption: `${sourceLabel(review, source.name)}: ${n(records.length, 'record', 'records')}`,
          columns: ['Record', 'Title', 'First author', 'Year', 'After duplicates are removed'],
          rows: records.map((r) => {
            const kept = derived.deduplication.aliases[r.key] ?? r.key;
            const outcome = removed.has(r) ? { text: `duplicate of ${kept}`, href: `#${recordAnchor(kept)}` } : { text: 'screened', href: `#${recordAnchor(r.key)}` };
            return { cells: [key(r.key), plain(r.title), plain(firstAuthor(r)), yearOf(r), outcome] };
          }),
        };
      }),
    },
    {
      id: 'duplicates',
      heading: 'Duplicate records removed',
      count: derived.deduplication.duplicates.length,
      intro: 'Records found more than once. The first record of each group (sources in file-name order) is kept and screened; the others are removed, matched by DOI, then PubMed ID, then title, year and first author.',
      tables: [
        {
          caption: `Duplicates: ${n(derived.deduplication.duplicates.length, 'record', 'records')} removed`,
          columns: ['Record removed', 'Source', 'Title', 'Duplicate of', 'Matched by'],
          rows: derived.deduplication.duplicates.map((d) => {
            const kept = byKey.get(d.of);
            const of = { ...keyLink(d.of), ...(kept ? { suffix: ` (${sourceLabel(review, kept.source)})` } : {}) };
            return { cells: [key(d.record.key), plain(sourceLabel(review, d.record.source)), plain(d.record.title), of, plain(ruleLabels[d.rule])] };
          }),
        },
      ],
    },
    {
      id: 'screened',
      heading: 'Records screened',
      count: unique.length,
      intro: 'Every record left after duplicates were removed, with its title-and-abstract decision and the votes behind it.',
      tables: [
        {
          caption: `Screened: ${n(unique.length, 'record', 'records')}`,
          columns: ['Record', 'Source', 'Title', 'Year', 'Decision', 'Votes'],
          rows: unique.map((r) => ({
            id: recordAnchor(r.key),
            cells: [key(r.key), plain(sourceLabel(review, r.source)), plain(r.title), yearOf(r), plain(taText(stage(r.key, 'title-abstract'))), plain(votesText(stage(r.key, 'title-abstract')))],
          })),
        },
      ],
    },
    {
      id: 'excluded-screening',
      heading: 'Records excluded at screening',
      count: unique.filter((r) => stage(r.key, 'title-abstract')?.status === 'exclude').length,
      intro: 'Records excluded on title and abstract. Each record links to its row in the screened table, with the votes behind the decision.',
      tables: [
        {
          caption: 'Excluded on title and abstract',
          // Usually the longest list of a review: the votes are in the `screened` table, one click away.
          columns: ['Record', 'Title', 'Year', 'Settled by'],
          rows: unique
            .filter((r) => stage(r.key, 'title-abstract')?.status === 'exclude')
            .map((r) => ({ cells: [keyLink(r.key), titleCell(r.key), yearOf(r), plain(settled(stage(r.key, 'title-abstract')))] })),
        },
      ],
    },
    {
      id: 'sought',
      heading: 'Reports sought for retrieval',
      count: sought.length,
      intro: 'Records included on title and abstract, whose full text was sought.',
      tables: [
        {
          caption: `Sought: ${n(sought.length, 'report', 'reports')}`,
          columns: ['Record', 'Title', 'Year', 'Full-text decision'],
          rows: sought.map((r) => ({ cells: [keyLink(r.key), titleCell(r.key), yearOf(r), plain(ftText(ft(r)))] })),
        },
      ],
    },
    {
      id: 'not-retrieved',
      heading: 'Reports not retrieved',
      count: notRetrieved.length,
      intro: `Reports sought whose full text could not be obtained (a full-text vote "exclude" with reason "${NOT_RETRIEVED}").`,
      tables: [{ caption: 'Not retrieved', columns: ['Record', 'Title', 'Year', 'Votes'], rows: notRetrieved.map((r) => ({ cells: [keyLink(r.key), titleCell(r.key), yearOf(r), plain(votesText(ft(r)))] })) }],
    },
    {
      id: 'assessed',
      heading: 'Reports assessed for eligibility',
      count: assessed.length,
      intro: 'Reports read in full and decided.',
      tables: [
        {
          caption: `Assessed: ${n(assessed.length, 'report', 'reports')}`,
          columns: ['Record', 'Title', 'Year', 'Decision', 'Settled by', 'Votes'],
          rows: assessed.map((r) => ({ cells: [keyLink(r.key), titleCell(r.key), yearOf(r), plain(ftText(ft(r))), plain(settled(ft(r))), plain(votesText(ft(r)))] })),
        },
      ],
    },
    {
      id: 'excluded-full-text',
      heading: 'Reports excluded at full text',
      count: excludedFullText.length,
      intro: 'Reports assessed and excluded, with the reason, in the order the review lists its reasons.',
      tables: [
        {
          caption: 'Excluded at full text',
          columns: ['Record', 'Title', 'Year', 'Reason', 'Settled by', 'Votes'],
          rows: excludedFullText.map((r) => ({ cells: [keyLink(r.key), titleCell(r.key), yearOf(r), plain(reasonLabel(ft(r)?.reason ?? null)), plain(settled(ft(r))), plain(votesText(ft(r)))] })),
        },
      ],
    },
    {
      id: 'included-reports',
      heading: 'Reports of included studies',
      count: included.length,
      intro: 'Reports included at full text. A report counts under the study record that carries its DOI or PubMed ID; reports of one study are counted once as a study.',
      tables: [
        {
          caption: `Included: ${n(included.length, 'report', 'reports')} of ${n(new Set(included.map((r) => studyOf(r.key) ?? `record:${r.key}`)).size, 'study', 'studies')}`,
          columns: ['Record', 'Title', 'Year', 'Study'],
          rows: included.map((r) => {
            const study = studyOf(r.key);
            return { cells: [keyLink(r.key), titleCell(r.key), yearOf(r), study ? { text: study, href: url(`/studies/${study}/`) } : plain('no study record has its DOI or PubMed ID')] };
          }),
        },
      ],
    },
    {
      id: 'open',
      heading: 'Records still open',
      count: open.length,
      intro: 'Records awaiting votes, or whose reviewers disagree, at either stage. They are in none of the boxes until they are decided.',
      tables: [
        {
          caption: 'Open records',
          columns: ['Record', 'Stage', 'Status', 'Why'],
          rows: open.map((o) => ({ cells: [keyLink(o.key), plain(stageLabels[o.stage]), plain(o.decision?.status === 'conflict' ? 'conflict' : 'awaiting votes'), plain(o.decision?.note ?? 'no votes yet')] })),
        },
      ],
    },
  ];
  return sections.map((section) => ({ ...section, long: section.tables.reduce((n, t) => n + t.rows.length, 0) > LONG_SECTION }));
}

// ---------------------------------------------------------------------------------------------
// Versions of a living review

/** One version's column in the versions table. */
export interface VersionColumn {
  version: string;
  date: string | null;
  current: boolean;
}

/** Every version's flow side by side: one row per box line, one column per version (current last). */
export interface FlowVersions {
  columns: VersionColumn[];
  rows: { stage: string; label: string; cells: string[] }[];
  /** What changed in each earlier version, oldest first. */
  changes: { version: string; date: string; summary: string }[];
}

/** The versions table of a living review; null unless an earlier version records its flow. */
export function flowVersions(review: Review): FlowVersions | null {
  // An entry for the current version itself (same label) gives no column: review.flow is the current flow.
  const earlier = review.changes.filter((c): c is typeof c & { flow: Flow } => c.flow !== undefined && c.version !== review.version);
  if (earlier.length === 0) return null;
  const versions = [
    ...earlier.map((c) => ({ column: { version: c.version, date: c.date, current: false }, flow: c.flow })),
    { column: { version: review.version ?? 'current', date: null, current: true }, flow: review.flow },
  ];
  // Rows: the union of every version's diagram rows, each kept after the row it follows in its version.
  const order: { stage: string; label: string }[] = [];
  const values = versions.map((v) => {
    const rows = layoutPrismaFlow(v.flow, { reasons: review.exclusion_reasons }).rows;
    let last = -1;
    for (const row of rows) {
      const at = order.findIndex((o) => o.label === row.label);
      if (at >= 0) last = at;
      else order.splice(++last, 0, { stage: row.stage, label: row.label });
    }
    return new Map(rows.map((r) => [r.label, r.text]));
  });
  return {
    columns: versions.map((v) => v.column),
    rows: order.map((o) => ({ ...o, cells: values.map((v) => v.get(o.label) ?? '—') })),
    changes: review.changes.map((c) => ({ version: c.version, date: c.date, summary: c.summary })),
  };
}
