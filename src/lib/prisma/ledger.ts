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
import { otherMethodLabels } from '../labels';
import { hasDatabaseArm } from './box-text';
import type { DerivedFlow, FlowRecords } from './derive';
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

/** The records files of database and register searches (every file the review does not name as another method). */
const searchSources = (l: Ledger) =>
  l.tracked.tracking.sources.filter((s) => !Object.hasOwn(l.records.other_methods?.methods ?? {}, s.name));

/** Records identified: every record of the search results, one table per source file. */
function identifiedSection(l: Ledger): Section {
  const { deduplication } = l.tracked.derived;
  // Removed records by identity: a record and its duplicate often share a key (the same DOI).
  const removed = new Set(l.records.duplicates.map((d) => d.record));
  return {
    id: 'identified',
    heading: 'Records identified',
    count: Object.values(l.records.identified).reduce((n, list) => n + list.length, 0),
    intro: `Every record in the search results, one table per source file (${searchSources(l)
      .map((s) => s.file)
      .join(', ')}), duplicates included.`,
    tables: searchSources(l).map((source) => {
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
    cells: fullTextVoteCells(l),
  });
}

/** A report's full-text votes (a not-retrieved report's row, either arm). */
const fullTextVoteCells = (l: Ledger) => (k: string) => [plain(votesText(l.stage(k, 'full-text')))];

/** A decided report's row, either arm: the full-text decision, how it was settled and the votes. */
const decisionCells = (l: Ledger) => (k: string) => {
  const d = l.stage(k, 'full-text');
  return [plain(ftText(l, d)), plain(settled(d)), plain(votesText(d))];
};

/** An excluded report's row, either arm: the reason, how it was settled and the votes. */
const exclusionCells = (l: Ledger) => (k: string) => {
  const d = l.stage(k, 'full-text');
  return [plain(l.reasonLabel(d?.reason ?? null)), plain(settled(d)), plain(votesText(d))];
};

/** Reports read in full and decided, with the decision, how it was settled and the votes. */
function assessedSection(l: Ledger): Section {
  return recordsSection(l, {
    id: 'assessed',
    heading: 'Reports assessed for eligibility',
    intro: 'Reports read in full and decided.',
    caption: `Assessed: ${countNoun(l.records.assessed.length, 'report')}`,
    columns: ['Decision', 'Settled by', 'Votes'],
    keys: l.records.assessed,
    cells: decisionCells(l),
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
    cells: exclusionCells(l),
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

/** The other-methods arm's records, or an empty arm (the section builders below run only when the review names other methods). */
const otherOf = (l: Ledger) =>
  l.records.other_methods ?? {
    identified: {},
    methods: {},
    duplicates: [],
    sought: [],
    not_retrieved: [],
    assessed: [],
    excluded: {},
    included_reports: [],
  };

/** Records identified by other methods: every record of each such file, with how the review found it and when. */
function otherIdentifiedSection(l: Ledger): Section {
  const other = otherOf(l);
  const { deduplication } = l.tracked.derived;
  const removed = new Map(other.duplicates.map((d) => [d.record, d]));
  const declared = l.review.screening?.other_methods ?? [];
  return {
    id: 'other-identified',
    heading: 'Records identified by other methods',
    count: Object.values(other.identified).reduce((n, list) => n + list.length, 0),
    intro:
      'Records found by citation searching, websites or organisations rather than a database search, one table per records file, duplicates included. They are not screened on title and abstract: each is sought for retrieval and assessed in full.',
    tables: declared.map((m) => {
      const records = other.identified[m.source] ?? [];
      const file = l.tracked.tracking.sources.find((s) => s.name === m.source)?.file ?? `records/${m.source}`;
      return {
        id: `other-identified-${m.source}`,
        caption: `${otherMethodLabels[m.method]}, ${m.date} (${file}): ${countNoun(records.length, 'record')}. ${m.description}`,
        columns: ['Record', 'Title', 'First author', 'Year', 'After duplicates are removed'],
        rows: records.map((r) => {
          const duplicate = removed.get(r);
          const kept = deduplication.aliases[r.key] ?? r.key;
          const outcome = duplicate
            ? { text: `duplicate of ${kept}, found earlier`, href: `#${recordAnchor(kept)}` }
            : { text: 'sought for retrieval', href: `#${recordAnchor(r.key)}` };
          return { cells: [key(r.key), plain(r.title), plain(familyName(r.authors[0])), yearOf(r), outcome] };
        }),
      };
    }),
  };
}

/** Reports sought from other methods, each under its anchor, with its full-text decision and votes. */
function otherSoughtSection(l: Ledger): Section {
  const { sought, methods } = otherOf(l);
  return {
    id: 'other-sought',
    heading: 'Reports sought for retrieval (other methods)',
    count: sought.length,
    intro: 'Every record found by other methods and not found earlier, with its full-text decision and the votes behind it.',
    tables: [
      {
        caption: `Sought (other methods): ${countNoun(sought.length, 'report')}`,
        columns: ['Record', 'Found by', 'Title', 'Year', 'Full-text decision', 'Votes'],
        rows: sought.map((k) => {
          const r = l.byKey.get(k);
          const method = methods[r?.source ?? ''];
          const d = l.stage(k, 'full-text');
          return {
            id: recordAnchor(k),
            cells: [
              key(k),
              plain(method ? `${otherMethodLabels[method]} (${r?.source ?? ''})` : (r?.source ?? '')),
              plain(r?.title ?? ''),
              yearOf(r),
              plain(ftText(l, d)),
              plain(votesText(d)),
            ],
          };
        }),
      },
    ],
  };
}

/** Reports from other methods whose full text could not be obtained. */
function otherNotRetrievedSection(l: Ledger): Section {
  return recordsSection(l, {
    id: 'other-not-retrieved',
    heading: 'Reports not retrieved (other methods)',
    intro: `Reports found by other methods whose full text could not be obtained (a full-text vote "exclude" with reason "${NOT_RETRIEVED}").`,
    caption: 'Not retrieved (other methods)',
    columns: ['Votes'],
    keys: otherOf(l).not_retrieved,
    cells: fullTextVoteCells(l),
  });
}

/** Reports from other methods read in full and decided. */
function otherAssessedSection(l: Ledger): Section {
  return recordsSection(l, {
    id: 'other-assessed',
    heading: 'Reports assessed for eligibility (other methods)',
    intro: 'Reports found by other methods, read in full and decided.',
    caption: `Assessed (other methods): ${countNoun(otherOf(l).assessed.length, 'report')}`,
    columns: ['Decision', 'Settled by', 'Votes'],
    keys: otherOf(l).assessed,
    cells: decisionCells(l),
  });
}

/** Reports from other methods excluded at full text, reason by reason. */
function otherExcludedSection(l: Ledger): Section {
  return recordsSection(l, {
    id: 'other-excluded',
    heading: 'Reports excluded (other methods)',
    intro: 'Reports found by other methods, assessed and excluded, with the reason, in the order the review lists its reasons.',
    caption: 'Excluded (other methods)',
    columns: ['Reason', 'Settled by', 'Votes'],
    keys: Object.values(otherOf(l).excluded).flat(),
    cells: exclusionCells(l),
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

/** The databases arm's sections, in the diagram's order. */
const DATABASE_SECTIONS: readonly ((l: Ledger) => Section)[] = [
  identifiedSection,
  duplicatesSection,
  screenedSection,
  excludedScreeningSection,
  soughtSection,
  notRetrievedSection,
  assessedSection,
  excludedFullTextSection,
];

/** The other-methods arm's sections, in the diagram's order. */
const OTHER_SECTIONS: readonly ((l: Ledger) => Section)[] = [
  otherIdentifiedSection,
  otherSoughtSection,
  otherNotRetrievedSection,
  otherAssessedSection,
  otherExcludedSection,
];

/** The sections of the ledger: each arm the diagram draws (no databases arm when no database was searched), then the included reports and the records still open. */
function sectionsOf(flow: DerivedFlow['flow'], records: FlowRecords): readonly ((l: Ledger) => Section)[] {
  return [
    ...(hasDatabaseArm(flow) ? DATABASE_SECTIONS : []),
    ...(records.other_methods ? OTHER_SECTIONS : []),
    includedReportsSection,
    openSection,
  ];
}

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
  return sectionsOf(derived.flow, derived.records).map((build) => {
    const section = build(ledger);
    return { ...section, countText: countText(section.count), long: section.tables.reduce((n, t) => n + t.rows.length, 0) > LONG_SECTION };
  });
}
