// The records ledger of a tracked review (/reviews/<id>/records/): one section per box of the
// derived flow, each with the records behind it and why they are there. The records of each box are
// the ones deriveFlow counted (`derived.records`), never worked out again here, so the ledger and
// the diagram cannot disagree. Record keys link to their row in the `screened` table; included
// reports link to their study through the caller's `link`.
import type { SiteLink } from '../paths';
import type { Review } from '../../schemas/review';
import { countNoun, familyName } from '../format';
import type { Duplicate } from './dedupe';
import {
  ftText,
  key,
  keyLink,
  plain,
  recordAnchor,
  recordCells,
  settled,
  taText,
  votesText,
  yearOf,
  type Ledger,
  type LedgerCell,
  type LedgerSection,
  type Section,
} from './ledger-cells';
import { stageLabels } from './progress';
import { sourceLabel, type TrackedReview } from './review-flow';
import { NOT_RETRIEVED } from './screening';
import { countText } from './text';

export { recordAnchor, type LedgerCell, type LedgerSection, type LedgerTable } from './ledger-cells';

/** Rows above which a ledger section is rendered lazily (CSS content-visibility). */
const LONG_SECTION = 1000;

const ruleLabels: Record<Duplicate['rule'], string> = {
  doi: 'same DOI',
  pmid: 'same PubMed ID',
  title: 'same title, year and first author',
};

/** Records identified: every record of the search results, one table per source file. */
function identifiedSection(l: Ledger): Section {
  const { tracking } = l.tracked;
  const { deduplication } = l.tracked.derived;
  // Removed records by identity: a record and its duplicate often share a key (the same DOI).
  const removed = new Set(l.records.duplicates.map((d) => d.record));
  return {
    id: 'identified',
    heading: 'Records identified',
    count: Object.values(l.records.identified).reduce((n, list) => n + list.length, 0),
    intro: `Every record in the search results, one table per source file (${tracking.sources.map((s) => s.file).join(', ')}), duplicates included.`,
    tables: tracking.sources.map((source) => {
      const records = l.records.identified[source.name] ?? [];
      return {
        id: `identified-${source.name}`,
        caption: `${sourceLabel(l.review, source.name)}: ${countNoun(records.length, 'record')}`,
        columns: ['Record', 'Title', 'First author', 'Year', 'After duplicates are removed'],
        rows: records.map((r) => {
          const kept = deduplication.aliases[r.key] ?? r.key;
          const outcome = removed.has(r)
            ? { text: `duplicate of ${kept}`, href: `#${recordAnchor(kept)}` }
            : { text: 'screened', href: `#${recordAnchor(r.key)}` };
          return { cells: [key(r.key), plain(r.title), plain(familyName(r.authors[0])), yearOf(r), outcome] };
        }),
      };
    }),
  };
}

/** Duplicate records removed, each linked to the record kept and the rule that matched them. */
function duplicatesSection(l: Ledger): Section {
  const { duplicates } = l.records;
  return {
    id: 'duplicates',
    heading: 'Duplicate records removed',
    count: duplicates.length,
    intro:
      'Records found more than once. The first record of each group (sources in file-name order) is kept and screened; the others are removed, matched by DOI, then PubMed ID, then title, year and first author.',
    tables: [
      {
        caption: `Duplicates: ${countNoun(duplicates.length, 'record')} removed`,
        columns: ['Record removed', 'Source', 'Title', 'Duplicate of', 'Matched by'],
        rows: duplicates.map((d) => {
          const kept = l.byKey.get(d.of);
          const of = { ...keyLink(d.of), ...(kept ? { suffix: ` (${sourceLabel(l.review, kept.source)})` } : {}) };
          return {
            cells: [key(d.record.key), plain(sourceLabel(l.review, d.record.source)), plain(d.record.title), of, plain(ruleLabels[d.rule])],
          };
        }),
      },
    ],
  };
}

/** Records screened, each under its anchor, with its title-and-abstract decision and votes. */
function screenedSection(l: Ledger): Section {
  const { screened } = l.records;
  return {
    id: 'screened',
    heading: 'Records screened',
    count: screened.length,
    intro: 'Every record left after duplicates were removed, with its title-and-abstract decision and the votes behind it.',
    tables: [
      {
        caption: `Screened: ${countNoun(screened.length, 'record')}`,
        columns: ['Record', 'Source', 'Title', 'Year', 'Decision', 'Votes'],
        rows: screened.map((k) => {
          const r = l.byKey.get(k);
          const d = l.stage(k, 'title-abstract');
          return {
            id: recordAnchor(k),
            cells: [
              key(k),
              plain(sourceLabel(l.review, r?.source ?? '')),
              plain(r?.title ?? ''),
              yearOf(r),
              plain(taText(d)),
              plain(votesText(d)),
            ],
          };
        }),
      },
    ],
  };
}

/** A section of one table of kept records by key, each row starting with the record's key, title and year. */
function recordsSection(
  l: Ledger,
  section: Omit<Section, 'count' | 'tables'> & {
    caption: string;
    columns: string[];
    keys: readonly string[];
    cells: (k: string) => LedgerCell[];
  },
): Section {
  const { caption, columns, keys, cells, ...heading } = section;
  return {
    ...heading,
    count: keys.length,
    tables: [
      {
        caption,
        columns: ['Record', 'Title', 'Year', ...columns],
        rows: keys.map((k) => ({ cells: [...recordCells(l, k), ...cells(k)] })),
      },
    ],
  };
}

/** Records excluded on title and abstract, and how each decision was settled. */
function excludedScreeningSection(l: Ledger): Section {
  return recordsSection(l, {
    id: 'excluded-screening',
    heading: 'Records excluded at screening',
    intro:
      'Records excluded on title and abstract. Each record links to its row in the screened table, with the votes behind the decision.',
    caption: 'Excluded on title and abstract',
    // Usually the longest list of a review: the votes are in the `screened` table, one click away.
    columns: ['Settled by'],
    keys: l.records.excluded_screening,
    cells: (k) => [plain(settled(l.stage(k, 'title-abstract')))],
  });
}

/** Reports sought for retrieval, with their full-text decision. */
function soughtSection(l: Ledger): Section {
  return recordsSection(l, {
    id: 'sought',
    heading: 'Reports sought for retrieval',
    intro: 'Records included on title and abstract, whose full text was sought.',
    caption: `Sought: ${countNoun(l.records.sought.length, 'report')}`,
    columns: ['Full-text decision'],
    keys: l.records.sought,
    cells: (k) => [plain(ftText(l, l.stage(k, 'full-text')))],
  });
}

/** Reports whose full text could not be obtained. */
function notRetrievedSection(l: Ledger): Section {
  return recordsSection(l, {
    id: 'not-retrieved',
    heading: 'Reports not retrieved',
    intro: `Reports sought whose full text could not be obtained (a full-text vote "exclude" with reason "${NOT_RETRIEVED}").`,
    caption: 'Not retrieved',
    columns: ['Votes'],
    keys: l.records.not_retrieved,
    cells: (k) => [plain(votesText(l.stage(k, 'full-text')))],
  });
}

/** Reports read in full and decided, with the decision, how it was settled and the votes. */
function assessedSection(l: Ledger): Section {
  return recordsSection(l, {
    id: 'assessed',
    heading: 'Reports assessed for eligibility',
    intro: 'Reports read in full and decided.',
    caption: `Assessed: ${countNoun(l.records.assessed.length, 'report')}`,
    columns: ['Decision', 'Settled by', 'Votes'],
    keys: l.records.assessed,
    cells: (k) => [
      plain(ftText(l, l.stage(k, 'full-text'))),
      plain(settled(l.stage(k, 'full-text'))),
      plain(votesText(l.stage(k, 'full-text'))),
    ],
  });
}

/** Reports excluded at full text, reason by reason in the order the review lists its reasons. */
function excludedFullTextSection(l: Ledger): Section {
  return recordsSection(l, {
    id: 'excluded-full-text',
    heading: 'Reports excluded at full text',
    intro: 'Reports assessed and excluded, with the reason, in the order the review lists its reasons.',
    caption: 'Excluded at full text',
    columns: ['Reason', 'Settled by', 'Votes'],
    keys: Object.values(l.records.excluded_full_text).flat(),
    cells: (k) => {
      const d = l.stage(k, 'full-text');
      return [plain(l.reasonLabel(d?.reason ?? null)), plain(settled(d)), plain(votesText(d))];
    },
  });
}

/** Reports of included studies, each linked to the study it counts under. */
function includedReportsSection(l: Ledger): Section {
  const included = l.records.included_reports;
  const studyOf = new Map(
    Object.entries(l.records.included_studies).flatMap(([study, reports]) => reports.map((k) => [k, study] as const)),
  );
  const withoutStudy = new Set(l.tracked.derived.progress.includedWithoutStudy);
  const studies = Object.keys(l.records.included_studies).length;
  return recordsSection(l, {
    id: 'included-reports',
    heading: 'Reports of included studies',
    intro:
      'Reports included at full text. A report counts under the study record that carries its DOI or PubMed ID; reports of one study are counted once as a study.',
    caption: `Included: ${countNoun(included.length, 'report')} of ${countNoun(studies, 'study', 'studies')}`,
    columns: ['Study'],
    keys: included,
    cells: (k) => {
      const study = withoutStudy.has(k) ? undefined : studyOf.get(k);
      return [study ? { text: study, href: l.link(`/studies/${study}/`) } : plain('no study record has its DOI or PubMed ID')];
    },
  });
}

/** Records still open at either stage, conflicts first: in none of the boxes until decided. */
function openSection(l: Ledger): Section {
  const open = (['title-abstract', 'full-text'] as const).flatMap((s) => {
    const p = l.tracked.derived.progress.stages[s];
    return [...p.conflicts, ...p.awaiting].map((k) => ({ key: k, stage: s, decision: l.stage(k, s) }));
  });
  return {
    id: 'open',
    heading: 'Records still open',
    count: open.length,
    intro: 'Records awaiting votes, or whose reviewers disagree, at either stage. They are in none of the boxes until they are decided.',
    tables: [
      {
        caption: 'Open records',
        columns: ['Record', 'Stage', 'Status', 'Why'],
        rows: open.map((o) => ({
          cells: [
            keyLink(o.key),
            plain(stageLabels[o.stage]),
            plain(o.decision?.status === 'conflict' ? 'conflict' : 'awaiting votes'),
            plain(o.decision?.note ?? 'no votes yet'),
          ],
        })),
      },
    ],
  };
}

/** The sections of the ledger, in the diagram's order, then the records still open. */
const SECTIONS: readonly ((l: Ledger) => Section)[] = [
  identifiedSection,
  duplicatesSection,
  screenedSection,
  excludedScreeningSection,
  soughtSection,
  notRetrievedSection,
  assessedSection,
  excludedFullTextSection,
  includedReportsSection,
  openSection,
];

/** The records behind every box of a tracked review's derived flow, for /reviews/<id>/records/; `link` makes the study pages' addresses. */
export function ledgerSections(review: Review, tracked: TrackedReview, link: SiteLink): LedgerSection[] {
  const { derived } = tracked;
  const ledger: Ledger = {
    review,
    tracked,
    records: derived.records,
    link,
    byKey: new Map(derived.deduplication.unique.map((r) => [r.key, r])),
    stage: (k, s) => derived.decisions.get(k)?.[s],
    reasonLabel: (id) => (id === null ? 'no reason given' : (review.exclusion_reasons.find((r) => r.id === id)?.label ?? id)),
  };
  return SECTIONS.map((build) => {
    const section = build(ledger);
    return { ...section, countText: countText(section.count), long: section.tables.reduce((n, t) => n + t.rows.length, 0) > LONG_SECTION };
  });
}
