// The records ledger of a tracked review (/reviews/<id>/records/): one section per box of the
// derived flow, each with the records behind it and why they are there. Record keys link to their
// row in the `screened` table; included reports link to their study through the caller's `link`.
import type { BibRecord } from '../bibliography';
import type { SiteLink } from '../paths';
import type { Review } from '../../schemas/review';
import type { Duplicate } from './dedupe';
import { countText } from './layout';
import { stageLabels } from './progress';
import { sourceLabel, type TrackedReview } from './review-flow';
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

/** The records behind every box of a tracked review's derived flow, for /reviews/<id>/records/; `link` makes the study pages' addresses. */
export function ledgerSections(review: Review, tracked: TrackedReview, link: SiteLink): LedgerSection[] {
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
            return { cells: [keyLink(r.key), titleCell(r.key), yearOf(r), study ? { text: study, href: link(`/studies/${study}/`) } : plain('no study record has its DOI or PubMed ID')] };
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
