// The first step of the PRISMA 2020 diagram (Page et al. 2021, BMJ 372:n71): what each box says,
// before it is wrapped and placed (./layout.ts), and the numbers as table rows. The versions table
// and the CSV's links need only this step. Null counts read "not reported", never 0; the
// previous-studies and other-methods columns appear only when the flow has them.
import type { Flow } from '../../schemas/flow';
import { sumIfBoth } from './check';
import type { ExclusionReason } from './derive';
import { countText, nText, reasonLabeller } from './text';

/** Ids of the diagram's boxes (headers included). */
export type PrismaBoxId =
  | 'header-previous'
  | 'header-main'
  | 'header-other'
  | 'previous'
  | 'identified'
  | 'removed'
  | 'screened'
  | 'excluded-screening'
  | 'sought'
  | 'not-retrieved'
  | 'assessed'
  | 'excluded-full-text'
  | 'included'
  | 'total'
  | 'other-identified'
  | 'other-sought'
  | 'other-not-retrieved'
  | 'other-assessed'
  | 'other-excluded';

/** One number of the diagram, for the table beside it. */
export interface PrismaRow {
  box: PrismaBoxId;
  stage: 'Identification' | 'Screening' | 'Included';
  label: string;
  /** The count; null when not reported. */
  n: number | null;
  /** The count as shown: "1,250" or "not reported". */
  text: string;
}

/** The diagram's rows of boxes, top to bottom; every box of a band is as tall as the tallest. */
export const PRISMA_BANDS = ['titles', 'identification', 'screened', 'sought', 'assessed', 'included', 'total'] as const;
/** A row of boxes. */
export type PrismaBand = (typeof PRISMA_BANDS)[number];

/** Where a box sits across the diagram: one column, or an arm's title over its two columns. */
export type PrismaColumn = 'previous' | 'main' | 'side' | 'other' | 'other-side' | 'main-arm' | 'other-arm';

/** One box's text, not yet wrapped or placed. */
export interface PrismaBoxText {
  id: PrismaBoxId;
  /** `header`: a column title; `count`: a box of the flow. */
  kind: 'header' | 'count';
  band: PrismaBand;
  column: PrismaColumn;
  /** Paragraphs, each wrapped on its own: ["Records screened", "(n = 840)"] (no-break spaces inside "(n = …)"). */
  texts: string[];
  /** Text anchor: centred, or from the left edge (lists). */
  align: 'middle' | 'start';
  /** Where the box links to, when the caller gives an address. */
  href?: string;
  /** The box's numbers, for the table. */
  rows: PrismaRow[];
}

/** What the diagram says: its boxes in band order, and its numbers in table order. */
export interface PrismaText {
  boxes: PrismaBoxText[];
  rows: PrismaRow[];
}

/** Options for prismaBoxText and layoutPrismaFlow. */
export interface PrismaTextOptions {
  /** The review's exclusion reasons, for their labels (ids are shown when missing). */
  reasons?: readonly ExclusionReason[];
  /** Address a box links to; undefined for none. */
  hrefFor?: (box: PrismaBoxId) => string | undefined;
}

/** The table lists the databases arm before the other-methods arm at each stage. */
const ROW_ORDER: readonly PrismaBoxId[] = [
  'previous',
  'identified',
  'removed',
  'other-identified',
  'screened',
  'excluded-screening',
  'sought',
  'not-retrieved',
  'assessed',
  'excluded-full-text',
  'other-sought',
  'other-not-retrieved',
  'other-assessed',
  'other-excluded',
  'included',
  'total',
];

type Count = number | null | undefined;
type Draft = Omit<PrismaBoxText, 'href'>;
type Stage = PrismaRow['stage'];

const row = (box: PrismaBoxId, stage: Stage, label: string, n: Count): PrismaRow => ({
  box,
  stage,
  label,
  n: n ?? null,
  text: countText(n),
});

/** A box of a label and its count, centred. */
const single = (id: PrismaBoxId, band: PrismaBand, column: PrismaColumn, label: string, n: Count, rowLabel = label): Draft => ({
  id,
  kind: 'count',
  band,
  column,
  texts: [label, nText(n)],
  align: 'middle',
  rows: [row(id, 'Screening', rowLabel, n)],
});

/** A box listing its lines from the left edge, each line a table row. */
const list = (
  id: PrismaBoxId,
  band: PrismaBand,
  column: PrismaColumn,
  stage: Stage,
  heading: string[],
  lines: [text: string, label: string, n: Count][],
): Draft => ({
  id,
  kind: 'count',
  band,
  column,
  texts: [...heading, ...lines.map(([text, , n]) => `${text} ${nText(n)}`)],
  align: 'start',
  rows: lines.map(([, label, n]) => row(id, stage, label, n)),
});

/** Reports excluded, by reason when the flow gives reasons. */
function exclusionBox(
  id: PrismaBoxId,
  column: PrismaColumn,
  counts: Readonly<Record<string, number | null>> | null | undefined,
  suffix: string,
  labelOf: (id: string) => string,
): Draft {
  const entries = Object.entries(counts ?? {});
  if (!counts || entries.length === 0) {
    const n = counts ? 0 : null;
    return {
      id,
      kind: 'count',
      band: 'assessed',
      column,
      texts: ['Reports excluded', nText(n)],
      align: 'middle',
      rows: [row(id, 'Screening', `Reports excluded${suffix}`, n)],
    };
  }
  return list(
    id,
    'assessed',
    column,
    'Screening',
    ['Reports excluded:'],
    entries.map(([reason, n]) => [labelOf(reason), `Reports excluded${suffix}: ${labelOf(reason)}`, n]),
  );
}

/** True when the flow has a databases-and-registers arm to draw: every flow, unless it says no database or register was searched. */
export const hasDatabaseArm = (flow: Flow): boolean => flow.databases_searched !== false || !flow.other_methods;

/** What the diagram says in place of the databases arm when no database or register was searched. */
export const NO_DATABASE_SEARCH = 'No database or register was searched';

/** With no database search, the other-methods arm takes the databases arm's columns. */
const OTHER_ONLY_COLUMN: Partial<Record<PrismaColumn, PrismaColumn>> = { other: 'main', 'other-side': 'side', 'other-arm': 'main-arm' };

/** The databases arm's boxes, left out when no database or register was searched. */
const DATABASE_ARM: ReadonlySet<PrismaBoxId> = new Set([
  'header-main',
  'identified',
  'removed',
  'screened',
  'excluded-screening',
  'sought',
  'not-retrieved',
  'assessed',
  'excluded-full-text',
]);

/** The column titles. */
function titleBoxes(flow: Flow): Draft[] {
  const isNew = flow.previous ? 'new ' : '';
  const title = (id: PrismaBoxId, column: PrismaColumn, text: string): Draft => ({
    id,
    kind: 'header',
    band: 'titles',
    column,
    texts: [text],
    align: 'middle',
    rows: [],
  });
  return [
    ...(flow.previous ? [title('header-previous', 'previous', 'Previous studies')] : []),
    title('header-main', 'main-arm', `Identification of ${isNew}studies via databases and registers`),
    ...(flow.other_methods
      ? [
          {
            ...title('header-other', 'other-arm', `Identification of ${isNew}studies via other methods`),
            ...(hasDatabaseArm(flow) ? {} : { texts: [`Identification of ${isNew}studies via other methods`, NO_DATABASE_SEARCH] }),
          },
        ]
      : []),
  ];
}

/** Identification: previous studies, records identified (per source), records removed, other methods. */
function identificationBoxes(flow: Flow): Draft[] {
  const { previous, other_methods: other, removed_before_screening: removed } = flow;
  const perSource = Object.entries(flow.identified.per_source ?? {});
  const boxes: Draft[] = [];
  if (previous) {
    const studies = 'Studies included in previous version of review';
    const reports = 'Reports of studies included in previous version of review';
    boxes.push(
      list(
        'previous',
        'identification',
        'previous',
        'Identification',
        [],
        [
          [studies, studies, previous.studies],
          [reports, reports, previous.reports],
        ],
      ),
    );
  }
  boxes.push(
    list(
      'identified',
      'identification',
      'main',
      'Identification',
      ['Records identified from:'],
      [
        ['Databases', 'Records identified from databases', flow.identified.databases],
        ...perSource.map(([name, n]): [string, string, Count] => [`– ${name}`, `Records identified from ${name}`, n]),
        ['Registers', 'Records identified from registers', flow.identified.registers],
      ],
    ),
    list(
      'removed',
      'identification',
      'side',
      'Identification',
      ['Records removed before screening:'],
      [
        ['Duplicate records removed', 'Duplicate records removed', removed.duplicates],
        ['Records marked as ineligible by automation tools', 'Records marked as ineligible by automation tools', removed.automation],
        ['Records removed for other reasons', 'Records removed for other reasons', removed.other],
      ],
    ),
  );
  if (other) {
    const id = other.identified;
    boxes.push(
      list(
        'other-identified',
        'identification',
        'other',
        'Identification',
        ['Records identified from:'],
        [
          ['Websites', 'Records identified from websites (other methods)', id.websites],
          ['Organisations', 'Records identified from organisations (other methods)', id.organisations],
          ['Citation searching', 'Records identified from citation searching (other methods)', id.citations],
        ],
      ),
    );
  }
  return boxes;
}

/** Screening: records screened and excluded, reports sought, not retrieved, assessed and excluded, in both arms. */
function screeningBoxes(flow: Flow, labelOf: (id: string) => string): Draft[] {
  const other = flow.other_methods;
  const boxes: Draft[] = [
    single('screened', 'screened', 'main', 'Records screened', flow.screened),
    single('excluded-screening', 'screened', 'side', 'Records excluded', flow.excluded_screening),
    single('sought', 'sought', 'main', 'Reports sought for retrieval', flow.sought),
    single('not-retrieved', 'sought', 'side', 'Reports not retrieved', flow.not_retrieved),
  ];
  if (other) {
    boxes.push(
      single(
        'other-sought',
        'sought',
        'other',
        'Reports sought for retrieval',
        other.sought,
        'Reports sought for retrieval (other methods)',
      ),
      single(
        'other-not-retrieved',
        'sought',
        'other-side',
        'Reports not retrieved',
        other.not_retrieved,
        'Reports not retrieved (other methods)',
      ),
    );
  }
  boxes.push(
    single('assessed', 'assessed', 'main', 'Reports assessed for eligibility', flow.assessed),
    exclusionBox('excluded-full-text', 'side', flow.excluded_full_text, '', labelOf),
  );
  if (other) {
    boxes.push(
      single(
        'other-assessed',
        'assessed',
        'other',
        'Reports assessed for eligibility',
        other.assessed,
        'Reports assessed for eligibility (other methods)',
      ),
      exclusionBox('other-excluded', 'other-side', other.excluded, ' (other methods)', labelOf),
    );
  }
  return boxes;
}

/** Included: studies and reports included (new ones, with a previous version), and the totals. */
function includedBoxes(flow: Flow): Draft[] {
  const previous = flow.previous;
  const studies = previous ? 'New studies included in review' : 'Studies included in review';
  const reports = previous ? 'Reports of new included studies' : 'Reports of included studies';
  const boxes = [
    list(
      'included',
      'included',
      'main',
      'Included',
      [],
      [
        [studies, studies, flow.included_studies],
        [reports, reports, flow.included_reports],
      ],
    ),
  ];
  if (previous) {
    const total = 'Total studies included in review';
    const totalReports = 'Reports of total included studies';
    const lines: [string, string, Count][] = [
      [total, total, sumIfBoth(previous.studies, flow.included_studies)],
      [totalReports, totalReports, sumIfBoth(previous.reports, flow.included_reports)],
    ];
    boxes.push(list('total', 'total', 'main', 'Included', [], lines));
  }
  return boxes;
}

/** What each box of a flow's diagram says, band by band, and the diagram's numbers as table rows. */
export function prismaBoxText(flow: Flow, options: PrismaTextOptions = {}): PrismaText {
  const labelOf = reasonLabeller(options.reasons);
  const all = [...titleBoxes(flow), ...identificationBoxes(flow), ...screeningBoxes(flow, labelOf), ...includedBoxes(flow)];
  // No database or register was searched: that arm is not drawn (not as zeros, not as "not reported"), and the other methods take its place.
  const drafts = hasDatabaseArm(flow)
    ? all
    : all.filter((d) => !DATABASE_ARM.has(d.id)).map((d) => ({ ...d, column: OTHER_ONLY_COLUMN[d.column] ?? d.column }));
  const boxes = PRISMA_BANDS.flatMap((band) => drafts.filter((d) => d.band === band)).map((d): PrismaBoxText => {
    const href = options.hrefFor?.(d.id);
    return href !== undefined ? { ...d, href } : d;
  });
  const rows = ROW_ORDER.flatMap((id) => boxes.find((b) => b.id === id)?.rows ?? []);
  return { boxes, rows };
}
